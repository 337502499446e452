"""A lossless JSON form of one file's validation result, so an unchanged file need not be re-read.

    text = encode(fr)
    again = decode(text, path, display_path)   # == fr when given fr's path and display path

The JSON is plain data (no pickle, nothing that names code to run): objects, lists, strings,
numbers, true/false/null, with dates as ISO text and `Severity` as its value. The file's path and
display path are not stored: the same bytes may be found at another path, so `decode` is given
them anew. The mapping follows the type hints of the model's dataclasses (`FileResult`,
`RowResult`, `Usulan`, `Finding`), so a field added to the model is carried without a change
here; an old text that lacks it no longer decodes, and the caller re-reads the file.

`decode` raises `ValueError` for any text it cannot turn back into a `FileResult` exactly: not
JSON, another `VERSION`, a missing or unexpected key, a value of the wrong type. The caller then
simply re-reads the file. `encode` raises `TypeError` for a value outside the model's declared
types: a fault of ours, caught by the tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from pemetaan_ksd.model import FileResult, Finding, RowResult, Usulan

VERSION = 1
KIND = "pemetaan_ksd.FileResult"
# The dataclasses the JSON may hold; nothing else is ever built from a text.
_CLASSES: frozenset[type] = frozenset({FileResult, RowResult, Usulan, Finding})
# Given to `decode` anew, never stored.
_GIVEN = frozenset({"path", "display_path"})
# `list[X]` and `tuple[X, ...]` (their type arguments after the first); no fixed-size tuples.
_SEQUENCE = ((), (...,))


def encode(fr: FileResult) -> str:
    """`fr` as JSON text (ASCII only, keys in the model's order)."""
    body = _encode_fields(fr, skip=_GIVEN)
    return json.dumps({"kind": KIND, "version": VERSION, "result": body},
                      ensure_ascii=True, separators=(",", ":"))


def decode(text: str, path: Path, display_path: str, *, mtime: float | None = None
           ) -> FileResult:
    """The `FileResult` encoded in `text`, found now at `path` (shown as `display_path`).

    `mtime`, when given, replaces the stored one (the same bytes copied again have a new one).
    """
    try:
        outer = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"not a stored result: {exc}") from None
    if not isinstance(outer, dict) or set(outer) != {"kind", "version", "result"}:
        raise ValueError("not a stored result: unexpected shape")
    if outer["kind"] != KIND or type(outer["version"]) is not int:
        raise ValueError("not a stored result: unknown kind")
    if outer["version"] != VERSION:
        raise ValueError(f"stored result version {outer['version']}, this program reads {VERSION}")
    given: dict[str, Any] = {"path": path, "display_path": display_path}
    result = _decode_fields(FileResult, outer["result"], "result", given)
    if mtime is not None:
        result.mtime = mtime
    return typing.cast(FileResult, result)


def _field_types(cls: type) -> dict[str, Any]:
    """Field name -> resolved type, in declaration order."""
    resolved = typing.get_type_hints(cls)
    return {f.name: resolved[f.name] for f in dataclasses.fields(cls)}


_HINTS: dict[type, dict[str, Any]] = {cls: _field_types(cls) for cls in _CLASSES}


def _encode_fields(obj: Any, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    return {name: _encode(getattr(obj, name), hint, name)
            for name, hint in _HINTS[type(obj)].items() if name not in skip}


def _encode(value: Any, hint: Any, where: str) -> Any:
    """`value` (declared as `hint`) as JSON data; TypeError when it is not of that type."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is types.UnionType or origin is typing.Union:
        for arg in args:
            if _is_instance(value, arg):
                return _encode(value, arg, where)
    elif origin in (list, tuple) and isinstance(value, origin) and args[1:] in _SEQUENCE:
        return [_encode(item, args[0], where) for item in value]
    elif origin is dict and isinstance(value, dict):
        return {_encode(k, args[0], where): _encode(v, args[1], where) for k, v in value.items()}
    elif hint in _CLASSES and type(value) is hint:
        return _encode_fields(value)
    elif isinstance(hint, type) and issubclass(hint, Enum) and type(value) is hint:
        return value.value
    elif hint is dt.date and type(value) is dt.date:
        return value.isoformat()
    elif _is_instance(value, hint):
        return value
    raise TypeError(f"{where}: {value!r} is not {hint}")


def _is_instance(value: Any, hint: Any) -> bool:
    """Whether `value` can be stored as `hint` (one arm of a union); bool is not an int here."""
    if hint is type(None):
        return value is None
    if hint is float:
        return type(value) in (float, int)  # an int where a float is declared stays an int
    if hint is str:
        return isinstance(value, str)  # a StrEnum value is stored as its text, and equals it
    if hint in (int, bool):
        return type(value) is hint
    if hint is dt.date:
        return type(value) is dt.date
    return isinstance(value, typing.get_origin(hint) or hint)


def _decode_fields(cls: type, data: Any, where: str,
                   given: dict[str, Any] | None = None) -> Any:
    given = given or {}
    hints = {k: v for k, v in _HINTS[cls].items() if k not in given}
    if not isinstance(data, dict) or set(data) != set(hints):
        raise ValueError(f"{where}: expected the keys of {cls.__name__}")
    values = {name: _decode(data[name], hint, f"{where}.{name}") for name, hint in hints.items()}
    return cls(**values, **given)


def _decode(data: Any, hint: Any, where: str) -> Any:
    """The value of type `hint` that `_encode` turned into `data`; ValueError when none is."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is types.UnionType or origin is typing.Union:
        if data is None and type(None) in args:
            return None
        arms = [a for a in args if a is not type(None)]
        if len(arms) == 1:
            return _decode(data, arms[0], where)
    elif origin in (list, tuple) and isinstance(data, list) and args[1:] in _SEQUENCE:
        return origin(_decode(item, args[0], where) for item in data)
    elif origin is dict and isinstance(data, dict):
        return {_decode(k, args[0], where): _decode(v, args[1], where) for k, v in data.items()}
    elif hint in _CLASSES:
        return _decode_fields(hint, data, where)
    elif isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(data)
        except (ValueError, TypeError):
            pass
    elif hint is dt.date and isinstance(data, str):
        return dt.date.fromisoformat(data)
    elif hint in (int, str, bool, float) and _is_instance(data, hint):
        return data
    raise ValueError(f"{where}: {data!r} is not {hint}")
