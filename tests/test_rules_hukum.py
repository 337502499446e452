"""KSD4xx: what the law asks of an usulan."""

from __future__ import annotations

from pemetaan_ksd.model import CellValue
from pemetaan_ksd.validate import check_submission
from rowkit import cells, check, ctx_provinsi, good, row_cells, submission

WAJIB: dict[str, CellValue] = {
    "jenis_kerja_sama": "KSDD Wajib", "kode_wilayah_mitra": None,
    "eksternalitas": "Lindi TPA mengalir ke sungai yang melintasi kedua daerah",
}
KSDPK: dict[str, CellValue] = {
    "jenis_kerja_sama": "KSDPK", "calon_mitra": "PT Air Minum Bandarmasih",
    "kode_wilayah_mitra": None, "jenis_mitra": "Badan Usaha Berbadan Hukum",
    "bentuk_ksdpk": "Penyediaan Pelayanan Publik", "prakarsa": "Mitra", "efisiensi": None,
}
KSDPL: dict[str, CellValue] = {
    "jenis_kerja_sama": "KSDPL", "calon_mitra": "Kota Kitakyushu", "kode_wilayah_mitra": None,
    "jenis_mitra": "Lembaga/Pemerintah Daerah Luar Negeri", "efisiensi": None,
}


def test_ksd401_contract_example() -> None:
    found = check([good(**WAJIB, calon_mitra="Kota Balikpapan")]).findings
    assert [(f.code, f.cell, f.column, f.value) for f in found] == [
        ("KSD401", "J7", "Calon Mitra", "Kota Balikpapan")]
    assert found[0].dasar_hukum == "PP 28/2018 Pasal 3 ayat (2)"
    assert found[0].message == (
        "Kerja sama wajib hanya dapat dilakukan dengan daerah yang berbatasan langsung "
        "(PP 28/2018 Pasal 3 ayat (2)). Kota Balikpapan tidak berbatasan dengan Kabupaten "
        "Banjar. Pilih daerah yang berbatasan (Kabupaten Tanah Laut, Kotabaru, Barito Kuala, "
        "Tapin, Hulu Sungai Selatan, Tanah Bumbu, Kota Banjarmasin, Kota Banjarbaru, atau "
        "Provinsi Kalimantan Selatan), atau ubah Jenis Kerja Sama menjadi KSDD Sukarela.")


def test_ksd401_allowed_pairs() -> None:
    assert row_cells([good(**WAJIB, calon_mitra="Kabupaten Tapin")]) == []
    assert row_cells([good(**WAJIB, calon_mitra="Kota Banjarmasin")]) == []
    own_province = good(**WAJIB, calon_mitra="Provinsi Kalimantan Selatan",
                        jenis_mitra="Daerah Provinsi")
    assert row_cells([own_province]) == []
    assert row_cells([good(**WAJIB, calon_mitra="Kabupaten Hulu Sungai Utara")]) == [
        ("KSD401", "J7")]


def test_ksd401_pair_type_not_allowed() -> None:
    other_province = good(**WAJIB, calon_mitra="Provinsi Kalimantan Timur",
                          jenis_mitra="Daerah Provinsi")
    found = check([other_province]).findings
    assert cells(found) == [("KSD401", "J7")]
    assert "bukan pasangan" in found[0].message


def test_ksd401_for_a_provinsi() -> None:
    def codes_401(calon_mitra: str) -> list[tuple[str, str | None]]:
        row = good(**WAJIB, calon_mitra=calon_mitra, jenis_mitra="Daerah Provinsi")
        result = check_submission(submission([row]), ctx_provinsi(), "x.xlsx")
        return [(f.code, f.cell) for f in result.findings if f.code.startswith("KSD40")]

    assert codes_401("Provinsi Kalimantan Tengah") == []
    assert codes_401("Kota Banjarbaru") == []  # its own kab/kota
    assert codes_401("Provinsi Jawa Timur") == [("KSD401", "J7")]
    assert codes_401("Kabupaten Paser") == [("KSD401", "J7")]


def test_ksd402_unknown_ambiguous_or_mismatched_partner() -> None:
    assert row_cells([good(calon_mitra="Kota Gotham", kode_wilayah_mitra=None)]) == [
        ("KSD402", "J7")]
    ambiguous = check([good(calon_mitra="Bogor", kode_wilayah_mitra=None)]).findings
    assert cells(ambiguous) == [("KSD402", "J7")]
    assert "Kabupaten Bogor (32.01" in ambiguous[0].message
    assert "Kota Bogor (32.71" in ambiguous[0].message
    assert row_cells([good(kode_wilayah_mitra="99.99")]) == [("KSD402", "K7")]
    mismatch = check([good(kode_wilayah_mitra="63.71")]).findings
    assert cells(mismatch) == [("KSD402", "K7")]
    assert "Kota Banjarmasin" in mismatch[0].message


def test_ksd402_code_wins_when_the_name_does_not_resolve() -> None:
    result = check([good(calon_mitra="Pemerintah Kota Banjarbaru (Dinas LH)",
                         kode_wilayah_mitra=63.72)])
    assert result.findings == []
    assert result.rows[0].usulan.kode_wilayah_mitra == "63.72"


def test_ksd402_only_for_ksdd() -> None:
    sinergi = good(jenis_kerja_sama="Sinergi", calon_mitra="Kementerian LHK",
                   kode_wilayah_mitra=None, jenis_mitra="Pemerintah Pusat")
    assert row_cells([sinergi]) == []


def test_ksd403_partner_is_this_daerah() -> None:
    for name in ("Kabupaten Banjar", "Pemkab Banjar", "Banjar"):  # its units: KSD415
        found = check([good(calon_mitra=name, kode_wilayah_mitra=None)]).findings
        assert cells(found) == [("KSD403", "J7")], name
    assert row_cells([good(calon_mitra="Kabupaten Banjar", kode_wilayah_mitra="63.03")]) == [
        ("KSD403", "J7")]


def test_partner_given_only_by_code_is_reported_at_the_code() -> None:
    assert row_cells([good(calon_mitra=None, kode_wilayah_mitra="63.03")]) == [
        ("KSD201", "J7"), ("KSD403", "K7")]
    assert row_cells([good(**{**WAJIB, "kode_wilayah_mitra": "64.71"}, calon_mitra=None)]) == [
        ("KSD201", "J7"), ("KSD401", "K7")]


def test_ksd403_not_for_a_regional_company_as_third_party() -> None:
    row = good(**{**KSDPK, "calon_mitra": "PT Air Minum Kabupaten Banjar"})
    assert row_cells([row]) == [("KSD411", "A7")]


def test_ksd404_externality_and_efficiency() -> None:
    wajib = check([good(**{**WAJIB, "eksternalitas": None, "efisiensi": "-"},
                        calon_mitra="Kabupaten Tapin")]).findings
    assert cells(wajib) == [("KSD404", "R7"), ("KSD404", "S7")]
    assert [f.dasar_hukum for f in wajib] == ["UU 23/2014 Pasal 364 ayat (1)"] * 2
    sukarela = check([good(efisiensi=None)]).findings
    assert cells(sukarela) == [("KSD404", "S7")]
    assert sukarela[0].dasar_hukum == "PP 28/2018 Pasal 3 ayat (3)"
    assert row_cells([good(eksternalitas="-")]) == []  # not asked of a KSDD Sukarela


def test_ksd405_contract_example() -> None:
    found = check([good(manfaat_mitra="-")]).findings
    assert cells(found) == [("KSD405", "U7")]
    assert found[0].message == (
        'Manfaat bagi mitra belum diuraikan (tertulis "-"). Kerja sama daerah harus saling '
        "menguntungkan (PP 28/2018 Pasal 1 angka 1): tuliskan manfaat nyata yang diperoleh "
        "Kota Banjarbaru, misalnya biaya layanan yang turun atau cakupan layanan yang "
        "bertambah.")
    assert row_cells([good(manfaat_daerah=None)]) == [("KSD405", "T7")]


def test_ksd406_real_need() -> None:
    assert row_cells([good(permasalahan=None, data_dukung="ada")]) == [
        ("KSD406", "P7"), ("KSD406", "Q7")]


def test_ksd407_out_of_plan_without_lawful_reason() -> None:
    out = {"dalam_perencanaan": "Tidak", "dokumen_perencanaan": None}
    assert row_cells([good(**out)]) == [("KSD407", "X7")]
    assert row_cells([good(**out, alasan_luar_perencanaan="Program Strategis Nasional")]) == []
    assert row_cells([good(**out, alasan_luar_perencanaan="bencana")]) == [("KSD202", "X7")]


def test_ksd408_priority_and_reason() -> None:
    assert row_cells([good(skala_prioritas=None, alasan_prioritas="-")]) == [
        ("KSD408", "AA7"), ("KSD408", "AB7")]
    assert row_cells([good(skala_prioritas="mendesak sekali")]) == [("KSD202", "AA7")]


def test_ksd409_ksdpk_without_partner_kind_form_or_initiative() -> None:
    row = good(**{**KSDPK, "jenis_mitra": None, "bentuk_ksdpk": None, "prakarsa": "-"})
    found = check([row]).findings
    assert cells(found) == [("KSD411", "A7"), ("KSD409", "L7"), ("KSD409", "M7"),
                            ("KSD409", "N7")]
    assert [f.dasar_hukum for f in found[1:]] == [
        "PP 28/2018 Pasal 14", "PP 28/2018 Pasal 15", "PP 28/2018 Pasal 17 dan Pasal 18"]


def test_ksd410_dprd_approval() -> None:
    assert row_cells([good()]) == []
    burden = check([good(membebani="Ya", sudah_dianggarkan="Tidak")])
    assert [(f.code, f.cell, f.severity) for f in burden.findings] == [
        ("KSD410", "A7", "info")]
    assert "membebani masyarakat dan daerah dan pendanaannya" in burden.findings[0].message
    assert burden.rows[0].usulan.perlu_persetujuan_dprd is True
    assert burden.accepted_rows == burden.rows
    ksdpk = check([good(**KSDPK, sudah_dianggarkan="Tidak")]).findings
    assert ksdpk[0].dasar_hukum == "PP 28/2018 Pasal 6 ayat (2) dan Pasal 19 ayat (1)"


def test_ksd411_ksdpk_needs_a_feasibility_study() -> None:
    result = check([good(**KSDPK)])
    assert [(f.code, f.cell, f.severity) for f in result.findings] == [
        ("KSD411", "A7", "info")]
    assert result.rows[0].usulan.mitra_berbatasan is None


def test_ksd412_abroad_needs_central_and_dprd_approval() -> None:
    result = check([good(**KSDPL)])
    assert cells(result.findings) == [("KSD410", "A7"), ("KSD412", "A7")]
    assert result.rows[0].usulan.perlu_persetujuan_dprd is True
    assert cells(check([good(**{**KSDPL, "jenis_kerja_sama": "KSDLL"})]).findings) == [
        ("KSD410", "A7"), ("KSD412", "A7")]


def test_ksd413_partner_kind_does_not_fit_the_kind_of_cooperation() -> None:
    ksdd_company = good(calon_mitra="PT Sumber Air", kode_wilayah_mitra=None,
                        jenis_mitra="Badan Usaha Berbadan Hukum")
    assert row_cells([ksdd_company]) == [("KSD402", "J7"), ("KSD413", "L7")]
    ksdpk_daerah = check([good(**{**KSDPK, "calon_mitra": "Kota Banjarbaru",
                                  "jenis_mitra": "Daerah Kabupaten/Kota"})]).findings
    assert [(f.code, f.cell, f.severity) for f in ksdpk_daerah] == [
        ("KSD411", "A7", "info"), ("KSD413", "L7", "peringatan")]
    assert "KSDD Sukarela" in ksdpk_daerah[1].message
    sinergi = good(jenis_kerja_sama="Sinergi", calon_mitra="Bapak Rahman",
                   kode_wilayah_mitra=None, jenis_mitra="Perseorangan")
    assert row_cells([sinergi]) == [("KSD413", "L7")]
    abroad = good(**{**KSDPL, "jenis_mitra": "Organisasi Kemasyarakatan"})
    assert row_cells([abroad]) == [("KSD410", "A7"), ("KSD412", "A7"), ("KSD413", "L7")]


def test_usulan_partner_fields() -> None:
    tapin = check([good(**WAJIB, calon_mitra="tapin")]).rows[0].usulan
    assert (tapin.kode_wilayah_mitra, tapin.nama_mitra_resmi, tapin.mitra_berbatasan) == (
        "63.05", "Kabupaten Tapin", True)
    far = check([good(calon_mitra="Kota Balikpapan", kode_wilayah_mitra=None)]).rows[0].usulan
    assert (far.kode_wilayah_mitra, far.mitra_berbatasan) == ("64.71", False)
