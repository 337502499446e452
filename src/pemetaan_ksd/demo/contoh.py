"""The worked example: submissions of Kabupaten Banjar's OPD for 2025, as clerks fill them.

Some files are clean; others carry the mistakes OPD clerks really make. Each row lists the rule
codes it is meant to trigger (`sengaja`), so tests can check the demo teaches what it says.
Partners are real neighbouring daerah or believable institutions; codes are real codes of
Kepmendagri 900.1.15.5-1317/2023; amounts are per year, in rupiah.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pemetaan_ksd.contract import FIRST_DATA_ROW

Row = dict[str, str | int | float | dt.date | None]


@dataclass(frozen=True)
class Contoh:
    """One submission file of the example."""

    berkas: str
    kode_opd: str
    nama_opd: str
    penanggung_jawab: str
    jabatan: str
    tanggal: dt.date
    rows: tuple[Row, ...]
    sengaja: tuple[tuple[str, int, str], ...] = field(default=())  # (code, row index, column key)

    def intended(self) -> list[tuple[str, int, str]]:
        """(code, Excel row, column key) of the mistakes put in on purpose."""
        return [(code, FIRST_DATA_ROW + i, key) for code, i, key in self.sengaja]


def _row(**values: str | int | float | dt.date | None) -> Row:
    base: Row = {
        "dalam_perencanaan": "Ya",
        "dokumen_perencanaan": "RPJMD Kabupaten Banjar 2021-2026",
        "tahun_mulai": 2025,
        "tahun_selesai": 2027,
        "skala_prioritas": "Sedang",
        "sudah_dianggarkan": "Ya",
        "membebani": "Tidak",
        "sumber_pendanaan": "APBD",
    }
    base.update(values)
    return base


DLH = Contoh(
    berkas="dlh_usulan_ksd_2025.xlsx",
    kode_opd="2.11.0.00.0.00.01.0000",
    nama_opd="Dinas Lingkungan Hidup",
    penanggung_jawab="Ir. H. Akhmad Rizali, M.T.",
    jabatan="Kepala Bidang Pengelolaan Sampah",
    tanggal=dt.date(2025, 2, 14),
    rows=(
        _row(
            kode_bidang_urusan="2.11 - Lingkungan Hidup",
            kode_program="2.11.11",
            kode_kegiatan="2.11.11.2.01",
            objek="Pengelolaan bersama TPA Regional Banjarbakula untuk sampah Martapura dan Gambut",
            jenis_kerja_sama="KSDD Wajib",
            calon_mitra="Kota Banjarbaru",
            kode_wilayah_mitra="63.72",
            jenis_mitra="Daerah Kabupaten/Kota",
            potensi="Lahan TPA Regional Banjarbakula seluas 20 ha sudah tersedia di perbatasan "
            "kedua daerah",
            permasalahan="TPA Padang Panjang Martapura melebihi kapasitas sejak 2023 dan "
            "pembuangan liar meningkat di Kecamatan Gambut",
            data_dukung="Timbulan sampah 312 ton/hari, layanan baru 61% (Jakstrada Banjar 2024, "
            "DLH)",
            eksternalitas="Sampah dari kecamatan perbatasan mengalir ke sungai dan TPS di "
            "wilayah Banjarbaru",
            efisiensi="Satu TPA bersama menekan biaya per ton hingga 35% dibanding dua TPA "
            "terpisah",
            manfaat_daerah="Sampah Martapura dan Gambut terangkut ke TPA berstandar sanitary "
            "landfill",
            manfaat_mitra="Kota Banjarbaru memperoleh kontribusi biaya operasional dan bahan baku "
            "kompos",
            tahun_selesai=2029,
            skala_prioritas="Tinggi",
            alasan_prioritas="Kapasitas TPA lama habis pada 2026 menurut kajian DLH",
            anggaran=2_750_000_000,
            sumber_pendanaan="APBD; APBD Mitra",
            tahapan="Penyusunan Kesepakatan Bersama",
        ),
        _row(
            kode_bidang_urusan="2.11 - Lingkungan Hidup",
            kode_program="2.11.11",
            kode_kegiatan="2.11.11.2.01",
            objek="Pengelolaan 40 bank sampah unit dan rumah kompos di Kecamatan Martapura",
            jenis_kerja_sama="KSDPK",
            calon_mitra="Koperasi Bank Sampah Martapura Bersinar",
            jenis_mitra="Badan Usaha Berbadan Hukum",
            bentuk_ksdpk="Penyediaan Pelayanan Publik",
            prakarsa="Mitra",
            potensi="Empat puluh bank sampah unit aktif dengan 3.200 nasabah rumah tangga",
            permasalahan="Sampah organik pasar dan rumah tangga belum terolah sehingga membebani "
            "TPA",
            data_dukung="Komposisi sampah organik 58% (survei DLH 2024, 12 titik sampel)",
            efisiensi="Koperasi menjalankan layanan pemilahan yang lebih murah daripada "
            "pengangkutan ke TPA",
            manfaat_daerah="Volume sampah ke TPA turun sekitar 15 ton per hari",
            manfaat_mitra="Koperasi memperoleh hak kelola rumah kompos dan pendapatan penjualan "
            "kompos",
            alasan_prioritas="Mendukung target pengurangan sampah 30% pada Jakstrada Banjar",
            anggaran=350_000_000,
            sumber_pendanaan="APBD; Pihak Ketiga",
            sudah_dianggarkan="Tidak",
        ),
        _row(
            kode_bidang_urusan="1.03 - Pekerjaan Umum dan Penataan Ruang",
            kode_program="1.03.04",
            kode_kegiatan="1.03.04.2.01",
            objek="Pembangunan jalur angkut sampah regional menuju TPA Banjarbakula",
            jenis_kerja_sama="KSDD Wajib",
            calon_mitra="Kota Banjarbaru",
            jenis_mitra="Daerah Kabupaten/Kota",
            potensi="Jalan akses TPA regional melintasi wilayah Banjar dan Banjarbaru",
            permasalahan="Truk sampah menempuh jalan desa sempit sehingga waktu angkut dua kali "
            "lipat",
            data_dukung="Waktu tempuh rata-rata 95 menit per rit (pencatatan DLH Januari 2025)",
            eksternalitas="Kemacetan dan ceceran sampah terjadi di ruas jalan perbatasan kedua "
            "daerah",
            efisiensi="Satu jalur angkut bersama menghemat bahan bakar dan jumlah armada",
            manfaat_daerah="Ritase angkutan sampah Banjar naik dari dua menjadi tiga kali sehari",
            manfaat_mitra="Ruas jalan kota bebas ceceran sampah dan biaya pemeliharaan turun",
            alasan_prioritas="Prasyarat beroperasinya TPA regional pada tahun 2026",
            anggaran=1_200_000_000,
        ),
    ),
    # A road is PUPR's task (1.03), not DLH's: DLH proposes what PUPR proposes too.
    sengaja=(("KSD502", 2, "no"), ("KSD414", 2, "kode_bidang_urusan")),
)

DINKES = Contoh(
    berkas="dinkes_usulan_ksd_2025.xlsx",
    kode_opd="1.02.0.00.0.00.01.0000",
    nama_opd="Dinas Kesehatan",
    penanggung_jawab="dr. Siti Rahmah, M.Kes.",
    jabatan="Sekretaris Dinas Kesehatan",
    tanggal=dt.date(2025, 2, 20),
    rows=(
        _row(
            kode_bidang_urusan="1.02 - Kesehatan",
            kode_program="1.02.02",
            kode_kegiatan="1.02.02.2.02",
            objek="Rujukan pasien gawat darurat ke rumah sakit rujukan regional",
            jenis_kerja_sama="KSDD Wajib",
            calon_mitra="Kota Balikpapan",
            jenis_mitra="Daerah Kabupaten/Kota",
            potensi="RSUD Ratu Zalecha memiliki layanan jantung dan ruang rawat intensif",
            permasalahan="Pasien jantung masih dirujuk ke luar daerah dengan waktu tempuh lama",
            data_dukung="128 rujukan jantung keluar daerah pada 2024 (SISRUTE Dinkes Banjar)",
            eksternalitas="Pasien dari daerah mitra juga memanfaatkan layanan rujukan yang sama",
            efisiensi="Sistem rujukan bersama memperpendek waktu penanganan pasien gawat darurat",
            manfaat_daerah="Pasien gawat darurat tertangani lebih cepat dan biaya rujukan turun",
            manfaat_mitra="Rumah sakit mitra memperoleh rujukan pasien dan tenaga dokter tamu",
            skala_prioritas="Tinggi",
            alasan_prioritas="Angka kematian pasien rujukan jantung tertinggi di provinsi",
            anggaran=600_000_000,
        ),
        _row(
            kode_bidang_urusan="1.02 - Kesehatan",
            kode_program="1.02.02",
            kode_kegiatan="1.02.02.2.03",
            objek="Integrasi data rekam medis elektronik puskesmas perbatasan",
            jenis_kerja_sama="KSDD Sukarela",
            calon_mitra="Kota Banjarmasin",
            jenis_mitra="Daerah Kabupaten/Kota",
            potensi="Seluruh 25 puskesmas Kabupaten Banjar sudah memakai rekam medis elektronik",
            permasalahan="Data pasien yang berobat lintas daerah tidak tersambung antar puskesmas",
            data_dukung="18% kunjungan puskesmas Kertak Hanyar berasal dari warga Banjarmasin "
            "(SIMPUS 2024)",
            efisiensi="Satu sistem data bersama menghindari pemeriksaan berulang bagi pasien "
            "yang sama",
            manfaat_daerah="Riwayat pasien lintas daerah tersedia bagi tenaga kesehatan Banjar",
            manfaat_mitra="-",
            alasan_prioritas="Mendukung transformasi layanan primer Kementerian Kesehatan",
            anggaran=175_000_000,
        ),
        _row(
            kode_bidang_urusan="1.02 - Kesehatan",
            kode_program="1.02.03",
            kode_kegiatan="1.02.03.2.03",
            objek="Pelatihan kompetensi bidan desa dalam penanganan stunting",
            jenis_kerja_sama="Sinergi",
            calon_mitra="Kementerian Kesehatan",
            jenis_mitra="Pemerintah Pusat",
            potensi="Jejaring 290 bidan desa yang menjangkau seluruh desa di Kabupaten Banjar",
            permasalahan="Prevalensi stunting masih di atas target nasional",
            data_dukung="Prevalensi stunting 26,1% (SKI 2023, Kementerian Kesehatan)",
            efisiensi="Kurikulum dan pelatih nasional dipakai tanpa membangun pelatihan sendiri",
            manfaat_daerah="Kompetensi bidan desa meningkat dan kasus stunting tertangani lebih "
            "dini",
            manfaat_mitra="Target nasional penurunan stunting di Kalimantan Selatan terbantu "
            "tercapai",
            skala_prioritas="Tinggi",
            alasan_prioritas="Penurunan stunting adalah prioritas nasional dan RPJMD",
            anggaran=220_000_000,
            sumber_pendanaan="APBD; APBN",
        ),
        _row(
            kode_bidang_urusan="1.02 - Kesehatan",
            kode_program="1.02.02",
            kode_kegiatan="1.02.02.2.02",
            objek="Rujuk balik pasien penyakit kronis dari rumah sakit ke puskesmas terdekat",
            jenis_kerja_sama="KSDD Sukarela",
            calon_mitra="RSUD Ratu Zalecha Martapura",
            jenis_mitra="Daerah Kabupaten/Kota",
            potensi="Puskesmas di 20 kecamatan sudah mampu melayani kontrol rutin pasien "
            "kronis",
            permasalahan="Pasien hipertensi dan diabetes yang sudah stabil tetap antre kontrol "
            "di rumah sakit",
            data_dukung="2.450 pasien kronis stabil kontrol di poliklinik rumah sakit pada 2024 "
            "(data BPJS Kesehatan)",
            efisiensi="Kontrol rutin di puskesmas mengurangi antrean poliklinik rumah sakit",
            manfaat_daerah="Pasien kronis kontrol lebih dekat dari rumah dengan biaya lebih "
            "rendah",
            manfaat_mitra="Poliklinik rumah sakit dapat memusatkan layanan pada pasien rujukan "
            "baru",
            alasan_prioritas="Antrean poliklinik penyakit dalam melebihi tiga jam per hari",
            anggaran=90_000_000,
        ),
    ),
    # Row 3: the RSUD is the kabupaten's own hospital, so this is no kerja sama daerah.
    sengaja=(("KSD401", 0, "calon_mitra"), ("KSD405", 1, "manfaat_mitra"),
             ("KSD415", 3, "calon_mitra")),
)

DINKES_LAMA = Contoh(
    berkas="dinkes_usulan_ksd_2025_versi_awal.xlsx",
    kode_opd=DINKES.kode_opd,
    nama_opd=DINKES.nama_opd,
    penanggung_jawab=DINKES.penanggung_jawab,
    jabatan=DINKES.jabatan,
    tanggal=dt.date(2025, 2, 10),
    rows=DINKES.rows[2:3],
)

PUPR = Contoh(
    berkas="pupr_usulan_ksd_2025.xlsx",
    kode_opd="1.03.0.00.0.00.01.0000",
    nama_opd="Dinas Pekerjaan Umum dan Penataan Ruang",
    penanggung_jawab="H. Muhammad Fauzi, S.T., M.T.",
    jabatan="Kepala Bidang Cipta Karya",
    tanggal=dt.date(2025, 2, 18),
    rows=(
        _row(
            kode_bidang_urusan="1.03 - Pekerjaan Umum dan Penataan Ruang",
            kode_program="1.03.03",
            kode_kegiatan="1.03.03.1.01",
            objek="Penyediaan air minum curah dari IPA Pinus untuk kawasan Gambut",
            jenis_kerja_sama="KSDD Sukarela",
            calon_mitra="Kota Banjarmasin",
            jenis_mitra="Daerah Kabupaten/Kota",
            potensi="Sumber air baku Sungai Martapura dengan debit memadai sepanjang tahun",
            permasalahan="Cakupan air minum perpipaan di Kecamatan Gambut baru 42 persen",
            data_dukung="Cakupan SPAM perpipaan 42% (Laporan Kinerja PUPR 2024)",
            efisiensi="Air curah dari instalasi mitra lebih murah daripada membangun IPA baru",
            manfaat_daerah="Sekitar 6.000 sambungan rumah baru di Kecamatan Gambut terlayani",
            manfaat_mitra="Kapasitas menganggur IPA mitra termanfaatkan dan pendapatan naik",
            alasan_prioritas="Target akses air minum aman 100 persen pada RPJMD",
            anggaran=1_800_000_000,
        ),
        _row(
            kode_bidang_urusan="1.03 - Pekerjaan Umum dan Penataan Ruang",
            kode_program="1.03.04",
            kode_kegiatan="1.03.04.2.01",
            objek="Pembangunan jalur angkut sampah regional menuju TPA Banjarbakula",
            jenis_kerja_sama="KSDD Wajib",
            calon_mitra="Banjarbaru",
            kode_wilayah_mitra="63.72",
            jenis_mitra="Daerah Kabupaten/Kota",
            potensi="Jalan akses TPA regional melintasi wilayah Banjar dan Banjarbaru",
            permasalahan="Truk sampah melewati jalan lingkungan yang tidak dirancang untuk "
            "kendaraan berat",
            data_dukung="Kerusakan 4,2 km jalan lingkungan (inventarisasi jalan PUPR 2024)",
            eksternalitas="Kerusakan jalan dan kemacetan terjadi pada ruas perbatasan kedua daerah",
            efisiensi="Pembangunan satu jalur khusus lebih hemat daripada perbaikan jalan berulang",
            manfaat_daerah="Jalan lingkungan di Gambut dan Martapura tidak lagi rusak oleh truk",
            manfaat_mitra="Akses truk ke TPA regional di wilayah mitra menjadi lancar",
            alasan_prioritas="Prasyarat beroperasinya TPA regional pada tahun 2026",
            anggaran=4_500_000_000,
        ),
        _row(
            kode_bidang_urusan="1.03 - Pekerjaan Umum dan Penataan Ruang",
            kode_program="1.03.06",
            kode_kegiatan="1.03.06.2.01",
            objek="Normalisasi saluran drainase primer Kertak Hanyar yang bermuara di Sungai "
            "Martapura",
            jenis_kerja_sama="KSDD Wajib",
            calon_mitra="Kota Banjarmasin",
            jenis_mitra="Daerah Kabupaten/Kota",
            potensi="Saluran primer Kertak Hanyar sepanjang 7 km terhubung ke drainase kota",
            permasalahan="Genangan setinggi 40 cm terjadi setiap musim hujan di perbatasan",
            data_dukung="Genangan 14 kali pada 2024 di 6 desa (laporan BPBD dan PUPR)",
            eksternalitas="Aliran air dari Kertak Hanyar membebani saluran Kota Banjarmasin",
            efisiensi="Normalisasi satu sistem aliran lebih efektif daripada dikerjakan terpisah",
            manfaat_daerah="Genangan di enam desa Kertak Hanyar berkurang",
            manfaat_mitra="Beban banjir kiriman ke saluran Kota Banjarmasin berkurang",
            tahun_mulai=2027,
            tahun_selesai=2025,
            skala_prioritas="Tinggi",
            alasan_prioritas="Kawasan rawan genangan prioritas dalam RPJMD",
            anggaran=2_300_000_000,
        ),
    ),
    sengaja=(("KSD305", 0, "kode_kegiatan"), ("KSD502", 1, "no"), ("KSD204", 2, "tahun_mulai")),
)

DISHUB = Contoh(
    berkas="dishub_usulan_ksd_2025.xlsx",
    kode_opd="2.15.0.00.0.00.01.0000",
    nama_opd="Dinas Perhubungan",
    penanggung_jawab="Rahmadi, S.Sos., M.Si.",
    jabatan="Kepala Bidang Angkutan",
    tanggal=dt.date(2025, 2, 21),
    rows=(
        _row(
            kode_bidang_urusan="2.15 - Perhubungan",
            kode_program="2.15.02",
            kode_kegiatan="2.15.02.2.10",
            objek="Layanan angkutan perkotaan Martapura-Banjarmasin dengan bus pengumpan",
            jenis_kerja_sama="KSDD sukarelaa",
            calon_mitra="Kota Banjarmasin",
            jenis_mitra="Daerah Kabupaten/Kota",
            potensi="Koridor Jalan Ahmad Yani menjadi jalur komuter utama kawasan Banjarbakula",
            permasalahan="Warga komuter bergantung pada kendaraan pribadi karena tidak ada "
            "angkutan umum",
            data_dukung="Volume lalu lintas 41.000 kendaraan/hari (survei Dishub 2024)",
            efisiensi="Trayek bersama mengurangi kemacetan dan biaya subsidi masing-masing daerah",
            manfaat_daerah="Warga Martapura memperoleh angkutan umum murah ke pusat kota",
            manfaat_mitra="Kemacetan di pintu masuk Banjarmasin berkurang",
            alasan_prioritas="Koridor terpadat di kawasan metropolitan Banjarbakula",
            anggaran=900_000_000,
        ),
        _row(
            kode_bidang_urusan="2.15 - Perhubungan",
            kode_program="2.15.02",
            kode_kegiatan="2.15.02.2.09",
            objek="Penyediaan bus perintis antarkecamatan Aranio-Martapura",
            jenis_kerja_sama="KSDPK",
            calon_mitra="Perum DAMRI Cabang Banjarmasin",
            jenis_mitra="Badan Usaha Berbadan Hukum",
            bentuk_ksdpk="Penyediaan Pelayanan Publik",
            prakarsa="Daerah",
            potensi="Kawasan wisata dan pertanian Aranio belum terhubung angkutan umum",
            permasalahan="Warga Aranio menempuh 60 km ke Martapura tanpa angkutan umum tetap",
            data_dukung="Tidak ada trayek resmi ke Aranio (data trayek Dishub 2024)",
            efisiensi="Armada dan pengemudi DAMRI tersedia sehingga layanan cepat berjalan",
            manfaat_daerah="Akses warga pedalaman ke pasar, sekolah dan layanan kesehatan",
            manfaat_mitra="DAMRI memperoleh trayek baru dengan jaminan subsidi operasional",
            alasan_prioritas="Mengurangi keterisolasian wilayah hulu Kabupaten Banjar",
            anggaran="dua miliar rupiah",
            sumber_pendanaan="APBD",
            keterangan="=> menunggu hasil studi kelayakan trayek",
        ),
    ),
    sengaja=(("KSD202", 0, "jenis_kerja_sama"), ("KSD203", 1, "anggaran")),
)

DISDIKBUD = Contoh(
    berkas="disdikbud_usulan_ksd_2025.xlsx",
    kode_opd="1.01.2.22.0.00.01.0000",
    nama_opd="Dinas Pendidikan dan Kebudayaan",
    penanggung_jawab="Dra. Hj. Noor Aina",
    jabatan="Kepala Bidang Pembinaan Sekolah Dasar",
    tanggal=dt.date(2025, 2, 17),
    rows=(
        _row(
            kode_bidang_urusan="1.01 - Pendidikan",
            kode_program="1.01.02",
            kode_kegiatan="1.01.02.2.01",
            objek="Pendampingan literasi dan numerasi guru SD di 20 kecamatan",
            jenis_kerja_sama="KSDPK",
            calon_mitra="Universitas Islam Kalimantan Muhammad Arsyad Al Banjari",
            jenis_mitra="Organisasi Kemasyarakatan",
            bentuk_ksdpk="Lainnya",
            prakarsa="Mitra",
            potensi="Fakultas keguruan mitra berada di Kabupaten Banjar dengan 900 mahasiswa "
            "praktik",
            permasalahan="Capaian literasi siswa SD masih di bawah kompetensi minimum",
            data_dukung="Literasi kurang dari minimum pada 54% SD (Rapor Pendidikan 2024)",
            efisiensi="Mahasiswa praktik menjadi pendamping guru tanpa menambah pegawai",
            manfaat_daerah="Guru SD terdampingi dan capaian literasi siswa meningkat",
            manfaat_mitra="Mahasiswa memperoleh lokasi praktik dan penelitian yang terjamin",
            dalam_perencanaan="Tidak",
            dokumen_perencanaan=None,
            alasan_prioritas="Rapor pendidikan Banjar berwarna merah untuk literasi",
            anggaran=150_000_000,
        ),
        _row(
            kode_bidang_urusan="2.22 - Kebudayaan",
            kode_program="2.22.02",
            kode_kegiatan="2.22.02.2.02",
            objek="Festival bersama kesenian Madihin dan Mamanda dua daerah",
            jenis_kerja_sama="KSDD Sukarela",
            calon_mitra="Kabupaten Tapin",
            jenis_mitra="Daerah Kabupaten/Kota",
            potensi="Sanggar Madihin dan Mamanda aktif di Martapura dan Rantau",
            permasalahan="Jumlah pelaku kesenian tradisional menurun dan regenerasi terhenti",
            data_dukung="Sanggar aktif turun dari 31 menjadi 17 (pendataan Disdikbud 2024)",
            efisiensi="Festival bersama berbagi panggung, juri dan promosi sehingga biaya lebih "
            "rendah",
            manfaat_daerah="Sanggar Banjar mendapat panggung dan penonton yang lebih luas",
            manfaat_mitra="Seniman Tapin memperoleh ruang tampil dan pelatihan bersama",
            alasan_prioritas="Pelestarian warisan budaya tak benda Banjar",
            anggaran=125_000_000,
            sumber_pendanaan="APBD; APBD Mitra",
        ),
    ),
    # Row 1: a KB with Kabupaten Tapin on Kebudayaan is in force until 2027 (the demo's register).
    sengaja=(("KSD407", 0, "alasan_luar_perencanaan"), ("KSD417", 1, "calon_mitra")),
)

BAPPEDALITBANG = Contoh(
    berkas="bappedalitbang_usulan_ksd_2025.xlsx",
    kode_opd="5.01.5.05.0.00.01.0000",
    nama_opd="Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    penanggung_jawab="Dr. Ahmad Syarifuddin, S.E., M.Si.",
    jabatan="Kepala Bidang Penelitian dan Pengembangan",
    tanggal=dt.date(2025, 2, 19),
    rows=(
        _row(
            kode_bidang_urusan="5.05 - Penelitian dan Pengembangan",
            kode_program="5.05.02",
            kode_kegiatan="5.05.02.2.01",
            objek="Kajian tata kelola pemerintahan desa bersama perguruan tinggi",
            jenis_kerja_sama="KSDPK",
            calon_mitra="Universitas Lambung Mangkurat",
            jenis_mitra="Badan Usaha Berbadan Hukum",
            bentuk_ksdpk="Lainnya",
            prakarsa="Daerah",
            potensi="sda",
            permasalahan="Rekomendasi kebijakan desa belum didukung kajian yang memadai",
            data_dukung="Baru 3 kajian kebijakan desa dalam lima tahun (arsip Bappedalitbang)",
            efisiensi="Peneliti mitra lebih berpengalaman dalam kajian tata kelola desa",
            manfaat_daerah="Rekomendasi kebijakan desa berbasis bukti",
            manfaat_mitra="Dosen memperoleh data penelitian dan kredit pengabdian masyarakat",
            alasan_prioritas="Amanat RPJMD untuk perencanaan berbasis bukti",
            anggaran=200_000_000,
        ),
    ),
    sengaja=(("KSD304", 0, "kode_bidang_urusan"), ("KSD206", 0, "potensi")),
)

DISPAR = Contoh(
    berkas="dispar_usulan_ksd_2025.xlsx",
    kode_opd="3.26.0.00.0.00.01.0000",
    nama_opd="Dinas Pariwisata",
    penanggung_jawab="Hj. Rusdiana, S.E., M.M.",
    jabatan="Kepala Bidang Destinasi Pariwisata",
    tanggal=dt.date(2025, 2, 12),
    rows=(
        _row(
            kode_bidang_urusan="3.26 - Pariwisata",
            kode_program="3.26.02",
            kode_kegiatan="3.26.02.2.02",
            objek="Pengembangan kawasan wisata Pulau Bakut dan Kiram Park oleh investor",
            jenis_kerja_sama="KSDPK",
            calon_mitra="PT Intan Banua Wisata",
            jenis_mitra="Badan Usaha Berbadan Hukum",
            bentuk_ksdpk="Investasi",
            prakarsa="Mitra",
            potensi="Kiram Park dikunjungi 180.000 wisatawan per tahun dengan lahan milik daerah",
            permasalahan="Fasilitas kawasan wisata rusak dan anggaran pemeliharaan terbatas",
            data_dukung="Kunjungan turun 22% sejak 2022 (data retribusi Dinas Pariwisata)",
            efisiensi="Investor membangun dan mengelola fasilitas tanpa membebani APBD",
            manfaat_daerah="Pendapatan asli daerah dari bagi hasil dan lapangan kerja lokal",
            manfaat_mitra="Hak kelola kawasan selama masa kerja sama dan pendapatan usaha",
            tahun_selesai=2034,
            skala_prioritas="Tinggi",
            alasan_prioritas="Kawasan strategis pariwisata kabupaten dalam RIPPARKAB",
            anggaran=0,
            sumber_pendanaan="Pihak Ketiga",
            membebani="Ya",
            tahapan="Penawaran",
            keterangan="=> menunggu hasil studi kelayakan dari investor",
        ),
        _row(
            kode_bidang_urusan="3.26 - Pariwisata",
            kode_program="3.26.02",
            kode_kegiatan="3.26.02.2.03",
            objek="Paket wisata terpadu pasar terapung Lok Baintan dan kawasan Martapura",
            jenis_kerja_sama="KSDD Wajib",
            calon_mitra="Provinsi Kalimantan Selatan",
            kode_wilayah_mitra="63",
            jenis_mitra="Daerah Provinsi",
            potensi="Pasar terapung Lok Baintan dan pasar intan Martapura sebagai ikon wisata",
            permasalahan="Wisatawan hanya singgah karena paket wisata antar lokasi tidak tersedia",
            data_dukung="Lama tinggal wisatawan 1,3 hari (BPS Kabupaten Banjar 2024)",
            eksternalitas="Arus wisatawan melintasi jalan dan sungai provinsi serta beberapa "
            "kabupaten",
            efisiensi="Promosi dan transportasi sungai dikelola sekali untuk seluruh kawasan",
            manfaat_daerah="Lama tinggal dan belanja wisatawan di Kabupaten Banjar meningkat",
            manfaat_mitra="Kunjungan wisatawan provinsi dan pajak daerah provinsi meningkat",
            alasan_prioritas="Destinasi unggulan provinsi dalam RIPPARPROV Kalimantan Selatan",
            anggaran=400_000_000,
            sumber_pendanaan="APBD; APBD Mitra",
        ),
        _row(
            kode_bidang_urusan="3.26 - Pariwisata",
            kode_program="3.26.02",
            kode_kegiatan="3.26.02.2.03",
            objek="Promosi bersama wisata budaya sungai dan pertukaran pelaku ekonomi kreatif",
            jenis_kerja_sama="KSDPL",
            calon_mitra="Dewan Bandaraya Kota Kinabalu, Malaysia",
            jenis_mitra="Lembaga/Pemerintah Daerah Luar Negeri",
            potensi="Budaya sungai Banjar serupa dengan budaya pesisir Sabah",
            permasalahan="Wisatawan mancanegara ke Kabupaten Banjar kurang dari 2.000 orang "
            "per tahun",
            data_dukung="1.740 wisatawan mancanegara pada 2024 (BPS Kabupaten Banjar)",
            efisiensi="Biaya promosi ditanggung bersama melalui jaringan kota kembar",
            manfaat_daerah="Promosi wisata Banjar di pasar Malaysia dan Brunei",
            manfaat_mitra="Kota Kinabalu memperoleh paket wisata budaya baru untuk warganya",
            tahun_mulai=2026,
            tahun_selesai=2028,
            skala_prioritas="Rendah",
            alasan_prioritas="Pasar mancanegara masih kecil dan perlu dirintis bertahap",
            anggaran=250_000_000,
            sudah_dianggarkan="Tidak",
        ),
        _row(
            kode_bidang_urusan="3.26 - Pariwisata",
            kode_program="3.26.02",
            kode_kegiatan="3.26.02.2.01",
            objek="Pengadaan perahu wisata dan jaket pelampung untuk pasar terapung Lok Baintan",
            jenis_kerja_sama="KSDPK",
            calon_mitra="PT Galangan Kapal Borneo Perkasa",
            jenis_mitra="Badan Usaha Berbadan Hukum",
            bentuk_ksdpk="Penyediaan Pelayanan Publik",
            prakarsa="Daerah",
            potensi="Pasar terapung Lok Baintan dikunjungi wisatawan setiap pagi sepanjang tahun",
            permasalahan="Perahu wisata yang ada sudah tua dan banyak yang tanpa jaket pelampung",
            data_dukung="Tercatat 14 dari 22 perahu wisata tidak laik (pemeriksaan Dinas "
            "Pariwisata 2024)",
            efisiensi="Perahu baru dari galangan setempat lebih cepat tersedia dan mudah dirawat",
            manfaat_daerah="Wisatawan pasar terapung terangkut dengan aman",
            manfaat_mitra="Galangan kapal memperoleh pesanan perahu dan pekerjaan perawatan",
            alasan_prioritas="Keselamatan wisatawan sungai menjadi perhatian utama",
            anggaran=480_000_000,
        ),
    ),
    # Row 3 buys boats: procurement, not cooperation (a warning: the row still enters).
    sengaja=(("KSD416", 3, "objek"),),
)

CONTOH: tuple[Contoh, ...] = (
    DLH,
    DINKES,
    DINKES_LAMA,
    PUPR,
    DISHUB,
    DISDIKBUD,
    BAPPEDALITBANG,
    DISPAR,
)
