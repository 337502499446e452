"""The data rows of a table written straight into the sheet's XML: the consolidated workbook's
hot loop (50,000 rows of 30 cells for a province).

The workbook is opened in XlsxWriter's `constant_memory` mode, where each finished row goes to
the sheet's file at once and strings are inline. There, the rows of a table are written here
as XML in one piece per row, the same elements XlsxWriter writes cell by cell (`<c r s t>`,
inline strings escaped as it escapes them, numbers as `%.16G`, row heights as `ht`), and
XlsxWriter goes on after the last row. What a cell holds and looks like is decided as in
`table._put`: text stays text, numbers numbers, dates dates, the format by the column's kind.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pemetaan_ksd.a1 import column_letter
from pemetaan_ksd.write.text_metrics import ARIAL_9_PX, wrapped_lines
from pemetaan_ksd.write.workbook.cells import (
    NOT_XML,
    cell_text,
    choose,
    is_missing,
    xml_text,
)

if TYPE_CHECKING:
    from pemetaan_ksd.write.workbook.formats import Styles

# What XlsxWriter escapes in an inline string: control characters (as _xHHHH_, and a literal
# _xHHHH_ by escaping its underscore), and &, <, >.
# And what no XML can hold (cells.NOT_XML), replaced.
_NEEDS_ESCAPE = re.compile(f"[&<>\\x00-\\x08\\x0b-\\x1f{NOT_XML}]|_x[0-9a-fA-F]{{4}}_")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
_LITERAL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_NUMERIC = {"int", "money"}


def _text_xml(text: str) -> str:
    if _NEEDS_ESCAPE.search(text):
        text = xml_text(text)
        text = _LITERAL_ESCAPE.sub(r"_x005F\1", text)
        text = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", text)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _plain_text_xml(text)


def _plain_text_xml(text: str) -> str:
    r"""A text with nothing to escape; xml:space as _preserve_whitespace's test (leading or
    trailing \s) sets it, without a regular expression."""
    preserve = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<is><t{preserve}>{text}</t></is>'


@dataclass(frozen=True)
class Numbering:
    """What a sheet's rows need besides their values: the style index of each kind of cell,
    and the workbook's date system. Plain data, so that another process (elsewhere.py) writes
    the rows as this one would."""

    cell: dict[str, int]
    tint: dict[str, int]
    warn: int
    date_1904: bool
    remove_timezone: bool

    @classmethod
    def of(cls, ws: Any, st: Styles) -> Numbering:
        return cls({k: f._get_xf_index() for k, f in st.cell.items()},
                   {k: f._get_xf_index() for k, f in st.tint.items()}, st.warn._get_xf_index(),
                   ws.date_1904, ws.remove_timezone)

    def xf(self, kind: str, value: Any) -> int:
        return choose(kind, value, self.cell, self.tint, self.warn)

    def serial(self, moment: dt.datetime) -> float:
        # Here, not at the top: the rows' process starts without XlsxWriter (0.06 s).
        from xlsxwriter.utility import _datetime_to_excel_datetime

        return float(_datetime_to_excel_datetime(moment, self.date_1904, self.remove_timezone))


def _cell(ref: str, value: Any, kind: str, numbering: Numbering) -> str:
    """One cell as table._put writes it."""
    xf = numbering.xf(kind, value)
    if is_missing(value):
        return f'<c r="{ref}" s="{xf}"/>'
    if kind in _NUMERIC and isinstance(value, int | float) and not isinstance(value, bool):
        return f'<c r="{ref}" s="{xf}"><v>{value:.16G}</v></c>'
    if kind == "datetime" and isinstance(value, dt.date):
        moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        serial = numbering.serial(moment.replace(tzinfo=None))
        return f'<c r="{ref}" s="{xf}"><v>{serial:.16G}</v></c>'
    return f'<c r="{ref}" s="{xf}" t="inlineStr">{_text_xml(cell_text(value))}</c>'


@dataclass(frozen=True)
class Columns:
    """How a table's columns are written: each one's kind, whether its style is the same for
    every value, the (index, width) of those whose text wraps, and a wrapped line's height."""

    kinds: list[str]
    plain: list[bool]
    wrapped: list[tuple[int, float]]
    line_height: float


def stream_rows(ws: Any, numbering: Numbering, columns: Columns, rows: Sequence[Sequence[Any]],
                first: int) -> int:
    """Write `rows` from row `first` (0-based) of a constant_memory sheet; the row after."""
    if not rows:
        return first
    begin(ws, first)
    ws.fh.writelines(rows_xml(numbering, columns, rows, first))
    return end(ws, first, len(rows), len(columns.kinds))


def begin(ws: Any, first: int) -> None:
    """Before rows written as XML from `first`: the rows above go to the file."""
    ws._write_single_row(first)  # rows above are written; nothing of `first` is held
    if ws.table:
        raise RuntimeError("cells already held for the first data row")  # our fault


def end(ws: Any, first: int, count: int, width: int) -> int:
    """After `count` rows written as XML from `first`: the sheet knows them; the row after."""
    last = first + count - 1
    ws._check_dimensions(last, width - 1)
    ws._check_dimensions(first, 0)
    ws.previous_row = last
    return last + 1


def rows_xml(numbering: Numbering, columns: Columns, rows: Sequence[Sequence[Any]],
             first: int) -> Iterator[str]:
    """The `<row>` element of each of `rows`, numbered from `first` (0-based)."""
    kinds, plain = columns.kinds, columns.plain
    letters = [column_letter(c) for c in range(len(kinds))]
    # Each plain column's cell around its row number, its style index written in once.
    opening = [f'<c r="{letter}' for letter in letters]
    blank, text, number = [], [], []
    for kind, is_plain in zip(kinds, plain, strict=True):
        xf = numbering.xf(kind, None) if is_plain else 0
        blank.append(f'" s="{xf}"/>')
        text.append(f'" s="{xf}" t="inlineStr">')
        number.append(f'" s="{xf}"><v>' if is_plain and kind in _NUMERIC else None)
    height = _Height(columns)
    for r, values in enumerate(rows, start=first):
        n = str(r + 1)
        # One search over the row's texts; only a row that needs it is escaped cell by cell.
        texts = "\n".join([v for v in values if type(v) is str])
        escape = _NEEDS_ESCAPE.search(texts) is not None
        cells: list[str] = []
        append = cells.append
        for c, value in enumerate(values):
            if plain[c] and value is None:
                append(f"{opening[c]}{n}{blank[c]}")
            elif plain[c] and type(value) is str:
                if escape:
                    append(f"{opening[c]}{n}{text[c]}{_text_xml(value)}</c>")
                elif value[:1].isspace() or value[-1:].isspace():
                    append(f'{opening[c]}{n}{text[c]}<is><t xml:space="preserve">{value}'
                           "</t></is></c>")
                else:
                    append(f"{opening[c]}{n}{text[c]}<is><t>{value}</t></is></c>")
            elif number[c] is not None and (type(value) is int or (
                    type(value) is float and value == value)):
                append(f"{opening[c]}{n}{number[c]}{value:.16G}</v></c>")
            else:
                append(_cell(f"{letters[c]}{n}", value, kinds[c], numbering))
        yield f'<row r="{n}"{height.of(values)}>{"".join(cells)}</row>'


class _Height:
    """The `ht` of a row whose wrapped text needs more than one line (as set_row writes it)."""

    def __init__(self, columns: Columns) -> None:
        # A text fits on one line when even in capitals it is shorter than the line: no
        # estimate. (index, width, the most characters that fit so) of each wrapped column.
        self.rooms = [(index, width, _fitting(ARIAL_9_PX.room(width)))
                      for index, width in columns.wrapped]
        self.line_height = columns.line_height
        self.made: dict[int, str] = {}

    def of(self, values: Sequence[Any]) -> str:
        lines = 1
        for index, width, fitting in self.rooms:
            value = values[index]
            if type(value) is str and (len(value) > fitting or "\n" in value):
                lines = max(lines, wrapped_lines(value, width, ARIAL_9_PX))
        if lines == 1:
            return ""
        found = self.made.get(lines)
        if found is None:
            pixels = int(row_height(lines, self.line_height) * 4.0 / 3.0 + 0.5)
            found = self.made[lines] = f' ht="{pixels * 0.75:.16g}" customHeight="1"'
        return found


def _fitting(room: float) -> int:
    """The most characters `n` with n * capital <= room, by the same multiplication."""
    n = int(room / ARIAL_9_PX.capital) + 1
    while n > 0 and n * ARIAL_9_PX.capital > room:
        n -= 1
    return n


def row_height(lines: int, line_height: float) -> float:
    """The height in points of a row of `lines` wrapped lines."""
    return lines * line_height + 3
