"""The run: inputs -> read -> rules -> report.

`check_submission` is pure (picklable inputs and outputs, no I/O), so a process pool can run it;
`check_across` adds what only shows across files; `validate` reads the paths and does both. The
rules and how the engine decides which speaks: rules/catalog.py, rules/engine.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from pemetaan_ksd import __version__
from pemetaan_ksd.contract import SHEET_USULAN
from pemetaan_ksd.errors import InputError as UsageError
from pemetaan_ksd.inputs import collect_inputs
from pemetaan_ksd.model import FileResult, Submission
from pemetaan_ksd.parallel import check_files
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.read.own import own_output_reason
from pemetaan_ksd.report import Report, Skipped
from pemetaan_ksd.rules.catalog import ENGINE
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.engine import Across
from pemetaan_ksd.rules.lintas_berkas import choose_newest
from pemetaan_ksd.rules.registry import Batch
from pemetaan_ksd.rules.struktur import has_sheet

__all__ = [
    "Across",
    "Context",
    "UsageError",
    "check_across",
    "check_submission",
    "display_path",
    "own_output",
    "validate",
]

Progress = Callable[[int, int], None]


def check_submission(sub: Submission, ctx: Context, display_path: str) -> FileResult:
    """Every KSD1xx-4xx finding and KSD503 for one submission, with its usulan normalised.

    Rows that are not usulan (`sub.stray_rows`) are KSD109 file findings, never RowResults.
    """
    return ENGINE.check(sub, ctx, display_path)


def check_across(results: Sequence[FileResult], ctx: Context, *, pilih_terbaru: bool = False,
                 absent_opd: bool = False) -> Across:
    """What only shows across files, as new results (the given ones are left as they are).

    KSD501 (several files of one OPD; with `pilih_terbaru` the newest is used and the others
    are set aside), KSD502 (the same usulan from two OPD), and with `absent_opd` KSD504 for each
    OPD of the profile without a readable file (`Across.run_findings`).
    """
    files = choose_newest(results) if pilih_terbaru else list(results)
    return ENGINE.across(Batch(tuple(files), pilih_terbaru, absent_opd), ctx)


def display_path(path: Path, base: Path | None = None) -> str:
    """The path relative to `base` (default: the current folder) when inside it, with `/`.

    A name that is not UTF-8 (bytes Python keeps as lone surrogates) is shown with U+FFFD for
    those bytes: no output (JSON, workbook, terminal) can hold the surrogates themselves.
    """
    root = (base or Path.cwd()).resolve()
    try:
        shown = path.resolve().relative_to(root).as_posix()
    except ValueError:
        shown = path.as_posix()
    if shown.isascii():
        return shown
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def validate(paths: list[Path], profil: Profil, tahun: int | None = None,
             pilih_terbaru: bool = False, base: Path | None = None,
             progress: Progress | None = None, created: dt.datetime | None = None,
             exclude: tuple[Path, ...] = (), *, absent_opd: bool = False,
             meanwhile: Callable[[int], object] | None = None) -> Report:
    """Read and check every submission under `paths`; raise UsageError for wrong use.

    `exclude` (this run's outputs) is skipped inside folders; a workbook the program wrote
    itself (a consolidated workbook) is listed in `Report.skipped`, never judged. With
    `absent_opd`, each OPD of the profile that sent no readable file is a KSD504 (info) in
    `Report.run_findings` (for gabung and status, not for validasi). `meanwhile` runs while
    the files are read (parallel.check_files).
    """
    inputs = collect_inputs(paths, exclude)
    if inputs.missing:
        names = ", ".join(p.as_posix() for p in inputs.missing)
        raise UsageError(f"Tidak ditemukan: {names}. Periksa nama berkas atau folder yang "
                         "diberikan.")
    if not inputs.files:
        names = ", ".join(p.as_posix() for p in paths) or "(tidak ada)"
        raise UsageError(f"Tidak ada berkas spreadsheet (.xlsx, .xlsm, .xls, .ods) untuk "
                         f"diperiksa di {names}.")
    ctx = Context.from_profile(profil, tahun)
    results: list[FileResult] = []
    skipped: list[Skipped] = []
    items = [(path, display_path(path, base)) for path in inputs.files]
    found_each = check_files(items, ctx, meanwhile)
    for done, (item, found) in enumerate(zip(items, found_each, strict=True), start=1):
        if isinstance(found, str):
            skipped.append(Skipped(item[1], found))
        else:
            results.append(found)
        if progress is not None:
            progress(done, len(inputs.files))
    across = check_across(results, ctx, pilih_terbaru=pilih_terbaru, absent_opd=absent_opd)
    return Report(
        tahun=ctx.tahun, kode_daerah=profil.daerah.kode, nama_daerah=profil.daerah.nama_lengkap,
        nomenklatur=ctx.versi, profil=profil.sumber, tool_version=__version__,
        created=created or dt.datetime.now().astimezone(), files=across.files,
        run_findings=across.run_findings, pilih_terbaru=pilih_terbaru, skipped=skipped,
        kerja_sama_berlaku=register_used(ctx, base),
    )


def register_used(ctx: Context, base: Path | None = None) -> tuple[str, str] | None:
    """(path as inputs are shown, sha256) of the register of agreements the run read (KSD417),
    for `Info`."""
    daftar = ctx.kerja_sama
    return None if daftar is None else (display_path(daftar.berkas, base), daftar.sha256)


def own_output(sub: Submission) -> str | None:
    """Why a workbook is one of the program's own outputs; only asked of one without `Usulan`."""
    if sub.read_error is not None or has_sheet(sub, SHEET_USULAN):
        return None
    return own_output_reason(sub.path, sub.sheet_names)
