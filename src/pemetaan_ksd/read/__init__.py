"""Any submitted workbook -> Submission (calamine), real Excel positions kept.

Public: read_submission, find_sheet, and the reason categories of `Submission.read_error`.
"""

from pemetaan_ksd.read.reasons import (
    BUKAN_SPREADSHEET,
    CATEGORIES,
    KATA_SANDI,
    RUSAK,
    TERLALU_BESAR,
    TIDAK_DAPAT_DIAKSES,
    TIDAK_DIDUKUNG,
)
from pemetaan_ksd.read.submission import find_sheet, read_submission

__all__ = [
    "BUKAN_SPREADSHEET",
    "CATEGORIES",
    "KATA_SANDI",
    "RUSAK",
    "TERLALU_BESAR",
    "TIDAK_DAPAT_DIAKSES",
    "TIDAK_DIDUKUNG",
    "find_sheet",
    "read_submission",
]
