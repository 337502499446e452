"""The outputs of one `proses` run, staged and put in place together.

`rekap-<tahun>.xlsx` (the latest workbook) with a dated copy in `arsip/`, `laporan-<tahun>.json`,
a feedback copy in `catatan/` for every file read this run, and the fingerprint of what they
were built from. When nothing changed since the last run, nothing is rewritten.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pemetaan_ksd import batch_folder, interrupt
from pemetaan_ksd.errors import OutputError
from pemetaan_ksd.outputs import Progress, Stage
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.report import Report
from pemetaan_ksd.write.atomic import Staging

T = TypeVar("T")


class KeptBeside(OutputError):
    """Raised after the run: an output could not replace the old one (open in Excel)."""


def write_outputs(report: Report, profil: Profil, keluar: Path, fresh: set[str],
                  fingerprint: str, when: dt.datetime, settle: Callable[[list[Path]], T],
                  progress: Progress | None = None) -> T:
    """Write this run's outputs (none when they would be the same as the last run's), then
    `settle(outputs)`: the run is recorded and reported before a signal that came while the
    outputs were being put in place stops it."""
    workbook = keluar / batch_folder.workbook_name(report.tahun)
    laporan = keluar / batch_folder.report_name(report.tahun)
    up_to_date = (batch_folder.read_fingerprint(keluar) == fingerprint and not fresh
                  and workbook.exists() and laporan.exists())
    if up_to_date:
        with interrupt.deferred():
            return settle([])
    from pemetaan_ksd.merge import build_konsolidasi
    from pemetaan_ksd.write.report_json import write_report
    from pemetaan_ksd.write.workbook.writer import write_workbook

    kons = build_konsolidasi(report, profil, profil.referensi(), report.tahun)
    with Staging() as staging:
        _stage_feedback(report, profil, keluar, fresh, staging, progress)
        write_report(laporan, report, staging)
        if progress is not None:
            progress(Stage.WORKBOOK, 0, 1)
        write_workbook(workbook, kons, report, profil, staging)
        archive = keluar / batch_folder.ARCHIVE_DIR / batch_folder.archive_name(report.tahun,
                                                                                 when)
        staged = staging.staged_file(workbook)
        staging.write_with(archive, lambda tmp: shutil.copyfile(staged, tmp))
        staging.write_bytes(keluar / batch_folder.FINGERPRINT_NAME, fingerprint.encode())
        if progress is not None:
            progress(Stage.WORKBOOK, 1, 1)
        with interrupt.deferred():
            done = staging.commit(beside={workbook: workbook.with_suffix(".baru.xlsx")})
            if staging.kept_beside:
                raise KeptBeside(_kept_message(staging.kept_beside))
            return settle([p for p in done if p.name != batch_folder.FINGERPRINT_NAME])


def _stage_feedback(report: Report, profil: Profil, keluar: Path, fresh: set[str],
                    staging: Staging, progress: Progress | None) -> None:
    from pemetaan_ksd.write.feedback import feedback_paths, write_feedback_copy

    targets = feedback_paths(report.files, keluar / batch_folder.FEEDBACK_DIR)
    todo = [(fr, t) for fr, t in zip(report.files, targets, strict=True)
            if fr.display_path in fresh]
    for done, (fr, target) in enumerate(todo, start=1):
        write_feedback_copy(fr, report, profil, target, staging)
        if progress is not None:
            progress(Stage.FEEDBACK, done, len(todo))


def _kept_message(kept: list[tuple[Path, Path]]) -> str:
    target, new = kept[0]
    return (f"{target} tidak dapat diganti, kemungkinan sedang dibuka di Microsoft Excel atau "
            f"program lain. Versi barunya disimpan di {new}; tutup berkas itu, dan proses "
            "berikutnya akan menggantinya. Keluaran lain sudah diperbarui.")
