"""Accepted usulan -> the year's list, the rekap tables (rekap.py) and the reconciliation.

Pure: no files, no printing.

Every data row of every input is counted exactly once: in the year's list, accepted but outside
the year, or rejected (CONTRACT section 3). The result does not depend on the order of the files.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pemetaan_ksd.errors import RekonsiliasiError
from pemetaan_ksd.model import FileResult, RowResult, Severity, Usulan
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.reference import Referensi
from pemetaan_ksd.rekap import (
    FileTally,
    berkas_table,
    bidang_names,
    perlu_perbaikan,
    rekap_mitra,
    rekap_opd,
    rekap_urusan,
)
from pemetaan_ksd.report import Report
from pemetaan_ksd.status import StatusOpd, status_pengumpulan

PRIORITY_RANK = {"Tinggi": 0, "Sedang": 1, "Rendah": 2}
_LAST = "\uffff"  # sorts a missing code after every real one

DAFTAR_COLUMNS = (
    "kode_bidang_urusan", "nama_bidang_urusan", "bidang_urusan_singkat",
    "kode_program", "nama_program", "kode_kegiatan", "nama_kegiatan", "kode_sub_kegiatan",
    "objek", "jenis_kerja_sama", "bentuk_ksdpk", "prakarsa",
    "mitra", "calon_mitra", "kode_wilayah_mitra", "jenis_mitra", "berbatasan",
    "tahun_mulai", "tahun_selesai", "jangka_waktu", "skala_prioritas", "anggaran",
    "sumber_pendanaan", "sudah_dianggarkan", "membebani", "perlu_persetujuan_dprd", "tahapan",
    "keterangan", "peringatan", "kode_opd", "nama_opd", "berkas", "baris", "sha256",
)
@dataclass(frozen=True)
class Rekonsiliasi:
    """Where every data row went."""

    berkas: int
    baris_dibaca: int
    diterima_tahun_ini: int
    diterima_luar_tahun: int
    ditolak: int
    bukan_usulan: int = 0  # KSD109 rows of the files in use
    diganti: int = 0  # rows of files set aside by --pilih-terbaru

    @property
    def seimbang(self) -> bool:
        total = (self.diterima_tahun_ini + self.diterima_luar_tahun + self.ditolak
                 + self.bukan_usulan + self.diganti)
        return self.baris_dibaca == total

    def to_dict(self) -> dict[str, int]:
        return {
            "berkas": self.berkas,
            "baris_dibaca": self.baris_dibaca,
            "diterima_tahun_ini": self.diterima_tahun_ini,
            "diterima_luar_tahun": self.diterima_luar_tahun,
            "ditolak": self.ditolak,
            "bukan_usulan": self.bukan_usulan,
            "diganti": self.diganti,
        }


@dataclass
class Konsolidasi:
    """The consolidated tables of one year; the workbook writer only lays them out."""

    tahun: int
    daftar: pd.DataFrame
    rekap_urusan: pd.DataFrame
    rekap_opd: pd.DataFrame
    rekap_mitra: pd.DataFrame
    perlu_perbaikan: pd.DataFrame
    berkas: pd.DataFrame
    rekonsiliasi: Rekonsiliasi
    status: list[StatusOpd] = field(default_factory=list)


def build_konsolidasi(report: Report, profil: Profil, referensi: Referensi,
                      tahun: int) -> Konsolidasi:
    """The year's list, the rekap tables, the rows to fix and the reconciliation."""
    files = sorted(report.files, key=lambda f: (f.display_path, f.sha256))
    records: list[tuple[Any, ...]] = []  # in DAFTAR_COLUMNS order: a fifth of a dict's memory
    tallies: dict[int, FileTally] = {}
    for fr in files:
        tally = tallies.setdefault(id(fr), FileTally())
        if not fr.in_use:
            tally.baris = len(fr.rows)  # counted as replaced (Totals.rows_replaced)
            continue
        file_galat = fr.file_has_galat
        for row in fr.rows:
            tally.baris += 1
            if file_galat or row.has_galat:
                tally.ditolak += 1
            elif covers(row.usulan, tahun):
                tally.diterima += 1
                tally.anggaran += row.usulan.anggaran or 0.0
                record = _daftar_record(fr, row, referensi)
                records.append(_in_order(record))
            else:
                tally.luar_tahun += 1
    records.sort(key=_daftar_key)
    daftar = pd.DataFrame(dict(zip(DAFTAR_COLUMNS, _columns_of(records), strict=True)),
                          columns=list(DAFTAR_COLUMNS), dtype=object)
    del records
    status = status_pengumpulan(report, profil)
    rekon = _rekonsiliasi(report, files, tallies, len(daftar))
    return Konsolidasi(
        tahun=tahun,
        daftar=daftar,
        rekap_urusan=rekap_urusan(daftar, referensi),
        rekap_opd=rekap_opd(status, tallies),
        rekap_mitra=rekap_mitra(daftar),
        perlu_perbaikan=perlu_perbaikan(files),
        berkas=berkas_table(files, tallies),
        rekonsiliasi=rekon,
        status=status,
    )


def covers(usulan: Usulan, tahun: int) -> bool:
    """Whether the usulan runs in `tahun` (`Tahun Mulai` .. `Tahun Selesai`, inclusive)."""
    if usulan.tahun_mulai is None or usulan.tahun_selesai is None:
        return False
    return usulan.tahun_mulai <= tahun <= usulan.tahun_selesai


def jangka_waktu(usulan: Usulan) -> str | None:
    mulai, selesai = usulan.tahun_mulai, usulan.tahun_selesai
    if mulai is None or selesai is None:
        return None
    return str(mulai) if mulai == selesai else f"{mulai}-{selesai}"


def _official(referensi: Referensi, kode: str | None, given: str | None) -> str | None:
    if kode:
        name = referensi.nomenklatur.name(kode)
        if name:
            return name
    return given


def _daftar_record(fr: FileResult, row: RowResult, referensi: Referensi) -> dict[str, Any]:
    u = row.usulan
    nama_bidang, bidang_singkat = bidang_names(referensi, u.kode_bidang_urusan)
    warnings = [f.message for f in row.findings if f.severity is Severity.PERINGATAN]
    return {
        "kode_bidang_urusan": u.kode_bidang_urusan,
        "nama_bidang_urusan": nama_bidang,
        "bidang_urusan_singkat": bidang_singkat,
        "kode_program": u.kode_program,
        "nama_program": _official(referensi, u.kode_program, u.nama_program),
        "kode_kegiatan": u.kode_kegiatan,
        "nama_kegiatan": _official(referensi, u.kode_kegiatan, u.nama_kegiatan),
        "kode_sub_kegiatan": u.kode_sub_kegiatan,
        "objek": u.objek,
        "jenis_kerja_sama": u.jenis_kerja_sama,
        "bentuk_ksdpk": u.bentuk_ksdpk,
        "prakarsa": u.prakarsa,
        "mitra": u.nama_mitra_resmi or u.calon_mitra,
        "calon_mitra": u.calon_mitra,
        "kode_wilayah_mitra": u.kode_wilayah_mitra,
        "jenis_mitra": u.jenis_mitra,
        "berbatasan": _ya_tidak(u.mitra_berbatasan),
        "tahun_mulai": u.tahun_mulai,
        "tahun_selesai": u.tahun_selesai,
        "jangka_waktu": jangka_waktu(u),
        "skala_prioritas": u.skala_prioritas,
        "anggaran": u.anggaran,
        "sumber_pendanaan": "; ".join(u.sumber_pendanaan) or None,
        "sudah_dianggarkan": u.sudah_dianggarkan,
        "membebani": u.membebani,
        "perlu_persetujuan_dprd": "Ya" if u.perlu_persetujuan_dprd else "Tidak",
        "tahapan": u.tahapan,
        "keterangan": u.keterangan,
        "peringatan": "\n".join(warnings) or None,
        "kode_opd": fr.kode_opd,
        "nama_opd": fr.nama_opd,
        "berkas": fr.display_path,
        "baris": row.excel_row,
        "sha256": fr.sha256,
    }


def _ya_tidak(value: bool | None) -> str:
    if value is None:
        return "-"
    return "Ya" if value else "Tidak"


def _columns_of(records: list[tuple[Any, ...]]) -> list[list[Any]]:
    if not records:
        return [[] for _ in DAFTAR_COLUMNS]
    return [list(column) for column in zip(*records, strict=True)]


_in_order = operator.itemgetter(*DAFTAR_COLUMNS)  # a record's values as a tuple, in C
_AT = {c: i for i, c in enumerate(DAFTAR_COLUMNS)}
_key_values = operator.itemgetter(*(_AT[c] for c in (
    "kode_bidang_urusan", "kode_program", "kode_kegiatan", "skala_prioritas", "kode_opd",
    "berkas", "sha256", "baris")))


def _daftar_key(r: tuple[Any, ...]) -> tuple[Any, ...]:
    """Bidang urusan, program, kegiatan, priority Tinggi -> Rendah, OPD; then file and row."""
    bidang, program, kegiatan, prioritas, opd, berkas, sha256, baris = _key_values(r)
    return (bidang or _LAST, program or _LAST, kegiatan or _LAST,
            PRIORITY_RANK.get(prioritas or "", len(PRIORITY_RANK)), opd or _LAST,
            berkas, sha256, baris)


def _rekonsiliasi(report: Report, files: list[FileResult], tallies: dict[int, FileTally],
                  in_list: int) -> Rekonsiliasi:
    totals = report.totals()
    rekon = Rekonsiliasi(
        berkas=len(files),
        baris_dibaca=sum(len(fr.rows) + fr.rows_not_usulan for fr in files),
        diterima_tahun_ini=in_list,
        diterima_luar_tahun=sum(t.luar_tahun for t in tallies.values()),
        ditolak=sum(t.ditolak for t in tallies.values()),
        bukan_usulan=totals.rows_not_usulan,
        diganti=totals.rows_replaced,
    )
    accepted = rekon.diterima_tahun_ini + rekon.diterima_luar_tahun
    if not rekon.seimbang or totals.rows_read != rekon.baris_dibaca \
            or totals.rows_accepted != accepted:
        raise RekonsiliasiError(f"Jumlah baris tidak seimbang: {rekon.to_dict()} vs "
                                f"{totals.to_dict()}")
    return rekon
