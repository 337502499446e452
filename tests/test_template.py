"""The blank template (CONTRACT.md section 1): sheets, headers, dropdowns, protection, drift."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation

from pemetaan_ksd import contract, reference
from pemetaan_ksd.contract import COLUMNS, Kind
from pemetaan_ksd.mitra_contoh import contoh_mitra
from pemetaan_ksd.profile import (
    PerangkatDaerah,
    Profil,
    load_profile,
    parse_profile,
    render_profile,
)
from pemetaan_ksd.reference import Level
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.dropdowns import install_dropdowns
from pemetaan_ksd.write.petunjuk import contoh_usulan, petunjuk_blocks, petunjuk_text
from pemetaan_ksd.write.petunjuk_blocks import Heading, Table
from pemetaan_ksd.write.template import (
    GENERIC_CREATED,
    TemplateExistsError,
    UnknownOpdError,
    template_filename,
    write_generic_template,
    write_template,
    write_templates,
)
from pemetaan_ksd.write.template_sheets import template_column_letters
from workbooks import build_submission, good_row

ROOT = Path(__file__).resolve().parents[1]
COMMITTED_DIR = ROOT / "templates" / "xlsx"
CREATED = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)
FIRST, LAST = contract.FIRST_DATA_ROW, contract.FIRST_DATA_ROW + contract.PREPARED_ROWS - 1
FREE_TEXT = {"calon_mitra", "sumber_pendanaan"}


@pytest.fixture(scope="module")
def profil() -> Profil:
    return load_profile(None)


@pytest.fixture(scope="module")
def dlh(profil: Profil) -> PerangkatDaerah:
    found = next(o for o in profil.perangkat_daerah if o.nama == "Dinas Lingkungan Hidup")
    return found


@pytest.fixture(scope="module")
def template_path(tmp_path_factory: pytest.TempPathFactory, profil: Profil,
                  dlh: PerangkatDaerah) -> Path:
    out = tmp_path_factory.mktemp("templat")
    return write_template(out / template_filename(profil, dlh), profil, dlh, CREATED)


@pytest.fixture(scope="module")
def wb(template_path: Path) -> Workbook:
    return openpyxl.load_workbook(template_path)


def _defined_values(wb: Workbook, name: str) -> list[Any]:
    sheet, ref = wb.defined_names[name].attr_text.split("!")
    ws = wb[sheet.strip("'")]
    return [row[0].value for row in ws[ref.replace("$", "")]]


# --- sheets, title, headers -----------------------------------------------------------------


def test_sheets_in_order_with_their_states(wb: Workbook) -> None:
    assert wb.sheetnames == list(contract.SHEETS)
    assert [wb[s].sheet_state for s in wb.sheetnames] == [
        "visible", "visible", "visible", "hidden", "veryHidden"]


def test_usulan_headers_in_row_5_and_numbers_in_row_6(wb: Workbook) -> None:
    ws = wb[contract.SHEET_USULAN]
    headers = [ws.cell(contract.HEADER_ROW, c.number).value for c in COLUMNS]
    numbers = [ws.cell(contract.NUMBER_ROW, c.number).value for c in COLUMNS]
    assert headers == [c.header for c in COLUMNS]
    assert len(headers) == 34
    assert numbers == [f"({n})" for n in range(1, 35)]
    assert ws.cell(contract.HEADER_ROW, 35).value is None


def test_title_block_names_form_opd_and_year(wb: Workbook) -> None:
    ws = wb[contract.SHEET_USULAN]
    texts = [str(ws.cell(r, 2).value) for r in (1, 2, 3)]
    assert texts == [
        "FORMULIR USULAN PEMETAAN KERJA SAMA DAERAH KABUPATEN BANJAR",
        "Perangkat Daerah : Dinas Lingkungan Hidup",
        "Tahun Pemetaan : 2025",
    ]
    assert "B1:F1" in {str(r) for r in ws.merged_cells.ranges}


def test_frozen_panes_widths_and_print_setup(wb: Workbook) -> None:
    ws = wb[contract.SHEET_USULAN]
    assert ws.freeze_panes == f"C{FIRST}"
    assert ws.column_dimensions["H"].width == contract.column("objek").width
    assert ws.page_setup.orientation == "landscape"
    setup = ws.sheet_properties.pageSetUpPr
    assert setup is not None and setup.fitToPage
    assert ws.print_title_rows == f"${contract.HEADER_ROW - 1}:${contract.NUMBER_ROW}"
    assert ws.print_area == f"'Usulan'!$A$1:$AH${LAST}"


def test_data_cells_have_text_year_and_rupiah_formats(wb: Workbook) -> None:
    ws = wb[contract.SHEET_USULAN]
    for col in COLUMNS:
        cell = ws.cell(LAST, col.number)
        if col.kind is Kind.CODE:
            assert cell.number_format == "@", col.key
        if col.kind is Kind.YEAR:
            assert cell.number_format == "0", col.key
    assert ws.cell(FIRST, contract.column("anggaran").number).number_format == "#,##0"


# --- dropdowns ------------------------------------------------------------------------------


def test_defined_names_are_workbook_scoped_and_hold_the_lists(wb: Workbook) -> None:
    names = {c.list_name for c in COLUMNS if c.list_name}
    assert names <= set(wb.defined_names)
    for name in names:
        assert wb.defined_names[name].attr_text.startswith("'Referensi'!$")
        assert name not in wb[contract.SHEET_USULAN].defined_names
    assert _defined_values(wb, "ListJenisKerjaSama") == list(contract.JENIS_KERJA_SAMA)
    assert _defined_values(wb, "ListTahapan") == list(contract.TAHAPAN)
    assert _defined_values(wb, "ListYaTidak") == ["Ya", "Tidak"]
    bidang = _defined_values(wb, "ListBidangUrusan")
    assert "1.02 - Kesehatan" in bidang
    assert bidang[0] == "1.01 - Pendidikan" and bidang[-1] == "3.32 - Transmigrasi"
    assert len(bidang) == 32  # only the concurrent bidang can be objects of cooperation


def test_partner_list_holds_province_its_kabkota_and_neighbours(wb: Workbook) -> None:
    mitra = _defined_values(wb, "ListDaerahMitra")
    assert mitra[0] == "Provinsi Kalimantan Selatan"
    assert {"Kota Banjarbaru", "Kota Banjarmasin", "Kabupaten Tapin",
            "Kabupaten Balangan"} <= set(mitra)
    assert "Kabupaten Banjar" not in mitra
    assert len(mitra) == len(set(mitra)) == 13


def _validations(wb: Workbook) -> list[Any]:
    ws = wb[contract.SHEET_USULAN]
    return [dv for dv in ws.data_validations.dataValidation if dv.type is not None]


def test_validations_cover_data_rows_only_and_use_the_names(wb: Workbook) -> None:
    found = {}
    for dv in _validations(wb):
        ranges = list(dv.sqref.ranges)
        assert len(ranges) == 1
        rng = ranges[0]
        assert (rng.min_row, rng.max_row) == (FIRST, LAST)
        assert rng.min_col == rng.max_col
        found[get_column_letter(rng.min_col)] = (dv.type, dv.formula1)
    letters = template_column_letters()
    expected = {}
    for col in COLUMNS:
        if col.list_name:
            expected[letters[col.key]] = ("list", col.list_name)
        elif col.kind is Kind.YEAR:
            expected[letters[col.key]] = ("whole", "2000")
        elif col.kind is Kind.AMOUNT:
            expected[letters[col.key]] = ("decimal", "0")
    assert found == expected


def test_free_text_columns_accept_values_outside_their_list(wb: Workbook) -> None:
    letters = template_column_letters()
    by_letter = {get_column_letter(next(iter(dv.sqref.ranges)).min_col): dv
                 for dv in _validations(wb)}
    for key in FREE_TEXT:
        dv = by_letter[letters[key]]
        assert not dv.showErrorMessage and dv.errorStyle == "information", key
    strict = by_letter[letters["jenis_kerja_sama"]]
    assert strict.showErrorMessage and strict.errorStyle == "stop"
    assert by_letter[letters["kode_bidang_urusan"]].errorStyle == "warning"
    assert by_letter[letters["tahun_mulai"]].errorStyle == "warning"


def test_every_header_explains_its_column(wb: Workbook) -> None:
    ws = wb[contract.SHEET_USULAN]
    prompts = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation
               if dv.type is None}
    for col in COLUMNS:
        dv = prompts[f"{get_column_letter(col.number)}{contract.HEADER_ROW}"]
        assert dv.showInputMessage
        assert col.hint in dv.prompt
        assert len(dv.prompt) <= 255 and len(dv.promptTitle) <= 32


# --- protection, Identitas, _meta ----------------------------------------------------------


def test_header_and_title_locked_data_cells_unlocked(wb: Workbook) -> None:
    ws = wb[contract.SHEET_USULAN]
    assert ws.protection.sheet and not ws.protection.password
    for col in COLUMNS:
        assert ws.cell(contract.HEADER_ROW, col.number).protection.locked
        assert ws.cell(contract.NUMBER_ROW, col.number).protection.locked
        assert not ws.cell(FIRST, col.number).protection.locked
        assert not ws.cell(LAST, col.number).protection.locked
    assert ws["B1"].protection.locked
    assert ws.cell(LAST + 1, 1).protection.locked


def test_identitas_prefilled_labels_in_contract_order(wb: Workbook) -> None:
    ws = wb[contract.SHEET_IDENTITAS]
    labels = [f.label for f in contract.IDENTITAS_FIELDS]
    rows = {ws.cell(r, 1).value: r for r in range(1, 30) if ws.cell(r, 1).value in labels}
    assert list(rows) == labels
    values = {label: ws.cell(row, 2).value for label, row in rows.items()}
    assert values["Tahun Pemetaan"] == 2025
    assert values["Kode Perangkat Daerah"] == "2.11.0.00.0.00.01.0000"
    assert values["Nama Perangkat Daerah"] == "Dinas Lingkungan Hidup"
    assert [values[label] for label in labels[3:]] == [None] * 5
    assert ws.protection.sheet
    assert all(not ws.cell(row, 2).protection.locked for row in rows.values())


def test_meta_sheet_values(wb: Workbook) -> None:
    ws = wb[contract.SHEET_META]
    meta = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    assert meta == {
        "template_id": "pemetaan-ksd",
        "template_version": contract.TEMPLATE_VERSION,
        "tahun": 2025,
        "kode_opd": "2.11.0.00.0.00.01.0000",
        "kode_daerah": "63.03",
        "created": "2025-03-04T09:30:00+00:00",
    }


# --- Petunjuk and its example ----------------------------------------------------------------


def test_petunjuk_explains_groups_law_and_paste_as_values(wb: Workbook, profil: Profil) -> None:
    ws = wb[contract.SHEET_PETUNJUK]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert text.count("\n") > 100
    for group in dict.fromkeys(c.group for c in COLUMNS):
        assert group in text, group
    for needle in ("PP Nomor 28 Tahun 2018", "Permendagri Nomor 22 Tahun 2020",
                   "Tempel sebagai nilai saja", "Saling menguntungkan", "Kebutuhan nyata",
                   "Skala prioritas", "Kota Banjarbaru", "2.11.11.2.01"):
        assert needle in text, needle
    assert petunjuk_text(profil, None).count("\n") > 100


def _praktik_section(profil: Profil, opd: PerangkatDaerah | None) -> str:
    """The text of the section on what the TKKSD turns down in practice (KSD414-KSD417)."""
    blocks = petunjuk_blocks(profil, opd)
    start = next(i for i, b in enumerate(blocks)
                 if isinstance(b, Heading) and b.text == "Periksa sebelum mengirim")
    end = next(i for i, b in enumerate(blocks) if i > start and isinstance(b, Heading))
    parts: list[str] = []
    for block in blocks[start:end]:
        parts += ([" | ".join(r) for r in block.rows] if isinstance(block, Table)
                  else [block.text])
    return "\n".join(parts)


def test_petunjuk_says_what_to_check_before_sending(profil: Profil,
                                                    dlh: PerangkatDaerah) -> None:
    text = _praktik_section(profil, dlh)
    assert len([line for line in text.splitlines() if " | " in line]) == 4
    for needle in ("tugas dan kewenangan", "bidang urusan perangkat daerah Anda adalah 2.11 "
                   "Lingkungan Hidup.", "UPTD, RSUD, puskesmas, kecamatan dan sekolah negeri "
                   "milik Kabupaten Banjar", "bukan pengadaan", "pengadaan, pembelian, belanja, "
                   "sewa, swakelola, jasa konsultansi", "masih berlaku", "tindak lanjutnya",
                   "PP 28/2018 Pasal 1 angka 1"):
        assert needle in text, needle
    generic = _praktik_section(profil, None)
    assert "perangkat daerah Anda adalah" not in generic and "tugas dan kewenangan" in generic
    bappeda = next(o for o in profil.perangkat_daerah if o.lintas_bidang)
    assert "tidak dibatasi pada satu bidang urusan" in _praktik_section(profil, bappeda)
    kaltim = parse_profile(render_profile("64", 2025), "ksd.toml", base=ROOT)
    assert "kecamatan" not in _praktik_section(kaltim, None)  # a provinsi has none


def test_example_usulan_is_complete_and_uses_real_codes(profil: Profil) -> None:
    contoh = contoh_usulan(profil)
    assert set(contoh) == {c.key for c in COLUMNS}
    nomen = reference.load().nomenklatur
    assert str(contoh["kode_bidang_urusan"]).startswith("2.11 - ")
    assert nomen.level(str(contoh["kode_program"])) is Level.PROGRAM
    assert nomen.level(str(contoh["kode_kegiatan"])) is Level.KEGIATAN
    assert nomen.level(str(contoh["kode_sub_kegiatan"])) is Level.SUB_KEGIATAN
    assert str(contoh["kode_sub_kegiatan"]).startswith(str(contoh["kode_kegiatan"]))
    assert str(contoh["kode_kegiatan"]).startswith(str(contoh["kode_program"]))
    assert contoh["nama_kegiatan"] == nomen.name(str(contoh["kode_kegiatan"]))
    assert (contoh["jenis_kerja_sama"], contoh["calon_mitra"], contoh["kode_wilayah_mitra"]) == (
        "KSDD Wajib", "Kota Banjarbaru", "63.72")
    wilayah = reference.load().wilayah
    mitra = wilayah.get(str(contoh["kode_wilayah_mitra"]))
    assert mitra is not None and wilayah.berbatasan(profil.daerah, mitra)
    for col in COLUMNS:
        value = contoh[col.key]
        if col.required:
            assert value not in ("", None), col.key
        if col.kind is Kind.SUBSTANTIVE and value:
            assert len(str(value).split()) >= contract.MIN_SUBSTANTIVE_WORDS, col.key
        if col.choices and value and col.kind is Kind.CHOICE:
            assert value in col.choices, col.key


@pytest.mark.parametrize(("kode", "mitra"), [
    ("63.03", "Kota Banjarbaru"),  # the built-in Kabupaten Banjar
    ("63", "Provinsi Kalimantan Tengah"),
    ("32.01", "Kota Depok"),  # borders Banten too: the example stays in Jawa Barat
])
def test_petunjuk_and_the_ksd402_message_name_the_same_example_partner(
        tmp_path: Path, kode: str, mitra: str) -> None:
    profil = parse_profile(render_profile(kode, 2025), "ksd.toml", base=tmp_path)
    assert contoh_mitra(profil).nama_lengkap == mitra
    assert f"(misalnya {mitra})" in petunjuk_text(profil, None)
    path = build_submission(tmp_path / "a.xlsx", [
        good_row(jenis_kerja_sama="KSDD Wajib", calon_mitra="Kota Antah Berantah",
                 kode_wilayah_mitra=None)])
    [message] = [f.message for f in validate([path], profil).files[0].findings
                 if f.code == "KSD402"]
    assert f'misalnya "{mitra}"' in message


# --- files: names, several OPD, errors, atomic writing -------------------------------------


def test_template_filenames(profil: Profil) -> None:
    assert template_filename(profil, None) == "usulan_ksd_2025_templat.xlsx"
    opd = PerangkatDaerah("1.02.0.00.0.00.01.0000", "Dinas Kesehatan")
    assert template_filename(profil, opd) == "usulan_ksd_2025_dinas-kesehatan.xlsx"
    odd = PerangkatDaerah("9", "Sekretariat Daerah (Bagian Pemerintahan) – Kabupaten Banjar")
    assert template_filename(profil, odd) == (
        "usulan_ksd_2025_sekretariat-daerah-bagian-pemerintahan-kabupaten-banjar.xlsx")


def test_semua_writes_one_file_per_opd_with_distinct_names(tmp_path: Path,
                                                           profil: Profil) -> None:
    units = (*profil.perangkat_daerah[:3],
             PerangkatDaerah("9.99.0.00.0.00.01.0000", profil.perangkat_daerah[0].nama))
    small = dataclasses.replace(profil, perangkat_daerah=units)
    paths = write_templates(tmp_path, small, None, True, CREATED)
    assert len(paths) == len(units) == len({p.name for p in paths})
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    for path, opd in zip(paths, units, strict=True):
        book = openpyxl.load_workbook(path, read_only=True)
        assert book[contract.SHEET_META]["B4"].value == opd.kode
        assert book[contract.SHEET_IDENTITAS]["B6"].value == opd.nama
        assert book[contract.SHEET_USULAN]["B2"].value == f"Perangkat Daerah : {opd.nama}"
        book.close()


def test_opd_codes_and_generic(tmp_path: Path, profil: Profil) -> None:
    kode = profil.perangkat_daerah[1].kode
    paths = write_templates(tmp_path / "a", profil, [kode, kode], False, CREATED)
    assert [p.name for p in paths] == ["usulan_ksd_2025_dinas-kesehatan.xlsx"]
    generic = write_templates(tmp_path / "b", profil, None, False, CREATED)
    assert [p.name for p in generic] == ["usulan_ksd_2025_templat.xlsx"]


def test_unknown_opd_raises_and_writes_nothing(tmp_path: Path, profil: Profil) -> None:
    known = profil.perangkat_daerah[0].kode
    with pytest.raises(UnknownOpdError) as caught:
        write_templates(tmp_path / "out", profil, [known, "9.99"], False, CREATED)
    assert isinstance(caught.value, ValueError)
    assert '"9.99" tidak ada' in str(caught.value) and known in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_existing_template_is_kept_and_nothing_is_written_without_timpa(
        tmp_path: Path, profil: Profil) -> None:
    small = dataclasses.replace(profil, perangkat_daerah=profil.perangkat_daerah[:3])
    filled = tmp_path / template_filename(small, small.perangkat_daerah[1])
    filled.write_bytes(b"diisi Dinas Kesehatan dan dikirim kembali")
    with pytest.raises(TemplateExistsError) as caught:
        write_templates(tmp_path, small, None, True, CREATED)
    assert isinstance(caught.value, ValueError)
    assert filled.name in str(caught.value) and "--timpa" in str(caught.value)
    assert filled.read_bytes() == b"diisi Dinas Kesehatan dan dikirim kembali"
    assert [p.name for p in tmp_path.iterdir()] == [filled.name]  # the other two not written


def test_many_existing_templates_are_named_a_few_then_counted(tmp_path: Path,
                                                              profil: Profil) -> None:
    names = [template_filename(profil, opd) for opd in profil.perangkat_daerah[:8]]
    for name in names:
        (tmp_path / name).write_bytes(b"lama")
    with pytest.raises(TemplateExistsError) as caught:
        write_templates(tmp_path, profil, [o.kode for o in profil.perangkat_daerah[:8]], False,
                        CREATED)
    message = str(caught.value)
    assert "8 berkas" in message and "dan 3 berkas lainnya" in message
    assert all(name in message for name in names[:5]) and names[5] not in message


def test_timpa_replaces_existing_templates(tmp_path: Path, profil: Profil) -> None:
    kode = profil.perangkat_daerah[1].kode
    old = tmp_path / template_filename(profil, profil.perangkat_daerah[1])
    old.write_bytes(b"lama")
    paths = write_templates(tmp_path, profil, [kode], False, CREATED, timpa=True)
    assert paths == [old]
    assert openpyxl.load_workbook(old).sheetnames == list(contract.SHEETS)


def test_write_replaces_whole_file_and_leaves_no_temporary(tmp_path: Path,
                                                           profil: Profil) -> None:
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"lama")
    write_template(target, profil, None, CREATED)
    assert openpyxl.load_workbook(target).sheetnames == list(contract.SHEETS)
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]


# --- install_dropdowns on a workbook that lost them -------------------------------------------


def test_install_dropdowns_replaces_lists_names_and_overlapping_validations(
        template_path: Path, profil: Profil) -> None:
    book = openpyxl.load_workbook(template_path)
    ws = book[contract.SHEET_USULAN]
    ws.data_validations.dataValidation = [
        dv for dv in ws.data_validations.dataValidation if dv.type is None]  # dropdowns lost
    stale = DataValidation(type="list", formula1='"a,b"')
    stale.add("A1:AZ300")
    ws.add_data_validation(stale)
    book[contract.SHEET_REFERENSI]["B2"] = "rusak"
    letters = {"jenis_kerja_sama": "J", "calon_mitra": "K", "tahun_mulai": "Z", "asing": "AX"}
    install_dropdowns(book, profil, letters, 8, 40)
    assert book.sheetnames == list(contract.SHEETS)
    assert book[contract.SHEET_REFERENSI].sheet_state == "hidden"
    assert _defined_values(book, "ListJenisKerjaSama") == list(contract.JENIS_KERJA_SAMA)
    typed = [(str(dv.sqref), dv.formula1) for dv in ws.data_validations.dataValidation
             if dv.type is not None and dv is not stale]
    assert typed == [("J8:J40", "ListJenisKerjaSama"), ("K8:K40", "ListDaerahMitra"),
                     ("Z8:Z40", "2000")]
    holes = [CellRange(r) for r in ("J8:J40", "K8:K40", "Z8:Z40")]
    for rng in stale.sqref.ranges:
        assert all(rng.isdisjoint(hole) for hole in holes)
    covered = sum(r.size["rows"] * r.size["columns"] for r in stale.sqref.ranges)
    assert covered == 300 * column_index_from_string("AZ") - 3 * 33


# --- the committed generic template -----------------------------------------------------------


def _structure(path: Path) -> dict[str, Any]:
    book = openpyxl.load_workbook(path)
    sheets = {}
    for ws in book.worksheets:
        sheets[ws.title] = {
            "state": ws.sheet_state,
            "cells": {c.coordinate: c.value for row in ws.iter_rows() for c in row
                      if c.value is not None},
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "validations": [(str(dv.sqref), dv.type, dv.formula1, dv.formula2, dv.errorStyle,
                             dv.showErrorMessage, dv.prompt)
                            for dv in ws.data_validations.dataValidation],
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "protected": ws.protection.sheet,
        }
    names = {name: dn.attr_text for name, dn in book.defined_names.items()}
    return {"order": book.sheetnames, "names": names, "sheets": sheets}


def test_committed_generic_template_has_not_drifted(tmp_path: Path) -> None:
    fresh = write_generic_template(tmp_path)
    committed = COMMITTED_DIR / fresh.name
    assert committed.is_file(), "jalankan: python scripts/generate_templates.py"
    assert _structure(fresh) == _structure(committed), (
        "templates/xlsx berbeda dari keluaran penulis templat; "
        "jalankan: python scripts/generate_templates.py")
    meta = openpyxl.load_workbook(fresh)[contract.SHEET_META]
    assert meta["B6"].value == GENERIC_CREATED.isoformat()
    assert meta["B4"].value is None


# --- LibreOffice reads the dropdowns through the names ----------------------------------------


def test_libreoffice_keeps_named_dropdowns(template_path: Path, tmp_path: Path,
                                            soffice: Any) -> None:
    back = soffice(template_path, tmp_path / "lo", "xlsx")  # read and written by LibreOffice
    book = openpyxl.load_workbook(back)
    lists = {str(dv.sqref): dv.formula1 for dv in _validations(book) if dv.type == "list"}
    assert lists["I7:I156"] == "ListJenisKerjaSama"
    assert lists["J7:J156"] == "ListDaerahMitra"
    assert _defined_values(book, "ListDaerahMitra")[0] == "Provinsi Kalimantan Selatan"
    assert [c.value for c in book[contract.SHEET_USULAN][contract.HEADER_ROW]][:34] == [
        c.header for c in COLUMNS]
