"""`demo`: the worked example for trainers, narrated step by step."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pemetaan_ksd.api import DEMO_FOLDER, JUMLAH_LANGKAH, langkah_demo
from pemetaan_ksd.cli.lazy import lazy

if TYPE_CHECKING:
    from pemetaan_ksd.cli import render
else:
    render = lazy("pemetaan_ksd.cli.render")


def demo(
    folder: Annotated[
        Path, typer.Argument(help="Folder tujuan contoh.", metavar="FOLDER")
    ] = DEMO_FOLDER,
    langkah: Annotated[
        bool,
        typer.Option("--langkah", help="Berhenti di setiap langkah sampai Enter ditekan "
                     "(untuk pelatih yang memaparkan di depan kelas)."),
    ] = False,
    timpa: Annotated[
        bool, typer.Option("--timpa", help="Tulis ulang contoh di folder yang tidak kosong.")
    ] = False,
) -> int:
    """Bangun contoh lengkap Kabupaten Banjar dan jalankan seluruh alur dengan penjelasan.

    Profil, templat, usulan dari beberapa perangkat daerah (sebagian dengan kesalahan yang biasa
    terjadi), validasi dengan umpan balik, laporan JSON, dan daftar rencana tahunan."""
    render.note(f"Membangun contoh di folder {folder} ...")
    if langkah and not _interactive():
        render.note(NO_TERMINAL)
        langkah = False
    for step in langkah_demo(folder, timpa):
        render.langkah(step, folder)
        if langkah and step.nomor < JUMLAH_LANGKAH and not _wait():
            langkah = False  # the input ended: the remaining steps run on without pauses
    render.out(f"Selesai. Semua berkas contoh ada di folder {folder}.")
    return 0


NO_TERMINAL = "Masukan bukan terminal: demo berjalan tanpa jeda, semua langkah sekaligus."


def _interactive() -> bool:
    """--langkah waits for Enter, which only a keyboard can press."""
    return sys.stdin is not None and sys.stdin.isatty()


def _wait() -> bool:
    """Wait for Enter; False when the input has ended."""
    render.prompt("Tekan Enter untuk langkah berikutnya ...")
    line = sys.stdin.readline()
    return line != ""
