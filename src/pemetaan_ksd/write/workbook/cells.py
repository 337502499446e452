"""What a value becomes in a cell of the consolidated workbook: its text, whether it is
missing, its style among a sheet's styles. Plain functions without XlsxWriter, shared by the
formats (formats.py) and the rows written as XML in another process (stream.py)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def cell_text(value: Any) -> str:
    """A value that is not a number or a date, as the text its cell holds."""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return xml_text(str(value))


# What no XML 1.0 document can hold, not even escaped (Excel's _xHHHH_ is decoded back to it):
# the noncharacters U+FFFE and U+FFFF, and lone surrogates (a file name that is not UTF-8).
NOT_XML = "\ufffe\uffff\ud800-\udfff"
_NOT_XML = re.compile(f"[{NOT_XML}]")


def xml_text(text: str) -> str:
    """`text` with what no XML can hold written as U+FFFD, the replacement character."""
    return _NOT_XML.sub("\ufffd", text)


def is_missing(value: Any) -> bool:
    """None, NaN, or pandas' missing values."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def choose(kind: str, value: Any, cell: Mapping[str, T], tint: Mapping[str, T], warn: T) -> T:
    """The style of one value in a column of `kind`, among a sheet's cell styles: formats here,
    their indexes where another process writes the rows (stream.Numbering)."""
    if kind == "tint":
        return tint.get(str(value), cell["center"])
    if kind == "warn":
        return warn if not is_missing(value) else cell["text"]
    if kind == "datetime" and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return cell["date"]
    return cell.get(kind, cell["text"])
