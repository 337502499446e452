"""The register of agreements in force (KB/PKS) that the TKKSD secretariat keeps (KSD417).

The profile names it (`[kerja_sama_berlaku] berkas`): a CSV or a spreadsheet with the columns
nomor, tanggal, jenis (KB/PKS), mitra, bidang urusan or objek, and berlaku sampai, found by their
headers. It is read once per run; a register that cannot be used is wrong use (ProfileError)
naming the file and the line to fix, never a silently shorter list.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pemetaan_ksd.kerja_sama_tabel import KOLOM, WAJIB, Where, find_header, read_lines
from pemetaan_ksd.reference import Wilayah, bidang_urusan
from pemetaan_ksd.values import YEAR_MAX, YEAR_MIN, name_key, parse_code, parse_date

CONTOH = "kerja_sama_berlaku.csv"  # the example shipped beside the templates
JENIS = {"KB": "Kesepakatan Bersama (KB)", "PKS": "Perjanjian Kerja Sama (PKS)"}
_JENIS_DITULIS = {name_key(text): kode for kode, texts in {
    "KB": ("KB", "Kesepakatan Bersama", "Kesepakatan Bersama (KB)"),
    "PKS": ("PKS", "Perjanjian Kerja Sama", "Perjanjian Kerja Sama (PKS)"),
}.items() for text in texts}
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
_BIDANG_HEAD = re.compile(r"^(\d\.\d{2})(?=\.|$)")


def kunci_nama(text: str) -> str:
    """A partner's name compared without case, spacing, punctuation or a bracketed legal form
    ("PT Air Minum Bandarmasih (Perseroda)" is "PT Air Minum Bandarmasih")."""
    return name_key(re.sub(r"\([^()]*\)", " ", text)) or name_key(text)


@dataclass(frozen=True)
class Tanggal:
    """A date of the register, or only its year when the register gives no more."""

    tahun: int
    hari: dt.date | None = None

    @property
    def teks(self) -> str:
        """`3 Maret 2023`, or `tahun 2027` for a bare year."""
        if self.hari is None:
            return f"tahun {self.tahun}"
        return f"{self.hari.day} {BULAN[self.hari.month - 1]} {self.hari.year}"

    @property
    def urut(self) -> tuple[int, dt.date]:
        """For sorting: a bare year counts as its first day."""
        return self.tahun, self.hari or dt.date(self.tahun, 1, 1)

    def sebelum(self, other: Tanggal) -> bool:
        """Earlier than `other`; a bare year is compared by its year alone."""
        if self.hari is not None and other.hari is not None:
            return self.hari < other.hari
        return self.tahun < other.tahun


@dataclass(frozen=True)
class Perjanjian:
    """One agreement of the register, as the rule compares it."""

    baris: int  # the line (spreadsheet row) it stands on
    nomor: str
    tanggal: Tanggal
    jenis: str  # "KB" or "PKS"
    mitra: str  # as written
    kode_mitra: str | None  # the daerah the partner denotes, when it is one
    kunci_mitra: str  # the name as `kunci_nama` compares it
    kode_bidang: str | None  # "2.11"
    objek: str | None  # the object as written, when the register names one
    sampai: Tanggal

    @property
    def jenis_lengkap(self) -> str:
        return JENIS[self.jenis]

    def berlaku_pada(self, tahun: int) -> bool:
        """In force in `tahun`: signed in or before it, not ended before it."""
        return self.tanggal.tahun <= tahun <= self.sampai.tahun


@dataclass(frozen=True)
class DaftarKerjaSama:
    """The register used by a run: its file, the sha256 of its bytes, its agreements."""

    berkas: Path
    sha256: str
    perjanjian: tuple[Perjanjian, ...]


def muat(path: Path, wilayah: Wilayah, provinsi: str, profil: str) -> DaftarKerjaSama:
    """Read the register at `path`; partners are resolved with `wilayah` (names shared by
    several daerah go to the one in `provinsi`). `profil` names the profile, for messages."""
    where = Where(path, profil)
    if not path.is_file():
        raise where.file("tidak ditemukan. Nama berkas dibaca dari folder profil: periksa "
                         "namanya, atau beri tanda # di depan kunci berkas itu bila belum ada "
                         "daftar kerja sama.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise where.file("tidak dapat dibuka: periksa izin baca berkas itu, atau tutup program "
                         "yang sedang memakainya.") from exc
    rows = read_lines(path, data, where)
    header_at, columns = find_header(rows, where)
    found = [_perjanjian(line, cells, columns, where, wilayah, provinsi)
             for line, cells in rows[header_at + 1:] if not _blank(cells, columns)]
    return DaftarKerjaSama(path, hashlib.sha256(data).hexdigest(), tuple(found))


def _cell(cells: Sequence[object], columns: dict[str, int], column: str) -> object:
    position = columns.get(column)
    if position is None or position >= len(cells):
        return None
    value = cells[position]
    return None if isinstance(value, str) and not value.strip() else value


def _blank(cells: Sequence[object], columns: dict[str, int]) -> bool:
    return all(_cell(cells, columns, c) is None for c in columns)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    return " ".join(str(value).split()) or None


def _perjanjian(line: int, cells: Sequence[object], columns: dict[str, int], where: Where,
                wilayah: Wilayah, provinsi: str) -> Perjanjian:
    for column in WAJIB:
        if _cell(cells, columns, column) is None:
            raise where.line(line, f"kolom {KOLOM[column]} kosong. Setiap kerja sama ditulis "
                             "dengan nomor, tanggal, jenis, mitra, bidang urusan atau objek, "
                             "dan berlaku sampai; hapus baris yang bukan kerja sama.")
    kode_bidang, objek = _bidang_objek(line, cells, columns, where)
    tanggal = _tanggal(line, _cell(cells, columns, "tanggal"), "tanggal", where)
    sampai = _tanggal(line, _cell(cells, columns, "sampai"), "berlaku_sampai", where)
    if sampai.sebelum(tanggal):
        raise where.line(line, f"berlaku_sampai ({sampai.teks}) lebih awal daripada tanggal "
                         f"({tanggal.teks}). Periksa kedua tanggal itu.")
    mitra = _text(_cell(cells, columns, "mitra")) or ""
    daerah = wilayah.resolve(mitra, provinsi)
    return Perjanjian(
        baris=line, nomor=_text(_cell(cells, columns, "nomor")) or "",
        tanggal=tanggal, jenis=_jenis(line, _cell(cells, columns, "jenis"), where),
        mitra=mitra, kode_mitra=daerah.kode if daerah else None, kunci_mitra=kunci_nama(mitra),
        kode_bidang=kode_bidang, objek=objek, sampai=sampai)


def _jenis(line: int, value: object, where: Where) -> str:
    text = _text(value) or ""
    found = _JENIS_DITULIS.get(name_key(text))
    if found is None:
        raise where.line(line, f"jenis \"{text}\" tidak dikenal. Tulis KB (Kesepakatan "
                         "Bersama) atau PKS (Perjanjian Kerja Sama).")
    return found


def _tanggal(line: int, value: object, column: str, where: Where) -> Tanggal:
    """A date cell (calamine gives a date), ISO text, dd/mm/yyyy, dd-mm-yyyy, or a bare year."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        if float(value).is_integer() and YEAR_MIN <= value <= YEAR_MAX:
            return Tanggal(int(value))
        day = parse_date(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value):
        if YEAR_MIN <= int(value) <= YEAR_MAX:
            return Tanggal(int(value))
        day = None
    elif isinstance(value, str | dt.date):
        day = parse_date(value)
    else:
        day = None
    if day is None:
        raise where.line(line, f"{column} \"{_text(value)}\" bukan tanggal. Tulis tanggal "
                         "seperti 2027-12-31 atau 31/12/2027, atau tahunnya saja (2027).")
    return Tanggal(day.year, day)


def _bidang_objek(line: int, cells: Sequence[object], columns: dict[str, int], where: Where
                  ) -> tuple[str | None, str | None]:
    """(bidang code, objek) of a line: a cell starting with a bidang code or naming a bidang
    gives the code; other text is an objek."""
    kode: str | None = None
    objek: str | None = None
    for column in ("bidang", "objek"):
        value = _cell(cells, columns, column)
        text = _text(value)
        if text is None:
            continue
        code = _kode_bidang(value, text)
        if code is None:
            objek = objek or text
        elif code in _bidang_codes():
            kode = kode or code
        else:
            raise where.line(line, f"kode bidang urusan {code} tidak dikenal. Tulis kode "
                             "seperti 2.11 atau 2.11 - Lingkungan Hidup (lihat: pemetaan-ksd "
                             "referensi bidang).")
    if kode is None and objek is None:
        raise where.line(line, f"kolom {KOLOM['bidang']} (atau objek) kosong. Tulis kode bidang "
                         "urusan, misalnya 2.11 - Lingkungan Hidup, atau objek kerja samanya.")
    return kode, objek


def _kode_bidang(value: object, text: str) -> str | None:
    """The bidang code a cell starts with ("2.11 - Lingkungan Hidup"), or whose name it is."""
    cleaned = parse_code(value if isinstance(value, float) else text) or ""
    match = _BIDANG_HEAD.match(cleaned)
    if match:
        return match.group(1)
    return _bidang_names().get(name_key(text))


@cache
def _bidang_names() -> dict[str, str]:
    """Every bidang code by its names, official and short, compared as `name_key` does."""
    out: dict[str, str] = {}
    for b in bidang_urusan():
        out[name_key(b.nama)] = out[name_key(b.nama_singkat)] = b.kode
    return out


@cache
def _bidang_codes() -> frozenset[str]:
    return frozenset(b.kode for b in bidang_urusan())
