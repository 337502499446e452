"""The register's table as read: each line with its number, and where its columns are.

A CSV (delimiter sniffed among `,;\t`; UTF-8, or the ANSI code page Excel writes on Windows) or
the first sheet of a workbook (read by calamine, in `read/`). Headers are matched tolerantly
("Tgl Penandatanganan", "Berlaku s.d."); a title block may stand above them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from pemetaan_ksd.errors import ProfileError

Line = tuple[int, list[object]]  # (line or spreadsheet row number, cells)

# Column -> how a message names it; bidang and objek: at least one of them.
KOLOM = {"nomor": "nomor", "tanggal": "tanggal", "jenis": "jenis", "mitra": "mitra",
         "bidang": "bidang_urusan", "objek": "objek", "sampai": "berlaku_sampai"}
WAJIB = ("nomor", "tanggal", "jenis", "mitra", "sampai")
_HEADER_SEARCH = 10  # a title block may stand above the header


class Where:
    """Messages about the register, each naming the file (and the line) to fix."""

    def __init__(self, path: Path, profil: str) -> None:
        self.path = path
        self.profil = profil

    def file(self, problem: str) -> ProfileError:
        return ProfileError(f"Daftar kerja sama berlaku {self.path} (ditunjuk profil "
                            f"{self.profil}, [kerja_sama_berlaku] berkas) {problem}")

    def line(self, line: int, problem: str) -> ProfileError:
        return ProfileError(f"Daftar kerja sama berlaku {self.path}, baris {line}: {problem} "
                            "Perbaiki baris itu, lalu jalankan ulang.")


def read_lines(path: Path, data: bytes, where: Where) -> list[Line]:
    """The lines of the register whose bytes are `data`."""
    return _csv_rows(data, where) if _is_text(path) else _sheet_rows(path, where)


def _is_text(path: Path) -> bool:
    return path.suffix.lower() in (".csv", ".txt", ".tsv")


def _csv_rows(data: bytes, where: Where) -> list[Line]:
    """(line, cells) of each record; a record spanning lines is named by its first line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel's "CSV (Comma delimited)" on Windows writes the ANSI code page
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise where.file("bukan teks yang dapat dibaca. Simpan ulang sebagai CSV UTF-8.") \
                from exc
    try:
        dialect: type[csv.Dialect] = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect, doublequote=True, strict=True)
    out: list[Line] = []
    start = 1
    try:
        for record in reader:
            out.append((start, list(record)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise where.line(start, "penulisan CSV tidak sah (periksa tanda kutip).") from exc
    return out


def _sheet_rows(path: Path, where: Where) -> list[Line]:
    from pemetaan_ksd.read.tabular import TableUnreadable, first_sheet_rows

    try:
        rows = first_sheet_rows(path)
    except TableUnreadable as exc:
        raise where.file("tidak dapat dibaca sebagai CSV atau lembar kerja (.xlsx, .xls, "
                         ".ods); mungkin rusak atau dilindungi sandi. Simpan ulang sebagai "
                         "CSV atau XLSX.") from exc
    return list(enumerate(rows, start=1))


def _column_of(header: object) -> str | None:
    """Which register column a header names ("Berlaku s.d.", "Tanggal Penandatanganan")."""
    if not isinstance(header, str):
        return None
    words = re.sub(r"[^a-z0-9]+", " ", header.casefold()).split()
    if not words:
        return None
    first = words[0]
    if ("berakhir" in words or first in ("sampai", "hingga")
            or ("berlaku" in words and {"sampai", "hingga", "s", "sd"} & set(words))):
        return "sampai"
    if first in ("tanggal", "tgl"):
        return "tanggal"
    if first in ("nomor", "nomer") and "urut" not in words:
        return "nomor"
    if first == "jenis" and "mitra" not in words:
        return "jenis"
    if "mitra" in words:
        return "mitra"
    if first == "bidang":
        return "bidang"
    return "objek" if first in ("objek", "obyek") else None


def find_header(rows: Sequence[Line], where: Where) -> tuple[int, dict[str, int]]:
    """The index of the header row among `rows` and each column's position in it."""
    best: tuple[int, dict[str, int]] | None = None
    for index, (_, cells) in enumerate(rows[:_HEADER_SEARCH]):
        columns: dict[str, int] = {}
        for position, cell in enumerate(cells):
            column = _column_of(cell)
            if column is not None:
                columns.setdefault(column, position)
        if best is None or len(columns) > len(best[1]):
            best = (index, columns)
    wanted = "nomor, tanggal, jenis, mitra, bidang_urusan (atau objek), dan berlaku_sampai"
    if best is None or not best[1]:
        raise where.file(f"tidak memuat baris judul kolom. Baris pertama harus berisi judul "
                         f"{wanted}.")
    index, columns = best
    missing = [KOLOM[c] for c in WAJIB if c not in columns]
    if "bidang" not in columns and "objek" not in columns:
        missing.append("bidang_urusan (atau objek)")
    if missing:
        raise where.line(rows[index][0], f"kolom {', '.join(missing)} tidak ada pada baris "
                         f"judul. Daftar kerja sama memerlukan kolom {wanted}.")
    return index, columns
