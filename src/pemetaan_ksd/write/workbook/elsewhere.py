"""A table's rows turned into XML by a forked child while this process writes other sheets.

The consolidated workbook is written by one process once the files are checked, with the
second core idle: `Daftar Rencana` alone is 40-50 % of that time (25,000 rows for 1,000 files).
Its rows are made here in a child forked after every format has its index (formats.Styles),
so the child's XML is what this process would have written; the child writes it to a file of
its own, and the parent copies the file into the sheet when it reaches it. Only where fork is
safe and cheap (Linux); elsewhere the rows are written in this process, as before.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

MIN_ROWS = 2000  # below this, forking costs about what it saves


def possible(rows: int) -> bool:
    return sys.platform.startswith("linux") and rows >= MIN_ROWS


class Elsewhere:
    """The lines `make()` yields, being written to a file by a child process from now on."""

    def __init__(self, make: Callable[[], Iterable[str]], directory: str | None = None) -> None:
        fd, self._path = tempfile.mkstemp(prefix="pemetaan-ksd-", suffix=".xml", dir=directory)
        self._pid = os.fork()
        if self._pid == 0:  # the child: its exit skips flushing the parent's open files
            code = 1
            try:
                for signum in (signal.SIGINT, signal.SIGTERM):
                    signal.signal(signum, signal.SIG_IGN)  # the parent stops the run
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                    out.writelines(make())
                code = 0
            finally:
                os._exit(code)
        os.close(fd)

    def copy_into(self, fh: IO[str]) -> None:
        """Wait for the child, then append what it wrote to `fh`."""
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        code = os.waitstatus_to_exitcode(status)
        if code != 0:  # a fault of ours or no memory left: never the user's file
            raise RuntimeError(f"the child writing table rows ended with {code}")
        with open(self._path, encoding="utf-8", newline="") as made:
            shutil.copyfileobj(made, fh, 1 << 20)

    def close(self) -> None:
        """Stop the child if it still runs (an interrupted run) and remove its file; again,
        nothing."""
        if self._pid:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = 0
        Path(self._path).unlink(missing_ok=True)
