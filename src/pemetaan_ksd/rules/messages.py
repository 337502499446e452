"""The message table: every rule code of CONTRACT section 2 with its severity, title, legal basis
and message templates (pure data; the mechanics are in registry.py).

Tests and tools key on the code; the wording may improve freely. A code may have a few message
variants (KSD404 for the externality or the efficiency reason). A variant is declared with its
own template, or with only its own legal basis (then it reads as the default template, ""). Every
template may use `{dasar}`, the legal basis of the variant. A variant the code lacks is an error
(registry.message), never the default text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pemetaan_ksd.model import Severity

GALAT = Severity.GALAT
PERINGATAN = Severity.PERINGATAN
INFO = Severity.INFO

PP28 = "PP 28/2018"


@dataclass(frozen=True)
class Code:
    """One rule code: what the contract fixes (code, severity) and how its findings read.

    `note` is what this code adds to the message of another finding it gives way to on the same
    cell (KSD205: the cell's error value was read as empty).
    """

    code: str
    severity: Severity
    title: str
    dasar_hukum: str | None
    templates: Mapping[str, str]
    variant_dasar: Mapping[str, str | None] = field(default_factory=dict)
    note: str | None = None

    @property
    def variants(self) -> frozenset[str]:
        """Every variant declared: with a template of its own or a legal basis of its own."""
        return frozenset(self.templates) | frozenset(self.variant_dasar)

    def template(self, variant: str) -> str:
        return self.templates[variant] if variant in self.templates else self.templates[""]

    def dasar(self, variant: str) -> str | None:
        return self.variant_dasar.get(variant, self.dasar_hukum)


def _k(code: str, severity: Severity, title: str, dasar: str | None,
       templates: Mapping[str, str] | str, note: str | None = None,
       **variant_dasar: str | None) -> Code:
    texts = {"": templates} if isinstance(templates, str) else dict(templates)
    return Code(code, severity, title, dasar, texts, variant_dasar, note)


_TABLE: tuple[Code, ...] = (
    _k("KSD101", GALAT, "Berkas tidak terbaca", None, {
        "": "Berkas ini tidak dapat dibuka sebagai buku kerja (rusak, terpotong saat dikirim, "
            "atau bukan berkas spreadsheet). Mintalah perangkat daerah mengirim ulang berkas "
            "hasil \"Simpan Sebagai\" .xlsx dari Excel atau LibreOffice. Penyebab yang "
            "terdeteksi: {alasan}.",
        "kata_sandi": "Berkas ini dilindungi kata sandi sehingga isinya tidak dapat dibaca. "
            "Mintalah perangkat daerah menghapus kata sandinya, lalu mengirim ulang berkas "
            "hasil \"Simpan Sebagai\" .xlsx dari Excel atau LibreOffice.",
        "terlalu_besar": "Berkas ini terlalu besar untuk dibuka dengan aman{rincian}. "
            "Biasanya ada lembar yang terisi atau diberi format jauh di luar tabel. Mintalah "
            "perangkat daerah menghapus baris dan kolom kosong di luar tabel, menyimpannya "
            "sebagai .xlsx, lalu mengirim ulang.",
    }),
    _k("KSD102", GALAT, "Lembar wajib tidak ada", None,
       "Lembar \"{lembar}\" tidak ada dalam berkas ini{ada}. Lembar itu wajib ada karena "
       "{guna}. Gunakan templat pemetaan-ksd yang dikirim Bagian Pemerintahan tanpa mengganti "
       "nama lembarnya, lalu kirim ulang."),
    _k("KSD103", GALAT, "Kolom wajib tidak ada", None, {
        "": "Kolom wajib berikut tidak ditemukan pada baris judul lembar Usulan (baris {baris}): "
            "{kolom}. Jangan menghapus atau mengganti judul kolom templat; bila terhapus, salin "
            "judul kolomnya dari templat asli, lalu kirim ulang.",
        "tanpa_judul": "Baris judul kolom lembar Usulan tidak ditemukan dalam {batas} baris "
            "pertama, sehingga kolom wajib tidak dikenali ({kolom}). Gunakan templat "
            "pemetaan-ksd tanpa mengubah baris judul kolomnya (baris {baris_templat}).",
    }),
    _k("KSD104", PERINGATAN, "Versi templat tidak dikenal atau lama", None, {
        "bukan_templat": "Berkas ini tidak dibuat dari templat pemetaan-ksd (lembar tersembunyi "
            "_meta tidak ada atau tidak dikenali). Isinya tetap diperiksa menurut judul "
            "kolomnya, tetapi daftar pilihan dan petunjuknya mungkin tidak ada. Untuk pengisian "
            "berikutnya gunakan templat resmi versi {versi_kini}.",
        "versi_lama": "Berkas ini dibuat dari templat versi {versi}, sedangkan versi yang "
            "berlaku adalah {versi_kini}. Isinya tetap diperiksa, tetapi sebaiknya pindahkan "
            "isian ke templat versi terbaru agar daftar pilihan dan petunjuknya sesuai.",
        "": "Versi templat berkas ini (\"{versi}\") tidak dikenal (versi yang berlaku "
            "{versi_kini}). Isinya tetap diperiksa menurut judul kolomnya; pastikan berkas "
            "dibuat dari templat yang dikirim Bagian Pemerintahan.",
    }),
    _k("KSD105", GALAT, "Identitas belum lengkap", None, {
        "": "Isian \"{label}\" pada lembar Identitas {keadaan}. Isian ini wajib karena {guna}. "
            "{isi}",
        "tahun": "Tahun Pemetaan pada lembar Identitas tertulis \"{nilai}\", bukan tahun empat "
            "angka. Tulis tahun pemetaan sebagai angka, misalnya {tahun}.",
    }),
    _k("KSD106", GALAT, "Tahun pemetaan berbeda", None,
       "Tahun Pemetaan pada lembar Identitas adalah {tahun_berkas}, sedangkan yang sedang "
       "dihimpun adalah tahun {tahun}. Usulan tahun lain tidak dapat digabungkan. Bila berkas "
       "ini untuk tahun {tahun}, ubah Tahun Pemetaan menjadi {tahun}; bila bukan, jangan "
       "sertakan berkas ini."),
    _k("KSD107", PERINGATAN, "Perangkat daerah tidak terdaftar", None, {
        "": "Kode perangkat daerah \"{kode}\" tidak ada dalam daftar perangkat daerah profil "
            "{daerah}. Periksa kode itu dengan daftar dari Bagian Pemerintahan; bila perangkat "
            "daerah ini memang baru, analis perlu menambahkannya ke profil.",
        "saran": "Kode perangkat daerah \"{kode}\" tidak ada dalam daftar perangkat daerah "
            "profil {daerah}. Kode yang terdaftar untuk {nama} adalah {kode_saran}: gunakan "
            "kode itu.",
    }),
    _k("KSD108", PERINGATAN, "Tidak ada usulan", None,
       "Lembar Usulan tidak memuat satu pun usulan. Bila perangkat daerah ini memang tidak "
       "mengusulkan kerja sama untuk tahun {tahun}, berkas ini dicatat sebagai laporan nihil; "
       "bila ada, isi satu baris untuk setiap usulan mulai baris {baris}."),
    _k("KSD109", PERINGATAN, "Baris bukan usulan", None,
       "Baris {baris} tidak dibaca sebagai usulan dan disisihkan (isinya: \"{isi}\"). Satu "
       "baris usulan mengisi paling sedikit empat kolom templat, atau memuat kode bidang urusan, "
       "program, atau kegiatan. Bila baris ini tanda tangan atau pengesahan, hapus dari lembar "
       "Usulan: penanggung jawab dicatat pada lembar Identitas (Nama Penanggung Jawab, Jabatan). "
       "Bila baris ini catatan, pindahkan ke kolom Keterangan; bila memang usulan, lengkapi "
       "isiannya."),
    _k("KSD110", GALAT, "Usulan pada lembar lain", None, {
        "": "Lembar \"{lembar}\" memuat {jumlah} baris usulan dengan judul kolom templat, di "
            "samping {ada} usulan pada lembar Usulan. Hanya lembar Usulan yang dibaca, sehingga "
            "tidak dapat dipastikan usulan mana yang berlaku. Pindahkan semua usulan yang "
            "berlaku ke lembar Usulan, hapus lembar \"{lembar}\", lalu kirim ulang; sampai itu "
            "dilakukan, usulan berkas ini tidak dapat digabungkan.",
        "kosong": "Lembar \"{lembar}\" memuat {jumlah} baris usulan, sedangkan lembar Usulan "
            "kosong. Hanya lembar Usulan yang dibaca. Pindahkan baris-baris itu ke lembar Usulan "
            "(salin, lalu tempel sebagai nilai saja), hapus lembar \"{lembar}\", lalu kirim "
            "ulang; sampai itu dilakukan, usulan berkas ini tidak dapat digabungkan.",
        "tanpa_usulan": "Lembar Usulan tidak ada, dan lebih dari satu lembar memuat judul kolom "
            "templat, sehingga tidak dapat dipastikan lembar mana yang berlaku. Lembar "
            "\"{lembar}\" memuat {jumlah} baris usulan. Kumpulkan usulan yang berlaku pada satu "
            "lembar bernama Usulan, hapus lembar lainnya, lalu kirim ulang.",
    }),
    _k("KSD111", PERINGATAN, "Lembar Usulan berganti nama", None,
       "Lembar Usulan tidak ada; usulan dibaca dari lembar \"{lembar}\" karena hanya lembar itu "
       "yang memuat judul kolom templat. Ganti nama lembar itu menjadi Usulan (klik kanan pada "
       "nama lembar, lalu Ganti Nama) agar berkas berikutnya terbaca tanpa dugaan."),
    _k("KSD112", INFO, "Kolom tambahan tidak dibaca", None,
       "Kolom berikut bukan kolom templat, sehingga isinya tidak dibaca dan tidak ikut "
       "digabungkan: {kolom}. Bila isinya perlu diketahui Bagian Pemerintahan, pindahkan ke "
       "kolom Keterangan; bila tidak, hapus kolom itu."),
    _k("KSD113", GALAT, "Judul kolom ganda", None,
       "Judul kolom \"{judul}\" terdapat lebih dari satu kali (kolom {kolom}), sehingga tidak "
       "dapat dipastikan kolom mana yang berisi nilai yang berlaku ({isi}). Isian baris-baris "
       "usulan belum diperiksa. Pertahankan satu kolom saja: pindahkan isian yang berlaku ke "
       "kolom itu, hapus kolom lainnya, lalu kirim ulang."),
    _k("KSD114", PERINGATAN, "Sel digabung pada baris usulan", None, {
        "tegak": "Sel {rentang} digabung (merge) melintasi baris {dari} sampai {sampai}. Isinya "
            "dibaca untuk setiap baris yang dicakupnya, tetapi setiap baris usulan harus berdiri "
            "sendiri, dan sel gabungan bergeser atau hilang saat baris diurutkan, disaring, atau "
            "disalin. Batalkan penggabungan sel itu (Unmerge), lalu tulis nilainya pada setiap "
            "baris.",
        "mendatar": "Sel {rentang} digabung (merge) melintasi beberapa kolom. Isinya dibaca "
            "hanya untuk kolom {kolom}; kolom lain yang dicakupnya dianggap kosong. Batalkan "
            "penggabungan sel itu (Unmerge), lalu isi setiap kolom pada kolomnya sendiri.",
        "blok": "Sel {rentang} digabung (merge) melintasi baris {dari} sampai {sampai} dan "
            "beberapa kolom. Isinya dibaca untuk setiap baris yang dicakupnya, tetapi hanya "
            "untuk kolom {kolom}; kolom lain yang dicakupnya dianggap kosong. Batalkan "
            "penggabungan sel itu (Unmerge), lalu isi setiap baris dan kolom tersendiri.",
    }),
    _k("KSD201", GALAT, "Isian wajib kosong", None, {
        "": "Kolom \"{kolom}\" wajib diisi, tetapi {keadaan}. {isi}",
        "galat": "Kolom \"{kolom}\" wajib diisi, tetapi selnya berisi galat spreadsheet "
            "{nilai} (biasanya rumus yang rujukannya hilang), bukan isian. Ganti dengan nilai "
            "yang diketik langsung, atau salin lalu tempel sebagai nilai saja. {isi}",
        "dokumen": "Kolom \"Dokumen Perencanaan Acuan\" wajib diisi karena kolom \"Tercantum "
            "dalam Dokumen Perencanaan\" berisi Ya, tetapi {keadaan}. Prioritas objek kerja sama "
            "mengikuti dokumen perencanaan daerah ({dasar}): sebutkan dokumen yang memuat "
            "kegiatan ini, misalnya RPJMD 2021-2026, Renstra perangkat daerah, atau RKPD {tahun}.",
    }, dokumen=f"{PP28} Pasal 4 ayat (2)"),
    _k("KSD202", GALAT, "Bukan pilihan yang tersedia", None, {
        "": "\"{nilai}\" bukan pilihan {kolom}. Pilihan yang tersedia: {pilihan}.",
        "saran": "\"{nilai}\" bukan pilihan {kolom}. Maksud Anda \"{saran}\"? Pilihan yang "
            "tersedia: {pilihan}.",
        "ganda": "{bagian} pada kolom {kolom} bukan pilihan yang dikenal{saran}. Tulis satu "
            "atau lebih dari: {pilihan}, dipisahkan titik koma (;).",
    }),
    _k("KSD203", GALAT, "Anggaran tidak sah", None, {
        "": "\"{nilai}\" bukan angka. Tulis perkiraan anggaran per tahun sebagai angka rupiah, "
            "misalnya 1500000000.",
        "negatif": "Perkiraan anggaran tidak boleh negatif (tertulis {nilai}). Tulis perkiraan "
            "anggaran per tahun sebagai angka rupiah, 0 atau lebih, misalnya 1500000000; "
            "kosongkan bila belum diketahui.",
        "saran": "\"{nilai}\" tidak dapat dibaca sebagai angka. Maksud Anda {rupiah} "
            "({saran})? Bila ya, tulis {saran} saja, tanpa kata lain.",
        "kecil": "Perkiraan anggaran per tahun terbaca {rupiah} (tertulis \"{nilai}\"), di "
            "bawah {batas}. Apakah satuannya terlewat, misalnya 1,5 yang dimaksud 1,5 miliar? "
            "Tulis angka rupiah lengkap (1500000000) atau dengan satuannya (1,5 M, 500 juta); "
            "tulis 0 bila kerja sama ini tanpa anggaran.",
        "besar": "Perkiraan anggaran per tahun terbaca {rupiah} (tertulis \"{nilai}\"), "
            "lebih dari {batas}. Apakah ada angka nol atau satuan yang berlebih? Tulis angka "
            "rupiah per tahun, misalnya 1500000000 atau 1,5 M.",
    }),
    _k("KSD204", GALAT, "Tahun tidak sah", None, {
        "": "\"{nilai}\" pada kolom {kolom} bukan tahun yang sah. Tulis tahun empat angka "
            "antara {min} dan {max}, misalnya {tahun}.",
        "urutan": "Tahun Mulai ({mulai}) lebih besar daripada Tahun Selesai ({selesai}), "
            "padahal kerja sama tidak dapat selesai sebelum dimulai. Perbaiki salah satunya; "
            "untuk kerja sama satu tahun isi keduanya dengan tahun yang sama.",
        "rentang": "\"{nilai}\" pada kolom {kolom} berisi rentang tahun, padahal satu sel "
            "hanya untuk satu tahun. Isi Tahun Mulai dengan {mulai} dan Tahun Selesai dengan "
            "{selesai}.",
    }),
    _k("KSD205", PERINGATAN, "Galat spreadsheet di sel", None,
       "Sel ini berisi galat spreadsheet {nilai} (biasanya rumus yang rujukannya hilang), "
       "sehingga isinya dianggap kosong. Ketik nilainya langsung, atau salin lalu tempel "
       "sebagai nilai saja.",
       note=" Yang tertulis di sel ini adalah galat spreadsheet {nilai}, yang dibaca sebagai "
            "kosong: ketik nilainya langsung, atau tempel sebagai nilai saja."),
    _k("KSD206", GALAT, "Uraian belum substantif", f"{PP28} Pasal 5 ayat (1)", {
        "potensi": "Kolom \"{kolom}\" harus berisi uraian nyata, tetapi {keadaan}. Pemetaan "
            "kerja sama daerah disusun berdasarkan potensi dan karakteristik daerah ({dasar}). "
            "Uraikan dalam kalimat (paling sedikit {min_kata} kata) potensi {daerah} yang "
            "mendasari usulan ini, misalnya sarana yang dimiliki, sumber daya, atau "
            "keunggulan wilayahnya.",
        "": "Kolom \"{kolom}\" harus berisi uraian nyata, tetapi {keadaan}. Uraikan dalam "
            "kalimat (paling sedikit {min_kata} kata) apa tepatnya yang akan dikerjakan "
            "bersama mitra, misalnya \"Pengelolaan bersama tempat pemrosesan akhir sampah "
            "regional\".",
    }, objek=None),
    _k("KSD301", GALAT, "Bentuk kode salah", "Permendagri 90/2019",
       "\"{nilai}\" bukan bentuk kode {tingkat} yang benar. Kode {tingkat} ditulis seperti "
       "{contoh}{bentuk_lain}. Salin kodenya persis dari nomenklatur {versi}."),
    _k("KSD302", GALAT, "Kode tidak ada dalam nomenklatur", "Permendagri 90/2019",
       "Kode {tingkat} {kode} tidak terdapat dalam nomenklatur yang berlaku ({versi}). Periksa "
       "kembali kodenya{saran}."),
    _k("KSD303", GALAT, "Kode tidak berjenjang", "Permendagri 90/2019",
       "Kode {tingkat} {kode} tidak berada di bawah {tingkat_induk} {induk} yang tertulis pada "
       "kolom \"{kolom_induk}\": kode itu termasuk {tingkat_induk} {induk_sebenarnya}"
       "{nama_induk}. Samakan keduanya: pilih {tingkat} yang berada di bawah {induk}, atau "
       "ubah kolom \"{kolom_induk}\" menjadi {induk_sebenarnya}."),
    _k("KSD304", GALAT, "Fungsi penunjang, bukan objek kerja sama", f"{PP28} Pasal 4 ayat (1)", {
        "": "Bidang {kode} ({nama}) bukan bidang urusan yang dapat menjadi objek kerja sama. "
            "Objek kerja sama daerah hanya urusan pemerintahan yang "
            "menjadi kewenangan daerah, yaitu bidang urusan 1.01 sampai 3.32 ({dasar}). "
            "Pilih bidang urusan yang menjadi objek kerja sama, misalnya 1.03 - Pekerjaan "
            "Umum dan Penataan Ruang atau 2.11 - Lingkungan Hidup.",
        "program": "Program {kode} adalah program penunjang urusan pemerintahan daerah "
            "(program 01), yaitu administrasi perangkat daerah, bukan objek kerja sama "
            "({dasar}). Pilih program teknis bidang urusan {bidang}{contoh}.",
    }),
    _k("KSD305", GALAT, "Kegiatan kewenangan tingkat lain", f"{PP28} Pasal 4 ayat (1)", {
        "": "Kode {tingkat} {kode} adalah kegiatan kewenangan provinsi (angka keempat 1), "
            "sedangkan {daerah} adalah {jenis_daerah}. Gunakan kode kegiatan kewenangan "
            "kabupaten/kota (angka keempat 2){contoh}.",
        "provinsi": "Kode {tingkat} {kode} adalah kegiatan kewenangan kabupaten/kota (angka "
            "keempat 2), sedangkan {daerah} adalah provinsi. Gunakan kode kegiatan kewenangan "
            "provinsi (angka keempat 1) dari nomenklatur provinsi.",
    }),
    _k("KSD306", PERINGATAN, "Kehutanan atau ESDM oleh kabupaten/kota", "UU 23/2014 Pasal 14",
       "Bidang {kode} ({nama}) menjadi kewenangan Pemerintah Pusat dan provinsi; "
       "kabupaten/kota hanya berwenang atas {pengecualian} ({dasar}). Usulan ini tetap "
       "diterima, tetapi pastikan kegiatannya termasuk kewenangan {daerah} sebelum dibahas "
       "dalam rapat pleno."),
    _k("KSD307", PERINGATAN, "Nama berbeda dengan nama resmi", None,
       "Nama {tingkat} tertulis \"{nilai}\", berbeda dengan nama resmi kode {kode} dalam "
       "nomenklatur {versi}: \"{resmi}\". Periksa apakah kodenya sudah benar; bila benar, "
       "gunakan nama resmi itu atau kosongkan kolom ini agar diisi otomatis."),
    _k("KSD401", GALAT, "Mitra kerja sama wajib tidak berbatasan", f"{PP28} Pasal 3 ayat (2)", {
        "": "Kerja sama wajib hanya dapat dilakukan dengan daerah yang berbatasan langsung "
            "({dasar}). {mitra} tidak berbatasan dengan {daerah}. Pilih daerah yang berbatasan "
            "({tetangga}), atau ubah Jenis Kerja Sama menjadi KSDD Sukarela.",
        "pasangan": "Kerja sama wajib hanya dibolehkan antara kabupaten/kota dengan "
            "kabupaten/kota yang berbatasan, kabupaten/kota dengan provinsinya sendiri, atau "
            "provinsi dengan provinsi yang berbatasan ({dasar}; Permendagri 22/2020). {mitra} "
            "dan {daerah} bukan pasangan seperti itu. Pilih daerah yang berbatasan "
            "({tetangga}), atau ubah Jenis Kerja Sama menjadi KSDD Sukarela.",
    }),
    _k("KSD402", GALAT, "Mitra daerah tidak dikenal", None, {
        "": "Calon mitra \"{nilai}\" tidak dikenali sebagai provinsi, kabupaten atau kota. "
            "Kerja sama antardaerah memerlukan mitra daerah yang jelas: tulis nama resminya, "
            "misalnya \"{contoh}\", atau isi Kode Wilayah Mitra (misalnya {contoh_kode}). Satu "
            "baris hanya untuk satu mitra.",
        "mirip": "Calon mitra \"{nilai}\" tidak dikenali sebagai provinsi, kabupaten atau "
            "kota. Maksud Anda {saran}? Bila ya, perbaiki penulisan namanya atau isi Kode "
            "Wilayah Mitra dengan kode itu.",
        "ambigu": "Nama \"{nilai}\" dapat berarti lebih dari satu daerah: {kandidat}. Tulis "
            "nama lengkap dengan jenisnya (Kabupaten, Kota atau Provinsi), atau isi Kode "
            "Wilayah Mitra.",
        "kode": "Kode Wilayah Mitra \"{nilai}\" tidak terdapat dalam daftar kode wilayah "
            "({sumber}). Tulis kode wilayah Kemendagri, misalnya {contoh_kode} untuk "
            "{contoh}, atau kosongkan bila nama calon mitra sudah jelas.",
        "tidak_cocok": "Kode Wilayah Mitra {nilai} adalah kode {nama_kode}, sedangkan Calon "
            "Mitra tertulis \"{mitra}\" ({nama_mitra}, kode {kode_mitra}). Samakan keduanya: "
            "perbaiki kodenya atau nama calon mitranya.",
    }),
    _k("KSD403", GALAT, "Mitra adalah daerah sendiri", f"{PP28} Pasal 1 angka 1",
       "Calon mitra \"{nilai}\" adalah {daerah} sendiri. Kerja sama antarunit di lingkungan "
       "pemerintah daerah yang sama bukan kerja sama daerah ({dasar}): koordinasikan melalui "
       "perencanaan dan penganggaran internal, lalu hapus baris ini, atau tulis mitra yang "
       "sebenarnya."),
    _k("KSD404", GALAT, "Eksternalitas atau efisiensi belum diuraikan",
       "UU 23/2014 Pasal 364 ayat (1)", {
        "eksternalitas": "Kolom \"Eksternalitas Lintas Daerah\" wajib diisi untuk KSDD Wajib, "
            "tetapi {keadaan}. Kerja sama wajib hanya untuk urusan yang dampaknya melintasi "
            "batas daerah dan pelayanannya lebih efisien bila dikelola bersama ({dasar}). "
            "Uraikan dampak lintas daerahnya, misalnya sampah, banjir atau arus pasien antara "
            "{daerah} dan {mitra}; bila tidak ada, ubah Jenis Kerja Sama menjadi KSDD "
            "Sukarela.",
        "": "Kolom \"Efisiensi dan Efektivitas Layanan Publik\" wajib diisi untuk {jenis}, "
            "tetapi {keadaan}. {alasan} ({dasar}). Uraikan mengapa layanan menjadi lebih "
            "murah, lebih cepat atau lebih luas bila dikerjakan bersama {mitra}, misalnya "
            "biaya per ton sampah yang turun karena satu tempat pemrosesan akhir bersama.",
    }, sukarela=f"{PP28} Pasal 3 ayat (3)"),
    _k("KSD405", GALAT, "Tidak saling menguntungkan", f"{PP28} Pasal 1 angka 1",
       "{judul} belum diuraikan ({keadaan}). Kerja sama daerah harus saling menguntungkan "
       "({dasar}): tuliskan manfaat nyata yang diperoleh {pihak}, misalnya {contoh}."),
    _k("KSD406", GALAT, "Kebutuhan nyata belum ditunjukkan", None, {
        "": "Permasalahan atau kebutuhan nyata belum diuraikan ({keadaan}). Usulan kerja sama "
            "harus berangkat dari kebutuhan nyata {daerah}: uraikan masalah yang hendak "
            "diselesaikan, misalnya cakupan air minum yang baru 60% atau tempat pemrosesan "
            "akhir sampah yang penuh pada 2026.",
        "data": "Data dukung belum diisi ({keadaan}). Kebutuhan nyata harus dibuktikan: "
            "sebutkan data atau indikatornya beserta sumber dan tahunnya, misalnya \"Cakupan "
            "air minum 61,2% (BPS {daerah} 2024)\".",
    }),
    _k("KSD407", GALAT, "Di luar perencanaan tanpa alasan sah", f"{PP28} Pasal 4 ayat (3)",
       "Usulan ini dinyatakan tidak tercantum dalam dokumen perencanaan, tetapi alasan di luar "
       "perencanaan {keadaan}. Objek kerja sama di luar RPJMD, Renstra atau RKPD hanya "
       "dibolehkan karena kondisi darurat, untuk mendukung program strategis nasional, atau "
       "karena penugasan tugas pembantuan ({dasar}). Pilih Kondisi Darurat, Program Strategis "
       "Nasional, atau Penugasan Tugas Pembantuan; bila tidak ada yang sesuai, usulkan dahulu "
       "kegiatan ini masuk dokumen perencanaan."),
    _k("KSD408", GALAT, "Prioritas atau alasannya belum ada",
       "Permendagri 22/2020 Pasal 5 ayat (3)", {
        "": "Skala prioritas belum dipilih. Setiap usulan diberi skala prioritas ({dasar}): "
            "pilih Tinggi, Sedang, atau Rendah.",
        "alasan": "Alasan prioritas belum diuraikan ({keadaan}). Skala prioritas ditetapkan "
            "berdasarkan rencana kerja sama ({dasar}): jelaskan mengapa usulan ini {skala}, "
            "misalnya karena tercantum sebagai prioritas RPJMD atau karena masalahnya mendesak.",
    }),
    _k("KSD409", GALAT, "KSDPK belum lengkap", f"{PP28} Pasal 14", {
        "": "Jenis Mitra wajib diisi untuk KSDPK. Kerja sama dengan pihak ketiga hanya dengan "
            "perseorangan, badan usaha berbadan hukum, atau organisasi kemasyarakatan "
            "({dasar}): pilih Perseorangan, Badan Usaha Berbadan Hukum, atau Organisasi "
            "Kemasyarakatan.",
        "bentuk": "Bentuk KSDPK wajib diisi untuk kerja sama dengan pihak ketiga ({dasar}), "
            "tetapi {keadaan}. Pilih Penyediaan Pelayanan Publik, Pengelolaan Aset, Investasi, "
            "atau Lainnya.",
        "prakarsa": "Prakarsa wajib diisi untuk KSDPK, tetapi {keadaan}. Prakarsa Daerah "
            "memerlukan studi kelayakan (PP 28/2018 Pasal 17); prakarsa Mitra memerlukan "
            "kesesuaian teknis, kelayakan ekonomi dan finansial, serta bukti pendanaan dari "
            "mitra (Pasal 18). Pilih Daerah atau Mitra.",
    }, bentuk=f"{PP28} Pasal 15", prakarsa=f"{PP28} Pasal 17 dan Pasal 18"),
    _k("KSD410", INFO, "Perlu persetujuan DPRD", f"{PP28} Pasal 6 ayat (2)", {
        "": "Usulan ini memerlukan persetujuan DPRD karena {alasan} ({dasar}). Perhitungkan "
            "waktu pembahasan bersama DPRD dalam jadwal kerja sama.",
        "luar_negeri": "Kerja sama dengan {pihak} selalu memerlukan persetujuan DPRD ({dasar}). "
            "Perhitungkan waktu pembahasan bersama DPRD dalam jadwal kerja sama.",
    }, ksdpk=f"{PP28} Pasal 6 ayat (2) dan Pasal 19 ayat (1)",
       luar_negeri=f"{PP28} Pasal 29, Pasal 30 dan Pasal 38"),
    _k("KSD411", INFO, "Perlu studi kelayakan", "UU 23/2014 Pasal 366 ayat (3)",
       "Kerja sama dengan pihak ketiga harus didahului studi kelayakan sebelum kesepakatan "
       "dibuat ({dasar}). Siapkan studi kelayakannya{tambahan}."),
    _k("KSD412", INFO, "Perlu persetujuan Pemerintah Pusat",
       f"{PP28} Pasal 29, Pasal 30 dan Pasal 38",
       "{jenis} adalah kerja sama dengan {pihak}, yang memerlukan persetujuan Pemerintah Pusat "
       "selain persetujuan DPRD ({dasar}). Ajukan sejak awal karena prosesnya memerlukan "
       "waktu."),
    _k("KSD413", PERINGATAN, "Jenis mitra tidak sesuai jenis kerja sama", f"{PP28} Pasal 3", {
        "": "Jenis Mitra \"{nilai}\" tidak sesuai dengan Jenis Kerja Sama {jenis}: {jenis} "
            "adalah kerja sama dengan {mitra_sah} ({dasar}). Bila calon mitra memang "
            "{jenis_mitra}, ubah Jenis Kerja Sama menjadi {jenis_saran}; bila bukan, pilih "
            "Jenis Mitra {pilihan}.",
        "tingkat": "Jenis Mitra tertulis \"{nilai}\", padahal {mitra} adalah daerah "
            "{tingkat}. Pilih Jenis Mitra \"{benar}\", atau periksa kembali nama dan kode "
            "wilayah calon mitra bila yang dimaksud daerah lain.",
    },
       ksdpk=f"{PP28} Pasal 14", sinergi=f"{PP28} Pasal 46",
       ksdpl=f"{PP28} Pasal 1 angka 4", ksdll=f"{PP28} Pasal 1 angka 5"),
    _k("KSD414", PERINGATAN, "Bidang urusan di luar kewenangan perangkat daerah",
       "Praktik TKKSD: pemetaan sesuai tugas dan kewenangan perangkat daerah", {
        "": "{opd} mengusulkan kerja sama pada bidang {bidang}, padahal bidang urusan yang "
            "menjadi tugasnya (menurut daftar sekretariat TKKSD) adalah {bidang_opd}. Bidang "
            "{bidang} ditangani {penangan}: serahkan usulan ini kepada perangkat daerah itu, "
            "atau periksa kembali Kode Bidang Urusan.",
        "tanpa_penangan": "{opd} mengusulkan kerja sama pada bidang {bidang}, padahal bidang "
            "urusan yang menjadi tugasnya (menurut daftar sekretariat TKKSD) adalah "
            "{bidang_opd}, dan tidak ada perangkat daerah dalam daftar itu yang menangani bidang "
            "{bidang}. Periksa kembali Kode Bidang Urusan, atau minta sekretariat TKKSD "
            "melengkapi bidang perangkat daerah dalam profil.",
    }),
    _k("KSD415", GALAT, "Mitra adalah unit pemerintah daerah sendiri", f"{PP28} Pasal 1 angka 1",
       "Calon mitra \"{nilai}\" adalah {unit} di lingkungan {daerah} sendiri. Kerja sama "
       "antarunit pemerintah daerah yang sama bukan kerja sama daerah ({dasar}): "
       "koordinasikan melalui perencanaan dan penganggaran internal, lalu hapus baris ini, atau "
       "tulis mitra yang sebenarnya (daerah lain, pihak ketiga, atau lembaga luar negeri)."),
    _k("KSD416", PERINGATAN, "Objek berupa pengadaan barang/jasa",
       "Praktik TKKSD (bandingkan PP 28/2018 Pasal 15)",
       "Objek \"{nilai}\" terbaca sebagai {kegiatan} (kata \"{kata}\"), bukan kerja sama: "
       "tidak ada yang dikerjakan bersama mitra. Pengadaan dilaksanakan menurut aturan pengadaan "
       "barang/jasa, bukan melalui pemetaan kerja sama. Objek kerja sama menyebut urusan yang "
       "dikelola atau dikerjakan bersama, misalnya \"Pengelolaan bersama TPA regional\" atau "
       "\"Pengembangan bersama kawasan wisata\". Bila memang kerja sama, uraikan apa yang "
       "dikerjakan bersama; bila pengadaan, hapus baris ini."),
    _k("KSD417", PERINGATAN, "Sudah ada kerja sama yang berlaku",
       "Praktik TKKSD (tahapan kerja sama: PP 28/2018 Pasal 6 ayat (1))",
       "Dengan {mitra} pada bidang {bidang} sudah ada {jenis} nomor {nomor} tanggal {tanggal} "
       "yang berlaku sampai {sampai} (menurut daftar kerja sama berlaku, berkas {register}). "
       "Usulkan tindak lanjutnya pada tahapan kerja sama itu (misalnya penyusunan perjanjian "
       "kerja sama atau pelaksanaan), bukan sebagai pemetaan baru; bila usulan ini memang kerja "
       "sama lain, jelaskan bedanya di kolom Keterangan."),
    _k("KSD418", INFO, "Usulan sudah berakhir", None,
       "Tahun Selesai usulan ini {selesai}, sebelum tahun pemetaan {tahun}: kerja samanya "
       "sudah berakhir menurut isian ini. Bila kerja sama ini masih direncanakan, perbarui "
       "Tahun Mulai dan Tahun Selesai; bila memang sudah selesai, hapus baris ini dari usulan "
       "tahun {tahun}."),
    _k("KSD419", PERINGATAN, "Kode dan nama tidak sesuai", None, {
        "": "{kolom} tertulis \"{nilai}\": kode {kode} adalah {tingkat} \"{resmi}\", bukan "
            "\"{nama}\". Periksa mana yang dimaksud. Bila kodenya benar, pilih \"{pilihan}\" "
            "dari daftar pilihan{saran}.",
        "identitas": "Nama Perangkat Daerah tertulis \"{nilai}\", sedangkan kode {kode} dalam "
            "profil adalah milik {resmi}. Periksa kode dan nama perangkat daerah pengirim: bila "
            "kodenya benar, tulis \"{resmi}\"{saran}.",
    }),
    _k("KSD501", GALAT, "Lebih dari satu berkas dari satu perangkat daerah", None, {
        "": "{opd} mengirim lebih dari satu berkas untuk tahun {tahun}: {berkas}. Tidak satu "
            "pun dapat digabungkan sampai salah satu dipilih: simpan hanya berkas yang berlaku "
            "dan pindahkan yang lain, atau minta analis memilih berkas terbaru.",
        "disisihkan": "Berkas ini disisihkan: {opd} mengirim lebih dari satu berkas untuk tahun "
            "{tahun}, dan yang dipakai adalah berkas terbaru {terpilih} ({dasar_pilih}). Bila "
            "berkas ini yang benar, pindahkan berkas {terpilih} lalu proses ulang.",
    }),
    _k("KSD502", PERINGATAN, "Usulan sama dari perangkat daerah lain", None,
       "Usulan yang sama (kegiatan {kegiatan}, mitra {mitra}, {jenis}, objek \"{objek}\") "
       "juga diajukan oleh "
       "{lain}. Koordinasikan agar usulan ini diajukan satu kali oleh perangkat daerah yang "
       "berwenang."),
    _k("KSD503", PERINGATAN, "Usulan ganda dalam satu berkas", None,
       "Baris ini mengulang usulan pada baris {baris_awal} (kegiatan {kegiatan}, mitra {mitra}, "
       "{jenis}, objek \"{objek}\"). Hapus salah satunya, atau gabungkan uraiannya menjadi satu "
       "baris."),
    _k("KSD504", INFO, "Perangkat daerah belum mengirim", None,
       "{opd} ({kode}) belum mengirim berkas usulan untuk tahun {tahun}. Ingatkan perangkat "
       "daerah itu, atau catat sebagai nihil bila memang tidak mengusulkan kerja sama."),
)

CODES: dict[str, Code] = {spec.code: spec for spec in _TABLE}
