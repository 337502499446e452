"""The `Petunjuk` sheet: how to fill the form, in plain Indonesian, and one complete example.

The text is data (blocks) so tests can read it; `render_petunjuk` lays it out on a sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.styles import Font, NamedStyle, PatternFill
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract, reference
from pemetaan_ksd.contract import COLUMNS, Column
from pemetaan_ksd.profile import PerangkatDaerah, Profil
from pemetaan_ksd.reference import Daerah, Nomenklatur
from pemetaan_ksd.write import styles

PP_28 = "PP Nomor 28 Tahun 2018 tentang Kerja Sama Daerah"
PERMENDAGRI_22 = (
    "Permendagri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan Daerah Lain "
    "dan Kerja Sama Daerah dengan Pihak Ketiga"
)
UU_23 = "UU Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"

# Column widths of the Petunjuk sheet: a margin, then three text columns.
WIDTHS = {"A": 3.0, "B": 32.0, "C": 22.0, "D": 58.0}
TEXT_COLUMNS = ("B", "C", "D")


@dataclass(frozen=True)
class Heading:
    text: str
    new_page: bool = False  # printed sections that read best starting on a fresh page


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    note: bool = False  # smaller, grey: a remark rather than an instruction


@dataclass(frozen=True)
class Table:
    header: tuple[str, str, str]  # in columns B, C, D
    rows: tuple[tuple[str, str, str], ...]
    example: bool = False  # the filled example: a pale fill marks it as an illustration


Block = Heading | Subheading | Paragraph | Table


# --- the example usulan -------------------------------------------------------------------


def daerah_mitra(profil: Profil) -> list[Daerah]:
    """Daerah offered in the Calon Mitra dropdown.

    For a kab/kota: its provinsi, the other kab/kota of the provinsi, then bordering daerah of
    other provinsi. For a provinsi: the bordering provinsi, then its own kab/kota.
    """
    wilayah = reference.load().wilayah
    own = profil.daerah
    if own.is_provinsi:
        first = [d for d in profil.tetangga if d.is_provinsi]
        rest = wilayah.kabkota_in(own.kode)
    else:
        first = [profil.provinsi, *wilayah.kabkota_in(own.kode_provinsi)]
        rest = [d for d in profil.tetangga if d.kode_provinsi != own.kode_provinsi]
    seen: set[str] = {own.kode}
    out: list[Daerah] = []
    for d in [*first, *rest]:
        if d.kode not in seen:
            seen.add(d.kode)
            out.append(d)
    return out


def contoh_mitra(profil: Profil) -> Daerah:
    """A bordering partner for the example (a kerja sama wajib must border)."""
    own = profil.daerah
    if own.is_provinsi:
        provinsi = [d for d in profil.tetangga if d.is_provinsi]
        return provinsi[0] if provinsi else reference.load().wilayah.kabkota_in(own.kode)[0]
    local = [d for d in profil.tetangga
             if not d.is_provinsi and d.kode_provinsi == own.kode_provinsi]
    kota = [d for d in local if d.jenis.startswith("Kota")]
    # Any bordering kota will do; the last by code is Kota Banjarbaru for Kabupaten Banjar.
    return (kota or local or [profil.provinsi])[-1]


def _contoh_kegiatan(nomen: Nomenklatur, program: str, digit: str) -> tuple[str, str]:
    """The first kegiatan of `program` at the daerah's level, and one of its sub kegiatan."""
    for number in range(1, 21):  # direct look-ups: a scan of the whole list is slow
        kegiatan = f"{program}.{digit}.{number:02d}"
        if nomen.get(kegiatan) is None:
            continue
        preferred = f"{kegiatan}.0012"  # penanganan sampah melalui pengangkutan
        if nomen.get(preferred) is not None:
            return kegiatan, preferred
        subs = [e.kode for e in nomen.children(kegiatan)]
        return kegiatan, subs[0] if subs else ""
    return "", ""


def contoh_usulan(profil: Profil) -> dict[str, object]:
    """One complete, lawful usulan (column key -> value): a shared waste service, KSDD Wajib."""
    nomen = profil.referensi().nomenklatur
    own, mitra = profil.daerah, contoh_mitra(profil)
    program = "2.11.11"
    kegiatan, sub = _contoh_kegiatan(nomen, program, "1" if own.is_provinsi else "2")
    bidang = next((b for b in reference.bidang_urusan() if b.kode == "2.11"), None)
    daerah, partner = own.nama_lengkap, mitra.nama_lengkap
    return {
        "no": 1,
        "kode_bidang_urusan": bidang.pilihan if bidang else "2.11",
        "kode_program": program,
        "nama_program": nomen.name(program) or "",
        "kode_kegiatan": kegiatan or "(kode kegiatan kewenangan provinsi yang berlaku)",
        "nama_kegiatan": (nomen.name(kegiatan) or "") if kegiatan else "",
        "kode_sub_kegiatan": sub,
        "objek": (f"Pengangkutan dan pemrosesan akhir sampah dari permukiman di perbatasan "
                  f"{daerah} dan {partner} pada tempat pemrosesan akhir yang dikelola bersama"),
        "jenis_kerja_sama": "KSDD Wajib",
        "calon_mitra": partner,
        "kode_wilayah_mitra": mitra.kode,
        "jenis_mitra": "Daerah Provinsi" if mitra.is_provinsi else "Daerah Kabupaten/Kota",
        "bentuk_ksdpk": "",
        "prakarsa": "",
        "potensi": (f"Permukiman di perbatasan {daerah} dengan {partner} tumbuh cepat; "
                    "daerah memiliki armada pengangkut sampah dan lahan yang layak untuk "
                    "tempat pengolahan sampah terpadu"),
        "permasalahan": ("Sampah dari permukiman perbatasan belum seluruhnya terangkut, sehingga "
                         "muncul titik pembuangan liar di tepi jalan dan saluran air"),
        "data_dukung": ("Timbulan sampah kecamatan perbatasan 42 ton/hari, baru 58% terangkut; "
                        "17 titik pembuangan liar (pendataan Dinas Lingkungan Hidup, "
                        f"{profil.tahun - 1})"),
        "eksternalitas": ("Sampah yang tidak tertangani mencemari sungai dan saluran yang "
                          f"mengalir melintasi batas {daerah} dan {partner}"),
        "efisiensi": ("Satu rute pengangkutan dan satu tempat pemrosesan akhir bersama lebih "
                      "murah per ton daripada dua fasilitas terpisah, dan layanan menjangkau "
                      "permukiman di kedua sisi batas"),
        "manfaat_daerah": ("Cakupan pengangkutan sampah di kecamatan perbatasan naik dan titik "
                           "pembuangan liar berkurang tanpa membangun fasilitas baru sendiri"),
        "manfaat_mitra": ("Biaya operasional fasilitas ditanggung bersama sehingga lebih ringan "
                          f"bagi {partner}, dan sampah yang terbawa aliran air ke wilayahnya "
                          "berkurang"),
        "dalam_perencanaan": "Ya",
        "dokumen_perencanaan": "RPJMD 2021-2026; Renstra Dinas Lingkungan Hidup",
        "alasan_luar_perencanaan": "",
        "tahun_mulai": profil.tahun,
        "tahun_selesai": profil.tahun + 2,
        "skala_prioritas": "Tinggi",
        "alasan_prioritas": ("Penanganan sampah menjadi sasaran RPJMD dan keluhan warga "
                             "perbatasan meningkat setiap tahun"),
        "anggaran": 750_000_000,
        "sumber_pendanaan": "APBD; APBD Mitra",
        "sudah_dianggarkan": "Tidak",
        "membebani": "Tidak",
        "tahapan": "Persiapan",
        "keterangan": "Pembicaraan awal dengan dinas lingkungan hidup calon mitra sudah dilakukan",
    }


# --- the text -----------------------------------------------------------------------------

GROUP_TEXT: dict[str, str] = {
    contract.G_URUSAN: (
        "Urusan pemerintahan yang akan dikerjasamakan, menurut nomenklatur {versi}. Pilih bidang "
        "urusan dari daftar, lalu tulis kode program dan kode kegiatan persis seperti di SIPD, "
        "dengan titik, misalnya 1.02.02.2.01. Sel kolom kode sudah berformat teks, sehingga "
        "kode seperti 2.10 tidak berubah menjadi angka. Nama program dan nama kegiatan boleh "
        "dikosongkan karena diisi otomatis dari nomenklatur; bila diisi, samakan dengan nama "
        "resminya."
    ),
    contract.G_OBJEK: (
        "Apa yang akan dikerjakan bersama dan dengan siapa. Tulis objek kerja sama secara "
        "konkret, bukan sekadar nama sektor. Untuk mitra daerah, pilih atau tulis nama resminya "
        "(misalnya {mitra}) dan, bila diketahui, kode wilayahnya (misalnya {kode_mitra}). Untuk "
        "pihak ketiga, ketik nama lengkap badan usaha, organisasi atau orangnya: kolom Calon "
        "Mitra menerima nama apa pun. Bentuk KSDPK dan Prakarsa wajib diisi untuk KSDPK saja."
    ),
    contract.G_KRITERIA: (
        "Inti penilaian usulan. Setiap kolom diisi uraian nyata, paling sedikit tiga kata; "
        "isian seperti \"-\", \"sda\", \"idem\", \"tidak ada\" atau \"belum ada\" tidak "
        "diterima. Eksternalitas Lintas Daerah wajib untuk KSDD Wajib; Efisiensi dan "
        "Efektivitas Layanan Publik wajib untuk KSDD Wajib dan KSDD Sukarela."
    ),
    contract.G_RENCANA: (
        "Apakah objek tercantum dalam RPJMD, Renstra atau RKPD. Bila Ya, sebutkan dokumennya; "
        "bila Tidak, pilih alasan pengecualian yang sah (PP 28/2018 Pasal 4 ayat (3)). Tahun "
        "ditulis empat angka; Tahun Selesai tidak boleh sebelum Tahun Mulai. Skala prioritas "
        "selalu disertai alasannya; penetapan akhirnya dilakukan dalam rapat pleno TKKSD."
    ),
    contract.G_ANGGARAN: (
        "Perkiraan anggaran per tahun ditulis sebagai angka rupiah tanpa titik dan tanpa \"Rp\", "
        "misalnya 1500000000 (pemisah ribuan tampil sendiri). Sumber Pendanaan boleh lebih dari "
        "satu, dipisah titik koma, misalnya \"APBD; APBN\". Dua kolom Ya/Tidak terakhir "
        "menentukan perlu tidaknya persetujuan DPRD (PP 28/2018 Pasal 6 ayat (2))."
    ),
    contract.G_LAIN: (
        "Tahapan yang sudah dicapai, dari Persiapan sampai Pelaporan (kosong berarti "
        "Persiapan), dan keterangan lain, misalnya pembicaraan awal yang sudah dilakukan "
        "dengan calon mitra."
    ),
}

JENIS_KERJA_SAMA_ROWS: tuple[tuple[str, str, str], ...] = (
    ("KSDD Wajib", "Daerah lain yang berbatasan langsung",
     "Untuk urusan yang berdampak lintas daerah dan lebih efisien bila dikelola bersama "
     "(UU 23/2014 Pasal 364; PP 28/2018 Pasal 3 ayat (2))."),
    ("KSDD Sukarela", "Daerah lain, berbatasan atau tidak",
     "Untuk urusan kewenangan daerah yang lebih efektif dan efisien bila dikerjakan bersama "
     "(UU 23/2014 Pasal 365; PP 28/2018 Pasal 3 ayat (3))."),
    ("KSDPK", "Pihak ketiga: perseorangan, badan usaha berbadan hukum, organisasi "
     "kemasyarakatan",
     "Penyediaan pelayanan publik, pengelolaan aset, investasi atau kerja sama lainnya; "
     "didahului studi kelayakan (PP 28/2018 Pasal 14-22; UU 23/2014 Pasal 366)."),
    ("KSDPL", "Pemerintah daerah di luar negeri",
     "Perlu persetujuan Pemerintah Pusat dan DPRD (PP 28/2018 Pasal 23-30)."),
    ("KSDLL", "Lembaga di luar negeri",
     "Perlu persetujuan Pemerintah Pusat dan DPRD (PP 28/2018 Pasal 31-38)."),
    ("Sinergi", "Pemerintah Pusat (kementerian/lembaga)",
     "Sinergi program pusat dan daerah yang dituangkan dalam dokumen kesepakatan yang "
     "mengikat (PP 28/2018 Pasal 46)."),
)


DASAR_HUKUM_ROWS: tuple[tuple[str, str, str], ...] = (
    (PP_28, "Pasal 1, 3, 4, 5, 6, 14-38, 46",
     "Pengertian, jenis, objek, kriteria dan tahapan kerja sama daerah."),
    (PERMENDAGRI_22, "Pasal 5, 46",
     "Pemetaan urusan yang akan dikerjasamakan; tugas TKKSD menyiapkan pemetaan."),
    (UU_23, "Pasal 363-366",
     "Kerja sama wajib, kerja sama sukarela, dan kerja sama dengan pihak ketiga."),
)


def _kriteria_rows(profil: Profil) -> tuple[tuple[str, str, str], ...]:
    digit, tingkat = ("1", "provinsi") if profil.daerah.is_provinsi else ("2", "kabupaten/kota")
    return (
        ("Kewenangan daerah", "PP 28/2018 Pasal 4 ayat (1)",
         "Hanya urusan yang menjadi kewenangan daerah: 32 bidang urusan berkode 1.01 sampai "
         "3.32. Fungsi penunjang (bidang 4.xx sampai 8.xx dan program 01) bukan objek kerja "
         f"sama. Gunakan kode kegiatan kewenangan {tingkat} (angka keempat {digit})."),
        ("Saling menguntungkan", "PP 28/2018 Pasal 1 angka 1; UU 23/2014 Pasal 363 ayat (1)",
         "Manfaat bagi daerah dan manfaat bagi mitra sama-sama diuraikan secara nyata."),
        ("Kebutuhan nyata", "Permendagri 22/2020 Pasal 5",
         "Masalah atau kebutuhan yang hendak diselesaikan ditulis bersama data dukungnya: "
         "angka, indikator dan sumbernya. Usulan bukan daftar keinginan sektor atau mitra."),
        ("Tercantum dalam perencanaan", "PP 28/2018 Pasal 4 ayat (2) dan (3)",
         "Objek tercantum dalam RPJMD, Renstra atau RKPD. Di luar perencanaan hanya untuk "
         "kondisi darurat, mendukung program strategis nasional, atau penugasan tugas "
         "pembantuan."),
        ("Skala prioritas", "Permendagri 22/2020 Pasal 5 ayat (3)",
         "Setiap usulan diberi prioritas Tinggi, Sedang atau Rendah beserta alasannya."),
        ("Efisiensi dan efektivitas", "PP 28/2018 Pasal 1 angka 1; UU 23/2014 Pasal 364",
         "Jelaskan mengapa layanan kepada masyarakat lebih baik bila dikerjakan bersama; "
         "wajib untuk KSDD."),
        ("Mitra yang tepat", "PP 28/2018 Pasal 3 ayat (2)",
         f"Mitra bukan {profil.daerah.nama_lengkap} sendiri: kerja sama antarperangkat daerah "
         "di lingkungan sendiri bukan kerja sama daerah. KSDD Wajib hanya dengan daerah yang "
         "berbatasan langsung (daftar di bawah)."),
        ("Persetujuan DPRD", "PP 28/2018 Pasal 6 ayat (2)",
         "Diperlukan bila rencana kerja sama membebani masyarakat dan daerah, atau anggarannya "
         "belum tersedia dalam APBD tahun berjalan; selalu untuk KSDPL dan KSDLL. Ini "
         "catatan, bukan alasan penolakan."),
    )


_LANGKAH: tuple[tuple[str, str, str], ...] = (
    ("Lengkapi identitas", "Lembar Identitas",
     "Periksa tahun, kode dan nama perangkat daerah yang sudah terisi. Lengkapi nama "
     "penanggung jawab, jabatan, nomor telepon, email dan tanggal pengisian. Pengesahan "
     "dicatat di sini (Nama Penanggung Jawab, Jabatan), bukan sebagai blok tanda tangan di "
     "bawah tabel Usulan: baris tempat dan tanggal, jabatan, nama atau NIP di bawah tabel "
     "bukan usulan dan disisihkan."),
    ("Satu baris, satu usulan", "Lembar Usulan, mulai baris 7",
     "Satu usulan adalah satu program atau kegiatan yang akan dikerjasamakan dengan satu "
     "calon mitra. Kegiatan yang sama dengan dua mitra ditulis dalam dua baris."),
    ("Kenali kolom wajib", "Lembar Usulan, baris 5",
     "Judul kolom berlatar biru tua wajib diisi; kolom berlatar biru muda diisi bila "
     "syaratnya berlaku (lihat penjelasan kolom di bawah). Klik judul kolom untuk melihat "
     "penjelasan singkatnya."),
    ("Gunakan daftar pilihan", "Sel bertanda panah",
     "Pilih dari daftar. Calon Mitra tetap boleh diketik bebas, misalnya nama perusahaan; "
     "Sumber Pendanaan boleh berisi beberapa pilihan, misalnya \"APBD; APBN\"."),
    ("Tempel sebagai nilai saja", "Semua lembar",
     "Bila menyalin dari berkas lain, gunakan Tempel Spesial, lalu Nilai (Excel: Ctrl+Alt+V, "
     "pilih Nilai/Values; LibreOffice: Ctrl+Shift+V, pilih Hanya Nilai). Tempel biasa "
     "melewati daftar pilihan dan menimpa format sel."),
    ("Jangan ubah susunan", "Semua lembar",
     "Jangan mengubah nama lembar dan judul kolom. Lembar dilindungi tanpa kata sandi agar "
     "judul tidak berubah tanpa sengaja. Tersedia {baris} baris isian; bila kurang, buka "
     "perlindungan lembar (Excel: Tinjau, Buka Proteksi Lembar; LibreOffice: Alat, Lindungi "
     "Lembar) lalu sisipkan baris di tengah daftar."),
    ("Simpan dan kirim", "Berkas .xlsx",
     "Simpan sebagai .xlsx lalu kirim kembali kepada sekretariat TKKSD (Bagian Pemerintahan "
     "atau Bagian Kerja Sama Sekretariat Daerah). Setiap isian diperiksa ulang saat berkas "
     "diterima; bila ada yang perlu diperbaiki, perangkat daerah menerima salinan berkas "
     "dengan sel yang perlu diperbaiki diberi warna dan catatan."),
)


def _judul(profil: Profil, opd: PerangkatDaerah | None) -> list[Block]:
    pemda = f"Pemerintah {profil.daerah.nama_lengkap}"
    unit = opd.nama if opd else "perangkat daerah pengusul"
    intro = (
        "Setiap daerah yang akan bekerja sama terlebih dahulu memetakan urusan pemerintahan "
        "yang akan dikerjasamakan berdasarkan potensi dan karakteristik daerahnya "
        f"({PP_28}, Pasal 5 ayat (1); {PERMENDAGRI_22}, Pasal 5). Hasil pemetaan adalah daftar "
        "rencana program dan kegiatan yang akan dikerjasamakan, per tahun, menurut skala "
        f"prioritas. Formulir ini menghimpun usulan {unit} untuk pemetaan tahun {profil.tahun}; "
        "usulan yang memenuhi kriteria dibahas dalam rapat pleno Tim Koordinasi Kerja Sama "
        "Daerah (TKKSD)."
    )
    blocks: list[Block] = [Paragraph(f"{pemda} · Tahun Pemetaan {profil.tahun}")]
    if opd is not None:
        bidang = ", ".join(opd.bidang)
        suffix = f" (bidang urusan {bidang})" if bidang else ""
        blocks.append(Paragraph(f"Perangkat Daerah: {opd.nama}{suffix}"))
    blocks += [Heading("Maksud formulir"), Paragraph(intro)]
    return blocks


def _kolom_blocks(versi: str, mitra: Daerah) -> list[Block]:
    blocks: list[Block] = [
        Heading("Penjelasan kolom lembar Usulan, per kelompok"),
        Paragraph("Kolom bertanda Wajib harus diisi pada setiap usulan; kolom lain wajib bila "
                  "syarat pada penjelasannya berlaku.", note=True),
    ]
    groups: dict[str, list[Column]] = {}
    for col in COLUMNS:
        groups.setdefault(col.group, []).append(col)
    for group, cols in groups.items():
        span = f"kolom ({cols[0].number}) sampai ({cols[-1].number})"
        text = GROUP_TEXT[group].format(versi=versi, mitra=mitra.nama_lengkap,
                                        kode_mitra=mitra.kode)
        blocks.append(Subheading(f"{group}, {span}"))
        blocks.append(Paragraph(text))
        blocks.append(Table(
            ("Kolom", "Wajib", "Penjelasan"),
            tuple((f"{c.number_label} {c.header}", "Wajib" if c.required else "", c.hint)
                  for c in cols),
        ))
    return blocks


def _mitra_blocks(profil: Profil) -> list[Block]:
    wilayah = reference.load().wilayah
    rows = tuple(
        (d.nama_lengkap, d.kode,
         "berbatasan: dapat menjadi mitra KSDD Wajib"
         if wilayah.berbatasan(profil.daerah, d) else "tidak berbatasan: KSDD Sukarela")
        for d in daerah_mitra(profil)
    )
    return [
        Heading("Daerah dalam daftar Calon Mitra"),
        Paragraph(_mitra_intro(profil)),
        Table(("Daerah", "Kode wilayah", "Keterangan"), rows),
    ]


def _mitra_intro(profil: Profil) -> str:
    own = profil.daerah
    scope = ("provinsi yang berbatasan dan kabupaten/kota di provinsi ini" if own.is_provinsi
             else f"{profil.provinsi.nama_lengkap}, kabupaten/kota lain di provinsi ini, dan "
                  "daerah provinsi lain yang berbatasan")
    return (f"Pilihan pada kolom Calon Mitra: {scope}, menurut data wilayah Kemendagri, dengan "
            f"keterangan apakah daerah itu berbatasan langsung dengan {own.nama_lengkap}. "
            "Daerah lain tetap boleh diketik, misalnya untuk KSDD Sukarela.")


def _contoh_blocks(profil: Profil) -> list[Block]:
    contoh = contoh_usulan(profil)
    rows = []
    for col in COLUMNS:
        value = contoh[col.key]
        if col.key == "anggaran" and isinstance(value, int):
            shown = f"{value}  (tampil sebagai {value:,})".replace(",", ".")
        else:
            shown = str(value) if value != "" else "(dikosongkan: tidak berlaku untuk usulan ini)"
        rows.append((f"{col.number_label} {col.header}", "Wajib" if col.required else "",
                     shown))
    return [
        Heading("Contoh satu usulan lengkap", new_page=True),
        Paragraph("Contoh berikut hanya ilustrasi dengan angka rekaan: tulislah keadaan "
                  "sebenarnya, jangan menyalin contoh ini ke lembar Usulan. Dalam lembar "
                  "Usulan, setiap isian di bawah ditulis pada satu baris, dari kolom (1) "
                  "sampai (34).", note=True),
        Table(("Kolom", "Wajib", "Contoh isian"), tuple(rows), example=True),
    ]


def petunjuk_blocks(profil: Profil, opd: PerangkatDaerah | None) -> list[Block]:
    """Everything the Petunjuk sheet says, in order."""
    versi = profil.referensi().nomenklatur.versi
    langkah = tuple((f"{i}. {step}", where, text.format(baris=contract.PREPARED_ROWS))
                    for i, (step, where, text) in enumerate(_LANGKAH, start=1))
    return [
        *_judul(profil, opd),
        Heading("Dasar hukum"),
        Table(("Peraturan", "Pasal yang dirujuk", "Pokok yang diatur"), DASAR_HUKUM_ROWS),
        Heading("Cara mengisi"),
        Table(("Langkah", "Tempat", "Keterangan"), langkah),
        Heading("Kriteria usulan yang dapat diterima"),
        Table(("Kriteria", "Dasar hukum", "Penjelasan"), _kriteria_rows(profil)),
        Heading("Jenis kerja sama", new_page=True),
        Table(("Jenis", "Calon mitra", "Keterangan dan dasar hukum"), JENIS_KERJA_SAMA_ROWS),
        *_kolom_blocks(versi, contoh_mitra(profil)),
        *_mitra_blocks(profil),
        *_contoh_blocks(profil),
    ]


def petunjuk_text(profil: Profil, opd: PerangkatDaerah | None) -> str:
    """All the sheet's text as one string (for tests and searching)."""
    parts: list[str] = []
    for block in petunjuk_blocks(profil, opd):
        if isinstance(block, Table):
            parts += [" | ".join(block.header), *(" | ".join(r) for r in block.rows)]
        else:
            parts.append(block.text)
    return "\n".join(parts)


# --- layout ---------------------------------------------------------------------------------

TITLE = "PETUNJUK PENGISIAN FORMULIR USULAN PEMETAAN KERJA SAMA DAERAH"


def _named_styles() -> dict[str, NamedStyle]:
    """Named styles keep writing fast: one lookup per cell instead of one per attribute."""
    def named(name: str, font: Font, fill: PatternFill | None = None,
              border: bool = True) -> NamedStyle:
        style = NamedStyle(name=name, font=font, alignment=styles.WRAP_TOP)
        if border:
            style.border = styles.BORDER_THIN
        if fill is not None:
            style.fill = fill
        return style

    return {
        "text": named("Petunjuk Teks", styles.FONT_BODY, border=False),
        "note": named("Petunjuk Catatan", styles.FONT_NOTE, border=False),
        "head": named("Petunjuk Judul Tabel", styles.FONT_HEADER_OPTIONAL,
                      styles.FILL_HEADER_OPTIONAL),
        "cell": named("Petunjuk Tabel", styles.FONT_BODY),
        "example": named("Petunjuk Contoh", styles.FONT_BODY, styles.FILL_EXAMPLE),
    }


def render_petunjuk(ws: Worksheet, profil: Profil, opd: PerangkatDaerah | None) -> None:
    """Lay the Petunjuk blocks out on `ws`, ready to read on screen and to print."""
    named = _named_styles()
    styles.register(ws, named.values())
    names = {key: style.name for key, style in named.items()}
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.sheet_view.showGridLines = False
    title = ws.cell(row=1, column=2, value=TITLE)
    title.font = styles.FONT_TITLE
    ws.row_dimensions[1].height = 24
    row = 2
    for block in petunjuk_blocks(profil, opd):
        row = _render_block(ws, block, row, names)
    ws.print_area = f"A1:D{row}"
    _print_setup(ws)


def _render_block(ws: Worksheet, block: Block, row: int, names: dict[str, str]) -> int:
    if isinstance(block, Heading):
        if block.new_page:
            ws.row_breaks.append(Break(id=row - 1))  # a break falls below its row
        else:
            row += 1  # a blank line before each section
        cell = ws.cell(row=row, column=2, value=block.text.upper())
        cell.font = styles.FONT_SUBTITLE
        for letter in TEXT_COLUMNS:
            ws[f"{letter}{row}"].border = styles.BORDER_TITLE_RULE
        ws.row_dimensions[row].height = 20
        return row + 1
    if isinstance(block, Subheading):
        row += 1
        ws.cell(row=row, column=2, value=block.text).font = styles.FONT_BOLD
        ws.row_dimensions[row].height = 18
        return row + 1
    if isinstance(block, Paragraph):
        cell = ws.cell(row=row, column=2, value=block.text)
        cell.style = names["note" if block.note else "text"]
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        width = sum(WIDTHS[c] for c in TEXT_COLUMNS)
        ws.row_dimensions[row].height = styles.wrapped_height(block.text, width)
        return row + 1
    _table_row(ws, row, block.header, names["head"], names["head"])
    for values in block.rows:
        row += 1
        _table_row(ws, row, values, names["cell"], names["example" if block.example else "cell"])
    return row + 1


def _table_row(ws: Worksheet, row: int, values: tuple[str, ...], first_style: str,
               other_style: str) -> None:
    height = styles.LINE_HEIGHT_PT + 5
    for letter, value in zip(TEXT_COLUMNS, values, strict=True):
        cell = ws[f"{letter}{row}"]
        cell.value = value
        cell.style = first_style if letter == TEXT_COLUMNS[0] else other_style
        height = max(height, styles.wrapped_height(value, WIDTHS[letter]))
    ws.row_dimensions[row].height = height


def _print_setup(ws: Worksheet) -> None:
    styles.fit_to_width(ws, "portrait")
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.print_options.horizontalCentered = True
    styles.footer(ws, center="Petunjuk - halaman &P dari &N")
