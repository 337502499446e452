"""Put the template's dropdowns back on the sheet of a feedback copy that holds the usulan.

openpyxl drops Excel's extension-stored validations when it loads a workbook (PITFALLS.md), so a
copy would lose dropdowns the submission had. They go on the sheet the usulan were read from
(`FileResult.usulan_sheet`: `Usulan` however it is spelt, or the sheet read in its place,
KSD111). The columns are known by their headers: from the validation result when it carries
them, else found again in the copy's first rows, as the reader finds them.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract
from pemetaan_ksd.model import FileResult
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.read import HeaderRow, RawValue, SheetGrid
from pemetaan_ksd.write.dropdowns import install_dropdowns
from pemetaan_ksd.write.feedback_marks import sheet_named


def restore_dropdowns(wb: Workbook, fr: FileResult, profil: Profil) -> HeaderRow | None:
    """Install the dropdowns over the data rows of the copy's usulan sheet.

    Covers at least as many rows as the template prepares, and every row that holds an usulan.
    Returns the columns used, or None when the sheet or its header row is not there.
    """
    ws = sheet_named(wb, fr.usulan_sheet)
    if ws is None:
        return None
    grid = _head_grid(ws, max(contract.HEADER_SEARCH_ROWS, fr.header_row or 0) + 1)
    header = _known_header(fr, grid) or grid.header()
    if header is None or not header.letters:
        return None
    first = header.first_data_row
    last_usulan = max((r.excel_row for r in fr.rows), default=first)
    last = max(first + contract.PREPARED_ROWS - 1, last_usulan)
    install_dropdowns(wb, profil, header.letters, first, last, sheet=ws)
    return header


def _known_header(fr: FileResult, grid: SheetGrid) -> HeaderRow | None:
    """The header row and columns the reader found, when the validation result has them."""
    if fr.header_row is None or not fr.column_letters:
        return None
    return HeaderRow(fr.header_row, dict(fr.column_letters), grid.first_data_row(fr.header_row))


def _head_grid(ws: Worksheet, rows: int) -> SheetGrid:
    """The first `rows` rows: where the reader looks for the header, and the row after it."""
    values = [_row_values(ws, row) for row in range(1, rows + 1)]
    merged = [((r.min_row - 1, r.min_col - 1), (r.max_row - 1, r.max_col - 1))
              for r in ws.merged_cells.ranges]
    return SheetGrid(ws.title, values, merged)


def _row_values(ws: Worksheet, row: int) -> list[RawValue]:
    """One row's values as the reader would see them: '' for blank, rich text as plain text."""
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


