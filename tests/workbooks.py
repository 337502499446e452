"""Build submission workbooks in code (openpyxl), shaped like the template, for any test.

    path = build_submission(tmp_path / "dlh.xlsx", [good_row(), good_row(calon_mitra="-")])

Rows are dicts keyed by column key (contract.COLUMNS); values are written as given (strings,
numbers, dates; a string starting with "=" becomes a formula, which openpyxl stores without a
cached value; an error text such as "#REF!" or "#N/A" becomes an error cell). The layout
follows CONTRACT section 1 unless a keyword changes it: `Identitas` labels from A3, `Usulan`
title rows 1-3, group names in row 4, headers in row 5, column numbers in row 6, data from
row 7. `excel_rows()` tells where the rows landed. `build_compound_file()` writes OLE2 files
(an encrypted-looking .xlsx, a fake .xls).
"""

from __future__ import annotations

import datetime as dt
import struct
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract
from pemetaan_ksd.contract import (
    SHEET_IDENTITAS,
    SHEET_META,
    SHEET_PETUNJUK,
    SHEET_USULAN,
    TEMPLATE_ID,
    TEMPLATE_VERSION,
)

IDENTITAS_FIRST_ROW = 3

DEFAULT_IDENTITAS: dict[str, object] = {
    "tahun": 2025,
    "kode_opd": "2.11.0.00.0.00.01.0000",
    "nama_opd": "Dinas Lingkungan Hidup",
    "penanggung_jawab": "Ir. Hj. Rahmawati, M.Si.",
    "jabatan": "Kepala Bidang Pengelolaan Sampah",
    "telepon": "0511-4721234",
    "email": "dlh@banjarkab.go.id",
    "tanggal_pengisian": dt.date(2025, 2, 14),
}

DEFAULT_META: dict[str, str] = {
    "template_id": TEMPLATE_ID,
    "template_version": TEMPLATE_VERSION,
    "tahun": "2025",
    "kode_opd": "2.11.0.00.0.00.01.0000",
    "kode_daerah": "63.03",
    "created": "2025-01-15T08:00:00+08:00",
}

_GOOD_ROW: dict[str, object] = {
    "no": 1,
    "kode_bidang_urusan": "2.11 - Lingkungan Hidup",
    "kode_program": "2.11.11",
    "nama_program": "PROGRAM PENGELOLAAN PERSAMPAHAN",
    "kode_kegiatan": "2.11.11.2.01",
    "nama_kegiatan": "Pengelolaan Sampah",
    "kode_sub_kegiatan": None,
    "objek": "Pengelolaan sampah bersama di TPA regional Banjarbakula",
    "jenis_kerja_sama": "KSDD Sukarela",
    "calon_mitra": "Kota Banjarbaru",
    "kode_wilayah_mitra": "63.72",
    "jenis_mitra": "Daerah Kabupaten/Kota",
    "bentuk_ksdpk": None,
    "prakarsa": None,
    "potensi": "Lahan TPA regional tersedia di wilayah perbatasan kedua daerah",
    "permasalahan": "TPA Kabupaten Banjar hampir penuh dan sampah terus bertambah setiap tahun",
    "data_dukung": "Timbulan sampah 320 ton per hari menurut data DLH tahun 2024",
    "eksternalitas": "Pencemaran lindi TPA mengalir ke sungai yang melintasi kedua daerah",
    "efisiensi": "Biaya pengolahan per ton turun bila satu TPA dikelola bersama",
    "manfaat_daerah": "Sampah Kabupaten Banjar terangkut dan terolah sesuai standar pelayanan",
    "manfaat_mitra": "Kota Banjarbaru memperoleh tempat pemrosesan akhir sampah yang memadai",
    "dalam_perencanaan": "Ya",
    "dokumen_perencanaan": "RPJMD 2021-2026",
    "alasan_luar_perencanaan": None,
    "tahun_mulai": 2025,
    "tahun_selesai": 2027,
    "skala_prioritas": "Tinggi",
    "alasan_prioritas": "Kapasitas TPA lama habis dalam dua tahun ke depan",
    "anggaran": 250000000,
    "sumber_pendanaan": "APBD",
    "sudah_dianggarkan": "Ya",
    "membebani": "Tidak",
    "tahapan": "Persiapan",
    "keterangan": None,
}


def good_row(**overrides: object) -> dict[str, object]:
    """A complete valid usulan for the built-in Kabupaten Banjar profile (year 2025)."""
    unknown = set(overrides) - set(contract.COLUMN_BY_KEY)
    if unknown:
        raise KeyError(f"not column keys: {sorted(unknown)}")
    return {**_GOOD_ROW, **overrides}


def excel_rows(
    count: int,
    *,
    header_row: int = 5,
    number_row: bool = True,
    blank_rows_before: Collection[int] = (),
) -> list[int]:
    """The Excel row of each of `count` data rows as build_submission places them."""
    rows, current = [], header_row + (2 if number_row else 1)
    for index in range(count):
        if index in blank_rows_before:
            current += 1
        rows.append(current)
        current += 1
    return rows


def _column_layout(
    column_order: Sequence[str] | None, extra_columns: Mapping[int, str] | None
) -> list[str]:
    """Header texts in sheet order: template headers, with extra headers at their positions."""
    keys = list(column_order) if column_order is not None else [c.key for c in contract.COLUMNS]
    headers = [contract.column(k).header for k in keys]
    for position, header in sorted((extra_columns or {}).items()):
        if not 1 <= position <= len(headers) + 1:
            raise ValueError(f"extra column {position} would leave a gap")
        headers.insert(position - 1, header)
    return headers


def _write_identitas(ws: Worksheet, identitas: Mapping[str, Any]) -> None:
    ws["A1"] = "IDENTITAS PERANGKAT DAERAH"
    for offset, field in enumerate(contract.IDENTITAS_FIELDS):
        row = IDENTITAS_FIRST_ROW + offset
        ws.cell(row, 1, field.label)
        ws.cell(row, 2, identitas.get(field.key))


def _write_usulan(
    ws: Worksheet,
    headers: list[str],
    rows: Sequence[Mapping[str, Any]],
    *,
    header_row: int,
    number_row: bool,
    blank_rows_before: Collection[int],
    hidden_rows: Collection[int],
    nama_opd: object,
) -> None:
    title = ["FORMULIR PEMETAAN KERJA SAMA DAERAH", str(nama_opd or ""), "Tahun 2025"]
    for row, text in enumerate(title[: max(0, header_row - 2)], start=1):
        ws.cell(row, 1, text)
    key_of = {c.header: c.key for c in contract.COLUMNS}
    groups_seen: set[str] = set()
    for column, header in enumerate(headers, start=1):
        ws.cell(header_row, column, header)
        group = contract.column(key_of[header]).group if header in key_of else None
        if group and group not in groups_seen and header_row >= 3:
            groups_seen.add(group)
            ws.cell(header_row - 1, column, group)
        if number_row and header in key_of:
            ws.cell(header_row + 1, column, contract.column(key_of[header]).number_label)
    places = excel_rows(len(rows), header_row=header_row, number_row=number_row,
                        blank_rows_before=blank_rows_before)
    for index, (values, excel_row) in enumerate(zip(rows, places, strict=True)):
        _check_keys(values, headers)
        for column, header in enumerate(headers, start=1):
            value = values.get(key_of.get(header, header))
            if value is not None:
                ws.cell(excel_row, column, value)
        if index in hidden_rows:
            ws.row_dimensions[excel_row].hidden = True


def _check_keys(values: Mapping[str, Any], headers: list[str]) -> None:
    unknown = set(values) - set(contract.COLUMN_BY_KEY) - set(headers)
    if unknown:
        raise KeyError(f"not column keys nor extra headers: {sorted(unknown)}")


def build_submission(
    path: Path,
    rows: Sequence[Mapping[str, object]],
    *,
    identitas: Mapping[str, object] | None = None,
    meta: Mapping[str, str | None] | None = None,
    column_order: Sequence[str] | None = None,
    extra_columns: Mapping[int, str] | None = None,
    blank_rows_before: Collection[int] | None = None,
    header_row: int = 5,
    number_row: bool = True,
    hidden_rows: Collection[int] | None = None,
    sheet_names: Mapping[str, str | None] | None = None,
    usulan_cells: Mapping[str, object] | None = None,
    merged: Sequence[str] = (),
    extra_sheets: Mapping[str, Sequence[Mapping[str, object]]] | None = None,
) -> Path:
    """Write a submission workbook and return its path.

    identitas, meta: merged over the defaults (None as a value: an empty cell for identitas, no
        row for meta).
    column_order: the column keys in sheet order (default: contract order); a key left out
        means that column is missing.
    extra_columns: {1-based sheet column: header} of non-template columns, inserted in
        ascending order; a row may fill one under its header text as key.
    blank_rows_before, hidden_rows: 0-based indexes into `rows`.
    sheet_names: {contract sheet name: name to use, or None to leave the sheet out}.
    usulan_cells: {"C20": value} written on `Usulan` after the rows (a signature block, a note).
    merged: ranges of `Usulan` to merge ("B7:B9"), after everything is written; the cells a
        range covers are emptied, as a spreadsheet program does.
    extra_sheets: {name: rows} more sheets shaped like `Usulan` (a copy `Usulan (2)`), after it.
    """
    names: dict[str, str | None] = {
        n: n for n in (SHEET_PETUNJUK, SHEET_IDENTITAS, SHEET_USULAN, SHEET_META)
    }
    names.update(sheet_names or {})
    fields = {**DEFAULT_IDENTITAS, **(identitas or {})}
    wb = Workbook()
    for default_sheet in list(wb.worksheets):
        wb.remove(default_sheet)
    if names[SHEET_PETUNJUK]:
        wb.create_sheet(names[SHEET_PETUNJUK])["A1"] = "Petunjuk pengisian"
    if names[SHEET_IDENTITAS]:
        _write_identitas(wb.create_sheet(names[SHEET_IDENTITAS]), fields)
    headers = _column_layout(column_order, extra_columns)
    if names[SHEET_USULAN]:
        ws = wb.create_sheet(names[SHEET_USULAN])
        _write_usulan(ws, headers, rows, header_row=header_row, number_row=number_row,
                      blank_rows_before=blank_rows_before or (), hidden_rows=hidden_rows or (),
                      nama_opd=fields.get("nama_opd"))
        for coordinate, value in (usulan_cells or {}).items():
            ws[coordinate] = value
        for ref in merged:
            ws.merge_cells(ref)
    for name, sheet_rows in (extra_sheets or {}).items():
        _write_usulan(wb.create_sheet(name), headers, sheet_rows, header_row=header_row,
                      number_row=number_row, blank_rows_before=(), hidden_rows=(),
                      nama_opd=fields.get("nama_opd"))
    if names[SHEET_META]:
        ws = wb.create_sheet(names[SHEET_META])
        meta_values: dict[str, str | None] = {**DEFAULT_META, **(meta or {})}
        for row, (key, value) in enumerate(
            ((k, v) for k, v in meta_values.items() if v is not None), start=1
        ):
            ws.cell(row, 1, key)
            ws.cell(row, 2, value).data_type = "s"
        ws.sheet_state = "veryHidden"
    wb.save(path)
    return path


# Distinct partners (KSDD Sukarela needs no border), so that rows built with `usulan_rows` are
# never the same usulan twice (KSD503).
PARTNERS = (("Kota Banjarbaru", "63.72"), ("Kota Banjarmasin", "63.71"),
            ("Kabupaten Tapin", "63.05"), ("Kabupaten Barito Kuala", "63.04"),
            ("Kabupaten Tanah Laut", "63.01"), ("Kabupaten Hulu Sungai Selatan", "63.06"))


def usulan_rows(count: int, **overrides: object) -> list[dict[str, object]]:
    """`count` valid usulan numbered from 1, each with another partner."""
    return [good_row(no=n, calon_mitra=PARTNERS[n - 1][0], kode_wilayah_mitra=PARTNERS[n - 1][1],
                     **overrides) for n in range(1, count + 1)]


def marked_cells(wb: Any) -> set[tuple[str, str]]:
    """(sheet, cell) of every cell a feedback copy (an openpyxl Workbook) carries a note on."""
    return {(ws.title, cell.coordinate) for ws in wb.worksheets for row in ws.iter_rows()
            for cell in row if cell.comment is not None}


_CFB_END = 0xFFFFFFFE
_CFB_FREE = 0xFFFFFFFF
_CFB_FAT_SECTOR = 0xFFFFFFFD
_CFB_SECTOR = 512


def _cfb_directory_entry(name: str, kind: int, start: int, size: int, *, child: int = -1,
                         right: int = -1) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    nobody = 0xFFFFFFFF
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", nobody, right & nobody, child & nobody) + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size))


def build_compound_file(path: Path, streams: Mapping[str, bytes]) -> Path:
    """Write a minimal Compound File (OLE2, version 3) holding `streams`, e.g. an encrypted
    OOXML file ("EncryptionInfo", "EncryptedPackage") or a fake .xls ("Workbook").

    Streams shorter than 4096 bytes are padded to it, so all live in regular sectors.
    """
    if not 1 <= len(streams) <= 3:
        raise ValueError("one to three streams")
    payloads = [(name, data.ljust(4096, b"\0")) for name, data in streams.items()]
    fat = [_CFB_FAT_SECTOR, _CFB_END]  # sector 0: the FAT, sector 1: the directory
    entries = []
    body = b""
    for index, (name, data) in enumerate(payloads, start=1):
        count = -(-len(data) // _CFB_SECTOR)
        start = len(fat)
        fat.extend(range(start + 1, start + count))
        fat.append(_CFB_END)
        right = index + 1 if index < len(payloads) else -1
        entries.append(_cfb_directory_entry(name, 2, start, len(data), right=right))
        body += data.ljust(count * _CFB_SECTOR, b"\0")
    if len(fat) > _CFB_SECTOR // 4:
        raise ValueError("streams too large for one FAT sector")
    root = _cfb_directory_entry("Root Entry", 5, _CFB_END, 0, child=1)
    directory = b"".join([root, *entries]).ljust(_CFB_SECTOR, b"\0")
    fat_sector = struct.pack(f"<{_CFB_SECTOR // 4}I", *fat, *[_CFB_FREE] * (128 - len(fat)))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _CFB_END, 0, _CFB_END, 0)
              + struct.pack("<I", 0) + struct.pack("<108I", *[_CFB_FREE] * 108))
    path.write_bytes(header + fat_sector + directory + body)
    return path


def add_shared_strings(parts: Mapping[str, bytes], out: dict[str, bytes], sst: bytes) -> None:
    """Put `sst` into `out` as xl/sharedStrings.xml, registered as Excel registers it (content
    type and workbook relationship), from the .xlsx `parts` openpyxl wrote without one."""
    out["xl/sharedStrings.xml"] = sst
    out["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    out["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.'
        b'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        b"</Relationships>")
