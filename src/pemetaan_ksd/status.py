"""Who has sent what: one line per perangkat daerah of the profile, then files from elsewhere.

The same table feeds `status` (text and JSON) and the `Status Pengumpulan` sheet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pemetaan_ksd.model import SCHEMA_VERSION, FileResult, FileStatus, count_severities
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.report import Report


class StatusKirim(StrEnum):
    VALID = "valid"
    TIDAK_VALID = "tidak_valid"
    TIDAK_TERBACA = "tidak_terbaca"
    BELUM_MENGIRIM = "belum_mengirim"

    @property
    def label(self) -> str:
        return status_label(self)


# Every status a file or an OPD can have, in one table: (label in tables, banner in the terminal).
_WORDS = {
    "valid": ("Valid", "DITERIMA"),
    "tidak_valid": ("Perlu perbaikan", "PERLU PERBAIKAN"),
    "tidak_terbaca": ("Tidak terbaca", "TIDAK TERBACA"),
    "diganti": ("Diganti", "DIGANTI"),
    "belum_mengirim": ("Belum mengirim", "BELUM MENGIRIM"),
}


def status_label(status: FileStatus | StatusKirim) -> str:
    """How tables (workbook, status, HTML) name a status: `Perlu perbaikan`."""
    return _WORDS[str(status)][0]


def status_banner(status: FileStatus | StatusKirim) -> str:
    """How the terminal heads a file with its status: `PERLU PERBAIKAN`."""
    return _WORDS[str(status)][1]
# When one perangkat daerah has several files that count, the worst one speaks for it.
_WORST_FIRST = (FileStatus.TIDAK_TERBACA, FileStatus.TIDAK_VALID, FileStatus.VALID)


@dataclass(frozen=True)
class StatusOpd:
    """One perangkat daerah (or one unidentified file) and what it has sent."""

    kode: str | None
    nama: str
    dalam_profil: bool
    status: StatusKirim
    berkas: tuple[str, ...] = ()
    waktu: dt.datetime | dt.date | None = None
    waktu_dari: str | None = None  # "Tanggal Pengisian" or "waktu berkas"
    rows: int = 0
    rows_accepted: int = 0
    rows_rejected: int = 0
    counts: dict[str, int] = field(default_factory=lambda: count_severities([]))
    files: tuple[FileResult, ...] = field(default=(), repr=False, compare=False)

    @property
    def terkirim(self) -> bool:
        return self.status is not StatusKirim.BELUM_MENGIRIM


def status_pengumpulan(report: Report, profil: Profil) -> list[StatusOpd]:
    """Every OPD of the profile in its order, then unknown OPD codes, then unidentified files."""
    by_code: dict[str, list[FileResult]] = {}
    unidentified: list[FileResult] = []
    for fr in report.files:
        kode = (fr.kode_opd or "").strip()
        if kode:
            by_code.setdefault(kode, []).append(fr)
        else:
            unidentified.append(fr)
    out = [_entry(o.kode, o.nama, True, by_code.pop(o.kode, [])) for o in profil.perangkat_daerah]
    for kode in sorted(by_code):
        files = by_code[kode]
        names = sorted(fr.nama_opd.strip() for fr in files if fr.nama_opd and fr.nama_opd.strip())
        out.append(_entry(kode, names[0] if names else kode, False, files))
    for fr in sorted(unidentified, key=lambda f: (f.display_path, f.sha256)):
        out.append(_entry(None, (fr.nama_opd or "").strip() or fr.display_path, False, [fr]))
    return out


def belum_mengirim(items: list[StatusOpd]) -> list[StatusOpd]:
    return [s for s in items if not s.terkirim]


def _entry(kode: str | None, nama: str, dalam_profil: bool, files: list[FileResult]) -> StatusOpd:
    if not files:
        return StatusOpd(kode, nama, dalam_profil, StatusKirim.BELUM_MENGIRIM)
    files = sorted(files, key=lambda f: (f.display_path, f.sha256))
    counted = [f for f in files if f.in_use] or files
    latest = max(counted, key=lambda f: (_as_datetime(file_time(f)[0]), f.mtime, f.display_path))
    waktu, waktu_dari = file_time(latest)
    accepted = sum(len(f.accepted_rows) for f in counted)
    rows = sum(len(f.rows) for f in counted)
    return StatusOpd(
        kode=kode,
        nama=nama,
        dalam_profil=dalam_profil,
        status=_worst(counted),
        berkas=tuple(f.display_path for f in files),
        waktu=waktu,
        waktu_dari=waktu_dari,
        rows=rows,
        rows_accepted=accepted,
        rows_rejected=rows - accepted,
        counts=count_severities([x for f in counted for x in f.findings]),
        files=tuple(files),
    )


def file_time(fr: FileResult) -> tuple[dt.datetime | dt.date, str]:
    """When a file was filled in: its `Tanggal Pengisian`, else the file's modification time."""
    if fr.tanggal_pengisian is not None:
        return fr.tanggal_pengisian, "Tanggal Pengisian"
    return dt.datetime.fromtimestamp(fr.mtime).replace(microsecond=0), "waktu berkas"


def _as_datetime(value: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime.combine(value, dt.time())


def _worst(files: list[FileResult]) -> StatusKirim:
    statuses = {f.status for f in files}
    worst = next(s for s in _WORST_FIRST if s in statuses)
    return StatusKirim(str(worst))


def ringkasan(items: list[StatusOpd]) -> dict[str, int]:
    """The counts under the status table: OPD of the profile that sent, and every line of the
    table (in the profile or not) by its status, so that the counts match the lines shown."""
    in_profile = [s for s in items if s.dalam_profil]
    return {
        "perangkat_daerah": len(in_profile),
        "terkirim": sum(1 for s in in_profile if s.terkirim),
        "valid": sum(1 for s in items if s.status is StatusKirim.VALID),
        "perlu_perbaikan": sum(1 for s in items if s.status is StatusKirim.TIDAK_VALID),
        "tidak_terbaca": sum(1 for s in items if s.status is StatusKirim.TIDAK_TERBACA),
        "belum_mengirim": sum(1 for s in in_profile if not s.terkirim),
        "di_luar_profil": len(items) - len(in_profile),
    }


def status_opd_to_dict(item: StatusOpd) -> dict[str, Any]:
    return {
        "kode": item.kode,
        "nama": item.nama,
        "dalam_profil": item.dalam_profil,
        "terkirim": item.terkirim,
        "status": str(item.status),
        "waktu": item.waktu.isoformat() if item.waktu is not None else None,
        "waktu_dari": item.waktu_dari,
        "berkas": list(item.berkas),
        "rows": item.rows,
        "rows_accepted": item.rows_accepted,
        "rows_rejected": item.rows_rejected,
        "counts": dict(item.counts),
    }


def status_to_dict(items: list[StatusOpd], profil: Profil, tahun: int) -> dict[str, Any]:
    """The `status --format json` document."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tahun": tahun,
        "daerah": {"kode": profil.daerah.kode, "nama": profil.daerah.nama_lengkap},
        "profil": profil.sumber,
        "perangkat_daerah": [status_opd_to_dict(s) for s in items],
        "belum_mengirim": [s.kode for s in belum_mengirim(items)],
        "summary": ringkasan(items),
    }
