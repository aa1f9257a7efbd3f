"""Rule chains, after markdown-it's ruler: a named, ordered list of rules (functions) with insertion before
or after a named rule, and enable/disable by name. The apparatus runs its span finders as one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

_T = TypeVar("_T")


class RuleChain(Generic[_T]):
    """Named rules in order, with insertion before or after a named rule, and enable/disable by name."""

    def __init__(self) -> None:
        self._rules: list[tuple[str, _T]] = []
        self._disabled: set[str] = set()

    def _index(self, name: str) -> int:
        for k, (rule_name, _) in enumerate(self._rules):
            if rule_name == name:
                return k
        raise KeyError(f"no rule named {name!r}; the rules are: {', '.join(self.names)}")

    def _insert(self, at: int, name: str, rule: _T) -> None:
        if name in self.names:
            raise KeyError(f"a rule named {name!r} is already in the chain")
        self._rules.insert(at, (name, rule))

    def push(self, name: str, rule: _T) -> None:
        self._insert(len(self._rules), name, rule)

    def before(self, other: str, name: str, rule: _T) -> None:
        self._insert(self._index(other), name, rule)

    def after(self, other: str, name: str, rule: _T) -> None:
        self._insert(self._index(other) + 1, name, rule)

    def disable(self, names: Iterable[str]) -> None:
        for name in names:
            self._index(name)
            self._disabled.add(name)

    def enable(self, names: Iterable[str]) -> None:
        for name in names:
            self._index(name)
            self._disabled.discard(name)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self._rules]

    def active(self) -> list[tuple[str, _T]]:
        """The enabled rules, in order."""
        return [(name, rule) for name, rule in self._rules if name not in self._disabled]


