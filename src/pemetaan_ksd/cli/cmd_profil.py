"""Commands about the profile and the blank forms: init, template, referensi."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pemetaan_ksd import api
from pemetaan_ksd.api import BUILTIN_DAERAH, BUILTIN_TAHUN
from pemetaan_ksd.cli.i18n import ClickUsageError
from pemetaan_ksd.cli.lazy import lazy
from pemetaan_ksd.cli.options import (
    BERKAS,
    FOLDER,
    KODE,
    TAHUN,
    ProfilOpt,
    TahunOpt,
    check_tahun,
)

if TYPE_CHECKING:
    from pemetaan_ksd.api import Profil
    from pemetaan_ksd.cli import render
else:
    render = lazy("pemetaan_ksd.cli.render")


def announce_profile(profil: Profil) -> None:
    if profil.bawaan:
        render.note(
            "Memakai profil contoh bawaan (Kabupaten Banjar, daftar perangkat daerah contoh). "
            "Buat profil daerah Anda dengan: pemetaan-ksd init --daerah KODE"
        )
    else:
        render.note(f"Memakai profil {profil.sumber} ({profil.daerah.nama_lengkap}).")


def init(
    daerah: Annotated[
        str, typer.Option("--daerah", help="Kode wilayah daerah, misalnya 63.03.", metavar=KODE)
    ] = BUILTIN_DAERAH,
    tahun: Annotated[
        int, typer.Option("--tahun", help="Tahun pemetaan.", metavar=TAHUN, callback=check_tahun)
    ] = BUILTIN_TAHUN,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Berkas profil yang ditulis.", metavar=BERKAS)
    ] = Path("ksd.toml"),
    timpa: Annotated[bool, typer.Option("--timpa", help="Ganti berkas yang sudah ada.")] = False,
) -> None:
    """Tulis profil daerah (ksd.toml): daerah, tahun, tetangga, dan daftar perangkat daerah.

    Daftar perangkat daerah di dalamnya adalah contoh untuk diubah sesuai keadaan daerah."""
    path = api.init_profile(daerah, tahun, output, timpa)
    profil = api.open_profile(path)
    render.out(f"Profil ditulis: {path}")
    d = profil.daerah
    render.out(
        f"  {d.nama_lengkap} ({d.kode}), {profil.provinsi.nama_lengkap}, tahun {profil.tahun}"
    )
    render.out(
        f"  {len(profil.tetangga)} daerah berbatasan: "
        + ", ".join(d.nama_lengkap for d in profil.tetangga)
    )
    render.out(
        f"  {len(profil.perangkat_daerah)} perangkat daerah contoh: ubah daftarnya sesuai "
        "keadaan daerah Anda."
    )
    if d.is_provinsi:
        render.out(
            "  Perhatian: nomenklatur bawaan hanya memuat kegiatan kewenangan kabupaten/kota. "
            "Sebelum validasi, isi kunci berkas di bagian nomenklatur pada profil dengan berkas "
            "nomenklatur sisi provinsi (CSV/XLSX berkolom kode dan nama)."
        )


def template(
    ctx: typer.Context,
    opd: Annotated[
        list[str] | None,
        typer.Option(
            "--opd", help="Kode perangkat daerah (boleh diulang).", show_default=False, metavar=KODE
        ),
    ] = None,
    semua: Annotated[
        bool, typer.Option("--semua", help="Satu templat untuk setiap perangkat daerah profil.")
    ] = False,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder tujuan.", metavar=FOLDER)
    ] = Path("templat"),
    timpa: Annotated[
        bool,
        typer.Option("--timpa", help="Ganti templat yang sudah ada di folder tujuan (mungkin "
                     "sudah diisi perangkat daerah) dan contoh daftar kerja sama yang sudah "
                     "diubah."),
    ] = False,
    profil: ProfilOpt = None,
    tahun: TahunOpt = None,
) -> None:
    """Tulis templat usulan kosong (.xlsx), satu per perangkat daerah.

    Identitas perangkat daerah sudah terisi. Tanpa --opd dan --semua: satu templat umum. Contoh
    daftar kerja sama berlaku (kerja_sama_berlaku.csv) ikut ditulis. Berkas yang sudah ada di
    folder tujuan diganti hanya dengan --timpa."""
    if opd and semua:
        raise ClickUsageError(OPD_ATAU_SEMUA, ctx)
    prof = api.open_profile(profil)
    announce_profile(prof)
    if tahun is not None:
        prof = _with_year(prof, tahun)
    *paths, contoh = api.make_templates(prof, output, opd or [], semua, timpa)
    render.out(f"{len(paths)} templat ditulis ke {output}:")
    for path in paths:
        render.out(f"  {path.name}")
    render.out(f"Contoh daftar kerja sama berlaku (KSD417): {contoh.name}. Sekretariat TKKSD "
               "mengisinya dengan KB/PKS yang berlaku, lalu menunjuknya pada profil (kunci "
               "berkas di bagian kerja_sama_berlaku).")


OPD_ATAU_SEMUA = (
    "--opd dan --semua tidak dapat dipakai bersama. Pakai --opd KODE untuk perangkat daerah "
    "tertentu, atau --semua untuk semua perangkat daerah pada profil."
)


def _with_year(profil: Profil, tahun: int) -> Profil:
    from dataclasses import replace

    return replace(profil, tahun=tahun)


class JenisReferensi(StrEnum):
    BIDANG = "bidang"
    KEGIATAN = "kegiatan"
    WILAYAH = "wilayah"


_TITLES = {
    JenisReferensi.BIDANG: ("Bidang urusan", ("Kode", "Nama", "Keterangan")),
    JenisReferensi.KEGIATAN: ("Program, kegiatan dan sub kegiatan", ("Kode", "Nama", "Tingkat")),
    JenisReferensi.WILAYAH: ("Provinsi dan kabupaten/kota", ("Kode", "Nama", "Keterangan")),
}


def referensi(
    jenis: Annotated[
        JenisReferensi, typer.Argument(help="bidang, kegiatan, atau wilayah.", metavar="JENIS")
    ],
    teks: Annotated[
        str | None,
        typer.Argument(
            help="Kode awal atau kata dalam nama, misalnya 1.02 atau sampah.",
            metavar="TEKS",
            show_default=False,
        ),
    ] = None,
    profil: ProfilOpt = None,
) -> None:
    """Cari kode dan nama: bidang urusan, program/kegiatan, atau daerah."""
    prof = api.open_profile(profil)
    rows = api.search_reference(str(jenis), teks, prof)
    title, headers = _TITLES[jenis]
    if jenis is JenisReferensi.KEGIATAN:
        title += f" ({prof.referensi().nomenklatur.versi})"
    if not rows:
        render.out(f"Tidak ada {title.lower()} yang cocok dengan {teks!r}.")
        raise typer.Exit(0)
    render.table(f"{title}: {len(rows)} ditemukan", headers, rows)
