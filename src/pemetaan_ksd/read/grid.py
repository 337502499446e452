"""A workbook's sheets as the reader sees their cells, for a writer that puts them back.

The feedback copy of a file openpyxl cannot open (.xls, .ods) is rebuilt from these values at
their cells, and the copy of any file needs to know where its Usulan columns are. Both questions
are answered here, as the reader answers them (the same header search, the same column-number
row), so the write layer never opens a file with calamine nor reaches into the reader's modules.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

import python_calamine

from pemetaan_ksd.a1 import column_letter
from pemetaan_ksd.read.cells import Grid, RawValue
from pemetaan_ksd.read.layout import Merged, find_layout, is_number_row
from pemetaan_ksd.read.scan import SheetScan
from pemetaan_ksd.read.sheets import identitas
from pemetaan_ksd.read.submission import find_sheet

__all__ = ["HeaderRow", "RawValue", "SheetGrid", "read_grids"]


@dataclass(frozen=True)
class HeaderRow:
    """Where the columns of an Usulan-shaped sheet are, in Excel terms."""

    row: int  # Excel row of the column headers
    letters: dict[str, str]  # column key -> "K"
    first_data_row: int  # below the headers, and below a column-number row `(1)`, `(2)` ...


@dataclass(frozen=True)
class SheetGrid:
    """One sheet's values by 0-based row and column (blank cells are ''), and its merges.

    Built by `read_grids` from a file, or by a writer from a workbook it holds (values as the
    reader would give them: '' for blank, text as text), to ask where the columns are.
    """

    name: str
    rows: Grid
    merged: Merged = field(default_factory=list)  # 0-based ((top, left), (bottom, right))

    def row(self, index: int) -> list[RawValue]:
        """The values of 0-based row `index`; [] past the last row."""
        return self.rows[index] if index < len(self.rows) else []

    def header(self) -> HeaderRow | None:
        """The header row found as the reader finds it (first 20 rows); None when none is."""
        layout = find_layout(self.rows, self.merged)
        if layout is None:
            return None
        row = layout.header_index + 1
        letters = {key: column_letter(index) for key, index in layout.columns.items()}
        return HeaderRow(row, letters, self.first_data_row(row))

    def first_data_row(self, header_row: int) -> int:
        """The Excel row after the headers at `header_row`, or after the column-number row."""
        following = header_row + 1
        return following + 1 if is_number_row(self.row(following - 1)) else following

    def identitas_cells(self) -> dict[str, str]:
        """The cell of each Identitas value (key -> "B3"), by the labels in column A."""
        _, cells = identitas(self.rows, SheetScan())
        return cells


def read_grids(data: bytes, only: Sequence[str] | None = None) -> list[SheetGrid]:
    """Every sheet of the workbook in `data`, in workbook order, or only those `only` names.

    A name in `only` is matched as the reader matches sheet names (case and surrounding spaces
    ignored): a contract name (`Usulan`) or a sheet's own (`Sheet1`); one not there is left
    out. The grids are dense from A1 (skip_empty_area=False), so rows and columns are the
    file's own.
    """
    grids: dict[str, SheetGrid] = {}
    with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
        names = list(book.sheet_names)
        wanted = names if only is None else [
            n for w in only if (n := find_sheet(names, w.strip())) is not None]
        for name in wanted:
            if name in grids:
                continue
            sheet = book.get_sheet_by_name(name)
            grids[name] = SheetGrid(name, sheet.to_python(skip_empty_area=False),
                                    list(sheet.merged_cell_ranges or []))
    return list(grids.values())
