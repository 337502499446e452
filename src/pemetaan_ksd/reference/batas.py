"""Outlines of the daerah for the map (reference/data/batas_<provinsi>.json.gz).

Loaded on first use, one provinsi at a time: the commands that never draw a map (`--help`,
`validasi`) never import this module. Simplified outlines, for pictures and not for measuring;
their MIT notice is `NOTICE_BATAS_WILAYAH.txt` beside the data.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pemetaan_ksd.reference import data as _data

Point = tuple[float, float]  # (bujur, lintang) in degrees: longitude, latitude
Ring = tuple[Point, ...]
NOTICE = "NOTICE_BATAS_WILAYAH.txt"


@dataclass(frozen=True)
class Batas:
    """The outline of one daerah: its rings (islands) and the point for its label."""

    kode: str
    pusat: Point
    cincin: tuple[Ring, ...]

    @property
    def kotak(self) -> tuple[float, float, float, float]:
        """Bounding box (west, south, east, north) in degrees."""
        xs = [x for ring in self.cincin for x, _ in ring]
        ys = [y for ring in self.cincin for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


def _ring(flat: list[int], skala: int) -> Ring:
    """[x0, y0, dx1, dy1, ...] on the grid -> points in degrees."""
    points: list[Point] = []
    x = y = 0
    for i in range(0, len(flat), 2):
        x += flat[i]
        y += flat[i + 1]
        points.append((x / skala, y / skala))
    return tuple(points)


@cache
def provinsi(kode_provinsi: str) -> dict[str, Batas]:
    """Every outline of one provinsi (the provinsi itself and its kab/kota), by kode."""
    name = f"batas_{kode_provinsi}.json.gz"
    path = resources.files(_data.__name__).joinpath(name)
    if not path.is_file():
        return {}
    body = json.loads(gzip.decompress(path.read_bytes()))
    skala = int(body["skala"])
    return {
        kode: Batas(kode, (item["pusat"][0] / skala, item["pusat"][1] / skala),
                    tuple(_ring(flat, skala) for flat in item["cincin"]))
        for kode, item in body["daerah"].items()
    }


@cache
def kotak_provinsi() -> dict[str, tuple[float, float, float, float]]:
    """The bounding box (west, south, east, north) of every provinsi, in degrees."""
    body = json.loads(_data.read_text("batas_kotak.json"))
    skala = float(body["skala"])
    return {kode: (w / skala, s / skala, e / skala, n / skala)
            for kode, (w, s, e, n) in body["kotak"].items()}


def get(kode: str) -> Batas | None:
    """The outline of a provinsi or kab/kota, or None when the data has none."""
    return provinsi(kode.split(".")[0]).get(kode)


def notice() -> str:
    """The source and licence notice that travels with the outlines."""
    return _data.read_text(NOTICE)
