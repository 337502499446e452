"""What the reader learns about a sheet before calamine builds it: its extent and error cells.

calamine builds a sheet as a dense grid and reports error values as blanks (see cells.py), so a
light pass over the file's own XML or records finds, per sheet, the last row and column holding a
value (to refuse grids too large for memory) and the cells holding an error value; for .ods
also the merged ranges, which calamine does not give for that format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pemetaan_ksd.a1 import column_letter
from pemetaan_ksd.read.cells import ErrorCells, Position


@dataclass(frozen=True)
class ErrorBlock:
    """One error value repeated over a block of cells (.ods `number-*-repeated`)."""

    row: int
    column: int
    rows: int
    columns: int
    text: str

    def covers(self, row: int, column: int) -> bool:
        return (self.row <= row < self.row + self.rows
                and self.column <= column < self.column + self.columns)


@dataclass
class SheetScan:
    # The extent, as an upper bound: the last row and column (1-based) that may hold a value.
    rows: int = 0
    columns: int = 0
    errors: ErrorCells = field(default_factory=dict)  # 0-based (row, column) -> "#REF!"
    error_blocks: list[ErrorBlock] = field(default_factory=list)
    # Merged ranges, 0-based ((top, left), (bottom, right)) as calamine gives them; filled only
    # for .ods, where calamine 0.9.1 gives none (`merged_cell_ranges` is None).
    merged: list[tuple[Position, Position]] = field(default_factory=list)

    def include(self, row: int, column: int) -> None:
        """Note a value at 0-based (row, column)."""
        self.rows = max(self.rows, row + 1)
        self.columns = max(self.columns, column + 1)

    def error_at(self, row: int, column: int) -> str | None:
        found = self.errors.get((row, column))
        if found is None and self.error_blocks:
            block = next((b for b in self.error_blocks if b.covers(row, column)), None)
            found = block.text if block else None
        return found

    @property
    def cells(self) -> int:
        return self.rows * self.columns

    @property
    def last_cell(self) -> str:
        return f"{column_letter(max(self.columns, 1) - 1)}{max(self.rows, 1)}"


class ScanError(ValueError):
    """The file's structure could not be followed (damaged or truncated)."""
