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

from pemetaan_ksd.errors import OutputOverInput
from pemetaan_ksd.inputs import same_path


class Stage(StrEnum):
    """The phases a progress bar names, in the order a run goes through them."""

    CHECK = "Memeriksa berkas"
    FEEDBACK = "Menulis salinan umpan balik"
    WORKBOOK = "Menulis buku kerja gabungan"


Progress = Callable[[Stage, int, int], None]


@dataclass(frozen=True)
class Outputs:
    """The outputs of one run; None for those not asked for."""

    workbook: Path | None = None  # gabung -o
    report_path: Path | None = None  # the JSON report (--laporan)
    feedback_dir: Path | None = None  # a folder of feedback copies (--anotasi)

    def files(self) -> list[tuple[str, Path]]:
        named = (("-o", self.workbook), ("--laporan", self.report_path))
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
