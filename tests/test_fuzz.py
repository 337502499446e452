"""The mutation fuzzer (tests/fuzzkit.py) with a fixed number of examples, and every crash it has
found as a named regression (tests/fuzz_crashes.py).

A longer run, for developers (hours, or over night):

    python scripts/fuzz.py --kali 20000            # hypothesis, 20,000 mutants
    python scripts/fuzz.py --atheris --detik 3600  # coverage-guided, when atheris installs

Both use the same seeds, mutations and oracle; a failure prints the mutant's bytes' recipe
(hypothesis) or writes the mutant (atheris) to turn into a fixture.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import fuzz_crashes
import fuzzkit as fuzz
from propkit import examples

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                          HealthCheck.data_too_large])
KINDS = fuzz.KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_each_seed_is_a_valid_submission(kind: str, tmp_path: Path) -> None:
    path = fuzz.check(fuzz.seeds()[kind], kind, tmp_path)
    from pemetaan_ksd.read import read_submission

    sub = read_submission(path)
    assert sub.read_error is None and sub.rows


@settings(SETTINGS, max_examples=examples(150))
@given(fuzz.KIND_AND_MUTANT)
def test_no_mutant_escapes_the_reader_nor_the_rules(case: tuple[str, bytes]) -> None:
    kind, mutant = case
    with tempfile.TemporaryDirectory() as folder:
        fuzz.check(mutant, kind, Path(folder))


@settings(SETTINGS, max_examples=examples(30))
@given(fuzz.KIND_AND_MUTANT)
def test_the_command_line_never_faults_on_a_mutant(case: tuple[str, bytes]) -> None:
    kind, mutant = case
    with tempfile.TemporaryDirectory() as folder:
        path = fuzz.check(mutant, kind, Path(folder))
        fuzz.check_cli(path, Path(folder) / "catatan")


@pytest.mark.parametrize("name", sorted(fuzz_crashes.CRASHES))
def test_every_crash_found_stays_fixed(name: str, tmp_path: Path) -> None:
    kind, build = fuzz_crashes.CRASHES[name]
    path = fuzz.check(build(), kind, tmp_path)
    fuzz.check_cli(path, tmp_path / "catatan")
