"""The nomenclature of urusan, bidang urusan, program, kegiatan and sub kegiatan.

Codes have the shape `U.BB.PP.K.KK.SSSS`; level and parent follow from the shape, so a newer
official list needs only code and name columns.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from pemetaan_ksd.errors import NomenklaturError
from pemetaan_ksd.reference.data import read_text, sumber


class Level(IntEnum):
    URUSAN = 1
    BIDANG_URUSAN = 2
    PROGRAM = 3
    KEGIATAN = 4
    SUB_KEGIATAN = 5

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]


LEVEL_LABELS = {
    Level.URUSAN: "urusan",
    Level.BIDANG_URUSAN: "bidang urusan",
    Level.PROGRAM: "program",
    Level.KEGIATAN: "kegiatan",
    Level.SUB_KEGIATAN: "sub kegiatan",
}

_SEG = r"(?:\d+|X+)"
CODE_PATTERNS: dict[Level, re.Pattern[str]] = {
    Level.URUSAN: re.compile(r"^(?:\d|X)$"),
    Level.BIDANG_URUSAN: re.compile(r"^(?:\d|X)\.(?:\d{2}|XX)$"),
    Level.PROGRAM: re.compile(r"^(?:\d|X)\.(?:\d{2}|XX)\.\d{2}$"),
    Level.KEGIATAN: re.compile(r"^(?:\d|X)\.(?:\d{2}|XX)\.\d{2}\.\d\.\d{2}$"),
    Level.SUB_KEGIATAN: re.compile(r"^(?:\d|X)\.(?:\d{2}|XX)\.\d{2}\.\d\.\d{2}\.\d{4}$"),
}




@functools.lru_cache(maxsize=65536)  # codes repeat down every file and across the files
def level_of_shape(code: str) -> Level | None:
    """The level a code's shape denotes, or None when the shape is wrong."""
    for level, pattern in CODE_PATTERNS.items():
        if pattern.match(code):
            return level
    return None


def parent_code(code: str) -> str | None:
    level = level_of_shape(code)
    if level is None or level is Level.URUSAN:
        return None
    parts = code.split(".")
    drop = 2 if level is Level.KEGIATAN else 1
    return ".".join(parts[:-drop])


def kegiatan_level_digit(code: str) -> str | None:
    """The authority digit of a kegiatan or sub kegiatan code (1 provinsi, 2 kab/kota)."""
    level = level_of_shape(code)
    if level not in (Level.KEGIATAN, Level.SUB_KEGIATAN):
        return None
    return code.split(".")[3]


@dataclass(frozen=True)
class Entry:
    kode: str
    nama: str
    level: Level

    @property
    def induk(self) -> str | None:
        return parent_code(self.kode)


class Nomenklatur:
    """Codes and names of one nomenclature instrument."""

    def __init__(self, entries: dict[str, Entry], versi: str, sumber_berkas: str | None = None):
        self._entries = entries
        self.versi = versi
        self.sumber_berkas = sumber_berkas

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def get(self, code: str) -> Entry | None:
        return self._entries.get(code)

    def level(self, code: str) -> Level | None:
        entry = self._entries.get(code)
        return entry.level if entry else None

    def name(self, code: str) -> str | None:
        entry = self._entries.get(code)
        return entry.nama if entry else None

    def parent(self, code: str) -> Entry | None:
        induk = parent_code(code)
        return self._entries.get(induk) if induk else None

    def children(self, code: str) -> list[Entry]:
        return [e for e in self._entries.values() if e.induk == code]

    def entries(self, level: Level | None = None) -> list[Entry]:
        return [e for e in self._entries.values() if level is None or e.level is level]

    def search(self, text: str, level: Level | None = None, limit: int = 50) -> list[Entry]:
        """Entries whose code starts with `text` or whose name contains all its words."""
        needle = text.strip().casefold()
        words = needle.split()
        found: list[Entry] = []
        for entry in self.entries(level):
            name = entry.nama.casefold()
            if entry.kode.casefold().startswith(needle) or all(w in name for w in words):
                found.append(entry)
                if len(found) >= limit:
                    break
        return found

    @classmethod
    def from_rows(
        cls, rows: list[tuple[str, str]], versi: str, sumber_berkas: str | None = None
    ) -> Nomenklatur:
        entries: dict[str, Entry] = {}
        for raw_code, raw_name in rows:
            code = raw_code.strip()
            level = level_of_shape(code)
            if level is None:
                continue
            entries[code] = Entry(code, " ".join(raw_name.split()), level)
        if not any(e.level is Level.KEGIATAN for e in entries.values()):
            raise NomenklaturError(
                f"Berkas nomenklatur {sumber_berkas or versi} tidak memuat satu pun kode kegiatan "
                "berbentuk 1.02.02.2.01. Periksa kolom kode dan nama."
            )
        return cls(entries, versi, sumber_berkas)


def packaged() -> Nomenklatur:
    text = read_text("nomenklatur.csv")
    rows = [(r["kode"], r["nama"]) for r in csv.DictReader(io.StringIO(text))]
    versi = str(sumber()["nomenklatur"]["instrumen"])
    return Nomenklatur.from_rows(rows, versi)


def load_file(path: Path, versi: str | None = None) -> Nomenklatur:
    """A newer official nomenclature: a CSV or XLSX with a code column and a name column."""
    if not path.is_file():
        raise NomenklaturError(f"Berkas nomenklatur {path} tidak ditemukan.")
    table = _read_table(path)
    if not table:
        raise NomenklaturError(f"Berkas nomenklatur {path} kosong.")
    code_col, name_col, start = _find_columns(table)
    rows = [
        (str(r[code_col]), str(r[name_col]))
        for r in table[start:]
        if len(r) > max(code_col, name_col) and str(r[code_col]).strip()
    ]
    return Nomenklatur.from_rows(rows, versi or path.stem, str(path))


def _read_table(path: Path) -> list[list[object]]:
    if path.suffix.lower() == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        return [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    from pemetaan_ksd.read.tabular import TableUnreadable, first_sheet_rows

    try:
        return first_sheet_rows(path)
    except TableUnreadable as exc:
        raise NomenklaturError(f"Berkas nomenklatur {path} tidak dapat dibaca: {exc}") from exc


def _find_columns(table: list[list[object]]) -> tuple[int, int, int]:
    """Columns headed `kode` and `nama` (or `uraian`); else the first two, no header."""
    for i, row in enumerate(table[:10]):
        cells = [str(c).strip().casefold() for c in row]
        code = next((j for j, c in enumerate(cells) if c.startswith("kode")), None)
        name = next((j for j, c in enumerate(cells) if c.startswith(("nama", "uraian"))), None)
        if code is not None and name is not None:
            return code, name, i + 1
    return 0, 1, 0
