"""`Info`: tool and nomenclature versions, profile, register of agreements (KSD417), time, the
rows reconciled, every input file."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pemetaan_ksd.merge import Konsolidasi
from pemetaan_ksd.model import FileStatus
from pemetaan_ksd.report import Report
from pemetaan_ksd.status import status_label
from pemetaan_ksd.write.workbook.cells import cell_text
from pemetaan_ksd.write.workbook.formats import Styles
from pemetaan_ksd.write.workbook.table import (
    HEADER_ROW,
    Book,
    Col,
    data_rows,
    empty_note,
    header,
    page_setup,
    title_block,
    totals_row,
)

SHEET = "Info"


def add_sheet(book: Book, kons: Konsolidasi, report: Report) -> None:
    st, t = book.st, kons.tahun
    cols = [Col("No", 5, "int"), Col("Berkas", 34), Col("SHA-256", 61, "mono"),
            Col("Kode Perangkat Daerah", 22, "center"), Col("Perangkat Daerah", 30),
            Col("Status", 14, "tint"), Col("Baris Usulan", 8, "int", True),
            Col(f"Masuk Daftar {t}", 9, "int", True),
            Col(f"Diterima, di Luar Tahun {t}", 10, "int", True),
            Col("Ditolak", 8, "int", True), Col("Catatan", 30)]
    ws = book.wb.add_worksheet(SHEET)
    title_block(ws, st, len(cols), book.pemerintah, f"KETERANGAN PENGGABUNGAN TAHUN {t}",
                "Asal data, versi acuan dan rekonsiliasi baris")
    row = HEADER_ROW
    for label, value in _facts(kons, report):
        _fact(ws, st, row, label, value)
        row += 1
    row += 1
    ws.write_string(row, 0, "Berkas masukan", st.section)
    ws.set_row(row, 18)
    last_header = header(ws, st, cols, row + 1)
    rows = [(i, r["berkas"], r["sha256"], r["kode_opd"], r["nama_opd"],
             status_label(FileStatus(r["status"])), r["baris"], r["diterima"],
             r["diterima_luar_tahun"], r["ditolak"], r["catatan"])
            for i, r in enumerate(kons.tables.berkas.dicts(), start=1)]
    end = data_rows(ws, st, cols, rows, last_header + 1)
    if rows:
        totals_row(ws, st, cols, rows, last_header + 1, end)
    else:
        empty_note(ws, st, len(cols), end, "Tidak ada berkas masukan.")
    page_setup(ws, last_header, last_header, f"Keterangan Penggabungan Tahun {t}")


def _facts(kons: Konsolidasi, report: Report) -> list[tuple[str, Any]]:
    """(label, value) lines above the file table; a None value makes a section heading."""
    t, rekon = kons.tahun, kons.rekonsiliasi
    pemeriksaan = (f"{rekon.baris_dibaca} = {rekon.diterima_tahun_ini} + "
                   f"{rekon.diterima_luar_tahun} + {rekon.ditolak} + "
                   f"{rekon.bukan_usulan} + {rekon.diganti}"
                   + (" (seimbang)" if rekon.seimbang else " (TIDAK SEIMBANG)"))
    return [
        ("Aplikasi", f"pemetaan-ksd {report.tool_version}"),
        ("Nomenklatur", report.nomenklatur),
        ("Profil", report.profil),
        ("Daerah", f"{report.kode_daerah} {report.nama_daerah}"),
        ("Tahun pemetaan", t),
        ("Waktu pembuatan", report.created),
        ("Kiriman ganda satu perangkat daerah",
         "kiriman terbaru dipilih (--pilih-terbaru)" if report.pilih_terbaru
         else "tidak ada yang masuk sampai salah satu dipilih"),
        ("Daftar kerja sama berlaku (KSD417)", _register(report)),
        ("", None),
        ("Rekonsiliasi baris usulan", None),
        ("Berkas diperiksa", rekon.berkas),
        ("Baris dibaca", rekon.baris_dibaca),
        (f"Masuk Daftar Rencana {t}", rekon.diterima_tahun_ini),
        (f"Diterima, tetapi jangka waktunya di luar tahun {t}", rekon.diterima_luar_tahun),
        ("Ditolak (lihat lembar Perlu Perbaikan)", rekon.ditolak),
        ("Baris bukan usulan, disisihkan (KSD109)", rekon.bukan_usulan),
        ("Baris berkas yang diganti kiriman lebih baru", rekon.diganti),
        ("Pemeriksaan", pemeriksaan),
    ]


def _register(report: Report) -> str:
    if report.kerja_sama_berlaku is None:
        return "tidak dipakai (profil tidak menunjuk berkas pada bagian [kerja_sama_berlaku])"
    path, sha256 = report.kerja_sama_berlaku
    return f"{path} (SHA-256 {sha256})"


def _fact(ws: Any, st: Styles, row: int, label: str, value: Any) -> None:
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
        ws.write_string(row, 2, cell_text(value), st.value)
