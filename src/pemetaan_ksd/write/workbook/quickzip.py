"""The zip XlsxWriter packs the consolidated workbook into: quicker deflate, on both cores.

Level 3, not zlib's 6: the sheets' XML (80 MB for 1,000 files) compresses 2.3x faster for a
file 20 % larger (measured: benchmarks/README.md). A large part (Daftar Rencana, Perlu
Perbaikan) is deflated in two halves at once, one in a thread (zlib lets go of the GIL while it
compresses): each half is a deflate stream of its own, flushed to a byte boundary and not
final, so the halves joined, then an empty final block, are one valid stream (as pigz does).
When the workbook is closed the other processes are done, and the second core is free.

Daftar Rencana's rows arrive deflated already, by the process that made them (rows_worker.py):
the sheet's part holds `MARK` in their place, and the zip joins that stream in there as it is
(`Deflated`), the head and the tail of the part deflated around it.
"""

from __future__ import annotations

import os
import shutil
import zipfile
import zlib
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pemetaan_ksd.write.workbook.crc import crc32_combine

LEVEL = 3
PARALLEL_BYTES = 8 << 20  # parts from this size are deflated in two halves at once
BLOCK = 16 << 20  # read and deflated at a time: memory stays bounded (10,000 files: 500 MB)
# Where a part's rows deflated elsewhere go. Nothing a cell holds can look like it: every
# `<` of a value is written `&lt;`.
MARK = "<!--pemetaan-ksd: rows deflated elsewhere-->"
# What zipfile's part writer keeps (3.11 to 3.13): without them the joined stream is inflated
# and written as any part (the same file, more slowly).
_WRITER = ("_compressor", "_crc", "_file_size", "_compress_size", "_fileobj")


@dataclass(frozen=True)
class Deflated:
    """A raw deflate stream in `path`, ended at a byte boundary and not final, of `size`
    bytes with CRC-32 `crc`."""

    path: Path
    crc: int
    size: int


def _deflated(data: bytes | memoryview, level: int) -> bytes:
    """A raw deflate stream of `data`, ended at a byte boundary, not final."""
    part = zlib.compressobj(level, zlib.DEFLATED, -15)
    return part.compress(data) + part.flush(zlib.Z_SYNC_FLUSH)


class _InHalves:
    """zipfile's compressor for one part, each block deflated in two halves at once."""

    def __init__(self, level: int, pool: ThreadPoolExecutor) -> None:
        self._level = level
        self._pool = pool

    def compress(self, data: bytes) -> bytes:
        view = memoryview(data)
        half = len(view) // 2
        second = self._pool.submit(_deflated, view[half:], self._level)
        first = _deflated(view[:half], self._level)
        return first + second.result()

    def flush(self) -> bytes:
        return zlib.compressobj(self._level, zlib.DEFLATED, -15).flush()  # the final block


class QuickZip(zipfile.ZipFile):
    """The ZipFile XlsxWriter opens (writer.py sets it)."""

    def __init__(self, *args: Any, joined: Mapping[str, Deflated] | None = None,
                 **kwargs: Any) -> None:
        kwargs.setdefault("compresslevel", LEVEL)
        super().__init__(*args, **kwargs)
        self._joined = dict(joined or {})  # part name -> its rows, deflated elsewhere

    def write(self, filename: Any, arcname: Any = None, compress_type: int | None = None,
              compresslevel: int | None = None) -> None:
        made = self._joined.pop(arcname, None)
        if made is not None:
            self._write_joined(filename, arcname, made)
        elif (compress_type is None and compresslevel is None
              and self.compression == zipfile.ZIP_DEFLATED
              and _in_halves(os.path.getsize(filename))):
            self._write_in_halves(filename, arcname)
        else:
            super().write(filename, arcname, compress_type, compresslevel)

    def close(self) -> None:
        super().close()
        unused, self._joined = sorted(self._joined), {}  # said once (__del__ closes again)
        if unused:  # our fault: their rows would be missing
            raise RuntimeError(f"rows deflated for parts not written: {unused}")

    def _write_in_halves(self, filename: Any, arcname: Any) -> None:
        info = zipfile.ZipInfo.from_file(filename, arcname)
        info.compress_type = zipfile.ZIP_DEFLATED
        with (ThreadPoolExecutor(max_workers=1) as pool, open(filename, "rb") as source,
              self.open(info, "w") as target):
            # zipfile's writer keeps its compressor here (3.11 to 3.13); it counts the sizes
            # and the CRC of what goes through it itself.
            target._compressor = _InHalves(self.compresslevel or LEVEL, pool)  # type: ignore[attr-defined]
            shutil.copyfileobj(source, target, BLOCK)

    def _write_joined(self, filename: Any, arcname: str, made: Deflated) -> None:
        mark = MARK.encode()
        with open(filename, "rb") as source:
            head, found, rest = source.read(BLOCK).partition(mark)  # the head: titles, header
            if not found:
                raise RuntimeError(f"{arcname}: no place for its rows")  # our fault
            info = zipfile.ZipInfo.from_file(filename, arcname)
            info.compress_type = zipfile.ZIP_DEFLATED
            tail = info.file_size - len(head) - len(mark)  # rows written here, then the end
            info.file_size = len(head) + made.size + tail  # zipfile decides on zip64 by it
            level = self.compresslevel or LEVEL
            with (ThreadPoolExecutor(max_workers=1) as pool, self.open(info, "w") as target,
                  made.path.open("rb") as stream):
                if not all(hasattr(target, name) for name in _WRITER):
                    target.write(head)
                    _inflate_into(stream, target)
                else:
                    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
                    target._compressor = packer  # type: ignore[attr-defined]
                    target.write(head)
                    _write_raw(target, packer.flush(zlib.Z_SYNC_FLUSH))
                    while block := stream.read(BLOCK):
                        _write_raw(target, block)
                    target._crc = crc32_combine(target._crc, made.crc, made.size)  # type: ignore[attr-defined]
                    target._file_size += made.size  # type: ignore[attr-defined]
                    # Streams of their own after the joined one: none points back across it.
                    target._compressor = (  # type: ignore[attr-defined]
                        _InHalves(level, pool) if _in_halves(tail)
                        else zlib.compressobj(level, zlib.DEFLATED, -15))
                target.write(rest)
                shutil.copyfileobj(source, target, BLOCK)


def _in_halves(size: int) -> bool:
    """Whether this many bytes are deflated in two halves at once (when there are two cores)."""
    return size >= PARALLEL_BYTES and os.cpu_count() != 1


def _write_raw(target: Any, data: bytes) -> None:
    """Deflated bytes into the part as they are, counted as zipfile counts its own."""
    target._fileobj.write(data)
    target._compress_size += len(data)


def _inflate_into(stream: Any, target: Any) -> None:
    unpacker = zlib.decompressobj(-15)
    while block := stream.read(BLOCK):
        target.write(unpacker.decompress(block))
    target.write(unpacker.flush())
