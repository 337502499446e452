"""KSD415: whether a partner is one of this daerah's own units, which makes it internal
cooperation, not kerja sama daerah.

A partner is internal when it is an OPD of the profile's list, when a unit word (Dinas,
Puskesmas, UPTD, SD Negeri, ...) is followed by this daerah's name or one of its kecamatan,
or when it is one of its kecamatan. A real partner that merely holds a place name of this
daerah does not start with a unit word (PT Air Minum Intan Banjar, Koperasi ... Martapura), or
names another daerah (Dinas Kesehatan Kota Banjarbaru, a university in Banjarmasin).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pemetaan_ksd.reference import Daerah
from pemetaan_ksd.reference.kecamatan import kecamatan_of
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.mitra import TYPE_WORDS
from pemetaan_ksd.rules.where import per_run

Words = tuple[str, ...]

PERANGKAT_DAERAH = "perangkat daerah"
KECAMATAN = "kecamatan"
# The words that open a unit's name, with what the message calls such a unit.
_UNIT_WORDS: dict[str, tuple[str, ...]] = {
    PERANGKAT_DAERAH: (
        "dinas", "badan", "bagian", "sekretariat daerah", "sekretariat dprd", "setda",
        "inspektorat", "satuan polisi pamong praja", "satpol pp", "bappeda", "bappedalitbang",
        "bpbd", "bkpsdm", "bkd", "bpkad", "bakeuda", "bapenda", "dinkes", "disdik", "dishub",
        "dispar", "dlh", "dpupr", "disdukcapil", "dpmptsp", "diskominfo"),
    "rumah sakit umum daerah": ("rsud", "rumah sakit umum daerah"),
    "puskesmas": ("puskesmas", "pusat kesehatan masyarakat"),
    "unit pelaksana teknis daerah": ("uptd", "upt", "unit pelaksana teknis"),
    KECAMATAN: ("kecamatan", "kec", "camat"),
    "kelurahan": ("kelurahan", "lurah"),
    "sekolah negeri": ("sd negeri", "smp negeri", "sdn", "smpn", "sekolah dasar negeri",
                       "sekolah menengah pertama negeri"),
}
# Schools run by a provinsi (UU 23/2014 Lampiran A): its own units, not a kabupaten's.
_SEKOLAH_PROVINSI = ("sma negeri", "smk negeri", "sman", "smkn", "slb negeri")
# Units of the central government that carry a daerah's name (vertical agencies).
_VERTIKAL = ("badan pusat statistik", "badan pertanahan nasional", "badan narkotika nasional",
             "badan intelijen", "badan pengawas pemilihan umum")


_NON_WORD = re.compile(r"[^\w]+")


def words(text: str) -> Words:
    return tuple(_NON_WORD.sub(" ", text.casefold()).split())


def _find(haystack: Words, needle: Words) -> list[int]:
    n = len(needle)
    return [i for i in range(len(haystack) - n + 1) if haystack[i:i + n] == needle]


@cache
def _unit_words(provinsi: bool) -> tuple[tuple[Words, str], ...]:
    found = [(words(w), label) for label, ws in _UNIT_WORDS.items() for w in ws]
    if provinsi:
        found += [(words(w), "sekolah negeri") for w in _SEKOLAH_PROVINSI]
    return tuple(sorted(found, key=lambda item: -len(item[0])))  # longest first


_VERTIKAL_WORDS = tuple(words(v) for v in _VERTIKAL)


def _opening_unit(text: Words, provinsi: bool) -> tuple[str, Words] | None:
    """(what the unit is, the words after its unit word) when `text` opens with one."""
    if any(text[:len(v)] == v for v in _VERTIKAL_WORDS):
        return None
    for unit, label in _unit_words(provinsi):
        if text[:len(unit)] == unit:
            return label, text[len(unit):]
    return None


def _names_daerah(rest: Words, daerah: Daerah) -> bool:
    """Whether `rest` names `daerah`: its short name, after its own type word or none."""
    others = {w for kind, ws in TYPE_WORDS.items() if kind != daerah.jenis_tingkat for w in ws}
    name = words(daerah.nama_pendek)
    return any(i == 0 or rest[i - 1] not in others for i in _find(rest, name))


def _names_other_daerah(rest: Words, daerah: Daerah) -> bool:
    """Whether a type word (Kota, Kabupaten, Provinsi) in `rest` opens a name not `daerah`'s."""
    name = words(daerah.nama_pendek)
    ours = TYPE_WORDS.get(daerah.jenis_tingkat, ())
    type_words = {w for ws in TYPE_WORDS.values() for w in ws}
    return any(w in type_words and (w not in ours or rest[i + 1:i + 1 + len(name)] != name)
               for i, w in enumerate(rest))


@cache
def _kecamatan(kode: str) -> tuple[Words, ...]:
    return tuple(words(k) for k in kecamatan_of(kode))


def _names_kecamatan(rest: Words, kecamatan: Sequence[Words]) -> bool:
    return any(_find(rest, k) for k in kecamatan)


class _Units:
    """This daerah's own units as words, built once per run: the profile's OPD names by their
    first word, its kecamatan; and each partner's answer, once."""

    def __init__(self, ctx: Context) -> None:
        self.daerah = ctx.daerah
        self.kecamatan = _kecamatan(ctx.daerah.kode)
        self.opd: dict[str, list[Words]] = {}
        for o in ctx.profil.perangkat_daerah:
            name = words(o.nama)
            if name:
                self.opd.setdefault(name[0], []).append(name)
        self.answers: dict[str, str | None] = {}

    def of(self, partner: str) -> str | None:
        if partner not in self.answers:
            if len(self.answers) > 100_000:
                self.answers.clear()
            self.answers[partner] = self._judge(words(partner))
        return self.answers[partner]

    def _judge(self, text: Words) -> str | None:
        if not text:
            return None
        daerah, kecamatan = self.daerah, self.kecamatan
        for name in self.opd.get(text[0], ()):
            if text[:len(name)] == name and (len(text) == len(name)
                                             or _names_daerah(text[len(name):], daerah)):
                return PERANGKAT_DAERAH
        if text in kecamatan:
            return KECAMATAN
        opening = _opening_unit(text, daerah.is_provinsi)
        if opening is None:
            return None
        label, rest = opening
        if _names_daerah(rest, daerah):
            return label
        if _names_other_daerah(rest, daerah):
            return None
        return label if _names_kecamatan(rest, kecamatan) else None


def unit_sendiri(partner: str, ctx: Context) -> str | None:
    """What kind of this daerah's own unit `partner` is ("puskesmas"), or None."""
    return per_run(ctx, "unit_sendiri", _Units).of(partner)
