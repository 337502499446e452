"""A feedback copy for a file openpyxl cannot open (.xls, .ods): the template, refilled.

The cell values are read with calamine and written into a fresh template at the cell where
they were, so the findings' cell references still point at the right cells: into the
template's own `Identitas` and `Usulan` sheets when the submission has the template's layout,
else onto a plain sheet of the same name at the original positions. Other sheets of the
submission follow as plain sheets. Formulas and formatting do not survive; values do.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

import python_calamine
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.child import INVALID_TITLE_REGEX
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract
from pemetaan_ksd.model import FileResult, Finding
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.read import find_sheet
from pemetaan_ksd.read.cells import Grid, RawValue
from pemetaan_ksd.read.layout import Layout, Merged, find_layout, is_number_row
from pemetaan_ksd.read.scan import SheetScan
from pemetaan_ksd.read.sheets import identitas
from pemetaan_ksd.write import styles
from pemetaan_ksd.write.feedback_sheet import SHEET_CATATAN
from pemetaan_ksd.write.template import (
    IDENTITAS_FIRST_ROW,
    LAST_DATA_ROW,
    build_template,
    install_dropdowns,
    template_column_letters,
)

_CONTRACT_SHEETS = (*contract.SHEETS, SHEET_CATATAN)
_TITLE_MAX = 31
_PLAIN_WIDTH = 16.0
_ERROR_CODE = "KSD205"


class Sheets:
    """The submission's sheets as calamine reads them: grids and merged ranges."""

    def __init__(self, data: bytes, only: Sequence[str] | None = None) -> None:
        """Read every sheet, or only the contract sheets `only` names."""
        self.grids: dict[str, Grid] = {}
        self.merged: dict[str, Merged] = {}
        with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            names = list(book.sheet_names)
            wanted = names if only is None else [n for w in only
                                                 if (n := find_sheet(names, w)) is not None]
            for name in wanted:
                sheet = book.get_sheet_by_name(name)
                self.grids[name] = sheet.to_python(skip_empty_area=False)
                self.merged[name] = list(sheet.merged_cell_ranges or [])

    def named(self, wanted: str) -> str | None:
        return find_sheet(list(self.grids), wanted)


def rebuild_workbook(data: bytes, fr: FileResult, profil: Profil, created: dt.datetime,
                     contract_only: bool = False) -> Workbook:
    """The template holding the submission's values at their original cells.

    `contract_only`: read only `Identitas` and `Usulan` (for an .xlsx, whose other sheets the
    reader did not measure, so they are not built as dense grids here).
    """
    only = (contract.SHEET_IDENTITAS, contract.SHEET_USULAN) if contract_only else None
    sheets = Sheets(data, only)
    opd = profil.opd(fr.kode_opd) if fr.kode_opd else None
    wb = build_template(profil, opd, created)
    name = sheets.named(contract.SHEET_IDENTITAS)
    if name is not None:
        _put_identitas(wb, sheets.grids[name])
    name = sheets.named(contract.SHEET_USULAN)
    if name is not None:
        _put_usulan(wb, sheets.grids[name], sheets.merged[name], fr, profil)
    _put_other_sheets(wb, sheets)
    _restore_error_cells(wb, fr.findings)
    return wb


def put(cell: Cell | MergedCell, value: RawValue | None) -> None:
    """One calamine value into a cell: text stays text (never a formula), 2025.0 becomes 2025.

    A cell inside a merged range of the template takes no value (its range's first cell does).
    """
    if isinstance(cell, MergedCell):
        return
    if isinstance(value, str):
        cleaned = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = cleaned or None
        if cleaned:
            cell.data_type = "s"
        return
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    cell.value = value


def _is_blank(value: RawValue) -> bool:
    return isinstance(value, str) and not value.strip()


def _fill_rows(ws: Worksheet, grid: Grid, first_index: int, skip: frozenset[int] = frozenset()
               ) -> None:
    """Every non-blank grid cell from 0-based row `first_index` to its Excel cell."""
    for index in range(first_index, len(grid)):
        if index in skip:
            continue
        for column, value in enumerate(grid[index]):
            if not _is_blank(value):
                put(ws.cell(row=index + 1, column=column + 1), value)


def _replace_with_plain(wb: Workbook, title: str) -> Worksheet:
    """A plain, unprotected sheet named `title` in place of the template's."""
    index = wb.sheetnames.index(title)
    wb.remove(wb[title])
    ws = wb.create_sheet(title, index)
    assert isinstance(ws, Worksheet)
    return ws


# --- Identitas ------------------------------------------------------------------------------


def _template_identitas_cells() -> dict[str, str]:
    return {f.key: f"B{IDENTITAS_FIRST_ROW + i}" for i, f in enumerate(contract.IDENTITAS_FIELDS)}


def _put_identitas(wb: Workbook, grid: Grid) -> None:
    _, cells = identitas(grid, SheetScan())
    template_cells = _template_identitas_cells()
    if cells == template_cells:
        sheet = wb[contract.SHEET_IDENTITAS]
        assert isinstance(sheet, Worksheet)
        for coordinate in template_cells.values():
            row = int(coordinate[1:])
            value = grid[row - 1][1] if len(grid[row - 1]) > 1 else ""
            sheet[coordinate].value = None  # the template's pre-filled year, code and name
            if not _is_blank(value):
                put(sheet[coordinate], value)
        return
    plain = _replace_with_plain(wb, contract.SHEET_IDENTITAS)
    _fill_rows(plain, grid, 0)
    for letter, width in (("A", 30.0), ("B", 52.0), ("C", 44.0)):
        plain.column_dimensions[letter].width = width


# --- Usulan ---------------------------------------------------------------------------------


def _put_usulan(wb: Workbook, grid: Grid, merged: Merged, fr: FileResult, profil: Profil
                ) -> None:
    layout = find_layout(grid, merged)
    letters = ({k: get_column_letter(c + 1) for k, c in layout.columns.items()}
               if layout is not None else {})
    template_like = (layout is not None and layout.header_index + 1 == contract.HEADER_ROW
                     and letters == template_column_letters())
    if template_like:
        sheet = wb[contract.SHEET_USULAN]
        assert isinstance(sheet, Worksheet)
        _template_usulan(sheet, grid)
    else:
        plain = _replace_with_plain(wb, contract.SHEET_USULAN)
        _fill_rows(plain, grid, 0)
        _plain_usulan_look(plain, layout)
    if layout is None or not letters:
        return
    header_row = layout.header_index + 1
    first = header_row + 2 if is_number_row(_row(grid, header_row)) else header_row + 1
    last = max(first + contract.PREPARED_ROWS - 1, LAST_DATA_ROW if template_like else 0,
               max((r.excel_row for r in fr.rows), default=first))
    install_dropdowns(wb, profil, letters, first, last)


def _row(grid: Grid, index: int) -> list[RawValue]:
    return grid[index] if index < len(grid) else []


def _template_usulan(ws: Worksheet, grid: Grid) -> None:
    """Data below the template's own header and number rows; extra headers to the right."""
    header = _row(grid, contract.HEADER_ROW - 1)
    for column in range(len(contract.COLUMNS), len(header)):
        if not _is_blank(header[column]):
            put(ws.cell(row=contract.HEADER_ROW, column=column + 1), header[column])
    number_index = contract.NUMBER_ROW - 1
    skip = frozenset({number_index}) if is_number_row(_row(grid, number_index)) else frozenset()
    _fill_rows(ws, grid, number_index, skip)
    # Rows past the template's prepared ones are locked on the protected sheet: free them.
    for row in ws.iter_rows(min_row=LAST_DATA_ROW + 1):
        for cell in row:
            if cell.value is not None:
                cell.protection = styles.UNLOCKED


def _plain_usulan_look(ws: Worksheet, layout: Layout | None) -> None:
    """Readable without the template: known columns at their widths, headers bold, wrapped."""
    if layout is None:
        return
    header_row = layout.header_index + 1
    for key, index in layout.columns.items():
        ws.column_dimensions[get_column_letter(index + 1)].width = contract.column(key).width
    for cell in ws[header_row]:
        cell.font = styles.FONT_BOLD
        cell.fill = styles.FILL_HEADER_OPTIONAL
        cell.alignment = styles.WRAP_CENTER
        cell.border = styles.BORDER_THIN
    ws.freeze_panes = f"A{header_row + 1}"


# --- the rest -------------------------------------------------------------------------------


def _put_other_sheets(wb: Workbook, sheets: Sheets) -> None:
    """The submission's own sheets beyond the contract's, values only, after `Usulan`."""
    position = wb.sheetnames.index(contract.SHEET_USULAN) + 1
    for name, grid in sheets.grids.items():
        if any(find_sheet([name], c) for c in _CONTRACT_SHEETS):
            continue
        ws = wb.create_sheet(_safe_title(wb, name), position)
        position += 1
        _fill_rows(ws, grid, 0)
        for number in range(1, max((len(r) for r in grid), default=0) + 1):
            ws.column_dimensions[get_column_letter(number)].width = _PLAIN_WIDTH


def _safe_title(wb: Workbook, name: str) -> str:
    base = INVALID_TITLE_REGEX.sub("_", name).strip("'")[:_TITLE_MAX] or "Lembar"
    title, n = base, 1
    taken = {t.casefold() for t in wb.sheetnames}
    while title.casefold() in taken:
        n += 1
        title = f"{base[:_TITLE_MAX - len(str(n)) - 1]}_{n}"
    return title


def _restore_error_cells(wb: Workbook, findings: Sequence[Finding]) -> None:
    """calamine reads `#REF!` as blank; put the error the reader found back into its cell."""
    for finding in findings:
        if finding.code != _ERROR_CODE or finding.cell is None or not finding.value:
            continue
        title = find_sheet(wb.sheetnames, finding.sheet or contract.SHEET_USULAN)
        if title is None:
            continue
        ws = wb[title]
        cell = ws[finding.cell] if isinstance(ws, Worksheet) else None
        if isinstance(cell, Cell) and cell.value is None:
            cell.value = finding.value.strip()  # "#REF!" becomes an error cell again
            if cell.data_type == "f":
                cell.data_type = "s"
