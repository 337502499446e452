"""The outputs of one `proses` run, staged and put in place together.

`rekap-<tahun>.xlsx` (the latest workbook) with a dated copy in `arsip/`, `laporan-<tahun>.json`,
a feedback copy in `catatan/` for every file read this run, the status page `index.html`, and
the fingerprint of what they were built from. When nothing changed since the last run, only the
status page is rewritten: it tells when the inbox was last looked at, and the last runs.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pemetaan_ksd import batch_folder, interrupt
from pemetaan_ksd.errors import OutputError
from pemetaan_ksd.outputs import Progress, Stage
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.report import Report
from pemetaan_ksd.write.atomic import Staging

if TYPE_CHECKING:
    from pemetaan_ksd.ledger import RunRecord
    from pemetaan_ksd.merge import Konsolidasi

T = TypeVar("T")
PAGE_NAME = "index.html"


@dataclass(frozen=True)
class RunView:
    """What the status page says of the job itself: this run, the last ones, who waits."""

    run_id: int
    runs: Sequence[RunRecord] = ()
    waiting: Sequence[str] = ()


class KeptBeside(OutputError):
    """Raised after the run: an output could not replace the old one (open in Excel)."""


def write_outputs(report: Report, profil: Profil, keluar: Path, fresh: set[str],
                  fingerprint: str, when: dt.datetime, settle: Callable[[list[Path]], T],
                  progress: Progress | None = None, view: RunView | None = None) -> T:
    """Write this run's outputs (only the status page when the others would be the same as
    the last run's), then `settle(outputs)`: the run is recorded and reported before a signal
    that came while the outputs were being put in place stops it."""
    from pemetaan_ksd.merge import build_konsolidasi

    workbook = keluar / batch_folder.workbook_name(report.tahun)
    laporan = keluar / batch_folder.report_name(report.tahun)
    up_to_date = (batch_folder.read_fingerprint(keluar) == fingerprint and not fresh
                  and workbook.exists() and laporan.exists())
    kons = build_konsolidasi(report, profil, profil.referensi(), report.tahun)
    if up_to_date:
        with Staging() as staging:
            _stage_page(report, kons, profil, keluar, fresh, view, staging)
            with interrupt.deferred():
                staging.commit()
                return settle([])
    from pemetaan_ksd.write.report_json import write_report
    from pemetaan_ksd.write.workbook.writer import write_workbook

    with Staging() as staging:
        _stage_feedback(report, profil, keluar, fresh, staging, progress)
        write_report(laporan, report, staging)
        _stage_page(report, kons, profil, keluar, fresh, view, staging)
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


def _stage_page(report: Report, kons: Konsolidasi, profil: Profil, keluar: Path,
                fresh: set[str], view: RunView | None, staging: Staging) -> None:
    """`index.html`, linking to the workbook, the report, and every feedback copy there is:
    written now for the files read this run, by an earlier run for the others."""
    from pemetaan_ksd.peta import peta_kerja_sama
    from pemetaan_ksd.write.feedback import feedback_paths
    from pemetaan_ksd.write.html.page import Sumber
    from pemetaan_ksd.write.html.render import write_page

    targets = feedback_paths(report.files, keluar / batch_folder.FEEDBACK_DIR)
    copies = {fr.display_path: t for fr, t in zip(report.files, targets, strict=True)
              if fr.display_path in fresh or t.is_file()}
    view = view or RunView(0)
    write_page(Sumber(report, kons, "proses", copies,
                      keluar / batch_folder.workbook_name(report.tahun),
                      keluar / batch_folder.report_name(report.tahun), view.runs, view.run_id,
                      view.waiting, peta_kerja_sama(kons, profil).svg), keluar / PAGE_NAME,
               staging)


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
