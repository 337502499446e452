"""Which files a run reads: the paths given, folders walked for spreadsheets.

Office lock files (`~$x.xlsx` of Excel, `.~lock.x.xlsx#` of LibreOffice), hidden files and
folders (name starting with "." or, on Windows, the hidden attribute) and the program's own
feedback copies (`*.catatan.xlsx`) are skipped inside folders. A file named explicitly is read
whatever its extension (a wrong one becomes KSD101); only lock files are skipped there too,
since they are never workbooks.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
FEEDBACK_MARK = ".catatan"  # feedback copies are named <stem>.catatan.xlsx


@dataclass
class InputSet:
    files: list[Path] = field(default_factory=list)  # to read, in a stable order
    missing: list[Path] = field(default_factory=list)  # given but not there
    skipped: list[Path] = field(default_factory=list)  # lock, hidden and feedback files


def is_lock_file(name: str) -> bool:
    return name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#"))


def is_spreadsheet_name(name: str) -> bool:
    return Path(name).suffix.casefold() in SPREADSHEET_SUFFIXES


def is_feedback_copy(name: str) -> bool:
    return Path(name).stem.casefold().endswith(FEEDBACK_MARK)


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


def _walk(folder: Path, found: InputSet) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        found.skipped.append(folder)
        return
    for entry in entries:
        path = Path(entry.path)
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
                _walk(path, found)
        elif is_spreadsheet_name(entry.name):
            (found.skipped if is_feedback_copy(entry.name) else found.files).append(path)


def collect_inputs(paths: list[Path]) -> InputSet:
    """The files to read from files and folders given; nothing is opened here."""
    found = InputSet()
    for path in paths:
        if not path.exists():
            found.missing.append(path)
        elif path.is_dir():
            _walk(path, found)
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
