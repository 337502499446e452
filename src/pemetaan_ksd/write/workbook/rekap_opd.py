"""`Rekap Perangkat Daerah`: per OPD, what was sent, accepted, left for another year, to fix."""

from __future__ import annotations

from pemetaan_ksd.merge import Konsolidasi
from pemetaan_ksd.write.workbook.table import Book, Col, TableSheet, write_table

SHEET = "Rekap Perangkat Daerah"
NOT_IN_PROFILE = "Tidak terdaftar di profil"
CODE_UNREADABLE = "Kode perangkat daerah tidak terbaca"


def outside_note(dalam_profil: bool, kode: str | None) -> str | None:
    """The Keterangan of an OPD the profile does not list (shared with Status Pengumpulan)."""
    if dalam_profil:
        return None
    return NOT_IN_PROFILE if kode else CODE_UNREADABLE


def add_sheet(book: Book, kons: Konsolidasi) -> None:
    t = kons.tahun
    cols = [Col("No", 5, "int"), Col("Kode", 22, "center"), Col("Perangkat Daerah", 38),
            Col("Status", 14, "tint"), Col("Berkas", 7, "int", True),
            Col("Usulan Dikirim", 9, "int", True), Col(f"Masuk Daftar {t}", 9, "int", True),
            Col(f"Diterima, di Luar Tahun {t}", 11, "int", True),
            Col("Perlu Perbaikan", 10, "int", True),
            Col(f"Anggaran per Tahun Masuk Daftar {t} (Rp)", 18, "money", True),
            Col("Keterangan", 28)]
    rows = [(i, r["kode_opd"], r["nama_opd"], r["status"], r["berkas"], r["baris"],
             r["diterima"], r["diterima_luar_tahun"], r["ditolak"], r["anggaran"],
             outside_note(r["dalam_profil"], r["kode_opd"]))
            for i, r in enumerate(kons.tables.rekap_opd.dicts(), start=1)]
    write_table(book, TableSheet(
        SHEET, cols, rows, f"REKAPITULASI USULAN PER PERANGKAT DAERAH TAHUN {t}",
        "Seluruh baris usulan yang dikirim: masuk daftar, di luar tahun, atau perlu perbaikan",
        footer=f"Rekap Perangkat Daerah Tahun {t}", empty="Belum ada perangkat daerah.",
        totals=True, freeze_col=3))
