"""The year's list as plain records: which usulan are in it, in which order, and per partner.

Pure and without pandas: `merge.build_konsolidasi` makes its tables from these records, and
the map of the year (peta/) is drawn from them before pandas is loaded.
"""

from __future__ import annotations

import operator
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pemetaan_ksd.contract import JENIS_KERJA_SAMA, JENIS_MITRA
from pemetaan_ksd.model import FileResult, RowResult, Severity, Usulan
from pemetaan_ksd.reference import Referensi
from pemetaan_ksd.report import Report

PRIORITY_RANK = {"Tinggi": 0, "Sedang": 1, "Rendah": 2}
_LAST = "\uffff"  # sorts a missing code after every real one

DAFTAR_COLUMNS = (
    "kode_bidang_urusan", "nama_bidang_urusan", "bidang_urusan_singkat",
    "kode_program", "nama_program", "kode_kegiatan", "nama_kegiatan", "kode_sub_kegiatan",
    "objek", "jenis_kerja_sama", "bentuk_ksdpk", "prakarsa",
    "mitra", "calon_mitra", "kode_wilayah_mitra", "jenis_mitra", "berbatasan",
    "tahun_mulai", "tahun_selesai", "jangka_waktu", "skala_prioritas", "anggaran",
    "sumber_pendanaan", "sudah_dianggarkan", "membebani", "perlu_persetujuan_dprd", "tahapan",
    "keterangan", "peringatan", "kode_opd", "nama_opd", "berkas", "baris", "sha256",
)


@dataclass
class FileTally:
    baris: int = 0
    diterima: int = 0
    luar_tahun: int = 0
    ditolak: int = 0
    anggaran: float = 0.0


@dataclass
class DaftarTahun:
    """The accepted usulan of one year, in the list's order, with each file's tally."""

    tahun: int
    files: list[FileResult]  # by display path, then content
    records: list[tuple[Any, ...]]  # in DAFTAR_COLUMNS order: a fifth of a dict's memory
    tallies: dict[int, FileTally]  # by id() of the file

    @cached_property
    def mitra(self) -> list[dict[str, Any]]:
        """mitra_records, worked out once: for the map, then for Rekap Mitra."""
        return mitra_records(self)


def daftar_tahun(report: Report, referensi: Referensi, tahun: int) -> DaftarTahun:
    """Every data row of every file counted once: in the year's list, accepted but outside the
    year, or rejected."""
    files = sorted(report.files, key=lambda f: (f.display_path, f.sha256))
    records: list[tuple[Any, ...]] = []
    tallies: dict[int, FileTally] = {}
    for fr in files:
        tally = tallies.setdefault(id(fr), FileTally())
        if not fr.in_use:
            tally.baris = len(fr.rows)  # counted as replaced (Totals.rows_replaced)
            continue
        file_galat = fr.file_has_galat
        for row in fr.rows:
            tally.baris += 1
            if file_galat or row.has_galat:
                tally.ditolak += 1
            elif covers(row.usulan, tahun):
                tally.diterima += 1
                tally.anggaran += row.usulan.anggaran or 0.0
                records.append(_in_order(_daftar_record(fr, row, referensi)))
            else:
                tally.luar_tahun += 1
    records.sort(key=_daftar_key)
    return DaftarTahun(tahun, files, records, tallies)


def covers(usulan: Usulan, tahun: int) -> bool:
    """Whether the usulan runs in `tahun` (`Tahun Mulai` .. `Tahun Selesai`, inclusive)."""
    if usulan.tahun_mulai is None or usulan.tahun_selesai is None:
        return False
    return usulan.tahun_mulai <= tahun <= usulan.tahun_selesai


def jangka_waktu(usulan: Usulan) -> str | None:
    mulai, selesai = usulan.tahun_mulai, usulan.tahun_selesai
    if mulai is None or selesai is None:
        return None
    return str(mulai) if mulai == selesai else f"{mulai}-{selesai}"


def _official(referensi: Referensi, kode: str | None, given: str | None) -> str | None:
    if kode:
        name = referensi.nomenklatur.name(kode)
        if name:
            return name
    return given


def _daftar_record(fr: FileResult, row: RowResult, referensi: Referensi) -> dict[str, Any]:
    u = row.usulan
    nama_bidang, bidang_singkat = bidang_names(referensi, u.kode_bidang_urusan)
    warnings = [f.message for f in row.findings if f.severity is Severity.PERINGATAN]
    return {
        "kode_bidang_urusan": u.kode_bidang_urusan,
        "nama_bidang_urusan": nama_bidang,
        "bidang_urusan_singkat": bidang_singkat,
        "kode_program": u.kode_program,
        "nama_program": _official(referensi, u.kode_program, u.nama_program),
        "kode_kegiatan": u.kode_kegiatan,
        "nama_kegiatan": _official(referensi, u.kode_kegiatan, u.nama_kegiatan),
        "kode_sub_kegiatan": u.kode_sub_kegiatan,
        "objek": u.objek,
        "jenis_kerja_sama": u.jenis_kerja_sama,
        "bentuk_ksdpk": u.bentuk_ksdpk,
        "prakarsa": u.prakarsa,
        "mitra": u.nama_mitra_resmi or u.calon_mitra,
        "calon_mitra": u.calon_mitra,
        "kode_wilayah_mitra": u.kode_wilayah_mitra,
        "jenis_mitra": u.jenis_mitra,
        "berbatasan": _ya_tidak(u.mitra_berbatasan),
        "tahun_mulai": u.tahun_mulai,
        "tahun_selesai": u.tahun_selesai,
        "jangka_waktu": jangka_waktu(u),
        "skala_prioritas": u.skala_prioritas,
        "anggaran": u.anggaran,
        "sumber_pendanaan": "; ".join(u.sumber_pendanaan) or None,
        "sudah_dianggarkan": u.sudah_dianggarkan,
        "membebani": u.membebani,
        "perlu_persetujuan_dprd": "Ya" if u.perlu_persetujuan_dprd else "Tidak",
        "tahapan": u.tahapan,
        "keterangan": u.keterangan,
        "peringatan": "\n".join(warnings) or None,
        "kode_opd": fr.kode_opd,
        "nama_opd": fr.nama_opd,
        "berkas": fr.display_path,
        "baris": row.excel_row,
        "sha256": fr.sha256,
    }


def _ya_tidak(value: bool | None) -> str:
    if value is None:
        return "-"
    return "Ya" if value else "Tidak"


_in_order = operator.itemgetter(*DAFTAR_COLUMNS)  # a record's values as a tuple, in C
_AT = {c: i for i, c in enumerate(DAFTAR_COLUMNS)}


def fields(*names: str) -> operator.itemgetter[Any]:
    """What takes the values of `names` from a record (DAFTAR_COLUMNS order), in C: a tuple
    of them, or the one value when one name is given."""
    return operator.itemgetter(*(_AT[name] for name in names))


_key_values = fields("kode_bidang_urusan", "kode_program", "kode_kegiatan", "skala_prioritas",
                     "kode_opd", "berkas", "sha256", "baris")


def _daftar_key(r: tuple[Any, ...]) -> tuple[Any, ...]:
    """Bidang urusan, program, kegiatan, priority Tinggi -> Rendah, OPD; then file and row."""
    bidang, program, kegiatan, prioritas, opd, berkas, sha256, baris = _key_values(r)
    return (bidang or _LAST, program or _LAST, kegiatan or _LAST,
            PRIORITY_RANK.get(prioritas or "", len(PRIORITY_RANK)), opd or _LAST,
            berkas, sha256, baris)


def bidang_names(referensi: Referensi, kode: str | None) -> tuple[str | None, str | None]:
    if not kode:
        return None, None
    bidang = referensi.bidang(kode)
    if bidang is not None:
        return bidang.nama, bidang.nama_singkat
    name = referensi.nomenklatur.name(kode)
    return name, name


def mitra_records(daftar: DaftarTahun) -> list[dict[str, Any]]:
    """Per partner: how many usulan, of which kinds, from which OPD, bordering or not (the
    rows of Rekap Mitra, and what the map counts); most usulan first."""
    groups: dict[str, list[tuple[Any, ...]]] = {}
    for r in daftar.records:
        wilayah, calon = _PARTNER(r)
        key = ("kode:" + str(wilayah) if wilayah
               else "nama:" + " ".join(str(calon or "").casefold().split()))
        groups.setdefault(key, []).append(_MITRA_FIELDS(r))
    records = [_mitra_record(rows) for rows in groups.values()]
    records.sort(key=lambda r: (-r["jumlah"], str(r["mitra"]).casefold(), str(r["mitra"])))
    return records


_PARTNER = fields("kode_wilayah_mitra", "calon_mitra")
_MITRA_FIELDS = fields("mitra", "kode_wilayah_mitra", "jenis_kerja_sama", "kode_opd", "nama_opd",
                       "berkas", "berbatasan", "jenis_mitra", "anggaran")


def _mitra_record(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """One partner from its usulan (each the fields of _MITRA_FIELDS, in that order)."""
    spellings = Counter(str(r[0] or "") for r in rows)
    mitra = min(spellings, key=lambda s: (-spellings[s], s))
    jenis = Counter(str(r[2]) for r in rows if r[2])
    kinds = _ordered(jenis, JENIS_KERJA_SAMA)
    opd = sorted({(str(r[3] or ""), str(r[4] or r[5])) for r in rows})
    berbatasan = sorted({str(r[6]) for r in rows})
    return {
        "mitra": mitra,
        "kode_wilayah_mitra": rows[0][1],
        "jenis_mitra": "; ".join(_ordered(Counter(str(r[7]) for r in rows if r[7]), JENIS_MITRA)),
        "berbatasan": "/".join(berbatasan),
        "jumlah": len(rows),
        "jenis_kerja_sama": "; ".join(f"{k} ({jenis[k]})" for k in kinds),
        "perangkat_daerah": "; ".join(dict.fromkeys(nama for _, nama in opd)),
        "anggaran": float(sum(r[8] or 0.0 for r in rows)),
    }


def _ordered(counter: Counter[str], order: tuple[str, ...]) -> list[str]:
    known = [k for k in order if k in counter]
    return known + sorted(k for k in counter if k not in order)
