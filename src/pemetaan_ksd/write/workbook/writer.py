"""The consolidated workbook (CONTRACT section 5), laid out with XlsxWriter, written atomically.

One module per sheet under `write/workbook/`, in the order the sheets appear. Every text value
is written as text: a submission's `=HYPERLINK(...)` never becomes a formula (see
`workbook.table`).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import xlsxwriter
import xlsxwriter.workbook

from pemetaan_ksd.daftar_tahun import DaftarTahun
from pemetaan_ksd.merge import Konsolidasi
from pemetaan_ksd.peta.png import PendingMap
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.report import Report
from pemetaan_ksd.write.atomic import Staging, atomic_write_with
from pemetaan_ksd.write.workbook import (
    daftar,
    elsewhere,
    info,
    perbaikan,
    rekap_mitra,
    rekap_opd,
    rekap_urusan,
    status,
)
from pemetaan_ksd.write.workbook.formats import FONT, Styles
from pemetaan_ksd.write.workbook.quickzip import Deflated, QuickZip
from pemetaan_ksd.write.workbook.stream import Numbering
from pemetaan_ksd.write.workbook.table import Book, stream_columns

SHEET_DAFTAR = daftar.SHEET
SHEET_REKAP_URUSAN = rekap_urusan.SHEET
SHEET_REKAP_OPD = rekap_opd.SHEET
SHEET_REKAP_MITRA = rekap_mitra.SHEET
SHEET_PERBAIKAN = perbaikan.SHEET
SHEET_STATUS = status.SHEET
SHEET_INFO = info.SHEET
SHEETS = (SHEET_DAFTAR, SHEET_REKAP_URUSAN, SHEET_REKAP_OPD, SHEET_REKAP_MITRA,
          SHEET_PERBAIKAN, SHEET_STATUS, SHEET_INFO)


xlsxwriter.workbook.ZipFile = QuickZip  # the one ZipFile it opens


def write_workbook(path: Path, kons: Konsolidasi, report: Report, profil: Profil,
                   staging: Staging | None = None, pending: PendingMap | None = None,
                   early: daftar.Early | None = None) -> Path:
    """Write the consolidated workbook to `path`, whole or not at all (or stage it).

    `pending`: the map's picture, already being drawn (api.merge starts it before the tables
    are made); `early`: Daftar Rencana's rows, already being made (start_daftar). Both are
    closed by whoever started them."""
    def writer(tmp: Path) -> None:
        _write_workbook(tmp, kons, report, profil, pending, early)

    if staging is not None:
        return staging.write_with(Path(path), writer)
    return atomic_write_with(Path(path), writer)


def _write_workbook(tmp: Path, kons: Konsolidasi, report: Report, profil: Profil,
                    given: PendingMap | None, early: daftar.Early | None) -> None:
    # Each sheet keeps its own rows in order, so the slow parts are made meanwhile by other
    # processes and put in last: Daftar Rencana's rows (elsewhere.py), then the map's picture
    # (its child is forked after the rows are handed over: it copies what the parent touches).
    wb = _workbook(tmp, kons, report, profil)
    book = Book(wb, Styles(wb), f"PEMERINTAH {profil.daerah.nama_lengkap.upper()}")
    begun = daftar.begin_sheet(book, kons, early)
    pending = given
    try:
        if pending is None:
            pending = rekap_mitra.start_map(kons, profil)
        rekap_urusan.add_sheet(book, kons)
        rekap_opd.add_sheet(book, kons)
        mitra, below = rekap_mitra.add_sheet(book, kons)
        perbaikan.add_sheet(book, kons)
        status.add_sheet(book, kons)
        info.add_sheet(book, kons, report)
        rekap_mitra.add_map(book, mitra, below, pending)
        begun.finish()
        _close(wb, book.joined)
    finally:
        begun.close()
        if pending is not None and given is None:
            pending.close()


def _close(wb: Any, joined: dict[str, Deflated]) -> None:
    """The workbook packed, the rows deflated elsewhere joined in (the zip's open is
    XlsxWriter's, so its ZipFile is given them for this close)."""
    xlsxwriter.workbook.ZipFile = functools.partial(QuickZip, joined=joined)
    try:
        wb.close()
    finally:
        xlsxwriter.workbook.ZipFile = QuickZip


_OPTIONS = {
    "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
    "default_date_format": "dd/mm/yyyy",
    # Arial 10 as the default font: column widths then mean the same in Excel and in
    # LibreOffice (Liberation Sans has Arial's metrics), where Calibri may be missing.
    "default_format_properties": {"font_name": FONT, "font_size": 10},
    "default_row_height": 17, "default_column_width": 64,
    # Each row goes to the file when the next begins: memory bounded by one row, and the
    # tables' rows are streamed as XML (workbook/stream.py). Every sheet writes in order.
    "constant_memory": True,
}


def start_daftar(found: DaftarTahun) -> daftar.Early | None:
    """Daftar Rencana's rows, made by another process from now on when they are many, before
    the workbook is opened (api.merge starts them before making the tables; write_workbook
    takes them as `early`, and checks that its styles and layout are the ones given here)."""
    if not elsewhere.possible(len(found.records)):
        return None
    rows = daftar.rows_of(found.records)
    specimen = xlsxwriter.Workbook(None, _OPTIONS)  # never written: its style indexes only
    numbering = Numbering.of(specimen, Styles(specimen))
    columns = stream_columns(daftar.columns())
    return daftar.Early(rows, elsewhere.Elsewhere(numbering, columns, rows, daftar.FIRST_ROW))


def _workbook(tmp: Path, kons: Konsolidasi, report: Report, profil: Profil) -> Any:
    wb = xlsxwriter.Workbook(str(tmp), _OPTIONS)
    wb.set_properties({
        "title": daftar.TITLE.format(tahun=kons.tahun).title(),
        "author": "pemetaan-ksd", "company": profil.daerah.nama_lengkap,
        "created": report.created.replace(tzinfo=None),
    })
    return wb
