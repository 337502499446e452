"""A minimal reader of Compound File Binary (OLE2) files: enough to list streams and read one.

Used to tell .xls (a `Workbook` stream) from a password-protected OOXML file (an
`EncryptedPackage` stream) and to read the BIFF records calamine does not expose.
Layout as in [MS-CFB]: a 512-byte header, a FAT of sector chains, a directory of 128-byte
entries, and a mini stream (64-byte sectors) for streams under the cutoff size.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_MAX_REGULAR = 0xFFFFFFFA
_HEADER_DIFAT = 109
_STREAM = 2
_ROOT = 5


class CfbError(ValueError):
    """The compound file is damaged or truncated."""


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: int
    start: int
    size: int


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

    @property
    def stream_names(self) -> list[str]:
        return [e.name for e in self._entries if e.kind == _STREAM]

    def has_stream(self, name: str) -> bool:
        return self._find(name) is not None

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
        fat_count, = struct.unpack_from("<I", self._data, 0x2C)
        difat_next, difat_count = struct.unpack_from("<II", self._data, 0x44)
        locations = list(struct.unpack_from(f"<{_HEADER_DIFAT}I", self._data, 0x4C))
        per_sector = self._sector // 4 - 1
        for _ in range(difat_count):
            if difat_next >= _MAX_REGULAR:
                break
            values = self._u32s(self._sector_bytes(difat_next))
            locations.extend(values[:per_sector])
            difat_next = values[per_sector]
        fat_sectors = [n for n in locations if n < _MAX_REGULAR][:fat_count]
        return self._u32s(b"".join(self._sector_bytes(n) for n in fat_sectors))

    def _chain(self, start: int, table: list[int]) -> list[int]:
        chain: list[int] = []
        current = start
        while current != _END_OF_CHAIN:
            if current >= len(table) or len(chain) > len(table):
                raise CfbError("rantai sektor rusak")
            chain.append(current)
            current = table[current]
            if current == _FREE:
                raise CfbError("rantai sektor rusak")
        return chain

    def _chain_bytes(self, start: int, size: int | None) -> bytes:
        if start == _END_OF_CHAIN:
            return b""
        raw = b"".join(self._sector_bytes(n) for n in self._chain(start, self._fat))
        if size is not None and len(raw) < size:
            raise CfbError("aliran terpotong")
        return raw if size is None else raw[:size]

    def _mini_chain_bytes(self, start: int, size: int) -> bytes:
        if size == 0:
            return b""
        step = self._mini_sector
        parts = []
        for n in self._chain(start, self._minifat):
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
            entries.append(_Entry(name, kind, start, size))
        return entries
