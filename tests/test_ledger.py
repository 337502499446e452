"""The ledger of `proses`: created, migrated, refused when unusable, and what it answers."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pemetaan_ksd import ledger as ledger_module
from pemetaan_ksd.errors import UsageError
from pemetaan_ksd.ledger import (
    INTERRUPTED,
    RUNNING,
    SCHEMA_VERSION,
    Ledger,
    LedgerError,
    Seen,
)
from pemetaan_ksd.model import FileResult, FileStatus, Finding, Severity
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.result_codec import decode
from pemetaan_ksd.validate import validate
from workbooks import build_submission, good_row

WITA = dt.timezone(dt.timedelta(hours=8))
T0 = dt.datetime(2025, 3, 1, 7, 0, tzinfo=WITA)
DLH = "2.11.0.00.0.00.01.0000"
DINKES = "1.02.0.00.0.00.01.0000"

# Schema version 1 as the first program wrote it, spelled out here on purpose: a change to the
# program's version-1 statements must not hide from this test.
V1_SQL = """
CREATE TABLE runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, ended TEXT,
    masuk TEXT NOT NULL, outcome TEXT NOT NULL, exit_code INTEGER, inputs INTEGER,
    processed INTEGER, waiting INTEGER, outputs TEXT);
CREATE TABLE files (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs (id),
    path TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    kode_opd TEXT, nama_opd TEXT, tahun INTEGER, status TEXT NOT NULL, galat INTEGER NOT NULL,
    peringatan INTEGER NOT NULL, info INTEGER NOT NULL, "rows" INTEGER NOT NULL,
    rows_accepted INTEGER NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
    UNIQUE (path, sha256));
CREATE INDEX files_by_opd ON files (kode_opd);
INSERT INTO runs VALUES (1, '2025-02-01T00:00:00.000000+00:00',
    '2025-02-01T00:01:00.000000+00:00', 'masuk', 'selesai', 1, 2, 2, 0, '["rekap-2025.xlsx"]');
INSERT INTO files VALUES (1, 1, 'dlh.xlsx', 'aa', 10, 5, '2.11.0.00.0.00.01.0000',
    'Dinas Lingkungan Hidup', 2025, 'tidak_valid', 1, 2, 3, 4, 3,
    '2025-02-01T00:00:30.000000+00:00', '2025-02-01T00:00:30.000000+00:00');
PRAGMA user_version = 1;
"""


def _raw(path: Path, sql: str) -> None:
    with sqlite3.connect(path) as db:
        db.executescript(sql)
    db.close()


def _pragma(path: Path, name: str) -> object:
    db = sqlite3.connect(path)
    try:
        return db.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        db.close()


def _tables(path: Path) -> set[str]:
    db = sqlite3.connect(path)
    try:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        db.close()


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "riwayat.sqlite") as opened:
        yield opened


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> FileResult:
    """A validated file with findings: one good usulan, one with a galat."""
    folder = tmp_path_factory.mktemp("ledger")
    build_submission(folder / "dlh.xlsx", [good_row(), good_row(manfaat_mitra="-")])
    (fr,) = validate([folder], load_profile(None)).files
    assert fr.rows and fr.accepted_rows != fr.rows
    return fr


def _result(path: str, kode_opd: str | None, galat: int = 0) -> FileResult:
    found = [Finding("KSD201", Severity.GALAT, "pesan") for _ in range(galat)]
    return FileResult(Path(path), path, path * 2, 0.0, kode_opd=kode_opd, nama_opd="OPD",
                      tahun=2025, file_findings=found)


def test_a_new_ledger_is_at_the_schema_version_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "riwayat.sqlite"
    with Ledger.open(path):
        assert _pragma(path, "journal_mode") == "wal"
    assert _pragma(path, "user_version") == SCHEMA_VERSION == 2
    assert _tables(path) == {"runs", "files", "results"}
    with Ledger.open(path) as again:  # opened again: nothing to do
        assert again.last_runs() == []


def test_a_version_1_ledger_is_migrated_keeping_its_rows(tmp_path: Path, real: FileResult) -> None:
    path = tmp_path / "riwayat.sqlite"
    _raw(path, V1_SQL)
    with Ledger.open(path) as ledger:
        assert _pragma(path, "user_version") == 2
        (run,) = ledger.last_runs()
        assert (run.id, run.outcome, run.exit_code, run.outputs) == (
            1, "selesai", 1, ["rekap-2025.xlsx"])
        assert run.started == dt.datetime(2025, 2, 1, tzinfo=dt.UTC)
        (old,) = ledger.history()
        assert (old.path, old.status, old.counts, old.rows, old.rows_accepted) == (
            "dlh.xlsx", FileStatus.TIDAK_VALID, {"galat": 1, "peringatan": 2, "info": 3}, 4, 3)
        assert ledger.seen("dlh.xlsx") == Seen("dlh.xlsx", "aa", 10, 5,
                                               FileStatus.TIDAK_VALID, 1)
        assert ledger.cached("aa", "k") is None
        run_id = ledger.start_run(T0, "masuk")
        ledger.record_file(run_id, "dlh.xlsx", "bb", 11, 6, real, "k", T0, cache=real)
        assert ledger.cached("bb", "k") is not None
    assert _tables(path) == {"runs", "files", "results"}


def test_a_failed_migration_leaves_the_ledger_as_it_was(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "riwayat.sqlite"
    _raw(path, V1_SQL)
    broken = {**ledger_module.MIGRATIONS, 2: (*ledger_module.MIGRATIONS[2], "CREATE oops")}
    monkeypatch.setattr(ledger_module, "MIGRATIONS", broken)
    with pytest.raises(LedgerError, match="tidak dapat dibuka"):
        Ledger.open(path)
    assert _pragma(path, "user_version") == 1
    assert _tables(path) == {"runs", "files"}


def test_a_ledger_of_a_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "riwayat.sqlite"
    _raw(path, "CREATE TABLE future (x); PRAGMA user_version = 3;")
    with pytest.raises(UsageError, match="dibuat oleh versi program yang lebih baru") as caught:
        Ledger.open(path)
    assert isinstance(caught.value, LedgerError) and str(path) in str(caught.value)
    assert _pragma(path, "user_version") == 3
    assert _pragma(path, "journal_mode") == "delete"


def test_a_file_that_is_not_a_database_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "riwayat.sqlite"
    path.write_bytes(b"ini bukan basis data\n" * 100)
    with pytest.raises(LedgerError) as caught:
        Ledger.open(path)
    message = str(caught.value)
    assert str(path) in message and "Hapus berkas itu" in message
    assert "hanya satu kali proses penuh" in message
    assert path.read_bytes() == b"ini bukan basis data\n" * 100


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "riwayat.sqlite"
    _raw(path, "CREATE TABLE kontak (nama TEXT);")
    with pytest.raises(LedgerError, match="bukan buku catatan pemetaan-ksd"):
        Ledger.open(path)
    assert _tables(path) == {"kontak"}


def test_a_folder_that_is_not_there_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="tidak dapat dibuka"):
        Ledger.open(tmp_path / "tidak-ada" / "riwayat.sqlite")


def test_record_seen_cached_and_touch(ledger: Ledger, real: FileResult) -> None:
    assert ledger.seen("dlh.xlsx") is None
    first = ledger.start_run(T0, "masuk")
    ledger.record_file(first, "dlh.xlsx", real.sha256, 100, 7, real, "k", T0, cache=real)
    assert ledger.seen("dlh.xlsx") == Seen("dlh.xlsx", real.sha256, 100, 7, real.status, first)
    text = ledger.cached(real.sha256, "k")
    assert text is not None and decode(text, real.path, real.display_path) == real
    assert ledger.cached(real.sha256, "other") is None
    later = ledger.start_run(T0 + dt.timedelta(hours=1), "masuk")
    ledger.touch(later, "dlh.xlsx", real.sha256, T0 + dt.timedelta(hours=1))
    (record,) = ledger.history()
    assert (record.first_seen, record.last_seen) == (T0, T0 + dt.timedelta(hours=1))
    assert record.run_id == first  # touched, not processed
    assert (record.counts, record.rows, record.rows_accepted) == (
        real.counts(), len(real.rows), len(real.accepted_rows))
    with pytest.raises(LookupError):
        ledger.touch(later, "dlh.xlsx", "another", T0)


def test_recording_the_same_bytes_again_keeps_first_seen(ledger: Ledger) -> None:
    first, second = ledger.start_run(T0, "m"), ledger.start_run(T0, "m")
    fr = _result("a.xlsx", DLH)
    ledger.record_file(first, "a.xlsx", "s1", 1, 1, fr, "k", T0)
    ledger.record_file(second, "a.xlsx", "s1", 2, 2, _result("a.xlsx", DLH, galat=1), "k",
                       T0 + dt.timedelta(days=1))
    (record,) = ledger.history()
    assert (record.first_seen, record.last_seen, record.run_id) == (
        T0, T0 + dt.timedelta(days=1), second)
    assert (record.status, record.galat) == (FileStatus.TIDAK_VALID, 1)
    assert ledger.seen("a.xlsx") == Seen("a.xlsx", "s1", 2, 2, FileStatus.TIDAK_VALID, second)


def test_seen_is_the_content_seen_last_even_when_it_comes_back(ledger: Ledger) -> None:
    run = ledger.start_run(T0, "m")
    for hours, sha in enumerate(["old", "new", "old"]):
        ledger.record_file(run, "a.xlsx", sha, 1, hours, _result("a.xlsx", DLH), "k",
                           T0 + dt.timedelta(hours=hours))
    seen = ledger.seen("a.xlsx")
    assert seen is not None and (seen.sha256, seen.mtime_ns) == ("old", 2)


def test_a_result_is_kept_for_one_context_only_and_kept_when_not_given(ledger: Ledger) -> None:
    run = ledger.start_run(T0, "m")
    fr = _result("a.xlsx", DLH)
    ledger.record_file(run, "a.xlsx", "s1", 1, 1, fr, "lama", T0, cache=fr)
    ledger.record_file(run, "a.xlsx", "s1", 1, 1, fr, "baru", T0, cache=fr)
    assert ledger.cached("s1", "lama") is None
    before = ledger.cached("s1", "baru")
    assert before is not None
    ledger.record_file(run, "a.xlsx", "s1", 1, 1, _result("a.xlsx", DLH, 2), "baru", T0)
    assert ledger.cached("s1", "baru") == before


def test_history_by_opd_newest_first_unknown_opd_last(ledger: Ledger) -> None:
    run = ledger.start_run(T0, "m")
    sent = [("dlh-1.xlsx", DLH), ("dinkes.xlsx", DINKES), ("rusak.xlsx", None),
            ("dlh-2.xlsx", DLH)]
    for day, (path, kode) in enumerate(sent):
        ledger.record_file(run, path, path, 1, 1, _result(path, kode), "k",
                           T0 + dt.timedelta(days=day))
    assert [r.path for r in ledger.history()] == [
        "dinkes.xlsx", "dlh-2.xlsx", "dlh-1.xlsx", "rusak.xlsx"]
    assert [r.path for r in ledger.history(DLH)] == ["dlh-2.xlsx", "dlh-1.xlsx"]
    assert [r.path for r in ledger.history(f" {DLH} ")] == ["dlh-2.xlsx", "dlh-1.xlsx"]
    assert ledger.history("9.99") == []


def test_last_runs_newest_first_and_the_interrupted_run(ledger: Ledger) -> None:
    done = ledger.start_run(T0, "masuk")
    ledger.finish_run(done, T0 + dt.timedelta(minutes=1), "selesai", 1, 3, 2, 1,
                      ["rekap-2025.xlsx", "catatan/dlh ü.catatan.xlsx"])
    killed = ledger.start_run(T0 + dt.timedelta(hours=1), "masuk")
    running = ledger.start_run(T0 + dt.timedelta(hours=2), "masuk")
    runs = ledger.last_runs()
    assert [(r.id, r.outcome) for r in runs] == [
        (running, RUNNING), (killed, INTERRUPTED), (done, "selesai")]
    assert runs[2].outputs == ["rekap-2025.xlsx", "catatan/dlh ü.catatan.xlsx"]
    assert (runs[2].exit_code, runs[2].inputs, runs[2].processed, runs[2].waiting) == (1, 3, 2, 1)
    assert runs[2].ended == T0 + dt.timedelta(minutes=1)
    assert (runs[1].ended, runs[1].exit_code, runs[1].outputs) == (None, None, [])
    assert [r.id for r in ledger.last_runs(limit=2)] == [running, killed]
    with pytest.raises(LookupError):
        ledger.finish_run(99, T0, "selesai", 0, 0, 0, 0, [])


def test_times_come_back_as_the_same_instant_in_local_time(ledger: Ledger) -> None:
    naive = dt.datetime(2025, 3, 1, 9, 30)
    run = ledger.start_run(naive, "m")
    (record,) = ledger.last_runs()
    assert record.id == run
    assert record.started == naive.astimezone() and record.started.tzinfo is not None
    assert record.started.utcoffset() == naive.astimezone().utcoffset()


def test_a_reader_may_open_the_ledger_while_a_run_holds_it(tmp_path: Path) -> None:
    path = tmp_path / "riwayat.sqlite"
    with Ledger.open(path) as writer:
        writer.start_run(T0, "m")
        with Ledger.open(path) as reader:
            assert len(reader.last_runs()) == 1
            writer.start_run(T0, "m")
            assert len(reader.last_runs()) == 2


_WRITER = """
import datetime as dt, sys
from pathlib import Path
from pemetaan_ksd.ledger import Ledger
from pemetaan_ksd.model import FileResult
with Ledger.open(Path(sys.argv[1])) as ledger:
    n = 0
    while True:
        run = ledger.start_run(dt.datetime.now(), "m")
        fr = FileResult(Path("a.xlsx"), "a.xlsx", str(n), 0.0, kode_opd="1")
        ledger.record_file(run, f"f{n % 7}.xlsx", str(n), n, n, fr, "k", dt.datetime.now(),
                           cache=fr)
        ledger.finish_run(run, dt.datetime.now(), "selesai", 0, 1, 1, 0, [])
        n += 1
        if n == 20:
            print("ok", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_writer_killed_at_any_moment_leaves_a_consistent_ledger(tmp_path: Path) -> None:
    path = tmp_path / "riwayat.sqlite"
    for pause in (0.0, 0.05, 0.2):
        child = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)],
                                 stdout=subprocess.PIPE)
        assert child.stdout is not None and child.stdout.readline() == b"ok\n"
        time.sleep(pause)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        db = sqlite3.connect(path)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            orphans = db.execute("SELECT count(*) FROM files WHERE sha256 NOT IN "
                                 "(SELECT sha256 FROM results)").fetchone()[0]
            assert orphans == 0  # a file row and its result are written together
        finally:
            db.close()
        with Ledger.open(path) as ledger:
            runs = ledger.last_runs(limit=1000)
            assert all(r.outcome in ("selesai", RUNNING, INTERRUPTED) for r in runs)
