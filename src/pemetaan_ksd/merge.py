"""Accepted usulan -> the year's list, the rekap tables (rekap.py) and the reconciliation.

Pure: no files, no printing.

Every data row of every input is counted exactly once: in the year's list, accepted but outside
the year, or rejected (CONTRACT section 3). The result does not depend on the order of the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from pemetaan_ksd.daftar_tahun import (
    DAFTAR_COLUMNS,
    DaftarTahun,
    FileTally,
    daftar_tahun,
)
from pemetaan_ksd.errors import RekonsiliasiError
from pemetaan_ksd.model import FileResult
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.records import Records
from pemetaan_ksd.reference import Referensi
from pemetaan_ksd.rekap import (
    REKAP_MITRA_COLUMNS,
    berkas_table,
    perlu_perbaikan,
    rekap_opd,
    rekap_urusan,
)
from pemetaan_ksd.report import Report
from pemetaan_ksd.status import StatusOpd, status_pengumpulan

if TYPE_CHECKING:
    import pandas as pd


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


@dataclass(frozen=True)
class Tables:
    """The consolidated tables as records, in the order of their columns (rekap.py)."""

    daftar: Records  # DAFTAR_COLUMNS
    rekap_urusan: Records
    rekap_opd: Records
    rekap_mitra: Records
    perlu_perbaikan: Records
    berkas: Records


@dataclass
class Konsolidasi:
    """The consolidated tables of one year; the workbook writer only lays them out.

    The writers read `tables`; each table is also a pandas DataFrame of the same name (made,
    and pandas loaded, on first use: gabung itself never needs them)."""

    tahun: int
    tables: Tables
    rekonsiliasi: Rekonsiliasi
    status: list[StatusOpd] = field(default_factory=list)

    @cached_property
    def daftar(self) -> pd.DataFrame:
        return self.tables.daftar.frame()

    @cached_property
    def rekap_urusan(self) -> pd.DataFrame:
        return self.tables.rekap_urusan.frame()

    @cached_property
    def rekap_opd(self) -> pd.DataFrame:
        return self.tables.rekap_opd.frame()

    @cached_property
    def rekap_mitra(self) -> pd.DataFrame:
        return self.tables.rekap_mitra.frame()

    @cached_property
    def perlu_perbaikan(self) -> pd.DataFrame:
        return self.tables.perlu_perbaikan.frame()

    @cached_property
    def berkas(self) -> pd.DataFrame:
        return self.tables.berkas.frame()


def build_konsolidasi(report: Report, profil: Profil, referensi: Referensi, tahun: int,
                      daftar: DaftarTahun | None = None) -> Konsolidasi:
    """The year's list, the rekap tables, the rows to fix and the reconciliation (from
    `daftar` when it was made already: daftar_tahun.py)."""
    found = daftar_tahun(report, referensi, tahun) if daftar is None else daftar
    files, tallies = found.files, found.tallies
    status = status_pengumpulan(report, profil)
    rekon = _rekonsiliasi(report, files, tallies, len(found.records))
    tables = Tables(
        daftar=Records(DAFTAR_COLUMNS, found.records),
        rekap_urusan=rekap_urusan(found, referensi),
        rekap_opd=rekap_opd(status, tallies),
        rekap_mitra=Records.of_dicts(found.mitra, REKAP_MITRA_COLUMNS),
        perlu_perbaikan=perlu_perbaikan(files),
        berkas=berkas_table(files, tallies),
    )
    return Konsolidasi(tahun=tahun, tables=tables, rekonsiliasi=rekon, status=status)


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
