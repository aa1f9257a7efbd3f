"""The reading site: static HTML rendered from the TEI files of the build, and from nothing else.

- ``tei``, ``register_index``, ``document`` (with ``document_reader``, ``citation_links`` and
  ``citation_text``): TEI read into plain view-model data (``model``);
- ``indexes`` (with ``indexes_common`` and ``chronology``): registers, archives, a concordance per
  printed series, chronology and works cited gathered across documents, and split into pages of a size
  a browser reads at once (a register entry by document, the chronology by decade or year);
- ``environment`` and ``render``: the theme's Jinja2 templates written into the output directory, once
  per interface language (``interface``), with the words of its message catalog (``i18n``, ``words``);
  ``document_pages``: the document pages, on all cores and cached; ``edition_facts``: what About says
  of the edition itself.
"""

from .render import SiteReport, render_site

__all__ = ["SiteReport", "render_site"]
