"""Lookups over the packaged reference data."""

from __future__ import annotations

from pathlib import Path

import pytest

from pemetaan_ksd import reference
from pemetaan_ksd.reference import Level, NomenklaturError
from pemetaan_ksd.reference.nomenklatur import kegiatan_level_digit, level_of_shape, parent_code

BANJAR_NEIGHBOURS = ["63.01", "63.02", "63.04", "63.05", "63.06", "63.10", "63.71", "63.72", "63"]


@pytest.fixture(scope="module")
def ref() -> reference.Referensi:
    return reference.load()


def test_banjar_has_its_eight_neighbours_and_its_province(ref: reference.Referensi) -> None:
    banjar = ref.wilayah.get("63.03")
    assert banjar is not None
    assert [d.kode for d in ref.wilayah.tetangga(banjar)] == BANJAR_NEIGHBOURS
    assert ref.wilayah.provinsi_of(banjar).nama_lengkap == "Provinsi Kalimantan Selatan"


@pytest.mark.parametrize(
    "text",
    [
        "Kota Banjarbaru",
        "Banjarbaru",
        "KOTA BANJARBARU",
        " kota   banjarbaru ",
        "63.72",
        "Pemkot Banjarbaru",
    ],
)
def test_resolve_is_case_spacing_and_prefix_insensitive(
    ref: reference.Referensi, text: str
) -> None:
    found = ref.wilayah.resolve(text)
    assert found is not None and found.kode == "63.72"


def test_ambiguous_bare_name_prefers_the_profile_province(ref: reference.Referensi) -> None:
    assert ref.wilayah.resolve("Banjar") is None  # Kabupaten Banjar and Kota Banjar
    local = ref.wilayah.resolve("Banjar", prefer_provinsi="63")
    assert local is not None and local.kode == "63.03"
    assert {d.kode for d in ref.wilayah.candidates("Banjar")} == {"63.03", "32.79"}
    kota = ref.wilayah.resolve("Kota Banjar")
    assert kota is not None and kota.kode == "32.79"


def test_unknown_names_and_codes_do_not_resolve(ref: reference.Referensi) -> None:
    assert ref.wilayah.resolve("Kota Atlantis") is None
    assert ref.wilayah.resolve("99.99") is None
    assert ref.wilayah.resolve("") is None


def test_province_resolves_by_name_with_or_without_prefix(ref: reference.Referensi) -> None:
    for text in ("Kalimantan Selatan", "Provinsi Kalimantan Selatan", "Prov. Kalimantan Selatan"):
        found = ref.wilayah.resolve(text)
        assert found is not None and found.kode == "63"


def test_borders(ref: reference.Referensi) -> None:
    w = ref.wilayah
    banjar, banjarbaru, balikpapan = w.get("63.03"), w.get("63.72"), w.get("64.71")
    kalsel, kaltim, jatim = w.get("63"), w.get("64"), w.get("35")
    kaltim_kab = w.get("64.01")
    assert None not in (banjar, banjarbaru, balikpapan, kalsel, kaltim, jatim, kaltim_kab)
    assert w.berbatasan(banjar, banjarbaru) and w.berbatasan(banjarbaru, banjar)  # type: ignore[arg-type]
    assert not w.berbatasan(banjar, balikpapan)  # type: ignore[arg-type]
    assert w.berbatasan(banjar, kalsel) and w.berbatasan(kalsel, banjar)  # type: ignore[arg-type]
    assert not w.berbatasan(kaltim_kab, kalsel)  # type: ignore[arg-type]  # not its own province
    assert w.berbatasan(kalsel, kaltim)  # type: ignore[arg-type]  # derived from kab/kota pairs
    assert not w.berbatasan(kalsel, jatim)  # type: ignore[arg-type]
    assert not w.berbatasan(banjar, banjar)  # type: ignore[arg-type]


def test_code_shapes_levels_and_parents(ref: reference.Referensi) -> None:
    n = ref.nomenklatur
    assert level_of_shape("1.02") is Level.BIDANG_URUSAN
    assert level_of_shape("1.02.02.2.01.0001") is Level.SUB_KEGIATAN
    assert level_of_shape("1.2.2") is None
    assert parent_code("1.02.02.2.01") == "1.02.02"
    assert parent_code("1.02.02.2.01.0001") == "1.02.02.2.01"
    assert kegiatan_level_digit("1.01.02.1.02") == "1"
    assert n.level("1.02.02.2.01") is Level.KEGIATAN
    assert n.name("2.11.11.2.01") == "Pengelolaan Sampah"
    parent = n.parent("2.11.11.2.01")
    assert parent is not None and parent.kode == "2.11.11"
    assert "9.99.99.2.01" not in n
    assert n.versi == "Kepmendagri 900.1.15.5-1317/2023"


def test_packaged_counts_match_the_sources(ref: reference.Referensi) -> None:
    assert len(ref.nomenklatur.entries(Level.KEGIATAN)) == 725
    assert len(ref.nomenklatur.entries(Level.SUB_KEGIATAN)) == 3468
    assert sum(1 for d in ref.wilayah.all() if d.is_provinsi) == 38
    assert sum(1 for d in ref.wilayah.all() if not d.is_provinsi) == 514
    bidang = {b.kode: b for b in reference.bidang_urusan()}
    assert bidang["1.02"].pilihan == "1.02 - Kesehatan"
    assert sum(1 for b in bidang.values() if b.objek_kerja_sama) == 32
    assert reference.sumber()["wilayah"]["instrumen"] == "Kepmendagri 300.2.2-2138/2025"


def test_newer_nomenclature_from_csv_and_xlsx(tmp_path: Path) -> None:
    import openpyxl

    csv_file = tmp_path / "baru.csv"
    csv_file.write_text(
        "Kode;Uraian\n1.02;KESEHATAN\n1.02.02;PROGRAM X\n1.02.02.2.09;Kegiatan Baru\n"
    )
    ref = reference.load(csv_file, "Kepmendagri 900.1-2850/2025")
    assert ref.nomenklatur.versi == "Kepmendagri 900.1-2850/2025"
    assert ref.nomenklatur.name("1.02.02.2.09") == "Kegiatan Baru"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["kode", "nama"])
    sheet.append(["3.27.03.2.01", "Kegiatan Pertanian"])
    book.save(tmp_path / "baru.xlsx")
    from_xlsx = reference.load(tmp_path / "baru.xlsx")
    assert from_xlsx.nomenklatur.versi == "baru"
    assert "3.27.03.2.01" in from_xlsx.nomenklatur


def test_nomenclature_without_kegiatan_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "salah.csv"
    bad.write_text("kode,nama\nabc,def\n")
    with pytest.raises(NomenklaturError, match="kegiatan"):
        reference.load(bad)


# --- short names, prefixes, spacing and the closest name (issue 11.1) ----------------------


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("Pemko Banjarmasin", "63.71"),
        ("Kot. Banjarmasin", "63.71"),
        ("Pemko Banjarbaru", "63.72"),
        ("Kota Banjar Baru", "63.72"),
        ("Prov. Kalsel", "63"),
        ("Pemprov Kalsel", "63"),
        ("Batola", "63.04"),
        ("Kabupaten HSS", "63.06"),
        ("HST", "63.07"),
        ("HSU", "63.08"),
        ("Tala", "63.01"),
        ("Tanbu", "63.10"),
        ("Kota Baru", "63.02"),
        ("Palangka Raya", "62.71"),
        ("Kukar", "64.02"),
        ("Kaltim", "64"),
        ("Jabar", "32"),
        ("Jateng", "33"),
        ("Jatim", "35"),
        ("DKI", "31"),
        ("DIY", "34"),
        ("NTB", "52"),
        ("NTT", "53"),
        ("Sulsel", "73"),
        ("Sumut", "12"),
        ("Babel", "19"),
        ("Kepri", "21"),
    ],
)
def test_short_names_and_prefixes_resolve(ref: reference.Referensi, text: str, kode: str) -> None:
    found = ref.wilayah.resolve(text, prefer_provinsi="63")
    assert found is not None and found.kode == kode


def test_every_provinsi_resolves_with_a_prefix_and_most_by_a_short_name(
    ref: reference.Referensi,
) -> None:
    provinsi = [d for d in ref.wilayah.all() if d.is_provinsi]
    assert len(provinsi) == 38
    for d in provinsi:
        assert ref.wilayah.resolve(f"Prov. {d.nama}") == d, d.nama
        assert ref.wilayah.resolve(f"Pemprov {d.nama}") == d, d.nama
    short = {s.kode for s in reference.wilayah_singkatan() if "." not in s.kode}
    # a short official name is its own short name: Riau, Jambi, Bali, Papua, ...
    long_names = {d.kode for d in provinsi if len(d.nama.split()) > 1}
    assert long_names <= short


def test_a_short_name_of_another_type_does_not_resolve(ref: reference.Referensi) -> None:
    assert ref.wilayah.resolve("Kota HSS") is None
    assert ref.wilayah.resolve("Kabupaten Kalsel") is None


def test_the_packaged_short_names_say_where_they_come_from() -> None:
    rows = reference.wilayah_singkatan()
    assert {"Batola", "HSS", "HST", "HSU", "Tala", "Tanbu", "Kalsel"} <= {s.singkatan for s in rows}
    assert all("bukan daftar resmi" in s.sumber for s in rows)
    assert "Kalimantan Selatan" in next(s.sumber for s in rows if s.singkatan == "Batola")
    assert reference.sumber()["singkatan"]["baris"] == len(rows)


def test_the_closest_name_is_offered_quickly(ref: reference.Referensi) -> None:
    import time

    start = time.perf_counter()
    assert [d.kode for d in ref.wilayah.mirip("Kota Banjarmasn", "63")] == ["63.71"]
    assert [d.kode for d in ref.wilayah.mirip("banjarmasn")] == ["63.71"]
    assert [d.kode for d in ref.wilayah.mirip("Kab Tanah Lau")] == ["63.01"]
    assert ref.wilayah.mirip("Kota Antah Berantah") == []
    assert ref.wilayah.mirip("HSX") == []
    assert time.perf_counter() - start < 0.5  # ~2 ms each over 552 names


def test_a_profile_adds_short_names(ref: reference.Referensi) -> None:
    extended = reference.load(alias=(("Bakula", "63.72"),)).wilayah
    found = extended.resolve("Pemko Bakula")
    assert found is not None and found.kode == "63.72"
    assert ref.wilayah.resolve("Bakula") is None  # the packaged set is untouched


def test_referensi_wilayah_finds_short_and_misspelt_names() -> None:
    from pemetaan_ksd.profile import load_profile
    from pemetaan_ksd.reference.search import search_reference

    profil = load_profile(None)
    assert [r[0] for r in search_reference("wilayah", "banjarmasn", profil)] == ["63.71"]
    assert [r[0] for r in search_reference("wilayah", "Batola", profil)] == ["63.04"]
    assert [r[0] for r in search_reference("wilayah", "banjar baru", profil)] == ["63.72"]
