"""Options shared by several commands, declared once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Format(StrEnum):
    TEKS = "teks"
    JSON = "json"


ProfilOpt = Annotated[
    Path | None,
    typer.Option(
        "--profil",
        help="Berkas profil TOML. Bawaan: ksd.toml di folder ini, atau profil contoh "
        "Kabupaten Banjar bila tidak ada.",
        show_default=False,
    ),
]
TahunOpt = Annotated[
    int | None,
    typer.Option("--tahun", help="Tahun pemetaan. Bawaan: tahun pada profil.", show_default=False),
]
FormatOpt = Annotated[
    Format,
    typer.Option("--format", help="Bentuk keluaran di layar: teks atau json."),
]
LaporanOpt = Annotated[
    Path | None,
    typer.Option("--laporan", help="Tulis laporan JSON ke berkas ini.", show_default=False),
]
AnotasiOpt = Annotated[
    Path | None,
    typer.Option(
        "--anotasi",
        help="Tulis salinan umpan balik (<nama>.catatan.xlsx) untuk setiap berkas ke folder ini.",
        show_default=False,
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
PathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Berkas atau folder berisi berkas usulan (.xlsx, .xlsm, .xls, .ods).",
        show_default=False,
        metavar="PATH",
    ),
]
