"""KSD3xx: the codes of bidang urusan, program, kegiatan and sub kegiatan.

Per code cell, in this order, at most one finding: KSD301 shape, KSD304 support function (once per
row, at the highest level), KSD305 level of government, KSD302 unknown, KSD303 not nesting under
a known parent. After KSD304 or KSD305 the levels below are not checked further: they share the
same root cause.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from pemetaan_ksd.model import Finding
from pemetaan_ksd.reference import Entry, Level, Nomenklatur, bidang_urusan
from pemetaan_ksd.reference.nomenklatur import kegiatan_level_digit, level_of_shape, parent_code
from pemetaan_ksd.rules.columns import Columns, Row
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.registry import at, message, row_rule
from pemetaan_ksd.rules.where import cells_of, speaking
from pemetaan_ksd.values import name_key

CODE_KEYS: tuple[tuple[str, Level], ...] = (
    ("kode_bidang_urusan", Level.BIDANG_URUSAN),
    ("kode_program", Level.PROGRAM),
    ("kode_kegiatan", Level.KEGIATAN),
    ("kode_sub_kegiatan", Level.SUB_KEGIATAN),
)
NAME_KEYS = (("kode_program", "nama_program"), ("kode_kegiatan", "nama_kegiatan"))
_CODE_COLUMNS = tuple(key for key, _ in CODE_KEYS)
_NAMED_COLUMNS = tuple(key for pair in NAME_KEYS for key in pair)
CONTOH = {
    Level.BIDANG_URUSAN: "1.02", Level.PROGRAM: "1.02.02", Level.KEGIATAN: "1.02.02.2.01",
    Level.SUB_KEGIATAN: "1.02.02.2.01.0001",
}
KSD301 = message("KSD301")
KSD302 = message("KSD302")
KSD303 = message("KSD303")
KSD304 = message("KSD304")
KSD304_PROGRAM = message("KSD304", "program")
KSD305 = message("KSD305")
KSD305_PROVINSI = message("KSD305", "provinsi")
KSD306 = message("KSD306")
KSD307 = message("KSD307")
KSD419 = message("KSD419")
KEWENANGAN_PUSAT_PROVINSI = {
    "3.28": "pengelolaan taman hutan raya (tahura) kabupaten/kota",
    "3.29": "pemanfaatan langsung panas bumi dalam wilayah kabupaten/kota",
}


def bidang_of(code: str) -> str:
    return ".".join(code.split(".")[:2])


def is_object_bidang(bidang: str) -> bool:
    """Only the concurrent bidang urusan 1.01-3.32 can be objects of cooperation."""
    return bidang[:1] in {"1", "2", "3"}


def wrong_digit(ctx: Context) -> str:
    """The kegiatan authority digit of the other level of government."""
    return "2" if ctx.daerah.is_provinsi else "1"


def known(ctx: Context, code: str, level: Level) -> bool:
    if code in ctx.referensi.nomenklatur:
        return True
    return level is Level.BIDANG_URUSAN and ctx.referensi.bidang(code) is not None


@lru_cache(maxsize=4)
def _children_index(nomen: Nomenklatur) -> dict[str, list[Entry]]:
    """Entries by parent code, built once per nomenclature (Nomenklatur.children scans all)."""
    index: dict[str, list[Entry]] = defaultdict(list)
    for entry in nomen.entries():
        if entry.induk is not None:
            index[entry.induk].append(entry)
    return index


def children(nomen: Nomenklatur, code: str) -> list[Entry]:
    return _children_index(nomen).get(code, [])


def _nama_bidang(ctx: Context, bidang: str) -> str:
    found = ctx.referensi.bidang(bidang)
    if found is not None:
        return found.nama_singkat
    return ctx.referensi.nomenklatur.name(bidang) or "tidak dikenal"


def _shape(row: Row, ctx: Context, key: str, level: Level) -> Finding | None:
    code = row.code(key)
    shape = None if code is None else level_of_shape(code)
    if code is None or shape is level:
        return None
    lain = f". Yang tertulis berbentuk kode {shape.label}" if shape else ""
    return KSD301(at(row, key), nilai=row.shown(key), tingkat=level.label, contoh=CONTOH[level],
                  bentuk_lain=lain, versi=ctx.versi)


def _support(row: Row, ctx: Context, checked: dict[str, Finding | None]
             ) -> tuple[str, Finding] | None:
    """The first code cell (highest level) that shows a support function."""
    for key, level in CODE_KEYS:
        code = row.code(key)
        if code is None or checked.get(key) is not None:
            continue
        bidang = bidang_of(code)
        if not is_object_bidang(bidang):
            return key, KSD304(at(row, key), kode=bidang, nama=_nama_bidang(ctx, bidang))
        if level is not Level.BIDANG_URUSAN and code.split(".")[2] == "01":
            return key, KSD304_PROGRAM(at(row, key), kode=".".join(code.split(".")[:3]),
                                       bidang=bidang,
                                       contoh=_program_contoh(ctx.referensi.nomenklatur, bidang))
    return None


def _program_contoh(nomen: Nomenklatur, bidang: str) -> str:
    programs = [e for e in children(nomen, bidang) if not e.kode.endswith(".01")]
    return f", misalnya {programs[0].kode} {programs[0].nama}" if programs else ""


def _level(row: Row, ctx: Context, key: str, level: Level) -> Finding | None:
    code = row.code(key)
    if code is None or kegiatan_level_digit(code) != wrong_digit(ctx):
        return None
    pos = at(row, key)
    if ctx.daerah.is_provinsi:
        return KSD305_PROVINSI(pos, kode=code, tingkat=level.label,
                               daerah=ctx.daerah.nama_lengkap)
    program = ".".join(code.split(".")[:3])
    own = [e for e in children(ctx.referensi.nomenklatur, program)
           if kegiatan_level_digit(e.kode) == "2"]
    contoh = f", misalnya {own[0].kode} {own[0].nama}" if own else ""
    return KSD305(pos, kode=code, tingkat=level.label, daerah=ctx.daerah.nama_lengkap,
                  jenis_daerah=ctx.daerah.jenis_tingkat, contoh=contoh)


def _unknown(row: Row, ctx: Context, key: str, level: Level) -> Finding | None:
    code = row.code(key)
    if code is None or known(ctx, code, level):
        return None
    return KSD302(at(row, key), kode=code, tingkat=level.label, versi=ctx.versi,
                  saran=_siblings(ctx, code, level))


def _siblings(ctx: Context, code: str, level: Level) -> str:
    induk = parent_code(code) if level is not Level.BIDANG_URUSAN else None
    nomen = ctx.referensi.nomenklatur
    if induk is None or induk not in nomen:
        return ""
    bad = wrong_digit(ctx)
    options = [e for e in children(nomen, induk) if kegiatan_level_digit(e.kode) != bad][:3]
    if not options:
        return ""
    listed = "; ".join(f"{e.kode} {e.nama}" for e in options)
    induk_level = level_of_shape(induk)
    label = induk_level.label if induk_level else ""
    return f"; kode {level.label} di bawah {label} {induk} antara lain: {listed}"


def _nest(row: Row, ctx: Context, key: str, level: Level,
          checked: dict[str, Finding | None]) -> Finding | None:
    index = [k for k, _ in CODE_KEYS].index(key)
    if index == 0:
        return None
    parent_key, parent_level = CODE_KEYS[index - 1]
    code, induk = row.code(key), row.code(parent_key)
    if code is None or induk is None or checked.get(parent_key) is not None:
        return None
    if not known(ctx, induk, parent_level) or not known(ctx, code, level):
        return None
    sebenarnya = parent_code(code) or ""
    if sebenarnya == induk:
        return None
    nama = ctx.referensi.nomenklatur.name(sebenarnya)
    return KSD303(at(row, key), kode=code, tingkat=level.label,
                  tingkat_induk=parent_level.label, induk=induk,
                  kolom_induk=row.header(parent_key), induk_sebenarnya=sebenarnya,
                  nama_induk=f" ({nama})" if nama else "")


def _kode_nomenklatur(row: Row, ctx: Context) -> Iterator[Finding]:
    checked: dict[str, Finding | None] = {k: _shape(row, ctx, k, lv) for k, lv in CODE_KEYS}
    support = _support(row, ctx, checked)
    stop = len(CODE_KEYS)
    if support is not None:
        stop = [k for k, _ in CODE_KEYS].index(support[0])
        checked[support[0]] = support[1]
    for key, level in CODE_KEYS[:stop]:
        if checked[key] is not None:
            continue
        other_level = _level(row, ctx, key, level)
        if other_level is not None:  # the levels below share the kegiatan's authority
            checked[key] = other_level
            break
        checked[key] = _unknown(row, ctx, key, level) or _nest(row, ctx, key, level, checked)
    yield from (f for f in checked.values() if f is not None)


kode_nomenklatur = row_rule(
    "KSD301", "KSD302", "KSD303", "KSD304", "KSD305",
    where=speaking(_kode_nomenklatur, cells_of(*_CODE_COLUMNS)))(_kode_nomenklatur)


def _kewenangan_pusat_rows(cols: Columns, ctx: Context) -> list[int]:
    if ctx.daerah.is_provinsi:
        return []
    return [i for i, bidang in enumerate(cols.code("kode_bidang_urusan"))
            if bidang in KEWENANGAN_PUSAT_PROVINSI]


@row_rule("KSD306", where=_kewenangan_pusat_rows)
def kewenangan_pusat(row: Row, ctx: Context) -> Iterator[Finding]:
    bidang = row.code("kode_bidang_urusan")
    if ctx.daerah.is_provinsi or bidang not in KEWENANGAN_PUSAT_PROVINSI:
        return
    yield KSD306(at(row, "kode_bidang_urusan"), kode=bidang, nama=_nama_bidang(ctx, bidang),
                 pengecualian=KEWENANGAN_PUSAT_PROVINSI[bidang], daerah=ctx.daerah.nama_lengkap)


def comparable_name(text: str) -> str:
    """A name compared with the official one: no leading code, case, spacing, punctuation, or
    leading word "program"/"kegiatan"."""
    key = name_key(re.sub(r"^[\dX.]+\s*[-–:]?\s*", "", text.strip(), flags=re.IGNORECASE))
    return re.sub(r"^(program|kegiatan)", "", key)


def _nama_resmi(row: Row, ctx: Context) -> Iterator[Finding]:
    nomen = ctx.referensi.nomenklatur
    for code_key, name_col in NAME_KEYS:
        code, given = row.code(code_key), row.text(name_col)
        official = nomen.name(code) if code else None
        if code is None or given is None or official is None or row.blank(name_col):
            continue
        if level_of_shape(code) is not dict(CODE_KEYS)[code_key]:
            continue
        if comparable_name(given) != comparable_name(official):
            level = dict(CODE_KEYS)[code_key]
            yield KSD307(at(row, name_col), tingkat=level.label, nilai=given, kode=code,
                         versi=ctx.versi, resmi=official)


nama_resmi = row_rule("KSD307", where=speaking(_nama_resmi, cells_of(*_NAMED_COLUMNS)))(_nama_resmi)


# A code cell written as the dropdown writes it: code, separator, name ("2.11 - Kesehatan").
_CODE_THEN_NAME = re.compile(
    r"^\s*[\dXx]+(?:\s*[.,]\s*[\dXx]+)*\s*[-\u2013\u2014:]?\s*(?P<nama>.*)$", re.DOTALL)
MIN_PARTIAL_NAME = 4  # a shorter name must match whole ("Kes" is no name of its own)


def name_in_code_cell(text: str | None) -> str | None:
    """The name written after the code in a code cell ("2.11 - Kesehatan" -> "Kesehatan")."""
    match = _CODE_THEN_NAME.match(text or "")
    if match is None:
        return None
    nama = " ".join(match.group("nama").split())
    return nama if any(ch.isalpha() for ch in nama) else None


def names_agree(given: str, officials: list[str]) -> bool:
    """Whether `given` is one of the official names, whole or as a clear part of one
    ("Kesehatan" of "URUSAN PEMERINTAHAN BIDANG KESEHATAN"), or contains one."""
    key = comparable_name(given)
    for official in officials:
        resmi = comparable_name(official)
        if key == resmi:
            return True
        if len(key) >= MIN_PARTIAL_NAME and len(resmi) >= MIN_PARTIAL_NAME and (
                key in resmi or resmi in key):
            return True
    return False


def _official_names(ctx: Context, code: str, level: Level) -> list[str]:
    names = []
    if level is Level.BIDANG_URUSAN:
        bidang = ctx.referensi.bidang(code)
        if bidang is not None:
            names += [bidang.nama_singkat, bidang.nama]
    official = ctx.referensi.nomenklatur.name(code)
    if official:
        names.append(official)
    return names


def _pilihan(ctx: Context, code: str, level: Level, names: list[str]) -> str:
    bidang = ctx.referensi.bidang(code) if level is Level.BIDANG_URUSAN else None
    return bidang.pilihan if bidang is not None else f"{code} - {names[-1]}"


def _bidang_named(ctx: Context, nama: str) -> str:
    """Where a bidang urusan has the name written: how to choose it instead."""
    for bidang in bidang_urusan():
        if comparable_name(nama) in (comparable_name(bidang.nama_singkat),
                                     comparable_name(bidang.nama)):
            return (f"; bila yang dimaksud {bidang.nama_singkat}, kodenya {bidang.kode} "
                    f"(pilih \"{bidang.pilihan}\"), dan kode program serta kegiatannya pun harus "
                    f"berawalan {bidang.kode}")
    return ""


def _kode_dan_nama(row: Row, ctx: Context) -> Iterator[Finding]:
    """A code cell whose name, written after the code, is not the code's official name."""
    for key, level in CODE_KEYS:
        code = row.code(key)
        nama = name_in_code_cell(row.text(key))
        if code is None or nama is None or level_of_shape(code) is not level:
            continue
        officials = _official_names(ctx, code, level)
        if not officials or names_agree(nama, officials):
            continue
        saran = _bidang_named(ctx, nama) if level is Level.BIDANG_URUSAN else ""
        yield KSD419(at(row, key), kolom=row.header(key), nilai=row.text(key), kode=code,
                     tingkat=level.label, resmi=officials[0], nama=nama,
                     pilihan=_pilihan(ctx, code, level, officials), saran=saran)


kode_dan_nama = row_rule(
    "KSD419", where=speaking(_kode_dan_nama, cells_of(*_CODE_COLUMNS)))(_kode_dan_nama)
