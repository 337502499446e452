"""The rekap as inline SVG bar charts: usulan per bidang urusan (stacked by kind of
cooperation) and per kind.

Geometry only, from the konsolidasi's `rekap_urusan` (the table behind the workbook's `Rekap
Urusan`); the template draws it. Positions are percentages of the chart's width, so the chart
fills a phone as well as a desktop while its text keeps its size. Each bar's label sits above
it, so long names of bidang urusan never need a column of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pemetaan_ksd.contract import JENIS_KERJA_SAMA
from pemetaan_ksd.records import Records
from pemetaan_ksd.rekap import kolom_jumlah

ROW_HEIGHT = 44  # px: a line of label, then the bar
BAR_TOP = 20  # px below the row's top
BAR_HEIGHT = 16
LONGEST = 82.0  # percent of the width for the largest value: room for its number after it


@dataclass(frozen=True)
class Segmen:
    """One kind's part of a bar."""

    jenis: str
    kelas: str  # css class giving its colour: "jenis-0" .. "jenis-5"
    nilai: int
    x: float  # percent
    lebar: float  # percent


@dataclass(frozen=True)
class Batang:
    label: str
    kunci: str  # what the bar stands for, for tests and tools: a bidang code or a kind
    nilai: int
    segmen: tuple[Segmen, ...]
    ujung: float  # percent: where the bar ends, and its number starts
    y: int  # px: the row's top


@dataclass(frozen=True)
class Grafik:
    id: str
    judul: str
    batang: tuple[Batang, ...]
    legenda: tuple[tuple[str, str], ...]  # (kind, css class), the kinds drawn
    tinggi: int  # px

    @property
    def ringkas(self) -> str:
        """The chart as one sentence, for screen readers and text browsers."""
        return "; ".join(f"{b.label}: {b.nilai}" for b in self.batang) + "."


def kelas_jenis(jenis: str) -> str:
    return f"jenis-{JENIS_KERJA_SAMA.index(jenis)}"


def rekap_charts(rekap_urusan: Records) -> list[Grafik]:
    """Both charts, or none when no usulan entered the list."""
    records = rekap_urusan.dicts()
    if not records:
        return []
    return [_per_bidang(records), _per_jenis(records)]


def jumlah_per_jenis(records: list[dict[str, Any]]) -> dict[str, int]:
    """Each kind's count over every bidang: the JUMLAH row of the workbook's `Rekap Urusan`."""
    return {j: sum(int(r[kolom_jumlah(j)]) for r in records) for j in JENIS_KERJA_SAMA}


def _per_bidang(records: list[dict[str, Any]]) -> Grafik:
    top = max(int(r["jumlah"]) for r in records)
    bars = []
    for index, r in enumerate(records):
        parts = [(j, int(r[kolom_jumlah(j)])) for j in JENIS_KERJA_SAMA]
        kode = r["kode_bidang_urusan"] or ""
        label = " ".join(str(p) for p in (kode, r["bidang_urusan"]) if p) or \
            "Tanpa kode bidang urusan"
        bars.append(_bar(label, kode or "-", int(r["jumlah"]), parts, top, index))
    drawn = {s.jenis for b in bars for s in b.segmen}
    return Grafik("grafik-bidang", "Usulan dalam daftar per bidang urusan, menurut jenis kerja "
                  "sama", tuple(bars), _legend(drawn), _height(bars))


def _per_jenis(records: list[dict[str, Any]]) -> Grafik:
    totals = jumlah_per_jenis(records)
    top = max(totals.values())
    bars = [_bar(j, j, n, [(j, n)], top, index) for index, (j, n) in enumerate(totals.items())]
    return Grafik("grafik-jenis", "Usulan dalam daftar per jenis kerja sama", tuple(bars),
                  _legend(set()), _height(bars))


def _bar(label: str, kunci: str, nilai: int, parts: list[tuple[str, int]], top: int,
         index: int) -> Batang:
    scale = LONGEST / top if top else 0.0
    x, segmen = 0.0, []
    for jenis, n in parts:
        if n <= 0:
            continue
        width = round(n * scale, 3)
        segmen.append(Segmen(jenis, kelas_jenis(jenis), n, round(x, 3), width))
        x += width
    return Batang(label, kunci, nilai, tuple(segmen), round(x, 3), index * ROW_HEIGHT)


def _legend(drawn: set[str]) -> tuple[tuple[str, str], ...]:
    return tuple((j, kelas_jenis(j)) for j in JENIS_KERJA_SAMA if j in drawn)


def _height(bars: list[Batang]) -> int:
    return len(bars) * ROW_HEIGHT + 4
