"""The result of one run over all files given, and every total the program shows of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pemetaan_ksd.model import (
    FileResult,
    FileStatus,
    Finding,
    Severity,
    add_severities,
    count_severities,
)
from pemetaan_ksd.rules.messages import CODES


@dataclass
class Report:
    """The result of one validation run over all files given."""

    tahun: int
    kode_daerah: str
    nama_daerah: str
    nomenklatur: str
    profil: str
    tool_version: str
    created: dt.datetime
    files: list[FileResult] = field(default_factory=list)
    run_findings: list[Finding] = field(default_factory=list)  # not tied to a file (KSD504)
    pilih_terbaru: bool = False
    skipped: list[Skipped] = field(default_factory=list)  # inputs not judged, with why
    # the register of agreements in force used (KSD417): its path and the sha256 of its bytes
    kerja_sama_berlaku: tuple[str, str] | None = None

    @property
    def findings(self) -> list[Finding]:
        """Every finding that counts: files in use, then the run's own (KSD504)."""
        out = [f for fr in self.files if fr.in_use for f in fr.findings]
        return out + list(self.run_findings)

    @property
    def has_galat(self) -> bool:
        return any(fr.status not in _CLEAN for fr in self.files)

    def totals(self) -> Totals:
        return Totals.of(self)

    def by_code(self) -> list[CodeCount]:
        """How often each rule code speaks in the findings that count, in code order."""
        findings: dict[str, int] = {}
        files: dict[str, set[int]] = {}
        for index, fr in enumerate(f for f in self.files if f.in_use):
            for f in fr.findings:
                findings[f.code] = findings.get(f.code, 0) + 1
                files.setdefault(f.code, set()).add(index)
        for f in self.run_findings:
            findings[f.code] = findings.get(f.code, 0) + 1
        return [CodeCount(code, CODES[code].severity, CODES[code].title, findings[code],
                          len(files.get(code, ()))) for code in sorted(findings)]

    def summary(self) -> dict[str, Any]:
        return self.totals().to_dict()


_CLEAN = (FileStatus.VALID, FileStatus.DIGANTI)


@dataclass(frozen=True)
class CodeCount:
    """One rule code's share of a run's findings."""

    code: str
    severity: Severity
    title: str
    findings: int
    files: int  # files with at least one (0 for the run's own findings, KSD504)


@dataclass(frozen=True)
class Skipped:
    """An input found but not judged: something the program wrote itself."""

    path: str  # as displayed
    reason: str  # Indonesian, e.g. "buku kerja gabungan yang ditulis pemetaan-ksd"


@dataclass(frozen=True)
class Totals:
    """Every total the program prints or writes, computed here once from the findings.

    Each row read is counted once: rows (accepted + rejected) of the files in use, rows that
    are not usulan (KSD109), or rows of a file set aside by --pilih-terbaru (replaced).
    """

    files: int
    by_status: dict[str, int]
    rows: int
    rows_accepted: int
    rows_not_usulan: int
    rows_replaced: int
    counts: dict[str, int]
    skipped: int

    @classmethod
    def of(cls, report: Report) -> Totals:
        """One pass over the files and their findings (the report of a province holds
        hundreds of thousands: each row's galat is looked at once)."""
        by_status = {str(s): 0 for s in FileStatus}
        counts = count_severities(report.run_findings)
        rows = accepted = not_usulan = replaced = 0
        for fr in report.files:
            by_status[str(fr.status)] += 1
            if not fr.in_use:
                replaced += len(fr.rows) + fr.rows_not_usulan
                continue
            rows += len(fr.rows)
            not_usulan += fr.rows_not_usulan
            add_severities(counts, fr.file_findings)
            for row in fr.rows:
                add_severities(counts, row.findings)
            if not fr.file_has_galat:
                accepted += sum(1 for row in fr.rows if not row.has_galat)
        return cls(files=len(report.files), by_status=by_status, rows=rows,
                   rows_accepted=accepted, rows_not_usulan=not_usulan, rows_replaced=replaced,
                   counts=counts, skipped=len(report.skipped))

    @property
    def rows_rejected(self) -> int:
        return self.rows - self.rows_accepted

    @property
    def rows_read(self) -> int:
        return self.rows + self.rows_not_usulan + self.rows_replaced

    @property
    def valid(self) -> int:
        return self.by_status[FileStatus.VALID]

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "valid": self.valid,
            "tidak_valid": self.by_status[FileStatus.TIDAK_VALID],
            "tidak_terbaca": self.by_status[FileStatus.TIDAK_TERBACA],
            "diganti": self.by_status[FileStatus.DIGANTI],
            "skipped": self.skipped,
            "rows": self.rows,
            "rows_accepted": self.rows_accepted,
            "rows_rejected": self.rows_rejected,
            "rows_not_usulan": self.rows_not_usulan,
            "rows_replaced": self.rows_replaced,
            "rows_read": self.rows_read,
            "counts": dict(self.counts),
        }
