"""The frozen records of the summaries (mentions, dates, citations, their loci and snippets): pickled as
their values, and changed one field at a time, both without looking their fields up for each record."""

from __future__ import annotations

from functools import cache
from operator import attrgetter
from typing import Any


class Record:
    """A slotted record pickles as its class and its fields' values: the page workers send every summary to
    the main process, and a frozen slotted dataclass's own way (``__getstate__``) looks up its fields
    again for each object (a quarter more time both ways)."""

    __slots__ = ()

    def __reduce__(self) -> tuple:
        return type(self), _values_of(type(self))[0](self)


@cache
def _values_of(cls: type) -> tuple[attrgetter, tuple[str, ...]]:
    """The getter of a record class's field values in their order, and their names (all given to its
    __init__ by position)."""
    names = cls.__match_args__  # type: ignore[attr-defined]
    return attrgetter(*names), names


def changed(record: Any, name: str, value: Any) -> Any:
    """The record with one field's value changed: dataclasses.replace, for the records of the summaries,
    which are moved by the ten thousand (replace looks their fields up for each)."""
    get, names = _values_of(type(record))
    values = list(get(record))
    values[names.index(name)] = value
    return type(record)(*values)
