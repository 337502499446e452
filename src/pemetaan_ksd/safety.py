"""Limits checked before a workbook is unpacked, so one hostile file cannot exhaust memory.

The zip checks read only the central directory (PITFALLS: a 511 KB xlsx reached 521 MiB under
calamine). There is deliberately no compression-ratio rule on its own: legitimate `styles.xml`
parts compress more than 100:1 (Apache POI reports), so the limits are on absolute sizes.
A directory that lies about sizes is not caught here; the per-sheet cell limit below still caps
what calamine is asked to allocate (see read/scan.py).
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from typing import IO

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_ENTRY_BYTES = 200 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 500 * 1024 * 1024
# calamine builds a sheet as a dense grid (rows x columns of its used range): a 7 KB .xlsx with
# values in A1 and XFD1048576 aborts the process; a 6 KB .xls with A1 and IV65536 takes 1 GB.
# The limit is on the total of the grids built for one workbook (every sheet of .xls and .ods,
# which calamine builds on opening; the sheets read of .xlsx). A full template is ~10,000 cells.
MAX_GRID_CELLS = 5_000_000


def _thousands(n: float) -> str:
    """Indonesian digit grouping: 10.001."""
    return f"{n:,.0f}".replace(",", ".")


def _mb(n: int) -> str:
    return f"{_thousands(n / (1024 * 1024))} MB"


def check_file_size(size: int) -> str | None:
    """What is too large when the file itself is over the size cap, else None."""
    if size > MAX_FILE_BYTES:
        return f"ukuran {_mb(size)}, batas {_mb(MAX_FILE_BYTES)}"
    return None


def check_zip(source: IO[bytes]) -> str | None:
    """What is too large when the zip's central directory promises more than is safe to unpack.

    Raises zipfile.BadZipFile when the central directory cannot be read.
    """
    with zipfile.ZipFile(source) as archive:
        return check_zip_entries(archive.infolist())


def check_zip_entries(entries: Sequence[zipfile.ZipInfo]) -> str | None:
    """As check_zip, for the entries of an archive already opened."""
    if len(entries) > MAX_ZIP_ENTRIES:
        count, limit = _thousands(len(entries)), _thousands(MAX_ZIP_ENTRIES)
        return f"{count} bagian, batas {limit}"
    biggest = max((e.file_size for e in entries), default=0)
    if biggest > MAX_ZIP_ENTRY_BYTES:
        return f"satu bagian terurai {_mb(biggest)}, batas {_mb(MAX_ZIP_ENTRY_BYTES)}"
    total = sum(e.file_size for e in entries)
    if total > MAX_ZIP_TOTAL_BYTES:
        return f"isi terurai {_mb(total)}, batas {_mb(MAX_ZIP_TOTAL_BYTES)}"
    return None


def check_grid(extents: Sequence[tuple[str, int, str]]) -> str | None:
    """What is too large when the grids to build are; extents are (sheet, cells, last cell)."""
    if sum(cells for _, cells, _ in extents) <= MAX_GRID_CELLS:
        return None
    sheet, _, last_cell = max(extents, key=lambda e: e[1])
    return f"lembar {sheet} terisi sampai sel {last_cell}"
