"""Peta kerja sama: the map of who cooperates with whom (CONTRACT section 5).

`peta_kerja_sama(kons, profil)` draws the map of a year's accepted usulan as one SVG (the HTML
report shows it as it is); `png.render(svg)` turns it into the picture of the consolidated
workbook's `Rekap Mitra` sheet. Loaded only by the commands that draw it: `--help` and
`validasi` never import this package nor the outlines (reference/batas.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pemetaan_ksd.daftar_tahun import DaftarTahun
from pemetaan_ksd.peta import adegan, svg
from pemetaan_ksd.peta.isi import isi_peta
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.reference import Wilayah

if TYPE_CHECKING:  # pandas stays unloaded where only the picture is drawn (png.py)
    from pemetaan_ksd.merge import Konsolidasi


@dataclass(frozen=True)
class Peta:
    """The map of one year, or the sentence that says why there is none."""

    svg: str | None  # None: no accepted usulan names a daerah
    keterangan: str  # one sentence: what the map shows, or why it is not drawn


# The last map drawn, by what it was drawn from: gabung and proses draw it for the workbook
# and again for the HTML report, the demo for its narration too (0.1 s each time).
_last: tuple[Profil, tuple[object, ...], Peta] | None = None
_KEYS = ("mitra", "kode_wilayah_mitra", "jenis_mitra", "jumlah")


def peta_kerja_sama(kons: Konsolidasi, profil: Profil, wilayah: Wilayah | None = None) -> Peta:
    """The map of `kons`'s accepted usulan for `profil`'s daerah."""
    return _peta(kons.tahun, kons.tables.rekap_mitra.select(*_KEYS), profil, wilayah)


def peta_tahun(daftar: DaftarTahun, profil: Profil) -> Peta:
    """The same map from the year's records, before the tables (and pandas) are made."""
    rows = [tuple(r[k] for k in _KEYS) for r in daftar.mitra]
    return _peta(daftar.tahun, rows, profil, None)


def _peta(tahun: int, rows: list[tuple[object, ...]], profil: Profil,
          wilayah: Wilayah | None) -> Peta:
    global _last
    if wilayah is not None:
        return _draw(tahun, rows, profil, wilayah)
    key = (tahun, *rows)
    if _last is None or _last[0] is not profil or _last[1] != key:
        _last = (profil, key, _draw(tahun, rows, profil, profil.referensi().wilayah))
    return _last[2]


def _draw(tahun: int, rows: list[tuple[object, ...]], profil: Profil, wilayah: Wilayah) -> Peta:
    isi = isi_peta(tahun, rows, profil, wilayah)
    nama = profil.daerah.nama_lengkap
    if isi.kosong:
        return Peta(None, f"Peta kerja sama tidak digambar: belum ada usulan yang diterima untuk "
                          f"tahun {tahun} dengan mitra daerah.")
    try:
        scene = adegan.susun(isi, wilayah)
    except ValueError as exc:  # no outline for this daerah in the packaged data
        return Peta(None, f"Peta kerja sama tidak digambar: {exc}.")
    judul = f"PETA KERJA SAMA DAERAH {nama.upper()} TAHUN {tahun}"
    sub = "Mitra daerah pada usulan yang diterima, diarsir menurut jumlah usulan"
    jumlah = sum(m.jumlah for m in isi.mitra_daerah)
    return Peta(svg.render(scene, judul, sub),
                f"Peta kerja sama: {nama}, daerah yang berbatasan, dan {len(isi.mitra_daerah)} "
                f"mitra daerah dalam {jumlah} usulan yang diterima untuk tahun {tahun}.")
