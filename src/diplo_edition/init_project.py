"""``diplo-edition init DIR``: a new edition project, ready for its first raw file.

The files written are kept in the package's ``new_project/`` folder: the collection settings with
placeholders to replace, empty registers, a README for the editors and a .gitignore. The site's theme is
not copied: it comes from the package, and the project may override single files in ``templates/``.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from .diagnostics import UsageError
from .editions import COLLECTION_FILE
from .registers import REGISTER_FILES, REGISTERS_DIR

# What the settings written by init hold where the editor must write a value of their own.
SETTINGS_PLACEHOLDER = "CHANGE-ME"
# Where each file of new_project/ goes in the project.
_LAYOUT = {
    COLLECTION_FILE: Path("editions", COLLECTION_FILE),
    **{name: Path(*REGISTERS_DIR, name) for name in REGISTER_FILES.values()},
    "README.md": Path("README.md"),
    "gitignore": Path(".gitignore"),
}


def init_project(folder: Path) -> list[Path]:
    """Create the project in folder (new or empty); the files written, relative to it."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; give the name of a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise UsageError(f"{folder} is not empty; init creates a new project in a new or empty folder "
                         "(an existing project needs no init)")
    model = resources.files("diplo_edition") / "new_project"
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    for name, target in _LAYOUT.items():
        (folder / target).parent.mkdir(parents=True, exist_ok=True)
        with resources.as_file(model / name) as source:
            shutil.copyfile(source, folder / target)
    return [Path("sources"), *_LAYOUT.values()]
