"""What the program writes for an operator to follow is inert too: proses.log, which is read
with `tail -f`, and the traceback of an internal fault shown with --debug (and its log file).
A crafted file name or cell must not reach a terminal as an escape sequence from there."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from pemetaan_ksd import api
from pemetaan_ksd import inert as core_inert
from pemetaan_ksd.cli import app as cli_app
from pemetaan_ksd.cli import inert as cli_inert
from pemetaan_ksd.cli.app import LOG_NAME, run
from workbooks import build_submission, good_row

CLEAR, TITLE, BIDI = "\x1b[2J", "\x1b]0;diretas\x07", "\u202e"
ACTIVE = ("\x1b", "\x07", "\u202e", "\x9b", "\r")


def test_the_cli_uses_the_core_helpers() -> None:
    assert cli_inert.inert is core_inert.inert and cli_inert.inert_lines is core_inert.inert_lines
    assert core_inert.inert(f"a{CLEAR}\n") == "a\\u001b[2J\\u000a"
    assert core_inert.inert_lines(f"a{BIDI}\nb\r") == "a\\u202e\nb\\u000d"


def test_proses_log_names_a_crafted_file_inert(tmp_path: Path) -> None:
    masuk = tmp_path / "masuk"
    masuk.mkdir()
    name = f"dinas{CLEAR}{TITLE}{BIDI}\x9b31m.xlsx"
    path = build_submission(masuk / name, [good_row()])
    os.utime(path, (1_700_000_000, 1_700_000_000))
    assert run(["proses", "--masuk", str(masuk), "--keluar", str(tmp_path / "keluar")]) == 0
    log = (tmp_path / "keluar" / "proses.log").read_text(encoding="utf-8")
    assert not any(char in log for char in ACTIVE)
    assert "dinas\\u001b[2J\\u001b]0;diretas\\u0007\\u202e\\u009b31m.xlsx" in log
    assert log.count("\n") == 1


def test_debug_traceback_keeps_its_lines_and_shows_controls_by_code(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"nilai {CLEAR}{TITLE}{BIDI} dari berkas")

    path = build_submission(tmp_path / "dlh.xlsx", [good_row()])
    monkeypatch.setattr(api, "validate", broken)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setitem(cli_app._state, "debug", False)
    assert run(["--debug", "validasi", str(path)]) == 3
    err = capsys.readouterr().err
    assert not any(char in err for char in ACTIVE)
    assert "\nTraceback (most recent call last):\n" in err
    assert "RuntimeError: nilai \\u001b[2J\\u001b]0;diretas\\u0007\\u202e dari berkas\n" in err
    log = (tmp_path / LOG_NAME).read_text(encoding="utf-8")
    assert not any(char in log for char in ACTIVE) and log.count("\n") > 3
