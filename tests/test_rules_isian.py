"""KSD2xx: each cell filled as the template asks."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from pemetaan_ksd import contract
from pemetaan_ksd.model import CellError, CellValue
from rowkit import check, good, row_cells


def test_ksd201_each_required_cell_at_its_cell() -> None:
    row = good(kode_bidang_urusan=None, kode_program=None, kode_kegiatan=None, objek=None,
               jenis_kerja_sama=None, calon_mitra=None, jenis_mitra=None, potensi=None,
               dalam_perencanaan=None, tahun_mulai=None, tahun_selesai=None,
               sudah_dianggarkan=None, membebani=None)
    assert row_cells([row]) == [
        ("KSD201", "B7"), ("KSD201", "C7"), ("KSD201", "E7"), ("KSD201", "H7"),
        ("KSD201", "I7"), ("KSD201", "J7"), ("KSD201", "L7"), ("KSD201", "O7"),
        ("KSD201", "V7"), ("KSD201", "Y7"), ("KSD201", "Z7"), ("KSD201", "AE7"),
        ("KSD201", "AF7")]


def test_ksd201_a_placeholder_in_a_plain_required_cell_counts_as_empty() -> None:
    found = check([good(calon_mitra="-", tahun_mulai="0")]).findings
    assert [(f.code, f.cell, f.value) for f in found] == [
        ("KSD201", "J7", "-"), ("KSD201", "Y7", "0")]
    assert 'tertulis "-"' in found[0].message


def test_ksd201_planning_document_required_when_in_plan() -> None:
    assert row_cells([good(dokumen_perencanaan=None)]) == [("KSD201", "W7")]
    assert row_cells([good(dokumen_perencanaan="-")]) == [("KSD201", "W7")]
    out_of_plan = good(dalam_perencanaan="Tidak", dokumen_perencanaan=None,
                       alasan_luar_perencanaan="Kondisi Darurat")
    assert row_cells([out_of_plan]) == []


def test_ksd202_contract_example_message() -> None:
    found = check([good(jenis_kerja_sama="KSDD Sukarelaa")]).findings
    assert [(f.code, f.cell, f.value) for f in found] == [("KSD202", "I7", "KSDD Sukarelaa")]
    assert found[0].message == (
        '"KSDD Sukarelaa" bukan pilihan Jenis Kerja Sama. Maksud Anda "KSDD Sukarela"? '
        "Pilihan yang tersedia: KSDD Wajib, KSDD Sukarela, KSDPK, KSDPL, KSDLL, Sinergi.")


def test_ksd202_every_choice_column() -> None:
    row = good(skala_prioritas="tingi", sumber_pendanaan="APBD; APBDD", tahapan="Rencana",
               membebani="tdk", jenis_mitra="swasta")
    found = check([row]).findings
    assert [(f.code, f.cell) for f in found] == [
        ("KSD202", "L7"), ("KSD202", "AA7"), ("KSD202", "AD7"), ("KSD202", "AF7"),
        ("KSD202", "AG7")]
    assert 'Maksud Anda "Badan Usaha Berbadan Hukum"?' in found[0].message
    assert 'Maksud Anda "Tinggi"?' in found[1].message
    assert '"APBDD"' in found[2].message


def test_ksd202_choices_ignore_case_and_spacing() -> None:
    row = good(jenis_kerja_sama="  ksdd   SUKARELA ", skala_prioritas="tinggi",
               sumber_pendanaan="apbd , apbd mitra", tahapan="-")
    result = check([row])
    assert result.findings == []
    usulan = result.rows[0].usulan
    assert (usulan.jenis_kerja_sama, usulan.skala_prioritas, usulan.sumber_pendanaan,
            usulan.tahapan) == ("KSDD Sukarela", "Tinggi", ("APBD", "APBD Mitra"), "Persiapan")


def test_ksd203_amount() -> None:
    words = check([good(anggaran="satu setengah miliar")]).findings
    assert [(f.code, f.cell) for f in words] == [("KSD203", "AC7")]
    assert words[0].message == (
        '"satu setengah miliar" tidak dapat dibaca sebagai angka. Maksud Anda Rp 1.500.000.000 '
        "(1500000000)? Bila ya, tulis 1500000000 saja, tanpa kata lain.")
    banyak = check([good(anggaran="banyak")]).findings
    assert banyak[0].message == (
        '"banyak" bukan angka. Tulis perkiraan anggaran per tahun sebagai angka rupiah, '
        "misalnya 1500000000.")
    assert row_cells([good(anggaran="-Rp 1.000")]) == [("KSD203", "AC7")]
    assert row_cells([good(anggaran=-5.0)]) == [("KSD203", "AC7")]
    result = check([good(anggaran="Rp 1.500.000,00")])
    assert result.findings == [] and result.rows[0].usulan.anggaran == 1500000.0
    assert row_cells([good(anggaran=None)]) == []
    assert row_cells([good(anggaran="-")]) == []


def test_ksd203_amount_with_a_unit_and_out_of_bounds() -> None:
    result = check([good(anggaran="1,5 M")])
    assert result.findings == [] and result.rows[0].usulan.anggaran == 1_500_000_000.0
    small = check([good(anggaran="1.5")]).findings
    assert [(f.code, f.cell, f.value) for f in small] == [("KSD203", "AC7", "1.5")]
    assert small[0].message == (
        'Perkiraan anggaran per tahun terbaca Rp 1,5 (tertulis "1.5"), di bawah Rp 10.000. '
        "Apakah satuannya terlewat, misalnya 1,5 yang dimaksud 1,5 miliar? Tulis angka rupiah "
        "lengkap (1500000000) atau dengan satuannya (1,5 M, 500 juta); tulis 0 bila kerja sama "
        "ini tanpa anggaran.")
    assert row_cells([good(anggaran="1e30")]) == [("KSD203", "AC7")]
    assert row_cells([good(anggaran=0.0)]) == []


def test_ksd204_years() -> None:
    assert row_cells([good(tahun_mulai="dua ribu")]) == [("KSD204", "Y7")]
    assert row_cells([good(tahun_selesai=1999.0)]) == [("KSD204", "Z7")]
    later = check([good(tahun_mulai=2028.0)]).findings
    assert [(f.code, f.cell, f.value) for f in later] == [("KSD204", "Y7", "2028")]
    assert "2028" in later[0].message and "2027" in later[0].message
    typed_in_date_cell = check([good(tahun_mulai=dt.date(1905, 7, 17), tahun_selesai="2026")])
    assert typed_in_date_cell.findings == []
    assert typed_in_date_cell.rows[0].usulan.tahun_mulai == 2025
    assert row_cells([good(tahun_mulai=1999.0)]) == [("KSD204", "Y7")]
    assert row_cells([good(tahun_selesai=2101.0)]) == [("KSD204", "Z7")]


def test_ksd204_a_range_of_years_says_how_to_split_it() -> None:
    found = check([good(tahun_mulai="2025-2027")]).findings
    assert [(f.code, f.cell, f.value) for f in found] == [("KSD204", "Y7", "2025-2027")]
    assert found[0].message == (
        '"2025-2027" pada kolom Tahun Mulai berisi rentang tahun, padahal satu sel hanya untuk '
        "satu tahun. Isi Tahun Mulai dengan 2025 dan Tahun Selesai dengan 2027.")


def test_ksd418_years_that_end_before_the_year_consolidated() -> None:
    found = check([good(tahun_mulai=2020.0, tahun_selesai=2024.0)]).findings
    assert [(f.code, f.severity, f.cell, f.value) for f in found] == [
        ("KSD418", "info", "Z7", "2024")]
    assert row_cells([good(tahun_mulai=2024.0, tahun_selesai=2025.0)]) == []
    assert row_cells([good(tahun_mulai=None, tahun_selesai=2024.0)]) == [
        ("KSD201", "Y7"), ("KSD418", "Z7")]


def test_ksd205_error_value_in_an_optional_cell() -> None:
    result = check([good(nama_program=CellError("#N/A"))])
    assert [(f.code, f.cell, f.value) for f in result.findings] == [("KSD205", "D7", "#N/A")]
    assert result.rows[0].usulan.nama_program == "PROGRAM PENGELOLAAN PERSAMPAHAN"


def test_ksd205_gives_way_to_the_finding_about_the_empty_cell() -> None:
    found = check([good(jenis_kerja_sama=CellError("#REF!"),
                        manfaat_mitra=CellError("#VALUE!"))]).findings
    assert [(f.code, f.cell, f.value) for f in found] == [
        ("KSD201", "I7", "#REF!"), ("KSD405", "U7", "#VALUE!")]
    assert "#REF!" in found[0].message and "#VALUE!" in found[1].message
    assert "kosong" not in found[0].message and found[0].message.count("#REF!") == 1


def test_ksd202_a_placeholder_in_sumber_pendanaan_is_empty() -> None:
    result = check([good(sumber_pendanaan="-")])
    assert result.findings == [] and result.rows[0].usulan.sumber_pendanaan == ()


def test_ksd205_beside_a_whole_row_finding_on_the_first_cell() -> None:
    found = row_cells([good(no=CellError("#REF!"), membebani="Ya")])
    assert found == [("KSD410", "A7"), ("KSD205", "A7")]


def test_ksd206_placeholder_in_objek_and_potensi() -> None:
    assert row_cells([good(objek="-", potensi="ada")]) == [("KSD206", "H7"), ("KSD206", "O7")]
    assert row_cells([good(objek="Sampah bersama")]) == [("KSD206", "H7")]
    assert row_cells([good(objek=None)]) == [("KSD201", "H7")]


def test_placeholders_in_criteria_columns_are_the_criteria_codes() -> None:
    row = good(permasalahan="-", data_dukung="sda", manfaat_daerah="idem", manfaat_mitra="-",
               alasan_prioritas="penting", efisiensi="-")
    assert row_cells([row]) == [
        ("KSD406", "P7"), ("KSD406", "Q7"), ("KSD404", "S7"), ("KSD405", "T7"),
        ("KSD405", "U7"), ("KSD408", "AB7")]


def test_one_galat_per_cell_on_a_row_full_of_mistakes() -> None:
    row = good(kode_bidang_urusan="4.01", kode_program="X.XX.01", kode_kegiatan="1.02.02.1.01",
               objek="-", jenis_kerja_sama="KSDPK", calon_mitra="Banjar",
               kode_wilayah_mitra=CellError("#N/A"), jenis_mitra=None, bentuk_ksdpk="-",
               prakarsa="x", potensi="", permasalahan=None, data_dukung="0",
               eksternalitas="-", efisiensi=CellError("#REF!"), manfaat_daerah="-",
               manfaat_mitra="Ya", dalam_perencanaan="Tidak", dokumen_perencanaan=None,
               alasan_luar_perencanaan="-", tahun_mulai="2030", tahun_selesai="2029",
               skala_prioritas="-", alasan_prioritas="-", anggaran="banyak",
               sumber_pendanaan="dana desa", sudah_dianggarkan="Tidak", membebani="Ya",
               tahapan="Persiapan")
    found = check([row]).findings
    galat = Counter(f.cell for f in found if f.severity == "galat")
    assert [cell for cell, n in galat.items() if n > 1] == []
    assert [(f.code, f.cell) for f in found] == [
        ("KSD410", "A7"), ("KSD411", "A7"), ("KSD304", "B7"), ("KSD307", "D7"),
        ("KSD206", "H7"), ("KSD205", "K7"), ("KSD409", "L7"), ("KSD409", "M7"),
        ("KSD409", "N7"), ("KSD201", "O7"), ("KSD406", "P7"), ("KSD406", "Q7"),
        ("KSD205", "S7"), ("KSD405", "T7"), ("KSD405", "U7"), ("KSD407", "X7"),
        ("KSD204", "Y7"), ("KSD408", "AA7"), ("KSD408", "AB7"), ("KSD203", "AC7"),
        ("KSD202", "AD7")]


BASES: dict[str, dict[str, CellValue]] = {
    "ksdd_sukarela": good(),
    "ksdd_wajib": good(jenis_kerja_sama="KSDD Wajib", calon_mitra="Kabupaten Tapin",
                       kode_wilayah_mitra=None, eksternalitas="Lindi mengalir ke sungai bersama"),
    "ksdpk": good(jenis_kerja_sama="KSDPK", calon_mitra="PT Air Minum", kode_wilayah_mitra=None,
                  jenis_mitra="Badan Usaha Berbadan Hukum", bentuk_ksdpk="Investasi",
                  prakarsa="Mitra"),
    "ksdpl": good(jenis_kerja_sama="KSDPL", calon_mitra="Kota Kitakyushu",
                  kode_wilayah_mitra=None, jenis_mitra="Lembaga/Pemerintah Daerah Luar Negeri"),
    "tidak_direncanakan": good(dalam_perencanaan="Tidak", dokumen_perencanaan=None,
                               alasan_luar_perencanaan="Kondisi Darurat"),
}
MISTAKES: tuple[CellValue, ...] = (None, "-", "dua kata", CellError("#REF!"), "zzz qqq www",
                                   -1.0, "1.02.02.1.01")


def test_at_most_one_finding_per_cell_whatever_the_mistake() -> None:
    for base_name, base in BASES.items():
        for key in contract.COLUMN_BY_KEY:
            for mistake in MISTAKES:
                found = check([{**base, key: mistake}]).findings
                per_cell = Counter(f.cell for f in found if f.column is not None)
                doubled = [c for c, n in per_cell.items() if n > 1]
                assert doubled == [], (base_name, key, mistake, [(f.code, f.cell) for f in found])
