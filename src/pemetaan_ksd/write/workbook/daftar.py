"""`Daftar Rencana`: the year's accepted usulan, with the official names, ready to print."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pemetaan_ksd.daftar_tahun import fields
from pemetaan_ksd.write.workbook.elsewhere import Elsewhere
from pemetaan_ksd.write.workbook.table import (
    HEADER_ROW,
    Begun,
    Book,
    Col,
    TableSheet,
    begin_table,
)

if TYPE_CHECKING:
    from pemetaan_ksd.merge import Konsolidasi

SHEET = "Daftar Rencana"
TITLE = "DAFTAR RENCANA PROGRAM DAN KEGIATAN KERJA SAMA DAERAH TAHUN {tahun}"
PAPER_A3 = 8  # 19 printed columns stay readable on one page width

# (header, width, kind, DataFrame column, printed)
COLUMNS: tuple[tuple[str, float, str, str | None, bool], ...] = (
    ("No", 5, "int", None, True),
    ("Kode Bidang Urusan", 7, "center", "kode_bidang_urusan", True),
    ("Bidang Urusan", 14, "text", "bidang_urusan_singkat", True),
    ("Kode Program", 8, "center", "kode_program", True),
    ("Nama Program", 22, "text", "nama_program", True),
    ("Kode Kegiatan", 11, "center", "kode_kegiatan", True),
    ("Nama Kegiatan", 24, "text", "nama_kegiatan", True),
    ("Objek Kerja Sama", 26, "text", "objek", True),
    ("Jenis Kerja Sama", 10, "center", "jenis_kerja_sama", True),
    ("Calon Mitra", 17, "text", "mitra", True),
    ("Jangka Waktu", 9, "center", "jangka_waktu", True),
    ("Skala Prioritas", 8, "center", "skala_prioritas", True),
    ("Perkiraan Anggaran per Tahun (Rp)", 17, "money", "anggaran", True),
    ("Sumber Pendanaan", 11, "text", "sumber_pendanaan", True),
    ("Perlu Persetujuan DPRD", 9, "center", "perlu_persetujuan_dprd", True),
    ("Tahapan Saat Ini", 12, "text", "tahapan", True),
    ("Perangkat Daerah Pengusul", 18, "text", "nama_opd", True),
    ("Peringatan", 28, "warn", "peringatan", True),
    ("Keterangan", 16, "text", "keterangan", True),
    ("Kode Sub Kegiatan", 16, "center", "kode_sub_kegiatan", False),
    ("Jenis Mitra", 16, "text", "jenis_mitra", False),
    ("Kode Wilayah Mitra", 9, "center", "kode_wilayah_mitra", False),
    ("Berbatasan", 10, "center", "berbatasan", False),
    ("Bentuk KSDPK", 14, "text", "bentuk_ksdpk", False),
    ("Prakarsa", 9, "center", "prakarsa", False),
    ("Sudah Dianggarkan di APBD Tahun Berjalan", 12, "center", "sudah_dianggarkan", False),
    ("Membebani Masyarakat dan Daerah", 12, "center", "membebani", False),
    ("Kode Perangkat Daerah", 22, "center", "kode_opd", False),
    ("Berkas Sumber", 24, "text", "berkas", False),
    ("Baris", 6, "int", "baris", False),
)


KEYS = [key for _, _, _, key, _ in COLUMNS if key is not None]
FIRST_ROW = HEADER_ROW + 1  # one header row


def columns() -> list[Col]:
    return [Col(h, w, k, total=(k == "money"), printed=p) for h, w, k, _, p in COLUMNS]


def rows_of(records: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The sheet's rows, numbered, from the year's records (DAFTAR_COLUMNS order)."""
    get = fields(*KEYS)
    return [(i, *get(record)) for i, record in enumerate(records, start=1)]


@dataclass(frozen=True)
class Early:
    """The sheet's rows, already being made by another process (writer.start_daftar)."""

    rows: list[tuple[Any, ...]]
    made: Elsewhere


def begin_sheet(book: Book, kons: Konsolidasi, early: Early | None = None) -> Begun:
    """The sheet, its rows being made by another process when they are many: `finish()`."""
    cols = columns()
    rows = early.rows if early is not None else rows_of(kons.tables.daftar.rows)
    sub = ("Usulan perangkat daerah tanpa galat yang jangka waktunya mencakup tahun "
           f"{kons.tahun}, diurutkan menurut bidang urusan, program, kegiatan, skala prioritas "
           "dan perangkat daerah. Kolom berjudul abu-abu tidak ikut dicetak.")
    return begin_table(book, TableSheet(
        SHEET, cols, rows, TITLE.format(tahun=kons.tahun), sub,
        footer=f"Daftar Rencana Kerja Sama Daerah Tahun {kons.tahun}",
        empty=f"Belum ada usulan yang diterima untuk tahun {kons.tahun}.",
        totals=True, freeze_col=3, paper=PAPER_A3), elsewhere=True,
        made=early.made if early is not None else None)
