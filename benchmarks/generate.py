"""Write N realistic submissions for the benchmark: one filled template per perangkat daerah.

    python benchmarks/generate.py N FOLDER [--seed 2025] [--reuse] [--json]

FOLDER receives `masuk/` (the N workbooks), `ksd.toml` (a profile listing every sender, so that
each file has its own perangkat daerah and none is KSD107 or KSD501) and `manifest.json` (what
was written and, for the first files, which finding each planted mistake or warning must give
at which cell). Deterministic: the same N and seed give the same bytes. `--reuse` keeps a folder
that already holds them; `--json` prints the totals as one line (what run.py reads).

Each file is the program's own template for one of the built-in profile's 28 example perangkat
daerah (`base_workbook` and `personalize`, as `pemetaan-ksd template --semua` writes them),
filled as a clerk fills it in Excel: strings in a shared-string table, the template's formatted
empty rows kept after the last usulan, Identitas completed. Beyond 28 files the senders are
sub-units of those 28 (codes ending .0001, .0002, ...), whose name replaces the base unit's
throughout the template. openpyxl builds one template per base unit; every file is then written
as XML, so 10,000 files take minutes, not hours.

Every file holds 50 usulan. Every fourth file (index 0, 4, 8, ...) has no mistakes; in the
others about 45 % of rows carry one typical mistake (a galat), so about two thirds of all rows
are valid; about 8 % of the other rows carry a warning (KSD307, KSD414), which leaves them valid.
The texts are composed from varied vocabulary and numbers around the row's real kegiatan (the
kab/kota kegiatan of each bidang in the packaged nomenclature), with real partners of Kabupaten
Banjar: no two rows of a run share their `Objek Kerja Sama` and the other texts seldom repeat,
as in a real inbox, so a cache of text seen before gains little.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import json
import posixpath
import random
import re
import sys
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pemetaan_ksd import contract, reference
from pemetaan_ksd.profile import PerangkatDaerah, Profil, load_profile, render_profile
from pemetaan_ksd.reference import Level
from pemetaan_ksd.reference.kecamatan import kecamatan_of
from pemetaan_ksd.write.template_sheets import base_workbook, personalize

GENERATOR_VERSION = 2
DAERAH = "63.03"  # Kabupaten Banjar, the built-in profile's daerah
ROWS_PER_FILE = 50
TAHUN = 2025
DEFAULT_SEED = 2025
CLEAN_EVERY = 4  # file index % CLEAN_EVERY == 0: no mistakes at all
MISTAKE_RATE = 0.45  # share of rows with one planted mistake, in the other files
MANIFEST_DETAIL_FILES = 40  # files whose planted mistakes the manifest lists cell by cell
CREATED = dt.datetime(2025, 1, 6, 8, 0, tzinfo=dt.UTC)

Value = str | int | float | None
Row = dict[str, Value]

LETTER = {c.key: c.number for c in contract.COLUMNS}


def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


LETTERS = {key: column_letter(n) for key, n in LETTER.items()}

# --- vocabulary ---------------------------------------------------------------------------------

KECAMATAN = kecamatan_of(DAERAH)
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
OBJEK_AWAL = ("Pengelolaan bersama", "Penyelenggaraan bersama", "Pengembangan terpadu",
              "Penguatan layanan bersama", "Pemeliharaan bersama", "Peningkatan kapasitas bersama",
              "Penataan bersama", "Integrasi layanan", "Kolaborasi", "Optimalisasi bersama",
              "Perluasan jangkauan bersama", "Pembinaan bersama")
OBJEK_TEMPAT = ("di Kecamatan {kec}", "di wilayah perbatasan Kecamatan {kec}",
                "di {n} desa Kecamatan {kec}", "di kawasan Banjarbakula sekitar Kecamatan {kec}",
                "pada koridor Kecamatan {kec} dan Kecamatan {kec2}")
OBJEK_RINCI = ("dengan sasaran {n} desa", "tahap {k} tahun {y}", "untuk {jiwa} jiwa penduduk",
               "sepanjang {km} km", "seluas {ha} ha", "bagi {n} unit layanan",
               "dengan {n} titik layanan baru", "untuk {kk} kepala keluarga")
POTENSI = (
    "Tersedia lahan milik daerah seluas {ha} ha di Kecamatan {kec} yang dekat dengan perbatasan",
    "Jumlah penduduk Kecamatan {kec} mencapai {jiwa} jiwa dengan akses jalan yang baik",
    "Sumber daya manusia terlatih sebanyak {n} orang dan sarana {topik} yang sudah ada di "
    "Kecamatan {kec}",
    "Kecamatan {kec} memiliki {n} kelompok masyarakat aktif di bidang {topik}",
    "Letak {kec} di jalur lintas kabupaten memudahkan layanan {topik} bagi {n} desa",
    "Daerah memiliki pengalaman {k} tahun menyelenggarakan {topik} dengan hasil baik",
    "Potensi {topik} di {n} desa Kecamatan {kec} belum dimanfaatkan secara optimal",
)
PERMASALAHAN = (
    "Cakupan {topik} baru {p} persen dari target {q} persen pada tahun {y}",
    "Sebanyak {n} desa di Kecamatan {kec} belum terlayani {topik} secara memadai",
    "Biaya operasional {topik} naik {p} persen dalam {k} tahun terakhir",
    "Kapasitas layanan {topik} di Kecamatan {kec} terlampaui sejak tahun {y0}",
    "Keluhan warga {kec} tentang {topik} tercatat {n} kali selama tahun {y0}",
    "Sarana {topik} di {n} lokasi rusak dan belum dapat ditangani sendiri",
)
DATA_DUKUNG = (
    "{indikator} sebesar {p} persen menurut {sumber} tahun {y0}",
    "{indikator} tercatat {n} pada {sumber} tahun {y0}",
    "Hasil survei {sumber} tahun {y0} di {n} desa Kecamatan {kec}",
    "Laporan kinerja tahun {y0}: {indikator} turun {p} persen dibanding tahun sebelumnya",
    "Data {sumber} {bulan} {y0}: {jiwa} jiwa terdampak di Kecamatan {kec}",
)
INDIKATOR = ("Capaian layanan", "Indeks kepuasan masyarakat", "Cakupan pelayanan",
             "Rasio sarana terhadap penduduk", "Angka kebutuhan layanan", "Tingkat pemanfaatan")
SUMBER = ("BPS Kabupaten Banjar", "LKjIP perangkat daerah", "SIPD", "Profil Daerah",
          "survei lapangan", "data sektoral Satu Data Banjar", "laporan triwulan", "Dapodik",
          "e-Monev")
EKSTERNALITAS = (
    "Dampak {topik} di Kecamatan {kec} dirasakan juga oleh warga {mitra} di sepanjang perbatasan",
    "Masalah {topik} melintasi batas wilayah dan menyangkut {n} desa di kedua daerah",
    "Warga {mitra} memakai layanan {topik} di Kecamatan {kec} sekitar {p} persen dari kunjungan",
    "Aliran sungai dan jalan penghubung membawa dampak {topik} ke wilayah {mitra}",
)
EFISIENSI = (
    "Biaya per unit layanan {topik} turun sekitar {p} persen bila dikelola bersama {mitra}",
    "Satu fasilitas bersama di Kecamatan {kec} melayani {n} desa tanpa membangun sarana ganda",
    "Waktu layanan {topik} menjadi {k} hari lebih cepat dengan pembagian tugas bersama",
    "Pemakaian sarana {topik} yang sudah ada menghemat anggaran sekitar {juta} juta rupiah",
)
MANFAAT_DAERAH = (
    "Warga {n} desa di Kecamatan {kec} memperoleh layanan {topik} yang lebih cepat",
    "Cakupan {topik} Kabupaten Banjar naik menjadi {q} persen pada tahun {y}",
    "Beban anggaran daerah untuk {topik} berkurang sekitar {juta} juta rupiah per tahun",
    "Kualitas layanan {topik} meningkat dan keluhan warga {kec} berkurang {p} persen",
)
MANFAAT_MITRA = (
    "{mitra} memperoleh akses layanan {topik} tanpa membangun fasilitas baru",
    "{mitra} berbagi biaya {topik} sehingga hemat sekitar {juta} juta rupiah per tahun",
    "Warga {mitra} di perbatasan ikut terlayani {topik} secara teratur",
    "{mitra} mendapat data dan pengalaman pengelolaan {topik} untuk {n} lokasi",
)
MANFAAT_PIHAK_KETIGA = (
    "{mitra} memperoleh kepastian usaha dan pengembalian investasi dalam {k} tahun",
    "{mitra} mendapat lokasi dan izin kegiatan untuk melayani {jiwa} pelanggan",
    "{mitra} memperluas jaringan layanan ke {n} desa di Kecamatan {kec}",
)
ALASAN_PRIORITAS = (
    "Tercantum sebagai prioritas RPJMD dan menyangkut {n} desa di Kecamatan {kec}",
    "Masalah mendesak: kapasitas {topik} habis pada tahun {y}",
    "Mendukung target kinerja {topik} tahun {y} sebesar {q} persen",
    "Diminta dalam musrenbang Kecamatan {kec} selama {k} tahun berturut-turut",
    "Manfaat {topik} besar bagi {jiwa} jiwa dengan biaya yang dapat dibagi",
)
KETERANGAN = (
    "Lanjutan pembahasan awal dengan {mitra} pada bulan {bulan} {y0}",
    "Menunggu kajian teknis {topik} dari {sumber}",
    "Sudah dibahas dalam rapat koordinasi tanggal {tgl} {bulan} {y0}",
    "Rincian lokasi ada pada lampiran surat nomor {nomor}",
)
DOKUMEN = ("RPJMD Kabupaten Banjar 2021-2026", "Renstra {opd} 2021-2026",
           "RKPD Kabupaten Banjar 2025", "RPJMD 2021-2026 misi {k}", "Renja {opd} 2025")
NAMA_DEPAN = ("Ahmad", "Muhammad", "Siti", "Nur", "Rahmat", "Fitri", "Hj. Aminah", "H. Syahrani",
              "Rina", "Budi", "Dewi", "Akhmad", "Yusuf", "Noor", "Rusdi", "Lailatul", "Hendra",
              "Mariani", "Fahrul", "Zainab")
NAMA_BELAKANG = ("Rizali", "Fauzi", "Hidayat", "Rahmawati", "Safitri", "Anwar", "Hasanah",
                 "Yani", "Pratama", "Syarifuddin", "Maulida", "Ramadhan", "Aulia", "Effendi",
                 "Fitriani", "Saputra", "Mahmudah", "Wahyuni")
GELAR = ("", ", S.T.", ", S.E.", ", S.Sos.", ", M.Si.", ", S.Kep.", ", M.T.", ", S.H.", ", M.M.")
JABATAN = ("Kepala Bidang {bidang}", "Sekretaris", "Kepala Subbagian Perencanaan",
           "Kepala Seksi {bidang}", "Analis Kebijakan Ahli Muda", "Perencana Ahli Pertama")

# Partners: bordering daerah of Kabupaten Banjar (KSDD Wajib allowed), others (KSDD Sukarela only).
BERBATASAN = ("63.01", "63.02", "63.04", "63.05", "63.06", "63.10", "63.71", "63.72", "63")
TIDAK_BERBATASAN = ("63.07", "63.08", "63.09", "63.11", "64.71", "62.71", "64.72")
USAHA_AWAL = ("PT", "PT", "PT", "Koperasi", "Yayasan", "Perkumpulan")
USAHA_NAMA = ("Banua", "Intan", "Barito", "Borneo", "Kalimantan", "Sejahtera", "Mandiri",
              "Lestari", "Cahaya", "Mitra", "Karya", "Bina", "Amanah", "Martapura", "Riam")
USAHA_BIDANG = ("Energi", "Agro", "Wisata", "Medika", "Logistik", "Digital", "Konstruksi",
                "Pangan", "Tirta", "Lingkungan", "Transportasi", "Edukasi")
KAMPUS = ("Universitas Lambung Mangkurat",
          "Universitas Islam Kalimantan Muhammad Arsyad Al Banjari",
          "Politeknik Negeri Banjarmasin", "Universitas Muhammadiyah Banjarmasin")
PUSAT = ("Kementerian Kesehatan", "Kementerian Pekerjaan Umum", "Kementerian Pertanian",
         "Balai Wilayah Sungai Kalimantan III", "Kementerian Desa, Pembangunan Daerah Tertinggal",
         "Kementerian Lingkungan Hidup", "Kementerian Perhubungan", "Kementerian Pariwisata")
LUAR_NEGERI = ("Dewan Bandaraya Kota Kinabalu, Malaysia", "Pemerintah Kota Kuching, Malaysia",
               "Pemerintah Provinsi Davao del Norte, Filipina")

# The planted mistakes: (kind, column key, the finding code expected at that cell).
MISTAKES: tuple[tuple[str, str, str], ...] = (
    ("kosong", "potensi", "KSD201"),
    ("kosong", "objek", "KSD201"),
    ("kosong", "calon_mitra", "KSD201"),
    ("pilihan", "jenis_kerja_sama", "KSD202"),
    ("pilihan", "skala_prioritas", "KSD202"),
    ("anggaran", "anggaran", "KSD203"),
    ("strip", "manfaat_mitra", "KSD405"),
    ("strip", "data_dukung", "KSD406"),
    ("tidak_berbatasan", "calon_mitra", "KSD401"),
    ("provinsi", "kode_kegiatan", "KSD305"),
    ("tahun_terbalik", "tahun_mulai", "KSD204"),
    ("luar_perencanaan", "alasan_luar_perencanaan", "KSD407"),
)
# Warnings a clean row may carry (it stays valid): (kind, column key, expected code).
WARNINGS: tuple[tuple[str, str, str], ...] = (
    ("nama_lain", "nama_kegiatan", "KSD307"),
    ("bidang_lain", "kode_bidang_urusan", "KSD414"),
)
WARNING_RATE = 0.08
NAMA_TAMBAHAN = ("Tahap Lanjutan", "dan Pendukungnya", "Terpadu Kabupaten", "Lintas Daerah")
ANGGARAN_SALAH = ("dua miliar rupiah", "satu setengah miliar", "menyesuaikan", "Rp. ±500 juta",
                  "belum dihitung", "tiga ratus juta")
PILIHAN_SALAH = {"jenis_kerja_sama": ("KSDD Sukarelaa", "Kerjasama Daerah", "KSD Wajib",
                                      "KSDD sukarela/wajib"),
                 "skala_prioritas": ("Sangat Tinggi", "Prioritas", "Tinggi sekali", "Utama")}


def rupiah(number: int) -> str:
    return f"{number:,}".replace(",", ".")


@dataclass(frozen=True)
class Unit:
    """One sender: a perangkat daerah of the profile, built on the template of `base`."""

    kode: str
    nama: str
    bidang: tuple[str, ...]
    lintas: bool
    base: int  # index into the profile's 28 example units
    sub: int = 0  # 0: that example unit itself; 1, 2, ...: a sub-unit of it


def units(n: int, profil: Profil) -> list[Unit]:
    """N senders, each with its own code: the example units, then sub-units of them."""
    bases = profil.perangkat_daerah
    out: list[Unit] = []
    for i in range(n):
        base_index, sub = i % len(bases), i // len(bases)
        base = bases[base_index]
        if sub == 0:
            out.append(Unit(base.kode, base.nama, base.bidang, base.lintas_bidang, base_index))
            continue
        kode = f"{base.kode.rsplit('.', 1)[0]}.{sub:04d}"
        kecamatan = KECAMATAN[(sub - 1) % len(KECAMATAN)]
        nama = f"{base.nama} Unit {sub} Wilayah {kecamatan}"
        out.append(Unit(kode, nama, base.bidang, base.lintas_bidang, base_index, sub))
    return out


def profile_text(senders: Sequence[Unit], unlisted: bool = False) -> str:
    """The profile of the senders. Sub-units are listed without bidang (they may map any, as
    units without a list do), so that KSD414's list of the units handling a bidang stays the
    example units' few and does not grow with N. `unlisted`: the example units only, so every
    sub-unit's file is KSD107 (a warning) and the profile stays small."""
    listed = [u for u in senders if not (unlisted and u.sub)]
    return render_profile(DAERAH, TAHUN,
                          [(u.kode, u.nama, () if u.sub else u.bidang, u.lintas) for u in listed])


# --- rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kegiatan:
    kode: str
    nama: str
    program: str
    nama_program: str
    bidang: str  # the dropdown text "2.11 - Lingkungan Hidup"
    sub_kegiatan: tuple[str, ...]


def kegiatan_by_bidang() -> dict[str, list[Kegiatan]]:
    """The kab/kota kegiatan of each bidang that may be an object of cooperation."""
    nomen = reference.load().nomenklatur
    pilihan = {b.kode: b.pilihan for b in reference.bidang_urusan() if b.objek_kerja_sama}
    subs: dict[str, list[str]] = {}
    for entry in nomen.entries(Level.SUB_KEGIATAN):
        subs.setdefault(entry.kode.rsplit(".", 1)[0], []).append(entry.kode)
    out: dict[str, list[Kegiatan]] = {}
    for entry in nomen.entries(Level.KEGIATAN):
        parts = entry.kode.split(".")
        bidang, program = ".".join(parts[:2]), ".".join(parts[:3])
        if bidang not in pilihan or parts[2] == "01" or parts[3] != "2":
            continue  # support functions (KSD304) and other levels (KSD305) are mistakes
        out.setdefault(bidang, []).append(Kegiatan(
            entry.kode, entry.nama, program, nomen.name(program) or "", pilihan[bidang],
            tuple(subs.get(entry.kode, ()))))
    return out


@dataclass(frozen=True)
class Mitra:
    nama: str
    kode: str | None
    jenis_mitra: str
    pendek: str  # how the texts name it


_FILLERS: dict[str, Callable[[random.Random], str]] = {
    "kec": lambda r: r.choice(KECAMATAN), "kec2": lambda r: r.choice(KECAMATAN),
    "n": lambda r: str(r.randint(2, 60)), "k": lambda r: str(r.randint(1, 6)),
    "p": lambda r: str(r.randint(5, 95)), "q": lambda r: str(r.randint(60, 100)),
    "y": lambda r: str(r.randint(2025, 2029)), "y0": lambda r: str(r.randint(2021, 2024)),
    "jiwa": lambda r: rupiah(r.randint(800, 95_000)), "kk": lambda r: rupiah(r.randint(120, 9_000)),
    "km": lambda r: f"{r.randint(2, 80)},{r.randint(0, 9)}",
    "ha": lambda r: f"{r.randint(1, 40)},{r.randint(1, 9)}",
    "juta": lambda r: rupiah(r.randint(5, 400) * 10), "bulan": lambda r: r.choice(BULAN),
    "tgl": lambda r: str(r.randint(1, 28)),
    "nomor": lambda r: f"{r.randint(1, 999):03d}/{r.randint(10, 99)}",
    "indikator": lambda r: r.choice(INDIKATOR), "sumber": lambda r: r.choice(SUMBER),
}


class _Fill(dict[str, str]):
    """Placeholder values for str.format_map: the given words, else drawn when first asked."""

    def __init__(self, rnd: random.Random, words: dict[str, str]) -> None:
        super().__init__(words)
        self.rnd = rnd

    def __missing__(self, key: str) -> str:
        value = _FILLERS[key](self.rnd)
        while key == "kec2" and value == self.get("kec"):
            value = _FILLERS[key](self.rnd)
        self[key] = value
        return value


@dataclass
class Composer:
    """Composes the rows of one file with its own random generator."""

    rnd: random.Random
    unit: Unit
    kegiatan: dict[str, list[Kegiatan]]
    seen_objek: set[str]
    daerah: dict[str, Mitra] = field(default_factory=dict)

    def __post_init__(self) -> None:
        wilayah = reference.load().wilayah
        for kode in (*BERBATASAN, *TIDAK_BERBATASAN):
            d = wilayah.get(kode)
            assert d is not None, kode
            jenis = "Daerah Provinsi" if d.is_provinsi else "Daerah Kabupaten/Kota"
            self.daerah[kode] = Mitra(d.nama_lengkap, d.kode, jenis, d.nama_lengkap)

    def text(self, choices: Sequence[str], **words: str) -> str:
        """One of `choices` with its placeholders filled: `words`, else fresh random values."""
        return self.rnd.choice(choices).format_map(_Fill(self.rnd, words))

    def pick_kegiatan(self) -> Kegiatan:
        own = [b for b in self.unit.bidang if b in self.kegiatan]
        bidang = self.rnd.choice(own) if own and not self.unit.lintas else self.rnd.choice(
            sorted(self.kegiatan))
        return self.rnd.choice(self.kegiatan[bidang])

    def pick_partner(self) -> tuple[str, Mitra]:
        r = self.rnd
        roll = r.random()
        if roll < 0.32:
            return "KSDD Wajib", self.daerah[r.choice(BERBATASAN)]
        if roll < 0.60:
            return "KSDD Sukarela", self.daerah[r.choice((*BERBATASAN, *TIDAK_BERBATASAN))]
        if roll < 0.86:
            if r.random() < 0.2:
                nama = r.choice(KAMPUS)
                return "KSDPK", Mitra(nama, None, "Badan Usaha Berbadan Hukum", nama)
            awal = r.choice(USAHA_AWAL)
            nama = f"{awal} {r.choice(USAHA_NAMA)} {r.choice(USAHA_BIDANG)} {r.choice(USAHA_NAMA)}"
            jenis = ("Organisasi Kemasyarakatan" if awal in ("Yayasan", "Perkumpulan")
                     else "Badan Usaha Berbadan Hukum")
            return "KSDPK", Mitra(nama, None, jenis, nama)
        if roll < 0.97:
            nama = r.choice(PUSAT)
            return "Sinergi", Mitra(nama, None, "Pemerintah Pusat", nama)
        nama = r.choice(LUAR_NEGERI)
        return "KSDPL", Mitra(nama, None, "Lembaga/Pemerintah Daerah Luar Negeri", nama)

    def objek(self, topik: str) -> str:
        for _ in range(100):
            text = " ".join((self.rnd.choice(OBJEK_AWAL), topik,
                             self.text(OBJEK_TEMPAT), self.text(OBJEK_RINCI)))
            if text not in self.seen_objek:
                self.seen_objek.add(text)
                return text
        raise RuntimeError("vocabulary exhausted")  # pragma: no cover

    def row(self, no: int) -> Row:
        r = self.rnd
        keg = self.pick_kegiatan()
        jenis, mitra = self.pick_partner()
        topik = keg.nama[0].lower() + keg.nama[1:]
        words = {"topik": topik, "mitra": mitra.pendek}
        ksdd = jenis in contract.KSDD
        mulai = r.choice((2025, 2025, 2025, 2026))
        dalam = r.random() < 0.9
        row: Row = {
            "no": no,
            "kode_bidang_urusan": keg.bidang if r.random() < 0.85 else keg.bidang[:4],
            "kode_program": keg.program,
            "nama_program": keg.nama_program if r.random() < 0.5 else None,
            "kode_kegiatan": keg.kode,
            "nama_kegiatan": keg.nama if r.random() < 0.6 else None,
            "kode_sub_kegiatan": (r.choice(keg.sub_kegiatan)
                                  if keg.sub_kegiatan and r.random() < 0.3 else None),
            "objek": self.objek(topik),
            "jenis_kerja_sama": jenis,
            "calon_mitra": mitra.nama,
            "kode_wilayah_mitra": mitra.kode if mitra.kode and r.random() < 0.6 else None,
            "jenis_mitra": mitra.jenis_mitra,
            "bentuk_ksdpk": r.choice(contract.BENTUK_KSDPK) if jenis == "KSDPK" else None,
            "prakarsa": r.choice(contract.PRAKARSA) if jenis == "KSDPK" else None,
            "potensi": self.text(POTENSI, **words),
            "permasalahan": self.text(PERMASALAHAN, **words),
            "data_dukung": self.text(DATA_DUKUNG, **words),
            "eksternalitas": (self.text(EKSTERNALITAS, **words) if jenis == "KSDD Wajib"
                              else self.text(EKSTERNALITAS, topik=topik, mitra="daerah sekitar")
                              if r.random() < 0.3 else None),
            "efisiensi": self.text(EFISIENSI, **words) if ksdd or r.random() < 0.3 else None,
            "manfaat_daerah": self.text(MANFAAT_DAERAH, **words),
            "manfaat_mitra": self.text(MANFAAT_MITRA if mitra.kode or jenis != "KSDPK"
                                       else MANFAAT_PIHAK_KETIGA, **words),
            "dalam_perencanaan": "Ya" if dalam else "Tidak",
            "dokumen_perencanaan": (self.text(DOKUMEN, opd=self.unit.nama) if dalam else None),
            "alasan_luar_perencanaan": (None if dalam
                                        else r.choice(contract.ALASAN_LUAR_PERENCANAAN)),
            "tahun_mulai": mulai,
            "tahun_selesai": mulai + r.randint(0, 3),
            "skala_prioritas": r.choice(contract.SKALA_PRIORITAS),
            "alasan_prioritas": self.text(ALASAN_PRIORITAS, **words),
            "anggaran": r.randint(10, 1000) * 5_000_000 if r.random() < 0.9 else None,
            "sumber_pendanaan": self._sumber(jenis),
            "sudah_dianggarkan": "Ya" if r.random() < 0.75 else "Tidak",
            "membebani": "Tidak" if r.random() < 0.9 else "Ya",
            "tahapan": r.choice(contract.TAHAPAN[:4]) if r.random() < 0.7 else None,
            "keterangan": self.text(KETERANGAN, **words) if r.random() < 0.25 else None,
        }
        return row

    def _sumber(self, jenis: str) -> str | None:
        r = self.rnd
        if r.random() < 0.05:
            return None
        if jenis == "KSDPK":
            return r.choice(("Pihak Ketiga", "APBD; Pihak Ketiga"))
        if jenis == "Sinergi":
            return r.choice(("APBN", "APBD; APBN"))
        return r.choice(("APBD", "APBD", "APBD; APBD Mitra", "APBD, APBD Mitra"))

    def plant(self, row: Row) -> tuple[str, str, str]:
        """Put one typical mistake into `row`: (kind, column key, expected code)."""
        r = self.rnd
        kind, key, code = r.choice(MISTAKES)
        if kind == "kosong":
            row[key] = None
        elif kind == "pilihan":
            row[key] = r.choice(PILIHAN_SALAH[key])
        elif kind == "anggaran":
            row[key] = r.choice(ANGGARAN_SALAH)
        elif kind == "strip":
            row[key] = r.choice(("-", "-", "Tidak ada", "menyusul"))
        elif kind == "tidak_berbatasan":
            mitra = self.daerah[r.choice(TIDAK_BERBATASAN)]
            row.update(jenis_kerja_sama="KSDD Wajib", calon_mitra=mitra.nama,
                       kode_wilayah_mitra=None, jenis_mitra=mitra.jenis_mitra,
                       bentuk_ksdpk=None, prakarsa=None)
            row["eksternalitas"] = self.text(EKSTERNALITAS, topik="layanan", mitra=mitra.pendek)
            row["efisiensi"] = self.text(EFISIENSI, topik="layanan", mitra=mitra.pendek)
        elif kind == "provinsi":
            kode = str(row["kode_kegiatan"]).split(".")
            kode[3] = "1"
            row.update(kode_kegiatan=".".join(kode), nama_kegiatan=None, kode_sub_kegiatan=None)
        elif kind == "tahun_terbalik":
            row.update(tahun_mulai=2027, tahun_selesai=r.choice((2025, 2026)))
        elif kind == "luar_perencanaan":
            row.update(dalam_perencanaan="Tidak", dokumen_perencanaan=None,
                       alasan_luar_perencanaan=None)
        return kind, key, code

    def warn(self, row: Row) -> tuple[str, str, str]:
        """Put one warning into a row without mistakes: (kind, column key, expected code)."""
        r = self.rnd
        own = [b for b in self.unit.bidang if b in self.kegiatan]
        only_name = self.unit.lintas or self.unit.sub or not own  # no KSD414 for them
        kind, key, code = WARNINGS[0] if only_name else r.choice(WARNINGS)
        if kind == "bidang_lain":
            keg = r.choice(self.kegiatan[r.choice(
                sorted(set(self.kegiatan) - set(self.unit.bidang)))])
            row.update(kode_bidang_urusan=keg.bidang, kode_program=keg.program,
                       nama_program=None, kode_kegiatan=keg.kode, nama_kegiatan=None,
                       kode_sub_kegiatan=None)
        else:
            official = reference.load().nomenklatur.name(str(row["kode_kegiatan"])) or ""
            row["nama_kegiatan"] = f"{official} {r.choice(NAMA_TAMBAHAN)}"
        return kind, key, code

    def identitas(self) -> dict[str, Value]:
        r = self.rnd
        bidang = r.choice(("Perencanaan", "Pelayanan", "Pembinaan", "Pengembangan", "Umum"))
        tanggal = dt.date(2025, 1, 20) + dt.timedelta(days=r.randint(0, 60))
        slug = re.sub(r"[^a-z]+", "", self.unit.nama.lower())[:12]
        return {
            "penanggung_jawab": (f"{r.choice(NAMA_DEPAN)} {r.choice(NAMA_BELAKANG)}"
                                 f"{r.choice(GELAR)}"),
            "jabatan": r.choice(JABATAN).format(bidang=bidang),
            "telepon": f"08{r.randint(11, 59)}{r.randint(10_000_000, 99_999_999)}",
            "email": f"{slug}{r.randint(1, 99)}@banjarkab.go.id",
            "tanggal_pengisian": (tanggal - dt.date(1899, 12, 30)).days,  # an Excel date
        }


# --- the workbook as XML ------------------------------------------------------------------------

_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_SHEET_TAG = re.compile(r'<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"')
_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_REL_TAG = re.compile(r'<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"')


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


@dataclass
class Shape:
    """The template of one base unit, as zip members, ready to be filled."""

    members: dict[str, bytes]
    parts: dict[str, str]  # sheet name -> member name
    styles: dict[str, str]  # column letter -> style of the first data row
    unit: PerangkatDaerah

    @classmethod
    def from_template(cls, data: bytes, unit: PerangkatDaerah) -> Shape:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        types = members["[Content_Types].xml"].decode()
        members["[Content_Types].xml"] = types.replace(
            "</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}" />'
                        "</Types>").encode()
        rels = members["xl/_rels/workbook.xml.rels"].decode()
        members["xl/_rels/workbook.xml.rels"] = rels.replace(
            "</Relationships>", f'<Relationship Type="{_SST_REL}" Target="sharedStrings.xml" '
                                'Id="rIdSst" /></Relationships>').encode()
        core = members["docProps/core.xml"].decode()  # openpyxl stamps the saving time
        members["docProps/core.xml"] = _MODIFIED.sub(
            r"\g<1>2025-02-14T09:30:00Z\g<2>", core).encode()
        targets = {rid: target for target, rid in _REL_TAG.findall(rels)}
        parts = {}
        for name, rid in _SHEET_TAG.findall(members["xl/workbook.xml"].decode()):
            target = targets[rid]
            parts[name] = (target.lstrip("/") if target.startswith("/")
                           else posixpath.normpath(posixpath.join("xl", target)))
        usulan = members[parts[contract.SHEET_USULAN]].decode()
        first = re.search(rf'<row r="{contract.FIRST_DATA_ROW}"[^>]*>(.*?)</row>', usulan)
        assert first is not None
        styles = dict(re.findall(rf'<c r="([A-Z]+){contract.FIRST_DATA_ROW}" s="(\d+)"',
                                 first.group(1)))
        return cls(members, parts, styles, unit)


class Strings:
    """A workbook's shared-string table."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def cell(self, ref: str, style: str, text: str) -> str:
        self.count += 1
        number = self.index.setdefault(text, len(self.index))
        return f'<c r="{ref}" s="{style}" t="s"><v>{number}</v></c>'

    def xml(self) -> bytes:
        items = "".join(f"<si><t>{_esc(t)}</t></si>" for t in self.index)
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                f'count="{self.count}" uniqueCount="{len(self.index)}">{items}</sst>').encode()


def _value_cell(strings: Strings, ref: str, style: str, value: Value) -> str:
    if value is None:
        return f'<c r="{ref}" s="{style}" />'
    if isinstance(value, str):
        return strings.cell(ref, style, value)
    return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'


def _usulan_rows(strings: Strings, shape: Shape, rows: Sequence[Row]) -> str:
    out = []
    for offset, row in enumerate(rows):
        excel_row = contract.FIRST_DATA_ROW + offset
        cells = [_value_cell(strings, f"{LETTERS[c.key]}{excel_row}",
                             shape.styles.get(LETTERS[c.key], "0"), row.get(c.key))
                 for c in contract.COLUMNS]
        out.append(f'<row r="{excel_row}">{"".join(cells)}</row>')
    return "".join(out)


def _replace_rows(xml: str, first: int, count: int, new: str) -> str:
    start = xml.index(f'<row r="{first}"')
    end_tag = f'<row r="{first + count}"'
    end = xml.index(end_tag) if end_tag in xml else xml.index("</sheetData>")
    return xml[:start] + new + xml[end:]


_IDENTITAS_ROW = {f.key: 4 + i for i, f in enumerate(contract.IDENTITAS_FIELDS)}


def _identitas(xml: str, strings: Strings, values: dict[str, Value]) -> str:
    for key, value in values.items():
        ref = f"B{_IDENTITAS_ROW[key]}"
        pattern = re.compile(rf'<c r="{ref}" s="(\d+)"[^>]*?(?:/>|>.*?</c>)')
        match = pattern.search(xml)
        assert match is not None, ref
        xml = xml[:match.start()] + _value_cell(strings, ref, match.group(1), value) \
            + xml[match.end():]
    return xml


def workbook_bytes(shape: Shape, sender: Unit, identitas: dict[str, Value],
                   rows: Sequence[Row]) -> bytes:
    strings = Strings()
    members = dict(shape.members)
    old_nama, old_kode = _esc(shape.unit.nama), shape.unit.kode
    for sheet in (contract.SHEET_PETUNJUK, contract.SHEET_IDENTITAS, contract.SHEET_USULAN,
                  contract.SHEET_META):
        part = shape.parts[sheet]
        xml = members[part].decode()
        if sender.nama != shape.unit.nama:
            xml = xml.replace(old_nama, _esc(sender.nama)).replace(old_kode, sender.kode)
        if sheet == contract.SHEET_IDENTITAS:
            xml = _identitas(xml, strings, identitas)
        elif sheet == contract.SHEET_USULAN:
            xml = _replace_rows(xml, contract.FIRST_DATA_ROW, len(rows),
                                _usulan_rows(strings, shape, rows))
        members[part] = xml.encode()
    members["xl/sharedStrings.xml"] = strings.xml()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 2, 14, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


# --- the folder ---------------------------------------------------------------------------------


class Shapes:
    """Templates of the base units, built on first use (openpyxl: ~0.1 s each)."""

    def __init__(self, profil: Profil) -> None:
        self.profil = profil
        self.book: Any = None
        self.built: dict[int, Shape] = {}

    def get(self, index: int) -> Shape:
        if index not in self.built:
            if self.book is None:
                self.book = base_workbook(self.profil)
            unit = self.profil.perangkat_daerah[index]
            personalize(self.book, self.profil, unit, CREATED)
            data = io.BytesIO()
            self.book.save(data)
            self.built[index] = Shape.from_template(data.getvalue(), unit)
        return self.built[index]


def file_name(sender: Unit, index: int, rnd: random.Random) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", sender.nama.lower()).strip("-")[:70]
    pattern = rnd.choice(("usulan_ksd_2025_{slug}.xlsx", "{slug}_pemetaan-ksd-2025.xlsx",
                          "Usulan KSD 2025 {slug}.xlsx", "usulan_ksd_2025_{slug} (revisi).xlsx"))
    return f"{index + 1:05d} " + pattern.format(slug=slug)


def manifest_path(folder: Path) -> Path:
    return folder / "manifest.json"


def is_current(folder: Path, n: int, seed: int, unlisted: bool = False) -> bool:
    """Whether `folder` already holds this generator's N files for `seed`."""
    try:
        manifest = json.loads(manifest_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (manifest.get("generator_version") == GENERATOR_VERSION and manifest.get("n") == n
            and manifest.get("seed") == seed and manifest.get("unlisted", False) == unlisted
            and len(list((folder / "masuk").glob("*.xlsx"))) == n)


def generate(folder: Path, n: int, seed: int = DEFAULT_SEED, unlisted: bool = False,
             progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Write N submissions into `folder`/masuk, the profile and the manifest; return it."""
    builtin = load_profile(None)
    senders = units(n, builtin)
    masuk = folder / "masuk"
    masuk.mkdir(parents=True, exist_ok=True)
    for old in masuk.glob("*.xlsx"):
        old.unlink()
    manifest_path(folder).unlink(missing_ok=True)
    (folder / "ksd.toml").write_text(profile_text(senders, unlisted), encoding="utf-8")
    shapes, kegiatan, seen = Shapes(builtin), kegiatan_by_bidang(), set[str]()
    files: list[dict[str, Any]] = []
    totals = {"rows": 0, "rows_planted": 0, "clean_files": 0}
    for index, sender in enumerate(senders):
        rnd = random.Random(f"{seed}:{index}")
        composer = Composer(rnd, sender, kegiatan, seen)
        rows = [composer.row(no) for no in range(1, ROWS_PER_FILE + 1)]
        clean = index % CLEAN_EVERY == 0
        planted, warned = [], []
        for offset, row in enumerate(rows):
            excel_row = contract.FIRST_DATA_ROW + offset
            if not clean and rnd.random() < MISTAKE_RATE:
                kind, key, code = composer.plant(row)
                planted.append({"kind": kind, "code": code, "column": key,
                                "cell": f"{LETTERS[key]}{excel_row}", "row": excel_row})
            elif rnd.random() < WARNING_RATE:
                kind, key, code = composer.warn(row)
                warned.append({"kind": kind, "code": code, "column": key,
                               "cell": f"{LETTERS[key]}{excel_row}", "row": excel_row})
        name = file_name(sender, index, rnd)
        data = workbook_bytes(shapes.get(sender.base), sender, composer.identitas(), rows)
        (masuk / name).write_bytes(data)
        totals["rows"] += len(rows)
        totals["rows_planted"] += len(planted)
        totals["clean_files"] += clean
        entry: dict[str, Any] = {"name": name, "kode_opd": sender.kode, "clean": clean,
                                 "rows": len(rows), "planted": len(planted),
                                 "warned": len(warned)}
        if index < MANIFEST_DETAIL_FILES:
            entry["mistakes"] = planted
            entry["warnings"] = warned
        files.append(entry)
        if progress is not None:
            progress(index + 1, n)
    manifest = {"generator_version": GENERATOR_VERSION, "n": n, "seed": seed,
                "unlisted": unlisted, "rows_per_file": ROWS_PER_FILE, "tahun": TAHUN,
                **totals, "files": files}
    manifest_path(folder).write_text(json.dumps(manifest, indent=1, ensure_ascii=False),
                                     encoding="utf-8")
    return manifest


def totals(manifest: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in manifest.items() if k != "files"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("n", type=int, help="number of files")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--unlisted", action="store_true",
                        help="list only the 28 example units in ksd.toml: the files of the "
                             "sub-units are KSD107 (not in the profile)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the folder when it already holds these files")
    parser.add_argument("--json", action="store_true",
                        help="print the totals as one JSON line (what run.py reads)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    reused = args.reuse and is_current(args.folder, args.n, args.seed, args.unlisted)
    if reused:
        manifest = json.loads(manifest_path(args.folder).read_text(encoding="utf-8"))
    else:
        every = max(1, args.n // 10)

        def report(done: int, total: int) -> None:
            if done % every == 0 or done == total:
                print(f"  generated {done:,}/{total:,} files "
                      f"({time.perf_counter() - start:.1f} s)", file=sys.stderr, flush=True)

        manifest = generate(args.folder, args.n, args.seed, args.unlisted,
                            report if args.n >= 100 else None)
    seconds = time.perf_counter() - start
    if args.json:
        print(json.dumps({**totals(manifest), "generated": not reused, "seconds": seconds}))
    else:
        print(f"{args.n} files, {manifest['rows']} usulan ({manifest['rows_planted']} with a "
              f"planted mistake, {manifest['clean_files']} clean files) in {args.folder}"
              + (" (already there)" if reused else f" ({seconds:.1f} s)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
