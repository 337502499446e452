"""`Rekap Mitra`: per partner, how many usulan, of which kinds, from whom, bordering or not;
under the table, on a page of its own, the peta kerja sama (CONTRACT section 5)."""

from __future__ import annotations

import io
from typing import Any

from pemetaan_ksd.merge import Konsolidasi
from pemetaan_ksd.peta import peta_kerja_sama
from pemetaan_ksd.peta.png import ZOOM, PendingMap, PetaError, start
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.write.workbook.table import Book, Col, TableSheet, write_table

SHEET = "Rekap Mitra"
_KEYS = ("mitra", "kode_wilayah_mitra", "jenis_mitra", "berbatasan", "jumlah",
         "jenis_kerja_sama", "perangkat_daerah", "anggaran")
# The map is drawn larger than it is shown (png.ZOOM, sharp in print): 1,000 px wide, within
# the table's width, so that the page fitted to one page wide keeps the table's scale; a tall
# map is shown smaller, to stay on one landscape page under the repeated header row.
_SHOWN = 1 / ZOOM
_MAX_HEIGHT_PX = 640


def add_sheet(book: Book, kons: Konsolidasi) -> tuple[Any, int]:
    """The table; returns its sheet and the first row below it, where the map goes."""
    cols = [Col("No", 5, "int"), Col("Calon Mitra", 32), Col("Kode Wilayah", 9, "center"),
            Col("Jenis Mitra", 22), Col("Berbatasan", 10, "center"),
            Col("Jumlah Usulan", 9, "int", True), Col("Jenis Kerja Sama", 26),
            Col("Perangkat Daerah Pengusul", 40),
            Col("Anggaran per Tahun (Rp)", 18, "money", True)]
    rows = [(i, *v) for i, v in
            enumerate(kons.tables.rekap_mitra.select(*_KEYS), 1)]
    ws, placed = write_table(book, TableSheet(
        SHEET, cols, rows, f"REKAPITULASI CALON MITRA KERJA SAMA DAERAH TAHUN {kons.tahun}",
        "Berbatasan: Ya atau Tidak untuk mitra daerah; tanda - untuk mitra bukan daerah",
        footer=f"Rekap Mitra Tahun {kons.tahun}",
        empty=f"Belum ada usulan yang diterima untuk tahun {kons.tahun}.", totals=True,
        freeze_col=2))
    return ws, placed.end + 1


def start_map(kons: Konsolidasi, profil: Profil) -> PendingMap:
    return start(peta_kerja_sama(kons, profil))


def add_map(book: Book, ws: Any, row: int, pending: PendingMap) -> None:
    """The map under the table from `row`, on a new printed page; a sentence instead when
    there is nothing to draw or it cannot be drawn (the workbook is written whole anyway)."""
    ws.set_h_pagebreaks([row])
    sentence = pending.peta.keterangan
    png = None
    if pending.rendering is not None:
        try:
            png = pending.rendering.png()
        except PetaError as exc:
            sentence = f"Peta kerja sama tidak dapat digambar di buku kerja ini: {exc}."
    ws.write_string(row, 0, sentence, book.st.note)
    if png is not None:
        scale = min(_SHOWN, _MAX_HEIGHT_PX / _png_height(png))
        ws.insert_image(row + 1, 0, "peta_kerja_sama.png", {
            "image_data": io.BytesIO(png), "x_scale": scale, "y_scale": scale,
            "x_offset": 4, "y_offset": 6, "object_position": 3,
            "description": pending.peta.keterangan})


def _png_height(png: bytes) -> int:
    """The height in pixels a PNG's header gives (bytes 20-23 of the IHDR chunk)."""
    return max(int.from_bytes(png[20:24], "big"), 1)
