"""What a run writes, checked against what it reads before anything is written.

CONTRACT section 4: an output (`-o`, `--laporan`, `--anotasi`, `--html`) that resolves to an
input, or a folder whose writing would replace an input, is wrong use. Paths are compared
resolved (links, `..`, case on Windows and macOS), never by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from pemetaan_ksd.errors import OutputOverInput, UsageError
from pemetaan_ksd.inputs import same_path

if TYPE_CHECKING:
    from pemetaan_ksd.merge import Konsolidasi
    from pemetaan_ksd.profile import Profil
    from pemetaan_ksd.report import Report
    from pemetaan_ksd.write.atomic import Staging


class Stage(StrEnum):
    """The phases a progress bar names, in the order a run goes through them."""

    CHECK = "Memeriksa berkas"
    FEEDBACK = "Menulis salinan umpan balik"
    WORKBOOK = "Menulis buku kerja gabungan"
    HTML = "Menulis laporan HTML"


Progress = Callable[[Stage, int, int], None]
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Outputs:
    """The outputs of one run; None for those not asked for."""

    workbook: Path | None = None  # gabung -o
    report_path: Path | None = None  # the JSON report (--laporan)
    feedback_dir: Path | None = None  # a folder of feedback copies (--anotasi)
    html: Path | None = None  # the HTML report (--html)

    def __post_init__(self) -> None:
        if self.html is not None and self.html.suffix.lower() not in HTML_SUFFIXES:
            raise UsageError(f"Keluaran --html {self.html} harus berakhiran .html, misalnya "
                             "laporan.html.")

    def files(self) -> list[tuple[str, Path]]:
        named = (("-o", self.workbook), ("--laporan", self.report_path), ("--html", self.html))
        return [(option, path) for option, path in named if path is not None]

    def exclude(self) -> tuple[Path, ...]:
        """What the input walk skips: this run's feedback folder. The other outputs are not
        skipped but checked: one that is a submission must be refused, not passed over."""
        return (self.feedback_dir,) if self.feedback_dir is not None else ()


def check_outputs(outputs: Outputs, given: Iterable[Path], inputs: Iterable[Path]) -> None:
    """Raise OutputOverInput when an output is an input, or a folder given as input."""
    given, inputs = list(given), list(inputs)
    for option, path in outputs.files():
        if path.is_dir():
            raise OutputOverInput(f"{option} {path} adalah folder. Sebutkan nama berkas "
                                  "keluaran, misalnya daftar_rencana.xlsx.")
        hit = next((i for i in inputs if same_path(path, i)), None)
        if hit is not None:
            raise OutputOverInput(
                f"{option} {path} adalah salah satu berkas masukan ({hit}). Berkas masukan "
                "tidak pernah ditimpa: pilih nama atau folder lain untuk keluaran.")
    for first, (option, path) in enumerate(outputs.files()):
        for other_option, other in outputs.files()[first + 1:]:
            if same_path(path, other):
                raise OutputOverInput(f"{option} dan {other_option} menunjuk berkas yang sama "
                                      f"({path}): pilih dua nama yang berbeda.")
    _check_feedback_dir(outputs.feedback_dir, given)


def _check_feedback_dir(folder: Path | None, given: list[Path]) -> None:
    if folder is None:
        return
    if folder.exists() and not folder.is_dir():
        raise OutputOverInput(f"--anotasi {folder} adalah berkas, bukan folder. Sebutkan folder "
                              "untuk salinan umpan balik, misalnya catatan/.")
    for path in given:
        if path.is_dir() and same_path(path, folder):
            raise OutputOverInput(
                f"--anotasi {folder} memuat berkas masukan ({path}). Salinan umpan balik yang "
                "ditulis ke sana akan terbaca sebagai kiriman pada pemeriksaan berikutnya: "
                "pilih folder lain, misalnya catatan/ di luar folder masukan.")


def stage_side_outputs(report: Report, profil: Profil, outputs: Outputs, staging: Staging,
                       progress: Progress | None, kons: Konsolidasi | None = None,
                       perintah: str = "validasi") -> tuple[list[Path], Path | None]:
    """Stage the feedback copies, the JSON report and the HTML report asked for (the page
    links to the others, and to `outputs.workbook`): (copies, JSON report path)."""
    from pemetaan_ksd.write.report_json import write_report

    feedback: list[Path] = []
    if outputs.feedback_dir is not None:
        from pemetaan_ksd.write.feedback import write_feedback_copies

        feedback = write_feedback_copies(report, outputs.feedback_dir, profil, staging,
                                         stage_callback(progress, Stage.FEEDBACK))
    written = None
    if outputs.report_path is not None:
        written = write_report(outputs.report_path, report, staging)
    if outputs.html is not None:
        from pemetaan_ksd.merge import build_konsolidasi
        from pemetaan_ksd.write.html.page import Sumber
        from pemetaan_ksd.write.html.render import write_page

        step(progress, Stage.HTML, 0, 1)
        if kons is None:
            kons = build_konsolidasi(report, profil, profil.referensi(), report.tahun)
        copies = {fr.display_path: p for fr, p in zip(report.files, feedback, strict=False)}
        from pemetaan_ksd.peta import peta_kerja_sama

        write_page(Sumber(report, kons, perintah, copies, outputs.workbook, written,
                          peta_svg=peta_kerja_sama(kons, profil).svg), outputs.html, staging)
        step(progress, Stage.HTML, 1, 1)
    return feedback, written


def stage_callback(progress: Progress | None, stage: Stage) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(stage, done, total)


def step(progress: Progress | None, stage: Stage, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)
