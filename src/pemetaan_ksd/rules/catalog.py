"""The rules run, in order: the one list, and the engine built from it.

Order matters only where a declaration says so (a file rule that stops the file comes first);
otherwise it is the order of the contract's codes, which is the order ties keep. Importing a
rule module registers nothing: a rule runs because it is listed here.
"""

from __future__ import annotations

from pemetaan_ksd.rules import hukum, isian, kode, lintas_berkas, perjanjian, praktik, struktur
from pemetaan_ksd.rules.engine import Engine
from pemetaan_ksd.rules.registry import AnyRule

RULES: tuple[AnyRule, ...] = (
    # KSD1xx: the file as a whole. KSD101 first: an unreadable file gets nothing else.
    struktur.tidak_terbaca,
    struktur.lembar_wajib,
    struktur.kolom_wajib,
    struktur.versi_templat,
    struktur.identitas_lengkap,
    struktur.tahun_sama,
    struktur.opd_terdaftar,
    struktur.nama_opd_sesuai,
    struktur.ada_usulan,
    struktur.bukan_usulan,
    struktur.usulan_lembar_lain,
    struktur.lembar_pengganti,
    struktur.kolom_tambahan,
    struktur.judul_ganda,
    struktur.sel_gabung,
    # KSD2xx: each cell as the template asks.
    isian.galat_spreadsheet,
    isian.wajib_diisi,
    isian.dokumen_acuan,
    isian.pilihan,
    isian.anggaran,
    isian.tahun,
    isian.urutan_tahun,
    isian.uraian_substantif,
    isian.sudah_berakhir,
    # KSD3xx: the codes.
    kode.kode_nomenklatur,
    kode.kewenangan_pusat,
    kode.nama_resmi,
    kode.kode_dan_nama,
    # KSD4xx: what the law asks.
    hukum.mitra_dikenal,
    hukum.bukan_diri_sendiri,
    hukum.mitra_berbatasan,
    hukum.eksternalitas_efisiensi,
    hukum.saling_menguntungkan,
    hukum.kebutuhan_nyata,
    hukum.dalam_perencanaan,
    hukum.skala_prioritas,
    hukum.ksdpk_lengkap,
    hukum.persetujuan_dprd,
    hukum.studi_kelayakan,
    hukum.persetujuan_pusat,
    hukum.mitra_sesuai_jenis,
    praktik.kewenangan_opd,
    praktik.unit_daerah_sendiri,
    praktik.bukan_pengadaan,
    perjanjian.sudah_berlaku,
    # KSD5xx: across rows and files.
    lintas_berkas.ulang_dalam_berkas,
    lintas_berkas.berkas_ganda,
    lintas_berkas.sama_antar_opd,
    lintas_berkas.belum_mengirim,
)

ENGINE = Engine(RULES)
