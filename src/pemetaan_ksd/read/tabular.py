"""The first sheet of a spreadsheet as rows of values: for tables the profile names (a newer
nomenclature in .xlsx/.ods/.xls), read by calamine like every workbook the program reads."""

from __future__ import annotations

from pathlib import Path

import python_calamine


class TableUnreadable(ValueError):
    """The file is not a readable spreadsheet; the message says why, for the user."""


def first_sheet_rows(path: Path) -> list[list[object]]:
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        return [list(r) for r in book.get_sheet_by_index(0).to_python(skip_empty_area=False)]
    except (python_calamine.CalamineError, OSError, IndexError) as exc:
        raise TableUnreadable(str(exc) or type(exc).__name__) from exc
