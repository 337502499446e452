"""File names as inboxes hold them: spaces, non-ASCII, and bytes that are not UTF-8."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from pemetaan_ksd.cli.app import run
from workbooks import build_submission, good_row


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux names may hold any bytes")
def test_a_name_that_is_not_utf8_is_shown_with_the_replacement_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    good = tmp_path / "good.xlsx"
    build_submission(good, [good_row()])
    raw = os.fsencode(inbox) + b"/dinas \xff lingkungan.xlsx"  # Latin-1 from an old server
    os.rename(good, raw)
    report, workbook, copies = tmp_path / "r.json", tmp_path / "daftar.xlsx", tmp_path / "cat"
    code = run(["gabung", str(inbox), "-o", str(workbook), "--laporan", str(report),
                "--anotasi", str(copies)])
    assert code == 0  # not 3: the name is not our fault, nor the file's
    shown = "masuk/dinas \ufffd lingkungan.xlsx"
    paths = [f["path"] for f in json.loads(report.read_text(encoding="utf-8"))["files"]]
    assert [p.endswith(shown) for p in paths] == [True]
    [copy] = list(copies.iterdir())
    assert os.fsencode(copy.name) == b"dinas \xff lingkungan.catatan.xlsx"  # named as sent
    info = CalamineWorkbook.from_path(str(workbook)).get_sheet_by_name("Info").to_python()
    assert any(isinstance(v, str) and v.endswith(shown) for row in info for v in row)
    assert "\ufffd" in capsys.readouterr().out
