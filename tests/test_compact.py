"""Results pickled as plain tuples (compact.py) come back equal, through a real worker too."""

from __future__ import annotations

import dataclasses
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

from pemetaan_ksd.model import Finding, RowResult, Severity, Usulan


def _usulan(row: int) -> Usulan:
    return Usulan(row, "1.02", "1.02.02", "Program", "1.02.02.2.01", "Kegiatan", None,
                  "Objek kerja sama pelayanan kesehatan", "KSDD Sukarela", "Kabupaten Tapin",
                  "63.05", "Kabupaten Tapin", True, "Pemerintah Daerah", None, "Daerah",
                  2025, 2026, "Tinggi", 1.5e8, ("APBD",), "Ya", "Tidak", "Perencanaan", None,
                  True)


def _row(row: int) -> RowResult:
    finding = Finding("KSD201", Severity.GALAT, "Isian wajib kosong.", "Usulan", f"K{row}",
                      row, "Objek", None, "Pasal 5 ayat (2)")
    return RowResult(row, _usulan(row), [finding], f"A{row}")


def _echo(value: object) -> object:
    return value


def test_state_is_the_tuple_of_the_fields() -> None:
    row = _row(9)
    assert row.usulan.__getstate__() == tuple(getattr(row.usulan, f) for f in Usulan.__slots__)
    assert row.__getstate__() == (9, row.usulan, row.findings, "A9")


def test_round_trip_in_this_process_and_through_a_worker() -> None:
    rows = [_row(n) for n in range(9, 14)]
    assert pickle.loads(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)) == rows
    with ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(_echo, rows).result() == rows


def test_a_frozen_value_stays_frozen_after_the_trip() -> None:
    back = pickle.loads(pickle.dumps(_row(9)))
    assert back.findings[0].cell == "K9"
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.usulan.objek = "lain"
