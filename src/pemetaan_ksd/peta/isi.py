"""What the map shows: this daerah, its neighbours, the partners of the accepted usulan.

Pure: the partners of the year's list and the profile in, plain values out. Only the accepted
usulan of the year reach the list (daftar_tahun.py), so a KSDD Wajib partner that does not
border (rejected by KSD401) never reaches the map.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pemetaan_ksd.profile import Profil
from pemetaan_ksd.reference import Daerah, Wilayah


@dataclass(frozen=True)
class MitraDaerah:
    daerah: Daerah
    jumlah: int  # accepted usulan of the year that name it


@dataclass(frozen=True)
class MitraLain:
    """A partner that is not a daerah: a company, a ministry, a foreign partner."""

    nama: str
    jenis: str  # Jenis Mitra as written ("Badan Usaha Berbadan Hukum"), or ""
    jumlah: int


@dataclass(frozen=True)
class IsiPeta:
    tahun: int
    daerah: Daerah  # this daerah (the profile's)
    provinsi: Daerah  # its provinsi (itself when the profile is a provinsi)
    tetangga: tuple[Daerah, ...]  # bordering daerah, its own provinsi left out
    mitra_daerah: tuple[MitraDaerah, ...]  # most usulan first
    mitra_lain: tuple[MitraLain, ...]

    @property
    def kosong(self) -> bool:
        """Nothing to draw: no accepted usulan names a daerah."""
        return not self.mitra_daerah

    def jumlah(self, kode: str) -> int:
        return next((m.jumlah for m in self.mitra_daerah if m.daerah.kode == kode), 0)


def isi_peta(tahun: int, mitra: Iterable[tuple[object, ...]], profil: Profil,
             wilayah: Wilayah) -> IsiPeta:
    """The content of the map of `tahun` for `profil`'s daerah; `mitra`: (name, region code,
    Jenis Mitra, count) of each partner of the year's list (Rekap Mitra's rows)."""
    daerah = profil.daerah
    provinsi = daerah if daerah.is_provinsi else profil.provinsi
    mitra_daerah, mitra_lain = _split(mitra, wilayah)
    tetangga = tuple(d for d in profil.tetangga if d.kode != provinsi.kode)
    return IsiPeta(tahun, daerah, provinsi, tetangga, mitra_daerah, mitra_lain)


def _split(rows: Iterable[tuple[object, ...]], wilayah: Wilayah,
           ) -> tuple[tuple[MitraDaerah, ...], tuple[MitraLain, ...]]:
    counts: dict[str, int] = {}
    lain: list[MitraLain] = []
    for nama, kode, jenis, jumlah in rows:
        found = wilayah.get(str(kode)) if isinstance(kode, str) and kode else None
        if found is not None:
            counts[found.kode] = counts.get(found.kode, 0) + _count(jumlah)
        else:
            lain.append(MitraLain(str(nama or "-"), str(jenis or ""), _count(jumlah)))
    daerah = [MitraDaerah(d, counts[k]) for k in counts if (d := wilayah.get(k)) is not None]
    daerah.sort(key=lambda m: (-m.jumlah, m.daerah.kode))
    lain.sort(key=lambda m: (-m.jumlah, m.nama.casefold()))
    return tuple(daerah), tuple(lain)


def _count(value: object) -> int:
    return int(value) if isinstance(value, int | float) else 0
