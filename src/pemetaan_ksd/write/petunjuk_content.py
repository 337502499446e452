"""The words of the `Petunjuk` sheet: law, steps, criteria, kinds of kerja sama, column groups.

Plain Indonesian for OPD staff (CONTRACT section 1). Data, worded by the daerah's level where it
matters; petunjuk_blocks.py puts these texts in order with the parts drawn from the profile, and
petunjuk.py lays them out on the sheet.
"""

from __future__ import annotations

from pemetaan_ksd import contract
from pemetaan_ksd.profile import Profil

PP_28 = "PP Nomor 28 Tahun 2018 tentang Kerja Sama Daerah"
PERMENDAGRI_22 = (
    "Permendagri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan Daerah Lain "
    "dan Kerja Sama Daerah dengan Pihak Ketiga"
)
UU_23 = "UU Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"

# One paragraph per column group; {versi} is the nomenclature's version, {mitra} and
# {kode_mitra} the example partner (mitra_contoh.contoh_mitra).
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
        "isian seperti \"-\", \"sda\", \"idem\", \"tidak ada\", \"belum ada data\", "
        "\"menyusul\" atau \"lihat lampiran\" tidak diterima. Eksternalitas Lintas Daerah "
        "wajib untuk KSDD Wajib; Efisiensi dan Efektivitas Layanan Publik wajib untuk KSDD "
        "Wajib dan KSDD Sukarela."
    ),
    contract.G_RENCANA: (
        "Apakah objek tercantum dalam RPJMD, Renstra atau RKPD. Bila Ya, sebutkan dokumennya; "
        "bila Tidak, pilih alasan pengecualian yang sah (PP 28/2018 Pasal 4 ayat (3)). Tahun "
        "ditulis empat angka antara 2000 dan 2100, satu tahun per sel: untuk kerja sama "
        "2025-2027 isi Tahun Mulai 2025 dan Tahun Selesai 2027 (untuk satu tahun, isi keduanya "
        "dengan tahun yang sama). Tahun Selesai tidak boleh sebelum Tahun Mulai, dan usulan "
        "yang sudah berakhir sebelum tahun pemetaan dicatat tersendiri. Skala prioritas "
        "selalu disertai alasannya; penetapan akhirnya dilakukan dalam rapat pleno TKKSD."
    ),
    contract.G_ANGGARAN: (
        "Perkiraan anggaran per tahun paling baik ditulis sebagai angka rupiah tanpa titik dan "
        "tanpa \"Rp\", misalnya 1500000000 (pemisah ribuan tampil sendiri). Cara tulis yang "
        "lazim juga terbaca: \"Rp 1.500.000.000,00\", \"1.500.000.000\", \"1,5 M\", \"1,5 "
        "miliar\", \"500 juta\", \"750 ribu\" atau \"2 T\"; jangan menambah kata lain. "
        "Angka di bawah Rp 10.000 atau di atas Rp 10 triliun per tahun dianggap salah tulis "
        "(misalnya satuan yang terlewat); tulis 0 bila kerja sama tanpa anggaran. Sumber "
        "Pendanaan boleh lebih dari satu, dipisah titik koma, misalnya \"APBD; APBN\". Dua "
        "kolom Ya/Tidak terakhir menentukan perlu tidaknya persetujuan DPRD (PP 28/2018 "
        "Pasal 6 ayat (2))."
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


def kriteria_rows(profil: Profil) -> tuple[tuple[str, str, str], ...]:
    """What makes an usulan acceptable (DOMAIN.md), worded for the daerah's level."""
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
         f"Mitra bukan {profil.daerah.nama_lengkap} sendiri atau salah satu unitnya (lihat "
         "bagian Periksa sebelum mengirim). KSDD Wajib hanya dengan daerah yang berbatasan "
         "langsung (daftar di bawah)."),
        ("Persetujuan DPRD", "PP 28/2018 Pasal 6 ayat (2)",
         "Diperlukan bila rencana kerja sama membebani masyarakat dan daerah, atau anggarannya "
         "belum tersedia dalam APBD tahun berjalan; selalu untuk KSDPL dan KSDLL. Ini "
         "catatan, bukan alasan penolakan."),
    )


PRAKTIK_JUDUL = "Periksa sebelum mengirim"
PRAKTIK_INTRO = (
    "Selain memenuhi kriteria di atas, periksa empat hal berikut pada setiap baris sebelum "
    "berkas dikirim. Usulan yang tidak memenuhinya dalam praktik tidak diterima TKKSD."
)


def praktik_rows(profil: Profil, bidang_opd: str) -> tuple[tuple[str, str, str], ...]:
    """What the TKKSD turns down in practice (KSD414-KSD417), as the OPD checks it before
    sending; `bidang_opd` is a sentence naming the OPD's own bidang, or empty."""
    daerah = profil.daerah.nama_lengkap
    units = ("Dinas, badan, UPTD, RSUD dan sekolah negeri" if profil.daerah.is_provinsi
             else "Dinas, badan, UPTD, RSUD, puskesmas, kecamatan dan sekolah negeri")
    return (
        ("Sesuai tugas dan kewenangan", "Praktik TKKSD; peraturan daerah tentang perangkat "
         "daerah",
         "Petakan hanya urusan yang menjadi tugas dan kewenangan perangkat daerah Anda sendiri; "
         "usulan pada bidang urusan lain disampaikan oleh perangkat daerah yang menangani "
         f"bidang itu.{' ' + bidang_opd if bidang_opd else ''}"),
        ("Mitra dari luar pemerintah daerah sendiri", "PP 28/2018 Pasal 1 angka 1",
         "Calon mitra adalah daerah lain, pihak ketiga, atau lembaga atau pemerintah daerah di "
         f"luar negeri. {units} milik {daerah} sendiri bukan mitra kerja sama daerah: kegiatan "
         "bersama dengan mereka diatur melalui perencanaan dan penganggaran internal."),
        ("Dikerjakan bersama, bukan pengadaan", "PP 28/2018 Pasal 1 angka 1; praktik TKKSD",
         "Objek kerja sama adalah sesuatu yang dikerjakan atau dikelola bersama mitra, "
         "misalnya \"Pengelolaan bersama TPA regional\". Membeli atau menyewa barang atau jasa "
         "(pengadaan, pembelian, belanja, sewa, swakelola, jasa konsultansi) bukan kerja sama: "
         "laksanakan menurut aturan pengadaan barang/jasa, tidak melalui pemetaan ini."),
        ("Belum ada kerja sama yang berlaku", "PP 28/2018 Pasal 6 ayat (1) (tahapan kerja sama)",
         "Bila dengan mitra itu pada bidang urusan yang sama sudah ada Kesepakatan Bersama (KB) "
         "atau Perjanjian Kerja Sama (PKS) yang masih berlaku, usulkan tindak lanjutnya pada "
         "tahapan kerja sama itu (misalnya penyusunan perjanjian kerja sama atau pelaksanaan), "
         "bukan pemetaan baru. Daftar kerja sama yang berlaku dipegang sekretariat TKKSD; bila "
         "usulan Anda memang kerja sama lain, jelaskan bedanya di kolom Keterangan."),
    )


# How to fill the form, step by step; {baris} is the number of prepared data rows.
LANGKAH: tuple[tuple[str, str, str], ...] = (
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
