"""Feedback copies (`--anotasi DIR`): marks at exactly the finding cells, the `Catatan Validasi`
sheet, dropdowns back, inputs untouched, .xls/.ods rebuilt, unreadable files, name clashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from conftest import ConvertFormats
from pemetaan_ksd import api, contract
from pemetaan_ksd.contract import SHEET_CATATAN
from pemetaan_ksd.model import FileResult, Finding, Severity
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.report import Report
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.feedback import feedback_paths, write_feedback_copies
from pemetaan_ksd.write.feedback_marks import mark_findings
from pemetaan_ksd.write.feedback_text import NOTE_AUTHOR, verdict
from pemetaan_ksd.write.template import build_template, template_column_letters
from workbooks import build_submission, good_row

PROFIL = load_profile(None)
LETTERS = template_column_letters()
RED, YELLOW, BLUE = "FFC7CE", "FFEB9C", "DDEBF7"
LIST_NAMES = {c.list_name for c in contract.COLUMNS if c.list_name}
FORMULA_TEXT = '=HYPERLINK("http://contoh.test")'

# Row 8: KSD401 J8, KSD405 U8; row 9: KSD410 A9 (info), KSD202 I9, KSD203 AC9;
# row 10: KSD305 E10, KSD206 O10, KSD204 Y10.
MISTAKES = [
    good_row(),
    good_row(calon_mitra="Kota Balikpapan", kode_wilayah_mitra=None,
             jenis_kerja_sama="KSDD Wajib", manfaat_mitra="-"),
    good_row(jenis_kerja_sama="KSDD Sukarelaa", anggaran="satu setengah miliar", membebani="Ya"),
    good_row(kode_kegiatan="2.11.11.1.01", potensi="ada", tahun_mulai=2028, tahun_selesai=2026),
]
MISTAKE_CELLS = {
    ("Usulan", "J8"): RED, ("Usulan", "U8"): RED, ("Usulan", "A9"): BLUE,
    ("Usulan", "I9"): RED, ("Usulan", "AC9"): RED, ("Usulan", "E10"): RED,
    ("Usulan", "O10"): RED, ("Usulan", "Y10"): RED,
}


# --- helpers ----------------------------------------------------------------------------------


def check(*paths: Path) -> Report:
    return validate(list(paths), PROFIL)


def copies(report: Report, out: Path) -> list[Path]:
    return write_feedback_copies(report, out, PROFIL)


def set_text(path: Path, sheet: str, cell: str, value: str) -> Path:
    """Write `value` as a text cell (also when it starts with "=") into an existing workbook."""
    wb = openpyxl.load_workbook(path)
    target = wb[sheet][cell]
    target.value = value
    target.data_type = "s"
    wb.save(path)
    return path


def template_submission(path: Path, rows: Sequence[dict[str, object]]) -> Path:
    """The OPD's real template (protected, dropdowns), filled as a clerk fills it."""
    opd = PROFIL.opd("2.11.0.00.0.00.01.0000")
    wb = build_template(PROFIL, opd, dt.datetime(2025, 1, 2, 8, 0, tzinfo=dt.UTC))
    ws = wb[contract.SHEET_USULAN]
    for index, row in enumerate(rows):
        for key, value in row.items():
            cell = ws[f"{LETTERS[key]}{contract.FIRST_DATA_ROW + index}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    wb.save(path)
    return path


def fill_rgb(cell: Any) -> str:
    colour = cell.fill.fgColor
    rgb = colour.rgb if cell.fill.fill_type == "solid" and colour.type == "rgb" else ""
    return rgb[-6:].upper() if isinstance(rgb, str) else ""


def marks(path: Path) -> dict[tuple[str, str], str]:
    """(sheet, cell) -> fill colour, for every cell carrying a note of this program."""
    wb = openpyxl.load_workbook(path)
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.comment is not None:
                    assert cell.comment.author == NOTE_AUTHOR
                    found[(ws.title, cell.coordinate)] = fill_rgb(cell)
    return found


def finding_cells(fr: FileResult) -> set[tuple[str, str]]:
    return {(f.sheet or "Usulan", f.cell) for f in fr.findings if f.cell is not None}


def findings_sheet_rows(path: Path) -> list[tuple[Any, ...]]:
    """(Sel, link location or None, Kode, Tingkat) of each row of the findings table."""
    ws = openpyxl.load_workbook(path)[SHEET_CATATAN]
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "No")
    out = []
    for row in range(header + 1, ws.max_row + 1):
        link = ws.cell(row, 2).hyperlink
        out.append((ws.cell(row, 2).value, link.location if link is not None else None,
                    ws.cell(row, 6).value, ws.cell(row, 5).value))
    return out


def note_boxes(path: Path) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, column) 0-based -> (width, height) in pixels of each note box (openpyxl reads
    notes back at a default size, so the sizes are taken from the VML drawing itself)."""
    shape = re.compile(r"width:(\d+)px;height:(\d+)px.*?<[\w:]*Row>(\d+)</[\w:]*Row>"
                       r"<[\w:]*Column>(\d+)</", re.S)
    boxes = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".vml"):
                for w, h, row, col in shape.findall(archive.read(name).decode()):
                    boxes[(int(row), int(col))] = (int(w), int(h))
    return boxes


def column_a(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path)[SHEET_CATATAN]
    return [str(ws.cell(r, 1).value) for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value]


def list_dropdowns(ws: Worksheet) -> dict[str, str]:
    """range -> defined name, for the list validations of a sheet."""
    return {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation
            if dv.type == "list"}


def expected_dropdowns(first: int, last: int) -> dict[str, str]:
    return {f"{LETTERS[c.key]}{first}:{LETTERS[c.key]}{last}": c.list_name
            for c in contract.COLUMNS if c.list_name}


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def codes_at_cells(report: Report, skip: Sequence[str] = ()) -> list[tuple[str, str | None]]:
    return [(f.code, f.cell) for f in report.files[0].findings if f.code not in skip]


# --- the copy of an .xlsx -----------------------------------------------------------------------


def folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def dlh(tmp_path: Path) -> Path:
    """A submission with eight findings (MISTAKES) and "=1+1" typed as text in AH7."""
    path = build_submission(folder(tmp_path / "masuk") / "dlh.xlsx", MISTAKES)
    return set_text(path, "Usulan", "AH7", "=1+1")


def test_copy_marks_exactly_the_finding_cells(dlh: Path, tmp_path: Path) -> None:
    report = check(dlh)
    [copy] = copies(report, tmp_path / "catatan")
    assert copy == tmp_path / "catatan" / "dlh.catatan.xlsx"
    wb = openpyxl.load_workbook(copy)
    assert wb.sheetnames[0] == SHEET_CATATAN
    assert wb.active is not None and wb.active.title == SHEET_CATATAN
    assert marks(copy) == MISTAKE_CELLS
    assert set(MISTAKE_CELLS) == finding_cells(report.files[0])


def test_note_holds_the_message_and_is_readable(dlh: Path, tmp_path: Path) -> None:
    report = check(dlh)
    [copy] = copies(report, tmp_path / "catatan")
    note = openpyxl.load_workbook(copy)["Usulan"]["J8"].comment
    message = next(f.message for f in report.files[0].findings if f.cell == "J8")
    assert note is not None and note.text == f"Wajib diperbaiki:\n{message}"
    width, height = note_boxes(copy)[(7, 9)]  # J8, 0-based as VML counts
    assert width >= 300 and height >= 15 * (len(note.text) // 50 + 2)


def test_catatan_lists_every_finding_with_a_link_to_its_cell(dlh: Path, tmp_path: Path) -> None:
    [copy] = copies(check(dlh), tmp_path / "catatan")
    assert findings_sheet_rows(copy) == [
        ("Usulan!J8", "'Usulan'!J8", "KSD401", "Wajib diperbaiki"),
        ("Usulan!U8", "'Usulan'!U8", "KSD405", "Wajib diperbaiki"),
        ("Usulan!A9", "'Usulan'!A9", "KSD410", "Untuk diketahui"),
        ("Usulan!I9", "'Usulan'!I9", "KSD202", "Wajib diperbaiki"),
        ("Usulan!AC9", "'Usulan'!AC9", "KSD203", "Wajib diperbaiki"),
        ("Usulan!E10", "'Usulan'!E10", "KSD305", "Wajib diperbaiki"),
        ("Usulan!O10", "'Usulan'!O10", "KSD206", "Wajib diperbaiki"),
        ("Usulan!Y10", "'Usulan'!Y10", "KSD204", "Wajib diperbaiki"),
    ]


def test_catatan_head_says_the_verdict_in_plain_words(dlh: Path, tmp_path: Path) -> None:
    [copy] = copies(check(dlh), tmp_path / "catatan")
    lines = column_a(copy)
    assert ("Usulan Dinas Lingkungan Hidup belum dapat diterima: 7 isian perlu diperbaiki "
            "(sel berwarna merah). Perbaiki, simpan, lalu kirim ulang berkas ini.") in lines
    assert ("1 dari 4 usulan sudah dapat diterima; 3 usulan (baris 8, 9 dan 10 lembar Usulan) "
            "perlu diperbaiki dan dikirim ulang.") in lines
    assert any(line.startswith("Setelah diperbaiki, simpan berkas ini sebagai .xlsx dengan nama "
                               "semula, misalnya dlh.xlsx") for line in lines)
    ws = openpyxl.load_workbook(copy)[SHEET_CATATAN]
    facts = {ws.cell(r, 1).value: ws.cell(r, 3).value for r in range(1, 12)}
    assert facts["Perangkat Daerah"] == "Dinas Lingkungan Hidup"
    assert facts["Berkas yang diperiksa"] == "dlh.xlsx"
    assert "Kepmendagri 900.1.15.5-1317/2023" in str(facts["Diperiksa dengan"])
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows is not None


def test_dropdowns_present_even_when_the_input_had_none(dlh: Path, tmp_path: Path) -> None:
    assert list_dropdowns(openpyxl.load_workbook(dlh)["Usulan"]) == {}
    [copy] = copies(check(dlh), tmp_path / "catatan")
    wb = openpyxl.load_workbook(copy)
    first, last = 7, 7 + contract.PREPARED_ROWS - 1
    assert list_dropdowns(wb["Usulan"]) == expected_dropdowns(first, last)
    assert set(wb.defined_names) >= LIST_NAMES
    assert wb["Referensi"].sheet_state == "hidden"


def test_input_is_never_touched(dlh: Path, tmp_path: Path) -> None:
    before = fingerprint(dlh)
    copies(check(dlh), tmp_path / "catatan")
    assert fingerprint(dlh) == before
    assert sorted(p.name for p in dlh.parent.iterdir()) == ["dlh.xlsx"]


def test_data_kept_and_text_never_becomes_a_formula(dlh: Path, tmp_path: Path) -> None:
    set_text(dlh, "Usulan", "I7", FORMULA_TEXT)  # KSD202 quotes it
    report = check(dlh)
    [copy] = copies(report, tmp_path / "catatan")
    usulan = openpyxl.load_workbook(copy)["Usulan"]
    for ref in ("AH7", "I7"):
        assert usulan[ref].data_type == "s"
    assert (usulan["AH7"].value, usulan["I7"].value) == ("=1+1", FORMULA_TEXT)
    ws = openpyxl.load_workbook(copy)[SHEET_CATATAN]
    quoted = [c for row in ws.iter_rows() for c in row if c.value == FORMULA_TEXT]
    assert quoted and all(c.data_type == "s" for c in quoted)
    # the copy, checked again, gives the same findings at the same cells: nothing moved
    assert codes_at_cells(check(copy)) == codes_at_cells(report)


def test_template_submission_keeps_protection_and_unlocked_data_cells(tmp_path: Path) -> None:
    path = template_submission(tmp_path / "dlh.xlsx", MISTAKES)
    [copy] = copies(check(path), tmp_path / "catatan")
    wb = openpyxl.load_workbook(copy)
    usulan = wb["Usulan"]
    assert usulan.protection.sheet
    assert not usulan["J8"].protection.locked and fill_rgb(usulan["J8"]) == RED
    assert usulan.freeze_panes == "C7"
    assert list_dropdowns(usulan) == expected_dropdowns(7, 156)
    assert marks(copy) == MISTAKE_CELLS


def test_hidden_row_with_a_finding_is_shown(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "dlh.xlsx", MISTAKES[:2], hidden_rows={1})
    assert openpyxl.load_workbook(path)["Usulan"].row_dimensions[8].hidden
    [copy] = copies(check(path), tmp_path / "catatan")
    assert not openpyxl.load_workbook(copy)["Usulan"].row_dimensions[8].hidden


def test_valid_file_verdict_and_info_colour(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "dlh.xlsx", [good_row(membebani="Ya")])
    [copy] = copies(check(path), tmp_path / "catatan")
    assert "Semua usulan dapat diterima. 1 catatan (sel berwarna biru) untuk diketahui." in (
        column_a(copy))
    assert marks(copy) == {("Usulan", "A7"): BLUE}
    assert any(line.startswith("Berkas ini tidak perlu dikirim ulang.") for line in column_a(copy))


def test_file_level_findings_come_first_without_a_link(tmp_path: Path) -> None:
    keys = [c.key for c in contract.COLUMNS if c.key != "potensi"]
    path = build_submission(tmp_path / "a.xlsx", [good_row()], column_order=keys,
                            identitas={"nama_opd": None}, meta={"template_version": "0"})
    report = check(path)
    [copy] = copies(report, tmp_path / "catatan")
    assert findings_sheet_rows(copy) == [
        ("Lembar Usulan", None, "KSD103", "Wajib diperbaiki"),
        ("Seluruh berkas", None, "KSD104", "Perlu diperiksa"),
        ("Identitas!B5", "'Identitas'!B5", "KSD105", "Wajib diperbaiki"),
    ]
    assert marks(copy) == {("Identitas", "B5"): RED}
    # the OPD's name comes from the profile when the file leaves it empty
    assert any(line.startswith("Usulan Dinas Lingkungan Hidup belum dapat diterima: 2 isian")
               for line in column_a(copy))


def test_copy_sent_back_is_cleared_of_old_marks(dlh: Path, tmp_path: Path) -> None:
    [copy] = copies(check(dlh), tmp_path / "catatan")
    fixed = tmp_path / "kembali" / "dlh.catatan.xlsx"
    fixed.parent.mkdir()
    wb = openpyxl.load_workbook(copy)
    wb["Usulan"]["J8"].value = "Kota Banjarbaru"  # KSD401 fixed, the cell still red
    wb["Usulan"]["K8"].value = "63.72"
    wb.save(fixed)
    [again] = copies(check(fixed), tmp_path / "catatan2")
    assert again.name == "dlh.catatan.xlsx"
    expected = {k: v for k, v in MISTAKE_CELLS.items() if k != ("Usulan", "J8")}
    assert marks(again) == expected
    wb = openpyxl.load_workbook(again)
    assert fill_rgb(wb["Usulan"]["J8"]) == ""
    assert [n for n in wb.sheetnames if n == SHEET_CATATAN] == [SHEET_CATATAN]
    assert wb.sheetnames[0] == SHEET_CATATAN


# --- marks, unit ---------------------------------------------------------------------------------


def _finding(code: str, severity: Severity, cell: str, message: str) -> Finding:
    return Finding(code, severity, message, sheet="Usulan", cell=cell)


def test_several_findings_one_note_filled_by_the_worst() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = "Usulan"
    ws.merge_cells("B2:C3")
    found = [
        _finding("KSD410", Severity.INFO, "D4", "Perlu persetujuan DPRD."),
        _finding("KSD307", Severity.PERINGATAN, "D4", "Nama berbeda."),
        _finding("KSD202", Severity.GALAT, "D4", "Bukan pilihan."),
        _finding("KSD307", Severity.PERINGATAN, "E4", "Nama berbeda."),
        _finding("KSD410", Severity.INFO, "E4", "Perlu persetujuan DPRD."),
        _finding("KSD201", Severity.GALAT, "C3", "Kosong."),
    ]
    targets = mark_findings(wb, found)
    assert [t.cell if t else None for t in targets] == ["D4", "D4", "D4", "E4", "E4", "B2"]
    d4, e4, b2 = ws["D4"], ws["E4"], ws["B2"]
    assert isinstance(d4, Cell) and isinstance(e4, Cell) and isinstance(b2, Cell)
    assert (fill_rgb(d4), fill_rgb(e4), fill_rgb(b2)) == (RED, YELLOW, RED)
    assert d4.comment is not None and d4.comment.text == (
        "1. Wajib diperbaiki: Bukan pilihan.\n\n2. Perlu diperiksa: Nama berbeda.\n\n"
        "3. Untuk diketahui: Perlu persetujuan DPRD.")


def test_verdict_words_for_a_valid_file_without_findings(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "dlh.xlsx", [good_row()])
    fr = check(path).files[0]
    assert verdict(fr, "Dinas Lingkungan Hidup").sentence == (
        "Semua usulan dapat diterima. Tidak ada catatan.")


# --- unreadable inputs, names, the API -----------------------------------------------------------


def test_unreadable_input_gets_a_notes_only_copy(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"PK\x03\x04 terpotong saat dikirim")
    before = fingerprint(bad)
    report = check(bad)
    [copy] = copies(report, tmp_path / "catatan")
    wb = openpyxl.load_workbook(copy)
    assert wb.sheetnames == [SHEET_CATATAN]
    assert findings_sheet_rows(copy) == [("Seluruh berkas", None, "KSD101", "Wajib diperbaiki")]
    message = report.files[0].findings[0].message
    ws = wb[SHEET_CATATAN]
    assert message in [c.value for row in ws.iter_rows() for c in row]
    assert any(line.startswith("Berkas ini belum dapat diperiksa") for line in column_a(copy))
    assert fingerprint(bad) == before


def test_names_never_clash_nor_hit_an_input(tmp_path: Path) -> None:
    out = folder(tmp_path / "catatan")
    a = build_submission(folder(tmp_path / "a") / "dlh.xlsx", [good_row()])
    b = build_submission(folder(tmp_path / "b") / "DLH.xlsx", [good_row()])
    sent_back = build_submission(out / "dlh.catatan.xlsx", [good_row()])
    before = fingerprint(sent_back)
    report = check(a, b, sent_back)
    names = [p.name for p in feedback_paths(report.files, out)]
    assert names == ["dlh_2.catatan.xlsx", "DLH_3.catatan.xlsx", "dlh_4.catatan.xlsx"]
    assert [p.name for p in copies(report, out)] == names
    assert fingerprint(sent_back) == before
    assert all(openpyxl.load_workbook(out / n).sheetnames[0] == SHEET_CATATAN for n in names)


def test_api_validate_writes_the_copies(dlh: Path, tmp_path: Path) -> None:
    run = api.validate([dlh], PROFIL, feedback_dir=tmp_path / "catatan")
    assert run.feedback == [tmp_path / "catatan" / "dlh.catatan.xlsx"]
    assert run.exit_code == 1


# --- .ods and .xls: rebuilt on the template ---------------------------------------------------


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory, soffice_formats: ConvertFormats
              ) -> dict[str, list[Path]]:
    """LibreOffice's .xlsx, .ods and .xls of: a build_submission file (Identitas from row 3,
    not the template's layout), the real template filled in, and a file with an extra column
    (the Usulan columns shifted)."""
    src = tmp_path_factory.mktemp("sumber")
    plain = set_text(build_submission(src / "dlh.xlsx", MISTAKES), "Usulan", "AH7", "=1+1")
    filled = template_submission(src / "templat.xlsx", MISTAKES)
    shifted = build_submission(src / "geser.xlsx", MISTAKES, extra_columns={3: "Catatan OPD"})
    return soffice_formats([plain, filled, shifted], tmp_path_factory.mktemp("lo"))


@pytest.mark.soffice
@pytest.mark.parametrize("fmt", ["ods", "xls", "xlsx"])
def test_libreoffice_files_get_marks_at_the_same_cells(
        converted: dict[str, list[Path]], fmt: str, tmp_path: Path) -> None:
    for source in converted[fmt]:
        before = fingerprint(source)
        report = check(source)
        [copy] = copies(report, tmp_path / source.stem)
        assert fingerprint(source) == before
        assert set(marks(copy)) == finding_cells(report.files[0]), source.name
        if source.stem != "geser":
            assert marks(copy) == MISTAKE_CELLS
        wb = openpyxl.load_workbook(copy)
        assert wb.sheetnames[0] == SHEET_CATATAN
        assert list_dropdowns(wb["Usulan"]), source.name
        rebuilt = any("disusun ulang" in line for line in column_a(copy))
        assert rebuilt == (fmt != "xlsx"), source.name
        # checked again, the copy gives the same findings at the same cells
        assert codes_at_cells(check(copy), ["KSD104"]) == codes_at_cells(report, ["KSD104"])


@pytest.mark.soffice
def test_rebuilt_copy_keeps_text_and_template_layout(
        converted: dict[str, list[Path]], tmp_path: Path) -> None:
    plain, filled, shifted = converted["ods"]
    [copy] = copies(check(plain), tmp_path / "a")
    wb = openpyxl.load_workbook(copy)
    assert wb["Usulan"]["AH7"].value == "=1+1" and wb["Usulan"]["AH7"].data_type == "s"
    assert wb["Usulan"]["J8"].value == "Kota Balikpapan"
    assert wb["Identitas"]["B5"].value == "Dinas Lingkungan Hidup"  # at its own position
    assert wb["Usulan"].protection.sheet  # the template's Usulan: same layout as the file
    [copy] = copies(check(filled), tmp_path / "b")
    wb = openpyxl.load_workbook(copy)
    assert wb["Identitas"].protection.sheet and wb["Identitas"]["B6"].value == (
        "Dinas Lingkungan Hidup")
    assert list_dropdowns(wb["Usulan"]) == expected_dropdowns(7, 156)
    [copy] = copies(check(shifted), tmp_path / "c")
    wb = openpyxl.load_workbook(copy)
    assert wb["Usulan"]["C5"].value == "Catatan OPD" and wb["Usulan"]["K8"].value == (
        "Kota Balikpapan")
    letters = {k: openpyxl.utils.get_column_letter(openpyxl.utils.column_index_from_string(v)
                                                   + (1 if v not in ("A", "B") else 0))
               for k, v in LETTERS.items()}
    assert list_dropdowns(wb["Usulan"]) == {
        f"{letters[c.key]}7:{letters[c.key]}156": c.list_name
        for c in contract.COLUMNS if c.list_name}
