"""Cell values and positions as the rest of the program sees them.

What python-calamine 0.9.1 gives (measured; `to_python(skip_empty_area=False)`):

- Blank cells are `''`; numbers are float in .xlsx/.ods (`2025.0`), but in .xls written by
  LibreOffice whole numbers come back as int; date-formatted cells are `date`/`datetime`;
  booleans are `bool` (in .ods LibreOffice stores TRUE() as the number 1.0).
- Error values (`#REF!`, `#N/A`, `#DIV/0!`, `#VALUE!`, ...) come back as `''` in every format,
  indistinguishable from a blank cell; likewise a formula without a stored result. So the reader
  finds error cells itself (read/scan_*.py) and `normalize` turns them into CellError.
- Formulas: calamine returns the cached result the writing program stored. LibreOffice stores one
  (t="n"/"str"/"b" or t="e" with the error text in .xlsx; office:value / calcext:value-type="error"
  in .ods; a cached result in the FORMULA record in .xls). openpyxl stores none (`<v/>`), so such
  a cell reads as blank (None) until a spreadsheet program has recalculated and saved the file.
- An error typed as text by some writers (e.g. office:string-value="#N/A" in a non-LibreOffice .ods)
  arrives as that string; a string equal to a known error code is treated as that error.
- Strings keep their text; leading/trailing spaces are stripped here (internal text untouched).
"""

from __future__ import annotations

import datetime as dt

from pemetaan_ksd.model import CellError, CellValue

# What calamine's to_python() yields for one cell.
RawValue = int | float | str | bool | dt.date | dt.datetime | dt.time | dt.timedelta
Grid = list[list[RawValue]]

# Error texts of Excel (ECMA-376 18.17.4 and the newer dynamic-array ones); LibreOffice's own
# are `Err:502` and the like.
ERROR_TEXTS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
     "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
)

Position = tuple[int, int]  # 0-based (row, column), as in calamine's grid
ErrorCells = dict[Position, str]


def normalize(value: RawValue, error: str | None = None) -> CellValue:
    """One calamine value -> CellValue; `error` is the error text found at that cell, if any."""
    if value.__class__ is not str:
        return value
    if error is not None and value == "":
        return CellError(error)
    return clean_text(value)


def clean_text(value: str) -> str | CellError | None:
    """A string cell: stripped; None when blank; CellError when it is an error's text."""
    text = value.strip()
    if not text:
        return None
    if text[0] in "#E" and (text in ERROR_TEXTS or (text[:4] == "Err:" and text[4:].isdigit())):
        return CellError(text)
    return text


def cell_at(grid: Grid, row: int, column: int) -> RawValue:
    """The raw value at 0-based (row, column); '' outside the grid."""
    if row < len(grid):
        cells = grid[row]
        if column < len(cells):
            return cells[column]
    return ""
