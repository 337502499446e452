"""Any submitted workbook -> Submission (calamine), real Excel positions kept.

Public: read_submission, find_sheet, the reason categories of `Submission.read_error`,
read_grids (a workbook's sheets as the reader sees their cells, for the feedback copy), and
for the feedback copy too, safe_to_load_whole (whether openpyxl may parse a file whole) and
too_large_to_copy.
"""

from pemetaan_ksd.read.grid import HeaderRow, RawValue, SheetGrid, read_grids
from pemetaan_ksd.read.reasons import (
    BUKAN_SPREADSHEET,
    CATEGORIES,
    KATA_SANDI,
    RUSAK,
    TERLALU_BESAR,
    TIDAK_DAPAT_DIAKSES,
    TIDAK_DIDUKUNG,
)
from pemetaan_ksd.read.sniff import safe_to_load_whole, too_large_to_copy
from pemetaan_ksd.read.submission import find_sheet, hash_file, read_submission

__all__ = [
    "BUKAN_SPREADSHEET",
    "CATEGORIES",
    "KATA_SANDI",
    "RUSAK",
    "TERLALU_BESAR",
    "TIDAK_DAPAT_DIAKSES",
    "TIDAK_DIDUKUNG",
    "HeaderRow",
    "RawValue",
    "SheetGrid",
    "find_sheet",
    "hash_file",
    "read_grids",
    "read_submission",
    "safe_to_load_whole",
    "too_large_to_copy",
]
