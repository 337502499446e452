"""The consolidated workbook (CONTRACT section 5), laid out with XlsxWriter, written atomically.

Every text value goes through `write_string`: a submission's `=HYPERLINK(...)`, `+62...`, `-` or
`@x` stays text and never becomes a formula. Only the totals rows hold formulas (our own SUMs,
with their values stored so that every reader sees the number).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_range

from pemetaan_ksd.contract import JENIS_KERJA_SAMA
from pemetaan_ksd.merge import Konsolidasi, kolom_anggaran, kolom_jumlah, records_of
from pemetaan_ksd.model import FileStatus, Report
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.status import StatusKirim, ringkasan
from pemetaan_ksd.write.atomic import Staging, atomic_write_with
from pemetaan_ksd.write.styles import BLUE_DARK, FONT_NAME, GREY_LINE, PAPER_F4

SHEET_DAFTAR = "Daftar Rencana"
SHEET_REKAP_URUSAN = "Rekap Urusan"
SHEET_REKAP_OPD = "Rekap Perangkat Daerah"
SHEET_REKAP_MITRA = "Rekap Mitra"
SHEET_PERBAIKAN = "Perlu Perbaikan"
SHEET_STATUS = "Status Pengumpulan"
SHEET_INFO = "Info"
SHEETS = (SHEET_DAFTAR, SHEET_REKAP_URUSAN, SHEET_REKAP_OPD, SHEET_REKAP_MITRA,
          SHEET_PERBAIKAN, SHEET_STATUS, SHEET_INFO)

TITLE_DAFTAR = "DAFTAR RENCANA PROGRAM DAN KEGIATAN KERJA SAMA DAERAH TAHUN {tahun}"
HEADER_ROW = 4  # zero-based: rows 0-2 hold the title block, row 3 stays empty
RUPIAH = '_-"Rp"* #,##0_-;-"Rp"* #,##0_-;_-* "-"_-;_-@_-'  # accounting style; zero is "-"
COUNT = '#,##0;-#,##0;"-"'
FONT = FONT_NAME
A3 = 8  # the Daftar Rencana: 19 printed columns stay readable on one page width
LINE_HEIGHT = 11.3  # points per wrapped line of 9-point Arial (Excel; LibreOffice ~10.3)
_COLUMN_PX = 7.0  # an Excel column-width unit, in pixels
_WRAPPED = {"text", "center", "warn", "tint"}
JUMLAH = "JUMLAH"

_FILE_LABELS = {FileStatus.VALID: "Valid", FileStatus.TIDAK_VALID: "Perlu perbaikan",
                FileStatus.TIDAK_TERBACA: "Tidak terbaca", FileStatus.DIGANTI: "Diganti"}
_TINTS = {  # fill colour by status or severity label
    StatusKirim.VALID.label: "#C6EFCE", StatusKirim.TIDAK_VALID.label: "#FFEB9C",
    StatusKirim.TIDAK_TERBACA.label: "#FFC7CE", StatusKirim.BELUM_MENGIRIM.label: "#E7E6E6",
    "Diganti": "#E7E6E6", "galat": "#FFC7CE", "peringatan": "#FFEB9C", "info": "#DDEBF7",
}
_SERIES_COLOURS = (f"#{BLUE_DARK}", "#5B9BD5", "#ED7D31", "#A5A5A5", "#FFC000", "#70AD47")
_NUMERIC = {"int", "money"}
_STYLED_BY_VALUE = {"tint", "warn", "datetime"}


@dataclass(frozen=True)
class Col:
    """One column of a table: header, width in characters, how its cells look."""

    header: str
    width: float
    kind: str = "text"  # text, center, int, money, datetime, mono, tint, warn
    total: bool = False
    group: str | None = None  # a second header row above, merged over equal groups
    printed: bool = True  # False: kept for the analyst, outside the print area (grey header)


def write_consolidated(path: Path, kons: Konsolidasi, report: Report, profil: Profil,
                       staging: Staging | None = None) -> Path:
    """Write the consolidated workbook to `path`, whole or not at all (or stage it)."""
    def writer(tmp: Path) -> None:
        _write_workbook(tmp, kons, report, profil)

    if staging is not None:
        return staging.write_with(Path(path), writer)
    return atomic_write_with(Path(path), writer)


def _write_workbook(tmp: Path, kons: Konsolidasi, report: Report, profil: Profil) -> None:
    wb = xlsxwriter.Workbook(str(tmp), {
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        "default_date_format": "dd/mm/yyyy",
        # Arial 10 as the default font: column widths then mean the same in Excel and in
        # LibreOffice (Liberation Sans has Arial's metrics), where Calibri may be missing.
        "default_format_properties": {"font_name": FONT, "font_size": 10},
        "default_row_height": 17, "default_column_width": 64,
    })
    wb.set_properties({
        "title": TITLE_DAFTAR.format(tahun=kons.tahun).title(),
        "author": "pemetaan-ksd", "company": profil.daerah.nama_lengkap,
        "created": report.created.replace(tzinfo=None),
    })
    st = _Styles(wb)
    pemerintah = f"PEMERINTAH {profil.daerah.nama_lengkap.upper()}"
    _sheet_daftar(wb, st, kons, pemerintah)
    _sheet_rekap_urusan(wb, st, kons, pemerintah)
    _sheet_rekap_opd(wb, st, kons, pemerintah)
    _sheet_rekap_mitra(wb, st, kons, pemerintah)
    _sheet_perbaikan(wb, st, kons, pemerintah)
    _sheet_status(wb, st, kons, pemerintah)
    _sheet_info(wb, st, kons, report, pemerintah)
    wb.close()


class _Styles:
    """The workbook's formats, made once."""

    def __init__(self, wb: Any):
        base = {"font_name": FONT, "font_size": 9, "valign": "top", "text_wrap": True,
                "border": 1, "border_color": f"#{GREY_LINE}"}
        center = {**base, "align": "center"}
        self.cell = {
            "text": wb.add_format(base),
            "center": wb.add_format(center),
            "int": wb.add_format({**center, "num_format": COUNT}),
            "money": wb.add_format({**base, "num_format": RUPIAH}),
            "datetime": wb.add_format({**center, "num_format": "dd/mm/yyyy hh:mm"}),
            "date": wb.add_format({**center, "num_format": "dd/mm/yyyy"}),
            "mono": wb.add_format({**base, "font_name": "Courier New", "font_size": 8,
                                   "text_wrap": False}),
        }
        self.tint = {k: wb.add_format({**center, "bg_color": c}) for k, c in _TINTS.items()}
        self.warn = wb.add_format({**base, "bg_color": "#FFF2CC"})
        title = {"font_name": FONT, "bold": True, "align": "center", "valign": "vcenter"}
        self.pemerintah = wb.add_format({**title, "font_size": 12})
        self.judul = wb.add_format({**title, "font_size": 13, "text_wrap": True})
        self.sub = wb.add_format({**title, "bold": False, "italic": True, "font_size": 9})
        self.header = wb.add_format({
            "font_name": FONT, "font_size": 9, "bold": True, "font_color": "#FFFFFF",
            "bg_color": f"#{BLUE_DARK}", "align": "center", "valign": "vcenter", "text_wrap": True,
            "border": 1, "border_color": "#FFFFFF"})
        self.header_extra = wb.add_format({
            "font_name": FONT, "font_size": 9, "bold": True, "font_color": "#FFFFFF",
            "bg_color": "#7F7F7F", "align": "center", "valign": "vcenter", "text_wrap": True,
            "border": 1, "border_color": "#FFFFFF"})
        total = {"font_name": FONT, "font_size": 9, "bold": True, "bg_color": "#D9E1F2",
                 "border": 1, "border_color": f"#{GREY_LINE}", "top": 6, "valign": "top"}
        self.total = {"text": wb.add_format({**total, "align": "center"}),
                      "int": wb.add_format({**total, "align": "center", "num_format": COUNT}),
                      "money": wb.add_format({**total, "num_format": RUPIAH})}
        self.label = wb.add_format({"font_name": FONT, "font_size": 9, "bold": True,
                                    "valign": "top", "text_wrap": True})
        self.value = wb.add_format({"font_name": FONT, "font_size": 9, "valign": "top",
                                    "align": "left", "text_wrap": False})
        self.value_time = wb.add_format({"font_name": FONT, "font_size": 9, "align": "left",
                                         "num_format": "dd/mm/yyyy hh:mm:ss"})
        self.section = wb.add_format({"font_name": FONT, "font_size": 10, "bold": True,
                                      "font_color": f"#{BLUE_DARK}", "bottom": 1})
        self.note = wb.add_format({"font_name": FONT, "font_size": 9, "italic": True,
                                   "valign": "top"})

    def for_cell(self, kind: str, value: Any) -> Any:
        if kind == "tint":
            return self.tint.get(str(value), self.cell["center"])
        if kind == "warn":
            return self.warn if not _missing(value) else self.cell["text"]
        if kind == "datetime" and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return self.cell["date"]
        return self.cell.get(kind, self.cell["text"])


# ---------------------------------------------------------------- cells and tables


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and pandas' missing values
    except (TypeError, ValueError):
        return False


def _put(ws: Any, row: int, col: int, value: Any, kind: str, st: _Styles) -> None:
    """One cell; text always as text, numbers as numbers, dates as dates."""
    fmt = st.for_cell(kind, value)
    if _missing(value):
        ws.write_blank(row, col, None, fmt)
    elif kind in _NUMERIC and isinstance(value, int | float) and not isinstance(value, bool):
        ws.write_number(row, col, value, fmt)
    elif kind == "datetime" and isinstance(value, dt.date):
        moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        ws.write_datetime(row, col, moment.replace(tzinfo=None), fmt)
    else:
        ws.write_string(row, col, _text(value), fmt)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@functools.lru_cache(maxsize=65536)  # names and texts repeat: the same kegiatan, the same partner
def _lines(text: str, width: float) -> int:
    """Estimated wrapped lines of `text` in a column `width` characters wide (9-point Arial)."""
    avail = width * _COLUMN_PX - 6
    total = 0
    for paragraph in text.split("\n"):
        if len(paragraph) * 7.6 <= avail:  # fits even in capitals
            total += 1
            continue
        count, used = 1, 0.0
        for word in paragraph.split():
            size = len(word) * (7.6 if word.isupper() else 6.0)
            if used and used + 2.8 + size > avail:
                count, used = count + 1, size
            else:
                used = used + 2.8 + size if used else size
            while used > avail:  # a word longer than the line breaks inside
                count, used = count + 1, used - avail
        total += count
    return max(total, 1)


def _fit_height(ws: Any, row: int, wrapped: Sequence[tuple[int, float]],
                values: Sequence[Any]) -> None:
    """Set a row's height to its wrapped text: no reader can be trusted to do it on opening.

    `wrapped` holds (index, width) of the columns whose text wraps.
    """
    lines = 1
    for index, width in wrapped:
        value = values[index]
        if type(value) is str and value:
            lines = max(lines, _lines(value, width))
    if lines > 1:
        ws.set_row(row, lines * LINE_HEIGHT + 3)


def _title(ws: Any, st: _Styles, ncols: int, pemerintah: str, judul: str, sub: str) -> None:
    for row, text, fmt, height in ((0, pemerintah, st.pemerintah, 18),
                                   (1, judul, st.judul, 20), (2, sub, st.sub, 15)):
        if ncols > 1:
            ws.merge_range(row, 0, row, ncols - 1, "", fmt)
        ws.write_string(row, 0, text, fmt)
        ws.set_row(row, height)


def _header(ws: Any, st: _Styles, cols: Sequence[Col], row: int) -> int:
    """The header row(s); returns the last header row."""
    for i, col in enumerate(cols):
        ws.set_column(i, i, col.width)
    lines = max(_lines(c.header, c.width - 1) for c in cols)
    if not any(c.group for c in cols):
        for i, col in enumerate(cols):
            ws.write_string(row, i, col.header, st.header if col.printed else st.header_extra)
        ws.set_row(row, max(2, lines) * LINE_HEIGHT + 6)
        return row
    i = 0
    while i < len(cols):
        group = cols[i].group
        if group is None:
            ws.merge_range(row, i, row + 1, i, "", st.header)
            ws.write_string(row, i, cols[i].header, st.header)
            i += 1
            continue
        end = i
        while end + 1 < len(cols) and cols[end + 1].group == group:
            end += 1
        if end > i:
            ws.merge_range(row, i, row, end, "", st.header)
        ws.write_string(row, i, group, st.header)
        for j in range(i, end + 1):
            ws.write_string(row + 1, j, cols[j].header, st.header)
        i = end + 1
    ws.set_row(row, 2 * LINE_HEIGHT)
    ws.set_row(row + 1, max(2, lines) * LINE_HEIGHT + 6)
    return row + 1


def _rows(ws: Any, st: _Styles, cols: Sequence[Col], rows: Sequence[Sequence[Any]],
          first: int) -> int:
    """The data rows from `first`; returns the row after the last one."""
    kinds = [c.kind for c in cols]
    plain = [c.kind not in _STYLED_BY_VALUE for c in cols]
    formats = [st.cell.get(c.kind, st.cell["text"]) for c in cols]
    wrapped = [(i, c.width) for i, c in enumerate(cols) if c.kind in _WRAPPED]
    for r, values in enumerate(rows, start=first):
        for c, value in enumerate(values):
            if plain[c] and value is None:  # the common cases first, for 20,000 rows
                ws.write_blank(r, c, None, formats[c])
            elif plain[c] and type(value) is str:
                ws.write_string(r, c, value, formats[c])
            else:
                _put(ws, r, c, value, kinds[c], st)
        _fit_height(ws, r, wrapped, values)
    return first + len(rows)


def _totals(ws: Any, st: _Styles, cols: Sequence[Col], rows: Sequence[Sequence[Any]],
            first: int, row: int) -> None:
    """A JUMLAH row: SUM formulas with their values stored."""
    label_end = next(i for i, c in enumerate(cols) if c.total) - 1
    if label_end > 0:
        ws.merge_range(row, 0, row, label_end, "", st.total["text"])
    ws.write_string(row, 0, JUMLAH, st.total["text"])
    for i in range(label_end + 1, len(cols)):
        col = cols[i]
        fmt = st.total["money" if col.kind == "money" else "int"]
        if not col.total:
            ws.write_blank(row, i, None, st.total["text"])
            continue
        value = sum(float(v[i]) for v in rows if not _missing(v[i]))
        value_out: float | int = int(value) if col.kind == "int" else value
        if rows:
            ws.write_formula(row, i, f"=SUM({xl_range(first, i, row - 1, i)})", fmt, value_out)
        else:
            ws.write_number(row, i, value_out, fmt)


def _empty_note(ws: Any, st: _Styles, ncols: int, row: int, text: str) -> None:
    if ncols > 1:
        ws.merge_range(row, 0, row, ncols - 1, "", st.note)
    ws.write_string(row, 0, text, st.note)


@dataclass(frozen=True)
class _Placed:
    first: int  # first data row
    end: int  # row after the table (after the totals row when there is one)


def _table_sheet(wb: Any, st: _Styles, name: str, cols: Sequence[Col],
                 rows: Sequence[Sequence[Any]], titles: tuple[str, str, str], footer: str,
                 empty: str, totals: bool = False, freeze_col: int = 0,
                 paper: int = PAPER_F4) -> tuple[Any, _Placed]:
    """A titled, filtered, frozen, print-ready table on a new sheet."""
    ws = wb.add_worksheet(name)
    printed = sum(1 for c in cols if c.printed)
    _title(ws, st, printed, *titles)
    last_header = _header(ws, st, cols, HEADER_ROW)
    first = last_header + 1
    end = _rows(ws, st, cols, rows, first)
    ws.autofilter(last_header, 0, max(end - 1, last_header), len(cols) - 1)
    if not rows:
        _empty_note(ws, st, printed, end, empty)
        end += 1
    elif totals:
        _totals(ws, st, cols, rows, first, end)
        end += 1
    ws.freeze_panes(first, freeze_col)
    _page(ws, HEADER_ROW, last_header, footer, paper)
    if printed < len(cols):
        ws.print_area(0, 0, end - 1, printed - 1)
    return ws, _Placed(first, end)


def _page(ws: Any, header_first: int, header_last: int, footer: str,
          paper: int = PAPER_F4) -> None:
    ws.set_landscape()
    ws.set_paper(paper)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_first, header_last)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.center_horizontally()
    ws.set_footer(f"&L&8{footer.replace('&', '&&')}&R&8Halaman &P dari &N")


# ---------------------------------------------------------------- the sheets


# (header, width, kind, DataFrame column, printed)
DAFTAR_COLS: tuple[tuple[str, float, str, str | None, bool], ...] = (
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


def _sheet_daftar(wb: Any, st: _Styles, kons: Konsolidasi, pemerintah: str) -> None:
    cols = [Col(h, w, k, total=(k == "money"), printed=p) for h, w, k, _, p in DAFTAR_COLS]
    keys = [key for _, _, _, key, _ in DAFTAR_COLS if key is not None]
    rows = [(i, *values) for i, values in
            enumerate(kons.daftar[keys].itertuples(index=False, name=None), start=1)]
    sub = ("Usulan perangkat daerah tanpa galat yang jangka waktunya mencakup tahun "
           f"{kons.tahun}, diurutkan menurut bidang urusan, program, kegiatan, skala prioritas "
           "dan perangkat daerah. Kolom berjudul abu-abu tidak ikut dicetak.")
    _table_sheet(wb, st, SHEET_DAFTAR, cols, rows,
                 (pemerintah, TITLE_DAFTAR.format(tahun=kons.tahun), sub),
                 f"Daftar Rencana Kerja Sama Daerah Tahun {kons.tahun}",
                 f"Belum ada usulan yang diterima untuk tahun {kons.tahun}.", totals=True,
                 freeze_col=3, paper=A3)


def _sheet_rekap_urusan(wb: Any, st: _Styles, kons: Konsolidasi, pemerintah: str) -> None:
    cols = [Col("No", 5, "int"), Col("Kode", 7, "center"), Col("Bidang Urusan", 28)]
    keys = ["kode_bidang_urusan", "bidang_urusan"]
    for jenis in (*JENIS_KERJA_SAMA, "Semua Jenis"):
        cols += [Col("Jumlah Usulan", 7, "int", True, jenis),
                 Col("Anggaran per Tahun (Rp)", 17, "money", True, jenis)]
    for jenis in JENIS_KERJA_SAMA:
        keys += [kolom_jumlah(jenis), kolom_anggaran(jenis)]
    keys += ["jumlah", "anggaran"]
    frame = kons.rekap_urusan
    rows = [(i, *v) for i, v in enumerate(frame[keys].itertuples(index=False, name=None), 1)]
    ws, placed = _table_sheet(
        wb, st, SHEET_REKAP_URUSAN, cols, rows,
        (pemerintah, f"REKAPITULASI USULAN KERJA SAMA DAERAH PER BIDANG URUSAN TAHUN {kons.tahun}",
         "Jumlah usulan dan perkiraan anggaran per tahun menurut jenis kerja sama"),
        f"Rekap Urusan Tahun {kons.tahun}",
        f"Belum ada usulan yang diterima untuk tahun {kons.tahun}.", totals=True)
    if rows:
        _charts(wb, ws, frame, placed, cols)


def _charts(wb: Any, ws: Any, frame: Any, placed: _Placed, cols: Sequence[Col]) -> None:
    """Counts and amounts per bidang urusan, stacked by kind of cooperation."""
    first, last = placed.first, placed.first + len(frame) - 1
    kinds = [j for j in JENIS_KERJA_SAMA if int(frame[kolom_jumlah(j)].sum()) > 0]
    height = 110 + 26 * len(frame)
    width = int(sum(c.width for c in cols) * 7.2 / 2) - 10
    specs = (("Jumlah usulan per bidang urusan menurut jenis kerja sama", 3, "#,##0"),
             ("Perkiraan anggaran per tahun per bidang urusan (juta rupiah)", 4, '#,##0,,'))
    for n, (title, offset, num_format) in enumerate(specs):
        chart = wb.add_chart({"type": "bar", "subtype": "stacked"})
        for jenis in kinds:
            col = offset + 2 * JENIS_KERJA_SAMA.index(jenis)
            colour = _SERIES_COLOURS[JENIS_KERJA_SAMA.index(jenis)]
            chart.add_series({
                "name": jenis, "categories": [SHEET_REKAP_URUSAN, first, 2, last, 2],
                "values": [SHEET_REKAP_URUSAN, first, col, last, col],
                "fill": {"color": colour}, "border": {"none": True}, "gap": 60,
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


def _sheet_rekap_opd(wb: Any, st: _Styles, kons: Konsolidasi, pemerintah: str) -> None:
    t = kons.tahun
    cols = [Col("No", 5, "int"), Col("Kode", 22, "center"), Col("Perangkat Daerah", 38),
            Col("Status", 14, "tint"), Col("Berkas", 7, "int", True),
            Col("Usulan Dikirim", 9, "int", True), Col(f"Masuk Daftar {t}", 9, "int", True),
            Col(f"Diterima, di Luar Tahun {t}", 11, "int", True),
            Col("Perlu Perbaikan", 10, "int", True),
            Col(f"Anggaran per Tahun Masuk Daftar {t} (Rp)", 18, "money", True),
            Col("Keterangan", 28)]
    frame = kons.rekap_opd
    rows = []
    for i, r in enumerate(records_of(frame), start=1):
        note = None if r["dalam_profil"] else (
            "Tidak terdaftar di profil" if r["kode_opd"] else "Kode perangkat daerah tidak terbaca")
        rows.append((i, r["kode_opd"], r["nama_opd"], r["status"], r["berkas"], r["baris"],
                     r["diterima"], r["diterima_luar_tahun"], r["ditolak"], r["anggaran"], note))
    _table_sheet(wb, st, SHEET_REKAP_OPD, cols, rows,
                 (pemerintah, f"REKAPITULASI USULAN PER PERANGKAT DAERAH TAHUN {t}",
                  "Seluruh baris usulan yang dikirim: masuk daftar, di luar tahun, atau perlu "
                  "perbaikan"),
                 f"Rekap Perangkat Daerah Tahun {t}", "Belum ada perangkat daerah.",
                 totals=True, freeze_col=3)


def _sheet_rekap_mitra(wb: Any, st: _Styles, kons: Konsolidasi, pemerintah: str) -> None:
    cols = [Col("No", 5, "int"), Col("Calon Mitra", 32), Col("Kode Wilayah", 9, "center"),
            Col("Jenis Mitra", 22), Col("Berbatasan", 10, "center"),
            Col("Jumlah Usulan", 9, "int", True), Col("Jenis Kerja Sama", 26),
            Col("Perangkat Daerah Pengusul", 40),
            Col("Anggaran per Tahun (Rp)", 18, "money", True)]
    keys = ["mitra", "kode_wilayah_mitra", "jenis_mitra", "berbatasan", "jumlah",
            "jenis_kerja_sama", "perangkat_daerah", "anggaran"]
    rows = [(i, *v) for i, v in
            enumerate(kons.rekap_mitra[keys].itertuples(index=False, name=None), 1)]
    _table_sheet(wb, st, SHEET_REKAP_MITRA, cols, rows,
                 (pemerintah, f"REKAPITULASI CALON MITRA KERJA SAMA DAERAH TAHUN {kons.tahun}",
                  "Berbatasan: Ya atau Tidak untuk mitra daerah; tanda - untuk mitra bukan daerah"),
                 f"Rekap Mitra Tahun {kons.tahun}",
                 f"Belum ada usulan yang diterima untuk tahun {kons.tahun}.", totals=True,
                 freeze_col=2)


def _sheet_perbaikan(wb: Any, st: _Styles, kons: Konsolidasi, pemerintah: str) -> None:
    cols = [Col("No", 5, "int"), Col("Perangkat Daerah", 24), Col("Berkas", 20),
            Col("Baris", 6, "int"), Col("Sel", 12, "center"), Col("Kolom", 16),
            Col("Tingkat", 10, "tint"), Col("Kode", 8, "center"), Col("Isian", 22),
            Col("Yang Perlu Diperbaiki", 60), Col("Dasar Hukum", 18),
            Col("Baris Terdampak", 9, "int")]
    rows = []
    for i, r in enumerate(records_of(kons.perlu_perbaikan), start=1):
        rows.append((i, r["nama_opd"] or r["kode_opd"], r["berkas"], r["baris"], r["sel"],
                     r["kolom"], r["tingkat"], r["kode"], r["nilai"], r["pesan"],
                     r["dasar_hukum"], r["jumlah_baris"]))
    _table_sheet(wb, st, SHEET_PERBAIKAN, cols, rows,
                 (pemerintah, f"USULAN YANG PERLU DIPERBAIKI TAHUN {kons.tahun}",
                  "Setiap baris yang ditolak dengan seluruh temuannya; temuan tingkat berkas "
                  "berlaku untuk seluruh baris berkas itu"),
                 f"Perlu Perbaikan Tahun {kons.tahun}",
                 "Tidak ada usulan yang perlu diperbaiki.", freeze_col=2)


def _status_sentence(kons: Konsolidasi) -> str:
    s = ringkasan(kons.status)
    text = (f"{s['perangkat_daerah']} perangkat daerah dalam profil: {s['terkirim']} sudah "
            f"mengirim ({s['valid']} valid, {s['perlu_perbaikan']} perlu perbaikan, "
            f"{s['tidak_terbaca']} tidak terbaca), {s['belum_mengirim']} belum mengirim")
    if s["di_luar_profil"]:
        text += f"; {s['di_luar_profil']} kiriman dari luar daftar profil"
    return text + "."


def _sheet_status(wb: Any, st: _Styles, kons: Konsolidasi, pemerintah: str) -> None:
    cols = [Col("No", 5, "int"), Col("Kode", 22, "center"), Col("Perangkat Daerah", 38),
            Col("Status", 14, "tint"), Col("Waktu", 14, "datetime"), Col("Sumber Waktu", 14),
            Col("Berkas", 30), Col("Usulan", 8, "int"), Col("Diterima", 8, "int"),
            Col("Perlu Perbaikan", 9, "int"), Col("Galat", 7, "int"),
            Col("Peringatan", 9, "int"), Col("Info", 6, "int"), Col("Keterangan", 24)]
    rows = []
    for i, s in enumerate(kons.status, start=1):
        note = None if s.dalam_profil else (
            "Tidak terdaftar di profil" if s.kode else "Kode perangkat daerah tidak terbaca")
        sent = s.terkirim
        rows.append((i, s.kode, s.nama, s.status.label, s.waktu, s.waktu_dari,
                     "\n".join(s.berkas) or None, s.rows if sent else None,
                     s.rows_accepted if sent else None, s.rows_rejected if sent else None,
                     s.counts["galat"] if sent else None, s.counts["peringatan"] if sent else None,
                     s.counts["info"] if sent else None, note))
    _table_sheet(wb, st, SHEET_STATUS, cols, rows,
                 (pemerintah, f"STATUS PENGUMPULAN USULAN KERJA SAMA DAERAH TAHUN {kons.tahun}",
                  _status_sentence(kons)),
                 f"Status Pengumpulan Tahun {kons.tahun}", "Profil tidak memuat perangkat daerah.",
                 freeze_col=3)


def _sheet_info(wb: Any, st: _Styles, kons: Konsolidasi, report: Report,
                pemerintah: str) -> None:
    t, rekon = kons.tahun, kons.rekonsiliasi
    cols = [Col("No", 5, "int"), Col("Berkas", 34), Col("SHA-256", 61, "mono"),
            Col("Kode Perangkat Daerah", 22, "center"), Col("Perangkat Daerah", 30),
            Col("Status", 14, "tint"), Col("Baris Usulan", 8, "int", True),
            Col(f"Masuk Daftar {t}", 9, "int", True),
            Col(f"Diterima, di Luar Tahun {t}", 10, "int", True),
            Col("Ditolak", 8, "int", True), Col("Catatan", 30)]
    ws = wb.add_worksheet(SHEET_INFO)
    _title(ws, st, len(cols), pemerintah, f"KETERANGAN PENGGABUNGAN TAHUN {t}",
           "Asal data, versi acuan dan rekonsiliasi baris")
    facts: list[tuple[str, Any]] = [
        ("Aplikasi", f"pemetaan-ksd {report.tool_version}"),
        ("Nomenklatur", report.nomenklatur),
        ("Profil", report.profil),
        ("Daerah", f"{report.kode_daerah} {report.nama_daerah}"),
        ("Tahun pemetaan", t),
        ("Waktu pembuatan", report.created),
        ("Kiriman ganda satu perangkat daerah",
         "kiriman terbaru dipilih (--pilih-terbaru)" if report.pilih_terbaru
         else "tidak ada yang masuk sampai salah satu dipilih"),
        ("", None),
        ("Rekonsiliasi baris usulan", None),
        ("Berkas diperiksa", rekon.berkas),
        ("Baris dibaca", rekon.baris_dibaca),
        (f"Masuk Daftar Rencana {t}", rekon.diterima_tahun_ini),
        (f"Diterima, tetapi jangka waktunya di luar tahun {t}", rekon.diterima_luar_tahun),
        ("Ditolak (lihat lembar Perlu Perbaikan)", rekon.ditolak),
        ("Baris bukan usulan, disisihkan (KSD109)", rekon.bukan_usulan),
        ("Baris berkas yang diganti kiriman lebih baru", rekon.diganti),
        ("Pemeriksaan", f"{rekon.baris_dibaca} = {rekon.diterima_tahun_ini} + "
                        f"{rekon.diterima_luar_tahun} + {rekon.ditolak} + "
                        f"{rekon.bukan_usulan} + {rekon.diganti}"
                        + (" (seimbang)" if rekon.seimbang else " (TIDAK SEIMBANG)")),
    ]
    row = HEADER_ROW
    for label, value in facts:
        _fact(ws, st, row, label, value)
        row += 1
    row += 1
    ws.write_string(row, 0, "Berkas masukan", st.section)
    ws.set_row(row, 18)
    last_header = _header(ws, st, cols, row + 1)
    rows = [(i, r["berkas"], r["sha256"], r["kode_opd"], r["nama_opd"],
             _FILE_LABELS[FileStatus(r["status"])], r["baris"], r["diterima"],
             r["diterima_luar_tahun"], r["ditolak"], r["catatan"])
            for i, r in enumerate(records_of(kons.berkas), start=1)]
    end = _rows(ws, st, cols, rows, last_header + 1)
    if rows:
        _totals(ws, st, cols, rows, last_header + 1, end)
    else:
        _empty_note(ws, st, len(cols), end, "Tidak ada berkas masukan.")
    _page(ws, last_header, last_header, f"Keterangan Penggabungan Tahun {t}")


def _fact(ws: Any, st: _Styles, row: int, label: str, value: Any) -> None:
    if not label:
        return
    if value is None:
        ws.write_string(row, 0, label, st.section)
        return
    ws.merge_range(row, 0, row, 1, "", st.label)
    ws.write_string(row, 0, label, st.label)
    if isinstance(value, dt.datetime):
        ws.write_datetime(row, 2, value.replace(tzinfo=None), st.value_time)
    elif isinstance(value, int):
        ws.write_number(row, 2, value, st.value)
    else:
        ws.write_string(row, 2, str(value), st.value)
