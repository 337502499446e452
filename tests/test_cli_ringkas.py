"""Over more than a handful of files the terminal shows a line per file and the counts per rule
code, and says where the details are; --rinci (or a handful of files) shows every finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from pemetaan_ksd.cli.app import run
from pemetaan_ksd.cli.options import HANDFUL
from pemetaan_ksd.profile import load_profile
from workbooks import build_submission, good_row

KSD405_TEXT = "Manfaat bagi mitra"  # words of the KSD405 message, which only the details show


def _inbox(folder: Path, count: int) -> Path:
    folder.mkdir()
    units = load_profile(None).perangkat_daerah
    for i in range(count):
        opd = units[i]
        build_submission(folder / f"f{i}.xlsx", [good_row(manfaat_mitra="-" if i == 0 else (
            "Kota Banjarbaru memperoleh tempat pemrosesan akhir yang memadai"))],
            identitas={"kode_opd": opd.kode, "nama_opd": opd.nama})
    return folder


@pytest.fixture
def many(tmp_path: Path) -> Path:
    return _inbox(tmp_path / "banyak", HANDFUL + 1)


def _out(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = run(args)
    return code, capsys.readouterr().out


def test_many_files_a_line_each_and_the_counts_per_code(
    many: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out = _out(["validasi", str(many)], capsys)
    assert code == 1
    lines = out.splitlines()
    file_lines = [line for line in lines if ".xlsx · " in line]
    assert len(file_lines) == HANDFUL + 1  # one each, never wrapped
    assert file_lines[0].startswith("PERLU PERBAIKAN ") and "f0.xlsx" in file_lines[0]
    assert "1 usulan, 0 diterima · 1 galat" in file_lines[0]
    assert "Temuan per kode" in out
    (ksd405,) = [line for line in lines if line.strip().startswith("KSD405")]
    assert ksd405.split()[:4] == ["KSD405", "galat", "1", "1"]
    assert KSD405_TEXT not in out
    assert "--rinci" in out and "--anotasi" in out


def test_rinci_shows_every_finding_and_says_where_the_details_are(
    many: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _out(["validasi", str(many), "--rinci"], capsys)
    assert code == 1 and KSD405_TEXT in out and "Temuan per kode" not in out
    laporan, catatan = tmp_path / "laporan.json", tmp_path / "catatan"
    code, out = _out(["validasi", str(many), "--laporan", str(laporan), "--anotasi",
                      str(catatan)], capsys)
    assert code == 1 and KSD405_TEXT not in out
    flat = " ".join(out.split())
    assert f"salinan umpan balik di {catatan}" in flat and f"laporan JSON {laporan}" in flat


def test_a_handful_of_files_shows_every_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    few = _inbox(tmp_path / "sedikit", HANDFUL)
    code, out = _out(["validasi", str(few)], capsys)
    assert code == 1 and KSD405_TEXT in out and "Temuan per kode" not in out


def test_gabung_summarises_the_same_way(
    many: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _out(["gabung", str(many), "-o", str(tmp_path / "rekap.xlsx")], capsys)
    assert code == 1 and "Temuan per kode" in out and KSD405_TEXT not in out
    assert "Daftar rencana tahun 2025" in out
    code, out = _out(["gabung", str(many), "-o", str(tmp_path / "rekap.xlsx"), "--rinci"],
                     capsys)
    assert KSD405_TEXT in out
