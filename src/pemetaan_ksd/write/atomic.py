"""Outputs are written whole or not at all: a temporary file beside the target, then a rename.

The temporary file sits in the target's folder (so the rename never crosses file systems) and
starts with a dot (so the readers skip it as a hidden file). On any exception it is removed and
an existing target stays byte for byte as it was.

A run with several outputs (workbook, feedback copies, report) stages them all in a `Staging`
and puts them in place together at the end, with signals held back meanwhile: an interrupted or
failed run replaces nothing and leaves no temporary file (nor a folder it made for them).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from pemetaan_ksd import interrupt
from pemetaan_ksd.errors import OutputError

_REPLACE_ATTEMPTS = 5  # Windows: a virus scanner or indexer may hold the file for a moment
_REPLACE_PAUSE = 0.2




_WHY = {  # the system's reason in Indonesian: its own text may be English
    errno.ENOTDIR: "sebagian jalurnya adalah berkas, bukan folder",
    errno.EISDIR: "itu sebuah folder",
    errno.EACCES: "tidak ada izin menulis",
    errno.EPERM: "tidak ada izin menulis",
    errno.ENOSPC: "disk penuh",
    errno.EROFS: "disk hanya dapat dibaca",
    errno.ENOENT: "folder tidak ditemukan",
    errno.ENAMETOOLONG: "nama atau jalurnya terlalu panjang",
}


def _why(exc: OSError) -> str:
    return _WHY.get(exc.errno or 0, "galat sistem berkas nomor " + str(exc.errno or "?"))


def _on_windows() -> bool:
    return os.name == "nt"


class Staging:
    """Outputs of one run, each written to a temporary file, all put in place by `commit()`.

    Leaving the block without a commit (an error, an interrupt) removes every temporary file
    and the folders made for them; existing targets stay as they were.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []  # (temporary, target)
        self._made_dirs: list[Path] = []
        self.kept_beside: list[tuple[Path, Path]] = []  # (target not replaced, new file's path)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def write_with(self, target: Path, writer: Callable[[Path], object]) -> Path:
        """Stage `writer(tmp)`'s output for `target`; kept only if the writer returns."""
        target = Path(target)
        if any(t == target for _, t in self._staged):
            raise ValueError(f"{target} is staged twice")  # a fault of ours, not of the user
        self._made_dirs.extend(_missing_parents(target.parent))
        tmp = _make_temp(target)
        try:
            writer(tmp)
            _flush_to_disk(tmp)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        self._staged.append((tmp, target))
        return target

    def write_bytes(self, target: Path, data: bytes) -> Path:
        return self.write_with(target, lambda tmp: tmp.write_bytes(data))

    def commit(self, beside: Mapping[Path, Path] | None = None) -> list[Path]:
        """Put every staged output in place; signals wait until the last one is.

        `beside`: for a target that cannot be replaced (open in Excel on Windows), where its new
        version is kept instead; `kept_beside` then lists (target, where) and the run goes on.
        """
        done: list[Path] = []
        with interrupt.deferred():
            for tmp, target in self._staged:
                _copy_mode(tmp, target)
                try:
                    _replace(tmp, target)
                except OutputError:
                    if beside is None or target not in beside:
                        raise
                    _replace(tmp, beside[target])
                    self.kept_beside.append((target, beside[target]))
                    target = beside[target]
                done.append(target)
            self._staged.clear()
            self._made_dirs.clear()
        return done

    def staged_file(self, target: Path) -> Path:
        """The temporary file staged for `target` (to copy it to a second target)."""
        return next(tmp for tmp, t in self._staged if t == Path(target))

    def discard(self) -> None:
        for tmp, _ in self._staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        self._staged.clear()
        for folder in reversed(self._made_dirs):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty: never a folder that holds anything else
        self._made_dirs.clear()


def _missing_parents(folder: Path) -> list[Path]:
    """The folders from the first missing ancestor down to `folder`, outermost first."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return list(reversed(missing))


def atomic_write_bytes(target: Path, data: bytes) -> Path:
    with Staging() as staging:
        staging.write_bytes(target, data)
        staging.commit()
    return target


def atomic_write_with(target: Path, writer: Callable[[Path], object]) -> Path:
    """Call `writer(tmp_path)` and put the result in place only if it returns normally."""
    with Staging() as staging:
        staging.write_with(target, writer)
        staging.commit()
    return target


def _make_temp(target: Path) -> Path:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(
            f"Tidak dapat menulis di folder {target.parent} ({_why(exc)}). "
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
                f"Berkas {target} tidak dapat ditulis ({_why(exc)}). "
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
        f"({_why(exc)}). Periksa izin berkas dan foldernya. Berkas lama tidak diubah."
    )
