"""Where things are on the `Usulan` sheet: the header row, the column-number row, the columns.

CONTRACT section 1: the header row is found by its text in the first 20 rows (case, spacing,
spaces around punctuation and line breaks do not matter: contract.normalize_header), a
column-number row right after it is skipped, extra columns are recorded (KSD112, KSD113), and
positions are always real Excel positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pemetaan_ksd.contract import HEADER_SEARCH_ROWS, HEADER_TO_KEY, normalize_header
from pemetaan_ksd.read.cells import Grid, RawValue, cell_at

MIN_HEADER_MATCHES = 2  # a row is the header row only if it holds at least this many headers
MAX_COLUMN_NUMBER = 200
_NUMBER_LABEL = re.compile(r"^\(?\s*(\d{1,3})\s*\)?$")

Merged = list[tuple[tuple[int, int], tuple[int, int]]]


@dataclass
class Layout:
    header_index: int  # 0-based grid row of the header
    columns: dict[str, int] = field(default_factory=dict)  # key -> 0-based column
    # Headers that are not read, by 0-based column: unknown ones, and a template header seen
    # again (`repeats` names the key it repeats; the first occurrence is the one read).
    extra_headers: dict[int, str] = field(default_factory=dict)
    repeats: dict[int, str] = field(default_factory=dict)
    first_data_index: int = 0


_LONGEST_HEADER = max(len(h) for h in HEADER_TO_KEY) * 3  # room for spaces and line breaks


def header_key(value: RawValue) -> str | None:
    """The column key a header cell names, or None."""
    if not isinstance(value, str) or not value or len(value) > _LONGEST_HEADER:
        return None
    return _text_key(value)


@lru_cache(maxsize=4096)
def _text_key(value: str) -> str | None:
    text = normalize_header(value)
    return HEADER_TO_KEY.get(text) or HEADER_TO_KEY.get(text.rstrip(" *:"))


def find_header(grid: Grid) -> int | None:
    """0-based index of the row (among the first 20) holding the most template headers."""
    best, best_count = None, MIN_HEADER_MATCHES - 1
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        if best is not None and sum(1 for v in cells if v.__class__ is str and v) <= best_count:
            continue  # too few texts to hold more headers: the data rows, read no further
        count = sum(1 for value in cells if header_key(value) is not None)
        if count > best_count:
            best, best_count = index, count
    return best


def _header_cells(grid: Grid, index: int, merged: Merged | None) -> list[RawValue]:
    """The header row, with cells of a vertical merge that starts above it filled in."""
    cells = list(grid[index])
    for (top, left), (bottom, right) in merged or []:
        if top < index <= bottom and left == right and left < len(cells) and cells[left] == "":
            cells[left] = cell_at(grid, top, left)
    return cells


def _is_number_label(value: RawValue) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value).is_integer() and 1 <= value <= MAX_COLUMN_NUMBER
    if isinstance(value, str):
        match = _NUMBER_LABEL.match(value.strip())
        return match is not None and 1 <= int(match.group(1)) <= MAX_COLUMN_NUMBER
    return False


def is_number_row(cells: list[RawValue]) -> bool:
    """A column-number row: at least two filled cells, all like `(1)`, `(2)` or 1, 2, 3."""
    filled = [value for value in cells if not (isinstance(value, str) and not value.strip())]
    return len(filled) >= 2 and all(_is_number_label(value) for value in filled)


def _first_data_index(grid: Grid, header_index: int) -> int:
    for index in range(header_index + 1, len(grid)):
        cells = grid[index]
        if any(not (isinstance(v, str) and not v.strip()) for v in cells):
            return index + 1 if is_number_row(cells) else index
    return len(grid)


def find_layout(grid: Grid, merged: Merged | None = None) -> Layout | None:
    header_index = find_header(grid)
    if header_index is None:
        return None
    layout = Layout(header_index)
    for column, value in enumerate(_header_cells(grid, header_index, merged)):
        key = header_key(value)
        if key is not None and key not in layout.columns:
            layout.columns[key] = column
            continue
        if key is not None:
            layout.repeats[column] = key
        if not (isinstance(value, str) and not value.strip()):
            layout.extra_headers[column] = " ".join(str(value).split())
    layout.first_data_index = _first_data_index(grid, header_index)
    return layout
