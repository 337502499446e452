"""The rekap tables of the consolidated workbook, from the year's list and the files.

Pure: records in, records out (records.Records, no pandas). `merge.build_konsolidasi` calls
them; the workbook writer lays them out.
"""

from __future__ import annotations

from typing import Any

from pemetaan_ksd.contract import JENIS_KERJA_SAMA
from pemetaan_ksd.daftar_tahun import DaftarTahun, FileTally, bidang_names, fields
from pemetaan_ksd.model import FileResult, Finding, Severity
from pemetaan_ksd.records import Records
from pemetaan_ksd.reference import Referensi
from pemetaan_ksd.status import StatusOpd

_LAST = "\uffff"  # sorts a missing code after every real one

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




def rekap_urusan(daftar: DaftarTahun, referensi: Referensi) -> Records:
    """Per bidang urusan: count and yearly amount per kind of cooperation, and in all.

    One pass over the year's records in their order (each sum adds in that order); the
    bidang in code order, usulan without a bidang code last (kept: the totals still add up).
    """
    get = fields("kode_bidang_urusan", "jenis_kerja_sama", "anggaran")
    groups: dict[str | None, dict[str | None, list[Any]]] = {}
    for record in daftar.records:
        kode, jenis, anggaran = get(record)
        kinds = groups.setdefault(kode if isinstance(kode, str) else None, {})
        amount = 0.0 if anggaran is None or anggaran != anggaran else anggaran
        for key in (jenis, _ALL):
            tally = kinds.setdefault(key, [0, 0.0])
            tally[0] += 1
            tally[1] += amount
    records: list[dict[str, Any]] = []
    for kode in sorted(groups, key=lambda k: (k is None, k or "")):
        kinds = groups[kode]
        _, singkat = bidang_names(referensi, kode)
        row: dict[str, Any] = {"kode_bidang_urusan": kode, "bidang_urusan": singkat}
        for jenis in JENIS_KERJA_SAMA:
            count, amount = kinds.get(jenis, (0, 0.0))
            row[kolom_jumlah(jenis)] = count
            row[kolom_anggaran(jenis)] = float(amount)
        row["jumlah"], row["anggaran"] = kinds[_ALL][0], float(kinds[_ALL][1])
        records.append(row)
    return Records.of_dicts(records, REKAP_URUSAN_COLUMNS)


_ALL = "\x00semua"  # the tally of every kind together (no choice of Jenis Kerja Sama)


def rekap_opd(status: list[StatusOpd], tallies: dict[int, FileTally]) -> Records:
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
    return Records.of_dicts(records, REKAP_OPD_COLUMNS)


def perlu_perbaikan(files: list[FileResult]) -> Records:
    """Every rejected row with all its findings; a file that cannot enter, with its galat."""
    rows: list[tuple[Any, ...]] = []
    ordered = sorted(files, key=lambda f: ((f.kode_opd or _LAST), f.display_path, f.sha256))
    for fr in ordered:
        if not fr.in_use:
            continue  # replaced by a newer file: nothing in it is to be fixed
        for finding in fr.file_findings:
            if finding.severity is Severity.GALAT:
                rows.append(_perbaikan_row(fr, finding, len(fr.rows)))
        file_galat = fr.file_has_galat
        for row in fr.rows:
            if file_galat or row.has_galat:
                rows.extend(_perbaikan_row(fr, f, None) for f in row.findings)
    return Records(PERBAIKAN_COLUMNS, rows)


def _perbaikan_row(fr: FileResult, f: Finding, jumlah_baris: int | None) -> tuple[Any, ...]:
    """One finding in PERBAIKAN_COLUMNS order."""
    return (fr.kode_opd, fr.nama_opd, fr.display_path, f.row,
            f"{f.sheet}!{f.cell}" if f.sheet and f.cell else f.cell, f.column, f.code,
            str(f.severity), f.value, f.message, f.dasar_hukum, jumlah_baris)


def berkas_table(files: list[FileResult], tallies: dict[int, FileTally]) -> Records:
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
    return Records.of_dicts(records, BERKAS_COLUMNS)


def _berkas_note(fr: FileResult) -> str | None:
    if fr.set_aside_for:
        return f"Dikesampingkan: diganti oleh {fr.set_aside_for}"
    if fr.chosen_over:
        return "Dipilih sebagai kiriman terbaru, menggantikan " + ", ".join(sorted(fr.chosen_over))
    return None
