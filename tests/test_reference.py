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
