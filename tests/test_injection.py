"""Formula, hyperlink and DDE text from a submission stays inert text in every output (issue 14
item 3): the consolidated workbook (`gabung`), the feedback copy (`--anotasi`), the JSON report
(`--laporan`). Checked in the written XML (no <f> but our own totals, no hyperlink out, string
cells), read back with openpyxl and with the reader, and opened by LibreOffice.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from conftest import soffice_convert_many
from hostile import (
    CR,
    DDE,
    DDE_AT,
    FORMULA_WORDS,
    HYPERLINK,
    INJECTIONS,
    MINUS,
    PLUS,
    TAB,
    URL,
    build_hostile,
    excel_stored,
    external_links,
    formulas,
    sheet_cells,
    xml_parts,
)
from pemetaan_ksd.cli.app import run
from rowkit import LETTERS
from workbooks import PARTNERS, excel_rows, good_row

# (column key, text) of each usulan; rows 1-5 are accepted, 6-8 have a galat quoting the text.
ROWS: tuple[dict[str, str | None], ...] = (
    {"objek": FORMULA_WORDS, "keterangan": HYPERLINK},
    {"objek": MINUS, "keterangan": DDE},
    {"objek": PLUS, "keterangan": URL},
    {"objek": TAB, "keterangan": DDE_AT},
    {"objek": CR},
    {"jenis_kerja_sama": DDE},  # KSD202
    {"calon_mitra": DDE_AT, "kode_wilayah_mitra": None},  # KSD402: an unknown partner
    {"objek": HYPERLINK},  # KSD206: not three words
)
OPD_NAME = "=HYPERLINK(\"http://evil.example\",\"Dinas Lingkungan Hidup\")"
TOTAL = re.compile(r"SUM\([A-Z]+\d+(?::[A-Z]+\d+)?\)")


def normalised(text: str) -> str:
    """A text as the program reads every text (values.clean_spaces: spaces collapsed)."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Outputs:
    submission: Path
    workbook: Path
    copy: Path
    report: Path
    cells: dict[str, str]  # Usulan cell -> hostile text put there


def _rows() -> list[dict[str, object]]:
    rows = []
    for number, texts in enumerate(ROWS, start=1):
        partner, kode = PARTNERS[(number - 1) % len(PARTNERS)]
        row = good_row(no=number, calon_mitra=partner, kode_wilayah_mitra=kode)
        rows.append({**row, **texts})
    return rows


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    root = tmp_path_factory.mktemp("injeksi")
    (root / "masuk").mkdir()
    submission = build_hostile(root / "masuk" / "dlh.xlsx", _rows(),
                               identitas={"nama_opd": OPD_NAME})
    workbook, folder, report = root / "daftar.xlsx", root / "catatan", root / "laporan.json"
    code = run(["gabung", str(root / "masuk"), "-o", str(workbook), "--anotasi", str(folder),
                "--laporan", str(report)])
    assert code == 1  # rows 6-8 have a galat
    places = excel_rows(len(ROWS))
    cells = {f"{LETTERS[key]}{row}": text for row, texts in zip(places, ROWS, strict=True)
             for key, text in texts.items() if text is not None}
    return Outputs(submission, workbook, folder / "dlh.catatan.xlsx", report, cells)


def test_the_submission_holds_the_texts_as_typed(outputs: Outputs) -> None:
    """The fixture is what it claims: string cells the reader reads exactly."""
    assert formulas(outputs.submission) == []
    grid = CalamineWorkbook.from_path(str(outputs.submission)).get_sheet_by_name(
        "Usulan").to_python(skip_empty_area=False)
    for cell, text in outputs.cells.items():
        assert _at(grid, cell) == text, cell


def _at(grid: Sequence[Sequence[object]], cell: str) -> object:
    letters = re.match(r"[A-Z]+", cell)
    assert letters is not None
    column = 0
    for ch in letters.group():
        column = column * 26 + ord(ch) - 64
    return grid[int(cell[letters.end():]) - 1][column - 1]


# --- the consolidated workbook -------------------------------------------------------------


def test_workbook_formulas_are_only_its_own_totals(outputs: Outputs) -> None:
    found = formulas(outputs.workbook)
    assert found and all(TOTAL.fullmatch(f) for f in found), found


def test_workbook_links_nowhere(outputs: Outputs) -> None:
    assert external_links(outputs.workbook) == []


def test_workbook_holds_every_text_as_a_string_cell(outputs: Outputs) -> None:
    cells = [c for found in sheet_cells(outputs.workbook).values() for c in found]
    for text in INJECTIONS:
        holding = [c for c in cells if c[3] == excel_stored(normalised(text))]
        assert holding, text
        assert all(kind in ("inlineStr", "s") and not has_f
                   for _, kind, has_f, _ in holding), (text, holding)
    hostile = [c for c in cells if "cmd|" in c[3] or "HYPERLINK" in c[3]]
    assert hostile and not any(has_f for _, _, has_f, _ in hostile)


def test_workbook_reads_back_the_same_strings(outputs: Outputs) -> None:
    wb = load_workbook(outputs.workbook)
    values = {(ws.title, c.value) for ws in wb.worksheets for row in ws.iter_rows()
              for c in row if c.data_type == "s"}
    with_formula = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                    if c.data_type == "f"]
    assert all(TOTAL.fullmatch(str(v).lstrip("=")) for v in with_formula), with_formula
    daftar = {v for sheet, v in values if sheet == "Daftar Rencana"}
    for text in (FORMULA_WORDS, MINUS, PLUS, TAB, CR, HYPERLINK, DDE, URL, DDE_AT):
        assert normalised(text) in daftar, text  # Objek and Keterangan of the accepted rows
    perbaikan = {v for sheet, v in values if sheet == "Perlu Perbaikan"}
    assert {DDE, DDE_AT, HYPERLINK} <= perbaikan  # the values the galat quote
    assert OPD_NAME in daftar


# --- the feedback copy ---------------------------------------------------------------------


def test_feedback_copy_is_well_formed_and_holds_no_formula_or_link(outputs: Outputs) -> None:
    assert list(xml_parts(outputs.copy))
    assert formulas(outputs.copy) == []
    assert external_links(outputs.copy) == []


def test_feedback_copy_keeps_each_text_as_a_string(outputs: Outputs) -> None:
    wb = load_workbook(outputs.copy)
    usulan = wb["Usulan"]
    for cell, text in outputs.cells.items():
        assert usulan[cell].data_type == "s", cell
        assert usulan[cell].value == excel_stored(text), cell  # openpyxl shows the stored form
    grid = CalamineWorkbook.from_path(str(outputs.copy)).get_sheet_by_name(
        "Usulan").to_python(skip_empty_area=False)
    for cell, text in outputs.cells.items():
        assert _at(grid, cell) == text, cell  # sent back, it reads as the same text


def test_feedback_notes_and_list_quote_the_texts_as_text(outputs: Outputs) -> None:
    wb = load_workbook(outputs.copy)
    notes = {c.coordinate: c.comment.text for row in wb["Usulan"].iter_rows() for c in row
             if c.comment is not None}
    assert f'"{DDE}" bukan pilihan Jenis Kerja Sama' in notes["I12"]
    assert f'"{DDE_AT}"' in notes["J13"]
    catatan = wb["Catatan Validasi"]
    listed = {c.value for row in catatan.iter_rows() for c in row
              if c.data_type == "s" and c.value in (DDE, DDE_AT, HYPERLINK)}
    assert listed == {DDE, DDE_AT, HYPERLINK}
    assert [c for row in catatan.iter_rows() for c in row if c.data_type == "f"] == []


# --- the JSON report -----------------------------------------------------------------------


def test_json_report_keeps_the_texts_exactly(outputs: Outputs) -> None:
    data = json.loads(outputs.report.read_text(encoding="utf-8"))
    [file] = data["files"]
    assert file["nama_opd"] == OPD_NAME
    values = {f["cell"]: f["value"] for f in file["findings"] if f["value"] is not None}
    assert (values["I12"], values["J13"], values["H14"]) == (DDE, DDE_AT, HYPERLINK)


# --- LibreOffice ---------------------------------------------------------------------------


_ODS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}


def _ods_cells(path: Path) -> list[tuple[str | None, str | None, str]]:
    """(value type, formula, text) of every cell of an .ods."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    table, office = _ODS["table"], _ODS["office"]
    return [(c.get(f"{{{office}}}value-type"), c.get(f"{{{table}}}formula"),
             "\n".join(_ods_text(p) for p in c.iter(f"{{{_ODS['text']}}}p")))
            for c in root.iter(f"{{{table}}}table-cell")]


def _ods_text(element: ElementTree.Element) -> str:
    """A paragraph's text, its <text:tab/> and <text:s/> as the tab and spaces they stand for."""
    parts = [element.text or ""]
    for child in element:
        name = child.tag.rsplit("}", 1)[-1]
        if name == "tab":
            parts.append("\t")
        elif name == "s":
            parts.append(" " * int(child.get(f"{{{_ODS['text']}}}c", "1")))
        else:
            parts.append(_ods_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@pytest.mark.soffice
def test_libreoffice_opens_both_workbooks_and_keeps_the_texts_as_text(
        outputs: Outputs, tmp_path: Path) -> None:
    workbook, copy = soffice_convert_many([outputs.workbook, outputs.copy], tmp_path, "ods")
    for path, texts in ((workbook, [normalised(t) for t in INJECTIONS]),
                        (copy, list(outputs.cells.values()))):
        cells = _ods_cells(path)
        formulas_found = [f for _, f, _ in cells if f is not None]
        assert all(f.startswith("of:=SUM(") for f in formulas_found), formulas_found
        strings = {text for kind, _, text in cells if kind == "string"}
        for text in texts:
            assert text in strings, (path.name, text)
        links = [c for c in cells if "http" in c[2] and c[0] != "string"]
        assert links == []
