"""The shape of the core that the project brief fixes: who may import what, and module size."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "pemetaan_ksd"
# Pure data tables may be longer: the contract, the rule messages, the demo's example data.
DATA_TABLES = {"contract.py", "rules/messages.py", "demo/contoh.py"}
MAX_LINES = 350


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules() -> dict[str, set[str]]:
    return {p.relative_to(SRC).as_posix(): _imports(p) for p in SRC.rglob("*.py")}


def test_only_the_terminal_renderer_imports_rich() -> None:
    users = {m for m, names in _modules().items()
             if any(n == "rich" or n.startswith("rich.") for n in names)}
    assert users == {"cli/render.py"}


def test_only_the_reader_imports_calamine() -> None:
    users = {m for m, names in _modules().items() if any(n.startswith("python_calamine")
                                                         for n in names)}
    assert users and all(m.startswith("read/") for m in users), users


def test_the_cli_imports_only_the_api_and_itself() -> None:
    for module, names in _modules().items():
        if not module.startswith("cli/"):
            continue
        ours = {n for n in names if n.startswith("pemetaan_ksd")}
        allowed = {"pemetaan_ksd", "pemetaan_ksd.api"}
        assert all(n in allowed or n.startswith("pemetaan_ksd.cli") for n in ours), (module, ours)


def test_modules_stay_small() -> None:
    long = {p.relative_to(SRC).as_posix(): n for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert set(long) <= DATA_TABLES, long
