"""The ledger of the scheduled job (`proses`): an SQLite database in the output folder.

Every run, every file seen (by path and sha256, with its verdict), and the per-file result of
each content (`result_codec`), so an unchanged file need not be read again. Nothing in it is
needed to rebuild the outputs from the inbox: deleting it costs one full run. The schema version
is `PRAGMA user_version`, migrated forward on `open` in one transaction (1: `runs`, `files`;
2: `results`). Times are stored as UTC ISO text (text order is time order) and come back aware,
in the local zone; a naive datetime given is taken as local time.

Safe to kill at any moment: WAL journal, each write one short transaction. A run killed before
`finish_run` stays `berjalan`; `last_runs` shows it `terputus` once a later run exists (one run
at a time per output folder: a later run means that one is dead). The newest run shows
`berjalan` both while it runs and when it was killed with nothing run since: the ledger cannot
tell these apart, the run lock can.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from pemetaan_ksd import result_codec
from pemetaan_ksd.errors import UsageError
from pemetaan_ksd.model import FileResult, FileStatus

SCHEMA_VERSION = 2
RUNNING = "berjalan"  # a run's outcome until finish_run
INTERRUPTED = "terputus"  # how last_runs shows a run left RUNNING before a later run
_BUSY_SECONDS = 15.0  # how long a write waits for a reader (`riwayat`) to let go

_V1 = (
    """CREATE TABLE runs (
        id INTEGER PRIMARY KEY, started TEXT NOT NULL, ended TEXT, masuk TEXT NOT NULL,
        outcome TEXT NOT NULL, exit_code INTEGER, inputs INTEGER, processed INTEGER,
        waiting INTEGER, outputs TEXT)""",
    """CREATE TABLE files (
        id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs (id),
        path TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL, kode_opd TEXT, nama_opd TEXT, tahun INTEGER,
        status TEXT NOT NULL, galat INTEGER NOT NULL, peringatan INTEGER NOT NULL,
        info INTEGER NOT NULL, "rows" INTEGER NOT NULL, rows_accepted INTEGER NOT NULL,
        first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, UNIQUE (path, sha256))""",
    "CREATE INDEX files_by_opd ON files (kode_opd)",
)
_V2 = (
    """CREATE TABLE results (
        sha256 TEXT NOT NULL, context_key TEXT NOT NULL, result TEXT NOT NULL,
        PRIMARY KEY (sha256, context_key))""",
)
# Schema version -> the statements that make it from the version before.
MIGRATIONS: dict[int, tuple[str, ...]] = {1: _V1, 2: _V2}

_FILE_COLUMNS = ('path, sha256, kode_opd, nama_opd, tahun, status, galat, peringatan, info, '
                 '"rows", rows_accepted, first_seen, last_seen, run_id')
_RUN_COLUMNS = ("id, started, ended, masuk, outcome, exit_code, inputs, processed, waiting, "
                "outputs")


class LedgerError(UsageError):
    """A ledger that cannot be used (corrupt, newer, not ours, not openable); exit code 2."""


@dataclass(frozen=True)
class Seen:
    """The last record of a path: what its bytes were when last seen."""

    path: str
    sha256: str
    size: int
    mtime_ns: int
    status: FileStatus
    run_id: int


@dataclass(frozen=True)
class FileRecord:
    """One content seen at one path: who sent it, its verdict, when it was first and last seen."""

    path: str
    sha256: str
    kode_opd: str | None
    nama_opd: str | None
    tahun: int | None
    status: FileStatus
    galat: int
    peringatan: int
    info: int
    rows: int
    rows_accepted: int
    first_seen: dt.datetime
    last_seen: dt.datetime
    run_id: int  # the run that last processed it

    @property
    def counts(self) -> dict[str, int]:
        return {"galat": self.galat, "peringatan": self.peringatan, "info": self.info}


@dataclass(frozen=True)
class RunRecord:
    """One run; `ended` and the numbers are None until it finished."""

    id: int
    started: dt.datetime
    ended: dt.datetime | None
    masuk: str
    outcome: str
    exit_code: int | None
    inputs: int | None
    processed: int | None
    waiting: int | None
    outputs: list[str]


class Ledger:
    """An open ledger; use `Ledger.open`, as a context manager or with `close()`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path) -> Ledger:
        """The ledger at `path`, created or migrated to SCHEMA_VERSION; LedgerError if unusable."""
        connection = None
        try:
            connection = sqlite3.connect(path, timeout=_BUSY_SECONDS, isolation_level=None)
            _prepare(connection, path)
        except BaseException as exc:
            if connection is not None:
                connection.close()
            if isinstance(exc, sqlite3.Error):
                raise _unusable(path, exc) from exc
            raise
        return cls(connection, path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def start_run(self, started: dt.datetime, masuk: str) -> int:
        """A new run, `berjalan` until finish_run; its id."""
        with _write(self._db):
            cursor = self._db.execute(
                "INSERT INTO runs (started, masuk, outcome) VALUES (?, ?, ?)",
                (_stamp(started), masuk, RUNNING))
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, ended: dt.datetime, outcome: str, exit_code: int,
                   inputs: int, processed: int, waiting: int, outputs: list[str]) -> None:
        """The run's end: its outcome, exit code, numbers and the outputs it wrote."""
        with _write(self._db):
            cursor = self._db.execute(
                "UPDATE runs SET ended = ?, outcome = ?, exit_code = ?, inputs = ?, "
                "processed = ?, waiting = ?, outputs = ? WHERE id = ?",
                (_stamp(ended), outcome, exit_code, inputs, processed, waiting,
                 json.dumps(outputs, ensure_ascii=False), run_id))
        if cursor.rowcount != 1:
            raise LookupError(f"no run {run_id} in {self.path}")

    def seen(self, path: str) -> Seen | None:
        """The record of `path` seen last (its latest content), or None."""
        row = self._db.execute(
            "SELECT path, sha256, size, mtime_ns, status, run_id FROM files WHERE path = ? "
            "ORDER BY last_seen DESC, id DESC LIMIT 1", (path,)).fetchone()
        if row is None:
            return None
        path_, sha256, size, mtime_ns, status, run_id = row
        return Seen(path_, sha256, size, mtime_ns, FileStatus(status), run_id)

    def cached(self, sha256: str, context_key: str) -> str | None:
        """The stored result JSON (result_codec) of these bytes in this context, or None."""
        row = self._db.execute("SELECT result FROM results WHERE sha256 = ? AND context_key = ?",
                               (sha256, context_key)).fetchone()
        return None if row is None else str(row[0])

    def record_file(self, run_id: int, path: str, sha256: str, size: int, mtime_ns: int,
                    fr: FileResult, context_key: str, when: dt.datetime, *,
                    cache: FileResult | None = None) -> None:
        """`fr` processed by `run_id`: its verdict and counts, in one transaction.

        The row of (path, sha256) keeps its first_seen; last_seen, run_id, size, mtime_ns and
        the verdict are updated. `cache`, when given, is stored as the result of these bytes in
        `context_key` (the per-file result, before the rules across files), replacing the ones
        of other contexts; without it, what `results` holds is left as it is.
        """
        text = None if cache is None else result_codec.encode(cache)
        counts = fr.counts()
        values = (run_id, path, sha256, size, mtime_ns, fr.kode_opd, fr.nama_opd, fr.tahun,
                  str(fr.status), counts["galat"], counts["peringatan"], counts["info"],
                  len(fr.rows), len(fr.accepted_rows), _stamp(when), _stamp(when))
        with _write(self._db):
            self._db.execute(_UPSERT_FILE, values)
            if text is not None:
                self._db.execute("INSERT OR REPLACE INTO results (sha256, context_key, result) "
                                 "VALUES (?, ?, ?)", (sha256, context_key, text))
                self._db.execute("DELETE FROM results WHERE sha256 = ? AND context_key <> ?",
                                 (sha256, context_key))

    def touch(self, run_id: int, path: str, sha256: str, when: dt.datetime) -> None:
        """An unchanged file seen again by `run_id`: only its last_seen moves.

        `run_id` names the run that saw it; the row keeps the run that last processed it.
        LookupError when the ledger has no record of these bytes at this path.
        """
        with _write(self._db):
            cursor = self._db.execute(
                "UPDATE files SET last_seen = ? WHERE path = ? AND sha256 = ?",
                (_stamp(when), path, sha256))
        if cursor.rowcount != 1:
            raise LookupError(f"run {run_id}: no record of {path} ({sha256[:12]})")

    def history(self, kode_opd: str | None = None) -> list[FileRecord]:
        """Every file seen (of one OPD): by OPD code (none last), newest arrival first."""
        code = None if kode_opd is None else "".join(kode_opd.split())  # as read: no spaces
        rows = self._db.execute(
            f"SELECT {_FILE_COLUMNS} FROM files WHERE ?1 IS NULL OR kode_opd = ?1 "
            "ORDER BY kode_opd IS NULL, kode_opd, first_seen DESC, id DESC", (code,)).fetchall()
        return [_file_record(row) for row in rows]

    def last_runs(self, limit: int = 10) -> list[RunRecord]:
        """The last `limit` runs, newest first; a run left running before a later one is
        shown `terputus`."""
        rows = self._db.execute(f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY id DESC LIMIT ?",
                                (limit,)).fetchall()
        return [_run_record(row, later_exists=index > 0) for index, row in enumerate(rows)]


_UPSERT_FILE = f"""
    INSERT INTO files (run_id, path, sha256, size, mtime_ns, kode_opd, nama_opd, tahun, status,
                       galat, peringatan, info, "rows", rows_accepted, first_seen, last_seen)
    VALUES ({", ".join("?" * 16)})
    ON CONFLICT (path, sha256) DO UPDATE SET
        run_id = excluded.run_id, size = excluded.size, mtime_ns = excluded.mtime_ns,
        kode_opd = excluded.kode_opd, nama_opd = excluded.nama_opd, tahun = excluded.tahun,
        status = excluded.status, galat = excluded.galat, peringatan = excluded.peringatan,
        info = excluded.info, "rows" = excluded."rows", rows_accepted = excluded.rows_accepted,
        last_seen = excluded.last_seen
"""


@contextmanager
def _write(db: sqlite3.Connection) -> Iterator[None]:
    """One short transaction: all of it or none of it."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:  # SQLite may have rolled back already (disk full)
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _prepare(db: sqlite3.Connection, path: Path) -> None:
    """Refuse a ledger too new or not ours, switch to WAL, migrate to SCHEMA_VERSION."""
    version = _version(db)
    if version > SCHEMA_VERSION:
        raise _too_new(path, version)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")  # stays as it was where WAL cannot work
    if version == SCHEMA_VERSION:
        return
    with _write(db):
        version = _version(db)  # again, inside the transaction: another program may have begun
        if version > SCHEMA_VERSION:
            raise _too_new(path, version)
        if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise LedgerError(f"Berkas {path} adalah basis data lain, bukan buku catatan "
                              "pemetaan-ksd. Pindahkan berkas itu dari folder keluaran.")
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[step]:
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")


def _version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _too_new(path: Path, version: int) -> LedgerError:
    return LedgerError(
        f"Buku catatan {path} dibuat oleh versi program yang lebih baru (skema {version}; "
        f"versi ini mengenal sampai skema {SCHEMA_VERSION}). Pakai pemetaan-ksd versi terbaru, "
        "atau hapus berkas itu: akibatnya hanya satu kali proses penuh.")


def _unusable(path: Path, exc: sqlite3.Error) -> LedgerError:
    """The message for an SQLite error on opening: corrupt, busy, or another cause."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return LedgerError(
            f"Buku catatan {path} rusak atau bukan basis data SQLite ({exc}). Hapus berkas itu "
            f"(beserta {path.name}-wal dan {path.name}-shm bila ada): akibatnya hanya satu kali "
            "proses penuh, karena semua keluaran dibangun ulang dari folder masukan.")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return LedgerError(f"Buku catatan {path} sedang dipakai program lain ({exc}). "
                           "Coba lagi sebentar lagi.")
    return LedgerError(f"Buku catatan {path} tidak dapat dibuka ({exc}). Periksa bahwa folder "
                       "keluaran ada dan dapat ditulis.")


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).astimezone()


def _file_record(row: Any) -> FileRecord:
    (path, sha256, kode_opd, nama_opd, tahun, status, galat, peringatan, info, rows, accepted,
     first, last, run_id) = row
    return FileRecord(path, sha256, kode_opd, nama_opd, tahun, FileStatus(status), galat,
                      peringatan, info, rows, accepted, _when(first), _when(last), run_id)


def _run_record(row: Any, *, later_exists: bool) -> RunRecord:
    run_id, started, ended, masuk, outcome, exit_code, inputs, processed, waiting, outputs = row
    if outcome == RUNNING and ended is None and later_exists:
        outcome = INTERRUPTED
    return RunRecord(run_id, _when(started), None if ended is None else _when(ended), masuk,
                     outcome, exit_code, inputs, processed, waiting,
                     [] if outputs is None else list(json.loads(outputs)))
