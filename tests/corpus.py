"""A corpus of real-client submissions (issue 14 item 1): the OPD's own template, filled and
altered as clerks alter it, then saved by LibreOffice Calc as .xlsx, .ods and .xls.

    files = corpus_files(convert)   # {case: {"openpyxl" | "xlsx" | "ods" | "xls": path}}

Each `Case` builds one original with openpyxl from the real template (`build_template`: title
block merges, dropdowns on named lists, a protected sheet, hidden `Referensi`, very hidden
`_meta`), then perhaps rewrites its XML where openpyxl cannot write what Excel writes (shared
strings, shared formulas, a wrong `<dimension>`); `xlsx_post` rewrites LibreOffice's own .xlsx
the same way. Each declares the findings it should give, as (code, sheet, cell), the Excel rows
its usulan stand on, and a few values they should read as, the same in every format.

Nothing is committed: the files are built on demand and kept under the cache folder
(`PEMETAAN_KSD_TEST_CACHE`, else `$XDG_CACHE_HOME/pemetaan-ksd-tests`, else
`~/.cache/pemetaan-ksd-tests`), keyed by a hash of this builder's source and of the template
writer's, so a change to either builds them again: one soffice call per format for all files.

What the LibreOffice saves cover elsewhere, not repeated here: test_read_real_libreoffice.py
(signature block KSD109, merges in data rows over three columns KSD114, `Usulan (2)` copies
KSD110, a renamed sheet KSD111, extra and repeated columns KSD112/KSD113), test_read.py
(formula results cached by LibreOffice, error cells), test_feedback.py (marks on .ods/.xls).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.write.template import build_template, template_column_letters
from workbooks import add_shared_strings, usulan_rows

PROFIL = load_profile(None)
KODE_DLH = "2.11.0.00.0.00.01.0000"
CREATED = dt.datetime(2025, 1, 2, 8, 0, tzinfo=dt.UTC)
LETTERS = template_column_letters()
KEYS = [c.key for c in contract.COLUMNS]
FORMATS = ("xlsx", "ods", "xls")
ALL_FORMATS = ("openpyxl", *FORMATS)

Found = tuple[str, str | None, str | None]  # (code, sheet, cell)
Parts = dict[str, bytes]

# --- the template, filled ---------------------------------------------------------------------


def template() -> Workbook:
    """Dinas Lingkungan Hidup's template of the built-in Kabupaten Banjar profile, 2025."""
    return build_template(PROFIL, PROFIL.opd(KODE_DLH), CREATED)


def fill(ws: Worksheet, rows: Sequence[Mapping[str, object]], *,
         at: Sequence[int] | None = None, letters: Mapping[str, str] = LETTERS) -> None:
    """Write `rows` (by column key) from row 7, or at the Excel rows `at`, as a clerk types them:
    strings as text (also one starting with "="), numbers and dates as themselves."""
    places = at if at is not None else range(contract.FIRST_DATA_ROW,
                                             contract.FIRST_DATA_ROW + len(rows))
    for excel_row, values in zip(places, rows, strict=True):
        for key, value in values.items():
            if value is None:
                continue
            cell = ws[f"{letters[key]}{excel_row}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"


def with_mistake(count: int, index: int = 1) -> list[dict[str, object]]:
    """Valid usulan, one with a Jenis Kerja Sama that is not a choice (KSD202)."""
    rows = usulan_rows(count)
    rows[index]["jenis_kerja_sama"] = "KSDD Sukarelaa"
    return rows


def save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


# --- rows and columns moved as a spreadsheet program moves them --------------------------------


def _moved_range(ref: CellRange, at: int, amount: int) -> CellRange | None:
    """A range after inserting (amount > 0) or deleting (< 0) rows at `at`; None when gone."""
    top, bottom = ref.min_row, ref.max_row
    if amount > 0:
        top += amount if top >= at else 0
        bottom += amount if bottom >= at else 0
    else:
        gone = range(at, at - amount)
        kept = [r for r in range(top, bottom + 1) if r not in gone]
        if not kept:
            return None
        top, bottom = (r + amount if r >= at else r for r in (kept[0], kept[-1]))
    return CellRange(min_col=ref.min_col, min_row=top, max_col=ref.max_col, max_row=bottom)


def shift_rows(ws: Worksheet, at: int, amount: int) -> None:
    """Insert (amount > 0) or delete (amount < 0) rows at `at`, moving merges and dropdowns
    with the cells (openpyxl moves only the cells)."""
    merges = [CellRange(r.coord) for r in ws.merged_cells.ranges]
    for ref in merges:
        ws.unmerge_cells(ref.coord)
    if amount > 0:
        ws.insert_rows(at, amount)
    else:
        ws.delete_rows(at, -amount)
    for ref in merges:
        moved = _moved_range(ref, at, amount)
        if moved is not None and moved.size["rows"] * moved.size["columns"] > 1:
            ws.merge_cells(moved.coord)
    for validation in ws.data_validations.dataValidation:
        kept = [m for r in validation.sqref.ranges
                if (m := _moved_range(CellRange(r.coord), at, amount)) is not None]
        validation.sqref = MultiCellRange(" ".join(r.coord for r in kept))
    ws.print_title_rows = None


def arrange_columns(ws: Worksheet, keys: Sequence[str]) -> dict[str, str]:
    """Lay the template's columns out in the order of `keys` from the header row down (a key
    left out: that column deleted), dropdowns moved with them; returns key -> new letter."""
    old_of = {key: column_index_from_string(LETTERS[key]) for key in keys}
    new_of = {old_of[key]: j for j, key in enumerate(keys, start=1)}
    width = len(LETTERS)
    for cells in ws.iter_rows(min_row=contract.HEADER_ROW, max_row=ws.max_row, max_col=width):
        row: list[Any] = list(cells)  # no merged cells below the title block
        saved = [(c.value, c.data_type, copy(c._style)) for c in row]
        for cell in row:
            cell.value = None
        for old, new in new_of.items():
            value, data_type, style = saved[old - 1]
            cell = row[new - 1]
            cell.value = value
            cell.data_type = data_type
            cell._style = style
    for validation in ws.data_validations.dataValidation:
        pieces = []
        for r in validation.sqref.ranges:
            ref = CellRange(r.coord)
            if ref.min_col in new_of and ref.min_col == ref.max_col:
                column = new_of[ref.min_col]
                pieces.append(CellRange(min_col=column, min_row=ref.min_row, max_col=column,
                                        max_row=ref.max_row).coord)
        validation.sqref = MultiCellRange(" ".join(pieces))
    ws.data_validations.dataValidation = [v for v in ws.data_validations.dataValidation
                                          if v.sqref.ranges]
    return letters_of(keys)


def letters_of(keys: Sequence[str]) -> dict[str, str]:
    """Column key -> letter when the columns stand in the order of `keys`."""
    return {key: get_column_letter(j) for j, key in enumerate(keys, start=1)}


# --- the XML inside an .xlsx ------------------------------------------------------------------


def read_parts(path: Path) -> Parts:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_parts(path: Path, parts: Mapping[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def rewrite(path: Path, change: Callable[[Parts], Parts]) -> Path:
    return write_parts(path, change(read_parts(path)))


_SHEET = re.compile(rb"<sheet\b[^>]*?\bname=\"([^\"]*)\"[^>]*?\br:id=\"([^\"]*)\"")
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*?\bId=\"([^\"]*)\"[^>]*?\bTarget=\"([^\"]*)\"")
_RELATIONSHIP_BACKWARDS = re.compile(
    rb"<Relationship\b[^>]*?\bTarget=\"([^\"]*)\"[^>]*?\bId=\"([^\"]*)\"")


def sheet_part(parts: Mapping[str, bytes], name: str) -> str:
    """The zip path of the worksheet named `name` (openpyxl's and LibreOffice's own layout)."""
    rels = parts["xl/_rels/workbook.xml.rels"]
    targets = {rid: target for rid, target in _RELATIONSHIP.findall(rels)}
    targets.update({rid: target for target, rid in _RELATIONSHIP_BACKWARDS.findall(rels)})
    for sheet_name, rid in _SHEET.findall(parts["xl/workbook.xml"]):
        if sheet_name.decode() == name:
            target = targets[rid].decode().lstrip("/")
            return target if target.startswith("xl/") else f"xl/{target}"
    raise KeyError(name)


def worksheets(parts: Mapping[str, bytes]) -> list[str]:
    return sorted(n for n in parts if n.startswith("xl/worksheets/") and n.endswith(".xml"))


def _cell_pattern(ref: str) -> re.Pattern[bytes]:
    return re.compile(rb"<c r=\"" + ref.encode() + rb"\"([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)


def put_cell(xml: bytes, ref: str, inner: bytes, cell_type: str | None) -> bytes:
    """The cell `ref` (which must be there) holding `inner` (its <f> and <v>), its style kept."""
    match = _cell_pattern(ref).search(xml)
    if match is None:
        raise KeyError(ref)
    attributes = re.sub(rb"\s+t=\"[^\"]*\"", b"", match.group(1))
    typed = b"" if cell_type is None else b' t="' + cell_type.encode() + b'"'
    new = b'<c r="' + ref.encode() + b'"' + attributes + typed + b">" + inner + b"</c>"
    return xml[:match.start()] + new + xml[match.end():]


_INLINE = re.compile(rb"<c r=\"([A-Z]+[0-9]+)\"([^>]*?) t=\"inlineStr\"><is>(.*?)</is></c>",
                     re.DOTALL)
_SST = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def shared_strings(parts: Parts, rich: Mapping[str, bytes] | None = None) -> Parts:
    """openpyxl's inline strings moved into xl/sharedStrings.xml, as Excel stores them: each
    distinct text once, referenced by index; `rich`: {text: <si> body} for texts Excel keeps
    as formatted runs or with phonetic hints."""
    table: dict[bytes, int] = {}

    def shared(match: re.Match[bytes]) -> bytes:
        body = match.group(3)
        index = table.setdefault(body, len(table))
        return b'<c r="' + match.group(1) + b'"' + match.group(2) + b' t="s"><v>' + \
            str(index).encode() + b"</v></c>"

    out = dict(parts)
    uses = 0
    for name in worksheets(parts):
        out[name], count = _INLINE.subn(shared, parts[name])
        uses += count
    bodies = []
    for body in table:
        text = re.sub(rb"<[^>]+>", b"", body).decode()
        bodies.append((rich or {}).get(text, body))
    add_shared_strings(parts, out, (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + _SST
        + f' count="{uses}" uniqueCount="{len(table)}">'.encode()
        + b"".join(b"<si>" + body + b"</si>" for body in bodies) + b"</sst>"))
    return out


def set_dimension(parts: Parts, ref: str | None) -> Parts:
    """Every worksheet's `<dimension>` claiming `ref` (None: no `<dimension>` at all)."""
    new = b"" if ref is None else b'<dimension ref="' + ref.encode() + b'"/>'
    return {name: re.sub(rb"<dimension\b[^>]*?/>", new, data)
            if name in worksheets(parts) else data for name, data in parts.items()}


# --- the cases --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One submission as a clerk altered it, and what reading it must give in every format."""

    build: Callable[[Path], Path]  # writes the original .xlsx
    found: Sequence[Found]
    rows: tuple[int, ...]  # the Excel rows of its usulan
    values: Mapping[tuple[int, str], object] = field(default_factory=dict)  # Usulan fields
    xlsx_post: Callable[[Parts], Parts] | None = None  # applied to LibreOffice's .xlsx too
    sheet: str = contract.SHEET_USULAN  # the workbook's own name of the sheet read


def _plain(path: Path) -> Path:
    wb = template()
    fill(wb[contract.SHEET_USULAN], with_mistake(3))
    return save(wb, path)


# Shared strings: Excel's and LibreOffice's way of storing text (openpyxl writes it inline). One
# choice stored as two formatted runs, one partner name with a phonetic hint (<rPh>, which
# Excel adds to text typed through an input method editor) whose text is not part of the cell.
_RICH = {
    "KSDD Sukarela": b'<r><t xml:space="preserve">KSDD </t></r>'
                     b"<r><rPr><b/><sz val=\"11\"/></rPr><t>Sukarela</t></r>",
    "Kota Banjarbaru": b"<t>Kota Banjarbaru</t><rPh sb=\"0\" eb=\"4\"><t>kota</t></rPh>"
                       b"<phoneticPr fontId=\"0\" type=\"noConversion\"/>",
}


def _shared_strings(path: Path) -> Path:
    wb = template()
    rows = with_mistake(3)
    rows[2]["objek"] = "  Pengelolaan sampah bersama di TPA regional Banjarbakula  "
    fill(wb[contract.SHEET_USULAN], rows)
    save(wb, path)
    return rewrite(path, lambda parts: shared_strings(parts, _RICH))


# Shared formulas: Excel writes a formula filled down once, in its first cell (t="shared",
# ref, si) and the others name it by `si`; each cell keeps its cached result.
def _formulas(parts: Parts) -> Parts:
    part = sheet_part(parts, contract.SHEET_USULAN)
    xml = parts[part]
    for n, row in enumerate((7, 8, 9), start=1):
        head = b' ref="A7:A9"' if row == 7 else b""
        body = b"ROW()-6" if row == 7 else b""
        xml = put_cell(xml, f"A{row}", b'<f t="shared"' + head + b' si="0">' + body
                       + b"</f><v>" + str(n).encode() + b"</v>", None)
        head = b' ref="Z7:Z9"' if row == 7 else b""
        body = b"Y7+2" if row == 7 else b""
        xml = put_cell(xml, f"Z{row}", b'<f t="shared"' + head + b' si="1">' + body
                       + b"</f><v>2027</v>", None)
        head = b' ref="D7:D9"' if row == 7 else b""
        body = b'UPPER("Program Pengelolaan Persampahan")' if row == 7 else b""
        xml = put_cell(xml, f"D{row}", b'<f t="shared"' + head + b' si="2">' + body.replace(
            b'"', b"&quot;") + b"</f><v>PROGRAM PENGELOLAAN PERSAMPAHAN</v>", "str")
    xml = put_cell(xml, "AC8", b"<f>1/0</f><v>#DIV/0!</v>", "e")
    return {**parts, part: xml}


def _shared_formulas(path: Path) -> Path:
    wb = template()
    ws = wb[contract.SHEET_USULAN]
    fill(ws, usulan_rows(3))
    for row in (7, 8, 9):  # cells for the formulas to replace, as openpyxl writes formulas
        ws[f"A{row}"] = f"=ROW()-{contract.FIRST_DATA_ROW - 1}"
        ws[f"Z{row}"] = f"=Y{row}+2"
        ws[f"D{row}"] = '=UPPER("Program Pengelolaan Persampahan")'
    ws["AC8"] = "=1/0"
    save(wb, path)
    return rewrite(path, _formulas)


# A year typed into a cell formatted as a date shows as a date in 1905 (serial 2025); a real
# date stands for its year. The second row ends before it starts (KSD204, on Tahun Mulai).
def _dates_in_year_cells(path: Path) -> Path:
    wb = template()
    ws = wb[contract.SHEET_USULAN]
    rows = usulan_rows(3)
    rows[0].update(tahun_mulai=2025, tahun_selesai=dt.date(2027, 12, 31))
    rows[1].update(tahun_mulai=dt.datetime(2025, 1, 1, 0, 0), tahun_selesai=dt.date(2024, 6, 30))
    rows[2].update(tahun_mulai=dt.date(2025, 3, 1), tahun_selesai=2026)
    fill(ws, rows)
    for ref in ("Y7", "Z7", "Y8", "Z8", "Y9", "Z9"):
        ws[ref].number_format = "DD/MM/YYYY"
    identitas = wb[contract.SHEET_IDENTITAS]
    identitas["B4"] = 2025
    identitas["B4"].number_format = "DD/MM/YYYY"
    identitas["B11"] = dt.date(2025, 2, 14)
    return save(wb, path)


# Numbers stored as text (pasted from another program or a web form), a code typed as a number.
def _numbers_as_text(path: Path) -> Path:
    wb = template()
    rows = usulan_rows(3)
    rows[0].update(no="1", tahun_mulai="2025", tahun_selesai="2027", anggaran="250000000")
    rows[1].update(no="2", tahun_mulai=" 2025", tahun_selesai="2026 ",
                   anggaran="Rp 1.500.000,00", kode_wilayah_mitra="63.71")
    rows[2].update(no=3, kode_bidang_urusan=2.11, anggaran="dua ratus juta")
    fill(wb[contract.SHEET_USULAN], rows)
    wb[contract.SHEET_IDENTITAS]["B4"] = "2025"
    wb[contract.SHEET_IDENTITAS]["B4"].data_type = "s"
    return save(wb, path)


# Merged cells in the title block (the clerk widens the title over the whole table, merges
# `No` over the column-number row and a header up into the group row) and in the data rows
# (one bidang for three rows, one Keterangan for two).
def _merged_title(path: Path) -> Path:
    wb = template()
    ws = wb[contract.SHEET_USULAN]
    rows = with_mistake(3, index=2)
    rows[0]["keterangan"] = "Lanjutan kerja sama 2024"
    fill(ws, rows)
    for ref in ("B1:F1", "B2:F2", "B3:F3", "G2:K3"):
        ws.unmerge_cells(ref)
    ws["G2"] = None
    for row in (1, 2, 3):
        ws.merge_cells(f"B{row}:AH{row}")
    ws.merge_cells("A5:A6")
    ws.unmerge_cells("A4:G4")  # `Kode Bidang Urusan` written in the group row, merged down
    ws["B4"], ws["A4"] = ws["B5"].value, None
    ws.merge_cells("B4:B5")
    ws.merge_cells("B7:B9")
    ws.merge_cells("AH7:AH8")
    return save(wb, path)


# Hidden rows and columns: a hidden usulan is still an usulan (the clerk hid it, the file
# holds it); a hidden extra column is still noted.
def _hidden(path: Path) -> Path:
    wb = template()
    ws = wb[contract.SHEET_USULAN]
    fill(ws, with_mistake(3))
    ws["AI5"] = "Catatan Internal"
    ws["AI7"] = "sudah dibahas dengan Kabid"
    ws.row_dimensions[8].hidden = True
    for letter in ("G", "K", "AI"):
        ws.column_dimensions[letter].hidden = True
    return save(wb, path)


# A line inserted in the title block (everything one row lower), a blank row left between two
# usulan, a note typed below them (KSD109).
def _rows_inserted(path: Path) -> Path:
    wb = template()
    ws = wb[contract.SHEET_USULAN]
    shift_rows(ws, 2, 1)
    ws["B2"] = "Bidang Pengelolaan Sampah dan Limbah B3"
    fill(ws, with_mistake(3), at=(8, 10, 11))
    ws["H13"] = "Catatan: usulan ketiga menunggu persetujuan kepala dinas"
    return save(wb, path)


# The column groups row and the column-number row deleted: headers in row 4, data from row 5.
def _rows_deleted(path: Path) -> Path:
    wb = template()
    ws = wb[contract.SHEET_USULAN]
    shift_rows(ws, contract.NUMBER_ROW, -1)
    shift_rows(ws, contract.HEADER_ROW - 1, -1)
    fill(ws, with_mistake(3), at=(5, 6, 7))
    return save(wb, path)


MOVED = ["no", "keterangan", *[k for k in KEYS if k not in ("no", "keterangan",
                                                            "jenis_kerja_sama")],
         "jenis_kerja_sama"]


# Columns moved: Keterangan next to No, Jenis Kerja Sama to the end.
def _columns_moved(path: Path) -> Path:
    wb = template()
    ws = wb[contract.SHEET_USULAN]
    letters = arrange_columns(ws, MOVED)
    rows = with_mistake(3)
    rows[2]["tahun_selesai"] = 2020
    fill(ws, rows, letters=letters)
    return save(wb, path)


# An extra sheet before `Usulan` (so that sheet numbers and names no longer agree) holding a
# table of its own, and a summary sheet after it whose formulas count the usulan.
def _extra_sheet(path: Path) -> Path:
    wb = template()
    fill(wb[contract.SHEET_USULAN], with_mistake(3))
    lampiran = wb.create_sheet("Lampiran Data", 2)
    for row in (("No", "Uraian", "Jumlah", "Satuan"),
                (1, "Timbulan sampah", 320, "ton/hari"),
                (2, "Kapasitas TPA tersisa", 18, "bulan")):
        lampiran.append(row)
    lampiran.merge_cells("B5:D5")
    lampiran["B5"] = "Sumber: DLH Kabupaten Banjar 2024"
    rekap = wb.create_sheet("Rekap")
    rekap["A1"] = "Jumlah usulan"
    rekap["B1"] = "=COUNTA(Usulan!H7:H156)"
    return save(wb, path)


def _dimension(ref: str | None) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        return rewrite(_plain(path), lambda parts: set_dimension(parts, ref))
    return build


# The sheets renamed by hand: other case, spaces around.
def _renamed(path: Path) -> Path:
    wb = template()
    fill(wb[contract.SHEET_USULAN], with_mistake(3))
    for name, new in ((contract.SHEET_USULAN, " usulan "),
                      (contract.SHEET_IDENTITAS, "IDENTITAS")):
        ws = wb[name]
        ws.title = "sementara"  # openpyxl would make "IDENTITAS" "IDENTITAS1": it is taken
        ws.title = new
    return save(wb, path)


OLDER = [k for k in KEYS if k not in ("kode_sub_kegiatan", "tahapan")]


# A template of an older version: `_meta` says version 0, that version had neither
# `Kode Sub Kegiatan` nor `Tahapan Saat Ini` (both optional), and spelt some headers otherwise
# (spacing, case, a line break, the asterisk of a required column: the same headers).
_OLDER_HEADERS = {"permasalahan": "Permasalahan/Kebutuhan Nyata",
                  "kode_bidang_urusan": "Kode Bidang\nUrusan", "tahun_mulai": "Tahun Mulai *",
                  "manfaat_mitra": "MANFAAT BAGI  MITRA", "objek": "Objek Kerja Sama:"}
def _older_version(path: Path) -> Path:
    wb = template()
    ws = wb[contract.SHEET_USULAN]
    letters = arrange_columns(ws, OLDER)
    rows = [{k: v for k, v in r.items() if k in letters} for r in with_mistake(3)]
    fill(ws, rows, letters=letters)
    for key, header in _OLDER_HEADERS.items():  # spelt as that version spelt them
        ws[f"{letters[key]}{contract.HEADER_ROW}"] = header
    meta = wb[contract.SHEET_META]
    for row in meta.iter_rows(max_col=2):
        if row[0].value == "template_version":
            row[1].value = "0"
    return save(wb, path)


# Older still: before `_meta` existed.
def _no_meta(path: Path) -> Path:
    wb = template()
    fill(wb[contract.SHEET_USULAN], with_mistake(3))
    wb.remove(wb[contract.SHEET_META])
    return save(wb, path)


def _expected_cases() -> dict[str, Case]:
    moved, older = letters_of(MOVED), letters_of(OLDER)
    usulan = contract.SHEET_USULAN
    plain = [("KSD202", usulan, "I8")]
    return {
        "teks_bersama": Case(_shared_strings, plain, (7, 8, 9), {
            (7, "jenis_kerja_sama"): "KSDD Sukarela", (7, "calon_mitra"): "Kota Banjarbaru",
            (9, "objek"): "Pengelolaan sampah bersama di TPA regional Banjarbakula"}),
        "rumus_bersama": Case(_shared_formulas, [("KSD205", usulan, "AC8")], (7, 8, 9), {
            (9, "tahun_selesai"): 2027, (8, "nama_program"): "PROGRAM PENGELOLAAN PERSAMPAHAN"},
            xlsx_post=_formulas),
        "tahun_tanggal": Case(_dates_in_year_cells, [("KSD204", usulan, "Y8")], (7, 8, 9), {
            (7, "tahun_mulai"): 2025, (7, "tahun_selesai"): 2027, (8, "tahun_mulai"): 2025,
            (9, "tahun_mulai"): 2025, (9, "tahun_selesai"): 2026}),
        "angka_teks": Case(_numbers_as_text, [("KSD203", usulan, "AC9")], (7, 8, 9), {
            (7, "tahun_mulai"): 2025, (7, "anggaran"): 250000000.0, (8, "tahun_mulai"): 2025,
            (8, "tahun_selesai"): 2026, (8, "anggaran"): 1500000.0,
            (9, "kode_bidang_urusan"): "2.11"}),
        "gabung_judul": Case(_merged_title, [
            ("KSD114", usulan, "B7"), ("KSD114", usulan, "AH7"), ("KSD202", usulan, "I9")],
            (7, 8, 9), {(9, "kode_bidang_urusan"): "2.11",
                        (8, "keterangan"): "Lanjutan kerja sama 2024"}),
        "tersembunyi": Case(_hidden, [("KSD112", usulan, None), *plain], (7, 8, 9)),
        "baris_disisipkan": Case(_rows_inserted, [
            ("KSD109", usulan, "H13"), ("KSD202", usulan, "I10")], (8, 10, 11)),
        "baris_dihapus": Case(_rows_deleted, [("KSD202", usulan, "I6")], (5, 6, 7)),
        "kolom_dipindah": Case(_columns_moved, [
            ("KSD202", usulan, f"{moved['jenis_kerja_sama']}8"),
            ("KSD204", usulan, f"{moved['tahun_mulai']}9")], (7, 8, 9)),
        "lembar_tambahan": Case(_extra_sheet, plain, (7, 8, 9)),
        "dimensi_salah": Case(_dimension("A1"), plain, (7, 8, 9),
                              xlsx_post=lambda parts: set_dimension(parts, "A1")),
        "dimensi_hilang": Case(_dimension(None), plain, (7, 8, 9),
                               xlsx_post=lambda parts: set_dimension(parts, None)),
        "nama_lembar": Case(_renamed, plain, (7, 8, 9), sheet=" usulan "),
        "versi_lama": Case(_older_version, [
            ("KSD104", None, None), ("KSD202", usulan, f"{older['jenis_kerja_sama']}8")],
            (7, 8, 9)),
        "tanpa_meta": Case(_no_meta, [("KSD104", None, None), *plain], (7, 8, 9)),
    }


CASES = _expected_cases()


# --- building, converting, caching ------------------------------------------------------------

_SOURCES = ("tests/corpus.py", "tests/workbooks.py", "src/pemetaan_ksd/contract.py")
_TEMPLATE_WRITER = "src/pemetaan_ksd/write"
_WRITER_FILES = re.compile(r"(template.*|dropdowns|petunjuk.*|styles|palette)\.py")
ROOT = Path(__file__).resolve().parents[1]
Convert = Callable[[Sequence[Path], Path], dict[str, list[Path]]]


def corpus_key() -> str:
    """A hash of what the files are built from: this builder and the template writer."""
    digest = hashlib.sha256()
    paths = [ROOT / p for p in _SOURCES]
    paths += sorted(p for p in (ROOT / _TEMPLATE_WRITER).glob("*.py")
                    if _WRITER_FILES.fullmatch(p.name))
    for path in paths:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def cache_root() -> Path:
    given = os.environ.get("PEMETAAN_KSD_TEST_CACHE")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pemetaan-ksd-tests"


def _layout(folder: Path) -> dict[str, dict[str, Path]]:
    suffix = {"openpyxl": "xlsx", "xlsx": "xlsx", "ods": "ods", "xls": "xls"}
    return {name: {fmt: folder / fmt / f"{name}.{suffix[fmt]}" for fmt in ALL_FORMATS}
            for name in CASES}


def build_originals(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [case.build(folder / f"{name}.xlsx") for name, case in CASES.items()]


def _build(folder: Path, convert: Convert) -> None:
    originals = build_originals(folder / "openpyxl")
    converted = convert(originals, folder)  # folder/<fmt>/<name>.<fmt>
    for name, case in CASES.items():
        if case.xlsx_post is not None:
            [path] = [p for p in converted["xlsx"] if p.stem == name]
            rewrite(path, case.xlsx_post)


def corpus_files(convert: Convert | None, root: Path | None = None
                 ) -> dict[str, dict[str, Path]] | None:
    """The corpus from the cache, else built with `convert` (soffice_convert_formats) and
    cached; None when it is not cached and there is nothing to convert with. A cache folder
    that cannot be written is replaced by a temporary one (built again next time)."""
    root = root or cache_root()
    folder = root / f"corpus-{corpus_key()}"
    if (folder / "SELESAI").is_file():
        return _layout(folder)
    if convert is None:
        return None
    try:
        root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f"{folder.name}.", dir=root))
    except OSError:
        root = Path(tempfile.mkdtemp(prefix="pemetaan-ksd-korpus-"))
        folder = root / folder.name
        work = Path(tempfile.mkdtemp(prefix=f"{folder.name}.", dir=root))
    try:
        _build(work, convert)
        (work / "SELESAI").write_text(dt.datetime.now().isoformat(), encoding="utf-8")
        with contextlib.suppress(OSError):  # another run finished first: the same files
            work.rename(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not (folder / "SELESAI").is_file():
        raise RuntimeError(f"korpus tidak tersimpan di {folder}")
    _prune(root, keep=folder)
    return _layout(folder)


def _prune(root: Path, keep: Path, kept: int = 3, stale: float = 3600.0) -> None:
    """Leave the newest few corpora (other checkouts may use them), remove older ones, and
    the half-built folders of runs stopped more than an hour ago."""
    folders = [p for p in root.glob("corpus-*") if p.is_dir() and p != keep]
    done = sorted((p for p in folders if "." not in p.name), key=lambda p: p.stat().st_mtime,
                  reverse=True)
    cutoff = dt.datetime.now().timestamp() - stale
    for old in [*done[kept - 1:], *(p for p in folders if "." in p.name
                                    and p.stat().st_mtime < cutoff)]:
        shutil.rmtree(old, ignore_errors=True)

