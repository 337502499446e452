"""The few functions the CLI (and any other caller) uses: one call per command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pemetaan_ksd import reference
from pemetaan_ksd.model import Report
from pemetaan_ksd.profile import Profil, ProfileError, find_profile, load_profile, render_profile
from pemetaan_ksd.write.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from pemetaan_ksd.merge import Konsolidasi
    from pemetaan_ksd.status import StatusOpd

Progress = Callable[[int, int], None]


class UsageError(ValueError):
    """Wrong use of a command (exit code 2); the message says what to do."""


def open_profile(path: Path | None) -> Profil:
    """The profile given, else ksd.toml here, else the built-in example."""
    return load_profile(find_profile(path))


def init_profile(kode_daerah: str, tahun: int, out: Path, timpa: bool = False) -> Path:
    if out.exists() and not timpa:
        raise UsageError(f"Berkas {out} sudah ada. Pakai --timpa untuk menggantinya.")
    text = render_profile(kode_daerah.strip(), tahun)
    return atomic_write_bytes(out, text.encode("utf-8"))


def make_templates(profil: Profil, out_dir: Path, kode_opd: list[str], semua: bool) -> list[Path]:
    from pemetaan_ksd.write.template import UnknownOpdError, write_templates

    try:
        return write_templates(out_dir, profil, kode_opd or None, semua)
    except UnknownOpdError as exc:
        raise UsageError(str(exc)) from exc


def target_year(profil: Profil, tahun: int | None) -> int:
    return tahun if tahun is not None else profil.tahun


@dataclass
class ValidationRun:
    report: Report
    feedback: list[Path] = field(default_factory=list)
    laporan: Path | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.report.has_galat else 0


def validate(
    paths: list[Path],
    profil: Profil,
    tahun: int | None = None,
    pilih_terbaru: bool = False,
    laporan: Path | None = None,
    anotasi: Path | None = None,
    progress: Progress | None = None,
    options: RunOptions | None = None,
) -> ValidationRun:
    """Check every file; optionally write the JSON report and the feedback copies."""
    report = _validated(paths, profil, tahun, pilih_terbaru, progress, options)
    run = ValidationRun(report)
    _write_side_outputs(run, profil, laporan, anotasi)
    return run


def _write_side_outputs(
    run: ValidationRun, profil: Profil, laporan: Path | None, anotasi: Path | None
) -> None:
    from pemetaan_ksd.write.report_json import write_report

    if anotasi is not None:
        from pemetaan_ksd.write.feedback import write_feedback_copies

        run.feedback = write_feedback_copies(run.report, anotasi, profil)
    if laporan is not None:
        run.laporan = write_report(laporan, run.report)


@dataclass
class MergeRun(ValidationRun):
    konsolidasi: Konsolidasi | None = None
    output: Path | None = None


def merge(
    paths: list[Path],
    output: Path,
    profil: Profil,
    tahun: int | None = None,
    pilih_terbaru: bool = False,
    laporan: Path | None = None,
    anotasi: Path | None = None,
    progress: Progress | None = None,
    options: RunOptions | None = None,
) -> MergeRun:
    """Validate everything, then write the year's consolidated workbook (and side outputs)."""
    from pemetaan_ksd.merge import build_konsolidasi
    from pemetaan_ksd.write.consolidated import write_consolidated

    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"Keluaran {output} harus berakhiran .xlsx, misalnya daftar_rencana.xlsx.")
    report = _validated(paths, profil, tahun, pilih_terbaru, progress, options, status=True)
    kons = build_konsolidasi(report, profil, profil.referensi(), report.tahun)
    run = MergeRun(report, konsolidasi=kons)
    run.output = write_consolidated(output, kons, report, profil)
    _write_side_outputs(run, profil, laporan, anotasi)
    return run


@dataclass
class StatusRun(ValidationRun):
    items: list[StatusOpd] = field(default_factory=list)


def status(
    paths: list[Path],
    profil: Profil,
    tahun: int | None = None,
    pilih_terbaru: bool = False,
    progress: Progress | None = None,
) -> StatusRun:
    """Which OPD of the profile have sent, when, with what verdict; which have not (KSD504)."""
    from pemetaan_ksd.status import status_pengumpulan

    report = _validated(paths, profil, tahun, pilih_terbaru, progress, None, status=True)
    return StatusRun(report, items=status_pengumpulan(report, profil))


@dataclass(frozen=True)
class RunOptions:
    """Fixed inputs for reproducible runs (the demo and the committed examples)."""

    created: dt.datetime | None = None  # the run's time, else now
    base: Path | None = None  # display paths relative to this folder, else the current one


def _validated(
    paths: list[Path],
    profil: Profil,
    tahun: int | None,
    pilih_terbaru: bool,
    progress: Progress | None,
    options: RunOptions | None,
    status: bool = False,
) -> Report:
    """Run the engine; with `status`, also note the OPD that sent nothing (KSD504)."""
    from pemetaan_ksd import validate as engine

    opts = options or RunOptions()
    try:
        report = engine.validate(paths, profil, tahun, pilih_terbaru, base=opts.base,
                                 progress=progress, created=opts.created)
    except engine.UsageError as exc:
        raise UsageError(str(exc)) from exc
    if status:
        report.run_findings = engine.missing_opd(report.files, profil, report.tahun)
    return report


def search_reference(kind: str, text: str | None, profil: Profil) -> list[tuple[str, str, str]]:
    """(kode, nama, keterangan) rows for `referensi bidang|kegiatan|wilayah`."""
    ref = profil.referensi()
    needle = (text or "").strip()
    if kind == "bidang":
        words = needle.casefold().split()
        return [
            (b.kode, b.nama_singkat, "objek kerja sama" if b.objek_kerja_sama else "penunjang")
            for b in reference.bidang_urusan()
            if b.kode.startswith(needle)
            or all(w in f"{b.nama_singkat} {b.nama}".casefold() for w in words)
        ]
    if kind == "kegiatan":
        levels = (reference.Level.PROGRAM, reference.Level.KEGIATAN, reference.Level.SUB_KEGIATAN)
        found = [e for e in ref.nomenklatur.search(needle, limit=400) if e.level in levels]
        return [(e.kode, e.nama, e.level.label) for e in found]
    if kind == "wilayah":
        wilayah = ref.wilayah
        words = needle.casefold().split()
        hits = [
            d
            for d in wilayah.all()
            if d.kode.startswith(needle) or all(w in d.nama_lengkap.casefold() for w in words)
        ]
        return [(d.kode, d.nama_lengkap, _wilayah_note(d, profil)) for d in hits]
    raise UsageError(f"Jenis referensi {kind!r} tidak dikenal. Pilih: bidang, kegiatan, wilayah.")


def _wilayah_note(d: reference.Daerah, profil: Profil) -> str:
    provinsi = "" if d.is_provinsi else f"Provinsi {_provinsi_name(d)}"
    if d.kode == profil.daerah.kode:
        return "daerah profil ini"
    if any(t.kode == d.kode for t in profil.tetangga):
        return f"{provinsi}; berbatasan dengan {profil.daerah.nama_lengkap}".strip("; ")
    return provinsi


def _provinsi_name(d: reference.Daerah) -> str:
    prov = reference.load().wilayah.get(d.kode_provinsi)
    return prov.nama if prov else d.kode_provinsi


__all__ = [
    "MergeRun",
    "ProfileError",
    "RunOptions",
    "StatusRun",
    "UsageError",
    "ValidationRun",
    "init_profile",
    "make_templates",
    "merge",
    "open_profile",
    "search_reference",
    "status",
    "target_year",
    "validate",
]
