"""Provinsi and kab/kota: codes, names, name resolution and borders."""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from pemetaan_ksd.reference.data import read_text

PROVINSI = "provinsi"
KABKOTA = "kabkota"

# Words that precede a name and say nothing about which daerah is meant beyond its type.
_TYPE_WORDS = {
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "pemkab": "kabupaten",
    "kota": "kota",
    "kot": "kota",
    "pemkot": "kota",
    "pemko": "kota",
    "provinsi": "provinsi",
    "prov": "provinsi",
    "propinsi": "provinsi",
    "pemprov": "provinsi",
}
_NOISE_WORDS = {"pemerintah", "pemda", "daerah", "administrasi", "adm"}
_CODE = re.compile(r"^\d{2}(?:\.\d{2})?$")
# How close a misspelt name must be to a daerah's name to be offered ("Banjarmasn": 0.95).
MIRIP_MIN = 0.8


@dataclass(frozen=True)
class Daerah:
    kode: str
    nama: str  # official name as the instrument writes it ("Kabupaten Banjar", "Aceh")
    tingkat: str  # "provinsi" or "kabkota"
    jenis: str  # "Provinsi", "Kabupaten", "Kota", "Kota Administrasi", ...
    kode_provinsi: str

    @property
    def is_provinsi(self) -> bool:
        return self.tingkat == PROVINSI

    @property
    def nama_lengkap(self) -> str:
        """The name with its type, as a letter would write it: "Provinsi Kalimantan Selatan"."""
        return f"Provinsi {self.nama}" if self.is_provinsi else self.nama

    @property
    def nama_pendek(self) -> str:
        """The name without its type word: "Banjar", "Banjarbaru", "Kalimantan Selatan"."""
        return _strip_type(self.nama) if not self.is_provinsi else self.nama

    @property
    def jenis_tingkat(self) -> str:
        return "provinsi" if self.is_provinsi else self.jenis.split()[0].lower()


def _strip_type(name: str) -> str:
    for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _tokens(text: str) -> tuple[str | None, str]:
    """(type word or None, bare name) of a typed daerah name, normalized.

    The bare name has no spaces: "Banjar Baru" and "Banjarbaru" are one name.
    """
    cleaned = re.sub(r"[^\w\s]", " ", text.casefold())
    words = [w for w in cleaned.split() if w not in _NOISE_WORDS]
    kind = None
    while words and words[0] in _TYPE_WORDS:
        kind = _TYPE_WORDS[words.pop(0)]
    return kind, "".join(words)


def _untyped(text: str) -> str:
    """The whole name as one bare name, type words kept ("Kota Baru" -> "kotabaru")."""
    cleaned = re.sub(r"[^\w\s]", " ", text.casefold())
    return "".join(w for w in cleaned.split() if w not in _NOISE_WORDS)


def _kind_of(daerah: Daerah) -> str:
    if daerah.is_provinsi:
        return "provinsi"
    return "kota" if daerah.jenis.startswith("Kota") else "kabupaten"


@dataclass(frozen=True)
class Singkatan:
    """A short name people write for a daerah ("Batola"), with where it comes from."""

    singkatan: str
    kode: str
    sumber: str


class Wilayah:
    """All provinsi and kab/kota with their borders."""

    def __init__(
        self,
        daerah: list[Daerah],
        pairs: list[tuple[str, str, bool]],
        singkatan: Mapping[str, str] | None = None,
    ):
        self._by_code = {d.kode: d for d in daerah}
        # short name (normalized) -> code; unknown codes are left out
        self._alias: dict[str, str] = {}
        for text, kode in (singkatan or {}).items():
            key = _tokens(text)[1]
            if key and kode in self._by_code:
                self._alias[key] = kode
        self._by_name: dict[tuple[str, str], list[Daerah]] = {}
        self._by_bare: dict[str, list[Daerah]] = {}
        for d in daerah:
            typed_kind, bare = _tokens(d.nama)
            kind = "provinsi" if d.is_provinsi else typed_kind or "kabupaten"
            self._by_name.setdefault((kind, bare), []).append(d)
            self._by_bare.setdefault(bare, []).append(d)
        self._neighbours: dict[str, set[str]] = {}
        for a, b, _cross in pairs:
            self._neighbours.setdefault(a, set()).add(b)
            self._neighbours.setdefault(b, set()).add(a)
        self._province_neighbours: dict[str, set[str]] = {}
        for a, b, cross in pairs:
            pa, pb = a.split(".")[0], b.split(".")[0]
            if cross and pa != pb:
                self._province_neighbours.setdefault(pa, set()).add(pb)
                self._province_neighbours.setdefault(pb, set()).add(pa)

    def get(self, kode: str) -> Daerah | None:
        return self._by_code.get(kode.strip())

    def all(self) -> list[Daerah]:
        return list(self._by_code.values())

    def provinsi_of(self, daerah: Daerah) -> Daerah:
        return self._by_code[daerah.kode_provinsi]

    def kabkota_in(self, kode_provinsi: str) -> list[Daerah]:
        return [
            d
            for d in self._by_code.values()
            if not d.is_provinsi and d.kode_provinsi == kode_provinsi
        ]

    def resolve(self, text: str, prefer_provinsi: str | None = None) -> Daerah | None:
        """The daerah a name or code denotes, or None when unknown or ambiguous.

        Case, spacing and type words do not matter ("Kota Banjarbaru", "banjarbaru", "63.72").
        A bare name shared by several daerah ("Banjar") resolves to the one in
        `prefer_provinsi` when exactly one lies there.
        """
        raw = " ".join(text.split())
        if not raw:
            return None
        if _CODE.match(raw):
            return self.get(raw)
        kind, bare = _tokens(raw)
        if not bare:
            return None
        found = self._lookup(kind, bare, prefer_provinsi)
        if found is None and kind is not None and not self._candidates(kind, bare):
            # "Kota Baru": the type word is part of the name (Kabupaten Kotabaru)
            found = self._lookup(None, _untyped(raw), prefer_provinsi)
        return found

    def _candidates(self, kind: str | None, bare: str) -> list[Daerah]:
        if kind is not None:
            return self._by_name.get((kind, bare), [])
        return self._by_bare.get(bare, [])

    def _lookup(self, kind: str | None, bare: str, prefer_provinsi: str | None) -> Daerah | None:
        """An official name first; else a short name ("Batola", "Kalsel") of the right type."""
        candidates = self._candidates(kind, bare)
        if candidates:
            return _pick(candidates, prefer_provinsi)
        kode = self._alias.get(bare)
        daerah = self._by_code.get(kode) if kode else None
        if daerah is not None and (kind is None or kind == _kind_of(daerah)):
            return daerah
        return None

    def with_singkatan(self, extra: Mapping[str, str]) -> Wilayah:
        """The same daerah with more short names (a profile [alias]): they win."""
        copy = object.__new__(Wilayah)
        copy.__dict__.update(self.__dict__)
        copy._alias = dict(self._alias)
        for text, kode in extra.items():
            key = _tokens(text)[1]
            if key and kode in self._by_code:
                copy._alias[key] = kode
        return copy

    def mirip(self, text: str, prefer_provinsi: str | None = None, n: int = 3) -> list[Daerah]:
        """The daerah whose name is closest to a name that resolves to nothing, best first.

        difflib's ratio over names without type words and spaces ("banjarmasn" ~ "banjarmasin"),
        restricted to the type written ("Kota ..."); official names and short names both count.
        Names scoring within 0.03 of the best are all given; none below MIRIP_MIN.
        """
        kind, bare = _tokens(" ".join(text.split()))
        if len(bare) < 3:
            return []
        scored: dict[str, float] = {}
        for key, daerah in self._fuzzy_choices():
            if kind is not None and kind != _kind_of(daerah):
                continue
            matcher = difflib.SequenceMatcher(None, bare, key)
            if matcher.real_quick_ratio() < MIRIP_MIN or matcher.quick_ratio() < MIRIP_MIN:
                continue
            score = matcher.ratio()
            if score >= MIRIP_MIN and score > scored.get(daerah.kode, 0.0):
                scored[daerah.kode] = score
        if not scored:
            return []
        best = max(scored.values())
        ranked = sorted(
            (kode for kode, score in scored.items() if score >= best - 0.03),
            key=lambda k: (-scored[k], self._by_code[k].kode_provinsi != prefer_provinsi, k),
        )
        return [self._by_code[k] for k in ranked[:n]]

    def _fuzzy_choices(self) -> list[tuple[str, Daerah]]:
        choices = [(bare, d) for bare, found in self._by_bare.items() for d in found]
        choices += [(key, self._by_code[kode]) for key, kode in self._alias.items()]
        return choices

    def candidates(self, text: str) -> list[Daerah]:
        """Every daerah a bare name could denote (for messages about ambiguous names)."""
        return list(self._by_bare.get(_tokens(text)[1], []))

    def berbatasan(self, a: Daerah, b: Daerah) -> bool:
        """Whether two daerah border each other for kerja sama wajib.

        kab/kota-kab/kota: a shared land border; a kab/kota always borders its own provinsi;
        provinsi-provinsi: derived from kab/kota pairs that cross the provincial line.
        """
        if a.kode == b.kode:
            return False
        if a.is_provinsi and b.is_provinsi:
            return b.kode in self._province_neighbours.get(a.kode, set())
        if a.is_provinsi != b.is_provinsi:
            prov, kab = (a, b) if a.is_provinsi else (b, a)
            return kab.kode_provinsi == prov.kode
        return b.kode in self._neighbours.get(a.kode, set())

    def pasangan_wajib_sah(self, a: Daerah, b: Daerah) -> bool:
        """Whether the pair is one of the four pair types allowed for kerja sama wajib."""
        return self.berbatasan(a, b)

    def tetangga(self, daerah: Daerah) -> list[Daerah]:
        """Daerah that border `daerah`, kab/kota first then provinsi, by code."""
        if daerah.is_provinsi:
            codes = self._province_neighbours.get(daerah.kode, set())
        else:
            codes = self._neighbours.get(daerah.kode, set()) | {daerah.kode_provinsi}
        found = [self._by_code[c] for c in codes if c in self._by_code]
        return sorted(found, key=lambda d: (d.is_provinsi, d.kode))


def _pick(candidates: list[Daerah], prefer_provinsi: str | None) -> Daerah | None:
    if len(candidates) == 1:
        return candidates[0]
    if prefer_provinsi and candidates:
        local = [d for d in candidates if d.kode_provinsi == prefer_provinsi]
        if len(local) == 1:
            return local[0]
    return None


@cache
def packaged() -> Wilayah:
    daerah = [
        Daerah(r["kode"], r["nama"], r["tingkat"], r["jenis"], r["kode_provinsi"])
        for r in csv.DictReader(io.StringIO(read_text("wilayah.csv")))
    ]
    pairs = [
        (r["kode_a"], r["kode_b"], r["lintas_provinsi"] == "1")
        for r in csv.DictReader(io.StringIO(read_text("berbatasan.csv")))
    ]
    return Wilayah(daerah, pairs, {s.singkatan: s.kode for s in singkatan()})


@cache
def singkatan() -> tuple[Singkatan, ...]:
    """The packaged short names (reference/data/singkatan.csv; not an official list)."""
    rows = csv.DictReader(io.StringIO(read_text("singkatan.csv")))
    return tuple(Singkatan(r["singkatan"], r["kode"], r["sumber"]) for r in rows)
