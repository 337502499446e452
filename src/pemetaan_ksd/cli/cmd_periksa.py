"""Commands that read submissions: validasi (and, built on it, gabung and status)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pemetaan_ksd import api
from pemetaan_ksd.cli.cmd_profil import announce_profile
from pemetaan_ksd.cli.lazy import lazy
from pemetaan_ksd.cli.options import (
    BERKAS,
    HANDFUL,
    AnotasiOpt,
    Format,
    FormatOpt,
    HtmlOpt,
    LaporanOpt,
    PathsArg,
    PilihTerbaruOpt,
    ProfilOpt,
    RinciOpt,
    TahunOpt,
)

if TYPE_CHECKING:
    from pemetaan_ksd.cli import render
else:
    render = lazy("pemetaan_ksd.cli.render")

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
    html: HtmlOpt = None,
    pilih_terbaru: PilihTerbaruOpt = False,
    rinci: RinciOpt = False,
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
                           report_path=laporan, feedback_dir=anotasi, html_path=html,
                           progress=bar)
    if format is Format.JSON:
        render.plain(api.report_json(run.report))
    else:
        _report(run, rinci)
    return run.exit_code


def _report(run: api.ValidationRun, rinci: bool) -> None:
    """Every finding for a handful of files (or with --rinci); else a line per file, the counts
    per code, and where the details are."""
    every = rinci or len(run.report.files) <= HANDFUL
    render.report(run.report, every)
    if run.feedback:
        folder = run.feedback[0].parent
        render.out(f"{len(run.feedback)} salinan umpan balik ditulis ke {folder}.")
    if run.report_path is not None:
        render.out(f"Laporan JSON ditulis ke {run.report_path}.")
    if run.html is not None:
        render.out(f"Laporan HTML ditulis ke {run.html}.")
    if not every:
        render.out(_where_details(run))


def _where_details(run: api.ValidationRun) -> str:
    """Where every finding, its cell and how to fix it can be read."""
    places = []
    if run.feedback:
        places.append(f"salinan umpan balik di {run.feedback[0].parent}")
    if run.report_path is not None:
        places.append(f"laporan JSON {run.report_path}")
    if run.html is not None:
        places.append(f"laporan HTML {run.html}")
    if not places:
        return ("Setiap temuan dengan selnya dan cara memperbaikinya: jalankan lagi dengan "
                "--rinci, atau tulis salinan umpan balik dengan --anotasi FOLDER dan laporan "
                "JSON dengan --laporan BERKAS.")
    listed = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " dan " + places[-1]
    return ("Setiap temuan dengan selnya dan cara memperbaikinya ada pada " + listed
            + "; tampilkan di layar dengan --rinci.")


def gabung(
    paths: PathsArg,
    output: OutputOpt,
    laporan: LaporanOpt = None,
    anotasi: AnotasiOpt = None,
    html: HtmlOpt = None,
    pilih_terbaru: PilihTerbaruOpt = False,
    rinci: RinciOpt = False,
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
                        report_path=laporan, feedback_dir=anotasi, html_path=html,
                        progress=bar)
    _report(run, rinci)
    render.merge_summary(run.konsolidasi.rekonsiliasi.to_dict(), run.konsolidasi.tahun, run.output)
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
