"""The `Petunjuk` sheet: how to fill the form, in plain Indonesian, and one complete example.

What the sheet says is data (petunjuk_blocks.py, from petunjuk_content.py and the example in
petunjuk_contoh.py); `render_petunjuk` lays the blocks out, ready to read on screen and to print.
"""

from __future__ import annotations

from openpyxl.styles import Font, NamedStyle, PatternFill
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd.mitra_contoh import contoh_mitra, daerah_mitra
from pemetaan_ksd.profile import PerangkatDaerah, Profil
from pemetaan_ksd.write import styles
from pemetaan_ksd.write.petunjuk_blocks import (
    Block,
    Heading,
    Paragraph,
    Subheading,
    Table,
    petunjuk_blocks,
    petunjuk_text,
)
from pemetaan_ksd.write.petunjuk_contoh import contoh_usulan

__all__ = ["contoh_mitra", "contoh_usulan", "daerah_mitra", "petunjuk_blocks", "petunjuk_text",
           "render_petunjuk"]

TITLE = "PETUNJUK PENGISIAN FORMULIR USULAN PEMETAAN KERJA SAMA DAERAH"

# Column widths of the Petunjuk sheet: a margin, then three text columns.
WIDTHS = {"A": 3.0, "B": 32.0, "C": 22.0, "D": 58.0}
TEXT_COLUMNS = ("B", "C", "D")
TEXT_WIDTH = sum(WIDTHS[c] for c in TEXT_COLUMNS)  # a paragraph spans the three


def render_petunjuk(ws: Worksheet, profil: Profil, opd: PerangkatDaerah | None) -> None:
    """Lay the Petunjuk blocks out on `ws`, ready to read on screen and to print."""
    named = _named_styles()
    styles.register(ws, named.values())
    names = {key: style.name for key, style in named.items()}
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.sheet_view.showGridLines = False
    title = ws.cell(row=1, column=2, value=TITLE)
    title.font = styles.FONT_TITLE
    ws.row_dimensions[1].height = 24
    row = 2
    for block in petunjuk_blocks(profil, opd):
        row = _render_block(ws, block, row, names)
    ws.print_area = f"A1:D{row}"
    _print_setup(ws)


def _named_styles() -> dict[str, NamedStyle]:
    """Named styles keep writing fast: one lookup per cell instead of one per attribute."""
    def named(name: str, font: Font, fill: PatternFill | None = None,
              border: bool = True) -> NamedStyle:
        style = NamedStyle(name=name, font=font, alignment=styles.WRAP_TOP)
        if border:
            style.border = styles.BORDER_THIN
        if fill is not None:
            style.fill = fill
        return style

    return {
        "text": named("Petunjuk Teks", styles.FONT_BODY, border=False),
        "note": named("Petunjuk Catatan", styles.FONT_NOTE, border=False),
        "head": named("Petunjuk Judul Tabel", styles.FONT_HEADER_OPTIONAL,
                      styles.FILL_HEADER_OPTIONAL),
        "cell": named("Petunjuk Tabel", styles.FONT_BODY),
        "example": named("Petunjuk Contoh", styles.FONT_BODY, styles.FILL_EXAMPLE),
    }


def _render_block(ws: Worksheet, block: Block, row: int, names: dict[str, str]) -> int:
    """Write one block from `row` on; returns the row where the next block starts."""
    if isinstance(block, Heading):
        return _heading(ws, block, row)
    if isinstance(block, Subheading):
        return _subheading(ws, block, row)
    if isinstance(block, Paragraph):
        return _paragraph(ws, block, row, names)
    return _table(ws, block, row, names)


def _heading(ws: Worksheet, block: Heading, row: int) -> int:
    if block.new_page:
        ws.row_breaks.append(Break(id=row - 1))  # a break falls below its row
    else:
        row += 1  # a blank line before each section
    cell = ws.cell(row=row, column=2, value=block.text.upper())
    cell.font = styles.FONT_SUBTITLE
    for letter in TEXT_COLUMNS:
        ws[f"{letter}{row}"].border = styles.BORDER_TITLE_RULE
    ws.row_dimensions[row].height = 20
    return row + 1


def _subheading(ws: Worksheet, block: Subheading, row: int) -> int:
    row += 1
    ws.cell(row=row, column=2, value=block.text).font = styles.FONT_BOLD
    ws.row_dimensions[row].height = 18
    return row + 1


def _paragraph(ws: Worksheet, block: Paragraph, row: int, names: dict[str, str]) -> int:
    cell = ws.cell(row=row, column=2, value=block.text)
    cell.style = names["note" if block.note else "text"]
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
    ws.row_dimensions[row].height = styles.wrapped_height(block.text, TEXT_WIDTH)
    return row + 1


def _table(ws: Worksheet, block: Table, row: int, names: dict[str, str]) -> int:
    _table_row(ws, row, block.header, names["head"], names["head"])
    for values in block.rows:
        row += 1
        _table_row(ws, row, values, names["cell"], names["example" if block.example else "cell"])
    return row + 1


def _table_row(ws: Worksheet, row: int, values: tuple[str, ...], first_style: str,
               other_style: str) -> None:
    height = styles.LINE_HEIGHT_PT + 5
    for letter, value in zip(TEXT_COLUMNS, values, strict=True):
        cell = ws[f"{letter}{row}"]
        cell.value = value
        cell.style = first_style if letter == TEXT_COLUMNS[0] else other_style
        height = max(height, styles.wrapped_height(value, WIDTHS[letter]))
    ws.row_dimensions[row].height = height


def _print_setup(ws: Worksheet) -> None:
    styles.fit_to_width(ws, "portrait")
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.print_options.horizontalCentered = True
    styles.footer(ws, center="Petunjuk - halaman &P dari &N")
