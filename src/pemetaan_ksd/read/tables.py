"""Sheets shaped like `Usulan`: the sheet itself, and copies of it under another name.

CONTRACT section 1: only `Usulan` is read. Another sheet whose header row is the template's
(found as on `Usulan`, layout.find_header) and that holds usulan rows is reported (KSD110);
with no `Usulan` at all, a single sheet holding the header is read in its place (KSD111).

Only sheets that could be such a copy are looked at: worksheets not named like the template's
other sheets nor like the first sheet of a feedback copy (`Catatan Validasi`). A template has
none, so an ordinary submission costs nothing more. For .xlsx each one is measured from its XML
before calamine builds it, and one that would take the grids read past the safety limit is not
read (it is left alone, as before: it cannot be a usulan sheet of a sane size), and so is one
calamine cannot read; .ods and .xls are measured whole before opening (submission.py).
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

import python_calamine

from pemetaan_ksd import safety
from pemetaan_ksd.contract import (
    HEADER_SEARCH_ROWS,
    SHEET_CATATAN,
    SHEET_IDENTITAS,
    SHEET_META,
    SHEET_PETUNJUK,
    SHEET_REFERENSI,
)
from pemetaan_ksd.read import scan_xlsx
from pemetaan_ksd.read.cells import Grid
from pemetaan_ksd.read.layout import Layout, Merged, find_header, find_layout
from pemetaan_ksd.read.rows import Rows, read_rows
from pemetaan_ksd.read.scan import ScanError, SheetScan

NOT_USULAN_SHEETS = (SHEET_IDENTITAS, SHEET_META, SHEET_PETUNJUK, SHEET_REFERENSI, SHEET_CATATAN)
_NOT_USULAN_FOLDED = frozenset(n.casefold() for n in NOT_USULAN_SHEETS)


@dataclass
class Table:
    """An Usulan-shaped sheet as read: where its columns are and what its rows hold."""

    sheet: str
    layout: Layout
    rows: Rows


class RawSheet(NamedTuple):
    """A sheet as calamine gave it, before the program reads its layout and rows."""

    sheet: str
    grid: Grid
    scan: SheetScan
    merged: Merged | None


def read_table(sheet: str, grid: Grid, scan: SheetScan, merged: Merged | None) -> Table | None:
    """The sheet's header and rows; None when it has no template header row."""
    layout = find_layout(grid, merged)
    if layout is None:
        return None
    return Table(sheet, layout, read_rows(grid, layout, scan, merged))


def sheet_merges(sheet: python_calamine.CalamineSheet, scan: SheetScan) -> Merged:
    """Merged ranges from calamine (.xlsx, .xls) or, for .ods, from the reader's scan."""
    ranges = sheet.merged_cell_ranges
    return list(ranges) if ranges is not None else list(scan.merged)


def candidates(book: python_calamine.CalamineWorkbook, taken: Mapping[str, str]) -> list[str]:
    """Worksheets other than those already read (`taken`) that may be copies of `Usulan`."""
    used = set(taken.values())
    return [m.name for m in book.sheets_metadata
            if m.typ == python_calamine.SheetTypeEnum.WorkSheet and m.name not in used
            and m.name.strip().casefold() not in _NOT_USULAN_FOLDED]


def _xlsx_scans(archive: zipfile.ZipFile, names: list[str], read: dict[str, SheetScan]
                ) -> dict[str, SheetScan]:
    """Scans of the sheets that can be built next to those already `read` within the limit."""
    parts = scan_xlsx.sheet_parts(archive)
    base = [(name, s.cells, s.last_cell) for name, s in read.items()]
    out: dict[str, SheetScan] = {}
    for name in names:
        part = parts.get(name)
        try:
            scan = scan_xlsx.scan_sheet_xml(archive.read(part)) if part else None
        except (KeyError, ScanError):
            scan = None
        if scan is not None and safety.check_grid([*base, (name, scan.cells, scan.last_cell)]
                                                  ) is None:
            out[name] = scan
    return out


def other_sheets(book: python_calamine.CalamineWorkbook, names: list[str],
                 scans: Mapping[str, SheetScan], archive: zipfile.ZipFile | None,
                 read: dict[str, SheetScan]) -> list[RawSheet]:
    """The sheets among `names` that have the template's header row, as calamine gives them.

    `archive`: the .xlsx zip, whose sheets are measured here; None for .ods and .xls, whose
    `scans` cover every sheet already.
    """
    if not names:
        return []  # the template's own sheets only: nothing more to read
    usable = (_xlsx_scans(archive, names, read) if archive is not None
              else {name: scans.get(name, SheetScan()) for name in names})
    found = []
    for name in names:
        scan = usable.get(name)
        raw = _other_sheet(book, name, scan) if scan is not None else None
        if raw is not None:
            found.append(raw)
    return found


def _other_sheet(book: python_calamine.CalamineWorkbook, name: str, scan: SheetScan
                 ) -> RawSheet | None:
    """One sheet when it has the header; a sheet calamine cannot read is left alone, as it was
    before such sheets were looked at (the file's own sheets decide KSD101)."""
    try:
        sheet = book.get_sheet_by_name(name)
        if find_header(sheet.to_python(skip_empty_area=False, nrows=HEADER_SEARCH_ROWS)) is None:
            return None
        grid = sheet.to_python(skip_empty_area=False)
        merged = sheet_merges(sheet, scan)
    except python_calamine.CalamineError:
        return None
    return RawSheet(name, grid, scan, merged)
