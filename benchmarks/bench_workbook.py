"""Time the merge and the consolidated workbook for a synthetic year of 20,000 usulan.

    python benchmarks/bench_workbook.py [ROWS] [--keep OUT.xlsx]

Not a test: it prints seconds, wall clock and CPU (the CPU time is the fairer figure on a
busy machine). The rows are spread over the built-in profile's perangkat
daerah, with real nomenclature codes, long texts, warnings, rejected rows and other years.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import tempfile
import time
from pathlib import Path

from pemetaan_ksd.merge import build_konsolidasi
from pemetaan_ksd.model import FileResult, Finding, RowResult, Severity, Usulan
from pemetaan_ksd.profile import Profil, load_profile
from pemetaan_ksd.reference import Level
from pemetaan_ksd.report import Report
from pemetaan_ksd.write.workbook.writer import write_workbook

MITRA = (
    ("Kota Banjarbaru", "63.72", True, "Daerah Kabupaten/Kota", "KSDD Sukarela"),
    ("Kabupaten Tapin", "63.05", True, "Daerah Kabupaten/Kota", "KSDD Wajib"),
    ("Provinsi Kalimantan Selatan", "63", True, "Daerah Provinsi", "KSDD Sukarela"),
    ("Kota Balikpapan", "64.71", False, "Daerah Kabupaten/Kota", "KSDD Sukarela"),
    ("PT Air Minum Bandarmasih", None, None, "Badan Usaha Berbadan Hukum", "KSDPK"),
    ("Universitas Lambung Mangkurat", None, None, "Badan Usaha Berbadan Hukum", "KSDPK"),
    ("Kementerian Kesehatan", None, None, "Pemerintah Pusat", "Sinergi"),
)
OBJEK = ("Penyediaan layanan rujukan pasien gawat darurat lintas daerah dengan sistem "
         "informasi rujukan terpadu dan armada ambulans bersama")


def synthetic_report(profil: Profil, rows: int, seed: int = 2025) -> Report:
    rnd = random.Random(seed)
    kegiatan = [e.kode for e in profil.referensi().nomenklatur.entries(Level.KEGIATAN)
                if e.kode[0] in "123" and e.kode.split(".")[3] == "2"]
    units = profil.perangkat_daerah
    per_file = max(1, rows // len(units))
    files = []
    for n, unit in enumerate(units):
        count = per_file if n < len(units) - 1 else rows - per_file * (len(units) - 1)
        files.append(FileResult(
            path=Path(f"masuk/{unit.nama}.xlsx"), display_path=f"masuk/{unit.nama}.xlsx",
            sha256=hashlib.sha256(unit.kode.encode()).hexdigest(), mtime=1_740_000_000.0,
            kode_opd=unit.kode, nama_opd=unit.nama, tahun=profil.tahun,
            rows=[_row(rnd, kegiatan, 7 + i) for i in range(count)]))
    return Report(tahun=profil.tahun, kode_daerah=profil.daerah.kode,
                  nama_daerah=profil.daerah.nama_lengkap, nomenklatur="Kepmendagri",
                  profil=profil.sumber, tool_version="bench", created=dt.datetime.now(),
                  files=files)


def _row(rnd: random.Random, kegiatan: list[str], excel_row: int) -> RowResult:
    kode = rnd.choice(kegiatan)
    nama, wilayah, berbatasan, jenis_mitra, jenis = rnd.choice(MITRA)
    mulai = rnd.choice((2024, 2025, 2025, 2025, 2026))
    usulan = Usulan(
        excel_row=excel_row, kode_bidang_urusan=kode[:4], kode_program=kode[:7],
        nama_program=None, kode_kegiatan=kode, nama_kegiatan=None, kode_sub_kegiatan=None,
        objek=OBJEK, jenis_kerja_sama=jenis, calon_mitra=nama, kode_wilayah_mitra=wilayah,
        nama_mitra_resmi=nama if wilayah else None, mitra_berbatasan=berbatasan,
        jenis_mitra=jenis_mitra, bentuk_ksdpk="Investasi" if jenis == "KSDPK" else None,
        prakarsa="Daerah" if jenis == "KSDPK" else None, tahun_mulai=mulai,
        tahun_selesai=mulai + rnd.randint(0, 3),
        skala_prioritas=rnd.choice(("Tinggi", "Sedang", "Rendah")),
        anggaran=float(rnd.randint(1, 400) * 5_000_000), sumber_pendanaan=("APBD",),
        sudah_dianggarkan="Ya", membebani="Tidak", tahapan="Persiapan",
        keterangan="Lanjutan kesepakatan bersama tahun sebelumnya",
        perlu_persetujuan_dprd=rnd.random() < 0.3)
    findings = []
    if rnd.random() < 0.1:
        findings.append(Finding("KSD201", Severity.GALAT, "Data Dukung wajib diisi dengan "
                                "data, indikator dan sumbernya.", "Usulan", f"Q{excel_row}",
                                excel_row))
    if rnd.random() < 0.2:
        findings.append(Finding("KSD307", Severity.PERINGATAN, "Nama program berbeda dengan "
                                "nama resmi dalam nomenklatur; nama resmi yang dipakai.",
                                "Usulan", f"D{excel_row}", excel_row))
    return RowResult(excel_row, usulan, findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", nargs="?", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="keep the workbook at this path")
    args = parser.parse_args()
    profil = load_profile(None)
    report = synthetic_report(profil, args.rows)
    start, cpu_start = time.perf_counter(), time.process_time()
    kons = build_konsolidasi(report, profil, profil.referensi(), profil.tahun)
    merged, cpu_merged = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "gabungan.xlsx"
        write_workbook(out, kons, report, profil)
        done, cpu_done = time.perf_counter(), time.process_time()
        size = out.stat().st_size
    r = kons.rekonsiliasi
    print(f"{r.baris_dibaca} baris dibaca: {r.diterima_tahun_ini} di Daftar Rencana, "
          f"{r.diterima_luar_tahun} di luar tahun, {r.ditolak} ditolak; "
          f"{len(kons.perlu_perbaikan)} baris Perlu Perbaikan")
    print(f"gabung (merge):  {merged - start:6.2f} s  (CPU {cpu_merged - cpu_start:.2f} s)")
    print(f"tulis workbook:  {done - merged:6.2f} s  (CPU {cpu_done - cpu_merged:.2f} s, "
          f"{size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
