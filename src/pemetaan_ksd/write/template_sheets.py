"""The template workbook: Petunjuk, Identitas, Usulan (`template_usulan`), Referensi and the
dropdowns (`dropdowns`), and the hidden _meta.

`base_workbook` builds what every OPD's template shares, once; `personalize` writes one OPD's
own cells into it, so that `write_templates` saves one file per OPD from one workbook.
"""

from __future__ import annotations

from datetime import UTC, datetime

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract
from pemetaan_ksd.contract import COLUMNS
from pemetaan_ksd.profile import PerangkatDaerah, Profil
from pemetaan_ksd.write import palette, styles
from pemetaan_ksd.write.dropdowns import install_dropdowns
from pemetaan_ksd.write.petunjuk import render_petunjuk
from pemetaan_ksd.write.template_usulan import (
    FORM_TITLE,
    LAST_DATA_ROW,
    OPD_LINE_ROW,
    TITLE_COLUMN,
    build_usulan,
    opd_line,
)

IDENTITAS_FIRST_ROW = 4


def template_column_letters() -> dict[str, str]:
    """Column key -> letter in the template's `Usulan` sheet."""
    return {c.key: get_column_letter(c.number) for c in COLUMNS}


def build_template(profil: Profil, opd: PerangkatDaerah | None, created: datetime) -> Workbook:
    """The template workbook for one OPD (or the generic one when `opd` is None)."""
    workbook = base_workbook(profil)
    personalize(workbook, profil, opd, created)
    return workbook


def base_workbook(profil: Profil) -> Workbook:
    """Everything of the template that does not depend on the OPD; see `personalize`."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = contract.SHEET_PETUNJUK
    _build_identitas(workbook.create_sheet(contract.SHEET_IDENTITAS), profil)
    build_usulan(workbook.create_sheet(contract.SHEET_USULAN), profil)
    meta = workbook.create_sheet(contract.SHEET_META)
    meta.sheet_state = "veryHidden"
    styles.protect(meta)
    install_dropdowns(workbook, profil, template_column_letters(),
                      contract.FIRST_DATA_ROW, LAST_DATA_ROW)
    workbook.properties.creator = "pemetaan-ksd"
    workbook.properties.title = f"{FORM_TITLE} {profil.tahun}"
    return workbook


def personalize(workbook: Workbook, profil: Profil, opd: PerangkatDaerah | None,
                created: datetime) -> None:
    """Write the OPD's own cells (all of them, so a workbook can be reused for the next OPD)."""
    old = workbook[contract.SHEET_PETUNJUK]
    workbook.remove(old)
    render_petunjuk(workbook.create_sheet(contract.SHEET_PETUNJUK, 0), profil, opd)
    identitas = workbook[contract.SHEET_IDENTITAS]
    values = {"kode_opd": opd.kode if opd else None, "nama_opd": opd.nama if opd else None}
    for offset, field in enumerate(contract.IDENTITAS_FIELDS):
        if field.key in values:
            identitas.cell(row=IDENTITAS_FIRST_ROW + offset, column=2, value=values[field.key])
    usulan = workbook[contract.SHEET_USULAN]
    usulan.cell(row=OPD_LINE_ROW, column=TITLE_COLUMN, value=opd_line(opd))
    styles.footer(usulan, left=opd.nama if opd else FORM_TITLE.title())
    _write_meta(workbook[contract.SHEET_META], profil, opd, created)
    workbook.properties.created = created.astimezone(UTC).replace(tzinfo=None)
    workbook.active = 0


def _build_identitas(ws: Worksheet, profil: Profil) -> None:
    ws.sheet_view.showGridLines = False
    for letter, width in (("A", 30.0), ("B", 52.0), ("C", 44.0)):
        ws.column_dimensions[letter].width = width
    title = ws.cell(row=1, column=1, value="IDENTITAS PERANGKAT DAERAH PENGUSUL")
    title.font = styles.FONT_TITLE
    ws.merge_cells("A1:C1")
    ws.row_dimensions[1].height = 24
    note = ws.cell(row=2, column=1, value=(
        f"Usulan pemetaan kerja sama daerah {profil.daerah.nama_lengkap} tahun {profil.tahun}. "
        "Isi kolom B; baris bertanda Wajib harus diisi."))
    note.font = styles.FONT_NOTE
    ws.merge_cells("A2:C2")
    notes = {
        "tahun": "Wajib. Tahun pemetaan yang sedang dihimpun.",
        "kode_opd": "Wajib. Kode unit perangkat daerah seperti di SIPD.",
        "nama_opd": "Wajib. Nama lengkap perangkat daerah.",
        "penanggung_jawab": "Pejabat yang dapat dihubungi tentang isi usulan.",
        "telepon": "Nomor yang dapat dihubungi, misalnya 0811xxxxxxx.",
        "tanggal_pengisian": "Tanggal, misalnya 15/07/" + str(profil.tahun) + ".",
    }
    for offset, field in enumerate(contract.IDENTITAS_FIELDS):
        value = profil.tahun if field.key == "tahun" else None
        _identitas_row(ws, IDENTITAS_FIRST_ROW + offset, field, value, notes.get(field.key, ""))
    styles.protect(ws)
    styles.fit_to_width(ws, "portrait")
    ws.print_area = f"A1:C{IDENTITAS_FIRST_ROW + len(contract.IDENTITAS_FIELDS) - 1}"


def _identitas_row(ws: Worksheet, row: int, field: contract.IdentitasField, value: int | None,
                   note: str) -> None:
    label = ws.cell(row=row, column=1, value=field.label)
    label.font = styles.FONT_HEADER_REQUIRED if field.required else styles.FONT_HEADER_OPTIONAL
    label.fill = styles.FILL_HEADER_REQUIRED if field.required else styles.FILL_HEADER_OPTIONAL
    entry = ws.cell(row=row, column=2, value=value)
    entry.font = styles.FONT_BODY
    entry.protection = styles.UNLOCKED
    entry.alignment = styles.LEFT_CENTER
    entry.number_format = {
        "tahun": palette.NUMBER_FORMAT_YEAR,
        "tanggal_pengisian": palette.NUMBER_FORMAT_DATE,
    }.get(field.key, palette.NUMBER_FORMAT_TEXT)
    remark = ws.cell(row=row, column=3, value=note or None)
    remark.font = styles.FONT_NOTE
    for cell in (label, entry, remark):
        cell.border = styles.BORDER_THIN
        cell.alignment = styles.LEFT_CENTER
    ws.row_dimensions[row].height = 20


def _write_meta(ws: Worksheet, profil: Profil, opd: PerangkatDaerah | None,
                created: datetime) -> None:
    rows: list[tuple[str, str | int | None]] = [
        ("template_id", contract.TEMPLATE_ID),
        ("template_version", contract.TEMPLATE_VERSION),
        ("tahun", profil.tahun),
        ("kode_opd", opd.kode if opd else None),
        ("kode_daerah", profil.daerah.kode),
        ("created", created.replace(microsecond=0).isoformat()),
    ]
    for row, (key, value) in enumerate(rows, start=1):
        ws.cell(row=row, column=1, value=key)
        cell = ws.cell(row=row, column=2, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
