"""Commands that read submissions: validasi (and, built on it, gabung and status)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pemetaan_ksd import api
from pemetaan_ksd.cli import render
from pemetaan_ksd.cli.cmd_profil import announce_profile
from pemetaan_ksd.cli.options import (
    BERKAS,
    AnotasiOpt,
    Format,
    FormatOpt,
    LaporanOpt,
    PathsArg,
    PilihTerbaruOpt,
    ProfilOpt,
    TahunOpt,
)

OutputOpt = Annotated[
    Path,
    typer.Option("-o", "--output", help="Buku kerja gabungan yang ditulis (.xlsx).",
                 show_default=False, metavar=BERKAS),
]


def validasi(
    paths: PathsArg,
    format: FormatOpt = Format.TEKS,
    laporan: LaporanOpt = None,
    anotasi: AnotasiOpt = None,
    pilih_terbaru: PilihTerbaruOpt = False,
    profil: ProfilOpt = None,
    tahun: TahunOpt = None,
) -> int:
    """Periksa berkas usulan terhadap PP 28/2018 dan Permendagri 22/2020.

    BERKAS boleh berupa berkas atau folder. Setiap temuan menyebut sel, alasan, dan cara
    memperbaikinya. Kode keluar: 0 tanpa galat, 1 ada galat, 2 salah penggunaan, 3 kesalahan
    program."""
    prof = api.open_profile(profil)
    announce_profile(prof)
    with render.ProgressBar(enabled=format is Format.TEKS) as bar:
        run = api.validate(paths, prof, tahun=tahun, pilih_terbaru=pilih_terbaru,
                           report_path=laporan, feedback_dir=anotasi, progress=bar)
    if format is Format.JSON:
        render.plain(api.report_json(run.report))
    else:
        render.report(run.report)
        _say_outputs(run)
    return run.exit_code


def _say_outputs(run: api.ValidationRun) -> None:
    if run.feedback:
        folder = run.feedback[0].parent
        render.out(f"{len(run.feedback)} salinan umpan balik ditulis ke {folder}.")
    if run.report_path is not None:
        render.out(f"Laporan JSON ditulis ke {run.report_path}.")


def gabung(
    paths: PathsArg,
    output: OutputOpt,
    laporan: LaporanOpt = None,
    anotasi: AnotasiOpt = None,
    pilih_terbaru: PilihTerbaruOpt = False,
    profil: ProfilOpt = None,
    tahun: TahunOpt = None,
) -> int:
    """Periksa semua berkas, lalu tulis daftar rencana program dan kegiatan tahunan.

    Hanya usulan tanpa galat yang jangka waktunya mencakup tahun itu yang masuk Daftar Rencana;
    usulan yang ditolak tercantum di lembar Perlu Perbaikan."""
    prof = api.open_profile(profil)
    announce_profile(prof)
    with render.ProgressBar() as bar:
        run = api.merge(paths, output, prof, tahun=tahun, pilih_terbaru=pilih_terbaru,
                        report_path=laporan, feedback_dir=anotasi, progress=bar)
    render.report(run.report)
    render.merge_summary(run.konsolidasi.rekonsiliasi.to_dict(), run.konsolidasi.tahun, run.output)
    _say_outputs(run)
    return run.exit_code


def status(
    paths: PathsArg,
    format: FormatOpt = Format.TEKS,
    pilih_terbaru: PilihTerbaruOpt = False,
    profil: ProfilOpt = None,
    tahun: TahunOpt = None,
) -> int:
    """Tampilkan perangkat daerah mana yang sudah mengirim, hasil pemeriksaannya, dan mana yang
    belum mengirim."""
    prof = api.open_profile(profil)
    announce_profile(prof)
    with render.ProgressBar(enabled=format is Format.TEKS) as bar:
        run = api.status(paths, prof, tahun=tahun, pilih_terbaru=pilih_terbaru, progress=bar)
    if format is Format.JSON:
        render.plain(api.status_json(run, prof))
    else:
        render.status_table(run.items, prof.daerah.nama_lengkap, run.report.tahun)
    return run.exit_code
