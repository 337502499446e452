"""`Rekap Urusan`: count and amount per bidang urusan and kind of cooperation, with two charts."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from pemetaan_ksd.contract import JENIS_KERJA_SAMA
from pemetaan_ksd.merge import Konsolidasi
from pemetaan_ksd.records import Records
from pemetaan_ksd.rekap import kolom_anggaran, kolom_jumlah
from pemetaan_ksd.write.palette import BLUE_DARK
from pemetaan_ksd.write.workbook.formats import FONT
from pemetaan_ksd.write.workbook.table import Book, Col, Placed, TableSheet, write_table

SHEET = "Rekap Urusan"
SERIES_COLOURS = (f"#{BLUE_DARK}", "#5B9BD5", "#ED7D31", "#A5A5A5", "#FFC000", "#70AD47")
_CHARTS = (  # (title, first value column, number format of the axis)
    ("Jumlah usulan per bidang urusan menurut jenis kerja sama", 3, "#,##0"),
    ("Perkiraan anggaran per tahun per bidang urusan (juta rupiah)", 4, '#,##0,,'),
)


def add_sheet(book: Book, kons: Konsolidasi) -> None:
    cols = [Col("No", 5, "int"), Col("Kode", 7, "center"), Col("Bidang Urusan", 28)]
    keys = ["kode_bidang_urusan", "bidang_urusan"]
    for jenis in (*JENIS_KERJA_SAMA, "Semua Jenis"):
        cols += [Col("Jumlah Usulan", 7, "int", True, jenis),
                 Col("Anggaran per Tahun (Rp)", 17, "money", True, jenis)]
    for jenis in JENIS_KERJA_SAMA:
        keys += [kolom_jumlah(jenis), kolom_anggaran(jenis)]
    keys += ["jumlah", "anggaran"]
    table = kons.tables.rekap_urusan
    rows = [(i, *v) for i, v in enumerate(table.select(*keys), 1)]
    ws, placed = write_table(book, TableSheet(
        SHEET, cols, rows,
        f"REKAPITULASI USULAN KERJA SAMA DAERAH PER BIDANG URUSAN TAHUN {kons.tahun}",
        "Jumlah usulan dan perkiraan anggaran per tahun menurut jenis kerja sama",
        footer=f"Rekap Urusan Tahun {kons.tahun}",
        empty=f"Belum ada usulan yang diterima untuk tahun {kons.tahun}.", totals=True))
    if rows:
        _charts(book.wb, ws, table, placed, cols)


def _charts(wb: Any, ws: Any, table: Records, placed: Placed, cols: Sequence[Col]) -> None:
    """Counts and amounts per bidang urusan, stacked by kind of cooperation, under the table."""
    first, last = placed.first, placed.first + len(table) - 1
    kinds = [j for j in JENIS_KERJA_SAMA if sum(table.column(kolom_jumlah(j))) > 0]
    height = 110 + 26 * len(table)
    width = int(sum(c.width for c in cols) * 7.2 / 2) - 10
    for n, (title, offset, num_format) in enumerate(_CHARTS):
        chart = wb.add_chart({"type": "bar", "subtype": "stacked"})
        for jenis in kinds:
            col = offset + 2 * JENIS_KERJA_SAMA.index(jenis)
            chart.add_series({
                "name": jenis, "categories": [SHEET, first, 2, last, 2],
                "values": [SHEET, first, col, last, col],
                "fill": {"color": SERIES_COLOURS[JENIS_KERJA_SAMA.index(jenis)]},
                "border": {"none": True}, "gap": 60,
            })
        chart.set_title({"name": title, "name_font": {"name": FONT, "size": 11}})
        chart.set_x_axis({"num_format": num_format, "num_font": {"name": FONT, "size": 8},
                          "major_gridlines": {"visible": True,
                                              "line": {"color": "#D9D9D9"}}})
        chart.set_y_axis({"reverse": True, "num_font": {"name": FONT, "size": 8}})
        chart.set_legend({"position": "bottom", "font": {"name": FONT, "size": 9}})
        chart.set_size({"width": width, "height": height})
        ws.insert_chart(placed.end + 1, 0, chart, {"x_offset": 5 + n * (width + 10),
                                                     "y_offset": 5, "object_position": 1})
    rows_for_chart = math.ceil((height + 20) / 20) + 1
    ws.print_area(0, 0, placed.end + rows_for_chart, len(cols) - 1)
