"""Put the template's dropdowns back on the `Usulan` sheet of a feedback copy.

openpyxl drops Excel's extension-stored validations when it loads a workbook (PITFALLS.md), so a
copy would lose dropdowns the submission had. The columns are known by their headers: from the
validation result when it carries them, else read again from the copy's header row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract
from pemetaan_ksd.model import FileResult
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.read.cells import Grid, RawValue, column_letter
from pemetaan_ksd.read.layout import find_layout, is_number_row
from pemetaan_ksd.write.feedback_marks import sheet_named
from pemetaan_ksd.write.template import install_dropdowns


@dataclass(frozen=True)
class Columns:
    header_row: int  # Excel row of the headers
    letters: dict[str, str]  # column key -> letter


def restore_dropdowns(wb: Workbook, fr: FileResult, profil: Profil) -> Columns | None:
    """Install the dropdowns over the data rows of the copy's `Usulan` sheet.

    Covers at least as many rows as the template prepares, and every row that holds an usulan.
    Returns the columns used, or None when the sheet or its header row is not there.
    """
    ws = sheet_named(wb, contract.SHEET_USULAN)
    if ws is None:
        return None
    columns = _known_columns(fr) or columns_of_sheet(ws)
    if columns is None or not columns.letters:
        return None
    first = first_data_row(ws, columns.header_row)
    last_usulan = max((r.excel_row for r in fr.rows), default=first)
    last = max(first + contract.PREPARED_ROWS - 1, last_usulan)
    try:
        install_dropdowns(wb, profil, columns.letters, first, last)
    except KeyError:  # the sheet's title differs from `Usulan` by more than case
        return None
    return columns


def _known_columns(fr: FileResult) -> Columns | None:
    if fr.header_row is None or not fr.column_letters:
        return None
    return Columns(fr.header_row, dict(fr.column_letters))


def _row_values(ws: Worksheet, row: int) -> list[RawValue]:
    """One row's values as calamine would give them: '' for blank, rich text as plain text."""
    cells = next(ws.iter_rows(min_row=row, max_row=row, values_only=True), ())
    out: list[RawValue] = []
    for value in cells:
        if value is None:
            out.append("")
        elif isinstance(value, str | int | float | dt.date | dt.time | dt.timedelta):
            out.append(value)
        else:
            out.append(str(value))
    return out


def columns_of_sheet(ws: Worksheet) -> Columns | None:
    """The header row and column letters, found as the reader finds them."""
    grid: Grid = [_row_values(ws, row) for row in range(1, contract.HEADER_SEARCH_ROWS + 1)]
    merged = [((r.min_row - 1, r.min_col - 1), (r.max_row - 1, r.max_col - 1))
              for r in ws.merged_cells.ranges]
    layout = find_layout(grid, merged)
    if layout is None:
        return None
    letters = {key: column_letter(index) for key, index in layout.columns.items()}
    return Columns(layout.header_index + 1, letters)


def first_data_row(ws: Worksheet, header_row: int) -> int:
    """The row after the headers, or after the column-number row `(1)`, `(2)` ... if present."""
    following = header_row + 1
    return following + 1 if is_number_row(_row_values(ws, following)) else following
