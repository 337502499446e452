"""The floor of the benchmark: python-calamine alone reading the `Usulan` sheet of each file.

    python benchmarks/floor.py FOLDER

Opens every .xlsx of FOLDER (sorted) with python-calamine and turns its `Usulan` sheet into Python
values (`to_python(skip_empty_area=False)`, as the program's reader asks), nothing else. Prints
one JSON line: files, cells, and the seconds the reading took inside this process (interpreter
start-up and the import excluded). run.py runs it as a child process, so that its peak memory is
measured the same way as the program's.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import python_calamine


def read_all(folder: Path) -> tuple[int, int, float]:
    """(files, cells, seconds) of reading the `Usulan` sheet of every .xlsx in `folder`."""
    files = sorted(folder.glob("*.xlsx"))
    cells = 0
    start = time.perf_counter()
    for path in files:
        with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
            grid = book.get_sheet_by_name("Usulan").to_python(skip_empty_area=False)
            cells += sum(len(row) for row in grid)
    return len(files), cells, time.perf_counter() - start


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    files, cells, seconds = read_all(Path(argv[0]))
    print(json.dumps({"files": files, "cells": cells, "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
