"""The default theme of diplo-edition: Jinja2 templates and static/ (CSS, the search script).

Installed as the package ``diplo_edition.theme`` (see setup.py); a project's own ``templates/`` folder
overrides single files of it.
"""
