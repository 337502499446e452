"""read_submission: positions, values and unreadable files (CONTRACT section 1, KSD101)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import ConvertFormats
from pemetaan_ksd import contract, safety
from pemetaan_ksd.model import (
    CellError,
    ExtraColumn,
    ReadError,
    ReadErrorKind,
    StrayRow,
    Submission,
)
from pemetaan_ksd.read import (
    BUKAN_SPREADSHEET,
    KATA_SANDI,
    RUSAK,
    TERLALU_BESAR,
    TIDAK_DAPAT_DIAKSES,
    TIDAK_DIDUKUNG,
    read_submission,
)
from workbooks import DEFAULT_META, build_compound_file, build_submission, excel_rows, good_row

ALL_KEYS = [c.key for c in contract.COLUMNS]


def _rows(sub: Submission, *keys: str) -> list[tuple[object, ...]]:
    return [(r.excel_row, *(r.values.get(k) for k in keys)) for r in sub.rows]


def _category(sub: Submission) -> ReadErrorKind | None:
    return sub.read_error.kind if sub.read_error else None


# --- a well-formed submission -------------------------------------------------------------


def test_reads_template_shaped_file(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "dlh.xlsx",
                            [good_row(), good_row(no=2, calon_mitra="Kota Banjarmasin")])
    sub = read_submission(path)
    data = path.read_bytes()
    assert sub.read_error is None
    assert (sub.sha256, sub.size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert sub.mtime == path.stat().st_mtime
    assert sub.sheet_names == ["Petunjuk", "Identitas", "Usulan", "_meta"]
    assert sub.header_row == 5
    assert sub.column_letters["no"] == "A"
    assert sub.column_letters["calon_mitra"] == "J"
    assert sub.column_letters["keterangan"] == "AH"
    assert list(sub.column_letters) == ALL_KEYS
    assert sub.extra_columns == []
    assert _rows(sub, "no", "calon_mitra", "tahun_mulai", "anggaran") == [
        (7, 1.0, "Kota Banjarbaru", 2025.0, 250000000.0),
        (8, 2.0, "Kota Banjarmasin", 2025.0, 250000000.0),
    ]
    assert set(sub.rows[0].values) == set(ALL_KEYS)
    assert sub.rows[0].values["bentuk_ksdpk"] is None
    assert sub.cell("calon_mitra", 8) == "J8"


def test_xlsm_and_a_path_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    folder = tmp_path / "Dinas Lingkungan Hidup – Banjar ß é"
    folder.mkdir()
    path = build_submission(folder / "usulan kerja sama 2025.xlsm", [good_row()])
    sub = read_submission(path)
    assert (sub.read_error, sub.path, _rows(sub, "no")) == (None, path, [(7, 1.0)])


def test_identitas_values_and_cells(tmp_path: Path) -> None:
    sub = read_submission(build_submission(tmp_path / "a.xlsx", [good_row()],
                                           identitas={"email": None}))
    assert sub.identity.values == {
        "tahun": 2025.0,
        "kode_opd": "2.11.0.00.0.00.01.0000",
        "nama_opd": "Dinas Lingkungan Hidup",
        "penanggung_jawab": "Ir. Hj. Rahmawati, M.Si.",
        "jabatan": "Kepala Bidang Pengelolaan Sampah",
        "telepon": "0511-4721234",
        "email": None,
        "tanggal_pengisian": dt.date(2025, 2, 14),
    }
    assert sub.identity.cells == {
        "tahun": "B3", "kode_opd": "B4", "nama_opd": "B5", "penanggung_jawab": "B6",
        "jabatan": "B7", "telepon": "B8", "email": "B9", "tanggal_pengisian": "B10",
    }


def test_identitas_labels_found_by_text_anywhere_in_column_a(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", [good_row()])
    wb = openpyxl.load_workbook(path)
    ws = wb["Identitas"]
    ws.delete_rows(3, 8)
    ws["A2"], ws["B2"] = "  NAMA   perangkat\ndaerah ", "  Dinas Kesehatan  "
    ws["A12"], ws["B12"] = "Tahun Pemetaan:", 2026
    ws["A20"], ws["B20"] = "Kode Perangkat Daerah", "1.02.0.00.0.00.01.0000"
    ws["A31"], ws["B31"] = "Email", "terlalu-jauh@contoh.id"  # beyond the first 30 rows
    wb.save(path)
    sub = read_submission(path)
    assert sub.identity.values == {"nama_opd": "Dinas Kesehatan", "tahun": 2026.0,
                             "kode_opd": "1.02.0.00.0.00.01.0000"}
    assert sub.identity.cells == {"nama_opd": "B2", "tahun": "B12", "kode_opd": "B20"}


def test_meta_read_as_strings(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", [good_row()], meta={"created": None})
    wb = openpyxl.load_workbook(path)
    wb["_meta"]["A10"], wb["_meta"]["B10"] = "angka", 3.0
    wb["_meta"]["A11"], wb["_meta"]["B11"] = " kosong ", None
    wb.save(path)
    expected = {k: v for k, v in DEFAULT_META.items() if k != "created"}
    assert read_submission(path).meta == {**expected, "angka": "3", "kosong": ""}


def test_meta_absent_is_empty(tmp_path: Path) -> None:
    sub = read_submission(build_submission(tmp_path / "a.xlsx", [good_row()],
                                           sheet_names={"_meta": None}))
    assert sub.meta == {}
    assert sub.sheet_names == ["Petunjuk", "Identitas", "Usulan"]


# --- positions: blank, hidden, moved and extra --------------------------------------------


def test_real_rows_through_blank_and_hidden_rows(tmp_path: Path) -> None:
    rows = [good_row(no=n, objek=f"Objek ke-{n} dikerjakan bersama mitra") for n in range(1, 5)]
    path = build_submission(tmp_path / "a.xlsx", rows, blank_rows_before={1, 3},
                            hidden_rows={2})
    sub = read_submission(path)
    assert excel_rows(4, blank_rows_before={1, 3}) == [7, 9, 10, 12]
    assert _rows(sub, "no") == [(7, 1.0), (9, 2.0), (10, 3.0), (12, 4.0)]


def test_leading_empty_rows_keep_numbers(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", [good_row()], header_row=8)
    wb = openpyxl.load_workbook(path)
    for row in range(1, 8):  # nothing at all above the header
        for cell in wb["Usulan"][row]:
            cell.value = None
    wb.save(path)
    sub = read_submission(path)
    assert (sub.header_row, _rows(sub, "no")) == (8, [(10, 1.0)])


@pytest.mark.parametrize(("header_row", "number_row", "first"), [
    (5, False, 6), (3, True, 5), (8, True, 10), (1, False, 2), (20, True, 22),
])
def test_header_row_found_by_text(tmp_path: Path, header_row: int, number_row: bool,
                                  first: int) -> None:
    path = build_submission(tmp_path / "a.xlsx", [good_row(), good_row(no=2)],
                            header_row=header_row, number_row=number_row)
    sub = read_submission(path)
    assert sub.header_row == header_row
    assert [r.excel_row for r in sub.rows] == [first, first + 1]


def test_header_beyond_row_20_is_not_found(tmp_path: Path) -> None:
    sub = read_submission(build_submission(tmp_path / "a.xlsx", [good_row()], header_row=21))
    assert (sub.header_row, sub.column_letters, sub.rows) == (None, {}, [])


def test_moved_columns(tmp_path: Path) -> None:
    order = ["calon_mitra", *[k for k in ALL_KEYS if k not in ("calon_mitra", "no")], "no"]
    sub = read_submission(build_submission(tmp_path / "a.xlsx", [good_row()], column_order=order))
    assert sub.column_letters["calon_mitra"] == "A"
    assert sub.column_letters["kode_bidang_urusan"] == "B"
    assert sub.column_letters["no"] == "AH"
    assert _rows(sub, "calon_mitra", "kode_program", "no") == [
        (7, "Kota Banjarbaru", "2.11.11", 1.0)]


def test_extra_columns_recorded_and_ignored(tmp_path: Path) -> None:
    row = {**good_row(), "Catatan Internal": "jangan dibaca", "Lain-lain": 5}
    path = build_submission(tmp_path / "a.xlsx", [row],
                            extra_columns={3: "Catatan Internal", 36: "Lain-lain"})
    sub = read_submission(path)
    assert sub.extra_columns == [ExtraColumn("C", "Catatan Internal", 1),
                                 ExtraColumn("AJ", "Lain-lain", 1)]
    assert sub.column_letters["kode_bidang_urusan"] == "B"
    assert sub.column_letters["kode_program"] == "D"
    assert sub.column_letters["keterangan"] == "AI"
    assert set(sub.rows[0].values) == set(ALL_KEYS)


def test_missing_columns_are_just_absent(tmp_path: Path) -> None:
    order = [k for k in ALL_KEYS if k not in ("calon_mitra", "jenis_mitra")]
    sub = read_submission(build_submission(tmp_path / "a.xlsx", [good_row()], column_order=order))
    assert "calon_mitra" not in sub.column_letters
    assert "calon_mitra" not in sub.rows[0].values
    assert sub.column_letters["kode_wilayah_mitra"] == "J"


def test_header_text_case_spacing_and_line_breaks(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", [good_row()])
    wb = openpyxl.load_workbook(path)
    ws = wb["Usulan"]
    ws["C5"] = "KODE   PROGRAM"
    ws["J5"] = "Calon\nMitra"
    ws["Y5"] = "  tahun mulai "
    ws["AC5"] = "Perkiraan Anggaran\nper Tahun\n(Rp)"
    wb.save(path)
    sub = read_submission(path)
    assert [sub.column_letters[k] for k in ("kode_program", "calon_mitra", "tahun_mulai",
                                            "anggaran")] == ["C", "J", "Y", "AC"]
    assert sub.extra_columns == []


def test_column_number_row_variants(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", [good_row()])
    wb = openpyxl.load_workbook(path)
    for cell in wb["Usulan"][6]:
        cell.value = cell.column  # plain numbers 1, 2, 3 instead of "(1)"
    wb.save(path)
    assert _rows(read_submission(path), "no") == [(7, 1.0)]


def test_sheet_names_match_without_case_and_spaces(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", [good_row()],
                            sheet_names={"Usulan": " USULAN ", "Identitas": "identitas",
                                         "_meta": "_META"})
    sub = read_submission(path)
    assert sub.sheet_names == ["Petunjuk", "identitas", " USULAN ", "_META"]
    assert (sub.header_row, len(sub.rows), sub.identity.values["tahun"]) == (5, 1, 2025.0)
    assert sub.meta["template_id"] == "pemetaan-ksd"


def test_missing_usulan_sheet(tmp_path: Path) -> None:
    sub = read_submission(build_submission(tmp_path / "a.xlsx", [good_row()],
                                           sheet_names={"Usulan": None}))
    assert sub.read_error is None
    assert (sub.header_row, sub.column_letters, sub.rows) == (None, {}, [])
    assert sub.identity.values["nama_opd"] == "Dinas Lingkungan Hidup"


# --- values ---------------------------------------------------------------------------------


def test_values_stripped_and_blank_rows_skipped(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        good_row(objek="  Pengelolaan sampah  bersama \n", keterangan="   "),
        {"no": 2},  # only the prepared running number: not an usulan
        {"no": 3, "keterangan": " \t "},  # whitespace only: still empty
        {"calon_mitra": " Kota Banjarbaru "},  # one cell: read, but not an usulan (KSD109)
    ]
    sub = read_submission(build_submission(tmp_path / "a.xlsx", rows))
    assert _rows(sub, "no", "objek", "keterangan", "calon_mitra") == [
        (7, 1.0, "Pengelolaan sampah  bersama", None, "Kota Banjarbaru"),
    ]
    assert sub.stray_rows == [StrayRow(10, "J10", "Kota Banjarbaru")]


def test_types_kept(tmp_path: Path) -> None:
    row = good_row(tahun_mulai="2025", anggaran="Rp 1.500.000,00", tahun_selesai=2027.5,
                   keterangan=dt.datetime(2025, 3, 1, 9, 30), kode_wilayah_mitra=True)
    values = read_submission(build_submission(tmp_path / "a.xlsx", [row])).rows[0].values
    assert values["tahun_mulai"] == "2025"
    assert values["anggaran"] == "Rp 1.500.000,00"
    assert values["tahun_selesai"] == 2027.5
    assert values["keterangan"] == dt.datetime(2025, 3, 1, 9, 30)
    assert values["kode_wilayah_mitra"] is True


def test_error_values_become_cell_errors(tmp_path: Path) -> None:
    row = good_row(calon_mitra="#REF!", anggaran="#VALUE!", tahun_mulai="#N/A",
                   potensi="#DIV/0!")
    path = build_submission(tmp_path / "a.xlsx", [row, {"keterangan": "#NAME?"}],
                            identitas={"tahun": "#REF!"})
    sub = read_submission(path)
    assert _rows(sub, "calon_mitra", "anggaran", "tahun_mulai", "potensi", "keterangan") == [
        (7, CellError("#REF!"), CellError("#VALUE!"), CellError("#N/A"), CellError("#DIV/0!"),
         None),
    ]
    assert sub.stray_rows == [StrayRow(8, "AH8", "#NAME?")]  # an error alone is no usulan
    assert sub.identity.values["tahun"] == CellError("#REF!")


def test_formula_without_cached_value_reads_blank(tmp_path: Path) -> None:
    """openpyxl stores no result for a formula: calamine sees nothing until a program saves it."""
    path = build_submission(tmp_path / "a.xlsx", [good_row(anggaran="=100000000*2.5")])
    assert read_submission(path).rows[0].values["anggaran"] is None


def test_merged_header_above_fills_header_cell(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", [good_row()])
    wb = openpyxl.load_workbook(path)
    ws = wb["Usulan"]
    ws["A4"], ws["A5"] = "No", None
    ws.merge_cells("A4:A5")
    wb.save(path)
    sub = read_submission(path)
    assert (sub.header_row, sub.column_letters["no"]) == (5, "A")


# --- unreadable files -------------------------------------------------------------------------


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _claim_size(path: Path, member: str, claimed: int) -> Path:
    """Rewrite the central directory so that `member` claims `claimed` bytes uncompressed."""
    data = bytearray(path.read_bytes())
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + name_length] == member.encode():
            struct.pack_into("<I", data, offset + 24, claimed)
        offset = data.find(b"PK\x01\x02", offset + 4)
    path.write_bytes(bytes(data))
    return path


@pytest.fixture
def good_xlsx(tmp_path: Path) -> Path:
    return build_submission(tmp_path / "good.xlsx", [good_row()])


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    sub = read_submission(_write(tmp_path / "acak.xlsx", bytes(range(256)) * 40))
    assert sub.read_error == ReadError(BUKAN_SPREADSHEET)
    assert (sub.sheet_names, sub.rows, sub.size) == ([], [], 10240)
    assert sub.sha256 == hashlib.sha256(bytes(range(256)) * 40).hexdigest()


def test_text_file(tmp_path: Path) -> None:
    sub = read_submission(_write(tmp_path / "catatan.txt", b"Usulan kerja sama\n"))
    assert sub.read_error == ReadError(BUKAN_SPREADSHEET)


def test_empty_file(tmp_path: Path) -> None:
    assert read_submission(_write(tmp_path / "a.xlsx", b"")).read_error == (
        ReadError(RUSAK, "berkas kosong"))


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9, 0.99])
def test_truncated_xlsx(good_xlsx: Path, tmp_path: Path, keep: float) -> None:
    data = good_xlsx.read_bytes()
    sub = read_submission(_write(tmp_path / "potong.xlsx", data[: int(len(data) * keep)]))
    assert sub.read_error == ReadError(RUSAK)


def test_damaged_member_in_xlsx(good_xlsx: Path, tmp_path: Path) -> None:
    data = bytearray(good_xlsx.read_bytes())
    start = data.find(b"xl/worksheets/sheet3.xml") + 40  # inside its compressed data
    data[start : start + 200] = bytes(200)
    assert read_submission(_write(tmp_path / "rusak.xlsx", bytes(data))).read_error == (
        ReadError(RUSAK))


def test_encrypted_ooxml(tmp_path: Path) -> None:
    path = build_compound_file(tmp_path / "sandi.xlsx", {
        "EncryptionInfo": b"\x04\x00\x04\x00" + bytes(5000),
        "EncryptedPackage": bytes(range(256)) * 20,
    })
    assert read_submission(path).read_error == ReadError(KATA_SANDI)


def test_other_compound_files(tmp_path: Path) -> None:
    doc = build_compound_file(tmp_path / "surat.xls", {"WordDocument": bytes(5000)})
    assert _category(read_submission(doc)) == BUKAN_SPREADSHEET
    garbage = build_compound_file(tmp_path / "rusak.xls", {"Workbook": bytes(range(200)) * 30})
    assert read_submission(garbage).read_error == ReadError(RUSAK)


def test_other_zip_files(tmp_path: Path) -> None:
    docx = _zip(tmp_path / "a.xlsx", {"[Content_Types].xml": b"<x/>", "word/document.xml": b""})
    xlsb = _zip(tmp_path / "b.xlsx", {"[Content_Types].xml": b"<x/>", "xl/workbook.bin": b""})
    plain = _zip(tmp_path / "c.xlsx", {"laporan.pdf": b"%PDF-1.4"})
    odt = _zip(tmp_path / "d.ods", {"mimetype": b"application/vnd.oasis.opendocument.text"})
    assert [_category(read_submission(p)) for p in (docx, xlsb, plain, odt)] == [
        BUKAN_SPREADSHEET, TIDAK_DIDUKUNG, BUKAN_SPREADSHEET, BUKAN_SPREADSHEET]


def test_html_named_xls(tmp_path: Path) -> None:
    html = b"\xef\xbb\xbf<html><body><table><tr><td>Usulan</td></tr></table></body></html>"
    sub = read_submission(_write(tmp_path / "ekspor.xls", html))
    assert sub.read_error == ReadError(TIDAK_DIDUKUNG, "halaman web HTML")


def test_missing_path_and_folder(tmp_path: Path) -> None:
    assert read_submission(tmp_path / "tidak-ada.xlsx").read_error == (
        ReadError(TIDAK_DAPAT_DIAKSES, "berkas tidak ditemukan"))
    assert read_submission(tmp_path).read_error == ReadError(TIDAK_DAPAT_DIAKSES, "bukan berkas")


def test_zip_directory_claiming_a_huge_entry(good_xlsx: Path, tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    path.write_bytes(good_xlsx.read_bytes())
    _claim_size(path, "xl/worksheets/sheet3.xml", 300 * 1024 * 1024)
    assert read_submission(path).read_error == (
        ReadError(TERLALU_BESAR, "satu bagian terurai 300 MB, batas 50 MB"))


def test_zip_directory_claiming_a_huge_total(tmp_path: Path) -> None:
    members = {f"xl/worksheets/sheet{n}.xml": b"<x/>" for n in range(1, 13)}
    path = _zip(tmp_path / "bom.xlsx", {"xl/workbook.xml": b"<x/>", **members})
    for name in members:
        _claim_size(path, name, 45 * 1024 * 1024)
    assert read_submission(path).read_error == (
        ReadError(TERLALU_BESAR, "isi terurai 540 MB, batas 500 MB"))


def test_zip_with_too_many_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ZIP_ENTRIES", 1000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for n in range(1001):
            archive.writestr(f"xl/x{n}.xml", b"")
    sub = read_submission(_write(tmp_path / "banyak.xlsx", buffer.getvalue()))
    assert sub.read_error == ReadError(TERLALU_BESAR, "1.001 bagian, batas 1.000")


def test_highly_compressible_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ZIP_ENTRY_BYTES", 1024 * 1024)
    path = _zip(tmp_path / "nol.xlsx", {"xl/workbook.xml": b"<x/>",
                                         "xl/worksheets/sheet1.xml": bytes(3 * 1024 * 1024)})
    assert path.stat().st_size < 10_000
    assert read_submission(path).read_error == (
        ReadError(TERLALU_BESAR, "satu bagian terurai 3 MB, batas 1 MB"))


def test_file_over_size_cap(good_xlsx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1000)
    sub = read_submission(good_xlsx)
    assert _category(sub) == TERLALU_BESAR
    assert sub.sha256 == hashlib.sha256(good_xlsx.read_bytes()).hexdigest()


def test_sparse_cell_far_away_is_refused_before_calamine(tmp_path: Path) -> None:
    """Two cells, A1 and XFD1048576: calamine would try to allocate the whole grid and abort."""
    path = build_submission(tmp_path / "jauh.xlsx", [good_row()])
    wb = openpyxl.load_workbook(path)
    wb["Usulan"]["XFD1048576"] = "x"
    wb.save(path)
    assert read_submission(path).read_error == (
        ReadError(TERLALU_BESAR, "lembar Usulan terisi sampai sel XFD1048576, "
                                 "yaitu baris 1.048.576; batas 10.000 baris"))


def test_far_cell_in_unread_xlsx_sheet_is_harmless(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", [good_row()])
    wb = openpyxl.load_workbook(path)
    wb["Petunjuk"]["XFD1048576"] = "x"  # never built: .xlsx sheets are read on demand
    wb.save(path)
    assert read_submission(path).read_error is None


def test_damaged_files_never_raise(good_xlsx: Path, tmp_path: Path) -> None:
    """Truncations and scrambled bytes anywhere: always a Submission, never an exception."""
    import random

    data = good_xlsx.read_bytes()
    rng = random.Random(20250101)
    target = tmp_path / "acak.xlsx"
    outcomes = set()
    for _ in range(150):
        mutated = bytearray(data)
        for _ in range(rng.choice((1, 5, 40))):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        target.write_bytes(bytes(mutated[: rng.choice((len(mutated), rng.randrange(len(data))))]))
        outcomes.add(_category(read_submission(target)))
    assert RUSAK in outcomes


# --- .ods built by hand ------------------------------------------------------------------------

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)
_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods(path: Path, tables: dict[str, str]) -> Path:
    body = "".join(f'<table:table table:name="{n}">{rows}</table:table>'
                   for n, rows in tables.items())
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} '
               f'office:version="1.2"><office:body><office:spreadsheet>{body}'
               "</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return path


def _text(value: str, repeat: int = 1) -> str:
    return (f'<table:table-cell table:number-columns-repeated="{repeat}" '
            f'office:value-type="string"><text:p>{value}</text:p></table:table-cell>')


def _row(cells: str, repeat: int = 1) -> str:
    return f'<table:table-row table:number-rows-repeated="{repeat}">{cells}</table:table-row>'


_HEADERS = "".join(_text(c.header) for c in contract.COLUMNS[:12])
_ERROR = ('<table:table-cell table:formula="of:=1/0" office:value-type="string" '
          'office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p>'
          "</table:table-cell>")


def test_ods_repeated_rows_and_error_cells(tmp_path: Path) -> None:
    usulan = (_row(_text("FORMULIR")) + _row("<table:table-cell/>", 2) + _row(_HEADERS)
              + _row("<table:table-cell/>", 3)
              + _row("<table:table-cell/>" + _text("2.11 - Lingkungan Hidup") + _ERROR)
              + _row("<table:table-cell table:number-columns-repeated='1024'/>", 1048000))
    sub = read_submission(_ods(tmp_path / "a.ods", {"Usulan": usulan}))
    assert sub.read_error is None
    assert sub.header_row == 4
    assert _rows(sub, "kode_bidang_urusan", "kode_program", "nama_program") == [
        (8, "2.11 - Lingkungan Hidup", CellError("#DIV/0!"), None)]


def test_ods_repeated_error_block(tmp_path: Path) -> None:
    block = _ERROR.replace("<table:table-cell ",
                           '<table:table-cell table:number-columns-repeated="3" ')
    usulan = _row(_HEADERS) + _row(_text("1") + block, 2)
    sub = read_submission(_ods(tmp_path / "a.ods", {"Usulan": usulan}))
    assert _rows(sub, "kode_bidang_urusan", "nama_program", "kode_kegiatan") == [
        (2, CellError("#DIV/0!"), CellError("#DIV/0!"), None),
        (3, CellError("#DIV/0!"), CellError("#DIV/0!"), None),
    ]


def test_ods_repeated_value_bomb_in_any_table(tmp_path: Path) -> None:
    """calamine builds every .ods table on opening: a repeated value in a hidden table counts."""
    bomb = _row(_text("x", 1000), 100_000)
    path = _ods(tmp_path / "bom.ods", {"Usulan": _row(_HEADERS), "Referensi": bomb})
    assert path.stat().st_size < 5_000
    assert read_submission(path).read_error == (
        ReadError(TERLALU_BESAR, "lembar Referensi terisi sampai sel ALL100000, "
                                 "yaitu baris 100.000; batas 10.000 baris"))


# --- the same content saved by LibreOffice (shared strings, cached results, .ods, .xls) -------

_ERROR_ROW = good_row(no=2, calon_mitra="#REF!", potensi="=1/0", objek='="teks"+1',
                      data_dukung="=NA()")
_CACHED_ROW = good_row(anggaran="=100000000*2.5", tahun_selesai="=2025+2",
                       keterangan='=" Dihitung "&"ulang "')


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory: pytest.TempPathFactory,
                         soffice_formats: ConvertFormats) -> dict[str, dict[str, Path]]:
    """{"isi"|"jauh": {"xlsx"|"ods"|"xls": path}}, converted in one soffice call per format."""
    folder = tmp_path_factory.mktemp("libreoffice")
    isi = build_submission(
        folder / "isi.xlsx",
        [_CACHED_ROW, _ERROR_ROW, good_row(no=3, jenis_kerja_sama="  KSDPK "), {"no": 4}],
        extra_columns={5: "Catatan"}, blank_rows_before={2}, hidden_rows={1},
    )
    jauh = build_submission(folder / "jauh.xlsx", [good_row()])
    wb = openpyxl.load_workbook(jauh)
    wb["Petunjuk"]["IV65536"] = "x"
    wb.save(jauh)
    converted = soffice_formats([isi, jauh], folder)
    return {name: {fmt: paths[index] for fmt, paths in converted.items()}
            for index, name in enumerate(("isi", "jauh"))}


def _comparable(value: object) -> object:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _content(sub: Submission) -> tuple[object, ...]:
    rows = [(r.excel_row, {k: _comparable(v) for k, v in r.values.items()}) for r in sub.rows]
    identitas = {k: _comparable(v) for k, v in sub.identity.values.items()}
    return (sub.read_error, sub.header_row, sub.column_letters, sub.extra_columns, rows,
            identitas, sub.identity.cells, sub.meta)


@pytest.mark.soffice
@pytest.mark.parametrize("fmt", ["xlsx", "ods", "xls"])
def test_libreoffice_cached_formula_results(saved_by_libreoffice: dict[str, dict[str, Path]],
                                            fmt: str) -> None:
    sub = read_submission(saved_by_libreoffice["isi"][fmt])
    values = sub.rows[0].values
    assert (_comparable(values["anggaran"]), _comparable(values["tahun_selesai"])) == (
        250000000.0, 2027.0)
    assert values["keterangan"] == "Dihitung ulang"


@pytest.mark.soffice
@pytest.mark.parametrize("fmt", ["xlsx", "ods", "xls"])
def test_libreoffice_error_values(saved_by_libreoffice: dict[str, dict[str, Path]],
                                  fmt: str) -> None:
    sub = read_submission(saved_by_libreoffice["isi"][fmt])
    assert _rows(sub, "calon_mitra", "potensi", "objek", "data_dukung")[1] == (
        8, CellError("#REF!"), CellError("#DIV/0!"), CellError("#VALUE!"), CellError("#N/A"))


@pytest.mark.soffice
def test_libreoffice_formats_read_identically(
        saved_by_libreoffice: dict[str, dict[str, Path]]) -> None:
    subs = {fmt: read_submission(path) for fmt, path in saved_by_libreoffice["isi"].items()}
    xlsx = _content(subs["xlsx"])
    assert xlsx[0] is None
    assert xlsx[3] == [ExtraColumn("E", "Catatan", 0)]
    assert [row for row, _ in xlsx[4]] == [7, 8, 10]  # type: ignore[attr-defined]
    assert _content(subs["ods"]) == xlsx
    assert _content(subs["xls"]) == xlsx


@pytest.mark.soffice
def test_libreoffice_far_cell(saved_by_libreoffice: dict[str, dict[str, Path]]) -> None:
    """Every sheet of .ods/.xls is built on opening, only the sheets read of .xlsx."""
    jauh = saved_by_libreoffice["jauh"]
    assert read_submission(jauh["xlsx"]).read_error is None
    too_large = ReadError(TERLALU_BESAR, "lembar Petunjuk terisi sampai sel IV65536, "
                                         "yaitu baris 65.536; batas 10.000 baris")
    assert [read_submission(jauh[f]).read_error for f in ("ods", "xls")] == [too_large] * 2


# --- unusual but legal sheet XML, and records that would make calamine abort ----------------

_USULAN_PART = "xl/worksheets/sheet3.xml"  # build_submission: Petunjuk, Identitas, Usulan, _meta


def _rewrite_member(path: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    original = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, change(data) if info.filename == member else data)
    return path


def _prefixed(xml: bytes) -> bytes:
    """The same worksheet with every element written as `x:name` (as some .NET writers do)."""
    body = re.sub(rb"<(/?)(?!\?)([A-Za-z])", rb"<\1x:\2", xml)
    return body.replace(b"<x:worksheet xmlns=", b"<x:worksheet xmlns:x=")


def test_prefixed_sheet_xml(good_xlsx: Path) -> None:
    _rewrite_member(good_xlsx, _USULAN_PART, _prefixed)
    sub = read_submission(good_xlsx)
    assert (sub.read_error, _rows(sub, "calon_mitra")) == (None, [(7, "Kota Banjarbaru")])
    far = b'<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row></x:sheetData>'
    _rewrite_member(good_xlsx, _USULAN_PART, lambda xml: xml.replace(b"</x:sheetData>", far))
    assert read_submission(good_xlsx).read_error == (
        ReadError(TERLALU_BESAR, "lembar Usulan terisi sampai sel XFD1048576, "
                                 "yaitu baris 1.048.576; batas 10.000 baris"))


def test_cells_without_references_counted_per_row(good_xlsx: Path) -> None:
    wide = b'<row r="2000">' + b"<c><v>1</v></c>" * 3000 + b"</row></sheetData>"
    _rewrite_member(good_xlsx, _USULAN_PART, lambda xml: xml.replace(b"</sheetData>", wide))
    assert read_submission(good_xlsx).read_error == (
        ReadError(TERLALU_BESAR, "lembar Usulan terisi sampai sel DKJ2000, "
                                 "sehingga 7.402.596 sel harus dibaca; batas 5.000.000 sel"))


def test_rows_beyond_999_take_the_exact_path(good_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(good_xlsx)
    wb["Usulan"]["J1200"] = "Kota Banjarmasin"
    wb["Usulan"]["K5000"].number_format = "0.00"  # formatted but blank: not a value
    wb.save(good_xlsx)
    sub = read_submission(good_xlsx)
    assert (sub.read_error, _rows(sub, "calon_mitra")) == (None, [(7, "Kota Banjarbaru")])
    assert sub.stray_rows == [StrayRow(1200, "J1200", "Kota Banjarmasin")]


def _biff_record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _xls_with_dimensions(path: Path, first_row: int, end_row: int) -> Path:
    """A one-sheet BIFF8 workbook whose DIMENSIONS record says rows first_row..end_row."""
    bof_globals = _biff_record(0x0809, struct.pack("<HH", 0x0600, 0x0005) + bytes(12))
    name = b"Usulan"
    sheet_offset = len(bof_globals) + 4 + 8 + len(name) + 4
    boundsheet = _biff_record(0x0085, struct.pack("<IBBBB", sheet_offset, 0, 0, len(name), 0)
                              + name)
    sheet = (_biff_record(0x0809, struct.pack("<HH", 0x0600, 0x0010) + bytes(12))
             + _biff_record(0x0200, struct.pack("<IIHHH", first_row, end_row, 0, 15, 0))
             + _biff_record(0x000A, b""))
    stream = bof_globals + boundsheet + _biff_record(0x000A, b"") + sheet
    assert stream.index(sheet) == sheet_offset
    return build_compound_file(path, {"Workbook": stream})


def test_xls_dimensions_claiming_an_impossible_range(tmp_path: Path) -> None:
    """Found by fuzzing: rows 2,600,468,480..6 made calamine request 1 TB and abort."""
    path = _xls_with_dimensions(tmp_path / "dimensi.xls", 0x9B000000, 6)
    assert read_submission(path).read_error == ReadError(RUSAK)


def test_xls_dimensions_too_large_a_grid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_GRID_CELLS", 100)
    path = _xls_with_dimensions(tmp_path / "dimensi.xls", 0, 20)
    assert read_submission(path).read_error == (
        ReadError(TERLALU_BESAR, "lembar Usulan terisi sampai sel O20, "
                                 "sehingga 300 sel harus dibaca; batas 100 sel"))


def test_ods_byte_scan_agrees_with_full_parse(tmp_path: Path) -> None:
    from pemetaan_ksd.read import scan_ods

    block = _ERROR.replace("<table:table-cell ",
                           '<table:table-cell table:number-columns-repeated="3" ')
    usulan = (_row(_text("FORMULIR")) + _row("<table:table-cell/>", 2) + _row(_HEADERS)
              + _row(_text("x") + block + "<table:covered-table-cell/>" + _text("y", 2), 4)
              + _row("<table:table-cell table:number-columns-repeated='1024'/>", 1048000))
    path = _ods(tmp_path / "a.ods", {"Usulan": usulan, "Kosong": _row("<table:table-cell/>")})
    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml")
    plain, parsed = scan_ods._scan_plain(content), scan_ods._scan_parsed(content)
    assert plain == parsed
    assert (plain["Usulan"].rows, plain["Usulan"].columns) == (8, 12)  # the header is widest
    assert plain["Usulan"].error_at(7, 3) == "#DIV/0!"


@pytest.mark.parametrize("cell", [
    b'<c r="xfd1048576"><v>1</v></c>',  # calamine accepts lower-case references
    b"<c r='XFD1048576'><v>1</v></c>",
    b'<c\nr="XFD1048576"><v>1</v></c>',
    b'<c t="n" r="XFD1048576"><v>1</v></c>',
    b'<c r="AAAA1048576"><v>1</v></c>',
])
def test_far_cell_written_unusually(good_xlsx: Path, cell: bytes) -> None:
    far = b'<row r="1048576">' + cell + b"</row></sheetData>"
    _rewrite_member(good_xlsx, _USULAN_PART, lambda xml: xml.replace(b"</sheetData>", far))
    assert _category(read_submission(good_xlsx)) == TERLALU_BESAR
