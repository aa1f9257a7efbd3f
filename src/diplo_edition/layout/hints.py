"""What the edition file declares of a document's layout (``layout:``), where detection cannot settle it,
weighed against the evidence: a declaration that the text contradicts is warned about, naming both."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..model.lines import Line


def declared_heads_at(
    lines: list[Line], edges: list[int], heads: set[int], declared: tuple[str, ...], warnings: list,
    key: Callable[[str], str],
) -> set[int]:
    """The page edge lines (``edges``) that print a declared running head, told alike by ``key`` (the
    head's words, without its page number). A warning for a declared head that stands at no edge, and for
    a head found by repetition (``heads``) that is not declared."""
    keys = {key(text): text for text in declared}
    found = {i for i in edges if key(lines[i].text) in keys}
    seen = {key(lines[i].text) for i in found}
    for k, text in keys.items():
        if k not in seen:
            warnings.append((edges[0] if edges else 0, f"the running head '{text}' declared in the edition "
                             "file (layout: running_heads) stands at no page edge; check its spelling"))
    undeclared = Counter(k for i in heads if (k := key(lines[i].text)) and k not in keys)
    for k, count in undeclared.items():
        i = min(i for i in heads if key(lines[i].text) == k)
        declared_list = ", ".join(f"'{text}'" for text in declared)
        warnings.append((i, f"the running head '{lines[i].stripped}' is found on {count} pages but not "
                            f"declared (layout: running_heads: {declared_list}); declare it too"))
    return found
