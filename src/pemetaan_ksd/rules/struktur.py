"""KSD1xx: the file as a whole: readable, the template's sheets and columns, its identity, and
what a real file holds beyond the template (rows that are not usulan, other sheets, extra and
repeated columns, merged cells)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from pemetaan_ksd import contract
from pemetaan_ksd.a1 import column_letter
from pemetaan_ksd.contract import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    HEADER_SEARCH_ROWS,
    SHEET_IDENTITAS,
    SHEET_USULAN,
    TEMPLATE_ID,
    TEMPLATE_VERSION,
)
from pemetaan_ksd.model import ExtraColumn, Finding, ReadErrorKind, Submission
from pemetaan_ksd.profile import PerangkatDaerah
from pemetaan_ksd.read import find_sheet
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.registry import Position, Stop, file_rule, message
from pemetaan_ksd.values import is_error, name_key, text_of

KSD101 = message("KSD101")
KSD101_KATA_SANDI = message("KSD101", "kata_sandi")
KSD101_TERLALU_BESAR = message("KSD101", "terlalu_besar")
KSD102 = message("KSD102")
KSD103 = message("KSD103")
KSD103_TANPA_JUDUL = message("KSD103", "tanpa_judul")
KSD104 = message("KSD104")
KSD104_BUKAN_TEMPLAT = message("KSD104", "bukan_templat")
KSD104_VERSI_LAMA = message("KSD104", "versi_lama")
KSD105 = message("KSD105")
KSD105_TAHUN = message("KSD105", "tahun")
KSD106 = message("KSD106")
KSD107 = message("KSD107")
KSD107_SARAN = message("KSD107", "saran")
KSD108 = message("KSD108")
KSD109 = message("KSD109")
KSD110 = {"": message("KSD110"), "kosong": message("KSD110", "kosong"),
          "tanpa_usulan": message("KSD110", "tanpa_usulan")}
KSD111 = message("KSD111")
KSD112 = message("KSD112")
KSD113 = message("KSD113")
KSD114 = {v: message("KSD114", v) for v in ("tegak", "mendatar", "blok")}
KSD419_IDENTITAS = message("KSD419", "identitas")

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


def _identitas_at(sub: Submission, key: str) -> Position:
    label = next(f.label for f in contract.IDENTITAS_FIELDS if f.key == key)
    who = sub.identity
    return Position(SHEET_IDENTITAS, who.cells.get(key), None, label,
                    text_of(who.values.get(key)))


@file_rule("KSD101", stops=Stop.FILE)
def tidak_terbaca(sub: Submission, ctx: Context) -> Iterator[Finding]:
    error = sub.read_error
    if error is None:
        return
    if error.kind is ReadErrorKind.PASSWORD:
        yield KSD101_KATA_SANDI()
    elif error.kind is ReadErrorKind.TOO_LARGE:
        yield KSD101_TERLALU_BESAR(rincian=f" ({error.detail})" if error.detail else "")
    else:
        yield KSD101(alasan=error.text)


@file_rule("KSD102", stops=Stop.ROWS)
def lembar_wajib(sub: Submission, ctx: Context) -> Iterator[Finding]:
    present = [s for s in sub.sheet_names if not s.startswith("_")]
    ada = f" (lembar yang ada: {', '.join(present)})" if present else ""
    for name in (SHEET_IDENTITAS, SHEET_USULAN):
        if not (has_usulan(sub) if name == SHEET_USULAN else has_sheet(sub, name)):
            yield KSD102(lembar=name, ada=ada, guna=_SHEET_USE[name])


def _required_sheets(sub: Submission) -> bool:
    return has_sheet(sub, SHEET_IDENTITAS) and has_usulan(sub)


@file_rule("KSD103", stops=Stop.ROWS)
def kolom_wajib(sub: Submission, ctx: Context) -> Iterator[Finding]:
    if not has_usulan(sub):
        return
    missing = [contract.column(k).header for k in contract.REQUIRED_KEYS
               if k not in sub.column_letters]
    if not missing:
        return
    kolom = ", ".join(f"\"{h}\"" for h in missing)
    pos = Position(usulan_sheet(sub))
    if sub.header_row is None:
        yield KSD103_TANPA_JUDUL(pos, kolom=kolom, batas=HEADER_SEARCH_ROWS,
                                 baris_templat=HEADER_ROW)
    else:
        yield KSD103(pos, kolom=kolom, baris=sub.header_row)


@file_rule("KSD104")
def versi_templat(sub: Submission, ctx: Context) -> Iterator[Finding]:
    if not _required_sheets(sub):
        return
    versi = (sub.identity.template_version or "").strip()
    if (sub.identity.template_id or "").strip() != TEMPLATE_ID:
        yield KSD104_BUKAN_TEMPLAT(versi_kini=TEMPLATE_VERSION)
    elif versi != TEMPLATE_VERSION:
        older = versi.isdigit() and int(versi) < int(TEMPLATE_VERSION)
        yield (KSD104_VERSI_LAMA if older else KSD104)(versi=versi, versi_kini=TEMPLATE_VERSION)


_IDENTITAS_HELP = {
    "tahun": ("menentukan tahun pemetaan yang dihimpun", "Tulis tahun empat angka, misalnya {}."),
    "kode_opd": ("dipakai untuk mengenali perangkat daerah pengirim",
                 "Tulis kode perangkat daerah sesuai daftar dari Bagian Pemerintahan, "
                 "misalnya {}."),
    "nama_opd": ("menjadi nama pengusul dalam daftar gabungan",
                 "Tulis nama lengkap perangkat daerah, misalnya {}."),
}


@file_rule("KSD105")
def identitas_lengkap(sub: Submission, ctx: Context) -> Iterator[Finding]:
    if not has_sheet(sub, SHEET_IDENTITAS):
        return
    who = sub.identity
    contoh = ctx.profil.perangkat_daerah[0] if ctx.profil.perangkat_daerah else None
    examples = {"tahun": str(ctx.tahun),
                "kode_opd": contoh.kode if contoh else "1.02.0.00.0.00.01.0000",
                "nama_opd": contoh.nama if contoh else "Dinas Kesehatan"}
    for field in contract.IDENTITAS_FIELDS:
        if not field.required:
            continue
        pos = _identitas_at(sub, field.key)
        if who.is_blank(field.key):
            guna, isi = _IDENTITAS_HELP[field.key]
            keadaan = ("tidak ditemukan (labelnya tidak ada di kolom A)" if pos.cell is None
                       else f"hanya berisi \"{pos.value}\"" if pos.value else "kosong")
            if is_error(who.values.get(field.key)):
                keadaan = f"berisi galat spreadsheet {pos.value}"
            yield KSD105(pos, label=field.label, keadaan=keadaan, guna=guna,
                         isi=isi.format(examples[field.key]))
        elif field.key == "tahun" and who.tahun is None:
            yield KSD105_TAHUN(pos, nilai=pos.value, tahun=ctx.tahun)


@file_rule("KSD106")
def tahun_sama(sub: Submission, ctx: Context) -> Iterator[Finding]:
    tahun = sub.identity.tahun
    if tahun is not None and tahun != ctx.tahun:
        yield KSD106(_identitas_at(sub, "tahun"), tahun_berkas=tahun, tahun=ctx.tahun)


@file_rule("KSD107")
def opd_terdaftar(sub: Submission, ctx: Context) -> Iterator[Finding]:
    kode = sub.identity.kode_opd
    units = ctx.profil.perangkat_daerah
    if kode is None or not units or ctx.profil.opd(kode) is not None:
        return
    pos = _identitas_at(sub, "kode_opd")
    daerah = ctx.daerah.nama_lengkap
    match = opd_by_name(units, sub.identity.nama_opd)
    if match is None:
        yield KSD107(pos, kode=kode, daerah=daerah)
    else:
        yield KSD107_SARAN(pos, kode=kode, daerah=daerah, nama=match.nama, kode_saran=match.kode)


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


TYPO_RATIO = 0.9  # a name this close to the profile's is a typing slip, not another OPD


def _singkatan(nama: str) -> str:
    """The initials an OPD goes by: "Dinas Lingkungan Hidup" -> "dlh"."""
    words = [w for w in re.findall(r"\w+", nama.casefold()) if w not in {"dan", "serta"}]
    return "".join(w[0] for w in words)


def same_opd_name(given: str, profil_nama: str) -> bool:
    """Whether `given` names the profile's OPD: the same name (case, spacing, punctuation aside),
    its initials ("DLH"), or the name with a typing slip."""
    wanted, resmi = name_key(given), name_key(profil_nama)
    if wanted == resmi or wanted == _singkatan(profil_nama):
        return True
    return difflib.SequenceMatcher(None, wanted, resmi).ratio() >= TYPO_RATIO


@file_rule("KSD419")
def nama_opd_sesuai(sub: Submission, ctx: Context) -> Iterator[Finding]:
    """The Identitas name is not the profile's name for the OPD code written beside it."""
    who = sub.identity
    opd = ctx.profil.opd(who.kode_opd) if who.kode_opd else None
    nama = who.nama_opd
    if opd is None or not nama or same_opd_name(nama, opd.nama):
        return
    others = tuple(u for u in ctx.profil.perangkat_daerah if u.kode != opd.kode)
    lain = opd_by_name(others, nama)
    saran = (f"; bila namanya yang benar, kode perangkat daerahnya {lain.kode}"
             if lain is not None else "")
    yield KSD419_IDENTITAS(_identitas_at(sub, "nama_opd"), nilai=nama, kode=opd.kode,
                           resmi=opd.nama, saran=saran)


@file_rule("KSD108")
def ada_usulan(sub: Submission, ctx: Context) -> Iterator[Finding]:
    complete = all(k in sub.column_letters for k in contract.REQUIRED_KEYS)
    if has_usulan(sub) and complete and not sub.rows and not sub.usulan_elsewhere:
        yield KSD108(Position(usulan_sheet(sub)), tahun=ctx.tahun,
                     baris=(sub.header_row or HEADER_ROW) + FIRST_DATA_ROW - HEADER_ROW)


QUOTE_MAX = 150


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 1].rstrip() + "…"


@file_rule("KSD109")
def bukan_usulan(sub: Submission, ctx: Context) -> Iterator[Finding]:
    """One finding per row set aside as not an usulan, on its first non-empty cell."""
    sheet = usulan_sheet(sub)
    for stray in sub.stray_rows:
        yield KSD109(Position(sheet, stray.cell, stray.excel_row, None, stray.text),
                     baris=stray.excel_row, isi=_quote(stray.text))


@file_rule("KSD110")
def usulan_lembar_lain(sub: Submission, ctx: Context) -> Iterator[Finding]:
    variant = "" if sub.rows else "kosong" if has_usulan(sub) else "tanpa_usulan"
    for sheet, count in sub.usulan_elsewhere.items():
        yield KSD110[variant](Position(sheet), lembar=sheet, jumlah=count, ada=len(sub.rows))


@file_rule("KSD111")
def lembar_pengganti(sub: Submission, ctx: Context) -> Iterator[Finding]:
    if read_elsewhere(sub):
        yield KSD111(Position(sub.usulan_sheet), lembar=sub.usulan_sheet)


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
def kolom_tambahan(sub: Submission, ctx: Context) -> Iterator[Finding]:
    extra = [c for c in sub.extra_columns if c.repeats not in contract.REQUIRED_KEYS]
    if extra:
        yield KSD112(Position(usulan_sheet(sub)),
                     kolom="; ".join(_describe(c, sub) for c in extra))


@file_rule("KSD113", stops=Stop.ROWS)
def judul_ganda(sub: Submission, ctx: Context) -> Iterator[Finding]:
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
        yield KSD113(Position(usulan_sheet(sub), column=header), judul=header,
                     kolom=", ".join(letters[:-1]) + f" dan {letters[-1]}", isi=isi)


@file_rule("KSD114")
def sel_gabung(sub: Submission, ctx: Context) -> Iterator[Finding]:
    """One finding per merged range touching an usulan row, at its first cell."""
    sheet = usulan_sheet(sub)
    keys = {letter: key for key, letter in sub.column_letters.items()}
    for merged in sub.merged_ranges:
        letter = column_letter(merged.left - 1)
        key = keys.get(letter)
        variant = ("mendatar" if merged.top == merged.bottom
                   else "tegak" if merged.left == merged.right else "blok")
        header = contract.column(key).header if key else None
        yield KSD114[variant](Position(sheet, merged.first_cell, merged.top, header),
                              rentang=merged.ref, dari=merged.top, sampai=merged.bottom,
                              kolom=letter)
