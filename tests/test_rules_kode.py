"""KSD3xx: the codes of bidang urusan, program, kegiatan and sub kegiatan."""

from __future__ import annotations

from pemetaan_ksd.model import CellValue, Finding
from pemetaan_ksd.validate import check_submission
from rowkit import bappeda, cells, check, ctx_provinsi, good, row_cells, submission

NO_NAMES: dict[str, CellValue] = {"nama_program": None, "nama_kegiatan": None}


def row_findings_provinsi(row: dict[str, CellValue]) -> list[Finding]:
    result = check_submission(submission([row]), ctx_provinsi(), "x.xlsx")
    return result.rows[0].findings


def test_codes_typed_as_numbers_or_from_the_dropdown_are_read() -> None:
    assert row_cells([good(kode_bidang_urusan=2.11)]) == []
    assert row_cells([good(kode_bidang_urusan=" 2.11 - Lingkungan Hidup ",
                           kode_program="2. 11. 11", kode_kegiatan="2.11.11.2.01\u00a0")]) == []


def test_ksd301_shape() -> None:
    row = good(kode_bidang_urusan="Lingkungan", kode_program="2.11.11.2",
               kode_kegiatan="2.11.11.2.1", kode_sub_kegiatan="2.11.11.2.01.1")
    assert row_cells([row]) == [
        ("KSD301", "B7"), ("KSD301", "C7"), ("KSD301", "E7"), ("KSD301", "G7")]
    found = check([good(kode_program="2.11.11.2.01")]).findings
    assert cells(found) == [("KSD301", "C7")]
    assert "berbentuk kode kegiatan" in found[0].message


def test_ksd302_unknown_names_the_nomenclature_version() -> None:
    found = check([good(kode_program="2.11.99", kode_kegiatan="2.11.99.2.01", **NO_NAMES)])
    assert cells(found.findings) == [("KSD302", "C7"), ("KSD302", "E7")]
    assert "Kepmendagri 900.1.15.5-1317/2023" in found.findings[0].message
    assert "2.11.02 PROGRAM PERENCANAAN LINGKUNGAN HIDUP" in found.findings[0].message
    assert row_cells([good(kode_sub_kegiatan="2.11.11.2.01.9999")]) == [("KSD302", "G7")]


def test_ksd303_codes_that_do_not_nest() -> None:
    program = check([good(kode_program="1.02.02", kode_kegiatan="1.02.02.2.01", **NO_NAMES)])
    assert cells(program.findings) == [("KSD303", "C7")]
    assert "bidang urusan 1.02" in program.findings[0].message
    assert row_cells([good(kode_kegiatan="2.11.02.2.01", **NO_NAMES)]) == [("KSD303", "E7")]
    assert row_cells([good(kode_sub_kegiatan="2.11.11.2.02.0001")]) == [("KSD303", "G7")]


def test_ksd303_not_reported_under_a_parent_that_is_itself_wrong() -> None:
    row = good(kode_bidang_urusan="2.99", kode_program="1.02.02", kode_kegiatan="1.02.02.2.01",
               **NO_NAMES)
    assert row_cells([row]) == [("KSD302", "B7")]


def test_ksd304_support_bidang_reported_once() -> None:
    row = good(kode_bidang_urusan="4.01", kode_program="4.01.02", kode_kegiatan="4.01.02.2.01",
               **NO_NAMES)
    assert row_cells([row]) == [("KSD304", "B7")]
    xxx = good(kode_bidang_urusan="X.XX", kode_program="X.XX.01", kode_kegiatan="X.XX.01.2.01",
               **NO_NAMES)
    assert row_cells([xxx]) == [("KSD304", "B7")]


def test_ksd304_support_program_01() -> None:
    found = check([good(kode_program="2.11.01", kode_kegiatan="2.11.01.2.01", **NO_NAMES)])
    assert cells(found.findings) == [("KSD304", "C7")]
    assert "2.11.02 PROGRAM PERENCANAAN LINGKUNGAN HIDUP" in found.findings[0].message
    support_program = good(kode_program="X.XX.01", kode_kegiatan="X.XX.01.2.01", **NO_NAMES)
    assert row_cells([support_program]) == [("KSD304", "C7")]


def test_ksd305_provincial_kegiatan_in_a_kabupaten_contract_example() -> None:
    row = good(kode_bidang_urusan="1.01", kode_program="1.01.02", kode_kegiatan="1.01.02.1.02",
               **NO_NAMES)
    found = check([row], ident=bappeda()).findings
    assert cells(found) == [("KSD305", "E7")]
    assert found[0].message == (
        "Kode kegiatan 1.01.02.1.02 adalah kegiatan kewenangan provinsi (angka keempat 1), "
        "sedangkan Kabupaten Banjar adalah kabupaten. Gunakan kode kegiatan kewenangan "
        "kabupaten/kota (angka keempat 2), misalnya 1.01.02.2.01 Pengelolaan Pendidikan "
        "Sekolah Dasar.")


def test_ksd305_once_for_kegiatan_and_its_sub_kegiatan() -> None:
    row = good(kode_kegiatan="2.11.11.1.01", kode_sub_kegiatan="2.11.11.1.01.0001", **NO_NAMES)
    assert row_cells([row]) == [("KSD305", "E7")]
    assert row_cells([good(kode_sub_kegiatan="2.11.11.1.01.0001")]) == [("KSD305", "G7")]


def test_ksd305_kab_kota_kegiatan_in_a_provinsi() -> None:
    found = row_findings_provinsi(good(calon_mitra="Kota Banjarbaru"))
    assert cells(found) == [("KSD305", "E7")]
    assert "Provinsi Kalimantan Selatan adalah provinsi" in found[0].message


def test_ksd306_kehutanan_by_a_kabupaten_is_a_warning() -> None:
    row = good(kode_bidang_urusan="3.28", kode_program="3.28.04", kode_kegiatan="3.28.04.2.01",
               **NO_NAMES)
    found = check([row], ident=bappeda())
    assert [(f.code, f.cell, f.severity) for f in found.findings] == [
        ("KSD306", "B7", "peringatan")]
    assert found.accepted_rows == found.rows


def test_ksd307_name_differs_from_the_official_one() -> None:
    found = check([good(nama_kegiatan="Pengelolaan Persampahan Terpadu")]).findings
    assert [(f.code, f.cell, f.value) for f in found] == [
        ("KSD307", "F7", "Pengelolaan Persampahan Terpadu")]
    assert '"Pengelolaan Sampah"' in found[0].message


def test_ksd307_tolerates_case_spacing_punctuation_code_prefix_and_pdf_artefacts() -> None:
    assert row_cells([good(nama_program="Program  pengelolaan persampahan.",
                           nama_kegiatan="2.11.11.2.01 - PENGELOLAAN SAMPAH")]) == []
    artefact = good(kode_bidang_urusan="1.02", kode_program="1.02.03",
                    kode_kegiatan="1.02.03.3.03", nama_program=None,
                    nama_kegiatan="Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber "
                                  "Daya Manusia Kesehatan Tingkat Daerah Kabupaten/Kota")
    assert row_cells([artefact], ident=bappeda()) == []
