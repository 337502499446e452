"""`Rekap Mitra`: per partner, how many usulan, of which kinds, from whom, bordering or not."""

from __future__ import annotations

from pemetaan_ksd.merge import Konsolidasi
from pemetaan_ksd.write.workbook.table import Book, Col, TableSheet, write_table

SHEET = "Rekap Mitra"
_KEYS = ("mitra", "kode_wilayah_mitra", "jenis_mitra", "berbatasan", "jumlah",
         "jenis_kerja_sama", "perangkat_daerah", "anggaran")


def add_sheet(book: Book, kons: Konsolidasi) -> None:
    cols = [Col("No", 5, "int"), Col("Calon Mitra", 32), Col("Kode Wilayah", 9, "center"),
            Col("Jenis Mitra", 22), Col("Berbatasan", 10, "center"),
            Col("Jumlah Usulan", 9, "int", True), Col("Jenis Kerja Sama", 26),
            Col("Perangkat Daerah Pengusul", 40),
            Col("Anggaran per Tahun (Rp)", 18, "money", True)]
    rows = [(i, *v) for i, v in
            enumerate(kons.rekap_mitra[list(_KEYS)].itertuples(index=False, name=None), 1)]
    write_table(book, TableSheet(
        SHEET, cols, rows, f"REKAPITULASI CALON MITRA KERJA SAMA DAERAH TAHUN {kons.tahun}",
        "Berbatasan: Ya atau Tidak untuk mitra daerah; tanda - untuk mitra bukan daerah",
        footer=f"Rekap Mitra Tahun {kons.tahun}",
        empty=f"Belum ada usulan yang diterima untuk tahun {kons.tahun}.", totals=True,
        freeze_col=2))
