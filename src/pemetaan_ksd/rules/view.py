"""What a rule sees: the run's context and one data row with its values normalized."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pemetaan_ksd import contract
from pemetaan_ksd.contract import COLUMN_BY_KEY, JENIS_MITRA_DAERAH, KSDD, Kind
from pemetaan_ksd.model import CellValue, DataRow
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.reference import Daerah, Referensi
from pemetaan_ksd.values import (
    content_of,
    is_error,
    is_placeholder_word,
    match_choice,
    parse_amount,
    parse_code,
    parse_year,
    split_multi,
    text_of,
)


@dataclass(frozen=True)
class Konteks:
    """Everything a check needs besides the submission: profile, reference data, target year."""

    profil: Profil
    referensi: Referensi
    tahun: int

    @classmethod
    def from_profile(cls, profil: Profil, tahun: int | None = None) -> Konteks:
        return cls(profil, profil.referensi(), tahun if tahun is not None else profil.tahun)

    @property
    def daerah(self) -> Daerah:
        return self.profil.daerah

    @property
    def versi(self) -> str:
        return self.referensi.nomenklatur.versi


@dataclass(frozen=True)
class Mitra:
    """The daerah a partner denotes, or why it could not be known (a KSD402 variant)."""

    daerah: Daerah | None
    masalah: str | None = None  # "tidak_dikenal", "ambigu", "kode", "tidak_cocok"
    kandidat: tuple[Daerah, ...] = ()
    dari_nama: Daerah | None = None
    dari_kode: bool = False


_TYPE_WORDS = {
    "provinsi": ("provinsi", "prov", "propinsi", "pemprov"),
    "kabupaten": ("kabupaten", "kab", "pemkab"),
    "kota": ("kota", "pemkot"),
}


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w]+", " ", text.casefold()).split()


def mentions(text: str, daerah: Daerah) -> bool:
    """Whether `text` names `daerah` with its type word ("Dinas PUPR Kab. Banjar")."""
    words = _words(text)
    bare = _words(daerah.nama_pendek)
    kinds = _TYPE_WORDS.get(daerah.jenis_tingkat, ())
    n = len(bare)
    return any(w in kinds and words[i + 1:i + 1 + n] == bare for i, w in enumerate(words))


class RowView:
    """One data row as the rules read it: positions, raw text and normalized values."""

    def __init__(self, row: DataRow, letters: Mapping[str, str], first_cell: str,
                 ctx: Konteks):
        self.excel_row = row.excel_row
        self.values: Mapping[str, CellValue] = row.values
        self.letters = letters
        self.first_cell = first_cell
        self._texts = {key: content_of(value) for key, value in row.values.items()}
        self.choices: dict[str, str | None] = {
            c.key: match_choice(row.values.get(c.key), c.choices)[0]
            for c in contract.COLUMNS if c.kind is Kind.CHOICE
        }
        self.codes: dict[str, str | None] = {
            c.key: None if self.blank(c.key) else parse_code(row.values.get(c.key))
            for c in contract.COLUMNS if c.kind is Kind.CODE
        }
        self.sumber_pendanaan = split_multi(row.values.get("sumber_pendanaan"),
                                            contract.SUMBER_PENDANAAN)[0]
        self.tahun_mulai = parse_year(row.values.get("tahun_mulai"))
        self.tahun_selesai = parse_year(row.values.get("tahun_selesai"))
        self.anggaran = parse_amount(row.values.get("anggaran"))
        self.mitra = resolve_mitra(self, ctx)

    def raw(self, key: str) -> CellValue:
        return self.values.get(key)

    def text(self, key: str) -> str | None:
        """The cell's text; None when empty or a spreadsheet error."""
        return self._texts.get(key)

    def shown(self, key: str) -> str | None:
        """The value as the clerk sees it, error values included (for Finding.value)."""
        return text_of(self.values.get(key))

    def is_error(self, key: str) -> bool:
        return is_error(self.values.get(key))

    def choice(self, key: str) -> str | None:
        return self.choices.get(key)

    def code(self, key: str) -> str | None:
        return self.codes.get(key)

    def blank(self, key: str) -> bool:
        """Empty, or a placeholder ("-") in a column that is not free substantive text."""
        text = self.text(key)
        if text is None:
            return True
        if COLUMN_BY_KEY[key].kind is Kind.SUBSTANTIVE or self._readable(key):
            return False
        return is_placeholder_word(text)

    def _readable(self, key: str) -> bool:
        kind = COLUMN_BY_KEY[key].kind
        raw = self.values.get(key)
        if kind is Kind.CHOICE:
            return self.choices.get(key) is not None
        if kind is Kind.AMOUNT:
            return parse_amount(raw) is not None
        if kind is Kind.YEAR:
            return parse_year(raw) is not None
        return False

    def cell(self, key: str) -> str:
        """The real cell of `key` in this row ("J9"); the first cell when the column is absent."""
        letter = self.letters.get(key)
        return f"{letter}{self.excel_row}" if letter else self.first_cell

    def header(self, key: str) -> str:
        return COLUMN_BY_KEY[key].header

    def nama_mitra(self) -> str:
        """How messages name the partner: official daerah name, else as written."""
        if self.mitra is not None and self.mitra.daerah is not None:
            return self.mitra.daerah.nama_lengkap
        return self.text("calon_mitra") or "calon mitra"


def resolve_mitra(view: RowView, ctx: Konteks) -> Mitra | None:
    """The daerah partner of a row; None when the partner is not meant to be a daerah.

    Kode Wilayah Mitra wins when given; a name that resolves to another daerah is reported as
    a mismatch. A name that mentions this daerah itself ("Dinas PUPR Kabupaten Banjar") is
    internal cooperation.
    """
    name = None if view.blank("calon_mitra") else view.text("calon_mitra")
    kode = view.code("kode_wilayah_mitra")
    expects = (view.choice("jenis_kerja_sama") in KSDD
               or view.choice("jenis_mitra") in JENIS_MITRA_DAERAH or kode is not None)
    if not expects:
        return None
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
    return Mitra(None, "ambigu" if len(kandidat) > 1 else "tidak_dikenal", kandidat)
