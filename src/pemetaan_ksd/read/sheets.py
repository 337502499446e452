"""Turn the grids of `Usulan`, `Identitas` and `_meta` into the Submission's values."""

from __future__ import annotations

import datetime as dt

from pemetaan_ksd.contract import IDENTITAS_FIELDS, normalize_header
from pemetaan_ksd.model import CellError, CellValue, DataRow
from pemetaan_ksd.read.cells import Grid, RawValue, cell_at, clean_text, normalize
from pemetaan_ksd.read.layout import Layout
from pemetaan_ksd.read.scan import SheetScan

IDENTITAS_SEARCH_ROWS = 30
_LABEL_TO_KEY = {normalize_header(f.label): f.key for f in IDENTITAS_FIELDS}
_NOT_COUNTED = frozenset({"no"})  # a prepared running number alone does not make a row


def data_rows(grid: Grid, layout: Layout, scan: SheetScan) -> list[DataRow]:
    """Every data row below the header with at least one filled cell in a found column."""
    columns = list(layout.columns.items())
    counted = [c for k, c in columns if k not in _NOT_COUNTED]
    width = max((c for _, c in columns), default=-1) + 1
    has_errors = bool(scan.errors or scan.error_blocks)
    rows = []
    for index in range(layout.first_data_index, len(grid)):
        cells = grid[index]
        if len(cells) < width:
            cells = [*cells, *[""] * (width - len(cells))]
        if has_errors:
            values = {key: normalize(cells[c], scan.error_at(index, c)) for key, c in columns}
        elif all(cells[c] == "" for c in counted):
            continue  # the common blank row, decided without converting anything
        else:
            values = _plain_values(cells, columns)
        if any(values[key] is not None for key in values if key not in _NOT_COUNTED):
            rows.append(DataRow(index + 1, values))
    return rows


def _plain_values(cells: list[RawValue], columns: list[tuple[str, int]]) -> dict[str, CellValue]:
    """normalize() for a row of a sheet without error cells, inlined: this is the hot loop."""
    values: dict[str, CellValue] = {}
    for key, column in columns:
        value = cells[column]
        if value.__class__ is str:
            values[key] = clean_text(value) if value else None
        else:
            values[key] = value
    return values


def _label_key(value: RawValue) -> str | None:
    if not isinstance(value, str):
        return None
    text = normalize_header(value)
    return _LABEL_TO_KEY.get(text) or _LABEL_TO_KEY.get(text.rstrip(" *:"))


def identitas(grid: Grid, scan: SheetScan) -> tuple[dict[str, CellValue], dict[str, str]]:
    """Values (from column B) and their cells, for the labels found in column A."""
    values: dict[str, CellValue] = {}
    cells: dict[str, str] = {}
    for index in range(min(len(grid), IDENTITAS_SEARCH_ROWS)):
        key = _label_key(cell_at(grid, index, 0))
        if key is None or key in values:
            continue
        values[key] = normalize(cell_at(grid, index, 1), scan.error_at(index, 1))
        cells[key] = f"B{index + 1}"
    return values, cells


def _as_text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, CellError):
        return value.text
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def meta(grid: Grid, scan: SheetScan) -> dict[str, str]:
    """Key/value pairs of `_meta` (columns A and B), as strings."""
    out: dict[str, str] = {}
    for index in range(len(grid)):
        key = _as_text(normalize(cell_at(grid, index, 0)))
        if not key or key in out:
            continue
        out[key] = _as_text(normalize(cell_at(grid, index, 1), scan.error_at(index, 1)))
    return out
