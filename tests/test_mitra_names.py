"""Partner names as clerks write them: prefixes, short names, spacing, misspellings (issue 11.1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pemetaan_ksd.model import Finding, Severity
from pemetaan_ksd.profile import load_profile, parse_profile, render_profile
from pemetaan_ksd.validate import validate
from workbooks import build_submission, good_row

PROVINSI = {"Prov. Kalsel", "Pemprov Kalsel", "Kalsel", "Provinsi Kalsel"}


def _findings(tmp_path: Path, calon_mitra: str, profile_text: str | None = None
              ) -> list[Finding]:
    """The galat and peringatan of a file whose one usulan names `calon_mitra`, code empty."""
    jenis_mitra = "Daerah Provinsi" if calon_mitra in PROVINSI else "Daerah Kabupaten/Kota"
    path = build_submission(tmp_path / "dlh.xlsx", [good_row(
        calon_mitra=calon_mitra, kode_wilayah_mitra=None, jenis_kerja_sama="KSDD Sukarela",
        jenis_mitra=jenis_mitra)])
    profil = (load_profile(None) if profile_text is None
              else parse_profile(profile_text, "ksd.toml", base=tmp_path))
    (fr,) = validate([path], profil).files
    return [f for f in fr.findings if f.severity is not Severity.INFO]

@pytest.mark.parametrize("calon_mitra", [
    "Pemko Banjarmasin", "Pemkot Banjarmasin", "Kot. Banjarmasin", "Pemko Banjarbaru",
    "Kota Banjar Baru", "Banjar Baru", "Prov. Kalsel", "Pemprov Kalsel", "Kalsel",
    "Provinsi Kalsel", "Batola", "Pemkab Batola", "Kabupaten HSS", "HSS", "HST", "HSU",
    "Tala", "Tanbu", "Balangan", "Kotabaru", "Kota Baru", "Kab. Tapin", "Tapin",
])
def test_everyday_names_of_a_daerah_partner_pass(tmp_path: Path, calon_mitra: str) -> None:
    assert [(f.code, f.cell) for f in _findings(tmp_path, calon_mitra)] == []

def test_a_misspelt_name_names_the_closest_daerah(tmp_path: Path) -> None:
    [finding] = _findings(tmp_path, "Kota Banjarmasn")
    assert (finding.code, finding.cell) == ("KSD402", "J7")
    assert "Maksud Anda Kota Banjarmasin (kode 63.71)?" in finding.message
    assert "Banjarbaru" not in finding.message

def test_a_name_like_no_daerah_keeps_the_plain_message(tmp_path: Path) -> None:
    [finding] = _findings(tmp_path, "Kota Antah Berantah")
    assert (finding.code, finding.cell) == ("KSD402", "J7")
    assert "Maksud Anda" not in finding.message

def test_a_short_name_of_the_wrong_type_is_not_taken(tmp_path: Path) -> None:
    # "Kota HSS": HSS is a kabupaten
    assert [(f.code, f.cell) for f in _findings(tmp_path, "Kota HSS")] == [("KSD402", "J7")]

def test_the_profile_adds_short_names(tmp_path: Path) -> None:
    text = render_profile("63.03", 2025) + '\n[alias]\n"Bakula" = "63.72"\n'
    assert [(f.code, f.cell) for f in _findings(tmp_path, "Bakula")] == [("KSD402", "J7")]
    assert _findings(tmp_path, "Bakula", text) == []
    assert _findings(tmp_path, "Pemko Bakula", text) == []
