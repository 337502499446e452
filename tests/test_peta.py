"""Peta kerja sama (issue 16): the SVG's structure, its labels, the inset, the escaping."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from pemetaan_ksd import reference
from pemetaan_ksd.peta import adegan, svg
from pemetaan_ksd.peta.adegan import label_name
from pemetaan_ksd.peta.geometri import Box, clipped
from pemetaan_ksd.peta.isi import IsiPeta, MitraDaerah, MitraLain
from pemetaan_ksd.peta.kelas import KELAS, kelas_of, kelas_shown
from pemetaan_ksd.reference import Wilayah

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = 'PT <Angkasa> & "Pura" \x1b[31m\u202e'


@pytest.fixture(scope="module")
def wilayah() -> Wilayah:
    return reference.load().wilayah


def isi_for(wilayah: Wilayah, kode: str, partners: dict[str, int],
            lain: tuple[MitraLain, ...] = ()) -> IsiPeta:
    daerah = wilayah.get(kode)
    assert daerah is not None
    provinsi = daerah if daerah.is_provinsi else wilayah.provinsi_of(daerah)
    tetangga = tuple(d for d in wilayah.tetangga(daerah) if d.kode != provinsi.kode)
    mitra = []
    for k, n in partners.items():
        found = wilayah.get(k)
        assert found is not None
        mitra.append(MitraDaerah(found, n))
    mitra.sort(key=lambda m: (-m.jumlah, m.daerah.kode))
    return IsiPeta(2025, daerah, provinsi, tetangga, tuple(mitra), lain)


def draw(isi: IsiPeta, wilayah: Wilayah) -> tuple[adegan.Adegan, ET.Element]:
    scene = adegan.susun(isi, wilayah)
    text = svg.render(scene, "PETA KERJA SAMA", "uji")
    return scene, ET.fromstring(text)  # well-formed, whatever the names held


def shapes(root: ET.Element) -> dict[str, ET.Element]:
    found = [e for e in root.iter(f"{NS}path") if "data-kode" in e.attrib]
    codes = [e.attrib["data-kode"] for e in found]
    assert len(codes) == len(set(codes)), "one shape per daerah"
    return dict(zip(codes, found, strict=True))


BANJAR = {"63.72": 3, "63.05": 1, "63": 1}
LAIN = (MitraLain(HOSTILE, "Badan Usaha Berbadan Hukum", 2),
        MitraLain("Kementerian Kesehatan", "Pemerintah Pusat", 1))


def test_one_shape_per_daerah_with_its_role_and_class(wilayah: Wilayah) -> None:
    isi = isi_for(wilayah, "63.03", BANJAR, LAIN)
    _, root = draw(isi, wilayah)
    by_code = shapes(root)
    assert by_code["63.03"].attrib["data-peran"] == "sendiri"
    assert by_code["63.03"].attrib["fill"] == "url(#peta-kerja-sama-arsir)"
    for d in isi.tetangga:
        role = "mitra" if d.kode in BANJAR else "tetangga"
        assert by_code[d.kode].attrib["data-peran"] == role, d.kode
    assert {"63.07", "63.08", "63.09", "63.11"} <= set(by_code)  # the rest of the provinsi
    assert by_code["63.09"].attrib["data-peran"] == "latar"
    assert by_code["62"].attrib["data-peran"] == "provinsi-lain"  # the provinsi around
    # this daerah's provinsi as a partner: a heavy outline, never a fill over its kab/kota
    assert by_code["63"].attrib["data-peran"] == "mitra"
    assert by_code["63"].attrib["fill"] == "none"
    assert "64.71" not in by_code  # Balikpapan: not a partner, not a neighbour, not Kalsel


def test_shading_classes_match_the_counts(wilayah: Wilayah) -> None:
    counts = {"63.72": 12, "63.05": 1, "63.01": 2, "63.04": 4, "63.10": 7, "63.71": 3}
    _, root = draw(isi_for(wilayah, "63.03", counts), wilayah)
    partners = {k: e for k, e in shapes(root).items() if e.attrib["data-peran"] == "mitra"}
    assert set(partners) == set(counts)
    for kode, element in partners.items():
        assert int(element.attrib["data-usulan"]) == counts[kode]
        kelas = kelas_of(counts[kode])
        assert f"kelas-{kelas.nomor}" in element.attrib["class"].split()
        assert element.attrib["fill"] == kelas.warna
    assert [kelas_of(n).nomor for n in (1, 2, 3, 4, 5, 9, 10, 250)] == [1, 2, 3, 3, 4, 4, 5, 5]
    assert kelas_shown([3, 1]) == KELAS[:3] and kelas_shown([12]) == KELAS


def test_palette_gets_darker_step_by_step() -> None:
    """One hue from light to dark: the order survives grey print."""
    def luminance(colour: str) -> float:
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    values = [luminance(k.warna) for k in KELAS]
    assert all(a - b > 15 for a, b in itertools.pairwise(values)), values


def _texts(root: ET.Element) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter(f"{NS}text")]


def test_labels_legend_north_arrow_and_lists(wilayah: Wilayah) -> None:
    isi = isi_for(wilayah, "63.03", BANJAR, LAIN)
    scene, root = draw(isi, wilayah)
    texts = _texts(root)
    assert "Kab. Banjar" in texts
    assert "Kota Banjarbaru (3)" in texts and "Kab. Tapin (1)" in texts
    labelled = {lb.minta.kode for lb in scene.label}
    assert {d.kode for d in isi.tetangga} | {"63.03"} <= labelled  # every one named or numbered
    panel = next(g for g in root.iter(f"{NS}g") if g.attrib.get("class") == "panel-peta")
    legend = ["".join(t.itertext()) for t in panel.iter(f"{NS}text")]
    assert "Keterangan" in legend
    assert "Kab. Banjar (daerah ini)" in legend
    for kelas in KELAS[:3]:
        assert f"mitra dalam {kelas.keterangan}" in legend
    assert any(t.startswith("Kementerian Kesehatan (Pemerintah Pusat): 1") for t in legend)
    arrow = next(g for g in root.iter(f"{NS}g") if g.attrib.get("class") == "arah-utara")
    assert "U" in ["".join(t.itertext()) for t in arrow.iter(f"{NS}text")]
    assert any("Peta tanpa skala" in t for t in texts)


def test_names_from_submissions_are_escaped_and_inert(wilayah: Wilayah) -> None:
    text = svg.render(adegan.susun(isi_for(wilayah, "63.03", BANJAR, LAIN), wilayah), "P", "s")
    assert "PT &lt;Angkasa&gt; &amp; &quot;Pura&quot;" in text
    assert "\x1b" not in text and "\u202e" not in text
    texts = _texts(ET.fromstring(text))
    hostile = next(t for t in texts if t.startswith("PT <Angkasa>"))
    assert "\\u001b[31m" in hostile and "\\u202e" in hostile


def test_labels_never_overlap_in_a_crowded_map(wilayah: Wilayah) -> None:
    """Kota Yogyakarta with many small partners: every label box clear of every other."""
    counts = {"34.04": 12, "34.02": 6, "33.72": 3, "33.71": 2, "34.01": 1, "33.74": 4,
              "34": 5, "33.08": 1, "33.10": 2, "33.06": 1}
    scene, root = draw(isi_for(wilayah, "34.71", counts), wilayah)
    boxes = [lb.box for lb in scene.label]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    frame = scene.proj.frame
    assert all(b.inside(frame) for b in boxes)
    # every partner drawn is named: by a label, or by a number that the panel explains
    named = {lb.minta.kode for lb in scene.label}
    assert {k for k in counts if k != "34"} <= named
    panel_text = " ".join(_texts(root))
    for lb in scene.label:
        if lb.nomor is not None:
            assert f"[{lb.nomor}]" in panel_text


def test_far_partner_goes_to_the_inset_with_a_number(wilayah: Wilayah) -> None:
    scene, root = draw(isi_for(wilayah, "63.03", {"63.72": 3, "35.78": 2}), wilayah)
    assert scene.sisipan is not None
    by_code = shapes(root)
    surabaya = by_code["35.78"]
    assert "jauh" in surabaya.attrib["class"].split() and surabaya.attrib["data-usulan"] == "2"
    number = scene.nomor["35.78"]
    assert f"[{number}] Kota Surabaya: 2 usulan" in _texts(root)
    # the main frame stays on Kalimantan Selatan: Surabaya's latitude is outside it
    assert scene.proj.extent.y0 > -7.2
    # the inset sits clear of the labels of the main map
    assert not any(lb.box.overlaps(scene.sisipan.kotak) for lb in scene.label)


def test_a_provinsi_profile_draws_itself_and_its_neighbours(wilayah: Wilayah) -> None:
    _, root = draw(isi_for(wilayah, "63", {"63.03": 2, "62": 1}), wilayah)
    by_code = shapes(root)
    assert by_code["63"].attrib["data-peran"] == "sendiri"
    assert by_code["62"].attrib["data-peran"] == "mitra"
    assert by_code["62"].attrib["fill"] == kelas_of(1).warna
    assert by_code["64"].attrib["data-peran"] == "tetangga"
    assert by_code["63.03"].attrib["data-peran"] == "mitra"
    assert by_code["63.09"].attrib["fill"] == "none"  # its kab/kota: lines over the hatching


def test_ids_fit_inline_in_a_page(wilayah: Wilayah) -> None:
    """The HTML report shows the SVG as it is: its ids must not meet the page's own."""
    _, root = draw(isi_for(wilayah, "63.03", BANJAR), wilayah)
    ids = [e.attrib["id"] for e in root.iter() if "id" in e.attrib]
    assert ids and all(i.startswith("peta-kerja-sama-") for i in ids)
    assert len(ids) == len(set(ids))
    assert not root.attrib["width"].endswith("%") and "viewBox" in root.attrib


def test_label_names() -> None:
    w = reference.load().wilayah
    names = [label_name(d) for k in ("63.03", "63.72", "31.71", "63") if (d := w.get(k))]
    assert names == ["Kab. Banjar", "Kota Banjarbaru", "Kota Adm. Jakarta Pusat",
                     "Prov. Kalimantan Selatan"]


def test_clipping_keeps_the_part_inside_the_frame() -> None:
    square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)]
    inside = clipped(square, Box(0, 0, 10, 10))
    assert sorted(inside) == [(0.0, 0.0), (0.0, 5.0), (5.0, 0.0), (5.0, 5.0)]
    assert clipped([(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], Box(0, 0, 10, 10)) == []
