"""Many files are read and checked over every core, with the same results as one by one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pemetaan_ksd import parallel
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.rules.context import Context
from workbooks import build_submission, good_row


def test_few_files_use_one_process_many_use_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert parallel.workers_for(1) == 1
    assert parallel.workers_for(parallel.MIN_FILES_PER_WORKER * 2 - 1) == 1
    assert parallel.workers_for(parallel.MIN_FILES_PER_WORKER * 2) == 2
    assert parallel.workers_for(10_000) == 2


def test_the_pool_gives_the_results_of_one_by_one(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    first = build_submission(tmp_path / "f00.xlsx", [
        good_row(), good_row(no=2, calon_mitra="Kota Balikpapan", jenis_kerja_sama="KSDD Wajib",
                             kode_wilayah_mitra=None)])
    (tmp_path / "bukan.xlsx").write_bytes(b"not a workbook")
    for i in range(1, 20):
        shutil.copy(first, tmp_path / f"f{i:02d}.xlsx")
    items = [(p, p.name) for p in sorted(tmp_path.glob("*.xlsx"))]
    ctx = Context.from_profile(load_profile(None))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    pooled = list(parallel.check_files(items, ctx))
    monkeypatch.setattr(parallel, "workers_for", lambda count: 1)
    serial = list(parallel.check_files(items, ctx))
    assert pooled == serial
    assert [getattr(r, "display_path", None) for r in pooled] == [name for _, name in items]
    assert {f.code for r in pooled if not isinstance(r, str) for f in r.findings} >= {
        "KSD101", "KSD401"}
