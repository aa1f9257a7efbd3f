"""The packages: everything under src/, and the default theme, kept in the top-level templates/ folder,
installed as diplo_edition.theme (the rest of the configuration is in pyproject.toml)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "diplo_edition.theme"],
    package_dir={"": "src", "diplo_edition.theme": "templates"},
)
