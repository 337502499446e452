"""Plain values that flow through read -> rules -> merge -> write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1


class Severity(StrEnum):
    GALAT = "galat"
    PERINGATAN = "peringatan"
    INFO = "info"


SEVERITY_ORDER = {Severity.GALAT: 0, Severity.PERINGATAN: 1, Severity.INFO: 2}


class FileStatus(StrEnum):
    VALID = "valid"
    TIDAK_VALID = "tidak_valid"
    TIDAK_TERBACA = "tidak_terbaca"


@dataclass(frozen=True)
class CellError:
    """A spreadsheet error value such as `#REF!` or `#N/A` found in a cell."""

    text: str

    def __str__(self) -> str:
        return self.text


# What a cell can hold after reading: calamine's Python values, with '' turned into None.
CellValue = (
    str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | CellError | None
)


@dataclass(frozen=True)
class Finding:
    """One finding: a value, never an exception (CONTRACT section 2 and 3)."""

    code: str
    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    dasar_hukum: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "sheet": self.sheet,
            "cell": self.cell,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message,
            "dasar_hukum": self.dasar_hukum,
        }


@dataclass(frozen=True)
class DataRow:
    """One non-empty data row of `Usulan`, keyed by column key (contract.COLUMNS)."""

    excel_row: int
    values: dict[str, CellValue]


@dataclass
class Submission:
    """What the reader found in one workbook; positions are real Excel positions."""

    path: Path
    sha256: str
    size: int
    mtime: float
    sheet_names: list[str] = field(default_factory=list)
    identitas: dict[str, CellValue] = field(default_factory=dict)
    identitas_cells: dict[str, str] = field(default_factory=dict)  # key -> "B3"
    meta: dict[str, str] = field(default_factory=dict)
    header_row: int | None = None
    column_letters: dict[str, str] = field(default_factory=dict)  # key -> "K"
    extra_columns: list[tuple[str, str]] = field(default_factory=list)  # (letter, header)
    rows: list[DataRow] = field(default_factory=list)
    read_error: str | None = None  # set when the file cannot be opened: becomes KSD101

    def cell(self, key: str, excel_row: int) -> str | None:
        letter = self.column_letters.get(key)
        return f"{letter}{excel_row}" if letter else None

    def first_cell(self, excel_row: int) -> str:
        letters = sorted(self.column_letters.values(), key=lambda s: (len(s), s))
        return f"{letters[0] if letters else 'A'}{excel_row}"


@dataclass(frozen=True)
class Usulan:
    """One data row with its values normalized (best effort, also for rejected rows)."""

    excel_row: int
    kode_bidang_urusan: str | None
    kode_program: str | None
    nama_program: str | None
    kode_kegiatan: str | None
    nama_kegiatan: str | None
    kode_sub_kegiatan: str | None
    objek: str | None
    jenis_kerja_sama: str | None
    calon_mitra: str | None
    kode_wilayah_mitra: str | None  # resolved code of a daerah partner
    nama_mitra_resmi: str | None  # official name of a resolved daerah partner
    mitra_berbatasan: bool | None  # None when the partner is not a daerah
    jenis_mitra: str | None
    bentuk_ksdpk: str | None
    prakarsa: str | None
    tahun_mulai: int | None
    tahun_selesai: int | None
    skala_prioritas: str | None
    anggaran: float | None
    sumber_pendanaan: tuple[str, ...]
    sudah_dianggarkan: str | None
    membebani: str | None
    tahapan: str
    keterangan: str | None
    perlu_persetujuan_dprd: bool


@dataclass
class RowResult:
    excel_row: int
    usulan: Usulan
    findings: list[Finding] = field(default_factory=list)
    first_cell: str | None = None  # the row's first cell ("A9"), where whole-row findings go

    @property
    def has_galat(self) -> bool:
        return any(f.severity is Severity.GALAT for f in self.findings)


@dataclass
class FileResult:
    """Everything known about one input file after validation."""

    path: Path
    display_path: str
    sha256: str
    mtime: float
    kode_opd: str | None = None
    nama_opd: str | None = None
    tahun: int | None = None
    tanggal_pengisian: dt.date | None = None
    template_version: str | None = None
    file_findings: list[Finding] = field(default_factory=list)
    rows: list[RowResult] = field(default_factory=list)
    unreadable: bool = False
    chosen_over: list[str] = field(default_factory=list)  # KSD501: older files this one replaced
    set_aside_for: str | None = None  # KSD501: the newer file chosen instead of this one
    header_row: int | None = None  # the Usulan header row as read (feedback copy)
    column_letters: dict[str, str] = field(default_factory=dict)  # key -> "K"

    @property
    def findings(self) -> list[Finding]:
        """File-level findings first, then row findings in row order."""
        out = list(self.file_findings)
        for row in self.rows:
            out.extend(row.findings)
        return out

    @property
    def file_has_galat(self) -> bool:
        return any(f.severity is Severity.GALAT for f in self.file_findings)

    @property
    def status(self) -> FileStatus:
        if self.unreadable:
            return FileStatus.TIDAK_TERBACA
        if any(f.severity is Severity.GALAT for f in self.findings):
            return FileStatus.TIDAK_VALID
        return FileStatus.VALID

    def row_accepted(self, row: RowResult) -> bool:
        return not self.file_has_galat and not row.has_galat

    @property
    def accepted_rows(self) -> list[RowResult]:
        return [r for r in self.rows if self.row_accepted(r)]

    @property
    def rejected_rows(self) -> list[RowResult]:
        return [r for r in self.rows if not self.row_accepted(r)]

    def counts(self) -> dict[str, int]:
        return count_severities(self.findings)


def count_severities(findings: list[Finding]) -> dict[str, int]:
    counts = {str(s): 0 for s in Severity}
    for f in findings:
        counts[str(f.severity)] += 1
    return counts


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

    @property
    def findings(self) -> list[Finding]:
        out = [f for fr in self.files for f in fr.findings]
        return out + list(self.run_findings)

    @property
    def has_galat(self) -> bool:
        return any(fr.status is not FileStatus.VALID for fr in self.files)

    def summary(self) -> dict[str, Any]:
        rows = sum(len(fr.rows) for fr in self.files)
        accepted = sum(len(fr.accepted_rows) for fr in self.files)
        return {
            "files": len(self.files),
            "valid": sum(1 for fr in self.files if fr.status is FileStatus.VALID),
            "rows": rows,
            "rows_accepted": accepted,
            "rows_rejected": rows - accepted,
            "counts": count_severities([f for fr in self.files for f in fr.findings]),
        }
