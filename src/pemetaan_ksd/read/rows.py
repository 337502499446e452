"""The rows below the header of an Usulan-shaped sheet: usulan, rows that are not, merges.

CONTRACT section 1. A non-empty data row is an usulan when it fills at least 4 of the template's
34 columns, or fills `Kode Bidang Urusan`, `Kode Program` or `Kode Kegiatan` with something
shaped like a code (a bidang urusan, program, kegiatan or sub kegiatan code). Any other
non-empty row (a signature block, a note, a year dragged down) is a StrayRow, quoted (KSD109),
and never an usulan. Cells outside the template's columns make a row non-empty (a signature can
stand in any column, with or without a header) but never count towards an usulan; in usulan rows
they are counted per column (KSD112). The running number `No` alone makes no row.

Merged cells: calamine gives a merged range's value in its top-left cell only. A vertical merge
gives its value to every row it spans, a horizontal one to its first column only. A merge never
makes a row on its own: a row with nothing of its own stays empty, so a bidang merged down
over blank rows invents no usulan. Every merged range touching an usulan row is kept (KSD114).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from pemetaan_ksd.a1 import column_letter
from pemetaan_ksd.model import CellError, CellValue, DataRow, ExtraColumn, MergedRange, StrayRow
from pemetaan_ksd.read.cells import Grid, RawValue, cell_at, clean_text, normalize
from pemetaan_ksd.read.layout import Layout, Merged
from pemetaan_ksd.read.scan import SheetScan
from pemetaan_ksd.reference.nomenklatur import Level, level_of_shape
from pemetaan_ksd.values import parse_code, text_of

USULAN_MIN_FILLED = 4
CODE_KEYS = ("kode_bidang_urusan", "kode_program", "kode_kegiatan")
_CODE_LEVELS = frozenset({Level.BIDANG_URUSAN, Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN})
_RUNNING_NUMBER = "no"
QUOTE_SEPARATOR = " | "

Fills = dict[int, dict[str, CellValue]]  # 0-based grid row -> values a vertical merge gives it


@dataclass
class Rows:
    """What the data rows of one sheet hold."""

    usulan: list[DataRow] = field(default_factory=list)
    stray: list[StrayRow] = field(default_factory=list)
    merged: list[MergedRange] = field(default_factory=list)
    extra_columns: list[ExtraColumn] = field(default_factory=list)
    errors: bool = True  # whether a value may be a spreadsheet error (the scan found some)


def looks_like_code(value: CellValue) -> bool:
    """Whether a cell holds a nomenclature code of bidang urusan level or deeper."""
    code = parse_code(value)
    return code is not None and level_of_shape(code) in _CODE_LEVELS


def _filled_count(values: dict[str, CellValue]) -> int:
    return len(values) - list(values.values()).count(None)


def is_usulan(values: dict[str, CellValue], filled: int | None = None) -> bool:
    """The contract's test for a non-empty row: 4 filled template columns, or a code.

    `filled`: the number of filled values, when the caller has counted them already.
    """
    if (_filled_count(values) if filled is None else filled) >= USULAN_MIN_FILLED:
        return True
    return any(looks_like_code(values.get(key)) for key in CODE_KEYS)


def read_rows(grid: Grid, layout: Layout, scan: SheetScan, merged: Merged | None) -> Rows:
    """Every non-empty row below the header, as an usulan or a stray row, in sheet order."""
    columns = list(layout.columns.items())
    width = max((c for _, c in columns), default=-1) + 1
    mapped = {c for _, c in columns}
    first = layout.first_data_index
    sheet_width = max(map(len, grid[first:]), default=0)
    outside_columns = [c for c in range(sheet_width) if c not in mapped]
    has_errors = bool(scan.errors or scan.error_blocks)
    fills = _merge_fills(grid, layout, scan, merged or [])
    rows = Rows(errors=has_errors)  # or an error's text, found below
    outside_counts: Counter[int] = Counter()
    for index in range(first, len(grid)):
        cells = grid[index]
        if not has_errors and cells.count("") == len(cells):
            continue  # the common blank row, decided without converting anything
        if len(cells) < width:
            cells = [*cells, *[""] * (width - len(cells))]
        if has_errors:
            values = {key: normalize(cells[c], scan.error_at(index, c)) for key, c in columns}
        else:
            values, error_text = _plain_values(cells, columns)
            rows.errors = rows.errors or error_text
        outside = ([c for c in outside_columns if c < len(cells) and _filled(cells[c])]
                   if outside_columns else None)
        filled = _filled_count(values)
        if filled == (values.get(_RUNNING_NUMBER) is not None) and not outside:
            continue  # nothing of its own but perhaps the running number
        if index in fills:
            values.update((k, v) for k, v in fills[index].items() if values[k] is None)
            rows.errors = rows.errors or any(v.__class__ is CellError for v in values.values())
            filled = _filled_count(values)
        if is_usulan(values, filled):
            rows.usulan.append(DataRow(index + 1, values))
            if outside:
                outside_counts.update(outside)
        else:
            rows.stray.append(_stray(cells, index, scan if has_errors else None))
    if merged:
        rows.merged = _touching(merged, [r.excel_row - 1 for r in rows.usulan])
    rows.extra_columns = _extra_columns(layout, outside_counts)
    return rows


def _plain_values(cells: list[RawValue], columns: list[tuple[str, int]]
                  ) -> tuple[dict[str, CellValue], bool]:
    """normalize() for a row of a sheet without error cells, inlined: this is the hot loop.
    With whether a text was an error's text (`#N/A` typed or pasted as text: clean_text)."""
    values: dict[str, CellValue] = {}
    error_text = False
    for key, column in columns:
        value = cells[column]
        if value.__class__ is not str:
            values[key] = value
        elif value:
            text = values[key] = clean_text(value)
            error_text = error_text or text.__class__ is CellError
        else:
            values[key] = None
    return values, error_text


def _filled(value: RawValue) -> bool:
    return not isinstance(value, str) or bool(value.strip())


def _stray(cells: list[RawValue], index: int, scan: SheetScan | None) -> StrayRow:
    """The row quoted as the clerk sees it: its non-empty values in column order."""
    parts: list[str] = []
    first: int | None = None
    for column, raw in enumerate(cells):
        error = scan.error_at(index, column) if scan is not None else None
        text = text_of(normalize(raw, error))
        if text:
            parts.append(text)
            first = column if first is None else first
    return StrayRow(index + 1, f"{column_letter(first or 0)}{index + 1}",
                    QUOTE_SEPARATOR.join(parts))


def _merge_fills(grid: Grid, layout: Layout, scan: SheetScan, merged: Merged) -> Fills:
    """The value each vertical merge starting in the data rows gives to its lower rows."""
    key_of = {c: k for k, c in layout.columns.items()}
    fills: Fills = {}
    for (top, left), (bottom, _) in merged:
        key = key_of.get(left)
        if key is None or bottom <= top or top < layout.first_data_index:
            continue
        value = normalize(cell_at(grid, top, left), scan.error_at(top, left))
        if value is None:
            continue
        for index in range(top + 1, min(bottom, len(grid) - 1) + 1):
            fills.setdefault(index, {})[key] = value
    return fills


def _touching(merged: Merged, usulan_indexes: list[int]) -> list[MergedRange]:
    """The merged ranges (more than one cell) that span at least one usulan row."""
    out = []
    for (top, left), (bottom, right) in sorted(merged):
        if top == bottom and left == right:
            continue
        at = bisect.bisect_left(usulan_indexes, top)
        if at < len(usulan_indexes) and usulan_indexes[at] <= bottom:
            ref = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
            out.append(MergedRange(ref, top + 1, left + 1, bottom + 1, right + 1))
    return out


def _extra_columns(layout: Layout, counts: Counter[int]) -> list[ExtraColumn]:
    """Headers not read, and columns without a header that hold something in usulan rows."""
    return [ExtraColumn(column_letter(c), layout.extra_headers.get(c, ""), counts.get(c, 0),
                        layout.repeats.get(c))
            for c in sorted(set(layout.extra_headers) | set(counts))]
