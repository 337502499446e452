"""Progress covers the whole run: checking, feedback copies, workbook; on a terminal only."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from pemetaan_ksd import api
from pemetaan_ksd.cli import render
from pemetaan_ksd.profile import load_profile
from workbooks import build_submission, good_row


def _inbox(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        build_submission(folder / f"opd{i}.xlsx", [good_row()],
                         identitas={"kode_opd": f"2.11.0.00.0.00.{i + 1:02d}.0000"})
    return folder


def test_merge_reports_every_phase(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    api.merge([_inbox(tmp_path / "masuk", 3)], tmp_path / "d.xlsx", load_profile(None),
              feedback_dir=tmp_path / "cat", progress=lambda s, d, t: calls.append((str(s), d, t)))
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == ["Memeriksa berkas", "Menulis salinan umpan balik",
                      "Menulis buku kerja gabungan"]
    assert calls[-1] == ("Menulis buku kerja gabungan", 1, 1)
    assert ("Menulis salinan umpan balik", 3, 3) in calls


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_names_each_phase_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with render.ProgressBar() as bar:
        for done in range(1, 8):
            bar(api.Stage.CHECK, done, 7)
        assert bar._bar is not None
        bar(api.Stage.FEEDBACK, 1, 7)
        bar(api.Stage.WORKBOOK, 0, 1)  # small, but shown: the bar is already up
        assert [t.description for t in bar._bar.tasks if t.visible] == [
            "Menulis buku kerja gabungan"]
    assert bar._bar is None


def test_no_bar_when_not_a_terminal_or_few_files(monkeypatch: pytest.MonkeyPatch) -> None:
    with render.ProgressBar() as bar:  # pytest's stderr is not a terminal
        bar(api.Stage.CHECK, 1, 50)
        assert bar._bar is None
    monkeypatch.setattr(sys, "stderr", _Terminal())
    with render.ProgressBar() as bar:
        for done in range(1, 6):
            bar(api.Stage.CHECK, done, 5)  # a handful
        assert bar._bar is None
