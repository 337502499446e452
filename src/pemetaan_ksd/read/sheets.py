"""Turn the grids of `Identitas` and `_meta` into the Submission's values (rows: rows.py)."""

from __future__ import annotations

import datetime as dt

from pemetaan_ksd.contract import IDENTITAS_FIELDS, normalize_header
from pemetaan_ksd.model import CellError, CellValue
from pemetaan_ksd.read.cells import Grid, RawValue, cell_at, normalize
from pemetaan_ksd.read.scan import SheetScan

IDENTITAS_SEARCH_ROWS = 30
_LABEL_TO_KEY = {normalize_header(f.label): f.key for f in IDENTITAS_FIELDS}


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
