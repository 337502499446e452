"""The real-client corpus (tests/corpus.py): the OPD's template filled and altered as clerks
alter it, read as the original openpyxl .xlsx and as LibreOffice Calc saves it (.xlsx, .ods,
.xls), gives in every format the findings each case declares, at its cells, on its rows.

The LibreOffice saves are built once and cached (corpus.cache_root()); without a cache and
without LibreOffice the three LibreOffice formats are skipped (a failure when CI is set), the
originals are still read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import corpus
from conftest import SOFFICE, _require_soffice, soffice_convert_formats
from pemetaan_ksd.model import FileResult
from pemetaan_ksd.read import read_submission
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.feedback import build_feedback
from workbooks import marked_cells

Files = dict[str, dict[str, Path]]


@pytest.fixture(scope="session")
def corpus_files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    """{case: {format: path}}; LibreOffice's formats missing when they cannot be made."""
    found = corpus.corpus_files(soffice_convert_formats if SOFFICE else None)
    if found is not None:
        return found
    folder = tmp_path_factory.mktemp("korpus")
    originals = corpus.build_originals(folder)
    return {name: {"openpyxl": path} for name, path in zip(corpus.CASES, originals, strict=True)}


def _file(files: Files, name: str, fmt: str) -> Path:
    if fmt not in files[name]:
        _require_soffice()  # absent and nothing cached: skipped, or a failure under CI
    return files[name][fmt]


def _checked(path: Path) -> FileResult:
    [result] = validate([path], corpus.PROFIL).files
    return result


def _key(found: corpus.Found) -> tuple[str, str, str]:
    code, sheet, cell = found
    return code, sheet or "", cell or ""


CASES = list(corpus.CASES)


@pytest.mark.parametrize("fmt", corpus.ALL_FORMATS)
@pytest.mark.parametrize("name", CASES)
def test_each_case_gives_its_findings_rows_and_values_in_every_format(
        corpus_files: Files, name: str, fmt: str) -> None:
    case = corpus.CASES[name]
    result = _checked(_file(corpus_files, name, fmt))
    found = [(f.code, f.sheet, f.cell) for f in result.findings]
    assert sorted(found, key=_key) == sorted(case.found, key=_key)
    assert tuple(r.excel_row for r in result.rows) == case.rows
    by_row = {r.excel_row: r.usulan for r in result.rows}
    read = {(row, attr): getattr(by_row[row], attr) for row, attr in case.values}
    assert read == dict(case.values)


# The feedback copy of a file names the same cells as the report: for the cases that move the
# cells the copy must find (rows and columns moved, merges, a renamed sheet), in every format.
MARKED = ["gabung_judul", "baris_disisipkan", "baris_dihapus", "kolom_dipindah", "nama_lembar"]


@pytest.mark.parametrize("fmt", corpus.ALL_FORMATS)
@pytest.mark.parametrize("name", MARKED)
def test_the_feedback_copy_marks_the_cells_the_report_names(corpus_files: Files, name: str,
                                                            fmt: str) -> None:
    report = validate([_file(corpus_files, name, fmt)], corpus.PROFIL)
    [result] = report.files
    # An .xlsx copy keeps the submission's own sheet names; an .ods/.xls one is rebuilt on the
    # template, whose sheet is `Usulan`.
    sheet = corpus.CASES[name].sheet if fmt in ("openpyxl", "xlsx") else "Usulan"
    cells = {(sheet if f.sheet == "Usulan" else f.sheet, f.cell) for f in result.findings
             if f.cell is not None}
    assert cells and marked_cells(build_feedback(result, report, corpus.PROFIL)) == cells


# --- the corpus is what it says ---------------------------------------------------------------


def _xml(path: Path, part: Callable[[corpus.Parts], str]) -> bytes:
    parts = corpus.read_parts(path)
    return parts[part(parts)]


def _usulan_xml(path: Path, sheet: str = "Usulan") -> bytes:
    return _xml(path, lambda parts: corpus.sheet_part(parts, sheet))


@pytest.mark.parametrize("fmt", ["openpyxl", "xlsx"])
def test_the_xlsx_files_hold_what_the_cases_are_about(corpus_files: Files, fmt: str) -> None:
    shared = _xml(_file(corpus_files, "teks_bersama", fmt), lambda _: "xl/sharedStrings.xml")
    assert b"<r><" in shared  # formatted runs; LibreOffice drops the phonetic hint (<rPh>)
    assert (b"<rPh" in shared) is (fmt == "openpyxl")
    formulas = _usulan_xml(_file(corpus_files, "rumus_bersama", fmt))
    assert formulas.count(b't="shared"') == 9 and b't="e"' in formulas
    assert b"<dimension ref=\"A1\"/>" in _usulan_xml(_file(corpus_files, "dimensi_salah", fmt))
    assert b"<dimension" not in _usulan_xml(_file(corpus_files, "dimensi_hilang", fmt))
    hidden = _usulan_xml(_file(corpus_files, "tersembunyi", fmt))
    assert b'hidden="1"' in hidden or b'hidden="true"' in hidden
    with zipfile.ZipFile(_file(corpus_files, "nama_lembar", fmt)) as archive:
        assert b'name=" usulan "' in archive.read("xl/workbook.xml")


@pytest.mark.parametrize("fmt", corpus.ALL_FORMATS)
def test_sheet_names_survive_each_format(corpus_files: Files, fmt: str) -> None:
    names = read_submission(_file(corpus_files, "nama_lembar", fmt)).sheet_names
    assert " usulan " in names and "IDENTITAS" in names
    extra = read_submission(_file(corpus_files, "lembar_tambahan", fmt)).sheet_names
    assert extra[:4] == ["Petunjuk", "Identitas", "Lampiran Data", "Usulan"]
