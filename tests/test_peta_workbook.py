"""Peta kerja sama in `gabung`'s workbook, its packaged outlines, and a start-up without them."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pemetaan_ksd import api
from pemetaan_ksd.merge import Konsolidasi
from pemetaan_ksd.peta import peta_kerja_sama, png
from pemetaan_ksd.records import Records
from pemetaan_ksd.reference import batas, sumber
from pemetaan_ksd.write.workbook import rekap_mitra
from pemetaan_ksd.write.workbook.writer import write_workbook

ROOT = Path(__file__).resolve().parents[1]
PROVENANCE = ROOT.parent / "shared" / "reference" / "PROVENANCE.md"
MAP_MODULES = ("pemetaan_ksd.peta", "pemetaan_ksd.reference.batas", "resvg_py")


@pytest.fixture(scope="module")
def merged(demo_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> api.MergeRun:
    """`gabung masuk/ --pilih-terbaru` over the worked example."""
    out = tmp_path_factory.mktemp("peta") / "gabungan.xlsx"
    profil = api.open_profile(demo_folder / "ksd.toml")
    inbox = sorted((demo_folder / "masuk").glob("*.xlsx"))
    return api.merge(inbox, out, profil, pilih_terbaru=True)


def _sheet_part(book: zipfile.ZipFile, name: str) -> str:
    """The worksheet part (xl/worksheets/sheetN.xml) of the sheet called `name`."""
    workbook = book.read("xl/workbook.xml").decode()
    rels = book.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet name="{name}" sheetId="\d+" r:id="(rId\d+)"', workbook)
    assert rid is not None
    target = re.search(rf'Id="{rid.group(1)}" Type="[^"]+" Target="([^"]+)"', rels)
    assert target is not None
    return "xl/" + target.group(1)


def _images_of_sheet(path: Path, name: str) -> list[bytes]:
    with zipfile.ZipFile(path) as book:
        part = _sheet_part(book, name)
        rels_name = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
        if rels_name not in book.namelist():
            return []
        drawings = re.findall(r'Type="[^"]+/drawing" Target="\.\./drawings/([^"]+)"',
                              book.read(rels_name).decode())
        images = []
        for drawing in drawings:
            rels = book.read(f"xl/drawings/_rels/{drawing}.rels").decode()
            for media in re.findall(r'Target="\.\./media/([^"]+\.png)"', rels):
                images.append(book.read(f"xl/media/{media}"))
        return images


def test_gabung_puts_the_map_on_rekap_mitra(merged: api.MergeRun) -> None:
    images = _images_of_sheet(merged.output, rekap_mitra.SHEET)
    assert len(images) == 1
    image = images[0]
    assert image.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(image[16:20], "big")
    assert width == 1500  # drawn at 1.5 times its 1,000 px, shown at its own
    assert _images_of_sheet(merged.output, "Daftar Rencana") == []
    ws = load_workbook(merged.output)[rekap_mitra.SHEET]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("Peta kerja sama: Kabupaten Banjar") for t in texts)


def test_the_map_shows_only_accepted_partners(merged: api.MergeRun) -> None:
    """Kota Balikpapan (KSDD Wajib, not bordering) is rejected by KSD401: never on the map."""
    kons = merged.konsolidasi
    assert kons is not None
    peta = peta_kerja_sama(kons, api.open_profile(ROOT / "examples" / "demo-pemetaan-ksd"
                                                  / "ksd.toml"))
    assert peta.svg is not None
    codes = set(re.findall(r'<path d="[^"]*" data-kode="([^"]+)" data-peran="mitra"', peta.svg))
    accepted = {k for k in kons.rekap_mitra["kode_wilayah_mitra"] if isinstance(k, str) and k}
    assert codes == accepted and "64.71" not in codes
    rejected = set(kons.perlu_perbaikan["nilai"].dropna().astype(str))
    assert "Kota Balikpapan" in rejected


def _without_daerah_partners(kons: Konsolidasi) -> Konsolidasi:
    mitra = kons.tables.rekap_mitra
    at = mitra.columns.index("kode_wilayah_mitra")
    keep = Records(mitra.columns, [r for r in mitra.rows if not (isinstance(r[at], str) and r[at])])
    return Konsolidasi(kons.tahun, dataclasses.replace(kons.tables, rekap_mitra=keep),
                       kons.rekonsiliasi, kons.status)


def test_no_daerah_partner_no_image_a_sentence(merged: api.MergeRun, tmp_path: Path) -> None:
    assert merged.konsolidasi is not None
    kons = _without_daerah_partners(merged.konsolidasi)
    profil = api.open_profile(ROOT / "examples" / "demo-pemetaan-ksd" / "ksd.toml")
    out = write_workbook(tmp_path / "tanpa_peta.xlsx", kons, merged.report, profil)
    assert _images_of_sheet(out, rekap_mitra.SHEET) == []
    ws = load_workbook(out)[rekap_mitra.SHEET]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("Peta kerja sama tidak digambar: belum ada usulan") for t in texts)
    assert "Kementerian Kesehatan" in texts  # the table itself is whole


def test_a_failing_renderer_leaves_the_workbook_whole(
        merged: api.MergeRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(svg: str, zoom: float = 1.5) -> bytes:
        raise png.PetaError("resvg gagal menggambar peta: uji")

    monkeypatch.setattr(png, "render", broken)
    assert merged.konsolidasi is not None
    profil = api.open_profile(ROOT / "examples" / "demo-pemetaan-ksd" / "ksd.toml")
    out = write_workbook(tmp_path / "gagal.xlsx", merged.konsolidasi, merged.report, profil)
    assert _images_of_sheet(out, rekap_mitra.SHEET) == []
    book = load_workbook(out)
    assert rekap_mitra.SHEET in book.sheetnames and "Info" in book.sheetnames
    texts = [c.value for row in book[rekap_mitra.SHEET].iter_rows() for c in row
             if isinstance(c.value, str)]
    assert any("tidak dapat digambar di buku kerja ini: resvg gagal" in t for t in texts)


def test_every_daerah_has_an_outline_and_the_notice_travels() -> None:
    wilayah = api.open_profile(None).referensi().wilayah
    missing = [d.kode for d in wilayah.all() if batas.get(d.kode) is None]
    assert missing == []
    banjar = batas.get("63.03")
    assert banjar is not None
    west, south, east, north = banjar.kotak
    assert west < banjar.pusat[0] < east and south < banjar.pusat[1] < north
    notice = batas.notice()
    assert "MIT License" in notice and "Copyright (c) 2024 Cahya DSN" in notice
    assert "The above copyright notice and this permission notice" in notice
    recorded = sumber()["batas_wilayah"]
    assert "MIT" in recorded["lisensi"]
    if PROVENANCE.exists():  # the shared folder beside the repository
        source = PROVENANCE.parent / "batas_wilayah_2025.geojson"
        assert recorded["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()


def test_the_outlines_stay_small() -> None:
    """The budget: 250 KB for the outlines of all 38 provinsi and 514 kab/kota."""
    data = Path(batas.__file__).parent / "data"
    size = sum(p.stat().st_size for p in data.glob("batas_*"))
    assert size < 250_000, size


def _imported(*argv: str, cwd: Path) -> set[str]:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "pemetaan_ksd", *argv],
                          capture_output=True, text=True, cwd=cwd, check=False, timeout=120)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in done.stderr.splitlines()
            if line.startswith("import time:")}


def test_help_and_validasi_do_not_load_the_map(demo_folder: Path) -> None:
    """Start-up unchanged: neither `--help` nor `validasi` imports the map or its data."""
    for argv in (("--help",), ("validasi", "masuk/dlh_usulan_ksd_2025.xlsx")):
        modules = _imported(*argv, cwd=demo_folder)
        assert "pemetaan_ksd.cli.app" in modules  # the measurement itself works
        loaded = [m for m in modules if m.startswith(MAP_MODULES)]
        assert loaded == [], (argv, loaded)


def test_a_picture_stopped_midway_leaves_no_child_and_no_file(
        merged: api.MergeRun) -> None:
    """Rendering forks a child that ends with its picture; stopping the run kills it."""
    assert merged.konsolidasi is not None
    profil = api.open_profile(ROOT / "examples" / "demo-pemetaan-ksd" / "ksd.toml")
    svg = peta_kerja_sama(merged.konsolidasi, profil).svg
    assert svg is not None
    pending = png.Rendering(svg)
    made = Path(pending._path) if pending._path else None
    pending.close()
    assert pending._pid == 0 and (made is None or not made.exists())
    again = png.Rendering(svg)
    assert again.png().startswith(b"\x89PNG\r\n\x1a\n")
    again.close()
    assert not again._path or not Path(again._path).exists()


def test_the_map_from_the_years_records_is_the_map_from_the_tables(
        merged: api.MergeRun) -> None:
    """gabung draws the map from daftar_tahun's records, before pandas makes the tables: the
    partners, their counts and the picture are those of Rekap Mitra."""
    from pemetaan_ksd.daftar_tahun import daftar_tahun, mitra_records
    from pemetaan_ksd.peta import _peta, peta_tahun

    assert merged.konsolidasi is not None
    kons = merged.konsolidasi
    profil = api.open_profile(ROOT / "examples" / "demo-pemetaan-ksd" / "ksd.toml")
    daftar = daftar_tahun(merged.report, profil.referensi(), kons.tahun)
    keys = ["mitra", "kode_wilayah_mitra", "jenis_mitra", "jumlah"]
    from_tables = list(kons.rekap_mitra[keys].itertuples(index=False, name=None))
    from_records = [tuple(r[k] for k in keys) for r in mitra_records(daftar)]
    assert from_records == from_tables and len(from_tables) > 3
    wilayah = profil.referensi().wilayah
    drawn = _peta(kons.tahun, from_tables, profil, wilayah)  # drawn anew, not remembered
    assert peta_tahun(daftar, profil).svg == drawn.svg is not None
