"""KSD414-KSD416: what the TKKSD turns down in practice (authority, own units, procurement)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pemetaan_ksd.errors import ProfileError
from pemetaan_ksd.model import CellValue
from pemetaan_ksd.profile import parse_profile, render_profile
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.praktik import pengadaan
from pemetaan_ksd.rules.unit_sendiri import unit_sendiri
from pemetaan_ksd.validate import check_submission
from rowkit import cells, check, ctx, ctx_provinsi, good, identitas, row_cells, submission

KESEHATAN: dict[str, CellValue] = {
    "kode_bidang_urusan": "1.02 - Kesehatan", "kode_program": "1.02.02",
    "nama_program": "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN "
                    "MASYARAKAT",
    "kode_kegiatan": "1.02.02.2.02", "nama_kegiatan": None,
}
BAPPEDA = identitas(kode_opd="5.01.5.05.0.00.01.0000",
                    nama_opd="Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah")


def _codes(rows: list[dict[str, CellValue]], code: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(c, cell or "") for c, cell in row_cells(rows, **kwargs) if c == code]


def test_ksd414_an_usulan_outside_the_opds_bidang_names_who_handles_it() -> None:
    found = [f for f in check([good(**KESEHATAN)]).findings if f.code == "KSD414"]
    assert cells(found) == [("KSD414", "B7")]
    assert found[0].value == "1.02 - Kesehatan"
    assert "Dinas Lingkungan Hidup mengusulkan kerja sama pada bidang 1.02 Kesehatan" in (
        found[0].message)
    assert "ditangani Dinas Kesehatan atau Rumah Sakit Umum Daerah" in found[0].message
    assert found[0].severity == "peringatan"
    assert _codes([good()], "KSD414") == []  # 2.11 is DLH's own bidang


def test_ksd414_not_for_units_that_coordinate_or_list_no_bidang(tmp_path: Path) -> None:
    assert _codes([good(**KESEHATAN)], "KSD414", ident=BAPPEDA) == []
    text = render_profile("63.03", 2025).replace(
        'nama = "Dinas Lingkungan Hidup"\nbidang = ["2.11"]',
        'nama = "Dinas Lingkungan Hidup"\nbidang = []')
    profile = parse_profile(text, "ksd.toml", base=tmp_path)
    assert profile.opd("2.11.0.00.0.00.01.0000").bidang == ()  # type: ignore[union-attr]
    result = check_submission(submission([good(**KESEHATAN)]), Context.from_profile(profile),
                              "dlh.xlsx")
    assert "KSD414" not in {f.code for f in result.findings}


def test_ksd414_when_no_opd_of_the_profile_handles_the_bidang() -> None:
    row = good(kode_bidang_urusan="3.28 - Kehutanan", kode_program=None, nama_program=None,
               kode_kegiatan=None, nama_kegiatan=None)
    found = [f for f in check([row]).findings if f.code == "KSD414"]
    assert cells(found) == [("KSD414", "B7")]
    assert "tidak ada perangkat daerah dalam daftar itu yang menangani bidang 3.28" in (
        found[0].message)


def test_init_marks_coordinating_units_and_a_wrong_value_is_wrong_use(tmp_path: Path) -> None:
    text = render_profile("63.03", 2025)
    profile = parse_profile(text, "ksd.toml", base=tmp_path)
    assert {o.nama for o in profile.perangkat_daerah if o.lintas_bidang} == {
        "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
        "Sekretariat Daerah (Bagian Pemerintahan)"}
    broken = text.replace("\nlintas_bidang = true", '\nlintas_bidang = "ya"', 1)
    with pytest.raises(ProfileError, match=r"lintas_bidang .*true atau false"):
        parse_profile(broken, "ksd.toml", base=tmp_path)


@pytest.mark.parametrize("partner, unit", [
    ("Dinas PUPR Kab. Banjar", "perangkat daerah"),
    ("Dinas Kesehatan", "perangkat daerah"),
    ("Dinas Kesehatan Kabupaten Banjar", "perangkat daerah"),
    ("Puskesmas Martapura", "puskesmas"),
    ("UPTD Puskesmas Astambul", "unit pelaksana teknis daerah"),
    ("RSUD Ratu Zalecha Martapura", "rumah sakit umum daerah"),
    ("Kecamatan Gambut", "kecamatan"),
    ("Martapura Barat", "kecamatan"),
    ("Kelurahan Jawa, Martapura", "kelurahan"),
    ("SD Negeri 1 Aluh-Aluh", "sekolah negeri"),
    ("SMP Negeri 2 Banjar", "sekolah negeri"),
])
def test_ksd415_units_of_this_daerah(partner: str, unit: str) -> None:
    assert unit_sendiri(partner, ctx()) == unit
    found = [f for f in check([good(calon_mitra=partner, kode_wilayah_mitra=None)]).findings
             if f.code.startswith("KSD4")]
    assert cells(found) == [("KSD415", "J7")]  # not also KSD402 or KSD403 on the partner
    assert found[0].severity == "galat"
    assert f"adalah {unit} di lingkungan Kabupaten Banjar sendiri" in found[0].message


@pytest.mark.parametrize("partner", [
    "PT Air Minum Intan Banjar", "Koperasi Serba Usaha Martapura", "Kota Banjarbaru",
    "Universitas Lambung Mangkurat Banjarmasin", "Dinas Kesehatan Kota Banjarbaru",
    "Dinas Kesehatan Provinsi Kalimantan Selatan", "Badan Pusat Statistik Kabupaten Banjar",
    "Dinas Kesehatan Kota Banjar", "Kecamatan Banjarbaru Selatan", "SMA Negeri 1 Martapura",
    "Puskesmas Simpang Empat Kabupaten Tanah Bumbu", "Kabupaten Banjar",
])
def test_ksd415_not_for_real_partners_that_hold_a_place_name(partner: str) -> None:
    assert unit_sendiri(partner, ctx()) is None


def test_ksd415_for_every_kind_of_cooperation() -> None:
    ksdpk = good(jenis_kerja_sama="KSDPK", calon_mitra="RSUD Ratu Zalecha Martapura",
                 kode_wilayah_mitra=None, jenis_mitra="Badan Usaha Berbadan Hukum",
                 bentuk_ksdpk="Penyediaan Pelayanan Publik", prakarsa="Daerah", efisiensi=None)
    assert _codes([ksdpk], "KSD415") == [("KSD415", "J7")]
    assert row_cells([good(calon_mitra="Kabupaten Banjar", kode_wilayah_mitra=None)]) == [
        ("KSD403", "J7")]  # the daerah itself stays KSD403


def test_ksd415_for_a_provinsi_its_schools_and_dinas() -> None:
    province = ctx_provinsi()
    assert unit_sendiri("SMA Negeri 1 Martapura Provinsi Kalimantan Selatan", province) == (
        "sekolah negeri")
    assert unit_sendiri("Dinas Kesehatan Provinsi Kalimantan Selatan", province) == (
        "perangkat daerah")
    assert unit_sendiri("Dinas Kesehatan Kabupaten Banjar", province) is None


PROCUREMENT = [
    "Pengadaan alat berat pengangkut sampah",
    "Pembelian obat dan bahan medis habis pakai",
    "Belanja jasa kebersihan kantor",
    "Sewa gedung pertemuan untuk rapat koordinasi",
    "Swakelola pemeliharaan jalan kabupaten",
    "Jasa konsultansi penyusunan masterplan drainase",
]
COOPERATION = [
    "Pengelolaan bersama TPA Regional Banjarbakula",
    "Pengadaan bersama alat berat untuk dua daerah",
    "Penyediaan air minum curah dari IPA Pinus untuk kawasan Gambut",
    "Rujukan pasien gawat darurat ke rumah sakit rujukan regional",
    "Promosi wisata sungai untuk menaikkan belanjawan daerah",
    "Integrasi layanan penerbitan Izin Pengadaan Kapal Penangkap Ikan sampai dengan 10 GT",
    "Layanan sewa alat pertanian oleh koperasi petani kepada anggotanya",
]


@pytest.mark.parametrize("objek", PROCUREMENT)
def test_ksd416_plain_procurement_is_a_warning_on_the_object(objek: str) -> None:
    found = [f for f in check([good(objek=objek)]).findings if f.code == "KSD416"]
    assert cells(found) == [("KSD416", "H7")]
    assert found[0].severity == "peringatan" and found[0].value == objek
    assert "Objek kerja sama menyebut urusan yang dikelola atau dikerjakan bersama" in (
        found[0].message)
    assert found[0].dasar_hukum == "Praktik TKKSD (bandingkan PP 28/2018 Pasal 15)"


@pytest.mark.parametrize("objek", COOPERATION)
def test_ksd416_not_for_cooperation(objek: str) -> None:
    assert pengadaan(objek) is None
    assert _codes([good(objek=objek)], "KSD416") == []
