"""KSD1xx: the file as a whole: readable, the template's sheets and columns, its identity, and
what a real file holds beyond the template (rows that are not usulan, other sheets, extra and
repeated columns, merged cells)."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator

from pemetaan_ksd import contract
from pemetaan_ksd.contract import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    HEADER_SEARCH_ROWS,
    SHEET_IDENTITAS,
    SHEET_USULAN,
    TEMPLATE_ID,
    TEMPLATE_VERSION,
)
from pemetaan_ksd.model import ExtraColumn, FileResult, Finding, ReadErrorKind, Submission
from pemetaan_ksd.profile import PerangkatDaerah
from pemetaan_ksd.read import find_sheet
from pemetaan_ksd.read.cells import column_index, column_letter
from pemetaan_ksd.rules.registry import Posisi, file_rule, finding
from pemetaan_ksd.rules.view import Konteks
from pemetaan_ksd.values import (
    content_of,
    is_error,
    is_placeholder_word,
    name_key,
    parse_year,
    text_of,
)

BLOCKING = frozenset({"KSD101", "KSD102", "KSD103", "KSD113"})
"""After these no row rule runs: the rows cannot be trusted to be what they seem."""

_SHEET_USE = {
    SHEET_IDENTITAS: "memuat tahun pemetaan dan perangkat daerah pengirim",
    SHEET_USULAN: "memuat daftar usulan kerja sama",
}


def has_sheet(sub: Submission, name: str) -> bool:
    """Whether the workbook has sheet `name` as the reader finds it (case, spaces ignored)."""
    return find_sheet(sub.sheet_names, name) is not None


def usulan_sheet(sub: Submission) -> str:
    """The sheet read as `Usulan` as findings name it: `Usulan`, or the sheet read instead."""
    return sub.usulan_sheet if sub.usulan_sheet and read_elsewhere(sub) else SHEET_USULAN


def has_usulan(sub: Submission) -> bool:
    """Whether a sheet is read as `Usulan`: the one of that name, or one read instead (KSD111)."""
    return sub.usulan_sheet is not None or has_sheet(sub, SHEET_USULAN)


def read_elsewhere(sub: Submission) -> bool:
    """KSD111: no sheet `Usulan`, so the one sheet holding its header was read instead."""
    return sub.usulan_sheet is not None and not has_sheet(sub, SHEET_USULAN)


def identitas_text(sub: Submission, key: str) -> str | None:
    """An Identitas value as text, spacing cleaned; None when empty or a placeholder."""
    text = content_of(sub.identitas.get(key))
    return None if is_placeholder_word(text) else text


def kode_opd_of(sub: Submission) -> str | None:
    text = identitas_text(sub, "kode_opd")
    return text.replace(" ", "") if text else None


def _identitas_at(sub: Submission, key: str) -> Posisi:
    label = next(f.label for f in contract.IDENTITAS_FIELDS if f.key == key)
    raw = sub.identitas.get(key)
    return Posisi(SHEET_IDENTITAS, sub.identitas_cells.get(key), None, label, text_of(raw))


@file_rule("KSD101")
def tidak_terbaca(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    error = sub.read_error
    if error is None:
        return
    if error.kind is ReadErrorKind.PASSWORD:
        yield finding("KSD101", variant="kata_sandi")
    elif error.kind is ReadErrorKind.TOO_LARGE:
        yield finding("KSD101", variant="terlalu_besar",
                      rincian=f" ({error.detail})" if error.detail else "")
    else:
        yield finding("KSD101", alasan=error.text)


@file_rule("KSD102")
def lembar_wajib(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    present = [s for s in sub.sheet_names if not s.startswith("_")]
    ada = f" (lembar yang ada: {', '.join(present)})" if present else ""
    for name in (SHEET_IDENTITAS, SHEET_USULAN):
        if not (has_usulan(sub) if name == SHEET_USULAN else has_sheet(sub, name)):
            yield finding("KSD102", lembar=name, ada=ada, guna=_SHEET_USE[name])


def _required_sheets(sub: Submission) -> bool:
    return has_sheet(sub, SHEET_IDENTITAS) and has_usulan(sub)


@file_rule("KSD103")
def kolom_wajib(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    if not has_usulan(sub):
        return
    missing = [contract.column(k).header for k in contract.REQUIRED_KEYS
               if k not in sub.column_letters]
    if not missing:
        return
    kolom = ", ".join(f"\"{h}\"" for h in missing)
    pos = Posisi(usulan_sheet(sub))
    if sub.header_row is None:
        yield finding("KSD103", pos, "tanpa_judul", kolom=kolom, batas=HEADER_SEARCH_ROWS,
                      baris_templat=HEADER_ROW)
    else:
        yield finding("KSD103", pos, kolom=kolom, baris=sub.header_row)


@file_rule("KSD104")
def versi_templat(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    if not _required_sheets(sub):
        return
    versi = sub.meta.get("template_version", "").strip()
    if sub.meta.get("template_id", "").strip() != TEMPLATE_ID:
        yield finding("KSD104", variant="bukan_templat", versi_kini=TEMPLATE_VERSION)
    elif versi != TEMPLATE_VERSION:
        older = versi.isdigit() and int(versi) < int(TEMPLATE_VERSION)
        yield finding("KSD104", variant="versi_lama" if older else "", versi=versi,
                      versi_kini=TEMPLATE_VERSION)


_IDENTITAS_HELP = {
    "tahun": ("menentukan tahun pemetaan yang dihimpun", "Tulis tahun empat angka, misalnya {}."),
    "kode_opd": ("dipakai untuk mengenali perangkat daerah pengirim",
                 "Tulis kode perangkat daerah sesuai daftar dari Bagian Pemerintahan, "
                 "misalnya {}."),
    "nama_opd": ("menjadi nama pengusul dalam daftar gabungan",
                 "Tulis nama lengkap perangkat daerah, misalnya {}."),
}


@file_rule("KSD105")
def identitas_lengkap(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    if not has_sheet(sub, SHEET_IDENTITAS):
        return
    contoh = ctx.profil.perangkat_daerah[0] if ctx.profil.perangkat_daerah else None
    examples = {"tahun": str(ctx.tahun),
                "kode_opd": contoh.kode if contoh else "1.02.0.00.0.00.01.0000",
                "nama_opd": contoh.nama if contoh else "Dinas Kesehatan"}
    for field in contract.IDENTITAS_FIELDS:
        if not field.required:
            continue
        pos = _identitas_at(sub, field.key)
        if identitas_text(sub, field.key) is None:
            guna, isi = _IDENTITAS_HELP[field.key]
            keadaan = ("tidak ditemukan (labelnya tidak ada di kolom A)" if pos.cell is None
                       else f"hanya berisi \"{pos.value}\"" if pos.value else "kosong")
            if is_error(sub.identitas.get(field.key)):
                keadaan = f"berisi galat spreadsheet {pos.value}"
            yield finding("KSD105", pos, label=field.label, keadaan=keadaan, guna=guna,
                          isi=isi.format(examples[field.key]))
        elif field.key == "tahun" and parse_year(sub.identitas.get("tahun")) is None:
            yield finding("KSD105", pos, "tahun", nilai=pos.value, tahun=ctx.tahun)


@file_rule("KSD106")
def tahun_sama(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    tahun = parse_year(sub.identitas.get("tahun"))
    if tahun is not None and tahun != ctx.tahun:
        yield finding("KSD106", _identitas_at(sub, "tahun"), tahun_berkas=tahun, tahun=ctx.tahun)


@file_rule("KSD107")
def opd_terdaftar(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    kode = kode_opd_of(sub)
    units = ctx.profil.perangkat_daerah
    if kode is None or not units or ctx.profil.opd(kode) is not None:
        return
    pos = _identitas_at(sub, "kode_opd")
    daerah = ctx.daerah.nama_lengkap
    match = opd_by_name(units, identitas_text(sub, "nama_opd"))
    if match is None:
        yield finding("KSD107", pos, kode=kode, daerah=daerah)
    else:
        yield finding("KSD107", pos, "saran", kode=kode, daerah=daerah, nama=match.nama,
                      kode_saran=match.kode)


def opd_by_name(units: tuple[PerangkatDaerah, ...], nama: str | None) -> PerangkatDaerah | None:
    """The profile's OPD whose name matches `nama` (exactly, else closely)."""
    if not nama:
        return None
    keys = {name_key(u.nama): u for u in units}
    wanted = name_key(nama)
    if wanted in keys:
        return keys[wanted]
    close = difflib.get_close_matches(wanted, list(keys), n=1, cutoff=0.85)
    return keys[close[0]] if close else None


@file_rule("KSD108")
def ada_usulan(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    complete = all(k in sub.column_letters for k in contract.REQUIRED_KEYS)
    if has_usulan(sub) and complete and not sub.rows and not sub.usulan_elsewhere:
        yield finding("KSD108", Posisi(usulan_sheet(sub)), tahun=ctx.tahun,
                      baris=(sub.header_row or HEADER_ROW) + FIRST_DATA_ROW - HEADER_ROW)


QUOTE_MAX = 150


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 1].rstrip() + "…"


@file_rule("KSD109")
def bukan_usulan(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    """One finding per row set aside as not an usulan, on its first non-empty cell."""
    sheet = usulan_sheet(sub)
    for stray in sub.stray_rows:
        yield finding("KSD109", Posisi(sheet, stray.cell, stray.excel_row, None, stray.text),
                      baris=stray.excel_row, isi=_quote(stray.text))


@file_rule("KSD110")
def usulan_lembar_lain(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    variant = "" if sub.rows else "kosong" if has_usulan(sub) else "tanpa_usulan"
    for sheet, count in sub.usulan_elsewhere.items():
        yield finding("KSD110", Posisi(sheet), variant, lembar=sheet, jumlah=count,
                      ada=len(sub.rows))


@file_rule("KSD111")
def lembar_pengganti(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    if read_elsewhere(sub):
        yield finding("KSD111", Posisi(sub.usulan_sheet), lembar=sub.usulan_sheet)


def _cells(count: int) -> str:
    return f"{count} sel terisi" if count else "kosong"


def _describe(column: ExtraColumn, sub: Submission) -> str:
    if column.repeats is not None:
        read = sub.column_letters.get(column.repeats, "?")
        return (f"\"{column.header}\" yang kedua (kolom {column.letter}, {_cells(column.cells)}; "
                f"yang dibaca kolom {read})")
    if not column.header:
        return f"kolom tanpa judul {column.letter} ({_cells(column.cells)})"
    return f"\"{column.header}\" (kolom {column.letter}, {_cells(column.cells)})"


@file_rule("KSD112")
def kolom_tambahan(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    extra = [c for c in sub.extra_columns if c.repeats not in contract.REQUIRED_KEYS]
    if extra:
        yield finding("KSD112", Posisi(usulan_sheet(sub)),
                      kolom="; ".join(_describe(c, sub) for c in extra))


@file_rule("KSD113")
def judul_ganda(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    for key in contract.REQUIRED_KEYS:
        copies = [c for c in sub.extra_columns if c.repeats == key]
        if not copies:
            continue
        header = contract.column(key).header
        first = sub.column_letters[key]
        filled = sum(1 for r in sub.rows if r.values.get(key) is not None)
        letters = [first, *(c.letter for c in copies)]
        isi = "; ".join([f"kolom {first}: {_cells(filled)}",
                         *(f"kolom {c.letter}: {_cells(c.cells)}" for c in copies)])
        yield finding("KSD113", Posisi(usulan_sheet(sub), column=header), judul=header,
                      kolom=", ".join(letters[:-1]) + f" dan {letters[-1]}", isi=isi)


@file_rule("KSD114")
def sel_gabung(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    """One finding per merged range touching an usulan row, at its first cell."""
    sheet = usulan_sheet(sub)
    keys = {letter: key for key, letter in sub.column_letters.items()}
    for merged in sub.merged_ranges:
        letter = column_letter(merged.left - 1)
        key = keys.get(letter)
        variant = ("mendatar" if merged.top == merged.bottom
                   else "tegak" if merged.left == merged.right else "blok")
        yield finding("KSD114", Posisi(sheet, merged.first_cell, merged.top,
                                       contract.column(key).header if key else None),
                      variant, rentang=merged.ref, dari=merged.top, sampai=merged.bottom,
                      kolom=letter)


class Placement:
    """Where row findings land so that report and feedback copy name the same cell.

    A finding on a cell inside a merged range moves to the range's first cell (the only one a
    spreadsheet shows and can annotate); on a sheet read in place of `Usulan` (KSD111), findings
    name that sheet.
    """

    def __init__(self, sub: Submission) -> None:
        self.sheet = sub.usulan_sheet if read_elsewhere(sub) else None
        self.anchors: dict[str, str] = {}
        if sub.merged_ranges:
            self._cover(sub)

    def _cover(self, sub: Submission) -> None:
        columns = [(column_index(letter), letter) for letter in sub.column_letters.values()]
        for merged in sub.merged_ranges:
            inside = [letter for index, letter in columns
                      if merged.left - 1 <= index <= merged.right - 1]
            for row in sub.rows:
                if merged.top <= row.excel_row <= merged.bottom:
                    for letter in inside:
                        self.anchors.setdefault(f"{letter}{row.excel_row}", merged.first_cell)

    def cell(self, cell: str) -> str:
        return self.anchors.get(cell, cell)

    def place(self, found: Finding) -> Finding:
        if found.sheet != SHEET_USULAN:
            return found
        cell = self.anchors.get(found.cell, found.cell) if found.cell else None
        sheet = self.sheet or found.sheet
        if cell == found.cell and sheet == found.sheet:
            return found
        return dataclasses.replace(found, sheet=sheet, cell=cell)

    def apply(self, result: FileResult) -> None:
        """Every row finding of `result`, placed."""
        if self.sheet is None and not self.anchors:
            return
        for row in result.rows:
            row.findings = [self.place(f) for f in row.findings]
