"""What a change of the corpus lexicon can decide otherwise: the line-end hyphens whose evidence the words of
the changed raw files hold (a rebuild decides only those again, executors.DocumentCache)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from .word_forms import break_halves, lemma_prefix, lexicon_form, looked_up


class LexiconChange:
    """The word forms whose counts may differ between two corpus lexicons (every form of the raw files that
    one was counted from and the other not), folded as a Dehyphenator reads them: a break whose forms and
    stems none of them is or begins is decided the same way by both."""

    def __init__(self, forms: Iterable[str]):
        self.forms = {lexicon_form(form) for form in forms}
        self._sorted = sorted(self.forms)

    def touches(self, left: str, right: str) -> bool:
        """Might the change decide the break between left and right (as Dehyphenator.decide takes them)
        otherwise? Every form the decision reads from the lexicon is one of these, or begins with a stem."""
        left, right = break_halves(left, right)
        if not left or not right:
            return False
        lo_left, lo_right = looked_up(left, right)
        joined, hyphenated = lo_left + lo_right, f"{lo_left}-{lo_right}"
        if joined in self.forms or hyphenated in self.forms:
            return True
        stems = (lemma_prefix(hyphenated, len(lo_left) + 1), lemma_prefix(joined, len(lo_left)))
        for stem in stems:
            i = bisect.bisect_left(self._sorted, stem)
            if i < len(self._sorted) and self._sorted[i].startswith(stem):
                return True
        return False
