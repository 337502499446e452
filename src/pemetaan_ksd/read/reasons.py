"""Why a file could not be opened: the categories `Submission.read_error` starts with.

A reason is one category, sometimes followed by a detail in parentheses, e.g.
`terlalu besar untuk dibuka dengan aman (isi terurai 900 MB, batas 500 MB)`.
"""

from __future__ import annotations

from pemetaan_ksd.safety import TOO_LARGE

BUKAN_SPREADSHEET = "bukan berkas spreadsheet"
RUSAK = "rusak atau terpotong"
KATA_SANDI = "dilindungi kata sandi"
TERLALU_BESAR = TOO_LARGE
TIDAK_DIDUKUNG = "format tidak didukung"
TIDAK_DAPAT_DIAKSES = "tidak dapat diakses"

CATEGORIES = (BUKAN_SPREADSHEET, RUSAK, KATA_SANDI, TERLALU_BESAR, TIDAK_DIDUKUNG,
              TIDAK_DAPAT_DIAKSES)


class Unreadable(Exception):
    """Raised inside the reader only; read_submission turns it into `read_error`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def with_detail(category: str, detail: str) -> str:
    return f"{category} ({detail})"
