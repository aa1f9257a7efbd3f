"""Values of a typed dataclass <-> plain JSON data, driven by the type hints, for the caches.

``Codec(SomeType)`` reads the type hints of SomeType (and of every dataclass they name) once and turns a
value into JSON data and back: dataclasses (frozen or not, nested; each as the list of its fields'
values), str/int/float/bool/None, Enum, Path, list/tuple/set/frozenset, dict with any keys, Counter,
unions. Byte strings are not put in the JSON: they are collected in a list beside it (the cache keeps them
as raw bytes after the JSON).

Decoded strings are interned: the same strings (a document's id and title, languages, labels) stand in
every record of an entry, and as one object each a decoded summary pickles and is held in memory once.

Decoding checks every value against its type and raises CodecError on anything else, so data that was
damaged or made by someone else never becomes an object of an unexpected kind. Where a hint says nothing
(``dict``, ``list``, ``Any``, ``object``) the value is tagged with its kind; a dataclass or Enum there must
be one the hints reach, or one given as ``known``: no type is ever looked up by a name read from data.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections import Counter
from collections.abc import Callable
from pathlib import Path, PurePath
from sys import intern
from typing import Any

Encoder = Callable[[Any, list[bytes]], Any]
Decoder = Callable[[Any, list[bytes]], Any]


class CodecError(ValueError):
    """A value that has no JSON form here, or data that is not a value of the type."""


def type_name(tp: Any) -> str:
    return f"{tp.__module__}.{tp.__qualname__}" if isinstance(tp, type) else repr(tp)


class Codec:
    def __init__(self, tp: Any, known: tuple[type, ...] = ()):
        self.type = tp
        self._compiled: dict[Any, tuple[Encoder, Decoder]] = {}
        self._known: dict[str, type] = {}
        for extra in known:
            self._reach(extra)
        self._reach(tp)
        self._encode, self._decode = self._codec(tp)

    def encode(self, value: Any) -> tuple[Any, list[bytes]]:
        """The JSON data of value, and the byte strings it refers to by index."""
        blobs: list[bytes] = []
        return self._encode(value, blobs), blobs

    def decode(self, data: Any, blobs: list[bytes]) -> Any:
        return self._decode(data, blobs)

    # --- the types the hints reach: the only ones an untyped place may hold -------------------------

    def _reach(self, tp: Any) -> None:
        for arg in typing.get_args(tp):
            self._reach(arg)
        if not isinstance(tp, type) or type_name(tp) in self._known:
            return
        if dataclasses.is_dataclass(tp):
            self._known[type_name(tp)] = tp
            for hint in typing.get_type_hints(tp).values():
                self._reach(hint)
        elif issubclass(tp, enum.Enum):
            self._known[type_name(tp)] = tp

    # --- one encoder and decoder per type, made once -----------------------------------------------

    def _codec(self, tp: Any) -> tuple[Encoder, Decoder]:
        if tp not in self._compiled:
            # A placeholder first: a dataclass may name itself (a tree of entries).
            self._compiled[tp] = (lambda v, b: self._compiled[tp][0](v, b),
                                  lambda d, b: self._compiled[tp][1](d, b))
            self._compiled[tp] = self._make(tp)
        return self._compiled[tp]

    def _make(self, tp: Any) -> tuple[Encoder, Decoder]:
        if tp is Any or tp is object:
            return self._untyped_encode, self._untyped_decode
        if tp is type(None) or tp is None:
            return _scalar(type(None))
        if tp in (str, int, float, bool):
            return _scalar(tp)
        if tp is bytes:
            return _bytes_codec()
        if isinstance(tp, type) and issubclass(tp, PurePath):
            return lambda v, b: _checked(v, PurePath, str), lambda d, b: tp(_checked(d, str))
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return lambda v, b: _checked(v, tp).value, lambda d, b: _enum(tp, d)
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            return self._dataclass(tp)
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            return self._union(args)
        container = origin or tp
        if container in (list, set, frozenset) or (container is tuple and args[-1:] == (Ellipsis,)):
            return self._sequence(container, args[0] if args else Any)
        if container is tuple:
            return self._fixed_tuple(args) if args else self._sequence(tuple, Any)
        if container in (dict, Counter):
            key, value = (args + (Any, Any))[:2] if container is dict else (args[0] if args else Any, int)
            return self._mapping(container, key, value)
        raise CodecError(f"no JSON form for the type {tp!r}")

    def _dataclass(self, cls: type) -> tuple[Encoder, Decoder]:
        """A dataclass is the list of its fields' values in their order (no names: smaller, and quicker to
        read back); its scalar fields are checked in place, without a decoder's call each."""
        fields = dataclasses.fields(cls)
        hints = typing.get_type_hints(cls)
        codecs = [self._codec(hints[f.name]) for f in fields]
        encoders = [(f.name, enc) for f, (enc, _) in zip(fields, codecs, strict=True)]
        # (the scalar type a value must be of, else None; the field's decoder)
        plan = [(hints[f.name] if hints[f.name] in (str, int, bool) else None, dec)
                for f, (_, dec) in zip(fields, codecs, strict=True)]
        by_position = all(f.init and not f.kw_only for f in fields)  # else: __init__ by name, and the rest
        given_to_init = [(k, f.name) for k, f in enumerate(fields) if f.init]
        later = [(k, f.name) for k, f in enumerate(fields) if not f.init]  # set after __init__
        count = len(fields)

        def encode(value: Any, blobs: list[bytes]) -> list:
            if type(value) is not cls:  # a subclass would come back as cls
                raise CodecError(f"{type(value).__name__} where a {cls.__qualname__} belongs")
            return [enc(getattr(value, name), blobs) for name, enc in encoders]

        def decode(data: Any, blobs: list[bytes]) -> Any:
            if type(data) is not list or len(data) != count:
                raise CodecError(f"not the fields of {cls.__qualname__}")
            values = [(intern(x) if kind is str else x) if kind is not None and type(x) is kind
                      else dec(x, blobs) for (kind, dec), x in zip(plan, data, strict=True)]
            if by_position:
                return cls(*values)
            value = cls(**{name: values[k] for k, name in given_to_init})
            for k, name in later:
                object.__setattr__(value, name, values[k])
            return value

        return encode, decode

    def _union(self, members: tuple) -> tuple[Encoder, Decoder]:
        others = [m for m in members if m is not type(None)]
        if len(others) == 1 < len(members):  # X | None: None is null, and nothing of X is
            enc, dec = self._codec(others[0])
            return (lambda v, b: None if v is None else enc(v, b),
                    lambda d, b: None if d is None else dec(d, b))
        codecs = [self._codec(m) for m in members]

        def encode(value: Any, blobs: list[bytes]) -> list:
            for k, member in enumerate(members):
                if isinstance(value, typing.get_origin(member) or member):
                    return [k, codecs[k][0](value, blobs)]
            raise CodecError(f"{type(value).__name__} is none of {members}")

        def decode(data: Any, blobs: list[bytes]) -> Any:
            if not (isinstance(data, list) and len(data) == 2 and type(data[0]) is int
                    and 0 <= data[0] < len(codecs)):
                raise CodecError("not a value of a union")
            return codecs[data[0]][1](data[1], blobs)

        return encode, decode

    def _sequence(self, container: type, item: Any) -> tuple[Encoder, Decoder]:
        enc, dec = self._codec(item)
        return (lambda v, b: [enc(x, b) for x in _checked(v, container)],
                lambda d, b: container(dec(x, b) for x in _checked(d, list)))

    def _fixed_tuple(self, items: tuple) -> tuple[Encoder, Decoder]:
        codecs = [self._codec(item) for item in items]

        def encode(value: Any, blobs: list[bytes]) -> list:
            if not isinstance(value, tuple) or len(value) != len(codecs):
                raise CodecError(f"not a tuple of {len(codecs)}")
            return [enc(x, blobs) for (enc, _), x in zip(codecs, value, strict=True)]

        def decode(data: Any, blobs: list[bytes]) -> tuple:
            if not isinstance(data, list) or len(data) != len(codecs):
                raise CodecError(f"not a list of {len(codecs)}")
            return tuple(dec(x, blobs) for (_, dec), x in zip(codecs, data, strict=True))

        return encode, decode

    def _mapping(self, container: type, key: Any, value: Any) -> tuple[Encoder, Decoder]:
        (enc_key, dec_key), (enc_value, dec_value) = self._codec(key), self._codec(value)
        if key is str:  # a JSON object keeps the order of its keys
            return (lambda v, b: {_checked(k, str): enc_value(x, b)
                                  for k, x in _checked(v, container).items()},
                    lambda d, b: container({k: dec_value(x, b) for k, x in _checked(d, dict).items()}))
        return (lambda v, b: [[enc_key(k, b), enc_value(x, b)] for k, x in _checked(v, container).items()],
                lambda d, b: container({dec_key(k, b): dec_value(x, b) for k, x in _pairs(d)}))

    # --- places the hints leave open: each value tagged with its kind -------------------------------

    def _untyped_encode(self, value: Any, blobs: list[bytes]) -> Any:
        if value is None or type(value) in (str, int, float, bool):
            return value
        kind = type(value)
        if kind in _UNTYPED_CONTAINERS:
            return [kind.__name__, self._codec(kind)[0](value, blobs)]
        if isinstance(value, PurePath):
            return ["Path", str(value)]
        if kind is bytes:
            return ["bytes", _store_blob(value, blobs)]
        if self._known.get(type_name(kind)) is kind:
            return [type_name(kind), self._codec(kind)[0](value, blobs)]
        raise CodecError(f"no JSON form for a {kind.__qualname__} where the type hints say nothing")

    def _untyped_decode(self, data: Any, blobs: list[bytes]) -> Any:
        if data is None or type(data) in (str, int, float, bool):
            return data
        if not (isinstance(data, list) and len(data) == 2 and isinstance(data[0], str)):
            raise CodecError("not a tagged value")
        tag, payload = data
        kind = _UNTYPED_BY_NAME.get(tag) or self._known.get(tag)
        if kind is None:
            raise CodecError(f"unknown kind of value {tag!r}")
        return self._codec(kind)[1](payload, blobs)


_UNTYPED_CONTAINERS = (list, tuple, set, frozenset, dict, Counter)
_UNTYPED_BY_NAME: dict[str, Any] = {kind.__name__: kind for kind in _UNTYPED_CONTAINERS}
_UNTYPED_BY_NAME.update(Path=Path, bytes=bytes)


def _checked(value: Any, kind: type, then: Callable[[Any], Any] | None = None) -> Any:
    if not isinstance(value, kind):
        raise CodecError(f"{type(value).__name__} where a {kind.__name__} belongs")
    return then(value) if then else value


def _scalar(kind: type) -> tuple[Encoder, Decoder]:
    def encode(value: Any, blobs: list[bytes]) -> Any:
        # bool is an int to Python, but not here: True must come back as True.
        if type(value) is kind or (kind is float and type(value) is int):
            return value
        raise CodecError(f"{type(value).__name__} where a {kind.__name__} belongs")

    def decode(data: Any, blobs: list[bytes]) -> Any:
        if type(data) is kind:
            return intern(data) if kind is str else data
        if kind is float and type(data) is int:
            return float(data)
        raise CodecError(f"{type(data).__name__} where a {kind.__name__} belongs")

    return encode, decode


def _store_blob(value: bytes, blobs: list[bytes]) -> int:
    blobs.append(value)
    return len(blobs) - 1


def _bytes_codec() -> tuple[Encoder, Decoder]:
    def decode(data: Any, blobs: list[bytes]) -> bytes:
        if type(data) is not int or not 0 <= data < len(blobs):
            raise CodecError("not the index of a byte string")
        return blobs[data]

    return lambda v, b: _store_blob(_checked(v, bytes), b), decode


def _enum(kind: type[enum.Enum], data: Any) -> enum.Enum:
    try:
        return kind(data)
    except ValueError:
        raise CodecError(f"{data!r} is no {kind.__qualname__}") from None


def _pairs(data: Any) -> list[list]:
    if not isinstance(data, list) or not all(isinstance(p, list) and len(p) == 2 for p in data):
        raise CodecError("not a list of pairs")
    return data
