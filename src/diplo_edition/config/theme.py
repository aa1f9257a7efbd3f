"""The site's theme: the templates and static files that ship with diplo-edition, and a project's own.

A project's ``templates/`` folder overrides single files of the packaged theme (like MkDocs'
``custom_dir``): a template is looked up in the project's folder first, then in the theme, and a file of
the project's ``templates/static/`` replaces the theme's file of that path. A project whose
``templates/`` is the theme's own source folder (this repository) simply uses the theme.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from ..fingerprints import folder_digest

THEME_PACKAGE = "diplo_edition.theme"
STATIC = "static"


def packaged_theme() -> Path:
    """The folder of the theme installed with the package (in a checkout: its top-level templates/)."""
    return Path(str(resources.files(THEME_PACKAGE))).resolve()


def theme_folders(project_templates: Path | None) -> tuple[Path, ...]:
    """Where templates are looked up, first to last: the project's templates/ (when it has one of its
    own), then the packaged theme."""
    theme = packaged_theme()
    if project_templates is None or not project_templates.is_dir() or project_templates.resolve() == theme:
        return (theme,)
    return (project_templates.resolve(), theme)


def theme_digest(folders: tuple[Path, ...]) -> str:
    """Hash of every file of the effective theme: the theme and the project's overrides."""
    return hashlib.sha256("\0".join(folder_digest(folder) for folder in folders).encode()).hexdigest()


def static_files(folders: tuple[Path, ...]) -> dict[str, Path]:
    """Each static file of the site by its path in static/ (``site.css``, ``fonts/…``): the first folder's
    version of it wins.

    The theme (the last folder) must have its static/ folder (FileNotFoundError); a project need not.
    """
    theme, *overrides = reversed(folders)
    if not (theme / STATIC).is_dir():
        raise FileNotFoundError(theme / STATIC)
    files: dict[str, Path] = {}
    for folder in (theme, *overrides):
        files.update((path.relative_to(folder / STATIC).as_posix(), path)
                     for path in (folder / STATIC).rglob("*") if path.is_file())
    return dict(sorted(files.items()))
