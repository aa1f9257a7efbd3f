"""The one Russian morphological analyser of the process (pymorphy3 is slow to create, fast to use)."""

from __future__ import annotations

from functools import cache

import pymorphy3


@cache
def morph_analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")
