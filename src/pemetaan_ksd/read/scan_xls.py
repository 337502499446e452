"""Extent and error cells of .xls (BIFF8, also BIFF5) sheets, from the `Workbook` stream.

calamine builds every sheet of an .xls when the workbook is opened, so all sheets are scanned.
Records: [MS-XLS] 2.4; a cell record starts with its 0-based row and column (u16, u16).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from pemetaan_ksd.read.scan import ScanError, SheetScan

_BOF = 0x0809
_EOF = 0x000A
_FILEPASS = 0x002F
_BOUNDSHEET = 0x0085
_FORMULA = 0x0006
_BOOLERR = 0x0205
_MULRK = 0x00BD
_DIMENSIONS = 0x0200
_MAX_ROWS = 65536
_MAX_COLUMNS = 256
_SINGLE_VALUE = frozenset({0x0203, 0x027E, 0x00FD, 0x0204, 0x00D6, _FORMULA, _BOOLERR})
_BIFF5 = 0x0500
_NO_NUMBER = b"\xff\xff"  # FormulaValue.fExprO: the cached result is not a number
_PAIR = struct.Struct("<HH")  # record header (type, size), or a cell's (row, column)

ERROR_CODES = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?",
               0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA"}


class XlsEncrypted(Exception):
    """The workbook stream carries a FILEPASS record: it is password-protected."""


def _records(stream: bytes, offset: int) -> Iterator[tuple[int, int, int]]:
    """(record type, data offset, data size) from `offset` on."""
    end = len(stream)
    while offset + 4 <= end:
        kind, size = struct.unpack_from("<HH", stream, offset)
        if offset + 4 + size > end:
            raise ScanError("rekaman terpotong")
        yield kind, offset + 4, size
        offset += 4 + size


def _sheet_name(stream: bytes, at: int, size: int, biff5: bool) -> str:
    count = stream[at + 6]
    if biff5:
        return stream[at + 7 : at + 7 + count].decode("cp1252", "replace")
    wide = stream[at + 7] & 1
    raw = stream[at + 8 : at + 8 + count * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace")


def _sheet_offsets(stream: bytes) -> list[tuple[str, int]]:
    """(name, offset of its BOF) of every sheet, from the workbook globals."""
    records = _records(stream, 0)
    first = next(records, None)
    if first is None or first[0] != _BOF:
        raise ScanError("aliran Workbook tanpa BOF")
    (version,) = struct.unpack_from("<H", stream, first[1])
    sheets = []
    for kind, at, size in records:
        if kind == _FILEPASS:
            raise XlsEncrypted
        if kind == _BOUNDSHEET:
            (position,) = struct.unpack_from("<I", stream, at)
            sheets.append((_sheet_name(stream, at, size, version == _BIFF5), position))
        elif kind == _EOF:
            break
    return sheets


def _error_of(kind: int, stream: bytes, at: int, size: int) -> str | None:
    """The error a BOOLERR record holds, or the cached error result of a FORMULA record."""
    if kind == _BOOLERR and size >= 8 and stream[at + 7] == 1:
        return ERROR_CODES.get(stream[at + 6], "#N/A")
    if kind == _FORMULA and size >= 14 and stream[at + 12 : at + 14] == _NO_NUMBER and (
        stream[at + 6] == 2
    ):
        return ERROR_CODES.get(stream[at + 8], "#N/A")
    return None


def _dimensions(stream: bytes, at: int, size: int, scan: SheetScan) -> None:
    """The used range a sheet declares: calamine reserves memory by it, so it counts too."""
    if size >= 14:
        first_row, end_row, first_column, end_column = struct.unpack_from("<IIHH", stream, at)
    elif size >= 8:
        first_row, end_row, first_column, end_column = struct.unpack_from("<HHHH", stream, at)
    else:
        raise ScanError("rekaman DIMENSIONS rusak")
    if not (first_row <= end_row <= _MAX_ROWS and first_column <= end_column <= _MAX_COLUMNS):
        raise ScanError("rekaman DIMENSIONS tidak sah")
    if end_row and end_column:
        scan.include(end_row - 1, end_column - 1)


def _scan_sheet(stream: bytes, offset: int) -> SheetScan:
    """One sheet substream, from its BOF to its EOF (a tight loop: ~2,000 records a sheet)."""
    scan = SheetScan()
    pair, end, single = _PAIR.unpack_from, len(stream), _SINGLE_VALUE
    rows = columns = 0
    while offset + 4 <= end:
        kind, size = pair(stream, offset)
        at = offset + 4
        offset = at + size
        if kind in single and size >= 6:
            row, column = pair(stream, at)
            if row >= rows:
                rows = row + 1
            if column >= columns:
                columns = column + 1
            if kind in (_FORMULA, _BOOLERR):
                error = _error_of(kind, stream, at, size)
                if error is not None:
                    scan.errors[(row, column)] = error
        elif kind == _MULRK and size >= 6:
            row, first = pair(stream, at)
            (last,) = struct.unpack_from("<H", stream, at + size - 2)
            rows, columns = max(rows, row + 1), max(columns, first + 1, last + 1)
        elif kind == _DIMENSIONS:
            _dimensions(stream, at, size, scan)
        elif kind == _EOF:
            break
    if offset > end:
        raise ScanError("rekaman terpotong")
    if rows and columns:
        scan.include(rows - 1, columns - 1)
    return scan


def scan(stream: bytes) -> dict[str, SheetScan]:
    """Every sheet of the workbook stream by name. Raises ScanError or XlsEncrypted."""
    try:
        return {name: _scan_sheet(stream, offset) for name, offset in _sheet_offsets(stream)}
    except (struct.error, IndexError) as exc:
        raise ScanError("rekaman rusak") from exc
