"""The zip XlsxWriter packs the consolidated workbook into: quicker deflate, on both cores.

Level 3, not zlib's 6: the sheets' XML (80 MB for 1,000 files) compresses 2.3x faster for a
file 20 % larger (measured: benchmarks/README.md). A large part (Daftar Rencana, Perlu
Perbaikan) is deflated in two halves at once, one in a thread (zlib lets go of the GIL while it
compresses): each half is a deflate stream of its own, flushed to a byte boundary and not
final, so the halves joined, then an empty final block, are one valid stream (as pigz does).
When the workbook is closed the other processes are done, and the second core is free.
"""

from __future__ import annotations

import os
import shutil
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

LEVEL = 3
PARALLEL_BYTES = 8 << 20  # parts from this size are deflated in two halves at once
BLOCK = 16 << 20  # read and deflated at a time: memory stays bounded (10,000 files: 500 MB)


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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compresslevel", LEVEL)
        super().__init__(*args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, compress_type: int | None = None,
              compresslevel: int | None = None) -> None:
        if (compress_type is not None or compresslevel is not None or os.cpu_count() == 1
                or self.compression != zipfile.ZIP_DEFLATED
                or os.path.getsize(filename) < PARALLEL_BYTES):
            super().write(filename, arcname, compress_type, compresslevel)
            return
        info = zipfile.ZipInfo.from_file(filename, arcname)
        info.compress_type = zipfile.ZIP_DEFLATED
        with (ThreadPoolExecutor(max_workers=1) as pool, open(filename, "rb") as source,
              self.open(info, "w") as target):
            # zipfile's writer keeps its compressor here (3.11 to 3.13); it counts the sizes
            # and the CRC of what goes through it itself.
            target._compressor = _InHalves(self.compresslevel or LEVEL, pool)  # type: ignore[attr-defined]
            shutil.copyfileobj(source, target, BLOCK)
