"""The README's rule table lists exactly the registered rules, with their severities."""

from __future__ import annotations

import re
from pathlib import Path

from pemetaan_ksd.rules.registry import CODES

README = Path(__file__).resolve().parent.parent / "README.md"


def test_rule_table_equals_the_registry() -> None:
    rows = re.findall(r"^\| (KSD\d{3}) \| (galat|peringatan|info) \|", README.read_text(
        encoding="utf-8"), flags=re.M)
    assert len(rows) == len(set(rows))
    assert dict(rows) == {code: str(spec.severity) for code, spec in CODES.items()}
