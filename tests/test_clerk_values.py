"""Values as clerks really write them, read from real workbooks (issue 11, items 2-5 and 7).

Each case is a file written with openpyxl and validated end to end: the exact finding (code,
cell) or the exact value read into the usulan.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pemetaan_ksd.model import FileResult
from pemetaan_ksd.validate import validate
from rowkit import profil
from workbooks import build_submission, good_row


def _result(tmp_path: Path, **overrides: object) -> FileResult:
    path = build_submission(tmp_path / "dlh.xlsx", [good_row(**overrides)])
    return validate([path], profil(), base=tmp_path).files[0]


def _found(result: FileResult) -> list[tuple[str, str | None]]:
    return [(f.code, f.cell) for f in result.findings]


@pytest.mark.parametrize(("written", "amount"), [
    ("1,5 M", 1_500_000_000.0),
    ("Rp 1,5 M", 1_500_000_000.0),
    ("1,5 miliar", 1_500_000_000.0),
    ("1,5 milyar", 1_500_000_000.0),
    ("500 juta", 500_000_000.0),
    ("750 ribu", 750_000.0),
    ("2 T", 2_000_000_000_000.0),
    ("Rp 1.500.000,00", 1_500_000.0),
    ("1.500.000", 1_500_000.0),
    (0, 0.0),  # a cooperation without a budget
    ("0", 0.0),
])
def test_amounts_as_clerks_write_them_are_read(tmp_path: Path, written: object,
                                               amount: float) -> None:
    result = _result(tmp_path, anggaran=written)
    assert _found(result) == []
    assert result.rows[0].usulan.anggaran == amount


@pytest.mark.parametrize(("written", "read"), [
    ("1.5", "Rp 1,5"), (1.5, "Rp 1,5"), (250, "Rp 250"), ("9.999", "Rp 9.999"),
])
def test_an_amount_below_rp_10000_asks_whether_a_unit_is_missing(
        tmp_path: Path, written: object, read: str) -> None:
    result = _result(tmp_path, anggaran=written)
    assert _found(result) == [("KSD203", "AC7")]
    message = result.findings[0].message
    assert f"terbaca {read}" in message and "satuannya terlewat" in message


@pytest.mark.parametrize("written", ["1e30", 1e30, "20 T"])
def test_an_amount_above_rp_10_triliun_is_ksd203(tmp_path: Path, written: object) -> None:
    result = _result(tmp_path, anggaran=written)
    assert _found(result) == [("KSD203", "AC7")]
    assert "lebih dari Rp 10 triliun" in result.findings[0].message


def test_the_bounds_themselves_pass(tmp_path: Path) -> None:
    assert _found(_result(tmp_path, anggaran=10_000)) == []
    assert _found(_result(tmp_path, anggaran="10 T")) == []


@pytest.mark.parametrize(("written", "meant"), [
    ("1,5 M rupiah", "1500000000"),
    ("± Rp 1,5 M per tahun", "1500000000"),
    ("satu setengah miliar", "1500000000"),
    ("lima ratus juta", "500000000"),
])
def test_an_unreadable_amount_names_the_number_it_could_mean(
        tmp_path: Path, written: str, meant: str) -> None:
    result = _result(tmp_path, anggaran=written)
    assert [(f.code, f.cell, f.value) for f in result.findings] == [("KSD203", "AC7", written)]
    assert f"({meant})?" in result.findings[0].message


def test_an_unreadable_amount_with_no_single_meaning_gets_no_guess(tmp_path: Path) -> None:
    result = _result(tmp_path, anggaran="1-2 M")
    assert _found(result) == [("KSD203", "AC7")]
    assert "Maksud Anda" not in result.findings[0].message


@pytest.mark.parametrize(("written", "cell"), [
    ("2025/2026", "Y7"), ("2025-2027", "Y7"), ("2025 s.d. 2027", "Y7"),
])
def test_a_range_of_years_in_tahun_mulai_says_how_to_split_it(
        tmp_path: Path, written: str, cell: str) -> None:
    result = _result(tmp_path, tahun_mulai=written)
    assert _found(result) == [("KSD204", cell)]
    first, last = written[:4], written[-4:]
    assert (f"Isi Tahun Mulai dengan {first} dan Tahun Selesai dengan {last}."
            in result.findings[0].message)


def test_a_range_of_years_in_tahun_selesai_too(tmp_path: Path) -> None:
    result = _result(tmp_path, tahun_selesai="2025-2027")
    assert _found(result) == [("KSD204", "Z7")]
    assert "Tahun Mulai dengan 2025 dan Tahun Selesai dengan 2027" in result.findings[0].message


@pytest.mark.parametrize(("key", "year", "cell"), [
    ("tahun_mulai", 1999, "Y7"), ("tahun_selesai", 2101, "Z7"), ("tahun_mulai", 1900, "Y7"),
    ("tahun_selesai", 2200, "Z7"), ("tahun_mulai", "25", "Y7"),
])
def test_a_year_outside_2000_2100_is_ksd204(tmp_path: Path, key: str, year: object,
                                            cell: str) -> None:
    assert _found(_result(tmp_path, **{key: year})) == [("KSD204", cell)]


def test_the_year_bounds_themselves_pass(tmp_path: Path) -> None:
    assert _found(_result(tmp_path, tahun_mulai=2025, tahun_selesai=2100)) == []


def test_an_usulan_that_ended_before_the_year_consolidated_is_ksd418(tmp_path: Path) -> None:
    result = _result(tmp_path, tahun_mulai=2022, tahun_selesai=2024)
    assert [(f.code, f.severity, f.cell) for f in result.findings] == [
        ("KSD418", "info", "Z7")]
    assert "2024" in result.findings[0].message and "2025" in result.findings[0].message
    assert _found(_result(tmp_path, tahun_mulai=2023, tahun_selesai=2025)) == []


def test_years_in_the_wrong_order_are_ksd204_not_ksd418(tmp_path: Path) -> None:
    assert _found(_result(tmp_path, tahun_mulai=2024, tahun_selesai=2023)) == [
        ("KSD204", "Y7")]


@pytest.mark.parametrize("header", [
    "Permasalahan/Kebutuhan Nyata", "Permasalahan /Kebutuhan Nyata",
    "PERMASALAHAN/ KEBUTUHAN NYATA", "Permasalahan\n/ Kebutuhan Nyata",
])
def test_spaces_around_punctuation_in_a_header_do_not_matter(tmp_path: Path,
                                                             header: str) -> None:
    path = build_submission(tmp_path / "dlh.xlsx", [good_row()])
    wb = openpyxl.load_workbook(path)
    assert wb["Usulan"]["P5"].value == "Permasalahan / Kebutuhan Nyata"
    wb["Usulan"]["P5"] = header
    wb["Usulan"]["AC5"] = "Perkiraan Anggaran per Tahun ( Rp )"
    wb.save(path)
    result = validate([path], profil(), base=tmp_path).files[0]
    assert _found(result) == []
    assert result.column_letters["permasalahan"] == "P"
    assert result.rows[0].usulan.anggaran is not None


@pytest.mark.parametrize("written", [
    "belum ada data", "Belum ada data.", "tidak ada data", "menyusul", "akan dilengkapi",
    "lihat lampiran", "sda", "idem", "...", "n/a", "-", "0", "belum ada", "tidak ada",
])
def test_every_placeholder_of_the_contract_is_not_substantive(tmp_path: Path,
                                                              written: str) -> None:
    assert _found(_result(tmp_path, data_dukung=written)) == [("KSD406", "Q7")]
    assert _found(_result(tmp_path, potensi=written)) == [("KSD206", "O7")]


def test_a_placeholder_in_sumber_pendanaan_is_an_empty_optional_cell(tmp_path: Path) -> None:
    for written in ("-", "belum ada", "n/a"):
        result = _result(tmp_path, sumber_pendanaan=written)
        assert _found(result) == []
        assert result.rows[0].usulan.sumber_pendanaan == ()


@pytest.mark.parametrize("text", ["#N/A", "Err:502"])
def test_an_error_typed_as_text_reads_as_the_error_it_shows(tmp_path: Path, text: str) -> None:
    """No cell is of error type (the reader's scan finds none): the text itself says so."""
    path = build_submission(tmp_path / "dlh.xlsx", [good_row()])
    book = openpyxl.load_workbook(path)
    cell = book["Usulan"]["I7"]
    cell.value, cell.data_type = text, "s"
    book.save(path)
    result = validate([path], profil(), base=tmp_path).files[0]
    assert [(f.code, f.cell, f.value) for f in result.findings] == [("KSD201", "I7", text)]
    assert "galat spreadsheet" in result.findings[0].message


def test_an_error_value_in_a_required_cell_is_one_message_that_reads_right(
        tmp_path: Path) -> None:
    result = _result(tmp_path, jenis_kerja_sama="#N/A")
    assert [(f.code, f.cell, f.value) for f in result.findings] == [("KSD201", "I7", "#N/A")]
    message = result.findings[0].message
    assert "kosong" not in message
    assert message.startswith('Kolom "Jenis Kerja Sama" wajib diisi, tetapi selnya berisi galat '
                              "spreadsheet #N/A")
    assert "Pilihan: KSDD Wajib" in message  # what to write instead
    assert message.count("#N/A") == 1
