"""The inset: where the partners too far for the main frame lie.

A partner far from this daerah (Kota Surabaya for a kabupaten in Kalimantan Selatan) would
shrink the main map until its own kota are dots. It is drawn instead in a small map in a
corner of the frame, with this daerah's provinsi, the provinsi around, a box for the main
frame, and a number for each far partner (named, with its usulan, in the panel).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pemetaan_ksd.peta.geometri import Box, Point, Projection, box_around, clipped, union_all
from pemetaan_ksd.peta.isi import MitraDaerah
from pemetaan_ksd.peta.label import Label, Permintaan, Placer
from pemetaan_ksd.reference import batas

WIDTH, MAX_HEIGHT, MIN_HEIGHT = 230.0, 180.0, 90.0
_PAD = 6.0  # between the inset and the main frame's edge
_TITLE = 15.0  # room for the inset's title above its map

Rings = tuple[tuple[Point, ...], ...]


@dataclass(frozen=True)
class Sisipan:
    proj: Projection
    kotak: Box  # the whole inset (title and map), in the main picture's pixels
    latar: tuple[Rings, ...]  # the provinsi the inset reaches
    provinsi: Rings  # this daerah's provinsi
    bingkai: Box  # the main frame's extent, in the inset's pixels
    mitra: tuple[tuple[MitraDaerah, Rings], ...]  # the far partners' shapes
    nomor: tuple[Label, ...]  # the far partners' numbers


def size(main: Projection, far: Sequence[MitraDaerah]) -> Projection:
    """The inset's projection at (0, 0): main frame and far partners, with some margin."""
    boxes = [main.extent] + [Box(*b.kotak) for m in far if (b := batas.get(m.daerah.kode))]
    extent = union_all(boxes)
    extent = extent.grown(extent.width * 0.06, extent.height * 0.06)
    return Projection.fit(extent, WIDTH, MAX_HEIGHT, MIN_HEIGHT, 0.0, 0.0)


def corner(main: Projection, inset: Projection, busy: Sequence[Box], taken: Box) -> Box:
    """The corner of the main frame where the inset covers the least of `busy` (the shapes
    that carry names), other than the north arrow's."""
    w, h = inset.frame.width, inset.frame.height + _TITLE
    f = main.frame
    corners = [Box(f.x0 + _PAD, f.y1 - _PAD - h, f.x0 + _PAD + w, f.y1 - _PAD),
               Box(f.x1 - _PAD - w, f.y1 - _PAD - h, f.x1 - _PAD, f.y1 - _PAD),
               Box(f.x0 + _PAD, f.y0 + _PAD, f.x0 + _PAD + w, f.y0 + _PAD + h),
               Box(f.x1 - _PAD - w, f.y0 + _PAD, f.x1 - _PAD, f.y0 + _PAD + h)]
    corners = [c for c in corners if not c.overlaps(taken)]
    return min(corners, key=lambda c: sum(_overlap(c, b) for b in busy))


def _overlap(a: Box, b: Box) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def susun(main: Projection, far: Sequence[MitraDaerah], kode_provinsi: str, at: Box,
          first_number: int) -> Sisipan:
    """The inset in the box `at`, its far partners numbered from `first_number`."""
    sized = size(main, far)
    proj = Projection.fit(sized.extent, WIDTH, MAX_HEIGHT, MIN_HEIGHT, at.x0, at.y0 + _TITLE)
    latar = []
    for kode, (w, s, e, n) in sorted(batas.kotak_provinsi().items()):
        if kode != kode_provinsi and Box(w, s, e, n).overlaps(proj.extent):
            latar.append(pixels(kode, proj))
    x0, y1 = proj.xy((main.extent.x0, main.extent.y0))
    x1, y0 = proj.xy((main.extent.x1, main.extent.y1))
    mitra = tuple((m, pixels(m.daerah.kode, proj, keep_small=True)) for m in far)
    placer = Placer(proj.frame)
    placer.callouts = first_number - 1
    for m, rings in mitra:
        found = batas.get(m.daerah.kode)
        point = proj.xy(found.pusat) if found is not None else proj.frame.centre
        placer.callout(Permintaan(m.daerah.kode, (m.daerah.nama_lengkap,), 9.0, False, point,
                                  rings, True, "l-mitra"))
    return Sisipan(proj, at, tuple(latar), pixels(kode_provinsi, proj), Box(x0, y0, x1, y1),
                   mitra, tuple(placer.placed))


def pixels(kode: str, proj: Projection, keep_small: bool = False) -> Rings:
    """The outline of `kode` in `proj`'s pixels, clipped to its frame; islands under a pixel
    or two left out, unless `keep_small` (the main map, and a far partner in the inset, are
    drawn however small they come out)."""
    found = batas.get(kode)
    if found is None:
        return ()
    rings = []
    for ring in found.cincin:
        points = proj.ring(ring)
        box = box_around(points)
        if (keep_small or box.width + box.height >= 1.5) and box.overlaps(proj.frame):
            inside = clipped(points, proj.frame)
            if len(inside) >= 3:
                rings.append(tuple(inside))
    return tuple(rings)
