"""KSD109-KSD114 on files saved by LibreOffice as .xlsx, .ods and .xls: the same (code, cell)
pairs as the openpyxl original, and feedback copies marked at exactly those cells.

calamine 0.9.1 gives merged ranges for .xlsx and .xls but none for .ods; the reader takes them
from the .ods `content.xml` (table:number-rows-spanned / number-columns-spanned), by its byte
scan and by its full parse alike.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import ConvertFormats
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.read import read_submission, scan_ods
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.feedback import build_feedback
from workbooks import build_submission, marked_cells, usulan_rows

PROFIL = load_profile(None)
FORMATS = ("xlsx", "ods", "xls")

SIGNATURE = {"F12": "Martapura, 14 Februari 2025", "F13": "Kepala Dinas Lingkungan Hidup",
             "AL14": "ttd", "F16": "Ir. H. Ahmad Rizani, M.T.",
             "F17": "NIP. 19700101 199503 1 001"}


def _with_mistake(count: int) -> list[dict[str, object]]:
    rows = usulan_rows(count)
    rows[-1]["jenis_kerja_sama"] = "KSDD Sukarelaa"
    return rows


# name: (build_submission keywords, with the rows under "rows"; the findings expected)
SOURCES: dict[str, tuple[dict[str, Any], list[tuple[str, str | None, str | None]]]] = {
    "tanda_tangan": (
        {"rows": usulan_rows(3), "usulan_cells": SIGNATURE},
        [("KSD109", "Usulan", "F12"), ("KSD109", "Usulan", "F13"),
         ("KSD109", "Usulan", "AL14"), ("KSD109", "Usulan", "F16"),
         ("KSD109", "Usulan", "F17")]),
    "gabung": (
        {"rows": _with_mistake(4), "merged": ["B7:B9", "H8:J8", "A7:A8"]},
        [("KSD114", "Usulan", "A7"), ("KSD114", "Usulan", "B7"), ("KSD114", "Usulan", "H8"),
         ("KSD201", "Usulan", "H8"), ("KSD201", "Usulan", "H8"),
         ("KSD202", "Usulan", "I10")]),
    "salinan_saja": (
        {"rows": [], "extra_sheets": {"Usulan (2)": usulan_rows(3)}},
        [("KSD110", "Usulan (2)", None)]),
    "salinan_dan_usulan": (
        {"rows": _with_mistake(2), "extra_sheets": {"Usulan (2)": usulan_rows(1)}},
        [("KSD110", "Usulan (2)", None), ("KSD202", "Usulan", "I8")]),
    "ganti_nama": (
        {"rows": _with_mistake(3), "sheet_names": {"Usulan": "Usulan KSD"}},
        [("KSD111", "Usulan KSD", None), ("KSD202", "Usulan KSD", "I9")]),
    "kolom": (
        {"rows": usulan_rows(2), "extra_columns": {35: "Paraf", 36: "Calon Mitra"}},
        [("KSD112", "Usulan", None), ("KSD113", "Usulan", None)]),
}


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory, soffice_formats: ConvertFormats
          ) -> dict[str, dict[str, Path]]:
    """{source name: {"openpyxl" | fmt: path}}, one soffice call per format."""
    folder = tmp_path_factory.mktemp("asli")
    originals = {}
    for name, (options, _) in SOURCES.items():
        kwargs = dict(options)
        rows = kwargs.pop("rows")
        originals[name] = build_submission(folder / f"{name}.xlsx", rows, **kwargs)
    converted = soffice_formats(list(originals.values()), tmp_path_factory.mktemp("lo"))
    return {name: {"openpyxl": path, **{fmt: converted[fmt][i] for fmt in FORMATS}}
            for i, (name, path) in enumerate(originals.items())}


def _found(path: Path) -> list[tuple[str, str | None, str | None]]:
    [fr] = validate([path], PROFIL).files
    return [(f.code, f.sheet, f.cell) for f in fr.findings]


@pytest.mark.soffice
@pytest.mark.parametrize("name", list(SOURCES))
@pytest.mark.parametrize("fmt", ["openpyxl", *FORMATS])
def test_same_pairs_in_every_format(saved: dict[str, dict[str, Path]], name: str,
                                    fmt: str) -> None:
    assert _found(saved[name][fmt]) == SOURCES[name][1]


@pytest.mark.soffice
@pytest.mark.parametrize("name", ["tanda_tangan", "gabung", "ganti_nama"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_feedback_copy_marks_the_cells_of_the_findings(saved: dict[str, dict[str, Path]],
                                                       name: str, fmt: str) -> None:
    report = validate([saved[name][fmt]], PROFIL)
    [fr] = report.files
    cells = {(f.sheet, f.cell) for f in fr.findings if f.cell is not None}
    assert cells and marked_cells(build_feedback(fr, report, PROFIL)) == cells


@pytest.mark.soffice
def test_ods_merges_read_by_byte_scan_and_full_parse(saved: dict[str, dict[str, Path]]) -> None:
    with zipfile.ZipFile(saved["gabung"]["ods"]) as archive:
        scans = scan_ods.scan(archive)
        parsed = scan_ods._scan_parsed(archive.read(scan_ods.CONTENT_PART))
    expected = [((6, 0), (7, 0)), ((6, 1), (8, 1)), ((7, 7), (7, 9))]
    assert sorted(scans["Usulan"].merged) == expected
    assert sorted(parsed["Usulan"].merged) == expected
    assert read_submission(saved["gabung"]["ods"]).merged_ranges == read_submission(
        saved["gabung"]["xlsx"]).merged_ranges
