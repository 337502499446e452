"""Extent, error cells and merged ranges of .ods tables, from `content.xml`.

calamine builds every table of an .ods when the workbook is opened, so all tables are scanned.
Rows and cells may be repeated (`table:number-rows-repeated`, `table:number-columns-repeated`);
LibreOffice marks an error result with `calcext:value-type="error"` and writes its text in
`<text:p>` while `office:string-value` is empty, which is what calamine returns. A merged range
is the cell carrying `table:number-rows-spanned` / `table:number-columns-spanned` (calamine 0.9.1
gives no merged ranges for .ods).

Files written with the usual `table:` prefix are scanned row by row with byte searches (a full
XML parse costs ~20 times calamine's own read); anything else is parsed with defusedxml.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from typing import Any

from pemetaan_ksd.read.safexml import ElementTree, Forbidden, ParseError
from pemetaan_ksd.read.scan import ErrorBlock, ScanError, SheetScan

CONTENT_PART = "content.xml"

# --- byte search, for the usual prefixes -----------------------------------------------------
_PLAIN_TABLE = b"<table:table "
_ODD = (b'repeated="&', b"repeated='&", b"<table:table>", b"<table:table\n", b"<table:table\t")
_TABLE_START = re.compile(rb"<table:table\s([^>]*)>")
_TABLE_END = b"</table:table>"
_NAME = re.compile(rb"""table:name=["']([^"']*)["']""")
_ROW_START = re.compile(rb"<table:table-row(?=[\s/>])([^>]*)>")
_ROW_END = b"</table:table-row>"
_CELL_START = re.compile(rb"<table:(?:covered-)?table-cell(?=[\s/>])([^>]*)>")
_CELL_END = re.compile(rb"</table:(?:covered-)?table-cell>|<table:(?:covered-)?table-cell[\s/>]")
_ROWS_REPEAT = re.compile(rb"""number-rows-repeated=["']([0-9]+)["']""")
_COLUMNS_REPEAT = re.compile(rb"""number-columns-repeated=["']([0-9]+)["']""")
_TAG = re.compile(rb"<[^>]*>")
_ERROR_TYPE = b'value-type="error"'
_SPANNED = b"-spanned="
_ROWS_SPANNED = re.compile(rb"""number-rows-spanned=["']([0-9]+)["']""")
_COLUMNS_SPANNED = re.compile(rb"""number-columns-spanned=["']([0-9]+)["']""")

# --- full parse -------------------------------------------------------------------------------
_NS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_NS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_NS_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_TABLE_TAG = _NS_TABLE + "table"
_ROW_TAG = _NS_TABLE + "table-row"
_CELL_TAG = _NS_TABLE + "table-cell"
_CELL_TAGS = frozenset({_CELL_TAG, _NS_TABLE + "covered-table-cell"})


def scan(archive: zipfile.ZipFile) -> dict[str, SheetScan]:
    """Every table by name. Raises ScanError when content.xml is missing or malformed."""
    try:
        content = archive.read(CONTENT_PART)
    except KeyError as exc:
        raise ScanError("content.xml tidak ada") from exc
    if _PLAIN_TABLE in content and not any(odd in content for odd in _ODD):
        return _scan_plain(content)
    return _scan_parsed(content)


def _note_error(scan: SheetScan, row: int, column: int, rows: int, columns: int,
                text: str) -> None:
    if rows == 1 and columns == 1:
        scan.errors[(row, column)] = text
    else:
        scan.error_blocks.append(ErrorBlock(row, column, rows, columns, text))


def _repeat_in(attributes: bytes, pattern: re.Pattern[bytes]) -> int:
    found = pattern.search(attributes)
    return max(1, int(found.group(1))) if found else 1


def _row_width(body: bytes) -> int:
    """Columns up to the last cell with a value: cells before it, repeats included."""
    last = max(body.rfind(b"value-type"), body.rfind(b"<text:"))
    if last < 0:
        return 0
    cut = body[: body.find(b">", last) + 1]
    cells = cut.count(b"<table:table-cell") + cut.count(b"<table:covered-table-cell")
    return cells + sum(int(n) - 1 for n in _COLUMNS_REPEAT.findall(cut) if int(n) > 1)


def _row_errors(body: bytes, row: int, rows: int, scan: SheetScan) -> None:
    column = 0
    for cell in _CELL_START.finditer(body):
        repeat = _repeat_in(cell.group(1), _COLUMNS_REPEAT)
        if _ERROR_TYPE in cell.group(1):
            end = _CELL_END.search(body, cell.end())
            inner = body[cell.end() : end.start() if end else len(body)]
            text = _TAG.sub(b"", inner).decode("utf-8", "replace").strip()
            _note_error(scan, row, column, rows, repeat, html.unescape(text) or "#N/A")
        column += repeat


def _note_merge(scan: SheetScan, row: int, column: int, rows: int, columns: int) -> None:
    """A cell spanning more than itself starts a merged range (only the first of repeated rows)."""
    if rows > 1 or columns > 1:
        scan.merged.append(((row, column), (row + rows - 1, column + columns - 1)))


def _row_merges(body: bytes, row: int, scan: SheetScan) -> None:
    column = 0
    for cell in _CELL_START.finditer(body):
        attributes = cell.group(1)
        if _SPANNED in attributes:
            _note_merge(scan, row, column, _repeat_in(attributes, _ROWS_SPANNED),
                        _repeat_in(attributes, _COLUMNS_SPANNED))
        column += _repeat_in(attributes, _COLUMNS_REPEAT)


def _scan_table(content: bytes, start: int, end: int) -> SheetScan:
    scan = SheetScan()
    row, position = 0, start
    while (found := _ROW_START.search(content, position, end)) is not None:
        attributes = found.group(1)
        repeat = _repeat_in(attributes, _ROWS_REPEAT)
        if attributes.endswith(b"/"):
            body, position = b"", found.end()
        else:
            close = content.find(_ROW_END, found.end(), end)
            if close < 0:
                raise ScanError("baris tabel tidak tertutup")
            body, position = content[found.end() : close], close + len(_ROW_END)
        if b"value-type" in body or b"<text:" in body:
            width = _row_width(body)
            if width:
                scan.include(row + repeat - 1, width - 1)
            if _ERROR_TYPE in body:
                _row_errors(body, row, repeat, scan)
        if _SPANNED in body:
            _row_merges(body, row, scan)
        row += repeat
    return scan


def _scan_plain(content: bytes) -> dict[str, SheetScan]:
    out: dict[str, SheetScan] = {}
    position = 0
    while (found := _TABLE_START.search(content, position)) is not None:
        end = content.find(_TABLE_END, found.end())
        if end < 0:
            raise ScanError("tabel tidak tertutup")
        name = _NAME.search(found.group(1))
        title = html.unescape(name.group(1).decode("utf-8", "replace")) if name else ""
        out[title] = _scan_table(content, found.end(), end)
        position = end + len(_TABLE_END)
    return out


def _repeat(element: Any, attribute: str) -> int:
    try:
        return max(1, int(element.get(attribute, "1")))
    except ValueError as exc:
        raise ScanError("jumlah ulangan tidak sah") from exc


class _TableWalk:
    """Follows the rows and cells of one parsed table, noting values and errors."""

    def __init__(self) -> None:
        self.scan = SheetScan()
        self.row = 0
        self.row_repeat = 1
        self.column = 0

    def start_row(self, element: Any) -> None:
        self.row_repeat = _repeat(element, _NS_TABLE + "number-rows-repeated")
        self.column = 0

    def end_row(self) -> None:
        self.row += self.row_repeat

    def end_cell(self, element: Any) -> None:
        repeat = _repeat(element, _NS_TABLE + "number-columns-repeated")
        has_value = element.get(_NS_OFFICE + "value-type") is not None or any(
            text.strip() for text in element.itertext()
        )
        if has_value:
            self.scan.include(self.row + self.row_repeat - 1, self.column + repeat - 1)
        if element.get(_NS_CALCEXT + "value-type") == "error":
            text = "".join(element.itertext()).strip() or "#N/A"
            _note_error(self.scan, self.row, self.column, self.row_repeat, repeat, text)
        if element.tag == _CELL_TAG:
            _note_merge(self.scan, self.row, self.column,
                        _repeat(element, _NS_TABLE + "number-rows-spanned"),
                        _repeat(element, _NS_TABLE + "number-columns-spanned"))
        self.column += repeat


def _scan_parsed(data: bytes) -> dict[str, SheetScan]:
    """Any prefixes and encodings: a full parse with defusedxml."""
    out: dict[str, SheetScan] = {}
    walk: _TableWalk | None = None
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
            tag = element.tag
            if tag == _TABLE_TAG:
                if event == "start":
                    walk = _TableWalk()
                    out[element.get(_NS_TABLE + "name", "")] = walk.scan
                else:
                    walk = None
                    element.clear()
            elif walk is None:
                continue
            elif tag == _ROW_TAG:
                if event == "start":
                    walk.start_row(element)
                else:
                    walk.end_row()
                    element.clear()
            elif tag in _CELL_TAGS and event == "end":
                walk.end_cell(element)
    except (ParseError, Forbidden, ValueError, LookupError) as exc:
        # Forbidden: an entity declared. sniff.py refuses any DTD before this; a backstop.
        # ValueError, LookupError: expat on a declared encoding it cannot read (UTF-32, EBCDIC).
        raise ScanError("content.xml rusak") from exc
    return out
