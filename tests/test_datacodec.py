"""The codec of the cache: typed dataclasses to JSON data and back, checked against the type hints."""

from __future__ import annotations

import enum
import json
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import pytest

from diplo_edition.datacodec import Codec, CodecError
from diplo_edition.diagnostics import Diagnostic, Severity


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True)
class Leaf:
    name: str
    weight: float
    children: tuple[Leaf, ...] = ()


@dataclass
class Box:
    label: str | None
    count: int
    flag: bool
    data: bytes
    where: Path
    colour: Colour
    leaves: list[Leaf]
    pairs: dict[tuple[str, int], list[str]]
    by_number: dict[int, str]
    letters: Counter
    typed_letters: Counter[str]
    words: tuple[str, ...]
    triple: tuple[str, int, bool]
    loose: dict = field(default_factory=dict)
    anything: Any = None
    either: int | str = 0
    computed: int = field(default=0, init=False)


def a_box() -> Box:
    box = Box(
        label=None, count=3, flag=True, data=b"\x00<TEI/>\xff", where=Path("/tmp/x.txt"), colour=Colour.BLUE,
        leaves=[Leaf("a", 1.5, (Leaf("b", 2),))], pairs={("rule", 7): ["x"], ("other", 0): []},
        by_number={1: "one", 20: "twenty"}, letters=Counter({("footnote", "а"): 3, "z": 1}),
        typed_letters=Counter("абба"), words=("a", "b"), triple=("s", 2, False),
        loose={"n": 1, "nested": {"k": [1, (2, 3)]}, "set": {1, 2}}, anything=Leaf("c", 0.25), either="two",
    )
    box.computed = 42
    return box


def round_trip(codec: Codec, value):
    data, blobs = codec.encode(value)
    text = json.dumps(data)  # the data is JSON: it goes through a JSON text unchanged
    return codec.decode(json.loads(text), blobs)


def test_a_dataclass_of_every_kind_of_field_comes_back_equal_and_of_the_same_types():
    box = a_box()
    back = round_trip(Codec(Box), box)
    assert back == box
    assert type(back.leaves[0].children) is tuple and type(back.words) is tuple
    assert type(back.letters) is Counter and back.letters[("footnote", "а")] == 3
    assert type(back.loose["nested"]["k"][1]) is tuple and back.loose["set"] == {1, 2}
    assert back.colour is Colour.BLUE and back.flag is True and isinstance(back.where, Path)
    assert isinstance(back.anything, Leaf) and back.computed == 42
    assert type(back.leaves[0].children[0].weight) is float  # 2 given, a float by its hint


def test_byte_strings_are_kept_beside_the_json_not_in_it():
    data, blobs = Codec(Box).encode(a_box())
    assert blobs == [b"\x00<TEI/>\xff"]
    assert "TEI" not in json.dumps(data)


def test_enum_and_diagnostics_round_trip():
    diagnostics = [Diagnostic("a.yml", 3, "a message", Severity.WARNING), Diagnostic("b", None, "m")]
    assert round_trip(Codec(list[Diagnostic]), diagnostics) == diagnostics


@pytest.mark.parametrize("damage", [
    lambda d: {**d, "count": "3"},  # a str where an int belongs
    lambda d: {**d, "flag": 1},  # an int where a bool belongs
    lambda d: {k: v for k, v in d.items() if k != "label"},  # a field missing
    lambda d: {**d, "extra": 1},  # a field of another type
    lambda d: {**d, "colour": "green"},  # no such member
    lambda d: {**d, "data": 5},  # no such byte string
    lambda d: {**d, "triple": ["s", 2]},  # too short
    lambda d: {**d, "anything": ["os.system", {}]},  # a type no hint names
    lambda d: {**d, "loose": ["builtins.eval", "1"]},
    lambda d: ["not", "a", "box"],
    lambda d: d,  # the fields by name (the form of an older cache): a dataclass is the list of its values
])
def test_data_that_is_not_a_value_of_the_type_is_refused(damage):
    codec = Codec(Box)
    data, blobs = codec.encode(a_box())
    by_name = dict(zip([f.name for f in fields(Box)], json.loads(json.dumps(data)), strict=True))
    damaged = damage(by_name)
    if isinstance(damaged, dict) and damaged is not by_name:  # the fields in their order, as stored
        damaged = list(damaged.values())
    with pytest.raises(CodecError):
        codec.decode(damaged, blobs)


def test_a_value_with_no_json_form_is_refused_when_stored():
    box = a_box()
    box.anything = object()  # no hint names it, and it is no plain value
    with pytest.raises(CodecError):
        Codec(Box).encode(box)


@dataclass(frozen=True, kw_only=True)
class Named:
    first: str
    second: int = 2


def test_a_dataclass_whose_fields_are_given_by_name_comes_back_equal():
    assert round_trip(Codec(list[Named]), [Named(first="a"), Named(first="b", second=5)]) == [
        Named(first="a"), Named(first="b", second=5)]


def test_equal_strings_decode_to_one_object():
    # A summary repeats its document's id and title in every record: decoded once each, they pickle once
    # and are held in memory once (a rebuild's main process receives every summary).
    codec = Codec(list[Leaf])
    title = "Советская дипломатия, 1920-е"
    data, blobs = codec.encode([Leaf(title, 1.0), Leaf(title, 2.0)])
    first, second = codec.decode(json.loads(json.dumps(data)), blobs)
    assert first.name == second.name and first.name is second.name
    labels = Codec(list[str]).decode(json.loads(json.dumps(["¶ 12", "¶ 12"])), [])
    assert labels[0] is labels[1]
