"""The blank template each perangkat daerah fills (CONTRACT.md section 1).

`write_templates` is what `pemetaan-ksd template` calls; `install_dropdowns` is shared with the
feedback copy, which must put the dropdowns back on a submission that lost its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, NamedStyle
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract, reference
from pemetaan_ksd.contract import COLUMN_BY_KEY, COLUMNS, Column, Kind
from pemetaan_ksd.profile import PerangkatDaerah, Profil, load_profile
from pemetaan_ksd.write import styles
from pemetaan_ksd.write.atomic import atomic_write_with
from pemetaan_ksd.write.petunjuk import daerah_mitra, render_petunjuk

# The committed generic template is regenerated with this creation time, so it never drifts
# by the clock alone.
GENERIC_CREATED = datetime(2025, 1, 2, 8, 0, tzinfo=UTC)
GENERIC_SLUG = "templat"
FORM_TITLE = "FORMULIR USULAN PEMETAAN KERJA SAMA DAERAH"
LAST_DATA_ROW = contract.FIRST_DATA_ROW + contract.PREPARED_ROWS - 1
GROUP_ROW = contract.HEADER_ROW - 1
PROMPT_MAX, PROMPT_TITLE_MAX = 255, 32
YEAR_MIN, YEAR_MAX = 2000, 2100
USULAN_PAGES_WIDE = 3
# The title block starts in column B: column A (No) is repeated on every printed page, and the
# title must not be cut off there.
TITLE_COLUMN = 2
_SLUG_MAX = 60


class TemplateExistsError(ValueError):
    """A template would replace a file already in the folder (and `timpa` was not given)."""


class UnknownOpdError(ValueError):
    """An OPD code that the profile does not list; the message, in Indonesian, names some."""


# --- file names and writing -------------------------------------------------------------------


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rsplit("-", 1)[0]
    return slug


def template_filename(profil: Profil, opd: PerangkatDaerah | None) -> str:
    """`usulan_ksd_2025_dinas-kesehatan.xlsx`; the generic one `usulan_ksd_2025_templat.xlsx`."""
    name = GENERIC_SLUG if opd is None else (_slug(opd.nama) or _slug(opd.kode) or "opd")
    return f"usulan_ksd_{profil.tahun}_{name}.xlsx"


def write_template(path: Path, profil: Profil, opd: PerangkatDaerah | None,
                   created: datetime | None = None) -> Path:
    """Write one template to `path`, whole or not at all (temporary file, then rename)."""
    workbook = build_template(profil, opd, created or datetime.now().astimezone())
    return atomic_write_with(path, workbook.save)


def write_templates(out_dir: Path, profil: Profil, kode_opd: list[str] | None, semua: bool,
                    created: datetime | None = None, timpa: bool = False) -> list[Path]:
    """Write the templates asked for into `out_dir` and return their paths.

    `semua`: one per OPD of the profile; `kode_opd`: those OPD (the same code twice gives one
    file); neither: one generic template (also for `semua` when the profile lists no OPD),
    whose Identitas the OPD fills in. Codes are checked even with `semua`, which covers them.
    Raises UnknownOpdError for a code the profile does not list, and, unless `timpa`,
    TemplateExistsError when a file of the same name is already there (perhaps filled in and
    sent back by the OPD); either before writing anything.
    """
    chosen = list(dict.fromkeys(_find_opd(profil, kode) for kode in kode_opd or []))
    units: list[PerangkatDaerah | None]
    if semua:
        units = list(profil.perangkat_daerah) or [None]
    elif chosen:
        units = list(chosen)
    else:
        units = [None]
    names = _distinct_names(profil, units)
    if not timpa:
        _refuse_existing(out_dir, names)
    stamp = created or datetime.now().astimezone()
    workbook = base_workbook(profil)  # built once; only the OPD's own cells change per file
    paths = []
    for name, opd in zip(names, units, strict=True):
        personalize(workbook, profil, opd, stamp)
        paths.append(atomic_write_with(out_dir / name, workbook.save))
    return paths


_NAMED_AT_MOST = 5


def _refuse_existing(out_dir: Path, names: list[str]) -> None:
    existing = [name for name in names if (out_dir / name).exists()]
    if not existing:
        return
    listed = ", ".join(existing[:_NAMED_AT_MOST])
    if len(existing) > _NAMED_AT_MOST:
        listed += f", dan {len(existing) - _NAMED_AT_MOST} berkas lainnya"
    raise TemplateExistsError(
        f"Folder {out_dir} sudah berisi {len(existing)} berkas dengan nama templat yang sama: "
        f"{listed}. Berkas itu mungkin sudah diisi perangkat daerah. Tidak ada yang ditulis. "
        "Pilih folder lain dengan -o, pindahkan berkas itu, atau pakai --timpa untuk "
        "menggantinya dengan templat kosong."
    )


def _find_opd(profil: Profil, kode: str) -> PerangkatDaerah:
    found = profil.opd(kode)
    if found is not None:
        return found
    where = profil.sumber if profil.bawaan else f"profil {profil.sumber}"
    known = [f"{o.kode} ({o.nama})" for o in profil.perangkat_daerah]
    if not known:
        raise UnknownOpdError(
            f'Kode perangkat daerah "{kode}" tidak dikenal: {where} belum memuat daftar '
            "perangkat daerah. Tambahkan [[perangkat_daerah]] pada profil."
        )
    sample = "; ".join(known[:3]) + (f"; dan {len(known) - 3} lainnya" if len(known) > 3 else "")
    raise UnknownOpdError(
        f'Kode perangkat daerah "{kode}" tidak ada dalam {where}. Kode yang tersedia, '
        f"misalnya: {sample}. Gunakan --semua untuk membuat templat semua perangkat daerah."
    )


def _distinct_names(profil: Profil, units: list[PerangkatDaerah | None]) -> list[str]:
    names = [template_filename(profil, opd) for opd in units]
    counts = Counter(names)
    return [
        name if counts[name] == 1 or opd is None
        else name.removesuffix(".xlsx") + f"_{_slug(opd.kode)}.xlsx"
        for name, opd in zip(names, units, strict=True)
    ]


# --- the workbook -------------------------------------------------------------------------


def write_generic_template(out_dir: Path) -> Path:
    """The committed generic template: built-in profile, no OPD, fixed creation time."""
    profil = load_profile(None)
    return write_template(out_dir / template_filename(profil, None), profil, None,
                          GENERIC_CREATED)


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
    _build_usulan(workbook.create_sheet(contract.SHEET_USULAN), profil)
    meta = workbook.create_sheet(contract.SHEET_META)
    meta.sheet_state = "veryHidden"
    _protect(meta)
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
    usulan.cell(row=2, column=TITLE_COLUMN, value=_opd_line(opd))
    styles.footer(usulan, left=opd.nama if opd else FORM_TITLE.title())
    _write_meta(workbook[contract.SHEET_META], profil, opd, created)
    workbook.properties.created = created.astimezone(UTC).replace(tzinfo=None)
    workbook.active = 0


def _opd_line(opd: PerangkatDaerah | None) -> str:
    return f"Perangkat Daerah : {opd.nama}" if opd else "Perangkat Daerah : " + "." * 60


IDENTITAS_FIRST_ROW = 4


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
    _protect(ws)
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
        "tahun": styles.NUMBER_FORMAT_YEAR,
        "tanggal_pengisian": styles.NUMBER_FORMAT_DATE,
    }.get(field.key, styles.NUMBER_FORMAT_TEXT)
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


# --- the Usulan sheet ----------------------------------------------------------------------


def _build_usulan(ws: Worksheet, profil: Profil) -> None:
    last = get_column_letter(len(COLUMNS))
    _title_block(ws, profil)
    _group_band(ws)
    _header_rows(ws)
    _data_area(ws)
    for col in COLUMNS:
        ws.column_dimensions[get_column_letter(col.number)].width = col.width
    ws.freeze_panes = f"C{contract.FIRST_DATA_ROW}"
    _protect(ws)
    _install_header_prompts(ws)
    ws.print_area = f"A1:{last}{LAST_DATA_ROW}"
    ws.print_title_rows = f"{GROUP_ROW}:{contract.NUMBER_ROW}"
    # 34 columns on one sheet of paper would print at a fifth of their size: fit the width to
    # three pages (about two thirds of full size), the No column repeated on each.
    styles.fit_to_width(ws, "landscape", USULAN_PAGES_WIDE)
    ws.print_title_cols = "A:A"
    ws.page_setup.pageOrder = "overThenDown"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    styles.footer(ws, right="Halaman &P dari &N")


def _title_block(ws: Worksheet, profil: Profil) -> None:
    lines = (
        (f"{FORM_TITLE} {profil.daerah.nama_lengkap.upper()}", styles.FONT_TITLE, 24.0),
        (_opd_line(None), styles.FONT_SUBTITLE, 18.0),
        (f"Tahun Pemetaan : {profil.tahun}", styles.FONT_SUBTITLE, 18.0),
    )
    for row, (text, font, height) in enumerate(lines, start=1):
        cell = ws.cell(row=row, column=TITLE_COLUMN, value=text)
        cell.font = font
        cell.alignment = styles.LEFT_CENTER
        ws.merge_cells(start_row=row, start_column=TITLE_COLUMN, end_row=row,
                       end_column=TITLE_COLUMN + 4)
        ws.row_dimensions[row].height = height
    legend = ws.cell(row=2, column=TITLE_COLUMN + 5, value=(
        "Judul kolom biru tua: wajib diisi. Biru muda: diisi bila berlaku. Klik judul kolom "
        "untuk penjelasan; petunjuk lengkap dan contoh ada di lembar Petunjuk."))
    legend.font = styles.FONT_NOTE
    legend.alignment = styles.WRAP_TOP
    ws.merge_cells(start_row=2, start_column=TITLE_COLUMN + 5, end_row=3,
                   end_column=TITLE_COLUMN + 9)


def _group_band(ws: Worksheet) -> None:
    groups: dict[str, list[int]] = {}
    for col in COLUMNS:
        groups.setdefault(col.group, []).append(col.number)
    for name, numbers in groups.items():
        for number in numbers:
            cell = ws.cell(row=GROUP_ROW, column=number)
            cell.fill = styles.FILL_GROUP
            cell.border = styles.BORDER_THIN
        cell = ws.cell(row=GROUP_ROW, column=numbers[0], value=name.upper())
        cell.font = styles.FONT_GROUP
        cell.alignment = styles.WRAP_CENTER
        if len(numbers) > 1:
            ws.merge_cells(start_row=GROUP_ROW, start_column=numbers[0],
                           end_row=GROUP_ROW, end_column=numbers[-1])
    ws.row_dimensions[GROUP_ROW].height = 18


def _header_rows(ws: Worksheet) -> None:
    for col in COLUMNS:
        head = ws.cell(row=contract.HEADER_ROW, column=col.number, value=col.header)
        head.font = styles.FONT_HEADER_REQUIRED if col.required else styles.FONT_HEADER_OPTIONAL
        head.fill = styles.FILL_HEADER_REQUIRED if col.required else styles.FILL_HEADER_OPTIONAL
        head.alignment = styles.WRAP_CENTER
        head.border = styles.BORDER_HEADER
        number = ws.cell(row=contract.NUMBER_ROW, column=col.number, value=col.number_label)
        number.font = styles.FONT_NUMBER_ROW
        number.fill = styles.FILL_NUMBER_ROW
        number.alignment = styles.WRAP_CENTER
        number.border = styles.BORDER_THIN
    ws.row_dimensions[contract.HEADER_ROW].height = 54
    ws.row_dimensions[contract.NUMBER_ROW].height = 13


_TEXT_KINDS = (Kind.CODE, Kind.NAME, Kind.TEXT, Kind.SUBSTANTIVE, Kind.CHOICE, Kind.MULTI_CHOICE)


def _entry_styles() -> dict[Kind, NamedStyle]:
    """Named styles of the prepared data cells (one lookup per cell keeps writing fast)."""
    def entry(name: str, number_format: str, alignment: Alignment) -> NamedStyle:
        return NamedStyle(name=name, font=styles.FONT_BODY, border=styles.BORDER_THIN,
                          alignment=alignment, protection=styles.UNLOCKED,
                          number_format=number_format)

    text = entry("Isian Teks", styles.NUMBER_FORMAT_TEXT, styles.WRAP_TOP)
    out = {kind: text for kind in _TEXT_KINDS}
    out[Kind.NUMBER] = entry("Isian Nomor", "General", styles.WRAP_TOP_CENTER)
    out[Kind.YEAR] = entry("Isian Tahun", styles.NUMBER_FORMAT_YEAR, styles.WRAP_TOP_CENTER)
    out[Kind.AMOUNT] = entry("Isian Rupiah", styles.NUMBER_FORMAT_RUPIAH, styles.WRAP_TOP)
    return out


def _data_area(ws: Worksheet) -> None:
    """Prepared rows: bordered, unlocked, formatted so codes like 2.10 stay text."""
    named = _entry_styles()
    styles.register(ws, dict.fromkeys(named.values()))
    for col in COLUMNS:
        name = named[col.kind].name
        for row in range(contract.FIRST_DATA_ROW, LAST_DATA_ROW + 1):
            ws.cell(row=row, column=col.number).style = name


def _protect(ws: Worksheet) -> None:
    """Protect the sheet without a password; column widths and row heights stay adjustable."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.insertRows = False


def _prompt(col: Column) -> tuple[str, str]:
    """(title, text) of a header's input message, within Excel's limits."""
    title = f"{col.number_label} {col.header}"
    text = col.hint + (" Wajib diisi." if col.required else "")
    if len(title) > PROMPT_TITLE_MAX:
        title = title[:PROMPT_TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
        text = f"{col.header}. {text}"
    return title, text[:PROMPT_MAX]


def _install_header_prompts(ws: Worksheet) -> None:
    for col in COLUMNS:
        title, text = _prompt(col)
        prompt = DataValidation(showInputMessage=True, promptTitle=title, prompt=text,
                                allow_blank=True)
        prompt.add(f"{get_column_letter(col.number)}{contract.HEADER_ROW}")
        ws.add_data_validation(prompt)


# --- dropdowns ----------------------------------------------------------------------------


def dropdown_lists(profil: Profil) -> dict[str, list[str]]:
    """Defined name -> values, in the order of the columns that use them."""
    lists: dict[str, list[str]] = {}
    for col in COLUMNS:
        if col.list_name is None or col.list_name in lists:
            continue
        if col.key == "kode_bidang_urusan":
            values = [b.pilihan for b in reference.bidang_urusan() if b.objek_kerja_sama]
        elif col.key == "calon_mitra":
            values = [d.nama_lengkap for d in daerah_mitra(profil)]
        else:
            values = list(col.choices)
        lists[col.list_name] = values
    return lists


def install_dropdowns(wb: Workbook, profil: Profil, column_letters: dict[str, str],
                      first_row: int, last_row: int) -> None:
    """(Re)create the `Referensi` lists, their workbook-scoped names, and the validations.

    Validations cover `first_row`..`last_row` of the given columns (key -> letter) on the
    `Usulan` sheet: dropdowns through the defined names, and number checks on the year and
    amount columns. Existing validations over those cells, an existing `Referensi` sheet and
    existing names of the same lists are replaced.
    """
    usulan = _usulan_sheet(wb)
    lists = dropdown_lists(profil)
    _write_referensi(wb, lists, after=usulan)
    targets: list[tuple[Column, str]] = []
    for key, letter in column_letters.items():
        col = COLUMN_BY_KEY.get(key)
        if col is not None and _needs_validation(col):
            targets.append((col, f"{letter}{first_row}:{letter}{last_row}"))
    _clear_validations(usulan, [CellRange(ref) for _, ref in targets])
    for col, ref in targets:
        validation = _validation(col, lists)
        validation.add(ref)
        usulan.add_data_validation(validation)


def _usulan_sheet(wb: Workbook) -> Worksheet:
    for ws in wb.worksheets:
        if ws.title.casefold() == contract.SHEET_USULAN.casefold():
            return ws
    raise KeyError(f"Lembar {contract.SHEET_USULAN} tidak ada dalam buku kerja.")


def _write_referensi(wb: Workbook, lists: dict[str, list[str]], after: Worksheet) -> None:
    if contract.SHEET_REFERENSI in wb.sheetnames:
        old = wb[contract.SHEET_REFERENSI]
        index = wb.sheetnames.index(contract.SHEET_REFERENSI)
        wb.remove(old)
    else:
        index = wb.sheetnames.index(after.title) + 1
    ws = wb.create_sheet(contract.SHEET_REFERENSI, index)
    sheet = quote_sheetname(contract.SHEET_REFERENSI)
    for number, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(number)
        ws.cell(row=1, column=number, value=name).font = styles.FONT_BOLD
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=number, value=value).data_type = "s"
        ws.column_dimensions[letter].width = max(14, *(len(v) + 2 for v in values))
        _drop_names(wb, name)
        target = f"{sheet}!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=target)
    ws.sheet_state = "hidden"
    _protect(ws)


def _drop_names(wb: Workbook, name: str) -> None:
    if name in wb.defined_names:
        del wb.defined_names[name]
    for ws in wb.worksheets:
        if name in ws.defined_names:
            del ws.defined_names[name]


def _needs_validation(col: Column) -> bool:
    return col.list_name is not None or col.kind in (Kind.YEAR, Kind.AMOUNT)


_FREE_TEXT_KEYS = frozenset({"calon_mitra", "sumber_pendanaan"})


def _validation(col: Column, lists: dict[str, list[str]]) -> DataValidation:
    if col.kind is Kind.YEAR:
        return DataValidation(
            type="whole", operator="between", formula1=str(YEAR_MIN), formula2=str(YEAR_MAX),
            allow_blank=True, showErrorMessage=True, errorStyle="warning",
            errorTitle="Tahun tidak sah",
            error=f"Tulis tahun empat angka, misalnya {YEAR_MIN + 25}.")
    if col.kind is Kind.AMOUNT:
        return DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showErrorMessage=True, errorStyle="warning", errorTitle="Bukan angka rupiah",
            error="Tulis angka rupiah tanpa titik dan tanpa Rp, misalnya 1500000000.")
    assert col.list_name is not None
    validation = DataValidation(type="list", formula1=col.list_name, allow_blank=True)
    if col.key in _FREE_TEXT_KEYS:
        # A company name, or "APBD; APBN", is welcome: no alert, and where a program shows one
        # anyway, only an informative one that lets the value stand.
        validation.showErrorMessage = False
        validation.errorStyle = "information"
    elif col.key == "kode_bidang_urusan":
        validation.showErrorMessage = True
        validation.errorStyle = "warning"
        validation.errorTitle = "Bidang urusan"
        validation.error = ("Pilih bidang urusan dari daftar, misalnya 1.02 - Kesehatan. "
                            "Kode saja, misalnya 1.02, juga diterima.")
    else:
        validation.showErrorMessage = True
        validation.errorStyle = "stop"
        validation.errorTitle = "Bukan pilihan yang tersedia"
        validation.error = _choice_error(col.header, lists[col.list_name])
    return validation


def _choice_error(header: str, values: list[str]) -> str:
    text = f"Pilih {header} dari daftar: {', '.join(values)}."
    return text if len(text) <= PROMPT_MAX else f"Pilih {header} dari daftar pada sel ini."


def _clear_validations(ws: Worksheet, holes: Iterable[CellRange]) -> None:
    """Cut `holes` out of every existing validation; drop validations left empty."""
    holes = list(holes)
    kept: list[DataValidation] = []
    for validation in ws.data_validations.dataValidation:
        pieces = [CellRange(r.coord) for r in validation.sqref.ranges]
        for hole in holes:
            pieces = [part for piece in pieces for part in _subtract(piece, hole)]
        if pieces:
            validation.sqref = MultiCellRange(" ".join(p.coord for p in pieces))
            kept.append(validation)
    ws.data_validations.dataValidation = kept


def _subtract(area: CellRange, hole: CellRange) -> list[CellRange]:
    """`area` without the cells of `hole`, as up to four rectangles."""
    if (hole.min_row > area.max_row or hole.max_row < area.min_row
            or hole.min_col > area.max_col or hole.max_col < area.min_col):
        return [area]
    top, bottom = max(area.min_row, hole.min_row), min(area.max_row, hole.max_row)
    parts = [
        (area.min_col, area.min_row, area.max_col, top - 1),
        (area.min_col, bottom + 1, area.max_col, area.max_row),
        (area.min_col, top, hole.min_col - 1, bottom),
        (hole.max_col + 1, top, area.max_col, bottom),
    ]
    return [CellRange(min_col=c1, min_row=r1, max_col=c2, max_row=r2)
            for c1, r1, c2, r2 in parts if c1 <= c2 and r1 <= r2]
