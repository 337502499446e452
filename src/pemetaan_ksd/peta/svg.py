"""The scene as one SVG: the map in its frame, the north arrow, the notes, the panel beside.

Plain text building (peta/xml.py escapes every name). Each daerah drawn is one `<path>` with
`data-kode`, `data-peran` and, for a partner, `data-usulan` and the class `kelas-N` of its
shading. Styles are presentation attributes, so that any renderer (a browser, resvg, an
office program) draws the same picture; ids start with `peta-` so that the SVG can sit inline
in an HTML page.
"""

from __future__ import annotations

from pemetaan_ksd.peta import panel, teks
from pemetaan_ksd.peta.adegan import LETTER_SPACING, MITRA, NORTH, PROVINSI_LAIN, Adegan, Bentuk
from pemetaan_ksd.peta.gaya import FILL, HATCH_ID, PARTNER_PROVINSI_STROKE, STROKE
from pemetaan_ksd.peta.geometri import path_data
from pemetaan_ksd.peta.kelas import kelas_of
from pemetaan_ksd.peta.label import CALLOUT_R, Label
from pemetaan_ksd.peta.sisipan import Sisipan
from pemetaan_ksd.peta.xml import Attrs, el, esc, text

WIDTH = 1000.0
SEA = "#e6eff7"  # pale blue: land and sea apart, on screen and in print
TITLE_STYLE: Attrs = {"font-size": 16.0, "font-weight": "bold", "fill": "#1f2937"}
HALO: Attrs = {"stroke": "#ffffff", "stroke-width": 3.0, "stroke-linejoin": "round",
        "paint-order": "stroke", "fill": "#111111", "text-anchor": "middle"}
LABEL_STYLE: dict[str, Attrs] = {"l-sendiri": {}, "l-mitra": {}, "l-tetangga": {},
               "l-latar": {"fill": "#666666"},
               "l-provinsi": {"fill": "#555555", "letter-spacing": LETTER_SPACING}}


def render(adegan: Adegan, judul: str, sub: str) -> str:
    """The whole SVG document (no XML declaration: it can sit inline in HTML)."""
    side, side_bottom = panel.render(adegan)
    note, note_bottom = _note(adegan)
    height = max(note_bottom, side_bottom) + 12
    frame = adegan.proj.frame
    body = [
        el("title", {"id": "peta-kerja-sama-judul"}, esc(f"{judul} {sub}")),
        el("desc", {"id": "peta-kerja-sama-uraian"}, esc(panel.description(adegan))),
        _defs(),
        el("rect", {"x": 0.0, "y": 0.0, "width": WIDTH, "height": height, "fill": "#ffffff"}),
        text(frame.x0, 28.0, judul, dict(TITLE_STYLE)),
        text(frame.x0, 48.0, sub, {"font-size": 12.0, "fill": "#374151"}),
        el("g", {"class": "peta-bingkai"}, _map(adegan)),
        el("rect", {"x": frame.x0, "y": frame.y0, "width": frame.width,
                    "height": frame.height, "fill": "none", "stroke": "#595959",
                    "stroke-width": 1.0}),
        _north(),
        note,
        side,
    ]
    head: Attrs = {"xmlns": "http://www.w3.org/2000/svg", "width": WIDTH, "height": height,
                   "viewBox": f"0 0 {WIDTH:g} {height:g}", "role": "img",
                   "aria-labelledby": "peta-kerja-sama-judul peta-kerja-sama-uraian",
                   "class": "peta-kerja-sama", "font-family": teks.FONT_FAMILY,
                   "style": "max-width:100%;height:auto"}  # inline in a page: as wide as it
    return el("svg", head, "\n".join(body)) + "\n"


def _defs() -> str:
    hatch = el("pattern", {"id": HATCH_ID, "patternUnits": "userSpaceOnUse", "width": 6.0,
                           "height": 6.0, "patternTransform": "rotate(45)"},
               el("rect", {"width": 6.0, "height": 6.0, "fill": "#fde0b2"})
               + el("line", {"x1": 0.0, "y1": 0.0, "x2": 0.0, "y2": 6.0, "stroke": "#b35806",
                             "stroke-width": 2.2}))
    return el("defs", {}, hatch)


def fill_of(shape: Bentuk) -> str:
    if not shape.isi:
        return "none"
    if shape.peran == MITRA:
        return kelas_of(shape.jumlah).warna
    return FILL[shape.peran]


def _shape(shape: Bentuk) -> str:
    stroke, width = STROKE.get(shape.peran, STROKE[MITRA])
    classes = [shape.peran]
    values: Attrs = {
        "d": path_data(shape.rings), "data-kode": shape.daerah.kode, "data-peran": shape.peran,
        "data-nama": shape.daerah.nama_lengkap}
    if shape.peran == MITRA:
        classes.append(f"kelas-{kelas_of(shape.jumlah).nomor}")
        values["data-usulan"] = str(shape.jumlah)
        if not shape.isi:  # this daerah's provinsi, a partner: a heavy outline
            stroke, width = PARTNER_PROVINSI_STROKE
    values.update({"class": " ".join(classes), "fill": fill_of(shape), "stroke": stroke,
                   "stroke-width": width, "stroke-linejoin": "round"})
    return el("path", values, el("title", {}, esc(_tooltip(shape))))


def _tooltip(shape: Bentuk) -> str:
    if shape.peran == MITRA:
        return f"{shape.daerah.nama_lengkap}: {shape.jumlah} usulan"
    return shape.daerah.nama_lengkap


def _map(adegan: Adegan) -> str:
    frame = adegan.proj.frame
    parts = [el("rect", {"x": frame.x0, "y": frame.y0, "width": frame.width,
                         "height": frame.height, "fill": SEA})]
    filled = [s for s in adegan.bentuk if s.isi]
    outlines = [s for s in adegan.bentuk if not s.isi]
    parts += [_shape(s) for s in filled]
    parts += [el("path", {"d": path_data(rings), "fill": "none", "stroke": "#7a7a7a",
                          "stroke-width": 0.9, "class": "garis-provinsi"})
              for rings in adegan.garis]
    parts += [_shape(s) for s in outlines]
    parts += [_leader(label) for label in adegan.label if label.garis]
    parts += [_label(label) for label in adegan.label]
    if adegan.sisipan is not None:
        parts.append(_inset(adegan.sisipan))
    return "\n".join(parts)


def _inset(inset: Sisipan) -> str:
    """The small map of the far partners: white box, provinsi, the main frame, numbers."""
    box, frame = inset.kotak, inset.proj.frame
    parts = [el("rect", {"x": box.x0, "y": box.y0, "width": box.width, "height": box.height,
                         "fill": "#ffffff", "stroke": "#595959", "stroke-width": 1.0}),
             text(box.x0 + 4, box.y0 + 11, "Mitra yang jauh dari peta utama",
                  {"font-size": 9.5, "font-weight": "bold", "fill": "#1f2937"})]
    parts += [el("path", {"d": path_data(rings), "fill": FILL[PROVINSI_LAIN],
                          "stroke": "#a0a0a0", "stroke-width": 0.4}) for rings in inset.latar]
    parts.append(el("path", {"d": path_data(inset.provinsi), "fill": "#ffffff",
                             "stroke": "#262626", "stroke-width": 0.9}))
    b = inset.bingkai
    parts.append(el("rect", {"x": b.x0, "y": b.y0, "width": b.width, "height": b.height,
                             "fill": "none", "stroke": "#b35806", "stroke-width": 1.2,
                             "stroke-dasharray": "3 2", "class": "bingkai-utama"}))
    for mitra, rings in inset.mitra:
        shape = Bentuk(mitra.daerah, MITRA, mitra.jumlah, rings)
        parts.append(_shape(shape).replace('class="mitra ', 'class="mitra jauh ', 1))
    parts += [_leader(label) for label in inset.nomor if label.garis]
    parts += [_label(label) for label in inset.nomor]
    parts.append(el("rect", {"x": frame.x0, "y": frame.y0, "width": frame.width,
                             "height": frame.height, "fill": "none", "stroke": "#bfbfbf",
                             "stroke-width": 0.6}))
    return el("g", {"class": "sisipan"}, "\n".join(parts))


def _leader(label: Label) -> str:
    assert label.garis is not None
    (x0, y0), (x1, y1) = label.garis
    return (el("line", {"x1": x0, "y1": y0, "x2": x1, "y2": y1, "stroke": "#333333",
                        "stroke-width": 0.8, "class": "garis-penunjuk"})
            + el("circle", {"cx": x0, "cy": y0, "r": 1.8, "fill": "#333333"}))


def _label(label: Label) -> str:
    minta = label.minta
    common = {"class": f"label {minta.gaya}", "data-kode": minta.kode}
    if label.nomor is not None:
        circle = el("circle", {"cx": label.x, "cy": label.y, "r": CALLOUT_R, "fill": "#ffffff",
                               "stroke": "#222222", "stroke-width": 1.0})
        number = text(label.x, label.y + 3.4, str(label.nomor), {
            "font-size": 9.5, "font-weight": "bold", "text-anchor": "middle",
            "fill": "#111111"})
        return el("g", {**common, "class": "label nomor", "data-nomor": str(label.nomor)},
                  circle + number)
    style: Attrs = {**HALO, **LABEL_STYLE[minta.gaya],
                                            "font-size": minta.size, **common}
    if minta.bold:
        style["font-weight"] = "bold"
    lines = minta.baris
    top = label.y - (len(lines) - 1) * minta.size * 0.6
    return "".join(text(label.x, top + i * minta.size * 1.2 + minta.size * 0.35, line, style)
                   for i, line in enumerate(lines))


def _north() -> str:
    cx = (NORTH.x0 + NORTH.x1) / 2
    top = NORTH.y0
    arrow = el("path", {"d": f"M{cx:g} {top + 16:g}L{cx + 9:g} {top + 46:g}L{cx:g} {top + 39:g}Z",
                        "fill": "#1a1a1a"})
    hollow = el("path", {"d": f"M{cx:g} {top + 16:g}L{cx - 9:g} {top + 46:g}L{cx:g} {top + 39:g}Z",
                         "fill": "#ffffff", "stroke": "#1a1a1a", "stroke-width": 1.0})
    letter = text(cx, top + 12, "U", {"font-size": 13.0, "font-weight": "bold",
                                      "text-anchor": "middle", "fill": "#1a1a1a"})
    return el("g", {"class": "arah-utara", "aria-label": "arah utara"}, arrow + hollow + letter)


def _note(adegan: Adegan) -> tuple[str, float]:
    frame = adegan.proj.frame
    lines = teks.wrap(panel.NOTE, 9.5, frame.width)
    y = frame.y1 + 16
    parts = [text(frame.x0, y + i * 12.5, line, {"font-size": 9.5, "fill": "#4b5563"})
             for i, line in enumerate(lines)]
    return el("g", {"class": "catatan-peta"}, "".join(parts)), y + (len(lines) - 1) * 12.5
