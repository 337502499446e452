"""Limits checked before a workbook is unpacked, so one hostile file cannot exhaust memory.

The zip checks read only the central directory (PITFALLS: a 511 KB xlsx reached 521 MiB under
calamine). There is deliberately no compression-ratio rule on its own: legitimate `styles.xml`
parts compress more than 100:1 (Apache POI reports), so the limits are on absolute sizes.
A directory that lies about sizes is caught where a part is unpacked: the reader never unpacks
a part past its stated size (read/sniff.py, BoundedZipFile), calamine's zip reader stops there
too (measured: a sharedStrings.xml said to be 150 MB and holding 1 GB cost 537 MB, then an
error), and the feedback copy unpacks every part once, bounded, before openpyxl loads any
(`check_parts_unpack`). The grid limits below cap what calamine is asked to allocate (see
read/scan.py), and the copy limit what openpyxl is.

Each check returns what is too large, in the words of the KSD101 message, with the limit.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Sequence

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
# One part unpacked. The reader scans a sheet's XML whole, and calamine holds the shared strings
# whole (measured: a 190 MB sheet of small cells took 34 s and 1.6 GB to scan and refuse, a
# 49 MB one 9 s and 440 MB; a 190 MB sharedStrings.xml 650 MB). A sheet of 10,000 rows of the
# template's 34 columns, as Excel writes it, is about 15 MB.
MAX_ZIP_ENTRY_BYTES = 50 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 500 * 1024 * 1024
# zipfile builds an object per entry of the central directory before anything can count them
# (measured: 1,000,000 empty entries in a 92 MB file took 14 s and 600 MB), so the directory's
# size, which the end record states, is checked first. 10,000 entries take about 1.5 MB.
MAX_ZIP_DIRECTORY_BYTES = 4 * 1024 * 1024
# calamine builds a sheet as a dense grid (rows x columns of its used range): a 7 KB .xlsx with
# values in A1 and XFD1048576 aborts the process; a 6 KB .xls with A1 and IV65536 takes 1 GB.
# The limit is on the total of the grids built for one workbook (every sheet of .xls and .ods,
# which calamine builds on opening; the sheets read of .xlsx). A full template is ~10,000 cells.
MAX_GRID_CELLS = 5_000_000
# The last row holding a value, on any sheet built. The template prepares 150 data rows; the
# rest of a run works row by row (the rules, the feedback copy, the consolidated workbook), so
# this bounds it: 10,000 rows of the 34 columns load in openpyxl in about 10 s and 200 MB.
MAX_SHEET_ROWS = 10_000
# The feedback copy is the submission loaded whole by openpyxl, or rebuilt cell by cell from
# the values read (measured: 8 MB of sheet XML, 317,000 cells, loaded in 7 s and saved in 7 s
# more, 200 MB). Past this, XML parts unpacked (an .xls: the file), the copy holds the notes only.
MAX_COPY_XML_BYTES = 16 * 1024 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_END_RECORD = b"PK\x05\x06"
_END_RECORD_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20
_ZIP64_END_RECORD = b"PK\x06\x06"
_ZIP64_END_RECORD_SIZE = 56
_ROW_OF_CELL = re.compile(r"[0-9]+$")


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


def check_zip_entries(entries: Sequence[zipfile.ZipInfo]) -> str | None:
    """What is too large when the zip's central directory promises more than is safe to
    unpack (its entries, as zipfile read them), else None."""
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


def check_zip_directory(data: bytes) -> str | None:
    """What is too large when the zip's end record states a central directory too large to
    parse (before zipfile parses it), else None; no end record is zipfile's to report."""
    at = data.rfind(_END_RECORD, max(0, len(data) - _END_RECORD_SIZE - 0xFFFF))
    if at < 0 or at + _END_RECORD_SIZE > len(data):
        return None
    entries, size = struct.unpack_from("<HI", data, at + 10)
    locator = at - _ZIP64_LOCATOR_SIZE
    record = locator - _ZIP64_END_RECORD_SIZE  # where zipfile looks for it: right before
    if (record >= 0 and data[locator : locator + 4] == _ZIP64_LOCATOR
            and data[record : record + 4] == _ZIP64_END_RECORD):
        entries, size = struct.unpack_from("<QQ", data, record + 32)
    if entries > MAX_ZIP_ENTRIES:
        return f"{_thousands(entries)} bagian, batas {_thousands(MAX_ZIP_ENTRIES)}"
    if size > MAX_ZIP_DIRECTORY_BYTES:
        return f"daftar isi zip {_mb(size)}, batas {_mb(MAX_ZIP_DIRECTORY_BYTES)}"
    return None


def check_copy_size(entries: Sequence[zipfile.ZipInfo]) -> str | None:
    """What is too large for the feedback copy to copy, else None."""
    xml = sum(e.file_size for e in entries if e.filename.casefold().endswith(_XML_SUFFIXES))
    if xml > MAX_COPY_XML_BYTES:
        return f"isi XML terurai {_mb(xml)}, batas {_mb(MAX_COPY_XML_BYTES)}"
    return None


def check_copy_bytes(size: int) -> str | None:
    """As check_copy_size, for a file that is no zip (an .xls): its size."""
    if size > MAX_COPY_XML_BYTES:
        return f"ukuran {_mb(size)}, batas {_mb(MAX_COPY_XML_BYTES)}"
    return None


def check_parts_unpack(archive: zipfile.ZipFile) -> None:
    """Unpack every part once, a megabyte at a time, never past its stated size: raises
    BadZipFile (the CRC check) when a part holds more or other than its directory says."""
    for info in archive.infolist():
        with archive.open(info) as handle:
            while handle.read(1024 * 1024):
                pass


def check_grid(extents: Sequence[tuple[str, int, str]]) -> str | None:
    """What is too large when the grids to build are; extents are (sheet, cells, last cell)."""
    for sheet, _, last_cell in extents:
        found = _ROW_OF_CELL.search(last_cell)
        rows = int(found.group(0)) if found else 0
        if rows > MAX_SHEET_ROWS:
            return (f"lembar {sheet} terisi sampai sel {last_cell}, yaitu baris "
                    f"{_thousands(rows)}; batas {_thousands(MAX_SHEET_ROWS)} baris")
    total = sum(cells for _, cells, _ in extents)
    if total <= MAX_GRID_CELLS:
        return None
    sheet, _, last_cell = max(extents, key=lambda e: e[1])
    return (f"lembar {sheet} terisi sampai sel {last_cell}, sehingga {_thousands(total)} sel "
            f"harus dibaca; batas {_thousands(MAX_GRID_CELLS)} sel")
