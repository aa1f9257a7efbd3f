"""The reading site: static HTML rendered from the TEI files of the build.

- ``tei``, ``registers``, ``document``: TEI read into plain view-model data (``model``);
- ``indexes``: registers, archives, DVP, chronology and works cited gathered across documents;
- ``render``: Jinja2 templates (``templates/`` of the project) written into the output directory.
"""

from .render import SiteReport, render_site

__all__ = ["SiteReport", "render_site"]
