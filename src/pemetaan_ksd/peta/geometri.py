"""The projection and the plane geometry the map needs: boxes, rings, point in polygon.

Projection: equirectangular, x scaled by the cosine of the latitude at the map's centre. Indonesia
lies between about 6 N and 11 S, so over any one map the scale differs by under 2 % from top to
bottom (cos 11 = 0.98): shapes look as on a Mercator map of the same area, with simpler sums.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: in degrees (west, south, east, north) or in pixels."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> Point:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return not (self.x1 + gap <= other.x0 or other.x1 + gap <= self.x0
                    or self.y1 + gap <= other.y0 or other.y1 + gap <= self.y0)

    def inside(self, other: Box) -> bool:
        return (self.x0 >= other.x0 and self.y0 >= other.y0
                and self.x1 <= other.x1 and self.y1 <= other.y1)

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.y0, other.y0),
                   max(self.x1, other.x1), max(self.y1, other.y1))

    def grown(self, dx: float, dy: float) -> Box:
        return Box(self.x0 - dx, self.y0 - dy, self.x1 + dx, self.y1 + dy)


def box_around(points: Iterable[Point]) -> Box:
    xs, ys = zip(*points, strict=True)
    return Box(min(xs), min(ys), max(xs), max(ys))


def union_all(boxes: Iterable[Box]) -> Box:
    found: Box | None = None
    for box in boxes:
        found = box if found is None else found.union(box)
    if found is None:
        raise ValueError("no box")
    return found


@dataclass(frozen=True)
class Projection:
    """Degrees -> pixels for one map: `extent` (degrees) fills `frame` (pixels), centred."""

    extent: Box  # degrees
    frame: Box  # pixels
    scale: float  # pixels per degree of latitude
    coslat: float

    @classmethod
    def fit(cls, extent: Box, width: float, max_height: float, min_height: float,
            left: float, top: float) -> Projection:
        """The projection of `extent` into a frame `width` wide, as tall as the shape asks
        (within `min_height` .. `max_height`)."""
        coslat = math.cos(math.radians((extent.y0 + extent.y1) / 2))
        ground_w = max(extent.width * coslat, 1e-6)
        ground_h = max(extent.height, 1e-6)
        height = min(max(width * ground_h / ground_w, min_height), max_height)
        scale = min(width / ground_w, height / ground_h)
        frame = Box(left, top, left + width, top + height)
        # widen the extent to fill the frame, around its centre
        cx, cy = extent.centre
        half_w = width / scale / coslat / 2
        half_h = height / scale / 2
        return cls(Box(cx - half_w, cy - half_h, cx + half_w, cy + half_h), frame, scale, coslat)

    def xy(self, point: Point) -> Point:
        lng, lat = point
        return (self.frame.x0 + (lng - self.extent.x0) * self.coslat * self.scale,
                self.frame.y0 + (self.extent.y1 - lat) * self.scale)

    def ring(self, ring: Sequence[Point]) -> list[Point]:
        return [self.xy(p) for p in ring]


def inside_ring(point: Point, ring: Sequence[Point]) -> bool:
    """Even-odd rule: whether `point` lies inside the closed `ring`."""
    x, y = point
    found = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            found = not found
        j = i
    return found


def inside_any(point: Point, rings: Sequence[Sequence[Point]]) -> bool:
    return any(inside_ring(point, r) for r in rings)


Boxed = list[tuple[Box, Sequence[Point]]]


def boxed(rings: Sequence[Sequence[Point]]) -> Boxed:
    """Each ring with the box around it, for many `inside_boxed` questions about them."""
    return [(box_around(r), r) for r in rings]


def inside_boxed(point: Point, rings: Boxed) -> bool:
    """inside_any, asking only the rings whose box holds the point (most do not)."""
    x, y = point
    return any(b.x0 <= x <= b.x1 and b.y0 <= y <= b.y1 and inside_ring(point, r)
               for b, r in rings)


def area(ring: Sequence[Point]) -> float:
    """The ring's area (shoelace), whatever its direction."""
    total = 0.0
    for i in range(len(ring)):
        x0, y0 = ring[i - 1]
        x1, y1 = ring[i]
        total += x0 * y1 - x1 * y0
    return abs(total) / 2


def thinned(ring: Sequence[Point], step: float = 0.5) -> list[Point]:
    """The ring without points closer than `step` pixels to the last one kept."""
    kept: list[Point] = []
    for x, y in ring:
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= step:
            kept.append((x, y))
    return kept


def path_data(rings: Iterable[Sequence[Point]]) -> str:
    """SVG path data for closed rings, one decimal (a tenth of a pixel); rings that shrink
    under three points at this size are left out."""
    parts = []
    for ring in rings:
        points = thinned(ring)
        if len(points) < 3:
            continue
        parts.append("M" + " ".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
    return "".join(parts)


def clipped(ring: Sequence[Point], box: Box) -> list[Point]:
    """The part of a ring inside `box` (Sutherland-Hodgman): what the frame shows, drawn
    without an SVG clip path (which costs a renderer a mask as large as the picture)."""
    points = list(ring)
    edges = ((0, box.x0, 1.0), (0, box.x1, -1.0), (1, box.y0, 1.0), (1, box.y1, -1.0))
    for axis, limit, side in edges:
        if not points:
            break
        kept: list[Point] = []
        previous = points[-1]
        for current in points:
            cur_in = (current[axis] - limit) * side >= 0
            prev_in = (previous[axis] - limit) * side >= 0
            if cur_in != prev_in:
                kept.append(_crossing(previous, current, axis, limit))
            if cur_in:
                kept.append(current)
            previous = current
        points = kept
    return points


def _crossing(a: Point, b: Point, axis: int, limit: float) -> Point:
    t = (limit - a[axis]) / (b[axis] - a[axis])
    x = a[0] + (b[0] - a[0]) * t
    y = a[1] + (b[1] - a[1]) * t
    return (limit, y) if axis == 0 else (x, limit)
