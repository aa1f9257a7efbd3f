"""``python -m diplo_edition.config`` prints the README's table of edition-file keys."""

from .keys_table import keys_table

print(keys_table(), end="")
