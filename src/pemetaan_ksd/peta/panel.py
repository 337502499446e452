"""The panel beside the map: the legend, the partner daerah, the partners that are not daerah."""

from __future__ import annotations

from pemetaan_ksd.peta import teks
from pemetaan_ksd.peta.adegan import (
    LATAR,
    MITRA,
    PROVINSI,
    PROVINSI_LAIN,
    SENDIRI,
    TETANGGA,
    Adegan,
    label_name,
)
from pemetaan_ksd.peta.gaya import FILL, PARTNER_PROVINSI_STROKE, STROKE
from pemetaan_ksd.peta.kelas import kelas_shown
from pemetaan_ksd.peta.xml import Attrs, el, text

LEFT, WIDTH = 676.0, 308.0
TOP = 72.0
SWATCH_W, SWATCH_H = 22.0, 13.0
MAX_ROWS = 18  # partners listed by name; the rest counted in one line
NOTE = ("Peta tanpa skala, untuk gambaran letak saja. Proyeksi ekuirektangular (bujur dikali "
        "cos lintang tengah peta). Garis batas disederhanakan menurut Kepmendagri "
        "300.2.2-2430/2025, dari cahyadsn/wilayah_boundaries (lisensi MIT): untuk gambar, "
        "bukan untuk pengukuran. Hanya usulan yang diterima yang digambar.")
_SMALL: Attrs = {"font-size": 10.5, "fill": "#1f2937"}
_HEAD: Attrs = {"font-size": 11.5, "font-weight": "bold", "fill": "#1f2937"}


class _Column:
    """Lines of the panel, one under another."""

    def __init__(self) -> None:
        self.y = TOP + 4
        self.parts: list[str] = []

    def heading(self, body: str) -> None:
        self.y += 14
        self.parts.append(text(LEFT, self.y, body, dict(_HEAD)))
        self.y += 6

    def line(self, body: str, indent: float = 0.0, bold: bool = False) -> None:
        style: Attrs = dict(_SMALL)
        if bold:
            style["font-weight"] = "bold"
        for i, part in enumerate(teks.wrap(body, 10.5, WIDTH - indent - 4, bold)):
            self.y += 13.5
            self.parts.append(text(LEFT + indent + (10 if i else 0), self.y, part, style))

    def swatch(self, fill: str, stroke: str, width: float, body: str) -> None:
        self.y += 5
        self.parts.append(el("rect", {"x": LEFT, "y": self.y, "width": SWATCH_W,
                                      "height": SWATCH_H, "fill": fill, "stroke": stroke,
                                      "stroke-width": width}))
        top = self.y
        self.y -= 3
        self.line(body, indent=SWATCH_W + 8)
        self.y = max(self.y, top + SWATCH_H)


def render(adegan: Adegan) -> tuple[str, float]:
    """The panel's SVG and the y of its last line."""
    isi = adegan.isi
    col = _Column()
    col.heading("Keterangan")
    shown = {s.peran for s in adegan.bentuk}
    col.swatch(FILL[SENDIRI], *STROKE[SENDIRI], f"{label_name(isi.daerah)} (daerah ini)")
    for kelas in kelas_shown([m.jumlah for m in isi.mitra_daerah]):
        col.swatch(kelas.warna, "#404040", 0.8, f"mitra dalam {kelas.keterangan}")
    if TETANGGA in shown:
        col.swatch(FILL[TETANGGA], *STROKE[TETANGGA], "berbatasan, belum ada usulan")
    if LATAR in shown and isi.daerah.is_provinsi:
        col.swatch("none", *STROKE[LATAR], "batas kabupaten/kota")
    elif LATAR in shown:
        col.swatch(FILL[LATAR], "#a0a0a0", 0.8, f"daerah lain di {label_name(isi.provinsi)}")
    col.swatch(FILL[PROVINSI_LAIN], "#a0a0a0", 0.8, "provinsi lain")
    own = next((s for s in adegan.bentuk if s.peran == MITRA and not s.isi), None)
    if own is not None:
        col.swatch("none", *PARTNER_PROVINSI_STROKE, f"{label_name(own.daerah)}: mitra dalam "
                   f"{own.jumlah} usulan (garis tebal)")
    elif any(s.peran == PROVINSI for s in adegan.bentuk):
        col.swatch("none", *STROKE[PROVINSI], f"batas {label_name(isi.provinsi)}")
    col.line("(3): jumlah usulan yang diterima yang menyebut daerah itu")
    _partners(col, adegan)
    _others(col, adegan)
    return el("g", {"class": "panel-peta"}, "".join(col.parts)), col.y


def _partners(col: _Column, adegan: Adegan) -> None:
    numbers = adegan.nomor
    mitra = adegan.isi.mitra_daerah
    col.heading(f"Mitra daerah ({sum(m.jumlah for m in mitra)} usulan)")
    for m in mitra[:MAX_ROWS]:
        mark = f"[{numbers[m.daerah.kode]}] " if m.daerah.kode in numbers else ""
        col.line(f"{mark}{m.daerah.nama_lengkap}: {m.jumlah} usulan")
    rest = mitra[MAX_ROWS:]
    if rest:
        col.line(f"dan {len(rest)} daerah lain: {sum(m.jumlah for m in rest)} usulan")
    if numbers:
        col.line("[n]: nomor pada peta, untuk daerah yang terlalu kecil untuk namanya"
                 + (" atau yang jauh (peta kecil)" if adegan.sisipan else ""))


def _others(col: _Column, adegan: Adegan) -> None:
    lain = adegan.isi.mitra_lain
    col.heading(f"Mitra bukan daerah ({sum(m.jumlah for m in lain)} usulan)")
    if not lain:
        col.line("tidak ada")
    for m in lain[:MAX_ROWS]:
        jenis = f" ({m.jenis})" if m.jenis else ""
        col.line(f"{m.nama}{jenis}: {m.jumlah} usulan")
    rest = lain[MAX_ROWS:]
    if rest:
        col.line(f"dan {len(rest)} mitra lain: {sum(m.jumlah for m in rest)} usulan")


def description(adegan: Adegan) -> str:
    """What the map shows, in one paragraph (the SVG's <desc>, for screen readers)."""
    isi = adegan.isi
    mitra = "; ".join(f"{m.daerah.nama_lengkap} {m.jumlah} usulan" for m in isi.mitra_daerah)
    tetangga = ", ".join(d.nama_lengkap for d in isi.tetangga)
    lain = "; ".join(f"{m.nama} {m.jumlah} usulan" for m in isi.mitra_lain) or "tidak ada"
    return (f"{isi.daerah.nama_lengkap}, daerah yang berbatasan ({tetangga or 'tidak ada'}), "
            f"dan mitra daerah pada usulan yang diterima untuk tahun {isi.tahun}: {mitra}. "
            f"Mitra bukan daerah: {lain}.")
