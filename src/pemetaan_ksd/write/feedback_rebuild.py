"""A feedback copy for a file openpyxl cannot open (.xls, .ods): the template, refilled.

The cell values, as the reader sees them (`read_grids`), are written into a fresh template at
the cell where they were, so the findings' cell references still point at the right cells: into
the template's own `Identitas` and `Usulan` sheets when the submission has the template's
layout, else onto a plain sheet at the original positions. The sheet read as `Usulan`
(`FileResult.usulan_sheet`; for KSD111 another sheet) takes the template's place and, when it
was read in place of `Usulan`, keeps its own name, as the findings name it. Other sheets of the
submission follow as plain sheets. Formulas and formatting do not survive; values do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.child import INVALID_TITLE_REGEX
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract
from pemetaan_ksd.model import FileResult, Finding
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.read import HeaderRow, RawValue, SheetGrid, find_sheet, read_grids
from pemetaan_ksd.write import styles
from pemetaan_ksd.write.dropdowns import install_dropdowns
from pemetaan_ksd.write.feedback_chars import sheet_title, stored
from pemetaan_ksd.write.template_sheets import (
    IDENTITAS_FIRST_ROW,
    build_template,
    template_column_letters,
)
from pemetaan_ksd.write.template_usulan import LAST_DATA_ROW

_CONTRACT_SHEETS = (*contract.SHEETS, contract.SHEET_CATATAN)
_TITLE_MAX = 31
_PLAIN_WIDTH = 16.0
_ERROR_CODE = "KSD205"


def rebuild_workbook(data: bytes, fr: FileResult, profil: Profil, created: dt.datetime,
                     contract_only: bool = False) -> Workbook:
    """The template holding the submission's values at their original cells.

    `contract_only`: read only `Identitas` and the sheet read as `Usulan` (for an .xlsx, whose
    other sheets the reader did not measure, so they are not built as dense grids here).
    """
    only = (contract.SHEET_IDENTITAS, fr.usulan_sheet) if contract_only else None
    grids = read_grids(data, only)
    opd = profil.opd(fr.kode_opd) if fr.kode_opd else None
    wb = build_template(profil, opd, created)
    after_usulan = wb.sheetnames.index(contract.SHEET_USULAN) + 1
    identitas = _grid_named(grids, contract.SHEET_IDENTITAS)
    if identitas is not None:
        _put_identitas(wb, identitas)
    usulan = _grid_named(grids, fr.usulan_sheet)
    if usulan is not None:
        _put_usulan(wb, usulan, fr, profil)
    others = [g for g in grids if g is not identitas and g is not usulan]
    _put_other_sheets(wb, others, after_usulan)
    _restore_error_cells(wb, fr.findings)
    return wb


def _grid_named(grids: Sequence[SheetGrid], wanted: str) -> SheetGrid | None:
    """The grid of the sheet the reader takes for `wanted` (case, surrounding spaces ignored)."""
    name = find_sheet([g.name for g in grids], wanted.strip())
    return next((g for g in grids if g.name == name), None)


def put(cell: Cell | MergedCell, value: RawValue | None) -> None:
    """One value as read into a cell: text stays text (never a formula) and keeps its control
    characters (feedback_chars.stored), 2025.0 becomes 2025.

    A cell inside a merged range of the template takes no value (its range's first cell does).
    """
    if isinstance(cell, MergedCell):
        return
    if isinstance(value, str):
        cell.value = stored(value) or None
        if value:
            cell.data_type = "s"
        return
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    cell.value = value


def _is_blank(value: RawValue) -> bool:
    return isinstance(value, str) and not value.strip()


def _fill_rows(ws: Worksheet, grid: SheetGrid, first_index: int,
               skip: frozenset[int] = frozenset()) -> None:
    """Every non-blank grid cell from 0-based row `first_index` to its Excel cell."""
    for index in range(first_index, len(grid.rows)):
        if index in skip:
            continue
        for column, value in enumerate(grid.rows[index]):
            if not _is_blank(value):
                put(ws.cell(row=index + 1, column=column + 1), value)


def _replace_with_plain(wb: Workbook, title: str) -> Worksheet:
    """A plain, unprotected sheet named `title` in place of the template's."""
    index = wb.sheetnames.index(title)
    wb.remove(wb[title])
    ws = wb.create_sheet(title, index)
    assert isinstance(ws, Worksheet)
    return ws


def _template_sheet(wb: Workbook, title: str) -> Worksheet:
    ws = wb[title]
    assert isinstance(ws, Worksheet)
    return ws


# --- Identitas ------------------------------------------------------------------------------


def _template_identitas_cells() -> dict[str, str]:
    return {f.key: f"B{IDENTITAS_FIRST_ROW + i}" for i, f in enumerate(contract.IDENTITAS_FIELDS)}


def _put_identitas(wb: Workbook, grid: SheetGrid) -> None:
    template_cells = _template_identitas_cells()
    if grid.identitas_cells() == template_cells:
        sheet = _template_sheet(wb, contract.SHEET_IDENTITAS)
        for coordinate in template_cells.values():
            row = grid.row(int(coordinate[1:]) - 1)
            value = row[1] if len(row) > 1 else ""
            sheet[coordinate].value = None  # the template's pre-filled year, code and name
            if not _is_blank(value):
                put(sheet[coordinate], value)
        return
    plain = _replace_with_plain(wb, contract.SHEET_IDENTITAS)
    _fill_rows(plain, grid, 0)
    for letter, width in (("A", 30.0), ("B", 52.0), ("C", 44.0)):
        plain.column_dimensions[letter].width = width


# --- Usulan ---------------------------------------------------------------------------------


def _put_usulan(wb: Workbook, grid: SheetGrid, fr: FileResult, profil: Profil) -> None:
    """The sheet read as `Usulan` in the template's place, with the template's dropdowns."""
    header = grid.header()
    template_like = (header is not None and header.row == contract.HEADER_ROW
                     and header.letters == template_column_letters())
    if template_like:
        _template_usulan(_template_sheet(wb, contract.SHEET_USULAN), grid)
    else:
        plain = _replace_with_plain(wb, contract.SHEET_USULAN)
        _fill_rows(plain, grid, 0)
        _plain_usulan_look(plain, header)
    if header is not None and header.letters:
        first = header.first_data_row
        last = max(first + contract.PREPARED_ROWS - 1, LAST_DATA_ROW if template_like else 0,
                   max((r.excel_row for r in fr.rows), default=first))
        install_dropdowns(wb, profil, header.letters, first, last)
    _keep_own_name(wb, grid.name)


def _template_usulan(ws: Worksheet, grid: SheetGrid) -> None:
    """Data below the template's own header and number rows; extra headers to the right."""
    header = grid.row(contract.HEADER_ROW - 1)
    for column in range(len(contract.COLUMNS), len(header)):
        if not _is_blank(header[column]):
            put(ws.cell(row=contract.HEADER_ROW, column=column + 1), header[column])
    number_index = contract.NUMBER_ROW - 1
    has_numbers = grid.first_data_row(contract.HEADER_ROW) > contract.NUMBER_ROW
    _fill_rows(ws, grid, number_index, frozenset({number_index}) if has_numbers else frozenset())
    # Rows past the template's prepared ones are locked on the protected sheet: free them.
    for row in ws.iter_rows(min_row=LAST_DATA_ROW + 1):
        for cell in row:
            if cell.value is not None:
                cell.protection = styles.UNLOCKED


def _plain_usulan_look(ws: Worksheet, header: HeaderRow | None) -> None:
    """Readable without the template: known columns at their widths, headers bold, wrapped."""
    if header is None:
        return
    for key, letter in header.letters.items():
        ws.column_dimensions[letter].width = contract.column(key).width
    for cell in ws[header.row]:
        cell.font = styles.FONT_BOLD
        cell.fill = styles.FILL_HEADER_OPTIONAL
        cell.alignment = styles.WRAP_CENTER
        cell.border = styles.BORDER_THIN
    ws.freeze_panes = f"A{header.row + 1}"


def _keep_own_name(wb: Workbook, name: str) -> None:
    """A sheet read in place of `Usulan` (KSD111) keeps its name: the findings name it."""
    if find_sheet([name], contract.SHEET_USULAN) is not None:
        return
    _template_sheet(wb, contract.SHEET_USULAN).title = _safe_title(wb, name)


# --- the rest -------------------------------------------------------------------------------


def _put_other_sheets(wb: Workbook, grids: Sequence[SheetGrid], position: int) -> None:
    """The submission's own sheets beyond the contract's, values only, from `position` on."""
    for grid in grids:
        if any(find_sheet([grid.name], c) for c in _CONTRACT_SHEETS):
            continue
        ws = wb.create_sheet(_safe_title(wb, grid.name), position)
        position += 1
        _fill_rows(ws, grid, 0)
        for number in range(1, max((len(r) for r in grid.rows), default=0) + 1):
            ws.column_dimensions[get_column_letter(number)].width = _PLAIN_WIDTH


def _safe_title(wb: Workbook, name: str) -> str:
    base = INVALID_TITLE_REGEX.sub("_", sheet_title(name)).strip("'")[:_TITLE_MAX] or "Lembar"
    title, n = base, 1
    taken = {t.casefold() for t in wb.sheetnames}
    while title.casefold() in taken:
        n += 1
        title = f"{base[:_TITLE_MAX - len(str(n)) - 1]}_{n}"
    return title


def _restore_error_cells(wb: Workbook, findings: Sequence[Finding]) -> None:
    """The reader sees `#REF!` as blank; put the error it found back into its cell."""
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
