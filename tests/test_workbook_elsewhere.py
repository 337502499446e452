"""Daftar Rencana's rows made by another process (write/workbook/elsewhere.py) are the rows this
process writes itself: the same sheet XML, byte for byte; a stopped one leaves nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from halves import count_halves
from pemetaan_ksd import api
from pemetaan_ksd.daftar_tahun import daftar_tahun
from pemetaan_ksd.write.workbook import daftar, elsewhere
from pemetaan_ksd.write.workbook.stream import Columns, Numbering
from pemetaan_ksd.write.workbook.writer import start_daftar, write_workbook

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo-pemetaan-ksd"


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> api.MergeRun:
    out = tmp_path_factory.mktemp("gabung") / "daftar.xlsx"
    return api.merge([DEMO / "masuk"], out, api.open_profile(DEMO / "ksd.toml"))


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as book:
        return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}


def test_rows_made_elsewhere_are_the_rows_made_here(
        merged: api.MergeRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert merged.konsolidasi is not None and len(merged.konsolidasi.daftar) > 0
    profil = api.open_profile(DEMO / "ksd.toml")
    made: list[int] = []
    real = elsewhere.Elsewhere.__init__

    def counted(self: elsewhere.Elsewhere, *args: object, **kwargs: object) -> None:
        made.append(1)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(elsewhere, "MIN_ROWS", 10**9)
    here = write_workbook(tmp_path / "di_sini.xlsx", merged.konsolidasi, merged.report, profil)
    monkeypatch.setattr(elsewhere, "MIN_ROWS", 1)
    monkeypatch.setattr(elsewhere.Elsewhere, "__init__", counted)
    there = write_workbook(tmp_path / "di_sana.xlsx", merged.konsolidasi, merged.report, profil)
    assert made == [1]
    assert _parts(there) == _parts(here)
    assert not list(tmp_path.glob("*.tmp"))


def test_rows_started_before_the_workbook_are_the_rows_made_here(
        merged: api.MergeRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert merged.konsolidasi is not None
    profil = api.open_profile(DEMO / "ksd.toml")
    found = daftar_tahun(merged.report, profil.referensi(), merged.report.tahun)
    monkeypatch.setattr(elsewhere, "MIN_ROWS", 10**9)
    here = write_workbook(tmp_path / "di_sini.xlsx", merged.konsolidasi, merged.report, profil)
    assert start_daftar(found) is None
    monkeypatch.setattr(elsewhere, "MIN_ROWS", 1)
    early = start_daftar(found)
    assert early is not None
    try:
        there = write_workbook(tmp_path / "lebih_awal.xlsx", merged.konsolidasi, merged.report,
                               profil, early=early)
    finally:
        early.made.close()
    assert _parts(there) == _parts(here)


def test_rows_started_for_other_styles_are_a_fault_of_ours(
        merged: api.MergeRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert merged.konsolidasi is not None
    profil = api.open_profile(DEMO / "ksd.toml")
    monkeypatch.setattr(elsewhere, "MIN_ROWS", 1)
    early = start_daftar(daftar_tahun(merged.report, profil.referensi(), merged.report.tahun))
    assert early is not None
    numbering, columns, first, _ = early.made.given
    early.made.close()
    other = daftar.Early(early.rows, elsewhere.Elsewhere(
        Numbering({**numbering.cell, "text": 99}, numbering.tint, numbering.warn, False, False),
        columns, early.rows, first, str(tmp_path)))
    with pytest.raises(RuntimeError, match="another layout"):
        write_workbook(tmp_path / "salah.xlsx", merged.konsolidasi, merged.report, profil,
                       early=other)
    other.made.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _numbering() -> Numbering:
    return Numbering({"text": 1, "center": 2, "date": 3}, {}, 4, False, False)


def test_a_process_stopped_midway_is_gone_with_its_files(tmp_path: Path) -> None:
    rows = [("x" * 200,)] * 200_000
    pending = elsewhere.Elsewhere(_numbering(), Columns(["text"], [True], [], 11.3), rows, 5,
                                  str(tmp_path))
    process = pending._process
    assert process is not None and len(list(tmp_path.iterdir())) == 3
    pending.close()
    assert process.poll() is not None and list(tmp_path.iterdir()) == []


def test_a_failing_process_is_a_fault_of_ours_not_a_short_sheet(tmp_path: Path) -> None:
    rows = [("a", "b")] * 10  # two values where the columns say one: the worker fails
    pending = elsewhere.Elsewhere(_numbering(), Columns(["text"], [True], [], 11.3), rows, 5,
                                  str(tmp_path))
    with pytest.raises(RuntimeError, match="IndexError"):
        pending.deflated()
    pending.close()
    assert list(tmp_path.iterdir()) == []


def test_a_large_part_deflated_in_two_halves_reads_back_the_same(
        merged: api.MergeRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The halves joined are one deflate stream: zipfile (zlib) and calamine (Rust's inflate)
    read every part as written whole."""
    assert merged.konsolidasi is not None
    profil = api.open_profile(DEMO / "ksd.toml")
    whole = write_workbook(tmp_path / "utuh.xlsx", merged.konsolidasi, merged.report, profil)
    halves = count_halves(monkeypatch, 4096)
    split = write_workbook(tmp_path / "belah.xlsx", merged.konsolidasi, merged.report, profil)
    assert len(halves) > 10
    with zipfile.ZipFile(split) as book:
        assert book.testzip() is None
    assert _parts(split) == _parts(whole)
    for name in ("Daftar Rencana", "Perlu Perbaikan"):
        assert (CalamineWorkbook.from_path(str(split)).get_sheet_by_name(name).to_python()
                == CalamineWorkbook.from_path(str(whole)).get_sheet_by_name(name).to_python())
