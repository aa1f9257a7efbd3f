"""The editors' settings, declared once: the typed options (``options.py``), the keys of every edition
file (``schema.py``), the README's table of them (``keys_table.py``) and the site's theme with its
per-project overrides (``theme.py``)."""
