"""Why a file could not be opened: the ReadError the reader raises inside and returns.

The kinds are `model.ReadErrorKind`; the names below keep the reader's own vocabulary short.
"""

from __future__ import annotations

from pemetaan_ksd.model import ReadError, ReadErrorKind

BUKAN_SPREADSHEET = ReadErrorKind.NOT_SPREADSHEET
RUSAK = ReadErrorKind.DAMAGED
KATA_SANDI = ReadErrorKind.PASSWORD
TERLALU_BESAR = ReadErrorKind.TOO_LARGE
TIDAK_DIDUKUNG = ReadErrorKind.UNSUPPORTED
TIDAK_DAPAT_DIAKSES = ReadErrorKind.INACCESSIBLE

CATEGORIES = tuple(ReadErrorKind)


class Unreadable(Exception):
    """Raised inside the reader only, when the file itself is at fault; read_submission
    returns it as `Submission.read_error`."""

    def __init__(self, kind: ReadErrorKind, detail: str | None = None) -> None:
        super().__init__(kind, detail)
        self.error = ReadError(kind, detail)
