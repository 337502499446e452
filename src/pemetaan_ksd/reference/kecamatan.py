"""The kecamatan of each kabupaten/kota (Kepmendagri 300.2.2-2138/2025), read on first use."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from functools import cache

from pemetaan_ksd.reference.data import read_text


@cache
def _all() -> dict[str, tuple[str, ...]]:
    by_kabkota: dict[str, list[str]] = defaultdict(list)
    for r in csv.DictReader(io.StringIO(read_text("kecamatan.csv"))):
        by_kabkota[r["kode_kabkota"]].append(r["nama"])
    return {kode: tuple(names) for kode, names in by_kabkota.items()}


def kecamatan_of(kode_kabkota: str) -> tuple[str, ...]:
    """The names of the kecamatan of a kabupaten/kota; () for a provinsi or an unknown code."""
    return _all().get(kode_kabkota, ())
