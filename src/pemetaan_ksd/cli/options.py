"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pemetaan_ksd.api import TAHUN_MAX, TAHUN_MIN


class Format(StrEnum):
    TEKS = "teks"
    JSON = "json"


# What each option takes, shown in --help beside it (typer would show <path>, <int>).
BERKAS, FOLDER, KODE, TAHUN = "<berkas>", "<folder>", "<kode>", "<tahun>"


def check_tahun(value: int | None) -> int | None:
    """--tahun within the years the rules accept (a wrong year is wrong use: exit 2)."""
    if value is not None and not TAHUN_MIN <= value <= TAHUN_MAX:
        raise typer.BadParameter(f"tahun {value} di luar rentang {TAHUN_MIN}-{TAHUN_MAX}.")
    return value


ProfilOpt = Annotated[
    Path | None,
    typer.Option(
        "--profil",
        help="Berkas profil TOML. Bawaan: ksd.toml di folder ini, atau profil contoh "
        "Kabupaten Banjar bila tidak ada.",
        show_default=False,
        metavar=BERKAS,
    ),
]
TahunOpt = Annotated[
    int | None,
    typer.Option(
        "--tahun",
        help="Tahun pemetaan. Bawaan: tahun pada profil.",
        show_default=False,
        metavar=TAHUN,
        callback=check_tahun,
    ),
]
FormatOpt = Annotated[
    Format,
    typer.Option("--format", help="Bentuk keluaran di layar: teks atau json."),
]
LaporanOpt = Annotated[
    Path | None,
    typer.Option(
        "--laporan", help="Tulis laporan JSON ke berkas ini.", show_default=False, metavar=BERKAS
    ),
]
AnotasiOpt = Annotated[
    Path | None,
    typer.Option(
        "--anotasi",
        help="Tulis salinan umpan balik (<nama>.catatan.xlsx) untuk setiap berkas ke folder ini.",
        show_default=False,
        metavar=FOLDER,
    ),
]
HtmlOpt = Annotated[
    Path | None,
    typer.Option(
        "--html",
        help="Tulis laporan HTML (satu halaman mandiri untuk dibuka di peramban, dibagikan "
        "atau dicetak) ke berkas ini.",
        show_default=False,
        metavar=BERKAS,
    ),
]
PilihTerbaruOpt = Annotated[
    bool,
    typer.Option(
        "--pilih-terbaru",
        help="Bila satu perangkat daerah mengirim lebih dari satu berkas, pakai yang terbaru "
        "(menurut Tanggal Pengisian, lalu waktu berkas).",
    ),
]
# Up to this many files the terminal shows every finding; beyond, a line per file (--rinci: all).
HANDFUL = 5
RinciOpt = Annotated[
    bool,
    typer.Option(
        "--rinci",
        help=f"Tampilkan setiap temuan di layar, juga untuk lebih dari {HANDFUL} berkas (bawaan: "
        "satu baris per berkas dan jumlah temuan per kode).",
    ),
]
PathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Berkas atau folder berisi berkas usulan (.xlsx, .xlsm, .xls, .ods).",
        show_default=False,
        metavar="BERKAS",
    ),
]
