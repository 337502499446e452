"""Write the example submissions: the OPD's own template, filled as a clerk fills it."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract
from pemetaan_ksd.contract import COLUMN_BY_KEY
from pemetaan_ksd.demo.contoh import Contoh
from pemetaan_ksd.profile import PerangkatDaerah, Profil
from pemetaan_ksd.write.atomic import atomic_write_bytes
from pemetaan_ksd.write.template import base_workbook, personalize, template_column_letters
from pemetaan_ksd.write.text_metrics import rough_lines

_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
CONTACT = {"telepon": "0511-4721xxx", "email": "ksd@banjarkab.go.id"}


def write_submissions(
    folder: Path, profil: Profil, contoh: Sequence[Contoh], created: dt.datetime
) -> list[Path]:
    """One filled template per example; the shared template is built once and wiped between."""
    book = base_workbook(profil)
    paths = []
    for item in contoh:
        opd = profil.opd(item.kode_opd) or PerangkatDaerah(item.kode_opd, item.nama_opd)
        personalize(book, profil, opd, created)
        written = _fill_identitas(book[contract.SHEET_IDENTITAS], item)
        written += _fill_usulan(book[contract.SHEET_USULAN], item)
        heights = _fit_row_heights(book[contract.SHEET_USULAN], item)
        data = reproducible_bytes(book, created)
        paths.append(atomic_write_bytes(folder / item.berkas, data))
        for cell in written:
            cell.value = None
        for row in heights:
            book[contract.SHEET_USULAN].row_dimensions[row].height = None
    return paths


LINE_HEIGHT = 12.75  # points per line of 10-point text


def _fit_row_heights(ws: Worksheet, contoh: Contoh) -> list[int]:
    """Give filled rows the height their wrapped text needs, as Excel does when a clerk types
    (openpyxl stores none, and LibreOffice then draws the lines over each other)."""
    rows = []
    for index, row in enumerate(contoh.rows):
        lines = 1
        for key, value in row.items():
            width = COLUMN_BY_KEY[key].width
            if isinstance(value, str):
                lines = max(lines, rough_lines(value, width))
        excel_row = contract.FIRST_DATA_ROW + index
        ws.row_dimensions[excel_row].height = LINE_HEIGHT * lines + 3
        rows.append(excel_row)
    return rows


def reproducible_bytes(book: Workbook, when: dt.datetime) -> bytes:
    """The workbook's bytes, the same on every run: openpyxl stamps the time of saving into
    docProps/core.xml and into every zip entry, which would change the file's sha256."""
    buffer = io.BytesIO()
    book.save(buffer)
    stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>" + stamp.encode() + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    return out.getvalue()


def _fill_identitas(ws: Worksheet, contoh: Contoh) -> list[Cell]:
    values: dict[str, str | dt.date] = {
        "Nama Penanggung Jawab": contoh.penanggung_jawab,
        "Jabatan": contoh.jabatan,
        "Nomor Telepon": CONTACT["telepon"],
        "Email": CONTACT["email"],
        "Tanggal Pengisian": contoh.tanggal,
    }
    written: list[Cell] = []
    for row in range(1, 30):
        label = ws.cell(row=row, column=1).value
        if isinstance(label, str) and label.strip() in values:
            cell = cast(Cell, ws.cell(row=row, column=2))
            cell.value = values[label.strip()]
            written.append(cell)
    return written


def _fill_usulan(ws: Worksheet, contoh: Contoh) -> list[Cell]:
    letters = template_column_letters()
    written: list[Cell] = []
    for index, row in enumerate(contoh.rows):
        excel_row = contract.FIRST_DATA_ROW + index
        for key, value in {"no": index + 1, **row}.items():
            cell = cast(Cell, ws[f"{letters[key]}{excel_row}"])
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # what a clerk types is text, even when it starts with "="
            written.append(cell)
    return written
