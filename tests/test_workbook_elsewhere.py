"""Daftar Rencana's rows made by a forked child (write/workbook/elsewhere.py) are the rows this
process writes itself: the same sheet XML, byte for byte; an interrupted child leaves nothing."""

from __future__ import annotations

import os
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pemetaan_ksd import api
from pemetaan_ksd.write.workbook import elsewhere
from pemetaan_ksd.write.workbook.writer import write_workbook

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo-pemetaan-ksd"
LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"),
                           reason="rows are made elsewhere only where fork is safe (Linux)")


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> api.MergeRun:
    out = tmp_path_factory.mktemp("gabung") / "daftar.xlsx"
    return api.merge([DEMO / "masuk"], out, api.open_profile(DEMO / "ksd.toml"))


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as book:
        return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}


@LINUX
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


@LINUX
def test_a_child_stopped_midway_is_gone_with_its_file(tmp_path: Path) -> None:
    def slow() -> list[str]:
        time.sleep(60)
        return ["<row/>"]

    pending = elsewhere.Elsewhere(slow, str(tmp_path))
    pid = pending._pid
    assert list(tmp_path.iterdir())
    pending.close()
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


@LINUX
def test_a_failing_child_is_a_fault_of_ours_not_a_short_sheet(tmp_path: Path) -> None:
    def broken() -> list[str]:
        raise ValueError("bug")

    pending = elsewhere.Elsewhere(broken, str(tmp_path))
    with (tmp_path / "out.xml").open("w", encoding="utf-8") as fh, pytest.raises(RuntimeError):
        pending.copy_into(fh)
    pending.close()
    assert (tmp_path / "out.xml").read_text(encoding="utf-8") == ""
