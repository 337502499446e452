"""Colour and note the cells of a feedback copy, one note per cell with all its findings.

A cell is filled by its worst finding (red galat, yellow peringatan, blue info). Only the fill
changes: the cell's value, number format, border and protection (data cells of the template
are unlocked) stay as they were. A note the OPD wrote on that cell is kept below ours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils.cell import coordinate_from_string, get_column_letter
from openpyxl.utils.escape import unescape
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd.contract import SHEET_USULAN
from pemetaan_ksd.model import Finding, Severity
from pemetaan_ksd.read import find_sheet
from pemetaan_ksd.write import styles
from pemetaan_ksd.write.feedback_chars import shown
from pemetaan_ksd.write.feedback_text import NOTE_AUTHOR, is_our_note, note_text, worst
from pemetaan_ksd.write.text_metrics import CHARACTERS, wrapped_lines

FILL_COLOUR = {Severity.GALAT: "FFC7CE", Severity.PERINGATAN: "FFEB9C", Severity.INFO: "DDEBF7"}
INK_COLOUR = {Severity.GALAT: "9C0006", Severity.PERINGATAN: "7F5F00", Severity.INFO: "1F4E79"}

# A note box: Excel draws notes in 9-point Tahoma, about 6 pixels a character.
NOTE_WIDTH_PX = 340
NOTE_WIDE_PX = 460  # for long notes, so that they do not run off the screen downwards
NOTE_PX_PER_CHAR = 6.3
NOTE_LINE_PX = 15
NOTE_PADDING_PX = 18
NOTE_MIN_HEIGHT_PX = 60
_WIDE_AFTER_CHARS = 700


@dataclass(frozen=True)
class Target:
    """Where a finding lands in the copy: the sheet's own title and the cell to mark."""

    sheet: str
    cell: str

    @property
    def location(self) -> str:
        """Internal hyperlink location, e.g. `'Usulan'!J9`."""
        quoted = self.sheet.replace("'", "''")
        return f"'{quoted}'!{self.cell}"

    @property
    def label(self) -> str:
        return f"{self.sheet}!{self.cell}"


def sheet_named(wb: Workbook, name: str) -> Worksheet | None:
    """The worksheet the reader would take for sheet `name` (case, surrounding spaces ignored):
    a contract sheet (`Usulan`), or one a finding names (`Sheet1`, read instead of `Usulan`)."""
    title = find_sheet(wb.sheetnames, name.strip())
    if title is None:
        return None
    ws = wb[title]
    return ws if isinstance(ws, Worksheet) else None


# KSD111: the sheet read in place of `Usulan` is named in that finding's `sheet`.
READ_INSTEAD_CODE = "KSD111"


def usulan_title(findings: Sequence[Finding]) -> str:
    """The sheet that was read as `Usulan`: `Usulan`, or the one a KSD111 finding names.

    For a caller without the FileResult; the feedback copy passes `FileResult.usulan_sheet`.
    """
    return next((f.sheet for f in findings if f.code == READ_INSTEAD_CODE and f.sheet),
                SHEET_USULAN)


def locate(wb: Workbook, finding: Finding, usulan: str = SHEET_USULAN) -> Target | None:
    """The cell of `finding` in `wb`; None for a file-level finding or a sheet not there.

    A finding on `Usulan` lands on `usulan`, the sheet read as `Usulan` (see usulan_title).
    """
    if finding.cell is None:
        return None
    sheet = finding.sheet or SHEET_USULAN
    ws = sheet_named(wb, usulan if sheet == SHEET_USULAN else sheet)
    if ws is None:
        return None
    try:
        coordinate_from_string(finding.cell)
    except ValueError:
        return None
    return Target(ws.title, merged_anchor(ws, finding.cell.upper()))


def merged_anchor(ws: Worksheet, coordinate: str) -> str:
    """The top-left cell of the merged range holding `coordinate` (only it takes a note)."""
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            return f"{get_column_letter(merged.min_col)}{merged.min_row}"
    return coordinate


def mark_findings(wb: Workbook, findings: Sequence[Finding], usulan: str | None = None
                  ) -> list[Target | None]:
    """Fill and note every finding's cell; the targets, in the order of `findings`.

    `usulan`: the sheet the usulan were read from (`FileResult.usulan_sheet`); when not given,
    the one a KSD111 finding names, else `Usulan` (usulan_title).
    """
    read_from = usulan if usulan is not None else usulan_title(findings)
    targets = [locate(wb, f, read_from) for f in findings]
    groups: dict[Target, list[Finding]] = {}
    for finding, target in zip(findings, targets, strict=True):
        if target is not None:
            groups.setdefault(target, []).append(finding)
    for target, found in groups.items():
        ws = wb[target.sheet]
        assert isinstance(ws, Worksheet)
        mark_cell(ws, target.cell, found)
    return targets


def mark_cell(ws: Worksheet, coordinate: str, findings: Sequence[Finding]) -> None:
    cell = ws[coordinate]
    assert isinstance(cell, Cell)
    cell.fill = styles.fill(FILL_COLOUR[worst(findings)])
    text = note_text(findings)
    old = cell.comment
    if old is not None and not is_our_note(old.author, old.text):
        # The old note as its text reads (openpyxl leaves Excel's _xHHHH_ undecoded).
        text += f"\n\nCatatan yang sudah ada pada sel ini: {unescape(old.text).strip()}"
    cell.comment = make_note(text)
    _show(ws, cell)


def make_note(text: str) -> Comment:
    """A note sized so that its text can be read without resizing the box (lines counted by
    text_metrics, the one wrapped-text estimator, in characters of the note's font); its
    control characters shown by their code (feedback_chars.shown)."""
    text = shown(text)
    width = NOTE_WIDE_PX if len(text) > _WIDE_AFTER_CHARS else NOTE_WIDTH_PX
    per_line = int((width - NOTE_PADDING_PX) / NOTE_PX_PER_CHAR)
    lines = wrapped_lines(text, per_line, CHARACTERS)
    height = max(NOTE_MIN_HEIGHT_PX, math.ceil(lines * NOTE_LINE_PX + NOTE_PADDING_PX))
    return Comment(text, NOTE_AUTHOR, height=height, width=width)


def _show(ws: Worksheet, cell: Cell) -> None:
    """Unhide the row, column and sheet of a marked cell, so its link lands on a visible cell."""
    if ws.sheet_state != "visible":
        ws.sheet_state = "visible"
    if cell.row in ws.row_dimensions and ws.row_dimensions[cell.row].hidden:
        ws.row_dimensions[cell.row].hidden = False
    for dimension in ws.column_dimensions.values():
        low, high = dimension.min or 0, dimension.max or 0
        if dimension.hidden and low <= cell.column <= high:
            dimension.hidden = False


def clear_previous_marks(wb: Workbook) -> int:
    """Remove this program's notes and fills from a copy that came back as a submission.

    Returns how many cells were cleared. A cell counts as ours when its note is ours; its fill
    goes only when it is one of our three colours.
    """
    ours = {colour.upper() for colour in FILL_COLOUR.values()}
    cleared = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                note = cell.comment
                if note is None or not is_our_note(note.author, note.text):
                    continue
                cell.comment = None
                if _rgb(cell)[-6:].upper() in ours:
                    cell.fill = PatternFill(fill_type=None)
                cleared += 1
    return cleared


def _rgb(cell: Cell | MergedCell) -> str:
    colour = cell.fill.fgColor
    value = colour.rgb if colour is not None and colour.type == "rgb" else ""
    return value if isinstance(value, str) else ""
