"""Accepted usulan -> the year's list and the rekap tables (pure: no files, no printing).

Every data row of every input is counted exactly once: in the year's list, accepted but outside
the year, or rejected (CONTRACT section 3). The result does not depend on the order of the files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pemetaan_ksd.contract import JENIS_KERJA_SAMA, JENIS_MITRA
from pemetaan_ksd.errors import RekonsiliasiError
from pemetaan_ksd.model import FileResult, Finding, Report, RowResult, Severity, Usulan
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.reference import Referensi
from pemetaan_ksd.status import StatusOpd, status_pengumpulan

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
PERBAIKAN_COLUMNS = (
    "kode_opd", "nama_opd", "berkas", "baris", "sel", "kolom", "kode", "tingkat", "nilai",
    "pesan", "dasar_hukum", "jumlah_baris",
)
REKAP_OPD_COLUMNS = (
    "kode_opd", "nama_opd", "dalam_profil", "status", "berkas", "baris", "diterima",
    "diterima_luar_tahun", "ditolak", "anggaran",
)
REKAP_MITRA_COLUMNS = (
    "mitra", "kode_wilayah_mitra", "jenis_mitra", "berbatasan", "jumlah", "jenis_kerja_sama",
    "perangkat_daerah", "anggaran",
)
BERKAS_COLUMNS = (
    "berkas", "sha256", "kode_opd", "nama_opd", "status", "baris", "diterima",
    "diterima_luar_tahun", "ditolak", "catatan",
)


def kolom_jumlah(jenis: str) -> str:
    """Name of the count column of one kind of cooperation in `rekap_urusan`."""
    return f"jumlah {jenis}"


def kolom_anggaran(jenis: str) -> str:
    return f"anggaran {jenis}"


REKAP_URUSAN_COLUMNS = (
    "kode_bidang_urusan", "bidang_urusan",
    *[c for j in JENIS_KERJA_SAMA for c in (kolom_jumlah(j), kolom_anggaran(j))],
    "jumlah", "anggaran",
)




@dataclass(frozen=True)
class Rekonsiliasi:
    """Where every data row went."""

    berkas: int
    baris_dibaca: int
    diterima_tahun_ini: int
    diterima_luar_tahun: int
    ditolak: int
    bukan_usulan: int = 0  # KSD109 rows of the files in use
    diganti: int = 0  # rows of files set aside by --pilih-terbaru

    @property
    def seimbang(self) -> bool:
        total = (self.diterima_tahun_ini + self.diterima_luar_tahun + self.ditolak
                 + self.bukan_usulan + self.diganti)
        return self.baris_dibaca == total

    def to_dict(self) -> dict[str, int]:
        return {
            "berkas": self.berkas,
            "baris_dibaca": self.baris_dibaca,
            "diterima_tahun_ini": self.diterima_tahun_ini,
            "diterima_luar_tahun": self.diterima_luar_tahun,
            "ditolak": self.ditolak,
            "bukan_usulan": self.bukan_usulan,
            "diganti": self.diganti,
        }


@dataclass
class Konsolidasi:
    """The consolidated tables of one year; the workbook writer only lays them out."""

    tahun: int
    daftar: pd.DataFrame
    rekap_urusan: pd.DataFrame
    rekap_opd: pd.DataFrame
    rekap_mitra: pd.DataFrame
    perlu_perbaikan: pd.DataFrame
    berkas: pd.DataFrame
    rekonsiliasi: Rekonsiliasi
    status: list[StatusOpd] = field(default_factory=list)


@dataclass
class _FileTally:
    baris: int = 0
    diterima: int = 0
    luar_tahun: int = 0
    ditolak: int = 0
    anggaran: float = 0.0


def build_konsolidasi(report: Report, profil: Profil, referensi: Referensi,
                      tahun: int) -> Konsolidasi:
    """The year's list, the rekap tables, the rows to fix and the reconciliation."""
    files = sorted(report.files, key=lambda f: (f.display_path, f.sha256))
    records: list[dict[str, Any]] = []
    tallies: dict[int, _FileTally] = {}
    for fr in files:
        tally = tallies.setdefault(id(fr), _FileTally())
        if not fr.in_use:
            tally.baris = len(fr.rows)  # counted as replaced (Totals.rows_replaced)
            continue
        for row in fr.rows:
            tally.baris += 1
            if not fr.row_accepted(row):
                tally.ditolak += 1
            elif covers(row.usulan, tahun):
                tally.diterima += 1
                tally.anggaran += row.usulan.anggaran or 0.0
                records.append(_daftar_record(fr, row, referensi))
            else:
                tally.luar_tahun += 1
    records.sort(key=_daftar_key)
    daftar = _frame(records, DAFTAR_COLUMNS)
    status = status_pengumpulan(report, profil)
    rekon = _rekonsiliasi(report, files, tallies, len(daftar))
    return Konsolidasi(
        tahun=tahun,
        daftar=daftar,
        rekap_urusan=rekap_urusan(daftar, referensi),
        rekap_opd=_rekap_opd(status, tallies),
        rekap_mitra=rekap_mitra(daftar),
        perlu_perbaikan=_perlu_perbaikan(files),
        berkas=_berkas(files, tallies),
        rekonsiliasi=rekon,
        status=status,
    )


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


def records_of(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as plain dicts with plain values (faster than `to_dict`)."""
    columns = [str(c) for c in frame.columns]
    data = [frame[c].tolist() for c in frame.columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*data, strict=True)]


def _frame(records: list[dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    data = {c: [r[c] for r in records] for c in columns}
    return pd.DataFrame(data, columns=list(columns), dtype=object)


def _official(referensi: Referensi, kode: str | None, given: str | None) -> str | None:
    if kode:
        name = referensi.nomenklatur.name(kode)
        if name:
            return name
    return given


def _bidang_names(referensi: Referensi, kode: str | None) -> tuple[str | None, str | None]:
    if not kode:
        return None, None
    bidang = referensi.bidang(kode)
    if bidang is not None:
        return bidang.nama, bidang.nama_singkat
    name = referensi.nomenklatur.name(kode)
    return name, name


def _daftar_record(fr: FileResult, row: RowResult, referensi: Referensi) -> dict[str, Any]:
    u = row.usulan
    nama_bidang, bidang_singkat = _bidang_names(referensi, u.kode_bidang_urusan)
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


def _daftar_key(r: dict[str, Any]) -> tuple[Any, ...]:
    """Bidang urusan, program, kegiatan, priority Tinggi -> Rendah, OPD; then file and row."""
    return (
        r["kode_bidang_urusan"] or _LAST,
        r["kode_program"] or _LAST,
        r["kode_kegiatan"] or _LAST,
        PRIORITY_RANK.get(r["skala_prioritas"] or "", len(PRIORITY_RANK)),
        r["kode_opd"] or _LAST,
        r["berkas"],
        r["sha256"],
        r["baris"],
    )


def rekap_urusan(daftar: pd.DataFrame, referensi: Referensi) -> pd.DataFrame:
    """Per bidang urusan: count and yearly amount per kind of cooperation, and in all."""
    records: list[dict[str, Any]] = []
    for key, group in daftar.groupby("kode_bidang_urusan", sort=True, dropna=False):
        kode = key if isinstance(key, str) else None  # kept, so that the totals still add up
        _, singkat = _bidang_names(referensi, kode)
        record: dict[str, Any] = {"kode_bidang_urusan": kode, "bidang_urusan": singkat}
        for jenis in JENIS_KERJA_SAMA:
            part = group[group["jenis_kerja_sama"] == jenis]
            record[kolom_jumlah(jenis)] = len(part)
            record[kolom_anggaran(jenis)] = _amount(part)
        record["jumlah"] = len(group)
        record["anggaran"] = _amount(group)
        records.append(record)
    return _frame(records, REKAP_URUSAN_COLUMNS)


def _amount(part: pd.DataFrame) -> float:
    return float(sum(a for a in part["anggaran"] if a is not None and not pd.isna(a)))


def rekap_mitra(daftar: pd.DataFrame) -> pd.DataFrame:
    """Per partner: how many usulan, of which kinds, from which OPD, bordering or not."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records_of(daftar):
        groups.setdefault(_mitra_key(r), []).append(r)
    records = [_mitra_record(rows) for rows in groups.values()]
    records.sort(key=lambda r: (-r["jumlah"], str(r["mitra"]).casefold(), str(r["mitra"])))
    return _frame(records, REKAP_MITRA_COLUMNS)


def _mitra_key(r: dict[str, Any]) -> str:
    if r["kode_wilayah_mitra"]:
        return "kode:" + str(r["kode_wilayah_mitra"])
    return "nama:" + " ".join(str(r["calon_mitra"] or "").casefold().split())


def _mitra_record(rows: list[dict[str, Any]]) -> dict[str, Any]:
    spellings = Counter(str(r["mitra"] or "") for r in rows)
    mitra = min(spellings, key=lambda s: (-spellings[s], s))
    jenis = Counter(str(r["jenis_kerja_sama"]) for r in rows if r["jenis_kerja_sama"])
    kinds = _ordered(jenis, JENIS_KERJA_SAMA)
    opd = sorted({(str(r["kode_opd"] or ""), str(r["nama_opd"] or r["berkas"])) for r in rows})
    berbatasan = sorted({str(r["berbatasan"]) for r in rows})
    return {
        "mitra": mitra,
        "kode_wilayah_mitra": rows[0]["kode_wilayah_mitra"],
        "jenis_mitra": "; ".join(_ordered(Counter(
            str(r["jenis_mitra"]) for r in rows if r["jenis_mitra"]), JENIS_MITRA)),
        "berbatasan": "/".join(berbatasan),
        "jumlah": len(rows),
        "jenis_kerja_sama": "; ".join(f"{k} ({jenis[k]})" for k in kinds),
        "perangkat_daerah": "; ".join(dict.fromkeys(nama for _, nama in opd)),
        "anggaran": float(sum(r["anggaran"] or 0.0 for r in rows)),
    }


def _ordered(counter: Counter[str], order: tuple[str, ...]) -> list[str]:
    known = [k for k in order if k in counter]
    return known + sorted(k for k in counter if k not in order)


def _rekap_opd(status: list[StatusOpd], tallies: dict[int, _FileTally]) -> pd.DataFrame:
    records = []
    for item in status:
        parts = [tallies[id(f)] for f in item.files if f.in_use]
        records.append({
            "kode_opd": item.kode,
            "nama_opd": item.nama,
            "dalam_profil": item.dalam_profil,
            "status": item.status.label,
            "berkas": len(item.files),
            "baris": sum(t.baris for t in parts),
            "diterima": sum(t.diterima for t in parts),
            "diterima_luar_tahun": sum(t.luar_tahun for t in parts),
            "ditolak": sum(t.ditolak for t in parts),
            "anggaran": float(sum(t.anggaran for t in parts)),
        })
    return _frame(records, REKAP_OPD_COLUMNS)


def _perlu_perbaikan(files: list[FileResult]) -> pd.DataFrame:
    """Every rejected row with all its findings; a file that cannot enter, with its galat."""
    records: list[dict[str, Any]] = []
    ordered = sorted(files, key=lambda f: ((f.kode_opd or _LAST), f.display_path, f.sha256))
    for fr in ordered:
        if not fr.in_use:
            continue  # replaced by a newer file: nothing in it is to be fixed
        for finding in fr.file_findings:
            if finding.severity is Severity.GALAT:
                records.append(_perbaikan_record(fr, finding, len(fr.rows)))
        for row in fr.rows:
            if not fr.row_accepted(row):
                records.extend(_perbaikan_record(fr, f, None) for f in row.findings)
    return _frame(records, PERBAIKAN_COLUMNS)


def _perbaikan_record(fr: FileResult, f: Finding, jumlah_baris: int | None) -> dict[str, Any]:
    return {
        "kode_opd": fr.kode_opd,
        "nama_opd": fr.nama_opd,
        "berkas": fr.display_path,
        "baris": f.row,
        "sel": f"{f.sheet}!{f.cell}" if f.sheet and f.cell else f.cell,
        "kolom": f.column,
        "kode": f.code,
        "tingkat": str(f.severity),
        "nilai": f.value,
        "pesan": f.message,
        "dasar_hukum": f.dasar_hukum,
        "jumlah_baris": jumlah_baris,
    }


def _berkas(files: list[FileResult], tallies: dict[int, _FileTally]) -> pd.DataFrame:
    records = []
    for fr in files:
        t = tallies[id(fr)]
        records.append({
            "berkas": fr.display_path,
            "sha256": fr.sha256,
            "kode_opd": fr.kode_opd,
            "nama_opd": fr.nama_opd,
            "status": str(fr.status),
            "baris": t.baris,
            "diterima": t.diterima,
            "diterima_luar_tahun": t.luar_tahun,
            "ditolak": t.ditolak,
            "catatan": _berkas_note(fr),
        })
    return _frame(records, BERKAS_COLUMNS)


def _berkas_note(fr: FileResult) -> str | None:
    if fr.set_aside_for:
        return f"Dikesampingkan: diganti oleh {fr.set_aside_for}"
    if fr.chosen_over:
        return "Dipilih sebagai kiriman terbaru, menggantikan " + ", ".join(sorted(fr.chosen_over))
    return None


def _rekonsiliasi(report: Report, files: list[FileResult], tallies: dict[int, _FileTally],
                  in_list: int) -> Rekonsiliasi:
    totals = report.totals()
    rekon = Rekonsiliasi(
        berkas=len(files),
        baris_dibaca=sum(len(fr.rows) + fr.rows_not_usulan for fr in files),
        diterima_tahun_ini=in_list,
        diterima_luar_tahun=sum(t.luar_tahun for t in tallies.values()),
        ditolak=sum(t.ditolak for t in tallies.values()),
        bukan_usulan=totals.rows_not_usulan,
        diganti=totals.rows_replaced,
    )
    accepted = rekon.diterima_tahun_ini + rekon.diterima_luar_tahun
    if not rekon.seimbang or totals.rows_read != rekon.baris_dibaca \
            or totals.rows_accepted != accepted:
        raise RekonsiliasiError(f"Jumlah baris tidak seimbang: {rekon.to_dict()} vs "
                                f"{totals.to_dict()}")
    return rekon
