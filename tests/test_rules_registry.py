"""The registry: the contract's codes, each with the contract's severity."""

from __future__ import annotations

import os
import re
import string
from pathlib import Path

import pytest

from pemetaan_ksd.model import Severity
from pemetaan_ksd.rules.catalog import ENGINE
from pemetaan_ksd.rules.registry import CODES, Position, finding

GALAT, PERINGATAN, INFO = Severity.GALAT, Severity.PERINGATAN, Severity.INFO

# The registered codes with the contract's severities (a copy, checked against CONTRACT.md
# below whenever it is beside the project, which it always is in CI).
CONTRACT_SEVERITY = {
    "KSD101": GALAT, "KSD102": GALAT, "KSD103": GALAT, "KSD104": PERINGATAN, "KSD105": GALAT,
    "KSD106": GALAT, "KSD107": PERINGATAN, "KSD108": PERINGATAN, "KSD109": PERINGATAN,
    "KSD110": GALAT, "KSD111": PERINGATAN, "KSD112": INFO, "KSD113": GALAT, "KSD114": PERINGATAN,
    "KSD201": GALAT, "KSD202": GALAT, "KSD203": GALAT, "KSD204": GALAT, "KSD205": PERINGATAN,
    "KSD206": GALAT,
    "KSD301": GALAT, "KSD302": GALAT, "KSD303": GALAT, "KSD304": GALAT, "KSD305": GALAT,
    "KSD306": PERINGATAN, "KSD307": PERINGATAN,
    "KSD401": GALAT, "KSD402": GALAT, "KSD403": GALAT, "KSD404": GALAT, "KSD405": GALAT,
    "KSD406": GALAT, "KSD407": GALAT, "KSD408": GALAT, "KSD409": GALAT, "KSD410": INFO,
    "KSD411": INFO, "KSD412": INFO, "KSD413": PERINGATAN, "KSD414": PERINGATAN,
    "KSD415": GALAT, "KSD416": PERINGATAN, "KSD417": PERINGATAN, "KSD419": PERINGATAN,
    "KSD418": INFO,
    "KSD501": GALAT, "KSD502": PERINGATAN, "KSD503": PERINGATAN, "KSD504": INFO,
}
# The one list of contract codes that are not registered yet, each with what brings it. A code
# leaves this list in the change that registers it; nothing else may be missing.
NOT_YET_REGISTERED: dict[str, str] = {}
CONTRACT_FILE = Path(__file__).resolve().parents[2] / "shared" / "spec" / "CONTRACT.md"


def _contract_table() -> dict[str, Severity]:
    """code -> severity from CONTRACT.md section 2; a failure under CI when it is absent."""
    if not CONTRACT_FILE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{CONTRACT_FILE} tidak ada, padahal CI menyediakannya")
        pytest.skip("CONTRACT.md is not beside the project")
    table = re.findall(r"^\| (KSD\d{3}) \| (galat|peringatan|info) \|",
                       CONTRACT_FILE.read_text(encoding="utf-8"), re.MULTILINE)
    return {code: Severity(sev) for code, sev in table}


def test_registry_has_exactly_the_registered_codes_and_severities() -> None:
    assert {c: s.severity for c, s in CODES.items()} == CONTRACT_SEVERITY
    assert not set(NOT_YET_REGISTERED) & set(CODES)


def test_registry_matches_the_contract_document() -> None:
    table = _contract_table()
    assert set(table) == set(CONTRACT_SEVERITY) | set(NOT_YET_REGISTERED)
    assert {c: s for c, s in table.items() if c in CONTRACT_SEVERITY} == CONTRACT_SEVERITY


def test_every_code_has_a_rule() -> None:
    assert ENGINE.codes == set(CODES)  # the across rules (KSD5xx) too: no exemption


def test_every_template_has_title_and_renders_with_its_fields() -> None:
    for spec in CODES.values():
        assert spec.title
        for variant in spec.variants:
            template = spec.template(variant)
            names = {n for _, n, _, _ in string.Formatter().parse(template) if n}
            found = finding(spec.code, Position(), variant, **{n: f"<{n}>" for n in names})
            assert found.code == spec.code
            assert "{" not in found.message, (spec.code, variant)


def test_finding_carries_position_and_variant_legal_basis() -> None:
    pos = Position("Usulan", "N7", 7, "Prakarsa", None)
    found = finding("KSD409", pos, "prakarsa", keadaan="kosong")
    assert (found.code, found.severity, found.sheet, found.cell, found.row, found.column) == (
        "KSD409", GALAT, "Usulan", "N7", 7, "Prakarsa")
    assert found.dasar_hukum == "PP 28/2018 Pasal 17 dan Pasal 18"
    assert finding("KSD409", pos).dasar_hukum == "PP 28/2018 Pasal 14"
    assert finding("KSD401", pos, mitra="a", daerah="b", tetangga="c").dasar_hukum == (
        "PP 28/2018 Pasal 3 ayat (2)")
