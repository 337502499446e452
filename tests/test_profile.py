"""Profiles: the built-in example, init's output, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from pemetaan_ksd.errors import ProfileError
from pemetaan_ksd.profile import load_profile, parse_profile, render_profile


def test_builtin_profile_is_kabupaten_banjar_with_example_opd() -> None:
    profil = load_profile(None)
    assert profil.bawaan
    assert (profil.daerah.kode, profil.daerah.nama, profil.tahun) == (
        "63.03",
        "Kabupaten Banjar",
        2025,
    )
    assert profil.provinsi.kode == "63"
    assert 25 <= len(profil.perangkat_daerah) <= 30
    assert profil.opd("1.02.0.00.0.00.01.0000") is not None
    assert [d.kode for d in profil.tetangga][:2] == ["63.01", "63.02"]


def test_rendered_profile_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "ksd.toml"
    path.write_text(render_profile("64.71", 2026), encoding="utf-8")
    profil = load_profile(path)
    assert (profil.daerah.nama, profil.tahun, profil.sumber) == ("Kota Balikpapan", 2026, str(path))
    assert "CONTOH UNTUK DIUBAH" in path.read_text(encoding="utf-8")
    assert profil.provinsi.nama_lengkap == "Provinsi Kalimantan Timur"
    assert all(o.nama for o in profil.perangkat_daerah)


def test_profile_points_at_newer_nomenclature(tmp_path: Path) -> None:
    (tmp_path / "nomen.csv").write_text("kode,nama\n1.02.02.2.09,Kegiatan Baru\n")
    text = (
        render_profile("63.03", 2025)
        .replace('# berkas = "nomenklatur_terbaru.xlsx"', 'berkas = "nomen.csv"')
        .replace('# versi = "Kepmendagri 900.1-2850/2025"', 'versi = "Kepmendagri 900.1-2850/2025"')
    )
    profil = parse_profile(text, "ksd.toml", base=tmp_path)
    assert profil.referensi().nomenklatur.versi == "Kepmendagri 900.1-2850/2025"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tahun = 2025\n[daerah\nkode = '63.03'\n", "baris 2"),
        ("tahun = 2025\n[daerah]\nkode = '99.99'\n", "daerah.kode (baris 3)"),
        ("tahun = 'dua ribu'\n[daerah]\nkode = '63.03'\n", "kunci tahun (baris 1)"),
        (
            "tahun = 2025\n[daerah]\nkode = '63.03'\n[[perangkat_daerah]]\nkode = 'A'\n",
            "perangkat_daerah ke-1, kunci nama",
        ),
    ],
)
def test_broken_profile_names_key_and_line(text: str, expected: str) -> None:
    with pytest.raises(ProfileError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        parse_profile(text, "ksd.toml", base=Path("."))


def test_unknown_daerah_for_init() -> None:
    with pytest.raises(ProfileError, match="tidak dikenal"):
        render_profile("00.00", 2025)
