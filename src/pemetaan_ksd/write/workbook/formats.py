"""The consolidated workbook's XlsxWriter formats, made once per workbook, and its labels."""

from __future__ import annotations

from typing import Any

from pemetaan_ksd.model import FileStatus
from pemetaan_ksd.status import StatusKirim, status_label
from pemetaan_ksd.write.palette import BLUE_DARK, FONT_NAME, GREY_LINE
from pemetaan_ksd.write.workbook.cells import choose

FONT = FONT_NAME
RUPIAH = '_-"Rp"* #,##0_-;-"Rp"* #,##0_-;_-* "-"_-;_-@_-'  # accounting style; zero is "-"
COUNT = '#,##0;-#,##0;"-"'
WHITE = "#FFFFFF"

TINTS = {  # fill colour by status or severity label
    StatusKirim.VALID.label: "#C6EFCE", StatusKirim.TIDAK_VALID.label: "#FFEB9C",
    StatusKirim.TIDAK_TERBACA.label: "#FFC7CE", StatusKirim.BELUM_MENGIRIM.label: "#E7E6E6",
    status_label(FileStatus.DIGANTI): "#E7E6E6",
    "galat": "#FFC7CE", "peringatan": "#FFEB9C", "info": "#DDEBF7",
}
WARNING_FILL = "#FFF2CC"
TOTAL_FILL = "#D9E1F2"
EXTRA_HEADER_FILL = "#7F7F7F"  # a column kept for the analyst, outside the print area




class Styles:
    """The workbook's formats, made once (in this order: it is the order of styles.xml)."""

    def __init__(self, wb: Any):
        self._cells(wb)
        self._titles(wb)
        self._headers(wb)
        self._totals(wb)
        self._facts(wb)
        for fmt in wb.formats:  # each index fixed now, in this order: another process writing
            fmt._get_xf_index()  # rows (elsewhere.py) then numbers its cells as this one

    def _cells(self, wb: Any) -> None:
        base = {"font_name": FONT, "font_size": 9, "valign": "top", "text_wrap": True,
                "border": 1, "border_color": f"#{GREY_LINE}"}
        center = {**base, "align": "center"}
        self.cell = {
            "text": wb.add_format(base),
            "center": wb.add_format(center),
            "int": wb.add_format({**center, "num_format": COUNT}),
            "money": wb.add_format({**base, "num_format": RUPIAH}),
            "datetime": wb.add_format({**center, "num_format": "dd/mm/yyyy hh:mm"}),
            "date": wb.add_format({**center, "num_format": "dd/mm/yyyy"}),
            "mono": wb.add_format({**base, "font_name": "Courier New", "font_size": 8,
                                   "text_wrap": False}),
        }
        self.tint = {k: wb.add_format({**center, "bg_color": c}) for k, c in TINTS.items()}
        self.warn = wb.add_format({**base, "bg_color": WARNING_FILL})

    def _titles(self, wb: Any) -> None:
        title = {"font_name": FONT, "bold": True, "align": "center", "valign": "vcenter"}
        self.pemerintah = wb.add_format({**title, "font_size": 12})
        self.judul = wb.add_format({**title, "font_size": 13, "text_wrap": True})
        self.sub = wb.add_format({**title, "bold": False, "italic": True, "font_size": 9})

    def _headers(self, wb: Any) -> None:
        header = {"font_name": FONT, "font_size": 9, "bold": True, "font_color": WHITE,
                  "bg_color": f"#{BLUE_DARK}", "align": "center", "valign": "vcenter",
                  "text_wrap": True, "border": 1, "border_color": WHITE}
        self.header = wb.add_format(header)
        self.header_extra = wb.add_format({**header, "bg_color": EXTRA_HEADER_FILL})

    def _totals(self, wb: Any) -> None:
        total = {"font_name": FONT, "font_size": 9, "bold": True, "bg_color": TOTAL_FILL,
                 "border": 1, "border_color": f"#{GREY_LINE}", "top": 6, "valign": "top"}
        self.total = {"text": wb.add_format({**total, "align": "center"}),
                      "int": wb.add_format({**total, "align": "center", "num_format": COUNT}),
                      "money": wb.add_format({**total, "num_format": RUPIAH})}

    def _facts(self, wb: Any) -> None:
        self.label = wb.add_format({"font_name": FONT, "font_size": 9, "bold": True,
                                    "valign": "top", "text_wrap": True})
        self.value = wb.add_format({"font_name": FONT, "font_size": 9, "valign": "top",
                                    "align": "left", "text_wrap": False})
        self.value_time = wb.add_format({"font_name": FONT, "font_size": 9, "align": "left",
                                         "num_format": "dd/mm/yyyy hh:mm:ss"})
        self.section = wb.add_format({"font_name": FONT, "font_size": 10, "bold": True,
                                      "font_color": f"#{BLUE_DARK}", "bottom": 1})
        self.note = wb.add_format({"font_name": FONT, "font_size": 9, "italic": True,
                                   "valign": "top"})

    def for_cell(self, kind: str, value: Any) -> Any:
        """The format of one value in a column of `kind` (tints and warnings go by value)."""
        return choose(kind, value, self.cell, self.tint, self.warn)
