"""A minimal reader of Compound File Binary (OLE2) files: enough to list streams and read one.

Used to tell .xls (a `Workbook` stream) from a password-protected OOXML file (an
`EncryptedPackage` stream) and to read the BIFF records calamine does not expose.
Layout as in [MS-CFB]: a 512-byte header, a FAT of sector chains, a directory of 128-byte
entries, and a mini stream (64-byte sectors) for streams under the cutoff size.

It is also the guard in front of calamine, which opens the file again after it: calamine follows
the DIFAT and the directory until their chains end and a stream until its stated size, with no
check for a loop (a looping DIFAT never ends; a looping stream stating 2 GiB takes 2 GiB). So
every chain calamine follows is followed here first, the way calamine follows it (the DIFAT
whatever count the header gives, the workbook stream calamine picks, by calamine's 4,096-byte
cutoff), and one that loops or leaves the file is a CfbError. A chain is at most as long as
the file has sectors, which bounds the work and the memory spent on a hostile one.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_MAX_REGULAR = 0xFFFFFFFA
_DIFAT_SECTOR = 0xFFFFFFFC  # calamine reads as a FAT sector every DIFAT value below this
_HEADER_DIFAT = 109
_STREAM = 2
_ROOT = 5
# calamine's choice of the workbook stream: the first directory entry, of any kind, whose name
# is exactly one of these, tried in this order; read from the mini stream when under 4,096 bytes.
WORKBOOK_STREAMS = ("Workbook", "Book", "WORKBOOK", "BOOK")
_CALAMINE_CUTOFF = 4096


class CfbError(ValueError):
    """The compound file is damaged or truncated."""


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: int
    start: int
    size: int
    calamine_name: str  # the name as calamine reads it: all 32 characters, cut at the first NUL


class CompoundFile:
    """Streams of one compound file held in memory."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(MAGIC):
            raise CfbError("bukan compound file")
        self._data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if not 7 <= shift <= 16 or not 2 <= mini_shift < shift:
            raise CfbError("ukuran sektor tidak sah")
        self._sector = 1 << shift
        self._mini_sector = 1 << mini_shift
        self._sectors = len(data) // self._sector - 1  # sectors the file holds after the header
        (self._cutoff,) = struct.unpack_from("<I", data, 0x38)
        self._fat = self._read_fat()
        first_dir, = struct.unpack_from("<I", data, 0x30)
        self._entries = self._read_directory(first_dir)
        root = self._entries[0] if self._entries else None
        if root is None or root.kind != _ROOT:
            raise CfbError("direktori tanpa akar")
        self._mini_stream = self._chain_bytes(root.start, root.size) if root.size else b""
        first_minifat, count_minifat = struct.unpack_from("<II", data, 0x3C)
        self._minifat = self._u32s(self._chain_bytes(first_minifat, None)) if count_minifat else []
        self._workbook: bytes | None = None

    @property
    def stream_names(self) -> list[str]:
        return [e.name for e in self._entries if e.kind == _STREAM]

    def has_stream(self, name: str) -> bool:
        return self._find(name) is not None

    def has_workbook(self) -> bool:
        """Whether calamine finds a workbook stream here (see WORKBOOK_STREAMS)."""
        return self._workbook_entry() is not None

    def workbook_stream(self) -> bytes:
        """The workbook stream calamine reads, its chain checked (read once). Raises CfbError."""
        if self._workbook is None:
            entry = self._workbook_entry()
            if entry is None:
                raise CfbError("aliran Workbook tidak ada")
            if entry.size < _CALAMINE_CUTOFF:
                self._workbook = self._mini_chain_bytes(entry.start, entry.size)
            else:
                self._workbook = self._chain_bytes(entry.start, entry.size)
        return self._workbook

    def _workbook_entry(self) -> _Entry | None:
        for wanted in WORKBOOK_STREAMS:
            entry = next((e for e in self._entries if e.calamine_name == wanted), None)
            if entry is not None:
                return entry
        return None

    def read_stream(self, name: str) -> bytes:
        entry = self._find(name)
        if entry is None:
            raise KeyError(name)
        if entry.size < self._cutoff:
            return self._mini_chain_bytes(entry.start, entry.size)
        return self._chain_bytes(entry.start, entry.size)

    def _find(self, name: str) -> _Entry | None:
        folded = name.casefold()
        return next(
            (e for e in self._entries if e.kind == _STREAM and e.name.casefold() == folded), None
        )

    @staticmethod
    def _u32s(raw: bytes) -> list[int]:
        return list(struct.unpack(f"<{len(raw) // 4}I", raw[: len(raw) // 4 * 4]))

    def _sector_bytes(self, number: int) -> bytes:
        offset = (number + 1) * self._sector
        if number > _MAX_REGULAR or offset + self._sector > len(self._data):
            raise CfbError("sektor di luar berkas")
        return self._data[offset : offset + self._sector]

    def _read_fat(self) -> list[int]:
        """The FAT from every sector the DIFAT lists (the header's 109 places, then the DIFAT
        chain to its end, whatever count the header gives), as calamine reads it. A list
        naming a sector twice or past the end of the file is a CfbError: calamine would read
        it as told, up to gigabytes from a small file."""
        (difat_next,) = struct.unpack_from("<I", self._data, 0x44)
        listed = _fat_sectors(struct.unpack_from(f"<{_HEADER_DIFAT}I", self._data, 0x4C))
        per_sector = self._sector // 4 - 1
        seen: set[int] = set()
        while difat_next < _MAX_REGULAR:
            if difat_next in seen:
                raise CfbError("rantai DIFAT berulang")
            seen.add(difat_next)
            values = self._u32s(self._sector_bytes(difat_next))
            listed.extend(_fat_sectors(values[:per_sector]))
            if len(listed) > self._sectors:
                raise CfbError("FAT lebih besar dari berkas")
            difat_next = values[per_sector]
        if len(set(listed)) < len(listed) or any(n >= self._sectors for n in listed):
            raise CfbError("daftar sektor FAT rusak")
        return self._u32s(b"".join(self._sector_bytes(n) for n in listed))

    def _chain(self, start: int, table: list[int], longest: int) -> list[int]:
        """The sector numbers from `start` to the end of its chain in `table`; a chain longer
        than `longest` (the sectors there are to visit) has looped."""
        chain: list[int] = []
        current = start
        limit = min(len(table), longest)
        while current != _END_OF_CHAIN:
            if current >= len(table) or len(chain) >= limit:
                raise CfbError("rantai sektor rusak atau berulang")
            chain.append(current)
            current = table[current]
            if current == _FREE:
                raise CfbError("rantai sektor rusak")
        return chain

    def _chain_bytes(self, start: int, size: int | None) -> bytes:
        if start == _END_OF_CHAIN:
            return b""
        chain = self._chain(start, self._fat, self._sectors)
        raw = b"".join(self._sector_bytes(n) for n in chain)
        if size is not None and len(raw) < size:
            raise CfbError("aliran terpotong")
        return raw if size is None else raw[:size]

    def _mini_chain_bytes(self, start: int, size: int) -> bytes:
        if size == 0:
            return b""
        step = self._mini_sector
        parts = []
        for n in self._chain(start, self._minifat, len(self._mini_stream) // step):
            offset = n * step
            if offset + step > len(self._mini_stream):
                raise CfbError("sektor mini di luar aliran")
            parts.append(self._mini_stream[offset : offset + step])
        raw = b"".join(parts)
        if len(raw) < size:
            raise CfbError("aliran terpotong")
        return raw[:size]

    def _read_directory(self, first: int) -> list[_Entry]:
        raw = self._chain_bytes(first, None)
        entries = []
        for offset in range(0, len(raw) - 127, 128):
            name_size, kind = struct.unpack_from("<HB", raw, offset + 64)
            start, size = struct.unpack_from("<IQ", raw, offset + 116)
            name_end = offset + max(0, min(name_size, 64) - 2)
            name = raw[offset:name_end].decode("utf-16-le", "replace")
            if self._sector == 512:
                size &= 0xFFFFFFFF  # version 3 files may leave garbage in the high half
            entries.append(_Entry(name, kind, start, size,
                                  _calamine_name(raw[offset : offset + 64])))
        return entries


def _fat_sectors(values: Sequence[int]) -> list[int]:
    """The DIFAT values calamine reads a FAT sector from."""
    return [n for n in values if n < _DIFAT_SECTOR]


def _calamine_name(raw: bytes) -> str:
    """An entry's 64 name bytes as calamine decodes them (encoding_rs, which honours a byte
    order mark), up to the first NUL."""
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", "replace")
    elif raw.startswith(b"\xfe\xff"):
        text = raw[2:].decode("utf-16-be", "replace")
    else:
        text = raw[2 if raw.startswith(b"\xff\xfe") else 0 :].decode("utf-16-le", "replace")
    return text.split("\0", 1)[0]
