"""KSD1xx: the file as a whole: readable, the template's sheets and columns, its identity."""

from __future__ import annotations

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
from pemetaan_ksd.model import Finding, Submission
from pemetaan_ksd.profile import PerangkatDaerah
from pemetaan_ksd.read import find_sheet, reasons
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

BLOCKING = frozenset({"KSD101", "KSD102", "KSD103"})
"""After these no row rule runs: the rows cannot be trusted to be what they seem."""

_SHEET_USE = {
    SHEET_IDENTITAS: "memuat tahun pemetaan dan perangkat daerah pengirim",
    SHEET_USULAN: "memuat daftar usulan kerja sama",
}


def has_sheet(sub: Submission, name: str) -> bool:
    """Whether the workbook has sheet `name` as the reader finds it (case, spaces ignored)."""
    return find_sheet(sub.sheet_names, name) is not None


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
    if not sub.read_error:
        return
    reason = sub.read_error.rstrip(".")
    if reason.startswith(reasons.KATA_SANDI):
        yield finding("KSD101", variant="kata_sandi")
    elif reason.startswith(reasons.TERLALU_BESAR):
        detail = reason[len(reasons.TERLALU_BESAR):].strip(" ()")
        yield finding("KSD101", variant="terlalu_besar", rincian=f" ({detail})" if detail else "")
    else:
        yield finding("KSD101", alasan=reason)


@file_rule("KSD102")
def lembar_wajib(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    present = [s for s in sub.sheet_names if not s.startswith("_")]
    ada = f" (lembar yang ada: {', '.join(present)})" if present else ""
    for name in (SHEET_IDENTITAS, SHEET_USULAN):
        if not has_sheet(sub, name):
            yield finding("KSD102", lembar=name, ada=ada, guna=_SHEET_USE[name])


def _required_sheets(sub: Submission) -> bool:
    return has_sheet(sub, SHEET_IDENTITAS) and has_sheet(sub, SHEET_USULAN)


@file_rule("KSD103")
def kolom_wajib(sub: Submission, ctx: Konteks) -> Iterator[Finding]:
    if not has_sheet(sub, SHEET_USULAN):
        return
    missing = [contract.column(k).header for k in contract.REQUIRED_KEYS
               if k not in sub.column_letters]
    if not missing:
        return
    kolom = ", ".join(f"\"{h}\"" for h in missing)
    pos = Posisi(SHEET_USULAN)
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
    if has_sheet(sub, SHEET_USULAN) and complete and not sub.rows:
        yield finding("KSD108", Posisi(SHEET_USULAN), tahun=ctx.tahun,
                      baris=(sub.header_row or HEADER_ROW) + FIRST_DATA_ROW - HEADER_ROW)
