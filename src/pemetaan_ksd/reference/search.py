"""`referensi bidang|kegiatan|wilayah`: look up codes and names in the packaged data."""

from __future__ import annotations

from pemetaan_ksd import reference
from pemetaan_ksd.errors import UsageError
from pemetaan_ksd.profile import Profil


def search_reference(kind: str, text: str | None, profil: Profil) -> list[tuple[str, str, str]]:
    """(kode, nama, keterangan) rows for `referensi bidang|kegiatan|wilayah`."""
    ref = profil.referensi()
    needle = (text or "").strip()
    if kind == "bidang":
        words = needle.casefold().split()
        return [
            (b.kode, b.nama_singkat, "objek kerja sama" if b.objek_kerja_sama else "penunjang")
            for b in reference.bidang_urusan()
            if b.kode.startswith(needle)
            or all(w in f"{b.nama_singkat} {b.nama}".casefold() for w in words)
        ]
    if kind == "kegiatan":
        levels = (reference.Level.PROGRAM, reference.Level.KEGIATAN, reference.Level.SUB_KEGIATAN)
        found = [e for e in ref.nomenklatur.search(needle, limit=400) if e.level in levels]
        return [(e.kode, e.nama, e.level.label) for e in found]
    if kind == "wilayah":
        wilayah = ref.wilayah
        words = needle.casefold().split()
        hits = [
            d
            for d in wilayah.all()
            if d.kode.startswith(needle) or all(w in d.nama_lengkap.casefold() for w in words)
        ]
        if not hits and needle:
            # a short name ("Batola", "Kalsel"), else the closest names ("banjarmasn")
            known = wilayah.resolve(needle, profil.provinsi.kode)
            hits = [known] if known else wilayah.mirip(needle, profil.provinsi.kode)
        return [(d.kode, d.nama_lengkap, _wilayah_note(d, profil)) for d in hits]
    raise UsageError(f"Jenis referensi {kind!r} tidak dikenal. Pilih: bidang, kegiatan, wilayah.")


def _wilayah_note(d: reference.Daerah, profil: Profil) -> str:
    provinsi = "" if d.is_provinsi else f"Provinsi {_provinsi_name(d)}"
    if d.kode == profil.daerah.kode:
        return "daerah profil ini"
    if any(t.kode == d.kode for t in profil.tetangga):
        return f"{provinsi}; berbatasan dengan {profil.daerah.nama_lengkap}".strip("; ")
    return provinsi


def _provinsi_name(d: reference.Daerah) -> str:
    prov = reference.load().wilayah.get(d.kode_provinsi)
    return prov.nama if prov else d.kode_provinsi
