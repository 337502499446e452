"""The committed examples are exactly what the generator writes (content, not zip bytes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "examples" / "demo-pemetaan-ksd"


def _relative_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _workbook_content(path: Path) -> dict[str, Any]:
    """Every sheet's values, notes, and visibility: what a reader of the file sees."""
    book = load_workbook(path)
    content: dict[str, Any] = {}
    for ws in book.worksheets:
        cells = {c.coordinate: (c.value, c.comment.text if c.comment else None)
                 for row in ws.iter_rows() for c in row
                 if c.value is not None or c.comment is not None}
        content[ws.title] = (ws.sheet_state, cells)
    return content


def _content(path: Path) -> Any:
    if path.suffix == ".xlsx":
        return _workbook_content(path)
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def regenerated(demo_folder: Path) -> Path:
    """What `python scripts/generate_examples.py` writes (see conftest.demo_folder)."""
    return demo_folder


def test_examples_hold_the_same_files(regenerated: Path) -> None:
    assert _relative_files(COMMITTED) == _relative_files(regenerated)


@pytest.mark.parametrize("name", _relative_files(COMMITTED) if COMMITTED.is_dir() else [])
def test_each_example_file_matches_the_generator(regenerated: Path, name: str) -> None:
    assert _content(COMMITTED / name) == _content(regenerated / name), (
        f"examples/demo-pemetaan-ksd/{name} berbeda dengan hasil generator: "
        "jalankan python scripts/generate_examples.py"
    )
