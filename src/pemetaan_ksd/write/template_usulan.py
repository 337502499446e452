"""The template's `Usulan` sheet: title block, column groups, headers, prepared rows, print setup.

Its dropdowns and number checks are installed by `write.dropdowns`, shared with the feedback
copy; the OPD's own line in the title is written by `template_sheets.personalize`.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract
from pemetaan_ksd.contract import COLUMNS, Column, Kind
from pemetaan_ksd.profile import PerangkatDaerah, Profil
from pemetaan_ksd.write import palette, styles
from pemetaan_ksd.write.dropdowns import MESSAGE_MAX

FORM_TITLE = "FORMULIR USULAN PEMETAAN KERJA SAMA DAERAH"
LAST_DATA_ROW = contract.FIRST_DATA_ROW + contract.PREPARED_ROWS - 1
GROUP_ROW = contract.HEADER_ROW - 1
PROMPT_TITLE_MAX = 32  # Excel's limit on an input message's title
USULAN_PAGES_WIDE = 3
# The title block starts in column B: column A (No) is repeated on every printed page, and the
# title must not be cut off there.
TITLE_COLUMN = 2
OPD_LINE_ROW = 2
_TEXT_KINDS = (Kind.CODE, Kind.NAME, Kind.TEXT, Kind.SUBSTANTIVE, Kind.CHOICE, Kind.MULTI_CHOICE)


def opd_line(opd: PerangkatDaerah | None) -> str:
    """The title block's second line: the OPD's name, or dots to write it on."""
    return f"Perangkat Daerah : {opd.nama}" if opd else "Perangkat Daerah : " + "." * 60


def build_usulan(ws: Worksheet, profil: Profil) -> None:
    last = get_column_letter(len(COLUMNS))
    _title_block(ws, profil)
    _group_band(ws)
    _header_rows(ws)
    _data_area(ws)
    for col in COLUMNS:
        ws.column_dimensions[get_column_letter(col.number)].width = col.width
    ws.freeze_panes = f"C{contract.FIRST_DATA_ROW}"
    styles.protect(ws)
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
        (opd_line(None), styles.FONT_SUBTITLE, 18.0),
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


def _entry_styles() -> dict[Kind, NamedStyle]:
    """Named styles of the prepared data cells (one lookup per cell keeps writing fast)."""
    def entry(name: str, number_format: str, alignment: Alignment) -> NamedStyle:
        return NamedStyle(name=name, font=styles.FONT_BODY, border=styles.BORDER_THIN,
                          alignment=alignment, protection=styles.UNLOCKED,
                          number_format=number_format)

    text = entry("Isian Teks", palette.NUMBER_FORMAT_TEXT, styles.WRAP_TOP)
    out = {kind: text for kind in _TEXT_KINDS}
    out[Kind.NUMBER] = entry("Isian Nomor", "General", styles.WRAP_TOP_CENTER)
    out[Kind.YEAR] = entry("Isian Tahun", palette.NUMBER_FORMAT_YEAR, styles.WRAP_TOP_CENTER)
    out[Kind.AMOUNT] = entry("Isian Rupiah", palette.NUMBER_FORMAT_RUPIAH, styles.WRAP_TOP)
    return out


def _data_area(ws: Worksheet) -> None:
    """Prepared rows: bordered, unlocked, formatted so codes like 2.10 stay text."""
    named = _entry_styles()
    styles.register(ws, dict.fromkeys(named.values()))
    for col in COLUMNS:
        name = named[col.kind].name
        for row in range(contract.FIRST_DATA_ROW, LAST_DATA_ROW + 1):
            ws.cell(row=row, column=col.number).style = name


def _prompt(col: Column) -> tuple[str, str]:
    """(title, text) of a header's input message, within Excel's limits."""
    title = f"{col.number_label} {col.header}"
    text = col.hint + (" Wajib diisi." if col.required else "")
    if len(title) > PROMPT_TITLE_MAX:
        title = title[:PROMPT_TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
        text = f"{col.header}. {text}"
    return title, text[:MESSAGE_MAX]


def _install_header_prompts(ws: Worksheet) -> None:
    for col in COLUMNS:
        title, text = _prompt(col)
        prompt = DataValidation(showInputMessage=True, promptTitle=title, prompt=text,
                                allow_blank=True)
        prompt.add(f"{get_column_letter(col.number)}{contract.HEADER_ROW}")
        ws.add_data_validation(prompt)
