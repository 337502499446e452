"""Values openpyxl reads from a submission but cannot write back into its feedback copy.

openpyxl reads a `<v>` of digits as a Python int of any size, and its writer then fails on
one that no float can hold (`isnan` of a 400-digit number: OverflowError), so the copy of such
a file could not be saved. Such a number is kept in the copy as the digits that were sent, as
text: the clerk sees what the file held, and the reader judges the copy as it judged the
original (not a valid amount or year).
"""

from __future__ import annotations

import sys

from openpyxl import Workbook

_FLOAT_MAX = sys.float_info.max


def keep_numbers_writable(wb: Workbook) -> int:
    """Turn every int beyond a float's range into its digits as text; how many there were."""
    changed = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if value.__class__ is int and not -_FLOAT_MAX <= value <= _FLOAT_MAX:
                    cell.value = str(value)
                    cell.data_type = "s"
                    changed += 1
    return changed
