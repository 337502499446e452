"""Which files a run reads: the paths given, folders walked for spreadsheets.

Office lock files (`~$x.xlsx` of Excel, `.~lock.x.xlsx#` of LibreOffice), hidden files and
folders (name starting with "." or, on Windows, the hidden attribute) are skipped inside
folders, and so is what this run writes (`exclude`: its feedback folder, its outputs). Feedback
copies (`*.catatan.xlsx`) are read: a clerk corrects the copy and sends it back as it is. A file
named explicitly is read whatever its extension (a wrong one becomes KSD101); only lock files
are skipped there too, since they are never workbooks.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
FileId = tuple[int, int]  # (st_dev, st_ino): the same file whatever the path says


@dataclass
class InputSet:
    files: list[Path] = field(default_factory=list)  # to read, in a stable order
    missing: list[Path] = field(default_factory=list)  # given but not there
    skipped: list[Path] = field(default_factory=list)  # lock and hidden files, this run's outputs


def is_lock_file(name: str) -> bool:
    return name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#"))


def is_spreadsheet_name(name: str) -> bool:
    return Path(name).suffix.casefold() in SPREADSHEET_SUFFIXES


def _is_hidden(entry: os.DirEntry[str]) -> bool:
    if entry.name.startswith("."):
        return True
    if os.name != "nt":
        return False
    try:
        attributes = getattr(entry.stat(), "st_file_attributes", 0)
    except OSError:
        return False
    return bool(attributes & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0))


def _sort_key(path: Path) -> tuple[tuple[str, ...], str]:
    return tuple(part.casefold() for part in path.parts), str(path)


def same_path(a: Path, b: Path) -> bool:
    """Whether two paths name the same file or folder (resolved; case-blind where the OS is)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())


def _file_ids(paths: tuple[Path, ...]) -> frozenset[FileId]:
    ids = set()
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        ids.add((st.st_dev, st.st_ino))
    return frozenset(ids)


def _excluded(entry: os.DirEntry[str], exclude: frozenset[FileId]) -> bool:
    if not exclude:
        return False
    try:
        st = entry.stat()
    except OSError:
        return False
    return (st.st_dev, st.st_ino) in exclude


def _walk(folder: Path, found: InputSet, exclude: frozenset[FileId]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        found.skipped.append(folder)
        return
    for entry in entries:
        path = Path(entry.path)
        if _excluded(entry, exclude):
            found.skipped.append(path)
            continue
        try:
            is_dir = entry.is_dir()  # follows links; os.walk-like loops are avoided below
        except OSError:
            continue
        if is_lock_file(entry.name) or _is_hidden(entry):
            if is_dir or is_lock_file(entry.name) or is_spreadsheet_name(entry.name):
                found.skipped.append(path)
            continue
        if is_dir:
            if not entry.is_symlink():
                _walk(path, found, exclude)
        elif is_spreadsheet_name(entry.name):
            found.files.append(path)


def collect_inputs(paths: list[Path], exclude: tuple[Path, ...] = ()) -> InputSet:
    """The files to read from files and folders given; nothing is opened here.

    `exclude` (this run's outputs) is skipped inside folders; a path given explicitly is
    always read, so that writing over it can be refused as wrong use.
    """
    found = InputSet()
    for path in paths:
        if not path.exists():
            found.missing.append(path)
        elif path.is_dir():
            _walk(path, found, _file_ids(exclude))
        elif is_lock_file(path.name):
            found.skipped.append(path)
        else:
            found.files.append(path)
    found.files = _unique_sorted(found.files)
    found.skipped = _unique_sorted(found.skipped)
    return found


def _unique_sorted(paths: list[Path]) -> list[Path]:
    """Sorted by path (case-insensitively), each file once even when reached twice."""
    seen: set[Path] = set()
    out: list[Path] = []
    for path in sorted(paths, key=_sort_key):
        identity = path.resolve()
        if identity not in seen:
            seen.add(identity)
            out.append(path)
    return out
