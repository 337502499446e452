"""Packaged reference data and the lookups the rules use."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pemetaan_ksd.errors import NomenklaturError
from pemetaan_ksd.reference import nomenklatur as _nomenklatur
from pemetaan_ksd.reference import wilayah as _wilayah
from pemetaan_ksd.reference.data import read_text, sumber
from pemetaan_ksd.reference.nomenklatur import Entry, Level, Nomenklatur
from pemetaan_ksd.reference.wilayah import Daerah, Singkatan, Wilayah
from pemetaan_ksd.reference.wilayah import singkatan as wilayah_singkatan

__all__ = [
    "BidangUrusan",
    "Daerah",
    "Entry",
    "Level",
    "Nomenklatur",
    "NomenklaturError",
    "Referensi",
    "Singkatan",
    "Wilayah",
    "bidang_urusan",
    "load",
    "sumber",
    "wilayah_singkatan",
]


@dataclass(frozen=True)
class BidangUrusan:
    kode: str
    nama: str  # official
    nama_singkat: str  # for dropdowns: "Kesehatan"

    @property
    def pilihan(self) -> str:
        """The dropdown text: `1.02 - Kesehatan`."""
        return f"{self.kode} - {self.nama_singkat}"

    @property
    def objek_kerja_sama(self) -> bool:
        """Only the 32 concurrent bidang (1.01-3.32) can be objects of cooperation."""
        return self.kode[:1] in {"1", "2", "3"}


@cache
def bidang_urusan() -> tuple[BidangUrusan, ...]:
    rows = csv.DictReader(io.StringIO(read_text("bidang_urusan.csv")))
    return tuple(BidangUrusan(r["kode"], r["nama"], r["nama_singkat"]) for r in rows)


@dataclass(frozen=True)
class Referensi:
    """Everything a check needs to know about codes and daerah, for one run."""

    nomenklatur: Nomenklatur
    wilayah: Wilayah

    def bidang(self, kode: str) -> BidangUrusan | None:
        return next((b for b in bidang_urusan() if b.kode == kode), None)


@cache
def _packaged_nomenklatur() -> Nomenklatur:
    return _nomenklatur.packaged()


def load(
    nomenklatur_file: Path | None = None,
    versi: str | None = None,
    alias: tuple[tuple[str, str], ...] = (),
) -> Referensi:
    """The packaged reference data, or a newer nomenclature file when the profile names one.

    `alias`: short names of daerah a profile adds to the packaged ones ("Kukar" -> "64.02").
    """
    nomen = (
        _nomenklatur.load_file(nomenklatur_file, versi)
        if nomenklatur_file is not None
        else _packaged_nomenklatur()
    )
    return Referensi(nomen, _wilayah_with(alias))


@cache
def _wilayah_with(alias: tuple[tuple[str, str], ...]) -> Wilayah:
    packaged = _wilayah.packaged()
    return packaged.with_singkatan(dict(alias)) if alias else packaged
