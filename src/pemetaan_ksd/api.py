"""The few functions the CLI (and any other caller) uses: one call per command."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pemetaan_ksd.contract import BUILTIN_DAERAH, BUILTIN_TAHUN, TAHUN_MAX, TAHUN_MIN
from pemetaan_ksd.demo.langkah import DEFAULT_FOLDER as DEMO_FOLDER
from pemetaan_ksd.demo.langkah import JUMLAH_LANGKAH, Langkah
from pemetaan_ksd.errors import ProfileError, UsageError
from pemetaan_ksd.interrupt import Interrupted, signals_raise
from pemetaan_ksd.outputs import (
    Outputs,
    Progress,
    Stage,
    check_outputs,
    stage_callback,
    stage_side_outputs,
    step,
)
from pemetaan_ksd.runs import History, MergeRun, RunOptions, StatusRun, ValidationRun
from pemetaan_ksd.write.atomic import Staging, atomic_write_bytes

if TYPE_CHECKING:
    from pemetaan_ksd.batch import BatchRun
    from pemetaan_ksd.model import FileResult, FileStatus, Finding, Severity
    from pemetaan_ksd.profile import Profil
    from pemetaan_ksd.reference.search import search_reference
    from pemetaan_ksd.report import Report
    from pemetaan_ksd.status import (
        StatusKirim,
        StatusOpd,
        belum_mengirim,
        ringkasan,
        status_banner,
        status_label,
    )

# Re-exported names, imported on first use: `pemetaan-ksd --help` needs none of them.
_LAZY = {
    "FileResult": "model", "FileStatus": "model", "Finding": "model", "Severity": "model",
    "Profil": "profile", "search_reference": "reference.search", "Report": "report",
    "StatusKirim": "status", "StatusOpd": "status", "belum_mengirim": "status",
    "ringkasan": "status", "status_banner": "status", "status_label": "status",
    "BatchRun": "batch",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'pemetaan_ksd.api' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"pemetaan_ksd.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


_DEFAULTS = RunOptions()  # now, and paths relative to the current folder


def open_profile(path: Path | None) -> Profil:
    """The profile given, else ksd.toml here, else the built-in example."""
    from pemetaan_ksd.profile import find_profile, load_profile

    return load_profile(find_profile(path))


def init_profile(kode_daerah: str, tahun: int, out: Path, timpa: bool = False) -> Path:
    """Write the profile; an existing file is replaced only with `timpa`, a folder never."""
    if out.is_dir():
        raise UsageError(f"{out} adalah folder. Tulis nama berkas profil, misalnya "
                         f"{out / 'ksd.toml'}.")
    if out.exists() and not timpa:
        raise UsageError(f"Berkas {out} sudah ada. Pakai --timpa untuk menggantinya.")
    from pemetaan_ksd.profile import render_profile

    text = render_profile(kode_daerah.strip(), tahun)
    return atomic_write_bytes(out, text.encode("utf-8"))


def make_templates(profil: Profil, out_dir: Path, kode_opd: list[str], semua: bool,
                   timpa: bool = False) -> list[Path]:
    """The templates asked for, then the example register (KSD417); `timpa` replaces files."""
    from pemetaan_ksd.write.template import write_templates

    return write_templates(out_dir, profil, kode_opd or None, semua, timpa=timpa,
                           contoh_kerja_sama=True)


def target_year(profil: Profil, tahun: int | None) -> int:
    return tahun if tahun is not None else profil.tahun


def validate(
    paths: list[Path],
    profil: Profil,
    *,
    tahun: int | None = None,
    pilih_terbaru: bool = False,
    report_path: Path | None = None,
    feedback_dir: Path | None = None,
    html_path: Path | None = None,
    progress: Progress | None = None,
    options: RunOptions = _DEFAULTS,
) -> ValidationRun:
    """Check every file; optionally write the JSON report, the feedback copies and the HTML
    report (all of them, or none)."""
    outputs = Outputs(report_path=report_path, feedback_dir=feedback_dir, html=html_path)
    report = _validated(paths, profil, tahun, pilih_terbaru, progress, options, outputs)
    with Staging() as staging:
        feedback, written = stage_side_outputs(report, profil, outputs, staging, progress)
        staging.commit()
    return ValidationRun(report=report, feedback=feedback, report_path=written, html=html_path)


def merge(
    paths: list[Path],
    output: Path,
    profil: Profil,
    *,
    tahun: int | None = None,
    pilih_terbaru: bool = False,
    report_path: Path | None = None,
    feedback_dir: Path | None = None,
    html_path: Path | None = None,
    progress: Progress | None = None,
    options: RunOptions = _DEFAULTS,
) -> MergeRun:
    """Validate everything, then write the year's consolidated workbook (and side outputs).

    All outputs are put in place together at the end: a failed or interrupted run replaces
    none of them."""
    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"Keluaran {output} harus berakhiran .xlsx, misalnya daftar_rencana.xlsx.")
    outputs = Outputs(workbook=output, report_path=report_path, feedback_dir=feedback_dir,
                      html=html_path)
    report = _validated(paths, profil, tahun, pilih_terbaru, progress, options, outputs,
                        absent_opd=True, meanwhile=_load_while_reading)
    from pemetaan_ksd.daftar_tahun import daftar_tahun
    from pemetaan_ksd.peta import peta_tahun
    from pemetaan_ksd.peta.png import start

    referensi = profil.referensi()
    daftar = daftar_tahun(report, referensi, report.tahun)
    # A daerah's few files: the picture (0.5 s) is the longest part left, so it starts now.
    # Many: the workbook starts it once the rows are handed over, as a child forked from this
    # large process copies every page either one touches while it lives (10,000 files: 1.8
    # GiB when started here, 1.5 GiB there).
    pending = start(peta_tahun(daftar, profil)) if len(report.files) < MANY_FILES else None
    early = None
    try:
        _load_merging()
        from pemetaan_ksd.merge import build_konsolidasi
        from pemetaan_ksd.write.workbook.writer import start_daftar, write_workbook

        early = start_daftar(daftar)  # the longest sheet, made while the tables are
        kons = build_konsolidasi(report, profil, referensi, report.tahun, daftar)
        with Staging() as staging:
            feedback, written = stage_side_outputs(report, profil, outputs, staging, progress,
                                                   kons, "gabung")
            step(progress, Stage.WORKBOOK, 0, 1)
            write_workbook(output, kons, report, profil, staging, pending, early)
            step(progress, Stage.WORKBOOK, 1, 1)
            staging.commit()
    finally:
        if early is not None:
            early.made.close()
        if pending is not None:
            pending.close()
    return MergeRun(report=report, feedback=feedback, report_path=written, konsolidasi=kons,
                    output=output, html=html_path)


MANY_FILES = 100  # reading them takes longer than loading the workbook writer (0.1 s)


def _load_while_reading(files: int) -> None:
    """Many files: the workbook writer is loaded while the workers read; a daerah's few:
    after, while the map's picture is drawn (merge)."""
    if files >= MANY_FILES:
        _load_merging()


def _load_merging() -> None:
    """The tables and the workbook writer, XlsxWriter with it (pandas is not needed)."""
    import pemetaan_ksd.merge
    import pemetaan_ksd.write.workbook.writer  # noqa: F401


def status(
    paths: list[Path],
    profil: Profil,
    *,
    tahun: int | None = None,
    pilih_terbaru: bool = False,
    progress: Progress | None = None,
) -> StatusRun:
    """Which OPD of the profile have sent, when, with what verdict; which have not (KSD504)."""
    from pemetaan_ksd.status import status_pengumpulan

    report = _validated(paths, profil, tahun, pilih_terbaru, progress, RunOptions(), Outputs(),
                        absent_opd=True)
    return StatusRun(report=report, items=status_pengumpulan(report, profil))


def _validated(
    paths: list[Path],
    profil: Profil,
    tahun: int | None,
    pilih_terbaru: bool,
    progress: Progress | None,
    options: RunOptions,
    outputs: Outputs,
    absent_opd: bool = False,
    meanwhile: Callable[[int], object] | None = None,
) -> Report:
    """Run the engine and refuse outputs that would land on inputs. `absent_opd` (gabung and
    status, which speak for the whole inbox): also KSD504 for each OPD that sent nothing."""
    from pemetaan_ksd import validate as engine
    from pemetaan_ksd.profile import check_nomenklatur

    check_nomenklatur(profil)  # a provinsi with the kab/kota list: wrong use, before reading
    report = engine.validate(paths, profil, tahun, pilih_terbaru, base=options.base,
                             progress=stage_callback(progress, Stage.CHECK),
                             created=options.created, exclude=outputs.exclude(),
                             absent_opd=absent_opd, meanwhile=meanwhile)
    check_outputs(outputs, paths, [fr.path for fr in report.files])
    return report


def proses(profil: Profil, masuk: Path, keluar: Path, *, tahun: int | None = None,
           tunggu_stabil: float = 30.0, ulang: bool = False,
           progress: Progress | None = None) -> BatchRun:
    """One run of the scheduled job: what is new in `masuk`, the outputs in `keluar`."""
    from pemetaan_ksd.batch import BatchOptions, run_once
    from pemetaan_ksd.profile import check_nomenklatur

    check_nomenklatur(profil)
    options = BatchOptions(masuk, keluar, tahun, tunggu_stabil, ulang)
    return run_once(profil, options, progress=progress)


def pantau(profil: Profil, masuk: Path, keluar: Path, *, jeda: float, tunggu_stabil: float,
           tahun: int | None = None, each: Callable[[BatchRun], None]) -> None:
    """Run the job again every `jeda` seconds until interrupted; `each` hears every run."""
    from pemetaan_ksd.batch import BatchOptions, watch
    from pemetaan_ksd.profile import check_nomenklatur

    check_nomenklatur(profil)
    watch(profil, BatchOptions(masuk, keluar, tahun, tunggu_stabil), jeda, each)


def riwayat(keluar: Path, kode_opd: str | None = None, runs: int = 10) -> History:
    """What the ledger of `keluar` knows: every file seen (of one OPD), and the last runs."""
    from pemetaan_ksd.batch_folder import LEDGER_NAME
    from pemetaan_ksd.ledger import Ledger

    path = keluar / LEDGER_NAME
    if not path.is_file():
        raise UsageError(f"Belum ada riwayat di {keluar}: folder itu belum pernah dipakai "
                         "pemetaan-ksd proses (berkas riwayat.sqlite tidak ada).")
    with Ledger.open(path) as ledger:
        return History(ledger.history(kode_opd), ledger.last_runs(runs))


def history_json(history: History) -> str:
    """The `riwayat --format json` document."""
    import dataclasses
    import json

    document = {"files": [dataclasses.asdict(f) for f in history.files],
                "runs": [dataclasses.asdict(r) for r in history.runs]}
    return json.dumps(document, ensure_ascii=False, indent=2, default=str)


def langkah_demo(folder: Path, timpa: bool = False) -> Iterator[Langkah]:
    """The demo, step by step: each step's work done, then its narration yielded."""
    from pemetaan_ksd.demo.run import langkah_demo as steps

    return steps(folder, timpa)


def report_json(report: Report) -> str:
    """The JSON report of CONTRACT section 3 (`--format json`)."""
    from pemetaan_ksd.write.report_json import report_to_json

    return report_to_json(report)


def status_json(run: StatusRun, profil: Profil) -> str:
    """The `status --format json` document."""
    import json

    from pemetaan_ksd.status import status_to_dict

    document = status_to_dict(run.items, profil, run.report.tahun)
    return json.dumps(document, ensure_ascii=False, indent=2)


__all__ = [
    "BUILTIN_DAERAH",
    "BUILTIN_TAHUN",
    "DEMO_FOLDER",
    "JUMLAH_LANGKAH",
    "TAHUN_MAX",
    "TAHUN_MIN",
    "BatchRun",
    "FileResult",
    "FileStatus",
    "Finding",
    "History",
    "Interrupted",
    "Langkah",
    "MergeRun",
    "Profil",
    "ProfileError",
    "Report",
    "RunOptions",
    "Severity",
    "Stage",
    "StatusKirim",
    "StatusOpd",
    "StatusRun",
    "UsageError",
    "ValidationRun",
    "belum_mengirim",
    "history_json",
    "init_profile",
    "langkah_demo",
    "make_templates",
    "merge",
    "open_profile",
    "pantau",
    "proses",
    "report_json",
    "ringkasan",
    "riwayat",
    "search_reference",
    "signals_raise",
    "status",
    "status_banner",
    "status_json",
    "status_label",
    "target_year",
    "validate",
]
