"""The validation engine: submissions in, findings and normalized usulan out.

`check_submission` is pure (picklable inputs and outputs, no I/O), so a process pool can run it;
`cross_file` adds what only shows across files; `validate` reads the paths and does both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from pemetaan_ksd import __version__
from pemetaan_ksd.contract import SHEET_USULAN
from pemetaan_ksd.errors import InputError as UsageError
from pemetaan_ksd.inputs import collect_inputs
from pemetaan_ksd.model import (
    FileResult,
    Finding,
    Report,
    RowResult,
    Skipped,
    Submission,
    Usulan,
)
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.read import read_submission
from pemetaan_ksd.read.own import own_output_reason
from pemetaan_ksd.reference.nomenklatur import Level, level_of_shape
from pemetaan_ksd.rules import hukum, isian, kode, lintas_berkas, struktur
from pemetaan_ksd.rules.registry import FILE_RULES, ROW_RULES, sort_findings
from pemetaan_ksd.rules.view import Konteks, RowView
from pemetaan_ksd.values import parse_date, parse_year

__all__ = [
    "Konteks",
    "UsageError",
    "build_usulan",
    "check_submission",
    "cross_file",
    "missing_opd",
    "validate",
]

_FAMILIES = (struktur, isian, kode, hukum, lintas_berkas)  # importing them registers the rules

Progress = Callable[[int, int], None]


def check_submission(sub: Submission, ctx: Konteks, display_path: str) -> FileResult:
    """Every KSD1xx-4xx finding and KSD503 for one submission, with its usulan normalized.

    Rows that are not usulan (`sub.stray_rows`) are KSD109 file findings, never RowResults.
    """
    result = FileResult(sub.path, display_path, sub.sha256, sub.mtime)
    if sub.read_error is not None:
        result.unreadable = True
        result.file_findings = list(struktur.tidak_terbaca(sub, ctx))
        return result
    _identify(result, sub)
    result.header_row, result.column_letters = sub.header_row, dict(sub.column_letters)
    result.file_findings = [f for _, rule in FILE_RULES for f in rule(sub, ctx)]
    blocked = any(f.code in struktur.BLOCKING for f in result.file_findings)
    placement = struktur.Placement(sub)
    result.usulan_sheet = placement.sheet or SHEET_USULAN
    for data_row in sub.rows:
        first_cell = placement.cell(sub.first_cell(data_row.excel_row))
        view = RowView(data_row, sub.column_letters, first_cell, ctx)
        findings = [] if blocked else row_findings(view, ctx)
        result.rows.append(RowResult(view.excel_row, build_usulan(view, ctx), findings,
                                     view.first_cell))
    if not blocked:
        lintas_berkas.ulang_dalam_berkas(result)
    placement.apply(result)
    return result


def _identify(result: FileResult, sub: Submission) -> None:
    result.kode_opd = struktur.kode_opd_of(sub)
    result.nama_opd = struktur.identitas_text(sub, "nama_opd")
    result.tahun = parse_year(sub.identitas.get("tahun"))
    result.tanggal_pengisian = parse_date(sub.identitas.get("tanggal_pengisian"))
    result.template_version = sub.meta.get("template_version") or None


def row_findings(view: RowView, ctx: Konteks) -> list[Finding]:
    """The findings of every row rule, one per cell problem, in column order."""
    found = [f for _, rule in ROW_RULES for f in rule(view, ctx)]
    return sort_findings(settle_error_cells(found))


def settle_error_cells(findings: list[Finding]) -> list[Finding]:
    """A cell holding `#REF!` gets KSD205 only when no other rule speaks about it; otherwise
    the other finding stays and says that the cell's error value was read as empty."""
    errors = {f.cell: f for f in findings if f.code == "KSD205"}
    others = {f.cell for f in findings if f.code != "KSD205" and f.column is not None}
    out: list[Finding] = []
    for f in findings:
        if f.code == "KSD205":
            if f.cell not in others:
                out.append(f)
        elif f.column is not None and f.cell in errors:
            note = (f" Sel ini berisi galat spreadsheet {errors[f.cell].value}, sehingga "
                    "dianggap kosong.")
            out.append(dataclasses.replace(f, message=f.message + note))
        else:
            out.append(f)
    return out


def _bidang(view: RowView) -> str | None:
    """The bidang urusan code as given, else taken from the program or kegiatan code."""
    given = view.code("kode_bidang_urusan")
    if given is not None:
        return given
    for key in ("kode_program", "kode_kegiatan"):
        code = view.code(key)
        if code is not None and level_of_shape(code) in (Level.PROGRAM, Level.KEGIATAN):
            return kode.bidang_of(code)
    return None


def build_usulan(view: RowView, ctx: Konteks) -> Usulan:
    """The row's values normalized, best effort (also for rows with galat)."""
    nomen = ctx.referensi.nomenklatur
    program, kegiatan = view.code("kode_program"), view.code("kode_kegiatan")
    partner = view.mitra.daerah if view.mitra is not None else None
    berbatasan = (ctx.referensi.wilayah.berbatasan(ctx.daerah, partner)
                  if partner is not None else None)
    return Usulan(
        excel_row=view.excel_row,
        kode_bidang_urusan=_bidang(view),
        kode_program=program,
        nama_program=_text(view, "nama_program") or (nomen.name(program) if program else None),
        kode_kegiatan=kegiatan,
        nama_kegiatan=_text(view, "nama_kegiatan") or (nomen.name(kegiatan) if kegiatan else None),
        kode_sub_kegiatan=view.code("kode_sub_kegiatan"),
        objek=_text(view, "objek"),
        jenis_kerja_sama=view.choice("jenis_kerja_sama"),
        calon_mitra=_text(view, "calon_mitra"),
        kode_wilayah_mitra=partner.kode if partner else None,
        nama_mitra_resmi=partner.nama_lengkap if partner else None,
        mitra_berbatasan=berbatasan,
        jenis_mitra=view.choice("jenis_mitra"),
        bentuk_ksdpk=view.choice("bentuk_ksdpk"),
        prakarsa=view.choice("prakarsa"),
        tahun_mulai=view.tahun_mulai,
        tahun_selesai=view.tahun_selesai,
        skala_prioritas=view.choice("skala_prioritas"),
        anggaran=view.anggaran if view.anggaran is not None and view.anggaran >= 0 else None,
        sumber_pendanaan=view.sumber_pendanaan,
        sudah_dianggarkan=view.choice("sudah_dianggarkan"),
        membebani=view.choice("membebani"),
        tahapan=view.choice("tahapan") or "Persiapan",
        keterangan=_text(view, "keterangan"),
        perlu_persetujuan_dprd=hukum.perlu_persetujuan_dprd(view),
    )


def _text(view: RowView, key: str) -> str | None:
    return None if view.blank(key) else view.text(key)


def cross_file(results: list[FileResult], ctx: Konteks, pilih_terbaru: bool) -> None:
    """KSD501 (several files of one OPD) and KSD502 (same usulan from two OPD), in place."""
    lintas_berkas.berkas_ganda(results, pilih_terbaru)
    lintas_berkas.sama_antar_opd(results)


def missing_opd(results: list[FileResult], profil: Profil, tahun: int | None = None
                ) -> list[Finding]:
    """KSD504 (info) for each OPD of the profile without a readable file (status, gabung)."""
    return lintas_berkas.missing_opd(results, profil, tahun)


def display_path(path: Path, base: Path | None = None) -> str:
    """The path relative to `base` (default: the current folder) when inside it, with `/`."""
    root = (base or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def validate(paths: list[Path], profil: Profil, tahun: int | None = None,
             pilih_terbaru: bool = False, base: Path | None = None,
             progress: Progress | None = None, created: dt.datetime | None = None,
             exclude: tuple[Path, ...] = ()) -> Report:
    """Read and check every submission under `paths`; raise UsageError for wrong use.

    `exclude` (this run's outputs) is skipped inside folders; a workbook the program wrote
    itself (a consolidated workbook) is listed in `Report.skipped`, never judged.
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
    ctx = Konteks.from_profile(profil, tahun)
    results: list[FileResult] = []
    skipped: list[Skipped] = []
    for done, path in enumerate(inputs.files, start=1):
        sub = read_submission(path)
        shown = display_path(path, base)
        reason = _own_output(sub)
        if reason is not None:
            skipped.append(Skipped(shown, reason))
        else:
            results.append(check_submission(sub, ctx, shown))
        if progress is not None:
            progress(done, len(inputs.files))
    cross_file(results, ctx, pilih_terbaru)
    return Report(
        tahun=ctx.tahun, kode_daerah=profil.daerah.kode, nama_daerah=profil.daerah.nama_lengkap,
        nomenklatur=ctx.versi, profil=profil.sumber, tool_version=__version__,
        created=created or dt.datetime.now().astimezone(), files=results,
        pilih_terbaru=pilih_terbaru, skipped=skipped,
    )


def _own_output(sub: Submission) -> str | None:
    """Why a workbook is one of the program's own outputs; only asked of one without `Usulan`."""
    if sub.read_error is not None or struktur.has_sheet(sub, SHEET_USULAN):
        return None
    return own_output_reason(sub.path, sub.sheet_names)
