"""The feedback copy works on the sheet the usulan were read from (FileResult.usulan_sheet):
`Usulan` however it is spelt (`"Usulan "`), or the sheet read in its place (KSD111, `Sheet1`).

And the write layer gets what it needs from the submission through the reader's public API
(`read_grids`), never from calamine or the reader's modules.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from conftest import ConvertFormats
from pemetaan_ksd import contract
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.read import read_grids
from pemetaan_ksd.report import Report
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.feedback import build_feedback, write_feedback_copies
from pemetaan_ksd.write.template_sheets import template_column_letters
from workbooks import build_submission, good_row, marked_cells

PROFIL = load_profile(None)
LETTERS = template_column_letters()
LAST = contract.FIRST_DATA_ROW + contract.PREPARED_ROWS - 1
WRITE = Path(__file__).resolve().parents[1] / "src" / "pemetaan_ksd" / "write"
# One finding on the usulan sheet: a partner that is no daerah (KSD402 at J7).
ROWS = [good_row(calon_mitra="Kota Antah Berantah", kode_wilayah_mitra=None)]


def list_dropdowns(ws: Worksheet) -> dict[str, str]:
    """range -> defined name, for the list validations of a sheet."""
    return {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation
            if dv.type == "list"}


def expected_dropdowns(first: int, last: int) -> dict[str, str]:
    return {f"{LETTERS[c.key]}{first}:{LETTERS[c.key]}{last}": c.list_name
            for c in contract.COLUMNS if c.list_name}


def submission(tmp_path: Path, sheet: str) -> Report:
    path = build_submission(tmp_path / "dlh.xlsx", ROWS, sheet_names={"Usulan": sheet})
    return validate([path], PROFIL)


@pytest.mark.parametrize(("sheet", "read_as"), [("Sheet1", "Sheet1"), ("Usulan ", "Usulan")])
def test_the_copy_gets_dropdowns_on_the_sheet_read(tmp_path: Path, sheet: str,
                                                    read_as: str) -> None:
    report = submission(tmp_path, sheet)
    [fr] = report.files
    assert fr.usulan_sheet == read_as
    assert ("KSD111" in {f.code for f in fr.findings}) == (sheet == "Sheet1")
    [copy] = write_feedback_copies(report, tmp_path / "catatan", PROFIL)
    wb = openpyxl.load_workbook(copy)
    assert sheet in wb.sheetnames  # its own name kept
    assert list_dropdowns(wb[sheet]) == expected_dropdowns(contract.FIRST_DATA_ROW, LAST)
    assert wb[contract.SHEET_REFERENSI].sheet_state == "hidden"
    assert marked_cells(wb) == {(sheet, "J7")}


def test_the_copy_keeps_the_submissions_sheet_names(tmp_path: Path) -> None:
    report = submission(tmp_path, "Sheet1")
    wb = build_feedback(report.files[0], report, PROFIL)
    assert wb.sheetnames == [contract.SHEET_CATATAN, "Petunjuk", "Identitas", "Sheet1",
                             "Referensi", "_meta"]


def test_dropdowns_go_on_the_sheet_read_not_on_a_later_one_spelt_usulan(tmp_path: Path) -> None:
    """`Usulan ` is read (the first sheet of that name); a copy `usulan` after it is not."""
    path = build_submission(tmp_path / "dlh.xlsx", ROWS, sheet_names={"Usulan": "Usulan "},
                            extra_sheets={"usulan": ROWS})
    report = validate([path], PROFIL)
    wb = build_feedback(report.files[0], report, PROFIL)
    assert [n for n in wb.sheetnames if "sulan" in n] == ["Usulan ", "usulan"]
    assert list_dropdowns(wb["Usulan "]) == expected_dropdowns(contract.FIRST_DATA_ROW, LAST)
    assert list_dropdowns(wb["usulan"]) == {}


def copy_of(source: Path, out: Path) -> openpyxl.Workbook:
    report = validate([source], PROFIL)
    [copy] = write_feedback_copies(report, out, PROFIL)
    return openpyxl.load_workbook(copy)


@pytest.mark.soffice
def test_a_rebuilt_copy_of_a_ksd111_file_holds_its_usulan_on_their_own_sheet(
        tmp_path: Path, soffice_formats: ConvertFormats) -> None:
    source = build_submission(tmp_path / "dlh.xlsx", ROWS, sheet_names={"Usulan": "Sheet1"})
    converted = soffice_formats([source], tmp_path / "lo")
    for fmt in ("ods", "xls"):
        [path] = converted[fmt]
        wb = copy_of(path, tmp_path / fmt)
        assert "Sheet1" in wb.sheetnames and contract.SHEET_USULAN not in wb.sheetnames, fmt
        assert wb["Sheet1"]["J7"].value == "Kota Antah Berantah", fmt
        assert list_dropdowns(wb["Sheet1"]) == expected_dropdowns(contract.FIRST_DATA_ROW, LAST)
        assert marked_cells(wb) == {("Sheet1", "J7")}, fmt


def test_read_grids_matches_sheet_names_as_the_reader_does(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", ROWS, sheet_names={"Usulan": " USULAN "})
    data = path.read_bytes()
    [usulan] = read_grids(data, ["Usulan"])
    assert usulan.name == " USULAN "
    header = usulan.header()
    assert header is not None
    assert (header.row, header.first_data_row) == (contract.HEADER_ROW, contract.FIRST_DATA_ROW)
    assert header.letters == LETTERS
    assert [g.name for g in read_grids(data)] == ["Petunjuk", "Identitas", " USULAN ", "_meta"]
    assert [g.name for g in read_grids(data, ["Identitas", "Tidak Ada", "usulan"])] == [
        "Identitas", " USULAN "]


def test_the_write_layer_reads_submissions_only_through_the_reader() -> None:
    """Only read/ touches calamine; the writers use the `pemetaan_ksd.read` package's API."""
    offending = re.compile(r"calamine|pemetaan_ksd\.read\.")
    found = [f"{p.relative_to(WRITE)}:{n}" for p in sorted(WRITE.rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
             if offending.search(line)]
    assert found == []
