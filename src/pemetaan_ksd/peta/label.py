"""Labels that do not collide: greedy placement with boxes, leader lines and numbered callouts.

In order of importance (this daerah, the partners by number of usulan, the neighbours), each
label goes inside its shape when it fits there; the ones that do not fit try places around
their shape, joined to it by a leader line; a label that finds no free place becomes a number
on the map, named in the list beside it. Context labels (the other kab/kota, the provinsi)
come last and are left out where they would collide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pemetaan_ksd.peta import teks
from pemetaan_ksd.peta.geometri import Box, Point, inside_any

LINE = 1.2  # line height, in font sizes
PAD = 2.0  # room around a label's text, pixels
CALLOUT_R = 7.5
_DIRECTIONS = [(math.cos(math.radians(a)), -math.sin(math.radians(a)))
               for a in (0, 180, 45, -45, 135, -135, 90, -90)]
_DISTANCES = (8.0, 20.0, 36.0, 56.0)


@dataclass(frozen=True)
class Permintaan:
    """A label asked for."""

    kode: str
    baris: tuple[str, ...]  # its lines
    size: float
    bold: bool
    anchor: Point  # where it belongs, in pixels (the daerah's label point)
    rings: Sequence[Sequence[Point]]  # the daerah's outline, in pixels
    penting: bool  # True: a leader line or a number when it does not fit inside
    gaya: str  # the SVG class of the text
    kandidat: tuple[Point, ...] = ()  # other points inside the shape to try (large provinsi)
    baris_lain: tuple[str, ...] = ()  # the same name on more lines, tried when `baris` fits nowhere
    spasi: float = 0.0  # letter spacing, pixels


@dataclass(frozen=True)
class Label:
    minta: Permintaan
    x: float  # centre of the text block
    y: float
    box: Box
    garis: tuple[Point, Point] | None = None  # leader line: from the shape to the label
    nomor: int | None = None  # a numbered callout: the name is listed beside the map


def text_box(minta: Permintaan, centre: Point) -> Box:
    w = max(teks.width(line, minta.size, minta.bold) + len(line) * minta.spasi
            for line in minta.baris) + 2 * PAD
    h = len(minta.baris) * minta.size * LINE + PAD
    return Box(centre[0] - w / 2, centre[1] - h / 2, centre[0] + w / 2, centre[1] + h / 2)


class Placer:
    """Places labels one at a time, each clear of those already placed."""

    def __init__(self, frame: Box, reserved: Sequence[Box] = ()) -> None:
        self.frame = frame.grown(-2, -2)
        self.taken: list[Box] = list(reserved)
        self.placed: list[Label] = []
        self.callouts = 0

    def free(self, box: Box, gap: float = 1.5) -> bool:
        return box.inside(self.frame) and not any(box.overlaps(t, gap) for t in self.taken)

    def _take(self, label: Label) -> Label:
        self.taken.append(label.box)
        self.placed.append(label)
        return label

    def inside(self, minta: Permintaan) -> Label | None:
        """The label inside its shape, at its point or one of the other points offered, on
        its lines or else on its other lines."""
        forms = [minta] + ([replace(minta, baris=minta.baris_lain)] if minta.baris_lain else [])
        for form in forms:
            for centre in (form.anchor, *form.kandidat):
                box = text_box(form, centre)
                if self.free(box) and _box_in_shape(box, form.rings):
                    return self._take(Label(form, *centre, box))
        return None

    def outside(self, minta: Permintaan, avoid: Sequence[Point] = ()) -> Label | None:
        """The label beside its shape with a leader line, not covering the points `avoid`."""
        base = text_box(minta, (0.0, 0.0))
        ax, ay = minta.anchor
        for distance in _DISTANCES:
            for dx, dy in _DIRECTIONS:
                centre = (ax + dx * (distance + base.width / 2),
                          ay + dy * (distance + base.height / 2))
                box = text_box(minta, centre)
                if not self.free(box) or any(_in(p, box.grown(3, 3)) for p in avoid):
                    continue
                end = _nearest_on(box, minta.anchor)
                if self._line_clear(minta.anchor, end):
                    return self._take(Label(minta, *centre, box, garis=(minta.anchor, end)))
        return None

    def callout(self, minta: Permintaan) -> Label:
        """A number in a circle at the shape's point (or just beside it), always placed."""
        self.callouts += 1
        r = CALLOUT_R
        ax, ay = minta.anchor
        spots = [(ax, ay)] + [(ax + dx * 2.4 * r, ay + dy * 2.4 * r) for dx, dy in _DIRECTIONS]
        for centre in spots:
            box = Box(centre[0] - r, centre[1] - r, centre[0] + r, centre[1] + r)
            if self.free(box, gap=0.5):
                line = None if centre == (ax, ay) else (minta.anchor, _nearest_on(box, (ax, ay)))
                return self._take(Label(minta, *centre, box, garis=line, nomor=self.callouts))
        box = Box(ax - r, ay - r, ax + r, ay + r)
        return self._take(Label(minta, ax, ay, box, nomor=self.callouts))

    def _line_clear(self, start: Point, end: Point) -> bool:
        for i in range(1, 10):
            t = i / 10
            point = (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
            if any(_in(point, box) for box in self.taken):
                return False
        return True


def place(important: Sequence[Permintaan], context: Sequence[Permintaan], frame: Box,
          reserved: Sequence[Box] = ()) -> list[Label]:
    """Every important label placed (inside, beside with a line, or as a number), then the
    context labels that fit."""
    placer = Placer(frame, reserved)
    left = [m for m in important if placer.inside(m) is None]
    anchors = [m.anchor for m in important]
    late = []
    for minta in left:
        others = [a for a in anchors if a != minta.anchor]
        if placer.outside(minta, others) is None:
            late.append(minta)
    for minta in late:
        placer.callout(minta)
    for minta in context:
        placer.inside(minta)
    return placer.placed


def _box_in_shape(box: Box, rings: Sequence[Sequence[Point]]) -> bool:
    inset = box.grown(-1, -1)
    points = [(inset.x0, inset.y0), (inset.x1, inset.y0), (inset.x0, inset.y1),
              (inset.x1, inset.y1), inset.centre, ((inset.x0 + inset.x1) / 2, inset.y0),
              ((inset.x0 + inset.x1) / 2, inset.y1)]
    return all(inside_any(p, rings) for p in points)


def _in(point: Point, box: Box) -> bool:
    return box.x0 <= point[0] <= box.x1 and box.y0 <= point[1] <= box.y1


def _nearest_on(box: Box, point: Point) -> Point:
    """The point of `box`'s edge nearest to `point` (outside it)."""
    return (min(max(point[0], box.x0), box.x1), min(max(point[1], box.y0), box.y1))
