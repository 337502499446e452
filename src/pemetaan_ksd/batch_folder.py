"""The scheduled job's output folder: its names, its lock, its log, what a killed run left.

One run at a time per output folder: an OS-level lock (filelock: fcntl on Linux and macOS,
msvcrt on Windows) that the system releases when the holder dies, so a lock left by a killed
run is simply taken; beside it a small note says who holds it, for the message of a second run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from pemetaan_ksd.errors import UsageError

LOCK_NAME = ".proses.lock"
HOLDER_NAME = ".proses.pemegang"
LEDGER_NAME = "riwayat.sqlite"
LOG_NAME = "proses.log"
FEEDBACK_DIR = "catatan"
ARCHIVE_DIR = "arsip"
FINGERPRINT_NAME = ".proses.sidik"  # what the outputs were last built from
LOG_MAX_BYTES = 1024 * 1024
LOG_KEEP = 5


def workbook_name(tahun: int) -> str:
    return f"rekap-{tahun}.xlsx"


def report_name(tahun: int) -> str:
    return f"laporan-{tahun}.json"


def archive_name(tahun: int, when: dt.datetime) -> str:
    return f"rekap-{tahun}-{when.strftime('%Y%m%d-%H%M%S')}.xlsx"


class Busy(UsageError):
    """Another run holds this output folder."""


@contextmanager
def exclusive(keluar: Path, now: dt.datetime) -> Iterator[None]:
    """Hold the output folder for one run; a second run gets Busy (exit 2) at once."""
    keluar.mkdir(parents=True, exist_ok=True)
    lock = FileLock(keluar / LOCK_NAME, timeout=0)
    try:
        lock.acquire()
    except Timeout as exc:
        raise Busy(_busy_message(keluar)) from exc
    holder = keluar / HOLDER_NAME
    try:
        holder.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                      "sejak": now.isoformat(timespec="seconds")}),
                          encoding="utf-8")
        yield
    finally:
        with contextlib.suppress(OSError):
            holder.unlink()
        lock.release()


def _busy_message(keluar: Path) -> str:
    try:
        who = json.loads((keluar / HOLDER_NAME).read_text(encoding="utf-8"))
        by = f" (proses {who['pid']} di {who['host']}, sejak {who['sejak']})"
    except (OSError, ValueError, KeyError, TypeError):
        by = ""
    return (f"Folder keluaran {keluar} sedang dipakai proses lain{by}. Tunggu sampai proses itu "
            "selesai; jadwal berikutnya akan melanjutkan pekerjaannya.")


def remove_leftovers(keluar: Path) -> list[Path]:
    """Temporary files of a run that was killed (SIGKILL, power loss): nothing else uses them
    while the lock is held, so they go."""
    removed = []
    for folder in (keluar, keluar / FEEDBACK_DIR, keluar / ARCHIVE_DIR):
        if not folder.is_dir():
            continue
        for path in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def read_fingerprint(keluar: Path) -> str | None:
    try:
        return (keluar / FINGERPRINT_NAME).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def append_log(keluar: Path, lines: list[str]) -> None:
    """One line per file per run; the log is rotated past LOG_MAX_BYTES (LOG_KEEP kept)."""
    if not lines:
        return
    log = keluar / LOG_NAME
    with contextlib.suppress(OSError):
        if log.stat().st_size > LOG_MAX_BYTES:
            _rotate(log)
    with log.open("a", encoding="utf-8") as handle:
        handle.write("".join(line + "\n" for line in lines))


def _rotate(log: Path) -> None:
    for number in range(LOG_KEEP - 1, 0, -1):
        older = log.with_name(f"{log.name}.{number}")
        if older.exists():
            os.replace(older, log.with_name(f"{log.name}.{number + 1}"))
    os.replace(log, log.with_name(f"{log.name}.1"))
