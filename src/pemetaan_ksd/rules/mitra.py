"""The partner of an usulan: which daerah Calon Mitra and Kode Wilayah Mitra denote."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pemetaan_ksd.reference import Daerah
from pemetaan_ksd.rules.context import Context


@dataclass(frozen=True)
class Mitra:
    """The daerah a partner denotes, or why it could not be known (a KSD402 variant)."""

    daerah: Daerah | None
    masalah: str | None = None  # "tidak_dikenal", "mirip", "ambigu", "kode", "tidak_cocok"
    kandidat: tuple[Daerah, ...] = ()
    dari_nama: Daerah | None = None
    dari_kode: bool = False


TYPE_WORDS = {
    "provinsi": ("provinsi", "prov", "propinsi", "pemprov"),
    "kabupaten": ("kabupaten", "kab", "pemkab"),
    "kota": ("kota", "kot", "pemkot", "pemko"),
}


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w]+", " ", text.casefold()).split()


def mentions(text: str, daerah: Daerah) -> bool:
    """Whether `text` names `daerah` with its type word ("Dinas PUPR Kab. Banjar")."""
    words = _words(text)
    bare = _words(daerah.nama_pendek)
    kinds = TYPE_WORDS.get(daerah.jenis_tingkat, ())
    n = len(bare)
    return any(w in kinds and words[i + 1:i + 1 + n] == bare for i, w in enumerate(words))


def resolve_mitra(name: str | None, kode: str | None, ctx: Context) -> Mitra:
    """The daerah named by Calon Mitra `name` and Kode Wilayah Mitra `kode` (either may be None).

    The code wins when given; a name that resolves to another daerah is reported as a mismatch.
    A name that mentions this daerah itself ("Dinas PUPR Kabupaten Banjar") is internal
    cooperation.
    """
    wilayah = ctx.referensi.wilayah
    dari_nama = wilayah.resolve(name, ctx.profil.provinsi.kode) if name else None
    if kode is not None:
        daerah = wilayah.get(kode)
        if daerah is None:
            return Mitra(None, "kode", dari_kode=True)
        if dari_nama is not None and dari_nama.kode != daerah.kode:
            return Mitra(daerah, "tidak_cocok", dari_nama=dari_nama, dari_kode=True)
        return Mitra(daerah, dari_kode=True)
    if dari_nama is not None:
        return Mitra(dari_nama)
    if name is None:
        return Mitra(None)
    if mentions(name, ctx.daerah):
        return Mitra(ctx.daerah)
    kandidat = tuple(wilayah.candidates(name))
    if len(kandidat) > 1:
        return Mitra(None, "ambigu", kandidat)
    mirip = tuple(wilayah.mirip(name, ctx.profil.provinsi.kode))
    return Mitra(None, "mirip" if mirip else "tidak_dikenal", mirip)
