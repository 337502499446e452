"""`Status Pengumpulan`: every OPD of the profile, what it sent and when, or that it has not."""

from __future__ import annotations

from typing import Any

from pemetaan_ksd.merge import Konsolidasi
from pemetaan_ksd.status import StatusOpd, ringkasan
from pemetaan_ksd.write.workbook.rekap_opd import outside_note
from pemetaan_ksd.write.workbook.table import Book, Col, TableSheet, write_table

SHEET = "Status Pengumpulan"


def add_sheet(book: Book, kons: Konsolidasi) -> None:
    cols = [Col("No", 5, "int"), Col("Kode", 22, "center"), Col("Perangkat Daerah", 38),
            Col("Status", 14, "tint"), Col("Waktu", 14, "datetime"), Col("Sumber Waktu", 14),
            Col("Berkas", 30), Col("Usulan", 8, "int"), Col("Diterima", 8, "int"),
            Col("Perlu Perbaikan", 9, "int"), Col("Galat", 7, "int"),
            Col("Peringatan", 9, "int"), Col("Info", 6, "int"), Col("Keterangan", 24)]
    rows = [_row(i, s) for i, s in enumerate(kons.status, start=1)]
    write_table(book, TableSheet(
        SHEET, cols, rows,
        f"STATUS PENGUMPULAN USULAN KERJA SAMA DAERAH TAHUN {kons.tahun}",
        status_sentence(kons), footer=f"Status Pengumpulan Tahun {kons.tahun}",
        empty="Profil tidak memuat perangkat daerah.", freeze_col=3))


def _row(number: int, s: StatusOpd) -> tuple[Any, ...]:
    """One OPD's line; the counts stay empty for an OPD that has not sent anything."""
    sent = s.terkirim
    counts = [s.rows, s.rows_accepted, s.rows_rejected,
              s.counts["galat"], s.counts["peringatan"], s.counts["info"]]
    return (number, s.kode, s.nama, s.status.label, s.waktu, s.waktu_dari,
            "\n".join(s.berkas) or None, *(c if sent else None for c in counts),
            outside_note(s.dalam_profil, s.kode))


def status_sentence(kons: Konsolidasi) -> str:
    """The line under the title: how many have sent, and how their files fared."""
    s = ringkasan(kons.status)
    text = (f"{s['perangkat_daerah']} perangkat daerah dalam profil: {s['terkirim']} sudah "
            f"mengirim ({s['valid']} valid, {s['perlu_perbaikan']} perlu perbaikan, "
            f"{s['tidak_terbaca']} tidak terbaca), {s['belum_mengirim']} belum mengirim")
    if s["di_luar_profil"]:
        text += f"; {s['di_luar_profil']} kiriman dari luar daftar profil"
    return text + "."
