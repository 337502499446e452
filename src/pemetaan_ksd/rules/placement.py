"""Where row findings land, so that the report and the feedback copy name the same cell."""

from __future__ import annotations

import dataclasses

from pemetaan_ksd.a1 import column_index
from pemetaan_ksd.contract import SHEET_USULAN
from pemetaan_ksd.model import FileResult, Finding, Submission
from pemetaan_ksd.rules.struktur import read_elsewhere


class Placement:
    """A finding on a cell inside a merged range moves to the range's first cell (the only one a
    spreadsheet shows and can annotate), where KSD114 also sits; on a sheet read in place of
    `Usulan` (KSD111), findings name that sheet.
    """

    def __init__(self, sub: Submission) -> None:
        self.sheet = sub.usulan_sheet if read_elsewhere(sub) else None
        self.anchors: dict[str, str] = {}
        if sub.merged_ranges:
            self._cover(sub)

    def _cover(self, sub: Submission) -> None:
        columns = [(column_index(letter), letter) for letter in sub.column_letters.values()]
        for merged in sub.merged_ranges:
            inside = [letter for index, letter in columns
                      if merged.left - 1 <= index <= merged.right - 1]
            for row in sub.rows:
                if merged.top <= row.excel_row <= merged.bottom:
                    for letter in inside:
                        self.anchors.setdefault(f"{letter}{row.excel_row}", merged.first_cell)

    def cell(self, cell: str) -> str:
        return self.anchors.get(cell, cell)

    def place(self, found: Finding) -> Finding:
        if found.sheet != SHEET_USULAN:
            return found
        cell = self.anchors.get(found.cell, found.cell) if found.cell else None
        sheet = self.sheet or found.sheet
        if cell == found.cell and sheet == found.sheet:
            return found
        return dataclasses.replace(found, sheet=sheet, cell=cell)

    def apply(self, result: FileResult) -> None:
        """Every row finding of `result` (the engine's, being built), placed."""
        if self.sheet is None and not self.anchors:
            return
        for row in result.rows:
            row.findings = [self.place(f) for f in row.findings]
