"""Extent and error cells of .xlsx/.xlsm sheets, from the sheet XML inside the zip.

calamine builds an .xlsx sheet only when asked, so only the sheets the reader needs are scanned.
The sheet XML is searched with regular expressions over bytes rather than parsed: `<c r="K12" ...>`
start tags give the extent, and cells with `t="e"` give the error text in their `<v>`. A start tag
that closes itself (`<c r="K12" s="3"/>`) is a formatted blank, which calamine ignores too.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile

from pemetaan_ksd.a1 import column_index
from pemetaan_ksd.read.scan import ScanError, SheetScan

WORKBOOK_PART = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"

_PREFIX = rb"<(?:[\w.-]+:)?"
# A cell start tag with a reference that does not close itself: a cell that may hold a value.
_VALUED_REF = re.compile(_PREFIX + rb"""c\s[^>]*?\br=["']([A-Za-z]+)([0-9]+)["'][^>/]*>""")
_ANY_CELL = re.compile(_PREFIX + rb"c[\s>/]")
_ANY_REF = re.compile(_PREFIX + rb"""c\s[^>]*?\br=["']""")
_ROW = re.compile(_PREFIX + rb"row\b[^>]*?(?:/>|>.*?</(?:[\w.-]+:)?row>)", re.DOTALL)
_ROW_NUMBER = re.compile(rb"""^<(?:[\w.-]+:)?row\s[^>]*?\br=["']([0-9]+)["']""")
_ERROR_CELL = re.compile(
    _PREFIX + rb"""c\s([^>]*?\bt=["']e["'][^>/]*)>(.*?)</(?:[\w.-]+:)?c>""", re.DOTALL
)
_REF = re.compile(rb"""\br=["']([A-Za-z]+)([0-9]+)["']""")
_VALUE = re.compile(_PREFIX + rb"v>([^<]*)<")
# The usual shape, `<c r="K12"`, checked with two quick searches: when every tag starting with
# `<c` is either such a cell with at most two letters and three digits or another known element
# (col, cols, cfRule, color, charset, custom..., cellWatch...), and no cell tag has a prefix,
# the sheet spans at most 999 rows and 702 columns (ZZ), well inside the grid limit.
_UNUSUAL_C_TAG = re.compile(rb'<c(?![ ]r="[A-Z]{1,2}[0-9]{1,3}"|o|h|f|u|e)')
_PREFIXED_CELL = re.compile(rb":c[\s>/]")
_SMALL_ROWS, _SMALL_COLUMNS = 999, 702


_SHEET_TAG = re.compile(rb"<(?:[\w.-]+:)?sheet\s([^>]*)>")
_RELATIONSHIP_TAG = re.compile(rb"<(?:[\w.-]+:)?Relationship\s([^>]*)>")
_ATTRIBUTE = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attributes(tag: bytes) -> dict[str, str]:
    """Attributes of one start tag by local name (`r:id` -> `id`), entities resolved."""
    out: dict[str, str] = {}
    for name, double, single in _ATTRIBUTE.findall(tag):
        local = name.decode("ascii", "replace").rsplit(":", 1)[-1]
        out.setdefault(local, html.unescape((double or single).decode("utf-8", "replace")))
    return out


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip path of its worksheet XML (workbook.xml and its relationships)."""
    try:
        book, rels = archive.read(WORKBOOK_PART), archive.read(_WORKBOOK_RELS)
    except KeyError as exc:
        raise ScanError("bagian buku kerja tidak ada") from exc
    targets = {}
    for tag in _RELATIONSHIP_TAG.findall(rels):
        attributes = _attributes(tag)
        targets[attributes.get("Id")] = attributes.get("Target", "")
    parts: dict[str, str] = {}
    for tag in _SHEET_TAG.findall(book):
        attributes = _attributes(tag)
        target = targets.get(attributes.get("id"))
        if target:
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            parts.setdefault(attributes.get("name", ""), posixpath.normpath(path))
    return parts


def _columns_per_row(xml: bytes, scan: SheetScan) -> None:
    """For cells written without references: count them row by row, as calamine places them."""
    row_number = 0
    for match in _ROW.finditer(xml):
        numbered = _ROW_NUMBER.match(match.group(0))
        row_number = int(numbered.group(1)) if numbered else row_number + 1
        cells = len(_ANY_CELL.findall(match.group(0)))
        if cells:
            scan.include(row_number - 1, cells - 1)


def _errors(xml: bytes, scan: SheetScan) -> None:
    for match in _ERROR_CELL.finditer(xml):
        ref = _REF.search(match.group(1))
        value = _VALUE.search(match.group(2))
        if ref and value and value.group(1).strip():
            position = (int(ref.group(2)) - 1, column_index(ref.group(1).decode()))
            scan.errors[position] = value.group(1).decode("utf-8", "replace").strip()


def _is_plainly_small(xml: bytes) -> bool:
    """True when every cell tag is `<c r="..."` and none lies beyond row 999 or column ZZ."""
    return _UNUSUAL_C_TAG.search(xml) is None and _PREFIXED_CELL.search(xml) is None


def scan_sheet_xml(xml: bytes) -> SheetScan:
    """Extent (an upper bound) and error cells of one worksheet XML."""
    if _is_plainly_small(xml):
        scan = SheetScan(rows=_SMALL_ROWS, columns=_SMALL_COLUMNS)
    else:
        scan = _exact_extent(xml)
    if b't="e"' in xml or b"t='e'" in xml:
        _errors(xml, scan)
    return scan


def _exact_extent(xml: bytes) -> SheetScan:
    if b'r="&' in xml or b"r='&" in xml:
        raise ScanError("referensi sel tersandi")  # calamine would read it; the patterns would not
    scan = SheetScan()
    refs = _VALUED_REF.findall(xml)
    if refs:
        scan.rows = max(int(row) for _, row in refs)
        widest = max({letters.upper() for letters, _ in refs}, key=lambda s: (len(s), s))
        scan.columns = column_index(widest.decode()) + 1
    if len(_ANY_REF.findall(xml)) < len(_ANY_CELL.findall(xml)):
        _columns_per_row(xml, scan)
    return scan


def scan(archive: zipfile.ZipFile, names: list[str]) -> dict[str, SheetScan]:
    """The named sheets (as listed in the workbook) by name."""
    parts = sheet_parts(archive)
    out: dict[str, SheetScan] = {}
    for name in names:
        part = parts.get(name)
        if part is None:
            raise ScanError(f"lembar {name} tidak ditemukan")
        try:
            out[name] = scan_sheet_xml(archive.read(part))
        except KeyError as exc:
            raise ScanError(f"lembar {name} tidak ditemukan") from exc
    return out
