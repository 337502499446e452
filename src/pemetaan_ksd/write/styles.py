"""Shared openpyxl styles of the workbooks the program writes: a sober, printable palette."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd.write.palette import (
    BLUE_BAND,
    BLUE_DARK,
    BLUE_PALE,
    EXAMPLE_FILL,
    FONT_NAME,
    FONT_SIZE,
    GREY_LINE,
    GREY_PALE,
    GREY_TEXT,
    INK,
    NAVY,
    PAPER_F4,
    WHITE,
)
from pemetaan_ksd.write.text_metrics import ARIAL_10_CHARS, wrapped_lines

PAPER_A4 = 9


def font(*, bold: bool = False, italic: bool = False, size: float = FONT_SIZE,
         color: str = INK) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color)


def fill(color: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=color, end_color=color)


_THIN = Side(style="thin", color=GREY_LINE)
_MEDIUM = Side(style="medium", color=NAVY)

BORDER_THIN = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
BORDER_HEADER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
BORDER_TITLE_RULE = Border(bottom=_MEDIUM)

WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_TOP_CENTER = Alignment(wrap_text=True, vertical="top", horizontal="center")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
LEFT_CENTER = Alignment(vertical="center", horizontal="left")

LOCKED = Protection(locked=True)
UNLOCKED = Protection(locked=False)

FONT_TITLE = font(bold=True, size=14, color=NAVY)
FONT_SUBTITLE = font(bold=True, size=11, color=INK)
FONT_BODY = font()
FONT_BOLD = font(bold=True)
FONT_NOTE = font(italic=True, size=9, color=GREY_TEXT)
FONT_HEADER_REQUIRED = font(bold=True, color=WHITE)
FONT_HEADER_OPTIONAL = font(bold=True, color=NAVY)
FONT_NUMBER_ROW = font(italic=True, size=8, color=GREY_TEXT)
FONT_GROUP = font(bold=True, size=9, color=NAVY)

FILL_HEADER_REQUIRED = fill(BLUE_DARK)
FILL_HEADER_OPTIONAL = fill(BLUE_PALE)
FILL_GROUP = fill(BLUE_BAND)
FILL_NUMBER_ROW = fill(GREY_PALE)
FILL_EXAMPLE = fill(EXAMPLE_FILL)

LINE_HEIGHT_PT = 13.0  # one line of 10-point Arial, with leading


def wrapped_height(text: str, width: float, line_height: float = LINE_HEIGHT_PT) -> float:
    """The row height (points) that shows `text` wrapped in a cell `width` units wide.

    Spreadsheet programs do not grow rows for merged cells, and not every one grows rows
    of a file it did not write, so the writer sets the height itself.
    """
    return math.ceil(wrapped_lines(text, width, ARIAL_10_CHARS) * line_height + 4)


def register(ws: Worksheet, named: Iterable[NamedStyle]) -> None:
    """Add the named styles to the sheet's workbook unless already there."""
    workbook = ws.parent
    assert workbook is not None
    for style in named:
        if style.name not in workbook.named_styles:
            workbook.add_named_style(style)


def protect(ws: Worksheet) -> None:
    """Protect the sheet without a password; column widths and row heights stay adjustable."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.insertRows = False


def fit_to_width(ws: Worksheet, orientation: Literal["portrait", "landscape"],
                 pages_wide: int = 1) -> None:
    """Print on F4 paper, `pages_wide` pages across and as many down as the content needs."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = PAPER_F4
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def footer(ws: Worksheet, *, left: str | None = None, center: str | None = None,
           right: str | None = None, size: int = 8) -> None:
    """Set the printed footer: small text; `&P` is the page number and `&N` the page count."""
    item = ws.oddFooter
    assert isinstance(item, HeaderFooterItem)
    for part, text in ((item.left, left), (item.center, center), (item.right, right)):
        if text is not None:
            part.text = text
            part.size = size
