"""What a change of the corpus lexicon can decide otherwise: the line-end hyphens whose evidence the words
whose counts the changed raw files changed hold (a rebuild decides only those again,
executors.DocumentCache)."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable

from .word_forms import break_halves, lemma_prefix, lexicon_form, looked_up


class LexiconChange:
    """The word forms whose counts may differ between two corpus lexicons, folded as a Dehyphenator reads
    them: a break whose forms and stems none of them is or begins is decided the same way by both."""

    def __init__(self, forms: Iterable[str]):
        self.forms = {lexicon_form(form) for form in forms}
        self._sorted = sorted(self.forms)

    @classmethod
    def between(cls, gone: Iterable[Counter], came: Iterable[Counter]) -> LexiconChange:
        """The change from a lexicon counted with the raw files gone to one counted with the files came
        instead (each a file's word counts): the forms whose count differs. A file saved with one sentence
        more changes its words only, not every form it holds."""
        before, after = Counter(), Counter()
        for words in gone:
            before.update(words)
        for words in came:
            after.update(words)
        return cls(form for form in before.keys() | after.keys() if before[form] != after[form])

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
