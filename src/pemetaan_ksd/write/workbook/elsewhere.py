"""A table's rows turned into XML by another process while this one writes the other sheets.

The consolidated workbook is written by one process once the files are checked, with the
second core idle: `Daftar Rencana` alone is 40-50 % of that time (25,000 rows for 1,000 files).
Its rows go, pickled, to a file that a fresh interpreter (`rows_worker.py`) turns into the
sheet's XML, with the style indexes this process gave (stream.Numbering): the XML this
process would have written, deflated there too (the zip joins it as it is: quickzip.py).
A fresh process, not a fork: a forked child shares the parent's pages, and every object
either of them touches afterwards is copied (10,000 files: +1.5 GiB).
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pemetaan_ksd.write.workbook.quickzip import LEVEL, Deflated
from pemetaan_ksd.write.workbook.stream import Columns, Numbering

MIN_ROWS = 2000  # below this, starting a process costs about what it saves
CHUNK = 5000  # rows pickled together: the other process holds one chunk at a time
# The last quarter of the rows this process writes itself, when it comes to them: else it
# waited for the other (1,000 files: about 1 s idle, both cores shared with the map's child).
OWN_SHARE = 4


def possible(rows: int) -> bool:
    return rows >= MIN_ROWS and bool(sys.executable)


class Elsewhere:
    """The XML of `rows` (from row `first`), being made by another process from now on."""

    def __init__(self, numbering: Numbering, columns: Columns, rows: Sequence[Sequence[Any]],
                 first: int, directory: str | None = None) -> None:
        self._paths = [Path(tempfile.mkstemp(prefix="pemetaan-ksd-", suffix=suffix,
                                             dir=directory)[1])
                       for suffix in (".rows", ".deflate", ".err")]
        self._process: subprocess.Popen[bytes] | None = None
        self.given = (numbering, columns, first, len(rows))  # what the sheet must agree with
        self.count = len(rows) - len(rows) // OWN_SHARE  # the first rows, made there
        rows_in, deflated, errors = self._paths
        with rows_in.open("wb") as out:
            chunks = range(0, self.count, CHUNK)
            pickle.dump((numbering, columns, first, len(chunks), LEVEL), out,
                        pickle.HIGHEST_PROTOCOL)
            for start in chunks:
                pickle.dump(list(rows[start:min(start + CHUNK, self.count)]), out,
                            pickle.HIGHEST_PROTOCOL)
        with errors.open("wb") as err:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "pemetaan_ksd.write.workbook.rows_worker", str(rows_in),
                 str(deflated)], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err)

    def deflated(self) -> Deflated:
        """Wait for the other process: the rows' XML it deflated, there until `close`."""
        assert self._process is not None
        said, _ = self._process.communicate()
        code = self._process.returncode
        self._process = None
        if code != 0:  # a fault of ours or no memory left: never the user's file
            detail = self._paths[2].read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"the process writing table rows ended with {code}: {detail}")
        crc, size = (int(part) for part in said.split())
        return Deflated(self._paths[1], crc, size)

    def close(self) -> None:
        """Stop the other process if it still runs (an interrupted run), remove its files;
        again, nothing."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None
        for path in self._paths:
            path.unlink(missing_ok=True)
