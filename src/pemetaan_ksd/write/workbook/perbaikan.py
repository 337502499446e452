"""`Perlu Perbaikan`: every rejected row with all its findings."""

from __future__ import annotations

from pemetaan_ksd.merge import Konsolidasi
from pemetaan_ksd.write.workbook.table import Book, Col, TableSheet, write_table

SHEET = "Perlu Perbaikan"


def add_sheet(book: Book, kons: Konsolidasi) -> None:
    cols = [Col("No", 5, "int"), Col("Perangkat Daerah", 24), Col("Berkas", 20),
            Col("Baris", 6, "int"), Col("Sel", 12, "center"), Col("Kolom", 16),
            Col("Tingkat", 10, "tint"), Col("Kode", 8, "center"), Col("Isian", 22),
            Col("Yang Perlu Diperbaiki", 60), Col("Dasar Hukum", 18),
            Col("Baris Terdampak", 9, "int")]
    keys = ["nama_opd", "kode_opd", "berkas", "baris", "sel", "kolom", "tingkat", "kode",
            "nilai", "pesan", "dasar_hukum", "jumlah_baris"]
    # Tuples, no dict per finding (270,000 for a province).
    rows = [(i, nama or kode, *rest) for i, (nama, kode, *rest) in
            enumerate(kons.tables.perlu_perbaikan.select(*keys), start=1)]
    write_table(book, TableSheet(
        SHEET, cols, rows, f"USULAN YANG PERLU DIPERBAIKI TAHUN {kons.tahun}",
        "Setiap baris yang ditolak dengan seluruh temuannya; temuan tingkat berkas berlaku "
        "untuk seluruh baris berkas itu",
        footer=f"Perlu Perbaikan Tahun {kons.tahun}",
        empty="Tidak ada usulan yang perlu diperbaiki.", freeze_col=2))
