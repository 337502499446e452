"""read_submission: one file -> Submission, never an exception for a bad file.

The path through a file: its bytes are hashed; the container is recognised from its bytes
(sniff.py, which also applies the zip limits); a light scan finds each sheet's extent and error
cells (scan_*.py) so that too large a grid is refused before calamine builds it; then calamine
reads `Usulan`, `Identitas` and `_meta` once each (skip_empty_area=False keeps row numbers), and
any other sheet that may be a copy of `Usulan` (tables.py).

Only the steps that touch the file (zip, compound file, XML scans, calamine) are guarded, and
only against the errors a damaged file causes: they become a `ReadError` (KSD101). What the
program then does with the grids is its own code, and a fault there is a fault of ours (exit 3),
never "your file is damaged".
"""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine

from pemetaan_ksd import safety
from pemetaan_ksd.a1 import column_letter
from pemetaan_ksd.contract import SHEET_IDENTITAS, SHEET_META, SHEET_USULAN
from pemetaan_ksd.model import CellValue, ReadError, Submission
from pemetaan_ksd.read import reasons, scan_ods, scan_xls, scan_xlsx, sheets
from pemetaan_ksd.read.cells import Grid
from pemetaan_ksd.read.cfb import CfbError
from pemetaan_ksd.read.identity import identify
from pemetaan_ksd.read.layout import Merged
from pemetaan_ksd.read.reasons import Unreadable
from pemetaan_ksd.read.safexml import ParseError
from pemetaan_ksd.read.scan import ScanError, SheetScan
from pemetaan_ksd.read.sniff import Container, Format, open_container
from pemetaan_ksd.read.tables import (
    RawSheet,
    Table,
    candidates,
    other_sheets,
    read_table,
    sheet_merges,
)

# What a damaged file raises in the layers that touch it: the zip and compound-file readers,
# the XML scans, calamine. zipfile raises NotImplementedError for an unknown compression method
# and RuntimeError for an encrypted member. Nothing else is caught.
_DAMAGED = (python_calamine.CalamineError, ScanError, CfbError, ParseError, zipfile.BadZipFile,
            zlib.error, struct.error, EOFError, UnicodeError, OSError, NotImplementedError,
            RuntimeError)
_HASH_CHUNK = 1024 * 1024


def find_sheet(names: list[str], wanted: str) -> str | None:
    """The first sheet named `wanted`, ignoring case and surrounding spaces."""
    folded = wanted.casefold()
    return next((n for n in names if n.strip().casefold() == folded), None)


def hash_file(path: Path) -> str:
    """The sha256 of a file, read in chunks (a file too large to hold is hashed too)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_submission(path: Path) -> Submission:
    """Read one submitted workbook; `read_error` says why when it cannot be opened."""
    try:
        stat = path.stat()
        if not path.is_file():
            return Submission(path, "", 0, stat.st_mtime,
                              read_error=ReadError(reasons.TIDAK_DAPAT_DIAKSES, "bukan berkas"))
        too_large = safety.check_file_size(stat.st_size)
        if too_large is not None:
            return Submission(path, hash_file(path), stat.st_size, stat.st_mtime,
                              read_error=ReadError(reasons.TERLALU_BESAR, too_large))
        data = path.read_bytes()
    except OSError as exc:
        return Submission(path, "", 0, 0.0,
                          read_error=ReadError(reasons.TIDAK_DAPAT_DIAKSES, _os_detail(exc)))
    submission = Submission(path, hashlib.sha256(data).hexdigest(), len(data), stat.st_mtime)
    loaded = _load_guarded(data)
    if isinstance(loaded, ReadError):
        submission.read_error = loaded
        return submission
    _apply(submission, loaded)
    return submission


def _load_guarded(data: bytes) -> _Loaded | ReadError:
    """The sheets of `data` as calamine gives them, or why the file cannot be opened."""
    try:
        return _load(data)
    except Unreadable as exc:
        return exc.error
    except (python_calamine.PasswordError, scan_xls.XlsEncrypted):
        return ReadError(reasons.KATA_SANDI)
    except _DAMAGED:
        return ReadError(reasons.RUSAK)
    except ValueError as exc:  # zipfile seeking where a damaged directory points (-1)
        if not _raised_in_zipfile(exc):
            raise
        return ReadError(reasons.RUSAK)
    except BaseException as exc:  # a Rust panic inside calamine arrives as PanicException
        if type(exc).__name__ != "PanicException":
            raise
        return ReadError(reasons.RUSAK)


def _raised_in_zipfile(exc: BaseException) -> bool:
    """Whether the innermost Python frame of `exc` is zipfile's own (a ValueError elsewhere is
    a fault of ours, not of the file)."""
    frame = exc.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    return frame is not None and frame.tb_frame.f_globals.get("__name__") == "zipfile"


def _os_detail(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "berkas tidak ditemukan"
    if isinstance(exc, PermissionError):
        return "akses ditolak; mungkin berkas sedang dibuka program lain"
    if isinstance(exc, IsADirectoryError):
        return "bukan berkas"
    return "gagal membaca berkas"


def _check_grid(scans: dict[str, SheetScan]) -> None:
    too_large = safety.check_grid([(name, s.cells, s.last_cell) for name, s in scans.items()])
    if too_large is not None:
        raise Unreadable(reasons.TERLALU_BESAR, too_large)


def _wanted(names: list[str]) -> dict[str, str]:
    """Contract sheet name -> the workbook's own name for it, for the sheets present."""
    found = {w: find_sheet(names, w) for w in (SHEET_USULAN, SHEET_IDENTITAS, SHEET_META)}
    return {w: n for w, n in found.items() if n is not None}


def _scan_before_open(container: Container) -> dict[str, SheetScan]:
    """.ods and .xls: calamine builds every sheet on opening, so all are scanned first."""
    if container.format is Format.ODS and container.archive is not None:
        scans = scan_ods.scan(container.archive)
    elif container.format is Format.XLS and container.compound is not None:
        scans = scan_xls.scan(container.compound.workbook_stream())  # the one calamine reads
    else:
        return {}
    _check_grid(scans)
    return scans


@dataclass
class _Loaded:
    """What the file gave: sheet names, the contract sheets' grids, other candidate sheets."""

    sheet_names: list[str]
    wanted: dict[str, str]  # contract name -> the workbook's name
    grids: dict[str, Grid] = field(default_factory=dict)  # by contract name
    scans: dict[str, SheetScan] = field(default_factory=dict)  # by contract name
    usulan_merges: Merged = field(default_factory=list)
    others: list[RawSheet] = field(default_factory=list)


def _load(data: bytes) -> _Loaded:
    container = open_container(data)
    scans = _scan_before_open(container)
    with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
        names = list(book.sheet_names)
        wanted = _wanted(names)
        xlsx = container.archive if container.format is Format.OOXML else None
        if xlsx is not None:
            scans = scan_xlsx.scan(xlsx, list(wanted.values()))
            _check_grid(scans)
        loaded = _Loaded(names, wanted, scans={w: scans.get(n, SheetScan())
                                                for w, n in wanted.items()})
        for contract_name, name in wanted.items():
            sheet = book.get_sheet_by_name(name)
            loaded.grids[contract_name] = sheet.to_python(skip_empty_area=False)
            if contract_name == SHEET_USULAN:
                loaded.usulan_merges = sheet_merges(sheet, loaded.scans[SHEET_USULAN])
        read = {name: loaded.scans[w] for w, name in wanted.items()}
        loaded.others = other_sheets(book, candidates(book, wanted), scans, xlsx, read)
    return loaded


def _apply(submission: Submission, loaded: _Loaded) -> None:
    submission.sheet_names = loaded.sheet_names
    grids, scans = loaded.grids, loaded.scans
    values: dict[str, CellValue] = {}
    cells: dict[str, str] = {}
    if SHEET_IDENTITAS in grids:
        values, cells = sheets.identitas(grids[SHEET_IDENTITAS], scans[SHEET_IDENTITAS])
    if SHEET_META in grids:
        submission.meta = sheets.meta(grids[SHEET_META], scans[SHEET_META])
    submission.identity = identify(values, cells, submission.meta)
    name = loaded.wanted.get(SHEET_USULAN)
    table = None
    if name is not None:
        table = read_table(name, grids[SHEET_USULAN], scans[SHEET_USULAN], loaded.usulan_merges)
    others = [t for raw in loaded.others if (t := read_table(*raw)) is not None]
    _apply_usulan(submission, name, table, others)


def _apply_usulan(submission: Submission, name: str | None, table: Table | None,
                  others: list[Table]) -> None:
    """The sheet read as `Usulan`: the one of that name, else the only copy with its header."""
    if name is None and len(others) == 1:
        name, table, others = others[0].sheet, others[0], []
    submission.usulan_sheet = name
    submission.usulan_elsewhere = {t.sheet: len(t.rows.usulan) for t in others if t.rows.usulan}
    if table is None:
        return
    layout, rows = table.layout, table.rows
    submission.header_row = layout.header_index + 1
    submission.column_letters = {k: column_letter(c) for k, c in layout.columns.items()}
    submission.extra_columns = rows.extra_columns
    submission.rows = rows.usulan
    submission.stray_rows = rows.stray
    submission.merged_ranges = rows.merged
    submission.error_cells = rows.errors
