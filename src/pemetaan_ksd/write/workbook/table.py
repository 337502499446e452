"""A print-ready table on a sheet of its own: title block, header, rows, totals, page setup.

Every text value goes through `write_string`: a submission's `=HYPERLINK(...)`, `+62...`, `-` or
`@x` stays text and never becomes a formula. Only the totals rows hold formulas (our own SUMs,
with their values stored so that every reader sees the number).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.utility import xl_range

from pemetaan_ksd.write.palette import PAPER_F4
from pemetaan_ksd.write.text_metrics import ARIAL_9_PX, wrapped_lines
from pemetaan_ksd.write.workbook import stream
from pemetaan_ksd.write.workbook.cells import cell_text, is_missing, xml_text
from pemetaan_ksd.write.workbook.elsewhere import Elsewhere, possible
from pemetaan_ksd.write.workbook.formats import Styles
from pemetaan_ksd.write.workbook.quickzip import MARK, Deflated

HEADER_ROW = 4  # zero-based: rows 0-2 hold the title block, row 3 stays empty
LINE_HEIGHT = 11.3  # points per wrapped line of 9-point Arial (Excel; LibreOffice ~10.3)
JUMLAH = "JUMLAH"
_WRAPPED = {"text", "center", "warn", "tint"}
_NUMERIC = {"int", "money"}
_STYLED_BY_VALUE = {"tint", "warn", "datetime"}


@dataclass(frozen=True)
class Col:
    """One column of a table: header, width in characters, how its cells look."""

    header: str
    width: float
    kind: str = "text"  # text, center, int, money, datetime, mono, tint, warn
    total: bool = False
    group: str | None = None  # a second header row above, merged over equal groups
    printed: bool = True  # False: kept for the analyst, outside the print area (grey header)


@dataclass(frozen=True)
class Book:
    """The workbook being written, its formats, and the line every title block starts with."""

    wb: Any
    st: Styles
    pemerintah: str  # PEMERINTAH KABUPATEN ...
    # Sheet parts whose rows another process deflated, for the zip (QuickZip(joined=...)).
    joined: dict[str, Deflated] = field(default_factory=dict)


@dataclass(frozen=True)
class TableSheet:
    """What a table sheet shows: its columns, rows, titles, footer and print layout."""

    name: str
    cols: Sequence[Col]
    rows: Sequence[Sequence[Any]]
    judul: str  # the title under PEMERINTAH ...
    sub: str  # the line under the title
    footer: str  # printed at the bottom left of every page
    empty: str  # the note in place of the rows when there are none
    totals: bool = False  # a JUMLAH row under the rows
    freeze_col: int = 0  # columns kept in view when scrolling right
    paper: int = PAPER_F4


@dataclass(frozen=True)
class Placed:
    """Where a table landed."""

    first: int  # first data row
    end: int  # row after the table (after the totals row when there is one)


def write_table(book: Book, table: TableSheet) -> tuple[Any, Placed]:
    """A titled, filtered, frozen, print-ready table on a new sheet."""
    return begin_table(book, table).finish()


@dataclass
class Begun:
    """A table whose sheet, titles and header are written; its rows written or being made."""

    book: Book
    table: TableSheet
    ws: Any
    last_header: int
    end: int  # the row after the data rows
    rows_elsewhere: Elsewhere | None = None

    def finish(self) -> tuple[Any, Placed]:
        """The place of the rows made elsewhere and the rest of the rows, then the totals and
        the print layout."""
        ws, table, cols, rows = self.ws, self.table, self.table.cols, self.table.rows
        first = self.last_header + 1
        elsewhere = self.rows_elsewhere
        if elsewhere is not None:
            numbering, columns, _, _ = elsewhere.given
            ws.fh.write(MARK)
            ws.fh.writelines(stream.rows_xml(numbering, columns, rows[elsewhere.count:],
                                             first + elsewhere.count))
            made = elsewhere.deflated()  # kept until `close`, after the zip
            self.book.joined[_part_name(self.book.wb, ws)] = made
            stream.end(ws, first, len(rows), len(cols))
        ws.autofilter(self.last_header, 0, max(self.end - 1, self.last_header), len(cols) - 1)
        end, printed = self.end, sum(1 for c in cols if c.printed)
        if not rows:
            empty_note(ws, self.book.st, printed, end, table.empty)
            end += 1
        elif table.totals:
            totals_row(ws, self.book.st, cols, rows, first, end)
            end += 1
        ws.freeze_panes(first, table.freeze_col)
        page_setup(ws, HEADER_ROW, self.last_header, table.footer, table.paper)
        if printed < len(cols):
            ws.print_area(0, 0, end - 1, printed - 1)
        return ws, Placed(first, end)

    def close(self) -> None:
        if self.rows_elsewhere is not None:
            self.rows_elsewhere.close()


def _part_name(wb: Any, ws: Any) -> str:
    """The zip part XlsxWriter writes a worksheet to (packager: worksheets numbered from 1)."""
    return f"xl/worksheets/sheet{wb.worksheets().index(ws) + 1}.xml"


def begin_table(book: Book, table: TableSheet, elsewhere: bool = False,
                made: Elsewhere | None = None) -> Begun:
    """The sheet, its titles and header, and its rows; with `elsewhere`, the rows of a long
    table are made by another process meanwhile (elsewhere.py): call `finish` to add them.
    `made`: those rows, already being made (started before the workbook was opened)."""
    st, cols, rows = book.st, table.cols, table.rows
    ws = book.wb.add_worksheet(table.name)
    title_block(ws, st, sum(1 for c in cols if c.printed), book.pemerintah, table.judul,
                table.sub)
    last_header = header(ws, st, cols, HEADER_ROW)
    first = last_header + 1
    if made is not None:
        if made.given != (stream.Numbering.of(ws, st), stream_columns(cols), first, len(rows)):
            raise RuntimeError(f"rows made for another layout of {table.name}")  # our fault
        stream.begin(ws, first)
        return Begun(book, table, ws, last_header, first + len(rows), made)
    if elsewhere and ws.constant_memory and possible(len(rows)):
        stream.begin(ws, first)
        made = Elsewhere(stream.Numbering.of(ws, st), stream_columns(cols), rows, first,
                         book.wb.tmpdir)
        return Begun(book, table, ws, last_header, first + len(rows), made)
    return Begun(book, table, ws, last_header, data_rows(ws, st, cols, rows, first))


def title_block(ws: Any, st: Styles, ncols: int, pemerintah: str, judul: str, sub: str) -> None:
    for row, text, fmt, height in ((0, pemerintah, st.pemerintah, 18),
                                   (1, judul, st.judul, 20), (2, sub, st.sub, 15)):
        if ncols > 1:
            ws.merge_range(row, 0, row, ncols - 1, "", fmt)
        ws.write_string(row, 0, text, fmt)
        ws.set_row(row, height)


def header(ws: Any, st: Styles, cols: Sequence[Col], row: int) -> int:
    """The header row(s) and the column widths; returns the last header row."""
    for i, col in enumerate(cols):
        ws.set_column(i, i, col.width)
    lines = max(wrapped_lines(c.header, c.width - 1, ARIAL_9_PX) for c in cols)
    if not any(c.group for c in cols):
        ws.set_row(row, max(2, lines) * LINE_HEIGHT + 6)
        for i, col in enumerate(cols):
            ws.write_string(row, i, col.header, st.header if col.printed else st.header_extra)
        return row
    ws.set_row(row, 2 * LINE_HEIGHT)  # heights first: a streamed row is written when left
    ws.set_row(row + 1, max(2, lines) * LINE_HEIGHT + 6)
    _grouped_header(ws, st, cols, row)
    return row + 1


def _grouped_header(ws: Any, st: Styles, cols: Sequence[Col], row: int) -> None:
    """Two header rows: a group's name merged over its columns, a lone column over both.

    Written a row at a time (the sheet streams rows in order), the merges recorded after."""
    spans: list[tuple[int, int, str | None]] = []  # (first column, last column, group)
    i = 0
    while i < len(cols):
        end = i
        while cols[i].group is not None and end + 1 < len(cols) and (
                cols[end + 1].group == cols[i].group):
            end += 1
        spans.append((i, end, cols[i].group))
        i = end + 1
    for first, last, group in spans:
        ws.write_string(row, first, group or cols[first].header, st.header)
        for j in range(first + 1, last + 1):
            ws.write_blank(row, j, None, st.header)
    for first, last, group in spans:
        for j in range(first, last + 1):
            if group is None:
                ws.write_blank(row + 1, j, None, st.header)
            else:
                ws.write_string(row + 1, j, cols[j].header, st.header)
    for first, last, group in spans:
        if group is None:
            _merge_written(ws, row, first, row + 1, first)
        elif last > first:
            _merge_written(ws, row, first, row, last)


def _merge_written(ws: Any, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merge cells already written. merge_range would write them again, which a sheet that
    streams its rows (constant_memory) refuses for a row it has left; XlsxWriter keeps its
    merges in `ws.merge`, written with the sheet."""
    ws.merge.append([first_row, first_col, last_row, last_col])


def data_rows(ws: Any, st: Styles, cols: Sequence[Col], rows: Sequence[Sequence[Any]],
              first: int) -> int:
    """The data rows from `first`; returns the row after the last one."""
    columns = stream_columns(cols)
    kinds, plain, wrapped = columns.kinds, columns.plain, columns.wrapped
    formats = [st.cell.get(c.kind, st.cell["text"]) for c in cols]
    if ws.constant_memory:
        return stream.stream_rows(ws, stream.Numbering.of(ws, st), columns, rows, first)
    for r, values in enumerate(rows, start=first):
        for c, value in enumerate(values):
            if plain[c] and value is None:  # the common cases first, for 20,000 rows
                ws.write_blank(r, c, None, formats[c])
            elif plain[c] and type(value) is str:
                ws.write_string(r, c, xml_text(value), formats[c])
            else:
                _put(ws, r, c, value, kinds[c], st)
        _fit_height(ws, r, wrapped, values)
    return first + len(rows)


def stream_columns(cols: Sequence[Col]) -> stream.Columns:
    """How the rows of `cols` are written as XML."""
    return stream.Columns([c.kind for c in cols], [c.kind not in _STYLED_BY_VALUE for c in cols],
                          [(i, c.width) for i, c in enumerate(cols) if c.kind in _WRAPPED],
                          LINE_HEIGHT)


def _put(ws: Any, row: int, col: int, value: Any, kind: str, st: Styles) -> None:
    """One cell; text always as text, numbers as numbers, dates as dates."""
    fmt = st.for_cell(kind, value)
    if is_missing(value):
        ws.write_blank(row, col, None, fmt)
    elif kind in _NUMERIC and isinstance(value, int | float) and not isinstance(value, bool):
        ws.write_number(row, col, value, fmt)
    elif kind == "datetime" and isinstance(value, dt.date):
        moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        ws.write_datetime(row, col, moment.replace(tzinfo=None), fmt)
    else:
        ws.write_string(row, col, cell_text(value), fmt)


def _fit_height(ws: Any, row: int, wrapped: Sequence[tuple[int, float]],
                values: Sequence[Any]) -> None:
    """Set a row's height to its wrapped text: no reader can be trusted to do it on opening.

    `wrapped` holds (index, width) of the columns whose text wraps.
    """
    lines = 1
    for index, width in wrapped:
        value = values[index]
        if type(value) is str and value:
            lines = max(lines, wrapped_lines(value, width, ARIAL_9_PX))
    if lines > 1:
        ws.set_row(row, stream.row_height(lines, LINE_HEIGHT))


def totals_row(ws: Any, st: Styles, cols: Sequence[Col], rows: Sequence[Sequence[Any]],
               first: int, row: int) -> None:
    """A JUMLAH row: SUM formulas with their values stored."""
    label_end = next(i for i, c in enumerate(cols) if c.total) - 1
    if label_end > 0:
        ws.merge_range(row, 0, row, label_end, "", st.total["text"])
    ws.write_string(row, 0, JUMLAH, st.total["text"])
    for i in range(label_end + 1, len(cols)):
        col = cols[i]
        fmt = st.total["money" if col.kind == "money" else "int"]
        if not col.total:
            ws.write_blank(row, i, None, st.total["text"])
            continue
        value = sum(float(v[i]) for v in rows if not is_missing(v[i]))
        value_out: float | int = int(value) if col.kind == "int" else value
        if rows:
            ws.write_formula(row, i, f"=SUM({xl_range(first, i, row - 1, i)})", fmt, value_out)
        else:
            ws.write_number(row, i, value_out, fmt)


def empty_note(ws: Any, st: Styles, ncols: int, row: int, text: str) -> None:
    if ncols > 1:
        ws.merge_range(row, 0, row, ncols - 1, "", st.note)
    ws.write_string(row, 0, text, st.note)


def page_setup(ws: Any, header_first: int, header_last: int, footer: str,
               paper: int = PAPER_F4) -> None:
    """Landscape, one page wide, the header rows repeated, the footer with page numbers."""
    ws.set_landscape()
    ws.set_paper(paper)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_first, header_last)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.center_horizontally()
    ws.set_footer(f"&L&8{footer.replace('&', '&&')}&R&8Halaman &P dari &N")
