"""The registry: the contract's codes, each with the contract's severity."""

from __future__ import annotations

import os
import re
import string
from pathlib import Path

import pytest

from pemetaan_ksd.model import Severity
from pemetaan_ksd.rules.registry import CODES, FILE_RULES, ROW_RULES, Posisi, finding
from pemetaan_ksd.validate import check_submission  # noqa: F401  (registers every rule)

G, P, I = Severity.GALAT, Severity.PERINGATAN, Severity.INFO  # noqa: E741

# The registered codes with the contract's severities (a copy, checked against CONTRACT.md
# below whenever it is beside the project, which it always is in CI).
CONTRACT_SEVERITY = {
    "KSD101": G, "KSD102": G, "KSD103": G, "KSD104": P, "KSD105": G, "KSD106": G,
    "KSD107": P, "KSD108": P, "KSD109": P, "KSD110": G, "KSD111": P, "KSD112": I,
    "KSD113": G, "KSD114": P,
    "KSD201": G, "KSD202": G, "KSD203": G, "KSD204": G, "KSD205": P, "KSD206": G,
    "KSD301": G, "KSD302": G, "KSD303": G, "KSD304": G, "KSD305": G, "KSD306": P, "KSD307": P,
    "KSD401": G, "KSD402": G, "KSD403": G, "KSD404": G, "KSD405": G, "KSD406": G, "KSD407": G,
    "KSD408": G, "KSD409": G, "KSD410": I, "KSD411": I, "KSD412": I, "KSD413": P,
    "KSD501": G, "KSD502": P, "KSD503": P, "KSD504": I,
}
# The one list of contract codes that are not registered yet, each with what brings it. A code
# leaves this list in the change that registers it; nothing else may be missing.
NOT_YET_REGISTERED = {
    "KSD414": "issue 12: the bidang urusan each OPD handles, from the profile",
    "KSD415": "issue 12: the partner is a unit of this daerah's own government",
    "KSD416": "issue 12: an object that reads as plain procurement",
    "KSD417": "issue 12: the profile's register of agreements in force",
    "KSD418": "issue 11: usulan whose years end before the year consolidated",
    "KSD419": "issue 11: code and name disagree; Identitas name differs from the profile",
}
CONTRACT_FILE = Path(__file__).resolve().parents[2] / "shared" / "spec" / "CONTRACT.md"
CROSS_FILE_CODES = {"KSD501", "KSD502", "KSD503", "KSD504"}  # lintas_berkas functions


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
    registered = {c for codes, _ in [*FILE_RULES, *ROW_RULES] for c in codes}
    assert registered | CROSS_FILE_CODES == set(CODES)


def test_every_template_has_title_and_renders_with_its_fields() -> None:
    for spec in CODES.values():
        assert spec.title
        for variant, template in spec.templates.items():
            names = {n for _, n, _, _ in string.Formatter().parse(template) if n}
            found = finding(spec.code, Posisi(), variant, **{n: f"<{n}>" for n in names})
            assert found.code == spec.code
            assert "{" not in found.message, (spec.code, variant)


def test_finding_carries_position_and_variant_legal_basis() -> None:
    pos = Posisi("Usulan", "N7", 7, "Prakarsa", None)
    found = finding("KSD409", pos, "prakarsa", keadaan="kosong")
    assert (found.code, found.severity, found.sheet, found.cell, found.row, found.column) == (
        "KSD409", G, "Usulan", "N7", 7, "Prakarsa")
    assert found.dasar_hukum == "PP 28/2018 Pasal 17 dan Pasal 18"
    assert finding("KSD409", pos).dasar_hukum == "PP 28/2018 Pasal 14"
    assert finding("KSD401", pos, mitra="a", daerah="b", tetangga="c").dasar_hukum == (
        "PP 28/2018 Pasal 3 ayat (2)")
