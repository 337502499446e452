"""The template as data: sheets, identity labels, columns and choice lists.

One source for the template writer, the reader, the rules and the feedback copy
(CONTRACT.md section 1). Changing anything here is a versioned change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

TEMPLATE_ID = "pemetaan-ksd"
TEMPLATE_VERSION = "1"

SHEET_PETUNJUK = "Petunjuk"
SHEET_IDENTITAS = "Identitas"
SHEET_USULAN = "Usulan"
SHEET_REFERENSI = "Referensi"
SHEET_META = "_meta"
SHEETS = (SHEET_PETUNJUK, SHEET_IDENTITAS, SHEET_USULAN, SHEET_REFERENSI, SHEET_META)
# The first sheet of a feedback copy; a copy sent back is read like any submission and this
# sheet is ignored.
SHEET_CATATAN = "Catatan Validasi"

HEADER_ROW = 5
NUMBER_ROW = 6
FIRST_DATA_ROW = 7
PREPARED_ROWS = 150
HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class IdentitasField:
    key: str
    label: str
    required: bool


IDENTITAS_FIELDS: tuple[IdentitasField, ...] = (
    IdentitasField("tahun", "Tahun Pemetaan", True),
    IdentitasField("kode_opd", "Kode Perangkat Daerah", True),
    IdentitasField("nama_opd", "Nama Perangkat Daerah", True),
    IdentitasField("penanggung_jawab", "Nama Penanggung Jawab", False),
    IdentitasField("jabatan", "Jabatan", False),
    IdentitasField("telepon", "Nomor Telepon", False),
    IdentitasField("email", "Email", False),
    IdentitasField("tanggal_pengisian", "Tanggal Pengisian", False),
)


class Kind(StrEnum):
    """How a column's value is read and checked."""

    NUMBER = "nomor"
    CODE = "kode"
    NAME = "nama"
    TEXT = "teks"
    SUBSTANTIVE = "substantif"
    CHOICE = "pilihan"
    MULTI_CHOICE = "pilihan_ganda"
    YEAR = "tahun"
    AMOUNT = "anggaran"


JENIS_KERJA_SAMA = ("KSDD Wajib", "KSDD Sukarela", "KSDPK", "KSDPL", "KSDLL", "Sinergi")
JENIS_MITRA = (
    "Daerah Provinsi",
    "Daerah Kabupaten/Kota",
    "Pemerintah Pusat",
    "Perseorangan",
    "Badan Usaha Berbadan Hukum",
    "Organisasi Kemasyarakatan",
    "Lembaga/Pemerintah Daerah Luar Negeri",
)
BENTUK_KSDPK = ("Penyediaan Pelayanan Publik", "Pengelolaan Aset", "Investasi", "Lainnya")
PRAKARSA = ("Daerah", "Mitra")
YA_TIDAK = ("Ya", "Tidak")
ALASAN_LUAR_PERENCANAAN = (
    "Kondisi Darurat",
    "Program Strategis Nasional",
    "Penugasan Tugas Pembantuan",
)
SKALA_PRIORITAS = ("Tinggi", "Sedang", "Rendah")
SUMBER_PENDANAAN = ("APBD", "APBD Mitra", "APBN", "Pihak Ketiga", "Lainnya")
TAHAPAN = (
    "Persiapan",
    "Penawaran",
    "Penyusunan Kesepakatan Bersama",
    "Penandatanganan Kesepakatan Bersama",
    "Persetujuan DPRD",
    "Penyusunan Perjanjian Kerja Sama",
    "Penandatanganan Perjanjian Kerja Sama",
    "Pelaksanaan",
    "Penatausahaan",
    "Pelaporan",
)

KSDD = ("KSDD Wajib", "KSDD Sukarela")
JENIS_MITRA_DAERAH = ("Daerah Provinsi", "Daerah Kabupaten/Kota")
JENIS_MITRA_PIHAK_KETIGA = (
    "Perseorangan",
    "Badan Usaha Berbadan Hukum",
    "Organisasi Kemasyarakatan",
)

# Placeholders that are not substantive text (compared after lower-casing and trimming; a
# final full stop does not count: "Menyusul." is "menyusul"). CONTRACT section 1 lists the first
# entries; the rest are further ways clerks write "nothing yet".
PLACEHOLDERS = frozenset(
    {
        "",
        "-",
        "0",
        "tidak ada",
        "belum ada",
        "belum ada data",
        "tidak ada data",
        "menyusul",
        "akan dilengkapi",
        "lihat lampiran",
        "sda",
        "idem",
        "...",
        "n/a",
        "--",
        "data menyusul",
        "akan menyusul",
        "belum tersedia",
        "data belum tersedia",
        "terlampir",
        "s.d.a",
        "s.d.a.",
        "..",
        ".",
        "na",
        "tidak",
        "ada",
        "x",
        "nihil",
        "-/-",
        "tba",
        "tbd",
    }
)
MIN_SUBSTANTIVE_WORDS = 3


@dataclass(frozen=True)
class Column:
    """One column of the `Usulan` sheet."""

    number: int
    key: str
    header: str
    required: bool
    kind: Kind
    group: str
    hint: str
    width: float = 18
    choices: tuple[str, ...] = ()
    list_name: str | None = None  # the workbook-scoped defined name behind the dropdown

    @property
    def number_label(self) -> str:
        return f"({self.number})"


G_URUSAN = "Urusan dan Kegiatan"
G_OBJEK = "Objek dan Mitra"
G_KRITERIA = "Kriteria Kerja Sama"
G_RENCANA = "Perencanaan dan Waktu"
G_ANGGARAN = "Anggaran dan Persetujuan"
G_LAIN = "Tahapan dan Keterangan"

COLUMNS: tuple[Column, ...] = (
    Column(1, "no", "No", False, Kind.NUMBER, G_URUSAN, "Nomor urut usulan.", 6),
    Column(
        2,
        "kode_bidang_urusan",
        "Kode Bidang Urusan",
        True,
        Kind.CODE,
        G_URUSAN,
        "Pilih bidang urusan dari daftar, misalnya 1.02 - Kesehatan.",
        30,
        list_name="ListBidangUrusan",
    ),
    Column(
        3,
        "kode_program",
        "Kode Program",
        True,
        Kind.CODE,
        G_URUSAN,
        "Kode program sesuai nomenklatur, misalnya 1.02.02.",
        13,
    ),
    Column(
        4,
        "nama_program",
        "Nama Program",
        False,
        Kind.NAME,
        G_URUSAN,
        "Boleh dikosongkan: diisi otomatis dari nomenklatur.",
        30,
    ),
    Column(
        5,
        "kode_kegiatan",
        "Kode Kegiatan",
        True,
        Kind.CODE,
        G_URUSAN,
        "Kode kegiatan kabupaten/kota, misalnya 1.02.02.2.01.",
        16,
    ),
    Column(
        6,
        "nama_kegiatan",
        "Nama Kegiatan",
        False,
        Kind.NAME,
        G_URUSAN,
        "Boleh dikosongkan: diisi otomatis dari nomenklatur.",
        30,
    ),
    Column(
        7,
        "kode_sub_kegiatan",
        "Kode Sub Kegiatan",
        False,
        Kind.CODE,
        G_URUSAN,
        "Jika ada, misalnya 1.02.02.2.01.0001.",
        20,
    ),
    Column(
        8,
        "objek",
        "Objek Kerja Sama",
        True,
        Kind.SUBSTANTIVE,
        G_OBJEK,
        "Apa tepatnya yang dikerjakan bersama mitra.",
        32,
    ),
    Column(
        9,
        "jenis_kerja_sama",
        "Jenis Kerja Sama",
        True,
        Kind.CHOICE,
        G_OBJEK,
        "KSDD Wajib hanya dengan daerah yang berbatasan; KSDPK dengan pihak ketiga.",
        16,
        JENIS_KERJA_SAMA,
        "ListJenisKerjaSama",
    ),
    Column(
        10,
        "calon_mitra",
        "Calon Mitra",
        True,
        Kind.TEXT,
        G_OBJEK,
        "Nama lengkap calon mitra, misalnya Kota Banjarbaru atau PT Air Minum Bandarmasih.",
        26,
        list_name="ListDaerahMitra",
    ),
    Column(
        11,
        "kode_wilayah_mitra",
        "Kode Wilayah Mitra",
        False,
        Kind.CODE,
        G_OBJEK,
        "Untuk mitra daerah, misalnya 63.71. Boleh kosong bila nama daerah jelas.",
        12,
    ),
    Column(
        12,
        "jenis_mitra",
        "Jenis Mitra",
        True,
        Kind.CHOICE,
        G_OBJEK,
        "Pilih jenis calon mitra dari daftar.",
        22,
        JENIS_MITRA,
        "ListJenisMitra",
    ),
    Column(
        13,
        "bentuk_ksdpk",
        "Bentuk KSDPK",
        False,
        Kind.CHOICE,
        G_OBJEK,
        "Wajib diisi untuk KSDPK (PP 28/2018 Pasal 15).",
        20,
        BENTUK_KSDPK,
        "ListBentukKSDPK",
    ),
    Column(
        14,
        "prakarsa",
        "Prakarsa",
        False,
        Kind.CHOICE,
        G_OBJEK,
        "Wajib diisi untuk KSDPK: atas prakarsa Daerah atau Mitra.",
        11,
        PRAKARSA,
        "ListPrakarsa",
    ),
    Column(
        15,
        "potensi",
        "Potensi dan Karakteristik Daerah",
        True,
        Kind.SUBSTANTIVE,
        G_KRITERIA,
        "Potensi dan karakteristik daerah yang mendasari usulan.",
        32,
    ),
    Column(
        16,
        "permasalahan",
        "Permasalahan / Kebutuhan Nyata",
        True,
        Kind.SUBSTANTIVE,
        G_KRITERIA,
        "Masalah atau kebutuhan nyata yang hendak diselesaikan.",
        32,
    ),
    Column(
        17,
        "data_dukung",
        "Data Dukung",
        True,
        Kind.SUBSTANTIVE,
        G_KRITERIA,
        "Data, indikator dan sumbernya yang membuktikan kebutuhan.",
        30,
    ),
    Column(
        18,
        "eksternalitas",
        "Eksternalitas Lintas Daerah",
        False,
        Kind.SUBSTANTIVE,
        G_KRITERIA,
        "Wajib untuk KSDD Wajib: dampak yang melintasi batas daerah.",
        30,
    ),
    Column(
        19,
        "efisiensi",
        "Efisiensi dan Efektivitas Layanan Publik",
        False,
        Kind.SUBSTANTIVE,
        G_KRITERIA,
        "Wajib untuk KSDD: mengapa layanan lebih baik bila dikerjakan bersama.",
        30,
    ),
    Column(
        20,
        "manfaat_daerah",
        "Manfaat bagi Daerah",
        True,
        Kind.SUBSTANTIVE,
        G_KRITERIA,
        "Manfaat nyata bagi daerah kita.",
        30,
    ),
    Column(
        21,
        "manfaat_mitra",
        "Manfaat bagi Mitra",
        True,
        Kind.SUBSTANTIVE,
        G_KRITERIA,
        "Manfaat nyata bagi calon mitra: kerja sama harus saling menguntungkan.",
        30,
    ),
    Column(
        22,
        "dalam_perencanaan",
        "Tercantum dalam Dokumen Perencanaan",
        True,
        Kind.CHOICE,
        G_RENCANA,
        "Ya bila tercantum dalam RPJMD, Renstra atau RKPD.",
        14,
        YA_TIDAK,
        "ListYaTidak",
    ),
    Column(
        23,
        "dokumen_perencanaan",
        "Dokumen Perencanaan Acuan",
        False,
        Kind.TEXT,
        G_RENCANA,
        "Wajib bila kolom (22) Ya, misalnya RPJMD 2021-2026.",
        20,
    ),
    Column(
        24,
        "alasan_luar_perencanaan",
        "Alasan di Luar Perencanaan",
        False,
        Kind.CHOICE,
        G_RENCANA,
        "Wajib bila kolom (22) Tidak (PP 28/2018 Pasal 4 ayat 3).",
        22,
        ALASAN_LUAR_PERENCANAAN,
        "ListAlasanLuarPerencanaan",
    ),
    Column(
        25,
        "tahun_mulai",
        "Tahun Mulai",
        True,
        Kind.YEAR,
        G_RENCANA,
        "Empat angka, misalnya 2025.",
        9,
    ),
    Column(
        26,
        "tahun_selesai",
        "Tahun Selesai",
        True,
        Kind.YEAR,
        G_RENCANA,
        "Empat angka, tidak sebelum Tahun Mulai.",
        9,
    ),
    Column(
        27,
        "skala_prioritas",
        "Skala Prioritas",
        True,
        Kind.CHOICE,
        G_RENCANA,
        "Tinggi, Sedang atau Rendah.",
        10,
        SKALA_PRIORITAS,
        "ListSkalaPrioritas",
    ),
    Column(
        28,
        "alasan_prioritas",
        "Alasan Prioritas",
        True,
        Kind.SUBSTANTIVE,
        G_RENCANA,
        "Mengapa prioritas itu yang dipilih.",
        28,
    ),
    Column(
        29,
        "anggaran",
        "Perkiraan Anggaran per Tahun (Rp)",
        False,
        Kind.AMOUNT,
        G_ANGGARAN,
        "Angka rupiah tanpa titik, misalnya 1500000000.",
        18,
    ),
    Column(
        30,
        "sumber_pendanaan",
        "Sumber Pendanaan",
        False,
        Kind.MULTI_CHOICE,
        G_ANGGARAN,
        "Satu atau lebih: APBD; APBD Mitra; APBN; Pihak Ketiga; Lainnya.",
        16,
        SUMBER_PENDANAAN,
        "ListSumberPendanaan",
    ),
    Column(
        31,
        "sudah_dianggarkan",
        "Sudah Dianggarkan di APBD Tahun Berjalan",
        True,
        Kind.CHOICE,
        G_ANGGARAN,
        "Ya atau Tidak. Tidak berarti perlu persetujuan DPRD.",
        14,
        YA_TIDAK,
        "ListYaTidak",
    ),
    Column(
        32,
        "membebani",
        "Membebani Masyarakat dan Daerah",
        True,
        Kind.CHOICE,
        G_ANGGARAN,
        "Ya atau Tidak. Ya berarti perlu persetujuan DPRD.",
        14,
        YA_TIDAK,
        "ListYaTidak",
    ),
    Column(
        33,
        "tahapan",
        "Tahapan Saat Ini",
        False,
        Kind.CHOICE,
        G_LAIN,
        "Kosong berarti Persiapan.",
        20,
        TAHAPAN,
        "ListTahapan",
    ),
    Column(34, "keterangan", "Keterangan", False, Kind.TEXT, G_LAIN, "Catatan lain.", 24),
)

COLUMN_BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
REQUIRED_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.required)


def column(key: str) -> Column:
    return COLUMN_BY_KEY[key]


_AROUND_PUNCTUATION = re.compile(r"\s*([/\\()\[\]\-\u2013&,.:;*+])\s*")


def normalize_header(text: object) -> str:
    """Header text compared without case, extra spaces, line breaks or spaces around punctuation
    ("Permasalahan/Kebutuhan Nyata" is "Permasalahan / Kebutuhan Nyata")."""
    spaced = " ".join(str(text).split()).casefold()
    return _AROUND_PUNCTUATION.sub(r"\1", spaced)


HEADER_TO_KEY: dict[str, str] = {normalize_header(c.header): c.key for c in COLUMNS}

# The years a template's year cells and the `--tahun` options accept (Tahun Mulai, Tahun Selesai,
# Tahun Pemetaan).
# The built-in example profile (no ksd.toml given): Kabupaten Banjar, 2025.
BUILTIN_DAERAH = "63.03"
BUILTIN_TAHUN = 2025
TAHUN_MIN = 2000
TAHUN_MAX = 2100
