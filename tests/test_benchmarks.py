"""benchmarks/: the generator and the runner work, on three files (nothing is timed here).

The runner is run as documented, as a command; the generated files are then checked against
what the generator says it planted: the clean file is valid, and every galat of the others is
exactly a planted mistake at its cell.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
N = 3
COMMANDS = ("floor (calamine, Usulan)", "validasi --format json", "validasi (teks)", "gabung")


def _run(argv: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the runner wrote into: data/n3, results.md, results.json."""
    tmp = tmp_path_factory.mktemp("bench")
    done = _run([sys.executable, str(BENCHMARKS / "run.py"), "--n", str(N), "--repeats", "1",
                 "--help-repeats", "1", "--no-warm-up", "--data", str(tmp / "data"),
                 "--out", str(tmp / "results.md"), "--json", str(tmp / "results.json")])
    assert done.returncode == 0, done.stderr
    return tmp


def _table(text: str) -> dict[str, list[str]]:
    """Markdown table rows by command."""
    rows = [[cell.strip() for cell in line.strip("|").split("|")]
            for line in text.splitlines() if line.startswith("| ")]
    header, body = rows[0], rows[1:]
    assert header[:3] == ["command", "files", "rows"]
    return {row[0]: row for row in body}


def test_the_table_has_a_row_for_each_command(bench: Path) -> None:
    text = (bench / "results.md").read_text(encoding="utf-8")
    table = _table(text)
    assert set(table) == {*COMMANDS, "pemetaan-ksd --help"}
    for command in COMMANDS:
        assert table[command][1:3] == [str(N), f"{N * 50}"]
        assert float(table[command][3]) > 0
    # The ratio to the floor is judged from 1,000 files on (issue 13's basis), not for 3
    assert table["validasi --format json"][9:11] == ["", ""]
    assert table["validasi (teks)"][9].startswith("≤ 1.2× JSON")
    assert table["pemetaan-ksd --help"][9] == "≤ 0.25 s"
    assert "- machine: " in text and "- program: " in text
    results = json.loads((bench / "results.json").read_text(encoding="utf-8"))
    assert {m["command"] for m in results["measures"]} == set(table)
    assert all(len(m["samples"]) == 1 and m["peak_mib"] > 0 for m in results["measures"])
    assert results["inputs"][str(N)]["rows"] == N * 50


def _report(folder: Path) -> dict[str, Any]:
    done = _run([sys.executable, "-m", "pemetaan_ksd", "validasi", "masuk", "--profil",
                 "ksd.toml", "--format", "json"], cwd=folder)
    assert done.returncode == 1, done.stderr  # galat planted
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def test_generated_files_carry_the_planted_findings(bench: Path) -> None:
    folder = bench / "data" / f"n{N}"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    report = _report(folder)
    assert report["summary"]["files"] == N
    assert report["summary"]["rows"] == N * 50
    assert 0 < report["summary"]["rows_accepted"] < N * 50
    by_name = {f["path"].removeprefix("masuk/"): f for f in report["files"]}
    assert [e["clean"] for e in manifest["files"]] == [True, False, False]
    for entry in manifest["files"]:
        result = by_name[entry["name"]]
        assert result["kode_opd"] == entry["kode_opd"]
        assert result["status"] == ("valid" if entry["clean"] else "tidak_valid")
        galat = {(f["cell"], f["code"]) for f in result["findings"] if f["severity"] == "galat"}
        planted = {(m["cell"], m["code"]) for m in entry["mistakes"]}
        assert galat == planted
        assert result["rows_rejected"] == entry["planted"] == len(planted)
        at: dict[str, set[str]] = defaultdict(set)
        for finding in result["findings"]:
            at[finding["cell"]].add(finding["code"])
        for warning in entry["warnings"]:
            assert warning["code"] in at[warning["cell"]], warning
    kinds = {m["kind"] for e in manifest["files"] for m in e["mistakes"]}
    assert len(kinds) >= 6  # a mix of mistakes, not one kind


def test_two_rows_exactly(bench: Path) -> None:
    """Two planted mistakes by hand: the code, the cell and nothing else of severity galat."""
    folder = bench / "data" / f"n{N}"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    report = _report(folder)
    second = manifest["files"][1]
    result = next(f for f in report["files"] if f["path"] == f"masuk/{second['name']}")
    for mistake in second["mistakes"][:2]:
        on_row = [(f["code"], f["cell"]) for f in result["findings"]
                  if f["row"] == mistake["row"] and f["severity"] == "galat"]
        assert on_row == [(mistake["code"], mistake["cell"])]


def test_the_generator_is_deterministic(bench: Path, tmp_path: Path) -> None:
    done = _run([sys.executable, str(BENCHMARKS / "generate.py"), "2", str(tmp_path)])
    assert done.returncode == 0, done.stderr
    first = sorted((bench / "data" / f"n{N}" / "masuk").glob("*.xlsx"))[1]
    again = tmp_path / "masuk" / first.name
    assert again.read_bytes() == first.read_bytes()
