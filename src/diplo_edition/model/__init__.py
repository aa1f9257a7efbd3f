"""The document model: the typed data that flows through the passes, at the ground floor of the package.

Every stage imports from here and nothing here imports a stage: ``lines`` (a raw line of a source and the
copies it came from), ``layout`` (what the layout passes find: footnote blocks, page starts), ``inline``
(the nodes of the reading text), ``document`` (blocks, the working document and its report) and
``passes`` (the pass and the rule chain that run over it).
"""
