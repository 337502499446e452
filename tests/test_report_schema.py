"""docs/laporan.md documents every key the JSON report has, and nothing that it lacks."""

from __future__ import annotations

import re
from pathlib import Path

from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.report_json import report_to_dict
from workbooks import build_submission, good_row

DOC = Path(__file__).resolve().parent.parent / "docs" / "laporan.md"


def _documented(section: str) -> set[str]:
    text = DOC.read_text(encoding="utf-8")
    part = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    keys: set[str] = set()
    for line in part.splitlines():
        if line.startswith("| `"):
            keys.update(re.findall(r"`([a-z_0-9]+)(?:\[\])?`", line.split("|")[1]))
    return keys


def test_every_report_key_is_documented(tmp_path: Path) -> None:
    build_submission(tmp_path / "dlh.xlsx", [good_row()])
    document = report_to_dict(validate([tmp_path], load_profile(None)))
    assert set(document) == _documented("Tingkat atas")
    assert set(document["files"][0]) == _documented("`files[]`")
    assert set(document["summary"]) == _documented("`summary`")
