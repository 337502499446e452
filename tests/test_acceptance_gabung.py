"""Issue acceptance: the worked example's consolidated workbook, checked against its inputs.

The example set has 8 files from 7 OPD: some with galat, one OPD twice, one usulan proposed by
two OPD, usulan spanning several years and one outside 2025, and text starting with "=".
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook

from pemetaan_ksd import api
from pemetaan_ksd.contract import FIRST_DATA_ROW, SHEET_USULAN
from pemetaan_ksd.demo.run import DEMO_CLOCK, MASUK, PROFIL, daftar_name
from pemetaan_ksd.profile import load_profile

HEADER_ROW = 5  # of every sheet of the consolidated workbook
PRIORITY = {"Tinggi": 0, "Sedang": 1, "Rendah": 2}


def _independent_row_count(path: Path) -> int:
    """Data rows counted straight from the file, without the program's reader."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SHEET_USULAN).to_python(
        skip_empty_area=False)
    return sum(1 for row in rows[FIRST_DATA_ROW - 1:] if any(v != "" for v in row[1:]))


def _table(ws: Worksheet) -> list[dict[str, Any]]:
    headers = [str(c.value) for c in ws[HEADER_ROW]]
    out = []
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if not isinstance(row[0], int):
            continue  # the totals row
        out.append(dict(zip(headers, row, strict=False)))
    return out


@pytest.fixture(scope="module")
def book(demo_folder: Path) -> dict[str, Worksheet]:
    workbook = load_workbook(demo_folder / daftar_name(2025))
    return {ws.title: ws for ws in workbook.worksheets}


def test_every_input_row_is_accounted_for(demo_folder: Path, book: dict[str, Worksheet]) -> None:
    read = sum(_independent_row_count(p) for p in sorted((demo_folder / MASUK).iterdir()))
    info: dict[Any, Any] = {r[0]: r[2] for r in book["Info"].iter_rows(values_only=True) if r[0]}
    daftar = _table(book["Daftar Rencana"])
    assert read == 20 == info["Baris dibaca"]
    assert len(daftar) == info["Masuk Daftar Rencana 2025"] == 9
    outside = info["Diterima, tetapi jangka waktunya di luar tahun 2025"]
    rejected = info["Ditolak (lihat lembar Perlu Perbaikan)"]
    replaced = info["Baris berkas yang diganti kiriman lebih baru"]
    not_usulan = info["Baris bukan usulan, disisihkan (KSD109)"]
    assert (outside, rejected, replaced, not_usulan) == (1, 9, 1, 0)
    assert len(daftar) + outside + rejected + replaced + not_usulan == read


def test_daftar_order(book: dict[str, Worksheet]) -> None:
    daftar = _table(book["Daftar Rencana"])
    keys = [(r["Kode Bidang Urusan"], r["Kode Program"], r["Kode Kegiatan"],
             PRIORITY[str(r["Skala Prioritas"])], r["Kode Perangkat Daerah"]) for r in daftar]
    assert keys == sorted(keys)


def test_rekap_totals_equal_the_daftar(book: dict[str, Worksheet]) -> None:
    daftar = _table(book["Daftar Rencana"])
    amount = sum(float(str(r["Perkiraan Anggaran per Tahun (Rp)"] or 0)) for r in daftar)
    urusan = book["Rekap Urusan"]
    totals = next(r for r in urusan.iter_rows(values_only=True) if r[0] == "JUMLAH")
    # the last two columns are "Semua Jenis": count and amount (SUM formulas over the rows)
    rows: list[Any] = [r for r in urusan.iter_rows(min_row=7, values_only=True)
                       if isinstance(r[0], int)]
    assert sum(r[-2] for r in rows) == len(daftar)
    assert sum(r[-1] for r in rows) == amount
    assert str(totals[-2]).startswith("=SUM(")


def test_duplicate_across_opd_both_present_and_marked(book: dict[str, Worksheet]) -> None:
    daftar = _table(book["Daftar Rencana"])
    same = [r for r in daftar if r["Kode Kegiatan"] == "1.03.04.2.01"]
    assert {r["Perangkat Daerah Pengusul"] for r in same} == {
        "Dinas Lingkungan Hidup", "Dinas Pekerjaan Umum dan Penataan Ruang"}
    assert all("juga diajukan" in str(r["Peringatan"]) for r in same)


def test_text_starting_with_equals_stays_text(book: dict[str, Worksheet]) -> None:
    ws = book["Daftar Rencana"]
    cells = [c for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=>")]
    assert cells and all(c.data_type == "s" for c in cells)


def test_same_inputs_in_any_order_give_the_same_workbook(
    demo_folder: Path, tmp_path: Path
) -> None:
    files = sorted((demo_folder / MASUK).iterdir())
    profil = load_profile(demo_folder / PROFIL)
    options = api.RunOptions(created=DEMO_CLOCK, base=demo_folder)
    outputs = []
    for seed in (1, 2):
        order = files[:]
        random.Random(seed).shuffle(order)
        out = tmp_path / f"daftar_{seed}.xlsx"
        api.merge(order, out, profil, pilih_terbaru=True, options=options)
        outputs.append(out)
    contents = [
        {ws.title: [[c.value for c in row] for row in ws.iter_rows()]
         for ws in load_workbook(out).worksheets if ws.title != "Info"}
        for out in outputs
    ]
    assert contents[0] == contents[1]
