"""Feedback copies (`validasi --anotasi DIR`): each submission back to its OPD, annotated.

For every input, `<stem>.catatan.xlsx`: the submission itself with each finding's cell filled
(red galat, yellow peringatan, blue info) and a note holding its messages, the template's
dropdowns put back, and a first sheet `Catatan Validasi` with the verdict and every finding
linked to its cell. An .xls/.ods input is rebuilt on the template (feedback_rebuild.py); an
unreadable input gets a copy holding only `Catatan Validasi`. Inputs are read, never written:
the bytes are read once and the workbook is built from them in memory.

openpyxl parses every part of the file it loads, and the reader did not read them all, so
the reader checks the bytes again before openpyxl sees them (`safe_to_load_whole`): its zip
limits, no DTD in any XML part (so no entity can expand and no external entity be fetched,
whether or not openpyxl has defusedxml), every part unpacking to no more than its stated
size. A file failing that is rebuilt from the values the reader read, as an .xls is, unless it
changed since it was judged: the rebuild would then build grids the reader never measured, so
it gets the notes. A file too large to copy cell by cell either way (XML parts unpacked past
safety.MAX_COPY_XML_BYTES) gets the notes too, saying so.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook

from pemetaan_ksd import safety
from pemetaan_ksd.model import FileResult
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.read import safe_to_load_whole, too_large_to_copy
from pemetaan_ksd.report import Report
from pemetaan_ksd.write.atomic import Staging, atomic_write_with
from pemetaan_ksd.write.feedback_dropdowns import restore_dropdowns
from pemetaan_ksd.write.feedback_marks import clear_previous_marks, mark_findings
from pemetaan_ksd.write.feedback_rebuild import rebuild_workbook
from pemetaan_ksd.write.feedback_sheet import Facts, add_findings_sheet
from pemetaan_ksd.write.feedback_text import CHANGED, UNREADABLE, rebuilt_note
from pemetaan_ksd.write.feedback_values import keep_numbers_writable

__all__ = ["build_feedback", "feedback_paths", "write_feedback_copies", "write_feedback_copy"]

SUFFIX = ".catatan.xlsx"
OPENPYXL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_GONE = ("Berkas asli tidak dapat dibaca lagi saat salinan ini dibuat, sehingga salinan ini "
         "hanya memuat catatan di bawah.")
_TOO_LARGE = ("Berkas yang dikirim terlalu besar untuk disalin dengan tanda pada setiap selnya "
              "({rincian}), sehingga salinan ini hanya memuat catatan di bawah. Alamat sel pada "
              "daftar ini tetap menunjuk sel pada berkas yang dikirim.")


def write_feedback_copies(report: Report, out_dir: Path, profil: Profil,
                          staging: Staging | None = None,
                          progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write (or stage) one `<stem>.catatan.xlsx` per input file into `out_dir`."""
    paths = feedback_paths(report.files, out_dir)
    written = []
    for done, (fr, target) in enumerate(zip(report.files, paths, strict=True), start=1):
        written.append(write_feedback_copy(fr, report, profil, target, staging))
        if progress is not None:
            progress(done, len(paths))
    return written


def write_feedback_copy(fr: FileResult, report: Report, profil: Profil, target: Path,
                        staging: Staging | None = None) -> Path:
    """Build the copy of one input and put it at `target`, whole or not at all."""
    workbook = build_feedback(fr, report, profil)
    if staging is not None:
        return staging.write_with(target, workbook.save)
    return atomic_write_with(target, workbook.save)


def feedback_paths(files: Sequence[FileResult], out_dir: Path) -> list[Path]:
    """A distinct `<stem>.catatan.xlsx` per file; `<stem>_2.catatan.xlsx` and so on on a clash.

    Names compare without case (Windows and macOS folders), and a name is never that of an
    input, so a copy can never overwrite a submission (e.g. when DIR is the inbox).
    """
    inputs = {_key(fr.path) for fr in files}
    taken: set[str] = set()
    paths = []
    for fr in files:
        stem = _stem(fr.path)
        number = 1
        candidate = out_dir / f"{stem}{SUFFIX}"
        while candidate.name.casefold() in taken or _key(candidate) in inputs:
            number += 1
            candidate = out_dir / f"{stem}_{number}{SUFFIX}"
        taken.add(candidate.name.casefold())
        paths.append(candidate)
    return paths


def _stem(path: Path) -> str:
    """The input's stem, without a `.catatan` of an earlier copy sent back as a submission."""
    stem = path.stem
    if stem.casefold().endswith(".catatan"):
        stem = stem[: -len(".catatan")]
    return stem or "berkas"


def _key(path: Path) -> str:
    return str(path.resolve()).casefold()


def build_feedback(fr: FileResult, report: Report, profil: Profil) -> Workbook:
    """The feedback workbook of one input (not yet saved)."""
    facts = Facts(_nama_opd(fr, profil), fr.path.name)
    if fr.unreadable:
        return _notes_only(fr, report, facts.noting(UNREADABLE))
    data = _input_bytes(fr.path)
    if data is None:
        return _notes_only(fr, report, facts.noting(_GONE))
    changed = hashlib.sha256(data).hexdigest() != fr.sha256
    if changed:
        facts = facts.noting(CHANGED)
    too_large = _too_large(data)
    if too_large is not None:
        return _notes_only(fr, report, facts.noting(_TOO_LARGE.format(rincian=too_large)))
    workbook = _open_marked(data, fr, profil) if _openpyxl_can(fr.path) else None
    if workbook is None and changed:  # rebuilding would read bytes the reader never measured
        return _notes_only(fr, report, facts)
    if workbook is None:
        suffix = fr.path.suffix.casefold()
        workbook = rebuild_workbook(data, fr, profil, report.created,
                                    contract_only=suffix not in (".xls", ".ods"))
        facts = facts.noting(rebuilt_note(suffix))
    targets = mark_findings(workbook, fr.findings, fr.usulan_sheet)
    add_findings_sheet(workbook, fr, report, facts, targets)
    return workbook


def _input_bytes(path: Path) -> bytes | None:
    """The input's bytes, never more than the reader would read (one byte past its limit, to
    tell a file that grew since); None when it cannot be read any more."""
    try:
        with path.open("rb") as handle:
            return handle.read(safety.MAX_FILE_BYTES + 1)
    except OSError:
        return None


def _too_large(data: bytes) -> str | None:
    if len(data) > safety.MAX_FILE_BYTES:
        return f"ukuran lebih dari {safety.MAX_FILE_BYTES // (1024 * 1024)} MB"
    return too_large_to_copy(data)


def _openpyxl_can(path: Path) -> bool:
    return path.suffix.casefold() in OPENPYXL_SUFFIXES


def _open_marked(data: bytes, fr: FileResult, profil: Profil) -> Workbook | None:
    """The submission as openpyxl loads it, old marks cleared, dropdowns back; None when
    openpyxl cannot or may not load it (the reader could: the copy is then rebuilt)."""
    if not safe_to_load_whole(data):
        return None
    try:
        workbook = load_workbook(io.BytesIO(data))
    except Exception:  # any failure of openpyxl's parser means: rebuild it
        return None
    clear_previous_marks(workbook)
    keep_numbers_writable(workbook)
    restore_dropdowns(workbook, fr, profil)
    return workbook


def _notes_only(fr: FileResult, report: Report, facts: Facts) -> Workbook:
    workbook = Workbook()
    for sheet in list(workbook.worksheets):
        workbook.remove(sheet)
    add_findings_sheet(workbook, fr, report, facts, [None] * len(fr.findings))
    return workbook


def _nama_opd(fr: FileResult, profil: Profil) -> str | None:
    """The OPD's name as written, else as the profile knows its code."""
    if fr.nama_opd:
        return fr.nama_opd
    opd = profil.opd(fr.kode_opd) if fr.kode_opd else None
    return opd.nama if opd is not None else None
