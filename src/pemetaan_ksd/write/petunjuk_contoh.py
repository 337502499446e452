"""The example usulan of the `Petunjuk` sheet: one complete, lawful row of the form.

A shared waste service with a bordering daerah (KSDD Wajib), with real codes from the
nomenclature and the partner named by mitra_contoh, so that the example passes every rule.
"""

from __future__ import annotations

from pemetaan_ksd import reference
from pemetaan_ksd.contract import COLUMNS
from pemetaan_ksd.mitra_contoh import contoh_mitra
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.reference import Daerah, Nomenklatur

PROGRAM = "2.11.11"  # pengelolaan persampahan
BIDANG = "2.11"


def contoh_usulan(profil: Profil) -> dict[str, object]:
    """One complete, lawful usulan (column key -> value), in the order of the columns."""
    mitra = contoh_mitra(profil)
    values = {
        **_codes(profil),
        **_partner(mitra),
        **_texts(profil, profil.daerah.nama_lengkap, mitra.nama_lengkap),
        **_plan(profil),
    }
    return {col.key: values[col.key] for col in COLUMNS}


def _codes(profil: Profil) -> dict[str, object]:
    """Columns (1) to (7): the urusan, program, kegiatan and sub kegiatan, all real."""
    nomen = profil.referensi().nomenklatur
    kegiatan, sub = _contoh_kegiatan(nomen, PROGRAM, "1" if profil.daerah.is_provinsi else "2")
    bidang = next((b for b in reference.bidang_urusan() if b.kode == BIDANG), None)
    return {
        "no": 1,
        "kode_bidang_urusan": bidang.pilihan if bidang else BIDANG,
        "kode_program": PROGRAM,
        "nama_program": nomen.name(PROGRAM) or "",
        "kode_kegiatan": kegiatan or "(kode kegiatan kewenangan provinsi yang berlaku)",
        "nama_kegiatan": (nomen.name(kegiatan) or "") if kegiatan else "",
        "kode_sub_kegiatan": sub,
    }


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


def _partner(mitra: Daerah) -> dict[str, object]:
    """Columns (9) to (14): the kind of kerja sama and the partner."""
    return {
        "jenis_kerja_sama": "KSDD Wajib",
        "calon_mitra": mitra.nama_lengkap,
        "kode_wilayah_mitra": mitra.kode,
        "jenis_mitra": "Daerah Provinsi" if mitra.is_provinsi else "Daerah Kabupaten/Kota",
        "bentuk_ksdpk": "",
        "prakarsa": "",
    }


def _texts(profil: Profil, daerah: str, partner: str) -> dict[str, object]:
    """The object and the substantive texts of the criteria, columns (8) and (15) to (21)."""
    return {
        "objek": (f"Pengangkutan dan pemrosesan akhir sampah dari permukiman di perbatasan "
                  f"{daerah} dan {partner} pada tempat pemrosesan akhir yang dikelola bersama"),
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
    }


def _plan(profil: Profil) -> dict[str, object]:
    """Columns (22) to (34): planning, years, priority, budget and stage."""
    return {
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
