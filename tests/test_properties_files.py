"""Properties of real files (issue 14 item 4), built with openpyxl in memory, one per example:

- a filled template read back gives the values written, for any text (control characters
  stored as Excel stores them, `_x001B_`), number, boolean and date, and any layout the
  template allows (header row anywhere in the first rows, with or without the column-number
  row, columns in any order, optional ones left out, extra columns, blank and hidden rows,
  the sheet's name in other case or spacing);
- the feedback copy of any submission (any values, merged cells, rows that are not usulan)
  opens in openpyxl and marks exactly the cells the report names.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.worksheet.cell_range import CellRange

from pemetaan_ksd import contract
from pemetaan_ksd.a1 import column_index, column_letter
from pemetaan_ksd.model import CellValue
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.read import read_submission
from pemetaan_ksd.read.cells import ERROR_TEXTS
from pemetaan_ksd.read.layout import header_key
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.feedback import build_feedback
from propkit import NO_SURROGATES, TRICKY, examples
from workbooks import IDENTITAS_FIRST_ROW, build_submission, excel_rows, good_row, marked_cells

PROFIL = load_profile(None)
KEYS = [c.key for c in contract.COLUMNS]
REQUIRED = set(contract.REQUIRED_KEYS)
# Four required columns always filled with text, so that every row is an usulan (CONTRACT 1).
FILLERS = ("objek", "calon_mitra", "potensi", "permasalahan")
Row = dict[str, object]
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- values as a clerk writes them, and as the reader must give them back -----------------------

# Characters XML 1.0 cannot hold, or holds otherwise (CR becomes LF): Excel stores them as
# `_xHHHH_`, and an underscore that would read as such an escape as `_x005F_`.
_STORED_AS_CODE = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")
_LOOKS_LIKE_CODE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")


def excel_stored(text: str) -> str:
    text = _LOOKS_LIKE_CODE.sub("_x005F_", text)
    return _STORED_AS_CODE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _not_an_error(text: str) -> bool:
    kept = text.strip()
    return kept not in ERROR_TEXTS and not re.fullmatch(r"Err:\d+", kept)


# U+FFFE and U+FFFF are left out: no XML holds them, Excel stores them as `_xFFFE_`, and
# calamine leaves that code as it is (it decodes `_x001B_`), so it reads back as `_xFFFE_`,
# which a clerk may also have typed (`_x005F_xFFFE_`): the two cannot be told apart.
TEXT = st.text(st.characters(exclude_categories=NO_SURROGATES, exclude_characters="\ufffe\uffff"),
               max_size=30).filter(_not_an_error)
FILLED_TEXT = TEXT.filter(lambda t: bool(t.strip()))
# Excel keeps 15 significant digits; openpyxl writes numbers with 16 (1.7976931348623157e308
# would come back as infinity): numbers the template allows are those Excel can hold.
NUMBER = st.one_of(
    st.integers(-(10**15), 10**15),
    st.floats(-1e300, 1e300, allow_nan=False).map(lambda x: float(f"{x:.15g}")),
)
VALUE = st.one_of(st.none(), TEXT, NUMBER, st.booleans(),
                  st.dates(dt.date(1900, 3, 1), dt.date(9999, 12, 31)))


def written(value: object) -> object:
    """What openpyxl is given for `value`."""
    return excel_stored(value) if isinstance(value, str) else value


def read_back(value: object) -> CellValue:
    """What the reader must give for a cell written with `value`."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or value is None or isinstance(value, dt.date):
        return value
    assert isinstance(value, int | float)
    return float(value)


# --- layouts --------------------------------------------------------------------------------------


@dataclass
class Layout:
    column_order: list[str]
    extra_columns: dict[int, str] = field(default_factory=dict)
    header_row: int = contract.HEADER_ROW
    number_row: bool = True
    blank_rows_before: set[int] = field(default_factory=set)
    hidden_rows: set[int] = field(default_factory=set)
    sheet: str = contract.SHEET_USULAN

    def headers(self) -> list[str]:
        """Header texts in sheet order, as build_submission lays them out."""
        headers: list[str] = [contract.column(k).header for k in self.column_order]
        for position, header in sorted(self.extra_columns.items()):
            headers.insert(position - 1, header)
        return headers

    def letters(self) -> dict[str, str]:
        key_of = {contract.column(k).header: k for k in self.column_order}
        return {key_of[h]: column_letter(i) for i, h in enumerate(self.headers())
                if h in key_of}


EXTRA_HEADER = st.one_of(
    st.sampled_from(["", "Catatan", "Paraf Kabid", "Verifikasi"]),
    st.text(st.characters(categories=("L", "N", "P", "Zs")), max_size=20),
).filter(lambda h: header_key(h) is None)


@st.composite
def layouts(draw: st.DrawFn, rows: int) -> Layout:
    optional = [k for k in KEYS if k not in REQUIRED]
    left_out = set(draw(st.lists(st.sampled_from(optional), max_size=4)))
    order = draw(st.permutations([k for k in KEYS if k not in left_out]))
    extra: dict[int, str] = {}
    for position in sorted(draw(st.lists(st.integers(1, len(order)), max_size=2))):
        extra[min(position + len(extra), len(order) + len(extra) + 1)] = draw(EXTRA_HEADER)
    indexes = st.sets(st.integers(0, max(rows - 1, 0)), max_size=2)
    return Layout(
        column_order=list(order), extra_columns=extra, header_row=draw(st.integers(1, 14)),
        number_row=draw(st.booleans()), blank_rows_before=draw(indexes),
        hidden_rows=draw(indexes),
        sheet=draw(st.sampled_from(["Usulan", "usulan", " Usulan ", "USULAN"])))


def build(path: Path, rows: list[dict[str, object]], layout: Layout,
          identitas: Mapping[str, object] | None = None, **more: object) -> Path:
    build_submission(
        path, rows, identitas=identitas, column_order=layout.column_order,
        extra_columns=layout.extra_columns, header_row=layout.header_row,
        number_row=layout.number_row, blank_rows_before=layout.blank_rows_before,
        hidden_rows=layout.hidden_rows, sheet_names={contract.SHEET_USULAN: layout.sheet},
        **more)  # type: ignore[arg-type]
    cells = more.get("usulan_cells") or {}
    assert isinstance(cells, dict)
    values = [*(v for r in rows for v in r.values()), *(identitas or {}).values(),
              *cells.values()]
    return _as_typed(path) if any(isinstance(v, str) and v.startswith("=") for v in values) \
        else path


def _as_typed(path: Path) -> Path:
    """Text starting with "=" as the text a clerk typed (build_submission makes it a formula)."""
    wb = load_workbook(path)
    formulas = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
                if c.data_type == "f"]
    for cell in formulas:
        cell.data_type = "s"
    if formulas:
        wb.save(path)
    return path


# --- a filled template read back --------------------------------------------------------------


@st.composite
def filled(draw: st.DrawFn) -> tuple[list[Row], Layout, Row]:
    count = draw(st.integers(1, 4))
    layout = draw(layouts(count))
    rows: list[Row] = []
    for _ in range(count):
        row: Row = {k: draw(VALUE) for k in layout.column_order if draw(st.booleans())}
        row.update({k: draw(FILLED_TEXT) for k in FILLERS})
        rows.append(row)
    identitas: Row = {f.key: draw(VALUE) for f in contract.IDENTITAS_FIELDS}
    return rows, layout, identitas


@settings(SETTINGS, max_examples=examples(40))
@given(filled())
def test_a_filled_template_reads_back_the_values_written(
        case: tuple[list[Row], Layout, Row]) -> None:
    rows, layout, identitas = case
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder) / "usulan.xlsx",
                     [{k: written(v) for k, v in row.items()} for row in rows], layout,
                     identitas={k: written(v) for k, v in identitas.items()})
        sub = read_submission(path)
    assert sub.read_error is None
    assert (sub.usulan_sheet, sub.header_row) == (layout.sheet, layout.header_row)
    assert sub.column_letters == layout.letters()
    assert [r.excel_row for r in sub.rows] == excel_rows(
        len(rows), header_row=layout.header_row, number_row=layout.number_row,
        blank_rows_before=layout.blank_rows_before)
    assert [r.values for r in sub.rows] == [
        {k: read_back(row.get(k)) for k in layout.column_order} for row in rows]
    assert sub.stray_rows == []
    assert dict(sub.identity.values) == {k: read_back(v) for k, v in identitas.items()}
    assert sub.identity.cells == {f.key: f"B{IDENTITAS_FIRST_ROW + i}"
                                  for i, f in enumerate(contract.IDENTITAS_FIELDS)}


# --- the feedback copy of any submission ------------------------------------------------------

_GOOD = good_row()


def _candidates(key: str) -> st.SearchStrategy[object]:
    """What a clerk may put in a column: the right value, nothing, or anything."""
    return st.one_of(st.just(_GOOD[key]), st.none(), st.sampled_from(TRICKY[:-1]), VALUE)


@st.composite
def submissions(draw: st.DrawFn) -> tuple[list[Row], Layout, list[str], Row]:
    count = draw(st.integers(1, 4))
    layout = draw(layouts(count))
    rows: list[Row] = []
    for _ in range(count):
        row = {k: draw(_candidates(k)) if draw(st.integers(0, 3)) == 0 else _GOOD[k]
               for k in layout.column_order}
        row.update({k: draw(FILLED_TEXT) for k in FILLERS if draw(st.integers(0, 5)) == 0})
        rows.append({k: written(v) for k, v in row.items()})
    letters = layout.letters()
    places = excel_rows(count, header_row=layout.header_row, number_row=layout.number_row,
                        blank_rows_before=layout.blank_rows_before)
    merged: list[str] = []
    for _ in range(draw(st.integers(0, 2))):
        key = draw(st.sampled_from(layout.column_order))
        top = draw(st.integers(0, count - 1))
        if draw(st.booleans()):  # down a column, over the usulan below
            bottom = draw(st.integers(top, count - 1))
            merged.append(f"{letters[key]}{places[top]}:{letters[key]}{places[bottom]}")
        else:  # along a row, over the next column or two
            end = column_letter(column_index(letters[key]) + draw(st.integers(1, 2)))
            merged.append(f"{letters[key]}{places[top]}:{end}{places[top]}")
    stray: Row = {f"{draw(st.sampled_from(list(letters.values())))}{places[-1] + 2 + i}":
             written(draw(FILLED_TEXT)) for i in range(draw(st.integers(0, 2)))}
    return rows, layout, _disjoint(merged), stray


def _disjoint(ranges: list[str]) -> list[str]:
    """The ranges that overlap none before them (a spreadsheet cannot merge over a merge)."""
    kept: list[CellRange] = []
    for ref in ranges:
        candidate = CellRange(ref)
        if candidate.size["rows"] * candidate.size["columns"] > 1 and all(
                candidate.isdisjoint(other) for other in kept):
            kept.append(candidate)
    return [r.coord for r in kept]


@settings(SETTINGS, max_examples=examples(20))
@given(submissions())
def test_the_feedback_copy_of_any_submission_opens_and_marks_every_cell_named(
        case: tuple[list[Row], Layout, list[str], Row]) -> None:
    rows, layout, merged, stray = case
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder) / "dlh.xlsx", rows, layout, merged=merged,
                     usulan_cells=stray)
        report = validate([path], PROFIL)
        [result] = report.files
        saved = io.BytesIO()
        build_feedback(result, report, PROFIL).save(saved)
    copy = load_workbook(io.BytesIO(saved.getvalue()))
    named = {(layout.sheet if f.sheet == "Usulan" else f.sheet, f.cell)
             for f in result.findings if f.cell is not None}
    assert marked_cells(copy) == named
