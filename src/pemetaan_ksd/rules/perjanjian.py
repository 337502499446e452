"""KSD417: an agreement (KB/PKS) with this partner on this bidang is already in force.

The register is the profile's `[kerja_sama_berlaku] berkas` (kerja_sama_berlaku.py). Practice of
the TKKSD: the follow-up of an agreement in force belongs to its stages, not to a new mapping.
"""

from __future__ import annotations

from collections.abc import Iterator

from pemetaan_ksd.kerja_sama_berlaku import Perjanjian, kunci_nama
from pemetaan_ksd.model import Finding
from pemetaan_ksd.rules.columns import Columns, Row
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.registry import at, message, row_rule
from pemetaan_ksd.values import name_key

KSD417 = message("KSD417")


def _same_bidang_or_objek(cols: Columns, ctx: Context) -> list[int]:
    """`where`: the rows on the bidang or the objek of an agreement in force (none without a
    register); the partner is compared by the check."""
    daftar = ctx.kerja_sama
    berlaku = [p for p in daftar.perjanjian if p.berlaku_pada(ctx.tahun)] if daftar else []
    if not berlaku:
        return []
    codes = {p.kode_bidang for p in berlaku if p.kode_bidang}
    objek = {name_key(p.objek) for p in berlaku if p.objek}
    return [i for i, (code, text) in enumerate(zip(cols.code("kode_bidang_urusan"),
                                                   cols.text("objek"), strict=True))
            if code in codes or (text is not None and name_key(text) in objek)]


@row_rule("KSD417", where=_same_bidang_or_objek)
def sudah_berlaku(row: Row, ctx: Context) -> Iterator[Finding]:
    """The latest-signed agreement in force in the target year with the usulan's partner on its
    bidang (or its very objek), on the Calon Mitra cell."""
    daftar = ctx.kerja_sama
    if daftar is None:
        return
    found = [p for p in daftar.perjanjian
             if p.berlaku_pada(ctx.tahun) and _mitra_sama(row, p) and _bidang_sama(row, p)]
    if not found:
        return
    p = max(found, key=lambda p: (p.tanggal.urut, p.jenis == "PKS"))
    key = "kode_wilayah_mitra" if row.blank("calon_mitra") else "calon_mitra"
    yield KSD417(at(row, key), mitra=row.nama_mitra(), bidang=_bidang(row, p, ctx),
                 jenis=p.jenis_lengkap, nomor=p.nomor, tanggal=p.tanggal.teks,
                 sampai=p.sampai.teks, register=daftar.berkas.name)


def _mitra_sama(row: Row, p: Perjanjian) -> bool:
    """The same daerah when both name one; else the same name (`kunci_nama`)."""
    mitra = row.mitra
    daerah = mitra.daerah if mitra is not None and mitra.masalah is None else None
    if daerah is not None and p.kode_mitra is not None:
        return daerah.kode == p.kode_mitra
    nama = row.text("calon_mitra")
    return nama is not None and kunci_nama(nama) == p.kunci_mitra


def _bidang_sama(row: Row, p: Perjanjian) -> bool:
    if p.kode_bidang is not None and p.kode_bidang == row.code("kode_bidang_urusan"):
        return True
    return p.objek is not None and _objek_sama(row, p.objek)


def _objek_sama(row: Row, objek: str) -> bool:
    text = row.text("objek")
    return text is not None and name_key(text) == name_key(objek)


def _bidang(row: Row, p: Perjanjian, ctx: Context) -> str:
    """`2.11 Lingkungan Hidup`, with the agreement's objek when that is what matched."""
    kode = row.code("kode_bidang_urusan")
    bidang = ctx.referensi.bidang(kode) if kode else None
    text = (f"{bidang.kode} {bidang.nama_singkat}" if bidang
            else row.shown("kode_bidang_urusan") or "yang sama")
    if p.kode_bidang == kode or p.objek is None:
        return text
    return f"{text} (objek \"{p.objek}\")"
