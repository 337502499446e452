"""Plain sentences and values the terminal shows, built without rich (render.py prints them)."""

from __future__ import annotations

import datetime as dt

FLOW_STEPS = (
    ("pemetaan-ksd init --daerah 63.03 --tahun 2025", "buat profil daerah (ksd.toml)"),
    ("pemetaan-ksd template --semua -o templat/", "buat templat untuk setiap perangkat daerah"),
    ("(kirim templat ke perangkat daerah)", "mereka mengisi dan mengirim kembali"),
    ("pemetaan-ksd validasi masuk/ --anotasi catatan/", "periksa berkas, buat umpan balik"),
    ("pemetaan-ksd gabung masuk/ -o daftar_rencana.xlsx", "susun daftar rencana tahunan"),
)

STATE_WORDS = {"diproses": "diproses", "tetap": "tidak berubah",
               "menunggu": "menunggu (masih disalin)", "dilewati": "dilewati"}


def rekonsiliasi(rekon: dict[str, int], tahun: int) -> str:
    """Where every row read went, as `gabung` says it."""
    return (f"  {rekon['baris_dibaca']} baris dibaca dari {rekon['berkas']} berkas = "
            f"{rekon['diterima_tahun_ini']} masuk daftar tahun {tahun} + "
            f"{rekon['diterima_luar_tahun']} diterima tetapi di luar tahun {tahun} + "
            f"{rekon['ditolak']} perlu perbaikan + {rekon['bukan_usulan']} bukan usulan + "
            f"{rekon['diganti']} dari berkas yang diganti.")


def status_sentence(r: dict[str, int]) -> str:
    """Below the `status` table: who has sent, and the verdicts in it."""
    luar = (f" (termasuk {r['di_luar_profil']} baris di luar daftar profil)"
            if r["di_luar_profil"] else "")
    return (f"{r['terkirim']} dari {r['perangkat_daerah']} perangkat daerah sudah mengirim. "
            f"Status baris tabel{luar}: {r['valid']} valid, {r['perlu_perbaikan']} perlu "
            f"perbaikan, {r['tidak_terbaca']} tidak terbaca. Kolom Usulan: diterima/dibaca.")


def number(value: int | None) -> str:
    return "-" if value is None else str(value)


def when(value: dt.datetime | None) -> str:
    return "-" if value is None else value.strftime("%Y-%m-%d %H:%M")
