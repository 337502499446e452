"""KSD414-KSD416: what the TKKSD turns down in practice, beyond the written criteria.

Each OPD maps within its own tasks and authority (KSD414); a partner that is one of this
daerah's own units is not cooperation at all (KSD415, PP 28/2018 Ps. 1 angka 1); plain buying or
renting presented as cooperation is for the analyst to look at (KSD416: PP 28/2018 Ps. 15 counts
some procurement among a KSDPK's "kerja sama lainnya", so it is a warning, not a rejection).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pemetaan_ksd.model import Finding
from pemetaan_ksd.rules.columns import Columns, Row
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.hukum import daftar
from pemetaan_ksd.rules.registry import at, message, row_rule
from pemetaan_ksd.rules.unit_sendiri import unit_sendiri

KSD414 = message("KSD414")
KSD414_TANPA_PENANGAN = message("KSD414", "tanpa_penangan")
KSD415 = message("KSD415")
KSD416 = message("KSD416")


def _bidang_text(kode: str, ctx: Context) -> str:
    bidang = ctx.referensi.bidang(kode)
    return f"{kode} {bidang.nama_singkat}" if bidang else kode


def _outside_authority(cols: Columns, ctx: Context) -> list[int]:
    opd = cols.opd
    if opd is None:
        return []
    return [i for i, kode in enumerate(cols.code("kode_bidang_urusan"))
            if kode is not None and not opd.menangani(kode)]


@row_rule("KSD414", where=_outside_authority)
def kewenangan_opd(row: Row, ctx: Context) -> Iterator[Finding]:
    opd, kode = row.opd, row.code("kode_bidang_urusan")
    if opd is None or kode is None or opd.menangani(kode):
        return
    bidang = ctx.referensi.bidang(kode)
    if bidang is None or not bidang.objek_kerja_sama:
        return  # not a bidang of cooperation at all: KSD302/KSD304 say so
    penangan = [o.nama for o in ctx.profil.perangkat_daerah if kode in o.bidang]
    common = {"opd": opd.nama, "bidang": _bidang_text(kode, ctx),
              "bidang_opd": daftar([_bidang_text(b, ctx) for b in opd.bidang], "dan")}
    if penangan:
        yield KSD414(at(row, "kode_bidang_urusan"), penangan=daftar(penangan, "atau"), **common)
    else:
        yield KSD414_TANPA_PENANGAN(at(row, "kode_bidang_urusan"), **common)


def _own_units(cols: Columns, ctx: Context) -> list[int]:
    return [i for i, partner in enumerate(cols.text("calon_mitra"))
            if partner is not None and unit_sendiri(partner, ctx) is not None]


@row_rule("KSD415", where=_own_units, outranks=("KSD401", "KSD402", "KSD403"))
def unit_daerah_sendiri(row: Row, ctx: Context) -> Iterator[Finding]:
    """Said instead of "unknown daerah" (KSD402) or "this daerah itself" (KSD403)."""
    partner = row.text("calon_mitra")
    unit = unit_sendiri(partner, ctx) if partner else None
    if unit is not None:
        yield KSD415(at(row, "calon_mitra"), nilai=partner, unit=unit,
                     daerah=ctx.daerah.nama_lengkap)


# The words of buying or renting, with what the message calls it.
_PENGADAAN = (
    (r"pengadaan|pembelian|membeli|beli|belanja", "pembelian barang atau jasa"),
    (r"sewa|penyewaan|menyewa|sewa menyewa", "penyewaan barang atau jasa"),
    (r"swakelola", "pekerjaan swakelola"),
    (r"jasa konsultansi|jasa konsultan|konsultansi", "jasa konsultansi"),
)
# Words that say something is done together: then it may well be cooperation.
_BERSAMA = re.compile(r"\b(bersama|kerja ?sama|terpadu|kolaborasi|sinergi|pertukaran|"
                      r"berbagi|patungan|gabungan|antardaerah)\b")


# The alternatives above that hold no other one: a text holds one of _PENGADAAN's words
# exactly when it holds one of these (plain substring tests, several times faster).
_ANY_PENGADAAN = ("pengadaan", "beli", "belanja", "sewa", "penyewaan", "menyewa", "swakelola",
                  "konsultansi", "jasa konsultan")
# A word of buying right after one of these names a permit or a service about it, not buying:
# "penerbitan izin pengadaan kapal" is a licensing service (nomenclature 3.25).
_PERIZINAN = r"(?<!izin )(?<!perizinan )(?<!rekomendasi )(?<!layanan )(?<!pelayanan )"


def pengadaan(objek: str) -> tuple[str, str] | None:
    """(word found, what it is) when `objek` reads as plain buying or renting, else None."""
    lowered = objek.casefold()
    if not any(word in lowered for word in _ANY_PENGADAAN):
        return None  # most objects: not a word of buying at all
    text = " ".join(re.sub(r"[^\w]+", " ", lowered).split())
    if _BERSAMA.search(text):
        return None
    for pattern, kegiatan in _PENGADAAN:
        found = re.search(rf"{_PERIZINAN}\b({pattern})\b", text)
        if found:
            return found.group(1), kegiatan
    return None


def _procurement(cols: Columns, ctx: Context) -> list[int]:
    return [i for i, objek in enumerate(cols.text("objek"))
            if objek is not None and pengadaan(objek) is not None]


@row_rule("KSD416", where=_procurement)
def bukan_pengadaan(row: Row, ctx: Context) -> Iterator[Finding]:
    objek = row.text("objek")
    found = pengadaan(objek) if objek else None
    if found is not None:
        kata, kegiatan = found
        yield KSD416(at(row, "objek"), nilai=objek, kata=kata, kegiatan=kegiatan)
