"""Control characters, NUL and right-to-left marks in a submission (issue 14 item 2).

Excel stores ESC as `_x001B_` and the reader decodes it. Every output stays well-formed and keeps
the value: the feedback copy shows each control character of its notes and of `Catatan
Validasi` by its code (`\\u001b`, write/feedback_chars.py) and keeps the submission's own cells
as they were; the consolidated workbook stores them as `_xHHHH_`; the JSON report escapes them.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from conftest import soffice_convert_many
from hostile import build_hostile, excel_stored, visible, xml_parts
from pemetaan_ksd.cli.app import run
from pemetaan_ksd.profile import load_profile
from workbooks import build_submission, good_row

JENIS = "KSDD\x1b[2J Sukarela\x00 _x0041_"  # KSD202 at I7; a literal _x0041_ stays literal
MITRA = "Kota \x07Bel\x9bX\u202eY\u200f"  # KSD402 at J8
OBJEK = "Pengelolaan sampah \x1b[31mbersama\x1f lintas\x7f daerah \u2066isolasi\u2069"
NAMA_OPD = "Dinas \x1b]0;judul\x07Lingkungan \u202eHidup"
JENIS_2 = "\x1b[2JKSDD Wajib\x1b[0m"
FILE_2 = "dinas\x1b[2J.xlsx"


def normalised(text: str) -> str:
    """As the program reads every text: spaces (str.isspace, \\x1f too) collapsed."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Run:
    inbox: Path
    workbook: Path
    copies: Path
    report: Path


@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("kendali")
    inbox = root / "masuk"
    inbox.mkdir()
    units = load_profile(None).perangkat_daerah
    build_hostile(inbox / "dlh.xlsx", [
        good_row(jenis_kerja_sama=JENIS),
        good_row(no=2, calon_mitra=MITRA, kode_wilayah_mitra=None),
        good_row(no=3, objek=OBJEK, calon_mitra="Kabupaten Tapin", kode_wilayah_mitra="63.05"),
    ], identitas={"kode_opd": units[0].kode, "nama_opd": NAMA_OPD})
    build_hostile(inbox / FILE_2, [good_row(jenis_kerja_sama=JENIS_2)],
                  identitas={"kode_opd": units[1].kode, "nama_opd": units[1].nama})
    run_ = Run(inbox, root / "daftar.xlsx", root / "catatan", root / "laporan.json")
    code = run(["gabung", str(inbox), "-o", str(run_.workbook), "--anotasi", str(run_.copies),
                "--laporan", str(run_.report)])
    assert code == 1
    return run_


def _grid(path: Path, sheet: str) -> Sequence[Sequence[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python(
        skip_empty_area=False)


def _texts(grid: Sequence[Sequence[object]]) -> set[str]:
    return {v for row in grid for v in row if isinstance(v, str)}


# --- the feedback copy ---------------------------------------------------------------------


def test_every_feedback_copy_is_well_formed_and_opens(done: Run) -> None:
    copies = sorted(done.copies.glob("*.catatan.xlsx"))
    assert [p.name for p in copies] == ["dinas\x1b[2J.catatan.xlsx", "dlh.catatan.xlsx"]
    for path in copies:
        assert list(xml_parts(path))
        load_workbook(path)


def test_notes_show_each_control_character_by_its_code(done: Run) -> None:
    wb = load_workbook(done.copies / "dlh.catatan.xlsx")
    notes = {c.coordinate: c.comment.text for row in wb["Usulan"].iter_rows() for c in row
             if c.comment is not None}
    assert f'"{excel_stored(visible(normalised(JENIS)))}" bukan pilihan' in notes["I7"]
    assert "\\u001b[2J" in notes["I7"] and "\\u0000" in notes["I7"]
    assert visible(MITRA) in notes["J8"] and "\\u202e" in notes["J8"]
    wb2 = load_workbook(done.copies / "dinas\x1b[2J.catatan.xlsx")
    assert visible(JENIS_2) in wb2["Usulan"]["I7"].comment.text


def test_catatan_validasi_shows_values_names_and_file_visibly(done: Run) -> None:
    grid = _grid(done.copies / "dlh.catatan.xlsx", "Catatan Validasi")
    texts = _texts(grid)
    assert visible(normalised(JENIS)) in texts  # the value found, as the reader decodes it
    assert visible(normalised(MITRA)) in texts
    assert visible(normalised(NAMA_OPD)) in texts  # the facts: Perangkat Daerah
    assert not any(ch in text for text in texts for ch in "\x1b\x00\x07\u202e")
    named = _texts(_grid(done.copies / "dinas\x1b[2J.catatan.xlsx", "Catatan Validasi"))
    assert visible(FILE_2) in named  # Berkas yang diperiksa


def test_feedback_copy_keeps_the_submissions_own_cells(done: Run) -> None:
    grid = _grid(done.copies / "dlh.catatan.xlsx", "Usulan")
    assert (grid[6][8], grid[7][9], grid[8][7]) == (JENIS, MITRA, OBJEK)


# --- the consolidated workbook and the JSON report -----------------------------------------


def test_consolidated_workbook_is_well_formed_and_keeps_the_values(done: Run) -> None:
    assert list(xml_parts(done.workbook))
    daftar = _texts(_grid(done.workbook, "Daftar Rencana"))
    assert normalised(OBJEK) in daftar  # ESC, US, DEL, bidi isolates: all kept
    assert normalised(JENIS) in _texts(_grid(done.workbook, "Perlu Perbaikan"))
    assert any(text.endswith(FILE_2) for text in _texts(_grid(done.workbook, "Info")))
    wb = load_workbook(done.workbook)  # openpyxl shows Excel's stored form
    stored = {c.value for row in wb["Daftar Rencana"].iter_rows() for c in row
              if c.data_type == "s"}
    assert excel_stored(normalised(OBJEK)) in stored


def test_json_report_escapes_and_keeps_the_values(done: Run) -> None:
    raw = done.report.read_text(encoding="utf-8")
    assert not any(ch in raw for ch in "\x1b\x00\x07\x1f")
    data = json.loads(raw)
    files = {Path(f["path"]).name: f for f in data["files"]}
    values = {f["cell"]: f["value"] for f in files["dlh.xlsx"]["findings"] if f["value"]}
    assert (values["I7"], values["J8"]) == (normalised(JENIS), normalised(MITRA))
    assert files["dlh.xlsx"]["nama_opd"] == normalised(NAMA_OPD)
    assert FILE_2 in files


# --- LibreOffice: the rebuilt copy of an .xls, and opening every copy ------------------------


@pytest.mark.soffice
def test_rebuilt_copy_of_an_xls_keeps_the_values_and_libreoffice_opens_the_copies(
        done: Run, tmp_path: Path) -> None:
    [xls] = soffice_convert_many([done.inbox / "dlh.xlsx"], tmp_path / "xls", "xls")
    read = _grid(xls, "Usulan")
    assert read[6][8] == JENIS  # LibreOffice kept the characters in the .xls
    copies = tmp_path / "catatan"
    assert run(["validasi", str(xls), "--anotasi", str(copies)]) == 1
    rebuilt = copies / "dlh.catatan.xlsx"
    assert list(xml_parts(rebuilt))
    load_workbook(rebuilt)
    again = _grid(rebuilt, "Usulan")
    assert (again[6][8], again[7][9], again[8][7]) == (read[6][8], read[7][9], read[8][7])
    other = tmp_path / "dari_xlsx.catatan.xlsx"  # another name: one folder takes both .ods
    shutil.copyfile(done.copies / "dlh.catatan.xlsx", other)
    opened = soffice_convert_many([rebuilt, other], tmp_path / "ods", "ods")
    for path in opened:
        assert _grid(path, "Catatan Validasi"), path
        assert visible(normalised(JENIS)) in _texts(_grid(path, "Catatan Validasi"))


# --- what no XML can hold at all -----------------------------------------------------------


def test_noncharacters_keep_the_consolidated_workbook_well_formed(tmp_path: Path) -> None:
    """U+FFFF reaches the reader from a .xls (UTF-16) or from sheet XML that calamine reads
    leniently (openpyxl writes it raw, as here)."""
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    build_submission(inbox / "dlh.xlsx", [good_row(keterangan="a\uffffb\ufffec")])
    assert _grid(inbox / "dlh.xlsx", "Usulan")[6][33] == "a\uffffb\ufffec"
    workbook, copies = tmp_path / "daftar.xlsx", tmp_path / "catatan"
    assert run(["gabung", str(inbox), "-o", str(workbook), "--anotasi", str(copies)]) == 0
    assert list(xml_parts(copies / "dlh.catatan.xlsx"))  # the copy holds: rebuilt, _xFFFF_
    assert list(xml_parts(workbook))
    # No XML holds them, not even as _xFFFF_: the workbook writes the replacement character.
    assert "a\ufffdb\ufffdc" in _texts(_grid(workbook, "Daftar Rencana"))
