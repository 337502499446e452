"""Merge: the year's list, the rekap tables, the rows to fix and the reconciliation.

The factory at the top builds Reports directly (no reader, no rules); test_workbook.py and
test_status.py import it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pemetaan_ksd.daftar_tahun import covers, jangka_waktu
from pemetaan_ksd.merge import Konsolidasi, build_konsolidasi
from pemetaan_ksd.model import FileResult, Finding, RowResult, Severity, Usulan
from pemetaan_ksd.profile import Profil, load_profile
from pemetaan_ksd.report import Report

# ------------------------------------------------------------------ factory

CREATED = dt.datetime(2025, 3, 1, 10, 0, 0)

_USULAN_DEFAULTS: dict[str, Any] = {
    "kode_bidang_urusan": "1.02",
    "kode_program": "1.02.02",
    "nama_program": None,
    "kode_kegiatan": "1.02.02.2.01",
    "nama_kegiatan": None,
    "kode_sub_kegiatan": None,
    "objek": "Rujukan pasien antardaerah di wilayah perbatasan",
    "jenis_kerja_sama": "KSDD Sukarela",
    "calon_mitra": "Kota Banjarbaru",
    "kode_wilayah_mitra": "63.72",
    "nama_mitra_resmi": "Kota Banjarbaru",
    "mitra_berbatasan": True,
    "jenis_mitra": "Daerah Kabupaten/Kota",
    "bentuk_ksdpk": None,
    "prakarsa": None,
    "tahun_mulai": 2025,
    "tahun_selesai": 2027,
    "skala_prioritas": "Tinggi",
    "anggaran": 100_000_000.0,
    "sumber_pendanaan": ("APBD",),
    "sudah_dianggarkan": "Ya",
    "membebani": "Tidak",
    "tahapan": "Persiapan",
    "keterangan": None,
    "perlu_persetujuan_dprd": False,
}


def usulan(excel_row: int = 7, **changes: Any) -> Usulan:
    return Usulan(excel_row=excel_row, **{**_USULAN_DEFAULTS, **changes})


def finding(code: str, severity: Severity = Severity.GALAT, row: int | None = None,
            cell: str | None = None, message: str | None = None) -> Finding:
    return Finding(code=code, severity=severity, message=message or f"Pesan {code}.",
                   sheet="Usulan" if row is not None else None, cell=cell, row=row)


def baris(excel_row: int, *findings: Finding, **changes: Any) -> RowResult:
    return RowResult(excel_row, usulan(excel_row, **changes), list(findings))


def galat_row(excel_row: int, code: str = "KSD201", **changes: Any) -> RowResult:
    return baris(excel_row, finding(code, row=excel_row, cell=f"H{excel_row}"), **changes)


def berkas(name: str, kode_opd: str | None, rows: list[RowResult], *,
           nama_opd: str | None = None, file_findings: list[Finding] | None = None,
           tahun: int | None = 2025, unreadable: bool = False, mtime: float = 1_740_000_000.0,
           tanggal: dt.date | None = None, **extra: Any) -> FileResult:
    return FileResult(
        path=Path("/masuk") / name, display_path=f"masuk/{name}",
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        mtime=mtime, kode_opd=kode_opd, nama_opd=nama_opd or (kode_opd and f"OPD {kode_opd}"),
        tahun=tahun, tanggal_pengisian=tanggal, template_version="1",
        file_findings=list(file_findings or []), rows=rows, unreadable=unreadable, **extra)


def laporan(files: list[FileResult], tahun: int = 2025, created: dt.datetime = CREATED,
            **extra: Any) -> Report:
    return Report(tahun=tahun, kode_daerah="63.03", nama_daerah="Kabupaten Banjar",
                  nomenklatur="Kepmendagri 900.1.15.5-1317/2023", profil="profil uji",
                  tool_version="0.1.0", created=created, files=files, **extra)


@functools.cache
def profil() -> Profil:
    return load_profile(None)


def opd(i: int) -> str:
    """The code of the i-th perangkat daerah of the built-in profile."""
    return profil().perangkat_daerah[i].kode


def konsolidasi(report: Report, tahun: int = 2025) -> Konsolidasi:
    p = profil()
    return build_konsolidasi(report, p, p.referensi(), tahun)


def contoh_files() -> list[FileResult]:
    """A small realistic set: valid, partly valid, out-of-year rows, unreadable, wrong year."""
    dinkes = berkas("dinkes.xlsx", opd(1), [
        baris(7),
        baris(8, kode_program="1.02.03", kode_kegiatan="1.02.03.2.02", skala_prioritas="Sedang",
              jenis_kerja_sama="KSDPK", calon_mitra="PT Air Minum Bandarmasih",
              kode_wilayah_mitra=None, nama_mitra_resmi=None, mitra_berbatasan=None,
              jenis_mitra="Badan Usaha Berbadan Hukum", bentuk_ksdpk="Investasi",
              anggaran=250_000_000.0, perlu_persetujuan_dprd=True),
        baris(9, tahun_mulai=2026, tahun_selesai=2027),
        galat_row(10),
    ])
    pu = berkas("dinas pu.xlsx", opd(3), [
        baris(7, kode_bidang_urusan="1.03", kode_program="1.03.03", kode_kegiatan="1.03.03.2.01",
              jenis_kerja_sama="KSDD Wajib", calon_mitra="Kabupaten Tapin",
              kode_wilayah_mitra="63.05", nama_mitra_resmi="Kabupaten Tapin",
              anggaran=None, skala_prioritas="Rendah"),
        baris(8, finding("KSD307", Severity.PERINGATAN, 8, "D8", "Nama program berbeda."),
              kode_bidang_urusan="1.03", kode_program="1.03.03", kode_kegiatan="1.03.03.2.01",
              jenis_kerja_sama="Sinergi", calon_mitra="Kementerian PUPR",
              kode_wilayah_mitra=None, nama_mitra_resmi=None, mitra_berbatasan=None,
              jenis_mitra="Pemerintah Pusat", anggaran=75_000_000.0),
    ])
    rusak = berkas("rusak.xlsx", None, [], tahun=None, unreadable=True,
                   file_findings=[finding("KSD101")])
    lama = berkas("dlh-2024.xlsx", opd(11), [baris(7), baris(8)], tahun=2024,
                  file_findings=[finding("KSD106")])
    return [dinkes, pu, rusak, lama]


# ------------------------------------------------------------------ tests


def test_every_row_is_counted_once() -> None:
    kons = konsolidasi(laporan(contoh_files()))
    r = kons.rekonsiliasi
    assert (r.berkas, r.baris_dibaca, r.diterima_tahun_ini, r.diterima_luar_tahun, r.ditolak) == (
        4, 8, 4, 1, 3)
    assert r.seimbang
    per_file = kons.berkas[["berkas", "baris", "diterima", "diterima_luar_tahun", "ditolak"]]
    assert [tuple(x) for x in per_file.itertuples(index=False)] == [
        ("masuk/dinas pu.xlsx", 2, 2, 0, 0),
        ("masuk/dinkes.xlsx", 4, 2, 1, 1),
        ("masuk/dlh-2024.xlsx", 2, 0, 0, 2),
        ("masuk/rusak.xlsx", 0, 0, 0, 0),
    ]
    rekap = kons.rekap_opd
    assert rekap["baris"].sum() == r.baris_dibaca
    assert rekap["diterima"].sum() + rekap["diterima_luar_tahun"].sum() + \
        rekap["ditolak"].sum() == r.baris_dibaca


def test_rows_of_other_years_are_outside_not_rejected() -> None:
    files = [berkas("a.xlsx", opd(1), [baris(7, tahun_mulai=2023, tahun_selesai=2024),
                                       baris(8, tahun_mulai=2025, tahun_selesai=2025),
                                       baris(9, tahun_mulai=2026, tahun_selesai=2030)])]
    kons = konsolidasi(laporan(files))
    assert list(kons.daftar["baris"]) == [8]
    assert (kons.rekonsiliasi.diterima_luar_tahun, kons.rekonsiliasi.ditolak) == (2, 0)
    assert kons.perlu_perbaikan.empty


def test_perlu_perbaikan_lists_rejected_rows_and_file_galat() -> None:
    kons = konsolidasi(laporan(contoh_files()))
    got = [(r["berkas"], r["baris"], r["kode"], r["tingkat"], r["jumlah_baris"])
           for r in kons.perlu_perbaikan.to_dict("records")]
    assert got == [
        ("masuk/dinkes.xlsx", 10, "KSD201", "galat", None),
        ("masuk/dlh-2024.xlsx", None, "KSD106", "galat", 2),
        ("masuk/rusak.xlsx", None, "KSD101", "galat", 0),
    ]
    assert kons.perlu_perbaikan.iloc[0]["sel"] == "Usulan!H10"


def test_rejected_row_keeps_all_its_findings() -> None:
    row = baris(7, finding("KSD201", row=7, cell="H7"),
                finding("KSD307", Severity.PERINGATAN, 7, "D7"),
                finding("KSD410", Severity.INFO, 7, "AF7"))
    kons = konsolidasi(laporan([berkas("a.xlsx", opd(1), [row])]))
    assert list(kons.perlu_perbaikan["kode"]) == ["KSD201", "KSD307", "KSD410"]


def test_order_bidang_program_kegiatan_priority_opd() -> None:
    specs = [  # (bidang, program, kegiatan, priority, opd index)
        ("1.03", "1.03.03", "1.03.03.2.01", "Tinggi", 3),
        ("1.02", "1.02.03", "1.02.03.2.01", "Tinggi", 1),
        ("1.02", "1.02.02", "1.02.02.2.02", "Rendah", 1),
        ("1.02", "1.02.02", "1.02.02.2.01", "Rendah", 1),
        ("1.02", "1.02.02", "1.02.02.2.01", "Sedang", 2),
        ("1.02", "1.02.02", "1.02.02.2.01", "Tinggi", 2),
        ("1.02", "1.02.02", "1.02.02.2.01", "Tinggi", 1),
    ]
    files = []
    for n, (b, p, k, prio, i) in enumerate(specs):
        files.append(berkas(f"f{n}.xlsx", opd(i), [baris(
            7, kode_bidang_urusan=b, kode_program=p, kode_kegiatan=k, skala_prioritas=prio)]))
    random.Random(4).shuffle(files)
    daftar = konsolidasi(laporan(files)).daftar
    got = [(r.kode_kegiatan, r.skala_prioritas, r.kode_opd) for r in daftar.itertuples()]
    assert got == [
        ("1.02.02.2.01", "Tinggi", opd(1)),
        ("1.02.02.2.01", "Tinggi", opd(2)),
        ("1.02.02.2.01", "Sedang", opd(2)),
        ("1.02.02.2.01", "Rendah", opd(1)),
        ("1.02.02.2.02", "Rendah", opd(1)),
        ("1.02.03.2.01", "Tinggi", opd(1)),
        ("1.03.03.2.01", "Tinggi", opd(3)),
    ]


def test_same_result_in_any_input_order() -> None:
    files = contoh_files()
    first = konsolidasi(laporan(files))
    for seed in range(3):
        shuffled = files[:]
        random.Random(seed).shuffle(shuffled)
        other = konsolidasi(laporan(shuffled))
        for name in ("daftar", "rekap_urusan", "rekap_opd", "rekap_mitra", "perlu_perbaikan",
                     "berkas"):
            pd.testing.assert_frame_equal(getattr(first, name), getattr(other, name))
        assert first.status == other.status
        assert first.rekonsiliasi == other.rekonsiliasi


def test_rekap_totals_equal_daftar_sums() -> None:
    kons = konsolidasi(laporan(contoh_files()))
    daftar, urusan = kons.daftar, kons.rekap_urusan
    amount = sum(a for a in daftar["anggaran"] if a is not None)
    assert amount == 425_000_000.0
    assert urusan["jumlah"].sum() == len(daftar) == 4
    assert urusan["anggaran"].sum() == amount
    per_kind = daftar.groupby("jenis_kerja_sama").size().to_dict()
    assert {j: urusan[f"jumlah {j}"].sum() for j in per_kind} == per_kind
    assert kons.rekap_opd["diterima"].sum() == len(daftar)
    assert kons.rekap_opd["anggaran"].sum() == amount
    assert kons.rekap_mitra["jumlah"].sum() == len(daftar)
    assert kons.rekap_mitra["anggaran"].sum() == amount
    assert [tuple(x) for x in urusan[["kode_bidang_urusan", "bidang_urusan", "jumlah",
                                      "jumlah KSDD Wajib", "jumlah Sinergi"]]
            .itertuples(index=False)] == [
        ("1.02", "Kesehatan", 2, 0, 0), ("1.03", "Pekerjaan Umum dan Penataan Ruang", 2, 1, 1)]


def test_duplicates_across_opd_both_stay_and_are_marked() -> None:
    message = "Usulan yang sama juga diajukan oleh perangkat daerah lain."
    dup = finding("KSD502", Severity.PERINGATAN, 7, "B7", message)
    files = [berkas("dinkes.xlsx", opd(1), [baris(7, dup)]),
             berkas("rsud.xlsx", opd(2), [baris(7, dup)])]
    daftar = konsolidasi(laporan(files)).daftar
    assert list(daftar["kode_opd"]) == [opd(1), opd(2)]
    assert list(daftar["peringatan"]) == [message, message]


def test_computed_columns_and_official_names() -> None:
    row = baris(7, finding("KSD307", Severity.PERINGATAN, 7, "D7", "Nama berbeda."),
                finding("KSD306", Severity.PERINGATAN, 7, "E7", "Periksa kewenangan."),
                finding("KSD410", Severity.INFO, 7, "AF7", "Perlu DPRD."),
                nama_program="program kesehatan (ditulis sendiri)", perlu_persetujuan_dprd=True,
                sumber_pendanaan=("APBD", "APBN"), tahun_mulai=2025, tahun_selesai=2027)
    record = konsolidasi(laporan([berkas("a.xlsx", opd(1), [row])])).daftar.iloc[0]
    assert record["nama_bidang_urusan"] == "URUSAN PEMERINTAHAN BIDANG KESEHATAN"
    assert record["nama_program"] == (
        "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT")
    assert record["nama_kegiatan"].startswith("Penyediaan Fasilitas Pelayanan Kesehatan")
    assert record["perlu_persetujuan_dprd"] == "Ya"
    assert record["jangka_waktu"] == "2025-2027"
    assert record["sumber_pendanaan"] == "APBD; APBN"
    assert record["peringatan"] == "Nama berbeda.\nPeriksa kewenangan."
    assert (record["berkas"], record["baris"]) == ("masuk/a.xlsx", 7)


def test_covers_and_jangka_waktu() -> None:
    assert covers(usulan(tahun_mulai=2025, tahun_selesai=2025), 2025)
    assert not covers(usulan(tahun_mulai=2026, tahun_selesai=2028), 2025)
    assert not covers(usulan(tahun_mulai=None), 2025)
    assert jangka_waktu(usulan(tahun_mulai=2025, tahun_selesai=2025)) == "2025"
    assert jangka_waktu(usulan(tahun_mulai=2025, tahun_selesai=2027)) == "2025-2027"


def test_rekap_mitra_groups_by_code_then_by_name() -> None:
    files = [berkas("a.xlsx", opd(1), [
        baris(7),
        baris(8, calon_mitra="Pemkot Banjarbaru", jenis_kerja_sama="KSDD Wajib"),
        baris(9, calon_mitra="PT  Contoh Jaya", kode_wilayah_mitra=None, nama_mitra_resmi=None,
              mitra_berbatasan=None, jenis_mitra="Badan Usaha Berbadan Hukum",
              jenis_kerja_sama="KSDPK"),
    ]), berkas("b.xlsx", opd(3), [
        baris(7, calon_mitra="pt contoh jaya", kode_wilayah_mitra=None, nama_mitra_resmi=None,
              mitra_berbatasan=None, jenis_mitra="Badan Usaha Berbadan Hukum",
              jenis_kerja_sama="KSDPK", anggaran=None),
        baris(8, calon_mitra="Kota Balikpapan", kode_wilayah_mitra="64.71",
              nama_mitra_resmi="Kota Balikpapan", mitra_berbatasan=False),
    ])]
    mitra = konsolidasi(laporan(files)).rekap_mitra
    got = [tuple(x) for x in mitra[["mitra", "jumlah", "berbatasan", "jenis_kerja_sama"]]
           .itertuples(index=False)]
    assert got == [
        ("Kota Banjarbaru", 2, "Ya", "KSDD Wajib (1); KSDD Sukarela (1)"),
        ("PT  Contoh Jaya", 2, "-", "KSDPK (2)"),
        ("Kota Balikpapan", 1, "Tidak", "KSDD Sukarela (1)"),
    ]
    assert mitra.iloc[1]["perangkat_daerah"] == f"OPD {opd(1)}; OPD {opd(3)}"


def test_file_sent_twice_follows_the_engine_choice() -> None:
    newer = berkas("dinkes-v2.xlsx", opd(1), [baris(7), baris(8)],
                   chosen_over=["masuk/dinkes.xlsx"])
    older = berkas("dinkes.xlsx", opd(1), [baris(7)], set_aside_for="masuk/dinkes-v2.xlsx",
                   file_findings=[finding("KSD501")])
    kons = konsolidasi(laporan([older, newer], pilih_terbaru=True))
    assert list(kons.daftar["berkas"]) == ["masuk/dinkes-v2.xlsx"] * 2
    assert (kons.rekonsiliasi.ditolak, kons.rekonsiliasi.diganti) == (0, 1)
    notes = dict(zip(kons.berkas["berkas"], kons.berkas["catatan"], strict=True))
    assert notes["masuk/dinkes.xlsx"] == "Dikesampingkan: diganti oleh masuk/dinkes-v2.xlsx"
    assert notes["masuk/dinkes-v2.xlsx"].startswith("Dipilih sebagai kiriman terbaru")
    row = kons.rekap_opd[kons.rekap_opd["kode_opd"] == opd(1)].iloc[0]
    assert (row["berkas"], row["baris"], row["diterima"], row["ditolak"]) == (2, 2, 2, 0)


def test_empty_report_gives_empty_tables() -> None:
    kons = konsolidasi(laporan([]))
    assert kons.daftar.empty and kons.rekap_urusan.empty and kons.rekap_mitra.empty
    assert kons.rekonsiliasi.baris_dibaca == 0
    assert len(kons.rekap_opd) == len(profil().perangkat_daerah)


def test_usulan_factory_matches_the_model() -> None:
    fields = {f.name for f in dataclasses.fields(Usulan)} - {"excel_row"}
    assert set(_USULAN_DEFAULTS) == fields


@pytest.mark.parametrize("tahun", [2024, 2026])
def test_target_year_decides_the_list(tahun: int) -> None:
    kons = konsolidasi(laporan(contoh_files(), tahun=tahun), tahun=tahun)
    r = kons.rekonsiliasi
    assert r.baris_dibaca == r.diterima_tahun_ini + r.diterima_luar_tahun + r.ditolak
    assert kons.tahun == tahun


def test_rekap_urusan_counts_and_adds_each_kind_in_the_list_order() -> None:
    from pemetaan_ksd.daftar_tahun import DAFTAR_COLUMNS, DaftarTahun
    from pemetaan_ksd.rekap import rekap_urusan

    def record(kode: str | None, jenis: str | None, anggaran: float | None) -> tuple[Any, ...]:
        values = dict.fromkeys(DAFTAR_COLUMNS)
        values.update(kode_bidang_urusan=kode, jenis_kerja_sama=jenis, anggaran=anggaran)
        return tuple(values[c] for c in DAFTAR_COLUMNS)

    rows = [record("2.11", "KSDPK", 0.1), record(None, "KSDPK", 5.0),
            record("1.02", "Sinergi", float("nan")), record("2.11", "KSDPK", 0.2),
            record("2.11", None, None), record("1.02", "KSDD Wajib", 1e16),
            record("1.02", "KSDD Wajib", 1.0)]
    table = rekap_urusan(DaftarTahun(2025, [], rows, {}), load_profile(None).referensi()).frame()
    assert table["kode_bidang_urusan"].tolist() == ["1.02", "2.11", None]
    assert table["jumlah"].tolist() == [3, 3, 1]
    assert table["jumlah KSDPK"].tolist() == [0, 2, 1]
    assert table["anggaran KSDPK"].tolist() == [0.0, 0.1 + 0.2, 5.0]  # added in list order
    assert table["anggaran KSDD Wajib"].tolist() == [1e16 + 1.0, 0.0, 0.0]
    assert table["anggaran"].tolist() == [1e16 + 1.0, 0.1 + 0.2, 5.0]
