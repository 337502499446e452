"""The scene: which daerah the map draws, in which role, where, and where their labels go.

The frame holds this daerah's provinsi, its neighbours and every partner daerah (a partner in
another provinsi with a margin of its provinsi around it, so that a reader can place it); every
provinsi the frame reaches is drawn behind, grey, with its name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pemetaan_ksd.peta import sisipan
from pemetaan_ksd.peta.geometri import (
    Box,
    Point,
    Projection,
    area,
    box_around,
    boxed,
    inside_boxed,
    union_all,
)
from pemetaan_ksd.peta.isi import IsiPeta, MitraDaerah
from pemetaan_ksd.peta.label import Label, Permintaan, place
from pemetaan_ksd.reference import Daerah, Wilayah, batas

SENDIRI = "sendiri"  # this daerah
MITRA = "mitra"  # named by accepted usulan
TETANGGA = "tetangga"  # borders this daerah, no accepted usulan
LATAR = "latar"  # another kab/kota of this daerah's provinsi
PROVINSI = "provinsi"  # this daerah's provinsi (outline)
PROVINSI_LAIN = "provinsi-lain"  # another provinsi the frame reaches

MAP_LEFT, MAP_TOP, MAP_WIDTH = 16.0, 72.0, 640.0
MAP_MIN_HEIGHT, MAP_MAX_HEIGHT = 440.0, 600.0
NORTH = Box(MAP_LEFT + MAP_WIDTH - 44, MAP_TOP + 8, MAP_LEFT + MAP_WIDTH - 8, MAP_TOP + 62)
_MARGIN = 0.04  # of the frame's extent, on every side
LETTER_SPACING = 1.0  # of the provinsi names, pixels
_CONTEXT_DEG = 0.25  # around a partner outside this provinsi: some of its provinsi


@dataclass(frozen=True)
class Bentuk:
    """One daerah drawn: its role, the usulan naming it, its outline in pixels."""

    daerah: Daerah
    peran: str
    jumlah: int
    rings: tuple[tuple[Point, ...], ...]
    isi: bool = True  # False: the outline only


@dataclass(frozen=True)
class Adegan:
    isi: IsiPeta
    proj: Projection
    bentuk: tuple[Bentuk, ...]  # in drawing order, one per daerah
    garis: tuple[tuple[tuple[Point, ...], ...], ...]  # provinsi outlines drawn over the rest
    label: tuple[Label, ...]
    sisipan: sisipan.Sisipan | None = None  # the inset of the partners too far for the frame

    @property
    def nomor(self) -> dict[str, int]:
        """The numbers on the map (main frame and inset), by kode."""
        labels = self.label + (self.sisipan.nomor if self.sisipan else ())
        return {lb.minta.kode: lb.nomor for lb in labels if lb.nomor is not None}


def susun(isi: IsiPeta, wilayah: Wilayah) -> Adegan:
    """The scene of `isi`: the frame, the shapes in their roles, the labels placed."""
    extent, far = _extent(isi)
    proj = Projection.fit(extent, MAP_WIDTH, MAP_MAX_HEIGHT, MAP_MIN_HEIGHT, MAP_LEFT, MAP_TOP)
    far = [m for m in far if not _shown_in(m, proj.extent)]
    roles = _roles(isi, {m.daerah.kode for m in far})
    shapes, overlays = _shapes(isi, wilayah, roles, proj)
    reserved = [NORTH]
    if far:
        busy = [box_around(r) for s in shapes if s.peran in (SENDIRI, MITRA, TETANGGA)
                for r in s.rings]
        at = sisipan.corner(proj, sisipan.size(proj, far), busy, NORTH)
        reserved.append(at)
    important, context = _requests(isi, shapes, proj)
    labels = place(important, context, proj.frame, reserved)
    inset = None
    if far:
        numbers = sum(1 for lb in labels if lb.nomor is not None)
        inset = sisipan.susun(proj, far, isi.provinsi.kode, at, numbers + 1)
    return Adegan(isi, proj, tuple(shapes), tuple(overlays), tuple(labels), inset)


def _roles(isi: IsiPeta, far: set[str]) -> dict[str, str]:
    roles = {d.kode: TETANGGA for d in isi.tetangga}
    roles.update({m.daerah.kode: MITRA for m in isi.mitra_daerah if m.daerah.kode not in far})
    roles[isi.daerah.kode] = SENDIRI
    return roles


def _shown_in(mitra: MitraDaerah, extent: Box) -> bool:
    box = _box(mitra.daerah.kode)
    return box is not None and box.inside(extent)


def _box(kode: str) -> Box | None:
    """The box of a daerah's main land: islands under 5 % of its largest one left out (the
    frame may cut them), so that one far islet does not make the map mostly sea."""
    found = batas.get(kode)
    if found is None or not found.cincin:
        return None
    sizes = [area(ring) for ring in found.cincin]
    big = [ring for ring, size in zip(found.cincin, sizes, strict=True)
           if size >= 0.05 * max(sizes)]
    return union_all(box_around(ring) for ring in big)


def _extent(isi: IsiPeta) -> tuple[Box, list[MitraDaerah]]:
    """The degrees the frame must show, and the partners too far to be shown in it.

    The core is this daerah's provinsi and its neighbours; a partner whose middle lies within
    half the core's size (at least 0.75 degree, about 80 km) around it is near, drawn in the
    frame with some of its provinsi; one farther goes to the inset."""
    core_boxes: list[Box] = []
    own = _box(isi.provinsi.kode)
    if own is not None:
        grow = 0.12 if isi.daerah.is_provinsi else 0.0
        core_boxes.append(own.grown(own.width * grow, own.height * grow))
    core_boxes += [b for d in isi.tetangga if not d.is_provinsi and (b := _box(d.kode))]
    if not core_boxes:
        raise ValueError(f"tidak ada garis batas untuk {isi.daerah.kode}")
    core = union_all(core_boxes)
    near = core.grown(max(core.width * 0.5, 0.75), max(core.height * 0.5, 0.75))
    boxes, far = [core], []
    for m in isi.mitra_daerah:
        box = _box(m.daerah.kode)
        if box is None:
            continue
        cx, cy = box.centre
        if not (near.x0 <= cx <= near.x1 and near.y0 <= cy <= near.y1):
            far.append(m)
            continue
        if m.daerah.kode_provinsi != isi.provinsi.kode:
            box = box.grown(_CONTEXT_DEG, _CONTEXT_DEG)
        boxes.append(box)
    extent = union_all(boxes)
    return extent.grown(extent.width * _MARGIN, extent.height * _MARGIN), far


def _provinsi_in_frame(proj: Projection) -> list[str]:
    e = proj.extent
    return sorted(k for k, (w, s, east, n) in batas.kotak_provinsi().items()
                  if Box(w, s, east, n).overlaps(e))


def _shapes(isi: IsiPeta, wilayah: Wilayah, roles: dict[str, str], proj: Projection,
            ) -> tuple[list[Bentuk], list[tuple[tuple[Point, ...], ...]]]:
    own = isi.provinsi.kode
    shapes: list[Bentuk] = []
    overlays = []

    def add(daerah: Daerah | None, peran: str, fill: bool = True) -> None:
        if daerah is None or any(s.daerah.kode == daerah.kode for s in shapes):
            return
        rings = sisipan.pixels(daerah.kode, proj, keep_small=True)
        if rings:
            shapes.append(Bentuk(daerah, peran, isi.jumlah(daerah.kode), rings, fill))

    for kode in _provinsi_in_frame(proj):
        if kode != own:
            add(wilayah.get(kode), roles.get(kode, PROVINSI_LAIN))
            overlays.append(sisipan.pixels(kode, proj, keep_small=True))
    if isi.daerah.is_provinsi:
        add(isi.daerah, SENDIRI)
    for daerah in sorted(wilayah.kabkota_in(own), key=lambda d: d.kode):
        role = roles.get(daerah.kode, LATAR)
        add(daerah, role, fill=not (isi.daerah.is_provinsi and role == LATAR))
    for kode in sorted(roles):
        if kode != own:  # partners and neighbours in other provinsi
            add(wilayah.get(kode), roles[kode])
    if not isi.daerah.is_provinsi:
        add(isi.provinsi, roles.get(own, PROVINSI), fill=False)
    return shapes, overlays


def label_name(daerah: Daerah) -> str:
    """The name on the map: "Kab. Banjar", "Kota Banjarbaru", "Prov. Kalimantan Selatan"."""
    if daerah.is_provinsi:
        return f"Prov. {daerah.nama}"
    prefix = {"Kabupaten": "Kab.", "Kota": "Kota", "Kabupaten Administrasi": "Kab. Adm.",
              "Kota Administrasi": "Kota Adm."}.get(daerah.jenis, daerah.jenis)
    return f"{prefix} {daerah.nama_pendek}"


def _anchor(kode: str, proj: Projection, rings: Sequence[Sequence[Point]]) -> Point:
    """The label point of the data, or the middle of the largest island when it lies outside
    the frame."""
    found = batas.get(kode)
    point = proj.xy(found.pusat) if found is not None else proj.frame.centre
    frame = proj.frame
    if frame.x0 <= point[0] <= frame.x1 and frame.y0 <= point[1] <= frame.y1:
        return point
    largest = max(rings, key=area)
    return box_around(largest).centre


def _grid(rings: Sequence[Sequence[Point]], frame: Box, avoid: Sequence[Bentuk] = (),
          n: int = 7) -> tuple[Point, ...]:
    """Points inside a shape's visible part, middle first, other than inside `avoid` (the
    shapes with labels of their own): the other places a label may go."""
    box = union_all(box_around(r) for r in rings)
    x0, y0 = max(box.x0, frame.x0), max(box.y0, frame.y0)
    x1, y1 = min(box.x1, frame.x1), min(box.y1, frame.y1)
    if x1 <= x0 or y1 <= y0:
        return ()
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    points = [(x0 + (x1 - x0) * (i + 0.5) / n, y0 + (y1 - y0) * (j + 0.5) / n)
              for i in range(n) for j in range(n)]
    mine, others = boxed(rings), [boxed(s.rings) for s in avoid]
    points = [p for p in points if inside_boxed(p, mine)
              and not any(inside_boxed(p, o) for o in others)]
    return tuple(sorted(points, key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2))


def _requests(isi: IsiPeta, shapes: Iterable[Bentuk], proj: Projection,
              ) -> tuple[list[Permintaan], list[Permintaan]]:
    """The labels asked for: important ones (this daerah, partners, neighbours) in order,
    then the context (other kab/kota, the provinsi)."""
    important: list[tuple[tuple[int, int, str], Permintaan]] = []
    context: list[tuple[tuple[int, str], Permintaan]] = []
    shapes = list(shapes)
    named = [s for s in shapes if s.peran in (SENDIRI, TETANGGA) or (s.peran == MITRA and s.isi)]
    for s in shapes:
        kode, name = s.daerah.kode, label_name(s.daerah)
        anchor = _anchor(kode, proj, s.rings)
        others = [o for o in named if o is not s]
        spots = _grid(s.rings, proj.frame, others)
        if s.daerah.is_provinsi and spots:  # a provinsi: named away from its kab/kota
            anchor, spots = spots[0], spots[1:]
        if s.peran == SENDIRI:
            minta = Permintaan(kode, (name,), 12.5, True, anchor, s.rings, True, "l-sendiri",
                               spots)
            important.append(((0, 0, kode), minta))
        elif s.peran == MITRA and s.isi:
            text = (f"{name} ({s.jumlah})",)
            minta = Permintaan(kode, text, 11.0, True, anchor, s.rings, True, "l-mitra", spots)
            important.append(((1, -s.jumlah, kode), minta))
        elif s.peran == TETANGGA:
            minta = Permintaan(kode, (name,), 10.5, False, anchor, s.rings, True, "l-tetangga",
                               spots)
            important.append(((2, 0, kode), minta))
        elif s.peran == LATAR:
            minta = Permintaan(kode, (s.daerah.nama_pendek,), 9.0, False, anchor, s.rings,
                               False, "l-latar")
            context.append(((1, kode), minta))
        else:  # this provinsi's outline, or another provinsi
            caps = s.daerah.nama.upper()
            if s.peran == MITRA:
                caps += f" ({s.jumlah})"
            words = caps.split(" ")
            lines = (" ".join(words[:len(words) // 2]), " ".join(words[len(words) // 2:]))
            spots = _grid(s.rings, proj.frame, named, n=10)
            if spots:  # away from the daerah that have names of their own
                anchor, spots = spots[0], spots[1:]
            minta = Permintaan(kode, (caps,), 10.0, s.peran == MITRA, anchor, s.rings, False,
                               "l-provinsi", spots, lines if len(words) > 1 else (),
                               LETTER_SPACING)
            own = kode == isi.provinsi.kode
            context.append(((0 if own else 2, kode), minta))
    important.sort(key=lambda item: item[0])
    context.sort(key=lambda item: item[0])
    return [m for _, m in important], [m for _, m in context]
