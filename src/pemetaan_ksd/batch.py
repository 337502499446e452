"""`proses`: one run of the scheduled job over an inbox (CONTRACT section 4).

Every spreadsheet under the inbox is looked at; one still being copied (modified within the
last `tunggu_stabil` seconds) waits for a later run. A file whose bytes the ledger already knows
is not read again: its per-file result comes from the ledger. Across-file rules always run over
everything (KSD501 with the newest file of each OPD chosen, KSD502, KSD504). The outputs are
staged and put in place together, then the ledger records what was processed, so a run killed
at any moment leaves the previous outputs intact and the next run does the work again.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pemetaan_ksd import __version__, batch_folder, result_codec
from pemetaan_ksd.errors import InputError
from pemetaan_ksd.inert import inert
from pemetaan_ksd.inputs import collect_inputs
from pemetaan_ksd.ledger import Ledger
from pemetaan_ksd.model import FileResult
from pemetaan_ksd.outputs import Progress, Stage
from pemetaan_ksd.parallel import check_files
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.read import hash_file
from pemetaan_ksd.report import Report, Skipped
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.validate import (
    check_across,
    display_path,
    register_used,
)

PAGE_RUNS = 10  # the last runs the status page lists


@dataclass(frozen=True)
class BatchOptions:
    masuk: Path
    keluar: Path
    tahun: int | None = None
    tunggu_stabil: float = 30.0  # seconds a file must rest before it is read
    ulang: bool = False  # read every file again, whatever the ledger knows


@dataclass(frozen=True)
class FileOutcome:
    """What one run did with one file of the inbox."""

    path: str  # relative to the inbox
    state: str  # "diproses", "tetap" (known bytes), "menunggu" (still being copied), "dilewati"
    status: str | None = None  # the file's status after the run, when it was judged


@dataclass(kw_only=True)
class BatchRun:
    run_id: int
    report: Report
    outcomes: list[FileOutcome]
    outputs: list[Path] = field(default_factory=list)  # written by this run; empty if unchanged

    @property
    def exit_code(self) -> int:
        return 1 if self.report.has_galat else 0

    def count(self, state: str) -> int:
        return sum(1 for o in self.outcomes if o.state == state)


@dataclass
class _Seen:
    fresh: list[FileResult] = field(default_factory=list)  # read and checked this run
    known: list[FileResult] = field(default_factory=list)  # from the ledger
    waiting: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stat: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> (size, mtime_ns)


def run_once(profil: Profil, options: BatchOptions, *, now: dt.datetime | None = None,
             progress: Progress | None = None) -> BatchRun:
    """One run: hold the output folder, read what is new, write the outputs, record it."""
    started = now or _now()
    _check_inbox(options)
    with batch_folder.exclusive(options.keluar, started):
        return _locked_run(profil, options, started, progress)


def watch(profil: Profil, options: BatchOptions, jeda: float,
          each: Callable[[BatchRun], None]) -> None:
    """Run again every `jeda` seconds, holding the output folder all along, until a signal
    (Ctrl-C, SIGTERM) ends it."""
    _check_inbox(options)
    with batch_folder.exclusive(options.keluar, _now()):
        while True:
            _locked_run(profil, options, _now(), None, each)
            gc.collect()  # the command line turns the collector off (cli/app.main)
            time.sleep(jeda)


def _check_inbox(options: BatchOptions) -> None:
    if not options.masuk.is_dir():
        raise InputError(f"Folder masukan {options.masuk} tidak ditemukan. Periksa --masuk.")


def _locked_run(profil: Profil, options: BatchOptions, started: dt.datetime,
                progress: Progress | None,
                each: Callable[[BatchRun], None] | None = None) -> BatchRun:
    batch_folder.remove_leftovers(options.keluar)
    with Ledger.open(options.keluar / batch_folder.LEDGER_NAME) as ledger:
        run_id = ledger.start_run(started, str(options.masuk))
        finished = False

        def finish(run: BatchRun) -> None:
            nonlocal finished
            ledger.finish_run(run_id, _now(), "selesai" if run.outputs else "tanpa_perubahan",
                              run.exit_code, len(run.outcomes), run.count("diproses"),
                              run.count("menunggu"), [str(p) for p in run.outputs])
            finished = True
            if each is not None:
                each(run)

        try:
            return _run(ledger, run_id, profil, options, started, progress, finish)
        except BaseException as exc:
            if not finished:  # a signal held back until the run was recorded leaves it as done
                failed = isinstance(exc, Exception)
                ledger.finish_run(run_id, _now(), "gagal" if failed else "dihentikan",
                                  3 if failed else 130, 0, 0, 0, [])
            raise


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def context_key(profil: Profil, ctx: Context) -> str:
    """What a cached per-file result depends on besides the file's bytes."""
    register = ctx.kerja_sama.sha256 if ctx.kerja_sama else ""  # its content, not only its name
    text = f"{__version__}|{ctx.tahun}|{ctx.versi}|{profil!r}|{register}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _run(ledger: Ledger, run_id: int, profil: Profil, options: BatchOptions,
         started: dt.datetime, progress: Progress | None,
         finish: Callable[[BatchRun], None]) -> BatchRun:
    ctx = Context.from_profile(profil, options.tahun)
    key = context_key(profil, ctx)
    seen = _look(ledger, options, ctx, key, started, progress)
    across = check_across([*seen.fresh, *seen.known], ctx, pilih_terbaru=True, absent_opd=True)
    files = sorted(across.files, key=lambda f: (f.display_path.casefold(), f.display_path))
    report = Report(
        tahun=ctx.tahun, kode_daerah=profil.daerah.kode, nama_daerah=profil.daerah.nama_lengkap,
        nomenklatur=ctx.versi, profil=profil.sumber, tool_version=__version__, created=started,
        files=files, run_findings=across.run_findings, pilih_terbaru=True,
        skipped=seen.skipped, kerja_sama_berlaku=register_used(ctx))
    fresh_paths = {fr.display_path for fr in seen.fresh}
    from pemetaan_ksd.batch_write import RunView, write_outputs

    def settle(outputs: list[Path]) -> BatchRun:
        _record(ledger, run_id, report, seen, key, started)
        outcomes = _outcomes(report, seen, fresh_paths)
        batch_folder.append_log(options.keluar, [_log_line(started, run_id, o) for o in outcomes])
        run = BatchRun(run_id=run_id, report=report, outcomes=outcomes, outputs=outputs)
        finish(run)
        return run

    view = RunView(run_id, ledger.last_runs(PAGE_RUNS), seen.waiting)
    return write_outputs(report, profil, options.keluar, fresh_paths, _fingerprint(report, key),
                         started, settle, progress, view)


def _look(ledger: Ledger, options: BatchOptions, ctx: Context, key: str,
          started: dt.datetime, progress: Progress | None) -> _Seen:
    """Sort the inbox's files: waiting, known (from the ledger), fresh (read now, over every
    core when there are many), skipped."""
    inputs = collect_inputs([options.masuk], exclude=(options.keluar,))
    seen = _Seen()
    to_read: list[tuple[Path, str]] = []
    for path in inputs.files:
        shown = display_path(path, options.masuk)
        try:
            stat = path.stat()
        except OSError:
            continue  # gone between listing and looking: the next run sees the inbox as it is
        if started.timestamp() - stat.st_mtime < options.tunggu_stabil:
            seen.waiting.append(shown)
            continue
        seen.stat[shown] = (stat.st_size, stat.st_mtime_ns)
        known = None if options.ulang else _known(ledger, path, shown, stat, key)
        if known is not None:
            seen.known.append(known)
        else:
            to_read.append((path, shown))
    first = len(inputs.files) - len(to_read) + 1
    for done, ((_, shown), found) in enumerate(zip(to_read, check_files(to_read, ctx),
                                                   strict=True), start=first):
        if isinstance(found, str):
            seen.skipped.append(Skipped(shown, found))
        else:
            seen.fresh.append(found)
        if progress is not None:
            progress(Stage.CHECK, done, len(inputs.files))
    return seen


def _known(ledger: Ledger, path: Path, shown: str, stat: os.stat_result,
           key: str) -> FileResult | None:
    """The ledger's result for these bytes, without reading them when size and time agree."""
    last = ledger.seen(shown)
    if last is not None and (last.size, last.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
        sha = last.sha256
    else:
        sha = hash_file(path)
    text = ledger.cached(sha, key)
    if text is None:
        return None
    try:
        result = result_codec.decode(text, path, shown)
    except ValueError:
        return None  # an entry this version cannot use: read the file again
    result.mtime = stat.st_mtime
    return result


def _fingerprint(report: Report, key: str) -> str:
    """What the outputs are built from: every file judged, by its bytes, and the context."""
    files = sorted((fr.display_path, fr.sha256) for fr in report.files)
    skipped = sorted(s.path for s in report.skipped)
    text = json.dumps([key, report.tahun, files, skipped])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _record(ledger: Ledger, run_id: int, report: Report, seen: _Seen, key: str,
            when: dt.datetime) -> None:
    """After the outputs are in place: what was read now is cached, what was known touched."""
    fresh = {fr.display_path: fr for fr in seen.fresh}
    for fr in report.files:
        size, mtime_ns = seen.stat.get(fr.display_path, (0, 0))
        if fr.display_path in fresh:
            ledger.record_file(run_id, fr.display_path, fr.sha256, size, mtime_ns, fr, key, when,
                               cache=fresh[fr.display_path])
        else:
            ledger.record_file(run_id, fr.display_path, fr.sha256, size, mtime_ns, fr, key, when)


def _outcomes(report: Report, seen: _Seen, fresh: set[str]) -> list[FileOutcome]:
    out = [FileOutcome(fr.display_path, "diproses" if fr.display_path in fresh else "tetap",
                       str(fr.status)) for fr in report.files]
    out += [FileOutcome(path, "menunggu") for path in seen.waiting]
    out += [FileOutcome(s.path, "dilewati") for s in seen.skipped]
    return sorted(out, key=lambda o: (o.path.casefold(), o.path))


def _log_line(when: dt.datetime, run_id: int, outcome: FileOutcome) -> str:
    """One line of proses.log; the file name inert (an ESC in it would act on `tail -f`)."""
    status = f" {outcome.status}" if outcome.status else ""
    return f"{when.isoformat(timespec='seconds')} proses={run_id} {outcome.state}{status} " \
           f"{inert(outcome.path)}"
