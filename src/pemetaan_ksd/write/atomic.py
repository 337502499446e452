"""Outputs are written whole or not at all: a temporary file beside the target, then a rename.

The temporary file sits in the target's folder (so the rename never crosses file systems) and
starts with a dot (so the readers skip it as a hidden file). On any exception it is removed and
an existing target stays byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_REPLACE_ATTEMPTS = 5  # Windows: a virus scanner or indexer may hold the file for a moment
_REPLACE_PAUSE = 0.2


class OutputError(OSError):
    """An output that could not be put in place; the message is for the user."""


def _on_windows() -> bool:
    return os.name == "nt"


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces the target.

    On any exception the temporary file is removed and an existing target stays as it was.
    """
    target = Path(target)
    tmp = _make_temp(target)
    try:
        yield tmp
        _flush_to_disk(tmp)
        _copy_mode(tmp, target)
        _replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def atomic_write_bytes(target: Path, data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


def atomic_write_text(target: Path, text: str) -> Path:
    return atomic_write_bytes(target, text.encode("utf-8"))


def atomic_write_with(target: Path, writer: Callable[[Path], object]) -> Path:
    """Call `writer(tmp_path)` and put the result in place only if it returns normally."""
    with atomic_path(target) as tmp:
        writer(tmp)
    return target


def _make_temp(target: Path) -> Path:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(
            f"Tidak dapat menulis di folder {target.parent} ({exc.strerror or exc}). "
            "Periksa bahwa folder itu dapat dibuat dan Anda berhak menulis di dalamnya."
        ) from exc
    os.close(fd)
    return Path(name)


def _flush_to_disk(tmp: Path) -> None:
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())


def _copy_mode(tmp: Path, target: Path) -> None:
    """Give the new file the old file's permissions, or the usual ones (mkstemp makes 0600)."""
    with contextlib.suppress(OSError):
        if target.exists():
            shutil.copymode(target, tmp)
        elif not _on_windows():
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)


def _replace(tmp: Path, target: Path) -> None:
    attempts = _REPLACE_ATTEMPTS if _on_windows() else 1
    for attempt in range(attempts):
        try:
            os.replace(tmp, target)
            return
        except PermissionError as exc:
            if attempt + 1 < attempts:
                time.sleep(_REPLACE_PAUSE)
                continue
            raise OutputError(_permission_message(target, exc)) from exc
        except OSError as exc:
            raise OutputError(
                f"Berkas {target} tidak dapat ditulis ({exc.strerror or exc}). "
                "Berkas lama, bila ada, tidak diubah."
            ) from exc


def _permission_message(target: Path, exc: PermissionError) -> str:
    if _on_windows():
        return (
            f"Berkas {target} tidak dapat ditimpa karena kemungkinan sedang dibuka di Microsoft "
            "Excel atau program lain. Tutup berkas itu, lalu jalankan perintah ini lagi. "
            "Berkas lama tidak diubah."
        )
    return (
        f"Berkas {target} tidak dapat ditimpa: Anda tidak berhak menulisnya "
        f"({exc.strerror or exc}). Periksa izin berkas dan foldernya. Berkas lama tidak diubah."
    )
