"""KSD2xx: each cell filled as the template asks: required, a choice, an amount, a year."""

from __future__ import annotations

from collections.abc import Iterator

from pemetaan_ksd import contract
from pemetaan_ksd.contract import MIN_SUBSTANTIVE_WORDS, Kind
from pemetaan_ksd.model import Finding
from pemetaan_ksd.rules.registry import at, finding, keadaan, row_rule
from pemetaan_ksd.rules.view import Konteks, RowView
from pemetaan_ksd.values import is_placeholder, match_choice, split_multi

TAHUN_MIN = 2000
TAHUN_MAX = 2100

# Required columns whose emptiness a more specific code reports (see registry docstring).
COVERED_ELSEWHERE = frozenset({
    "manfaat_daerah", "manfaat_mitra",  # KSD405
    "permasalahan", "data_dukung",  # KSD406
    "skala_prioritas", "alasan_prioritas",  # KSD408
})

# Words in a mistyped choice that say which choice was meant (suggestions only).
ALIASES: dict[str, dict[str, str]] = {
    "jenis_kerja_sama": {
        "wajib": "KSDD Wajib", "sukarela": "KSDD Sukarela", "pihak ketiga": "KSDPK",
        "luar negeri": "KSDLL",
    },
    "jenis_mitra": {
        "pt": "Badan Usaha Berbadan Hukum", "bumn": "Badan Usaha Berbadan Hukum",
        "bumd": "Badan Usaha Berbadan Hukum", "swasta": "Badan Usaha Berbadan Hukum",
        "perusahaan": "Badan Usaha Berbadan Hukum", "koperasi": "Badan Usaha Berbadan Hukum",
        "ormas": "Organisasi Kemasyarakatan", "lsm": "Organisasi Kemasyarakatan",
        "yayasan": "Organisasi Kemasyarakatan", "perorangan": "Perseorangan",
        "kementerian": "Pemerintah Pusat", "pusat": "Pemerintah Pusat",
        "provinsi": "Daerah Provinsi", "kabupaten": "Daerah Kabupaten/Kota",
        "kota": "Daerah Kabupaten/Kota",
    },
}


@row_rule("KSD205")
def galat_spreadsheet(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    for col in contract.COLUMNS:
        if view.is_error(col.key):
            yield finding("KSD205", at(view, col.key), nilai=view.shown(col.key))


def _isi(key: str) -> str:
    col = contract.column(key)
    if col.choices:
        return f"{col.hint} Pilihan: {', '.join(col.choices)}."
    return col.hint


@row_rule("KSD201")
def wajib_diisi(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    skip = set(COVERED_ELSEWHERE)
    if view.choice("jenis_kerja_sama") == "KSDPK":
        skip.add("jenis_mitra")  # KSD409
    for key in contract.REQUIRED_KEYS:
        if key not in skip and view.blank(key):
            yield finding("KSD201", at(view, key), kolom=view.header(key),
                          keadaan=keadaan(view, key), isi=_isi(key))
    if view.choice("dalam_perencanaan") == "Ya" and view.blank("dokumen_perencanaan"):
        yield finding("KSD201", at(view, "dokumen_perencanaan"), "dokumen",
                      keadaan=keadaan(view, "dokumen_perencanaan"), tahun=ctx.tahun)


@row_rule("KSD202")
def pilihan(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    for col in contract.COLUMNS:
        if col.kind is Kind.CHOICE and not view.blank(col.key) and view.choice(col.key) is None:
            _, saran = match_choice(view.raw(col.key), col.choices, ALIASES.get(col.key))
            yield finding("KSD202", at(view, col.key), "saran" if saran else "",
                          nilai=view.shown(col.key), kolom=col.header, saran=saran,
                          pilihan=", ".join(col.choices))
        elif col.kind is Kind.MULTI_CHOICE:
            yield from _pilihan_ganda(view, col.key)


def _pilihan_ganda(view: RowView, key: str) -> Iterator[Finding]:
    col = contract.column(key)
    _, bad = split_multi(view.raw(key), col.choices)
    if not bad:
        return
    bagian = ", ".join(f"\"{part}\"" for part, _ in bad)
    saran = [f"\"{s}\"" for _, s in bad if s]
    saran_teks = f" (maksud Anda {', '.join(saran)}?)" if saran else ""
    yield finding("KSD202", at(view, key), "ganda", bagian=bagian, kolom=col.header,
                  saran=saran_teks, pilihan=", ".join(col.choices))


@row_rule("KSD203")
def anggaran(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    if view.blank("anggaran"):
        return
    if view.anggaran is None:
        yield finding("KSD203", at(view, "anggaran"), nilai=view.shown("anggaran"))
    elif view.anggaran < 0:
        yield finding("KSD203", at(view, "anggaran"), "negatif", nilai=view.shown("anggaran"))


def _year_ok(year: int | None) -> bool:
    return year is not None and TAHUN_MIN <= year <= TAHUN_MAX


@row_rule("KSD204")
def tahun(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    years = {"tahun_mulai": view.tahun_mulai, "tahun_selesai": view.tahun_selesai}
    for key, year in years.items():
        if not view.blank(key) and not _year_ok(year):
            yield finding("KSD204", at(view, key), nilai=view.shown(key), kolom=view.header(key),
                          min=TAHUN_MIN, max=TAHUN_MAX, tahun=ctx.tahun)
    mulai, selesai = view.tahun_mulai, view.tahun_selesai
    if mulai is not None and selesai is not None and _year_ok(mulai) and _year_ok(selesai) \
            and mulai > selesai:
        yield finding("KSD204", at(view, "tahun_mulai"), "urutan", mulai=mulai, selesai=selesai)


SUBSTANTIVE_OWN = ("objek", "potensi")
"""Substantive columns whose placeholders only KSD206 reports (the rest: KSD404-408)."""


@row_rule("KSD206")
def uraian_substantif(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    for key in SUBSTANTIVE_OWN:
        text = view.text(key)
        if text is not None and is_placeholder(text):
            yield finding("KSD206", at(view, key), key, kolom=view.header(key),
                          keadaan=keadaan(view, key), min_kata=MIN_SUBSTANTIVE_WORDS,
                          daerah=ctx.daerah.nama_lengkap)
