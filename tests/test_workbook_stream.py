"""The table rows streamed as XML read back exactly as XlsxWriter's own cell-by-cell writing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from xlsxwriter.utility import xl_col_to_name

from pemetaan_ksd.write.text_metrics import ARIAL_9_PX, wrapped_lines
from pemetaan_ksd.write.workbook import stream
from pemetaan_ksd.write.workbook.formats import Styles
from pemetaan_ksd.write.workbook.stream import Columns, Numbering, row_height
from pemetaan_ksd.write.workbook.table import Book, Col, TableSheet, write_table

COLS = [Col("No", 5, "int"), Col("Teks", 30), Col("Tengah", 10, "center"),
        Col("Anggaran", 14, "money", True), Col("Waktu", 12, "datetime"), Col("Status", 10, "tint"),
        Col("Catatan", 20, "warn")]
TRICKY: list[list[Any]] = [
    [1, "=HYPERLINK(\"http://x\")", "+62 811", 1_500_000.0, dt.date(2025, 3, 1), "Valid", None],
    [2, "A & B < C > D", " spasi di depan", 0.5, dt.datetime(2025, 3, 1, 9, 30), "Perlu perbaikan",
     "peringatan"],
    [3, "<r><t>bukan teks kaya</t></r>", "_x0041_ harfiah", None, None, None, "x\x01y"],
    [4, "baris\npanjang " + "kata " * 80, True, float("nan"), None, "Tidak terbaca", ""],
]


def _write(path: Path, constant_memory: bool) -> Path:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                         "strings_to_numbers": False,
                                         "constant_memory": constant_memory})
    book = Book(wb, Styles(wb), "PEMERINTAH KABUPATEN BANJAR")
    write_table(book, TableSheet("Uji", COLS, TRICKY, "JUDUL", "sub", "kaki", "kosong",
                                 totals=True))
    wb.close()
    return path


def _cells(path: Path) -> list[tuple[Any, ...]]:
    ws = openpyxl.load_workbook(path)["Uji"]
    out = [(c.coordinate, c.value, c.data_type, c.number_format, repr(c.font), repr(c.fill),
            repr(c.border), repr(c.alignment)) for row in ws.iter_rows() for c in row]
    heights = [(k, d.height) for k, d in sorted(ws.row_dimensions.items())]
    return [*out, tuple(heights), tuple(sorted(map(str, ws.merged_cells.ranges)))]


def test_streamed_rows_equal_cell_by_cell_rows(tmp_path: Path) -> None:
    streamed = _cells(_write(tmp_path / "stream.xlsx", constant_memory=True))
    by_cell = _cells(_write(tmp_path / "cell.xlsx", constant_memory=False))
    # XlsxWriter writes a text that looks like "<r>...</r>" as rich-text XML as it is (B8 came
    # back as "bukan teks kaya"); streamed, a clerk's text stays the text it was. openpyxl does
    # not undo the _x005F_ escape of an inline string (C8), which Excel and calamine do.
    assert [c for c in streamed if c[0] not in ("B8", "C8")] == [
        c for c in by_cell if c[0] not in ("B8", "C8")]
    grid = CalamineWorkbook.from_path(str(tmp_path / "stream.xlsx")).get_sheet_by_name(
        "Uji").to_python()
    values = {f"{'ABCDEFG'[c]}{r + 1}": v for r, row in enumerate(grid)
              for c, v in enumerate(row[:7])}
    assert values["B6"] == "=HYPERLINK(\"http://x\")"  # text, never a formula
    assert values["B7"] == "A & B < C > D" and values["C7"] == " spasi di depan"
    assert values["B8"] == "<r><t>bukan teks kaya</t></r>" and values["C8"] == "_x0041_ harfiah"
    assert values["G8"] == "x\x01y" and values["D10"] == 1_500_000.5  # the JUMLAH row
    assert values["E6"] == dt.date(2025, 3, 1) and values["A9"] == 4


_KINDS = ["int", "money", "text", "center", "tint", "warn", "datetime"]
_VALUES = st.one_of(
    st.none(), st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=90),
    st.sampled_from(["", " depan", "akhir\n", "a & b", "_x0041_", "x\x01y", "Valid", "\ufffe"]),
    st.integers(-10**6, 10**12), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2100, 1, 1)))


def _cell_by_cell(numbering: Numbering, columns: Columns, rows: list[list[Any]],
                  first: int) -> str:
    """The general path alone: every cell through stream._cell, the height estimated anew."""
    out = []
    for r, values in enumerate(rows, start=first):
        lines = max([1, *(wrapped_lines(values[i], w, ARIAL_9_PX) for i, w in columns.wrapped
                          if type(values[i]) is str)])
        pixels = int(row_height(lines, columns.line_height) * 4.0 / 3.0 + 0.5)
        ht = "" if lines == 1 else f' ht="{pixels * 0.75:.16g}" customHeight="1"'
        cells = "".join(stream._cell(f"{xl_col_to_name(c)}{r + 1}", v, columns.kinds[c],
                                     numbering) for c, v in enumerate(values))
        out.append(f'<row r="{r + 1}"{ht}>{cells}</row>')
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_KINDS), min_size=1, max_size=6).flatmap(
    lambda kinds: st.tuples(st.just(kinds), st.lists(
        st.lists(_VALUES, min_size=len(kinds), max_size=len(kinds)), max_size=5))))
def test_the_rows_written_at_speed_are_the_cells_written_one_by_one(
        table: tuple[list[str], list[list[Any]]]) -> None:
    kinds, rows = table
    numbering = Numbering({"text": 1, "center": 2, "date": 3, "int": 5, "money": 6,
                           "datetime": 7}, {"Valid": 8}, 4, False, False)
    columns = Columns(kinds, [k not in ("tint", "warn", "datetime") for k in kinds],
                      [(i, 9.0 + i) for i, k in enumerate(kinds) if k in ("text", "center")],
                      11.3)
    assert "".join(stream.rows_xml(numbering, columns, rows, 4)) == _cell_by_cell(
        numbering, columns, rows, 4)
