"""The scheduled job: `proses` (one run, or `--pantau` to keep watching) and `riwayat`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pemetaan_ksd import api
from pemetaan_ksd.cli.cmd_profil import announce_profile
from pemetaan_ksd.cli.lazy import lazy
from pemetaan_ksd.cli.options import FOLDER, KODE, Format, FormatOpt, ProfilOpt, TahunOpt

if TYPE_CHECKING:
    from pemetaan_ksd.cli import render
else:
    render = lazy("pemetaan_ksd.cli.render")

MasukOpt = Annotated[
    Path, typer.Option("--masuk", help="Folder kotak masuk berisi berkas usulan (dibaca, tidak "
                       "pernah diubah).", show_default=False, metavar=FOLDER)]
KeluarOpt = Annotated[
    Path, typer.Option("--keluar", help="Folder keluaran: rekap, arsip, catatan, laporan, log, "
                       "dan riwayat.", show_default=False, metavar=FOLDER)]
DETIK = "<detik>"


def proses(
    masuk: MasukOpt,
    keluar: KeluarOpt,
    tunggu_stabil: Annotated[
        float | None,
        typer.Option("--tunggu-stabil", min=0, metavar=DETIK, show_default=False,
                     help="Berkas yang berubah dalam sekian detik terakhir dianggap masih "
                     "disalin dan ditunggu. Bawaan: 30, atau sama dengan --jeda bila --pantau."),
    ] = None,
    ulang: Annotated[
        bool, typer.Option("--ulang", help="Baca ulang semua berkas, juga yang sudah dikenal.")
    ] = False,
    pantau: Annotated[
        bool, typer.Option("--pantau", help="Terus memantau kotak masuk dan memproses setiap "
                           "berkas begitu selesai disimpan; hentikan dengan Ctrl-C.")
    ] = False,
    jeda: Annotated[
        float, typer.Option("--jeda", min=0.5, metavar=DETIK,
                            help="Dengan --pantau: jeda antarpemeriksaan, dalam detik.")
    ] = 5.0,
    format: FormatOpt = Format.TEKS,
    profil: ProfilOpt = None,
    tahun: TahunOpt = None,
) -> int:
    """Tugas terjadwal: proses yang baru atau berubah di kotak masuk, tulis rekap dan catatan.

    Untuk cron, systemd timer atau Windows Task Scheduler. Berkas yang sudah dikenal tidak dibaca
    ulang; riwayatnya dicatat di folder keluaran (lihat: pemetaan-ksd riwayat). Kode keluar: 0
    tanpa galat, 1 ada galat, 2 salah penggunaan atau folder keluaran sedang dipakai, 3
    kesalahan program, 130/143 dihentikan."""
    prof = api.open_profile(profil)
    announce_profile(prof)
    if pantau:
        wait = tunggu_stabil if tunggu_stabil is not None else jeda
        render.note(f"Memantau {masuk} setiap {jeda:g} detik; hentikan dengan Ctrl-C.")
        api.pantau(prof, masuk, keluar, jeda=jeda, tunggu_stabil=wait, tahun=tahun,
                   each=render.batch_lines)
        return 0
    wait = tunggu_stabil if tunggu_stabil is not None else 30.0
    with render.ProgressBar(enabled=format is Format.TEKS) as bar:
        run = api.proses(prof, masuk, keluar, tahun=tahun, tunggu_stabil=wait, progress=bar,
                         ulang=ulang)
    if format is Format.JSON:
        render.plain(api.report_json(run.report))
    else:
        render.batch_run(run, keluar)
    return run.exit_code


def riwayat(
    keluar: KeluarOpt,
    opd: Annotated[
        str | None, typer.Option("--opd", help="Hanya perangkat daerah dengan kode ini.",
                                 show_default=False, metavar=KODE)
    ] = None,
    format: FormatOpt = Format.TEKS,
) -> None:
    """Tampilkan riwayat tugas terjadwal: berkas apa yang datang kapan dari setiap perangkat
    daerah dengan hasilnya, dan proses-proses terakhir."""
    history = api.riwayat(keluar, opd)
    if format is Format.JSON:
        render.plain(api.history_json(history))
    else:
        render.history(history, opd)
