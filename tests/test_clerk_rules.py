"""Issue 11, items 5b, 6 and 8 on real files: mismatched code and name (KSD419), a provinsi
entered as a kab/kota partner (KSD413), duplicates keyed by the object (KSD502/503), and a
provincial profile with the packaged (kab/kota) nomenclature (wrong use, exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pemetaan_ksd import api
from pemetaan_ksd.cli.app import run
from pemetaan_ksd.errors import UsageError
from pemetaan_ksd.model import FileResult
from pemetaan_ksd.profile import check_nomenklatur, load_profile, parse_profile, render_profile
from pemetaan_ksd.validate import validate
from workbooks import build_submission, good_row

DINKES = {"kode_opd": "1.02.0.00.0.00.01.0000", "nama_opd": "Dinas Kesehatan"}


def _checked(tmp_path: Path, rows: list[dict[str, object]], name: str = "dlh.xlsx",
             **kwargs: object) -> FileResult:
    path = build_submission(tmp_path / name, rows, **kwargs)  # type: ignore[arg-type]
    return validate([path], load_profile(None)).files[0]


def _codes(result: FileResult) -> list[tuple[str, str | None]]:
    return [(f.code, f.cell) for f in result.findings]


# Item 5b: code and name that disagree (KSD419); a provinsi entered as kab/kota (KSD413).

def test_ksd419_bidang_code_and_name_disagree(tmp_path: Path) -> None:
    result = _checked(tmp_path, [good_row(kode_bidang_urusan="2.11 - Kesehatan")])
    assert _codes(result) == [("KSD419", "B7")]
    found = result.findings[0]
    assert found.severity.value == "peringatan" and found.value == "2.11 - Kesehatan"
    assert 'kode 2.11 adalah bidang urusan "Lingkungan Hidup", bukan "Kesehatan"' in found.message
    assert '"2.11 - Lingkungan Hidup"' in found.message
    assert "kodenya 1.02" in found.message
    assert result.accepted_rows == result.rows  # a warning: the row still enters


def test_ksd419_program_name_in_the_code_cell(tmp_path: Path) -> None:
    result = _checked(tmp_path, [good_row(kode_program="2.11.11 - Program Pendidikan Dasar")])
    assert _codes(result) == [("KSD419", "C7")]


@pytest.mark.parametrize("value", ["2.11 - Lingkungan Hidup", "2.11", "2.11 lingkungan hidup",
                                   "2.11 - Urusan Pemerintahan Bidang Lingkungan Hidup"])
def test_ksd419_not_when_the_name_is_the_code_s_own(tmp_path: Path, value: str) -> None:
    assert _codes(_checked(tmp_path, [good_row(kode_bidang_urusan=value)])) == []


def test_ksd419_identitas_name_differs_from_the_profile(tmp_path: Path) -> None:
    result = _checked(tmp_path, [good_row()], identitas={"nama_opd": "Dinas Kesehatan"})
    assert [(f.code, f.sheet, f.cell) for f in result.findings] == [
        ("KSD419", "Identitas", "B5")]
    message = result.findings[0].message
    assert '"Dinas Kesehatan"' in message and "Dinas Lingkungan Hidup" in message
    assert "kode perangkat daerahnya 1.02.0.00.0.00.01.0000" in message


@pytest.mark.parametrize("nama", ["DINAS LINGKUNGAN  HIDUP", "Dinas Lingkungan Hidup.", "DLH",
                                  "Dinas Lingkungan Hiduup"])
def test_ksd419_identitas_same_name_as_clerks_write_it(tmp_path: Path, nama: str) -> None:
    assert _codes(_checked(tmp_path, [good_row()], identitas={"nama_opd": nama})) == []


def test_ksd413_provinsi_entered_as_kabupaten_kota(tmp_path: Path) -> None:
    row = good_row(calon_mitra="Provinsi Kalimantan Selatan", kode_wilayah_mitra="63")
    result = _checked(tmp_path, [row])
    assert _codes(result) == [("KSD413", "L7")]
    message = result.findings[0].message
    assert "Provinsi Kalimantan Selatan adalah daerah provinsi" in message
    assert 'Pilih Jenis Mitra "Daerah Provinsi"' in message
    right = good_row(calon_mitra="Provinsi Kalimantan Selatan", kode_wilayah_mitra="63",
                     jenis_mitra="Daerah Provinsi")
    assert _codes(_checked(tmp_path, [right], name="benar.xlsx")) == []


def test_ksd413_kota_entered_as_provinsi(tmp_path: Path) -> None:
    result = _checked(tmp_path, [good_row(jenis_mitra="Daerah Provinsi")])
    assert _codes(result) == [("KSD413", "L7")]
    assert 'Kota Banjarbaru adalah daerah kota' in result.findings[0].message


# Item 6: the object is part of what makes two usulan the same.

def test_ksd503_two_projects_same_kegiatan_and_partner_are_two_usulan(tmp_path: Path) -> None:
    other_object = good_row(no=2, objek="Pembangunan bank sampah di kawasan perbatasan")
    assert _codes(_checked(tmp_path, [good_row(), other_object])) == []


def test_ksd503_same_object_ignoring_case_spacing_and_punctuation(tmp_path: Path) -> None:
    same = good_row(no=2, objek="  PENGELOLAAN sampah bersama, di TPA  regional Banjarbakula.")
    result = _checked(tmp_path, [good_row(), same])
    assert _codes(result) == [("KSD503", "A8")]
    assert "baris 7" in result.findings[0].message
    assert "Pengelolaan sampah bersama di TPA regional Banjarbakula" in result.findings[0].message


def test_ksd503_many_rows_with_distinct_objects_give_no_duplicates(tmp_path: Path) -> None:
    rows = [good_row(no=n, objek=f"Pengelolaan sampah bersama tahap {n} di TPA regional")
            for n in range(1, 41)]
    result = _checked(tmp_path, rows)
    assert [f for f in result.findings if f.code == "KSD503"] == []


def test_ksd502_other_opd_with_another_object_is_not_the_same(tmp_path: Path) -> None:
    mine = build_submission(tmp_path / "dlh.xlsx", [good_row()])
    theirs = build_submission(tmp_path / "dinkes.xlsx", [good_row(
        objek="Pemeriksaan kesehatan petugas pengangkut sampah")], identitas=DINKES,
        meta={"kode_opd": DINKES["kode_opd"]})
    same = build_submission(tmp_path / "dinkes2.xlsx", [good_row(
        objek="pengelolaan sampah bersama di tpa regional banjarbakula")],
        identitas={"kode_opd": "1.03.0.00.0.00.01.0000",
                   "nama_opd": "Dinas Pekerjaan Umum dan Penataan Ruang"},
        meta={"kode_opd": "1.03.0.00.0.00.01.0000"})
    report = validate([mine, theirs], load_profile(None))
    assert [(f.code, f.cell) for r in report.files for f in r.findings
            if f.code == "KSD502"] == []
    report = validate([mine, same], load_profile(None))
    assert [(f.code, f.cell) for r in report.files for f in r.findings
            if f.code == "KSD502"] == [("KSD502", "A7"), ("KSD502", "A7")]


# Item 8: a provincial profile with the packaged kab/kota nomenclature is wrong use.

def test_init_provinsi_says_the_packaged_list_is_kabkota_and_points_at_berkas(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ksd.toml"
    assert run(["init", "--daerah", "63", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "PERHATIAN: daerah ini provinsi" in text
    assert '# berkas = "nomenklatur_provinsi.xlsx"' in text
    assert "nomenklatur sisi provinsi" in capsys.readouterr().out
    assert "PERHATIAN" not in render_profile("63.03", 2025)


@pytest.mark.parametrize("command", ["validasi", "status", "gabung"])
def test_provinsi_with_packaged_nomenclature_stops_with_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    profile = tmp_path / "ksd.toml"
    profile.write_text(render_profile("63", 2025), encoding="utf-8")
    path = build_submission(tmp_path / "dlh.xlsx", [good_row()])
    extra = ["-o", str(tmp_path / "gabung.xlsx")] if command == "gabung" else []
    assert run([command, "--profil", str(profile), str(path), *extra]) == 2
    err = capsys.readouterr().err
    assert "Provinsi Kalimantan Selatan memakai nomenklatur bawaan" in err
    assert "isi berkas =" in err and "[nomenklatur]" in err
    assert not (tmp_path / "gabung.xlsx").exists()


def test_proses_with_provinsi_and_packaged_nomenclature_is_wrong_use(tmp_path: Path) -> None:
    profil = parse_profile(render_profile("63", 2025), "ksd.toml", base=tmp_path)
    (tmp_path / "masuk").mkdir()
    with pytest.raises(UsageError, match="nomenklatur sisi provinsi"):
        api.proses(profil, tmp_path / "masuk", tmp_path / "keluar")
    assert not (tmp_path / "keluar").exists()


def test_provinsi_with_its_own_nomenclature_validates(tmp_path: Path) -> None:
    (tmp_path / "provinsi.csv").write_text(
        "kode,nama\n2.11,LINGKUNGAN HIDUP\n2.11.11,PROGRAM PENGELOLAAN PERSAMPAHAN\n"
        "2.11.11.1.01,Penanganan Sampah Regional\n", encoding="utf-8")
    text = render_profile("63", 2025).replace(
        '# berkas = "nomenklatur_provinsi.xlsx"', 'berkas = "provinsi.csv"')
    profile = tmp_path / "ksd.toml"
    profile.write_text(text, encoding="utf-8")
    path = build_submission(tmp_path / "dlh.xlsx", [good_row(
        kode_kegiatan="2.11.11.1.01", nama_kegiatan=None)],
        meta={"kode_daerah": "63"})
    check_nomenklatur(load_profile(profile))  # no error
    result = validate([path], load_profile(profile)).files[0]
    assert [f.code for f in result.findings if f.code in ("KSD302", "KSD305")] == []
