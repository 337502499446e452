"""`Perlu Perbaikan`: every rejected row with all its findings."""

from __future__ import annotations

from pemetaan_ksd.merge import Konsolidasi
from pemetaan_ksd.rekap import records_of
from pemetaan_ksd.write.workbook.table import Book, Col, TableSheet, write_table

SHEET = "Perlu Perbaikan"


def add_sheet(book: Book, kons: Konsolidasi) -> None:
    cols = [Col("No", 5, "int"), Col("Perangkat Daerah", 24), Col("Berkas", 20),
            Col("Baris", 6, "int"), Col("Sel", 12, "center"), Col("Kolom", 16),
            Col("Tingkat", 10, "tint"), Col("Kode", 8, "center"), Col("Isian", 22),
            Col("Yang Perlu Diperbaiki", 60), Col("Dasar Hukum", 18),
            Col("Baris Terdampak", 9, "int")]
    rows = [(i, r["nama_opd"] or r["kode_opd"], r["berkas"], r["baris"], r["sel"], r["kolom"],
             r["tingkat"], r["kode"], r["nilai"], r["pesan"], r["dasar_hukum"],
             r["jumlah_baris"])
            for i, r in enumerate(records_of(kons.perlu_perbaikan), start=1)]
    write_table(book, TableSheet(
        SHEET, cols, rows, f"USULAN YANG PERLU DIPERBAIKI TAHUN {kons.tahun}",
        "Setiap baris yang ditolak dengan seluruh temuannya; temuan tingkat berkas berlaku "
        "untuk seluruh baris berkas itu",
        footer=f"Perlu Perbaikan Tahun {kons.tahun}",
        empty="Tidak ada usulan yang perlu diperbaiki.", freeze_col=2))
