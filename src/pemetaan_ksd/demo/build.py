"""Write the example submissions: the OPD's own template, filled as a clerk fills it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract
from pemetaan_ksd.demo.contoh import Contoh
from pemetaan_ksd.profile import PerangkatDaerah, Profil
from pemetaan_ksd.write.atomic import atomic_write_with
from pemetaan_ksd.write.template import build_template, template_column_letters

CONTACT = {"telepon": "0511-4721xxx", "email": "ksd@banjarkab.go.id"}


def write_submission(path: Path, profil: Profil, contoh: Contoh, created: dt.datetime) -> Path:
    opd = profil.opd(contoh.kode_opd) or PerangkatDaerah(contoh.kode_opd, contoh.nama_opd)
    book = build_template(profil, opd, created)
    _fill_identitas(book[contract.SHEET_IDENTITAS], contoh)
    _fill_usulan(book[contract.SHEET_USULAN], contoh)
    return atomic_write_with(path, lambda tmp: book.save(tmp))


def _fill_identitas(ws: Worksheet, contoh: Contoh) -> None:
    values = {
        "Nama Penanggung Jawab": contoh.penanggung_jawab,
        "Jabatan": contoh.jabatan,
        "Nomor Telepon": CONTACT["telepon"],
        "Email": CONTACT["email"],
        "Tanggal Pengisian": contoh.tanggal,
    }
    for row in range(1, 30):
        label = ws.cell(row=row, column=1).value
        if isinstance(label, str) and label.strip() in values:
            ws.cell(row=row, column=2).value = values[label.strip()]


def _fill_usulan(ws: Worksheet, contoh: Contoh) -> None:
    letters = template_column_letters()
    for index, row in enumerate(contoh.rows):
        excel_row = contract.FIRST_DATA_ROW + index
        ws[f"{letters['no']}{excel_row}"] = index + 1
        for key, value in row.items():
            cell = ws[f"{letters[key]}{excel_row}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # what a clerk types is text, even when it starts with "="
