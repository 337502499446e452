"""One row's values normalised into an `Usulan`, best effort (also for rows with galat)."""

from __future__ import annotations

from pemetaan_ksd.model import Usulan
from pemetaan_ksd.reference.nomenklatur import Level, level_of_shape
from pemetaan_ksd.rules.columns import Row
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.hukum import perlu_persetujuan_dprd
from pemetaan_ksd.rules.kode import bidang_of


def _bidang(row: Row) -> str | None:
    """The bidang urusan code as given, else taken from the program or kegiatan code."""
    given = row.code("kode_bidang_urusan")
    if given is not None:
        return given
    for key in ("kode_program", "kode_kegiatan"):
        code = row.code(key)
        if code is not None and level_of_shape(code) in (Level.PROGRAM, Level.KEGIATAN):
            return bidang_of(code)
    return None


def _text(row: Row, key: str) -> str | None:
    return None if row.blank(key) else row.text(key)


def build_usulan(row: Row, ctx: Context) -> Usulan:
    """The row's values normalised: codes, choices, the partner resolved, names filled in."""
    nomen = ctx.referensi.nomenklatur
    program, kegiatan = row.code("kode_program"), row.code("kode_kegiatan")
    partner = row.mitra.daerah if row.mitra is not None else None
    berbatasan = (ctx.referensi.wilayah.berbatasan(ctx.daerah, partner)
                  if partner is not None else None)
    anggaran = row.amount("anggaran")
    return Usulan(
        excel_row=row.excel_row,
        kode_bidang_urusan=_bidang(row),
        kode_program=program,
        nama_program=_text(row, "nama_program") or (nomen.name(program) if program else None),
        kode_kegiatan=kegiatan,
        nama_kegiatan=_text(row, "nama_kegiatan") or (nomen.name(kegiatan) if kegiatan else None),
        kode_sub_kegiatan=row.code("kode_sub_kegiatan"),
        objek=_text(row, "objek"),
        jenis_kerja_sama=row.choice("jenis_kerja_sama"),
        calon_mitra=_text(row, "calon_mitra"),
        kode_wilayah_mitra=partner.kode if partner else None,
        nama_mitra_resmi=partner.nama_lengkap if partner else None,
        mitra_berbatasan=berbatasan,
        jenis_mitra=row.choice("jenis_mitra"),
        bentuk_ksdpk=row.choice("bentuk_ksdpk"),
        prakarsa=row.choice("prakarsa"),
        tahun_mulai=row.year("tahun_mulai"),
        tahun_selesai=row.year("tahun_selesai"),
        skala_prioritas=row.choice("skala_prioritas"),
        anggaran=anggaran if anggaran is not None and anggaran >= 0 else None,
        sumber_pendanaan=row.choices("sumber_pendanaan"),
        sudah_dianggarkan=row.choice("sudah_dianggarkan"),
        membebani=row.choice("membebani"),
        tahapan=row.choice("tahapan") or "Persiapan",
        keterangan=_text(row, "keterangan"),
        perlu_persetujuan_dprd=perlu_persetujuan_dprd(row),
    )
