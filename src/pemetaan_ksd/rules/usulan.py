"""The rows' values normalised into `Usulan`, best effort (also for rows with galat), a whole
file's columns at once."""

from __future__ import annotations

from pemetaan_ksd.model import Usulan
from pemetaan_ksd.reference.nomenklatur import Level, Nomenklatur, level_of_shape
from pemetaan_ksd.rules.columns import Columns
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.hukum import LUAR_NEGERI
from pemetaan_ksd.rules.kode import bidang_of


def _bidang(given: str | None, program: str | None, kegiatan: str | None) -> str | None:
    """The bidang urusan code as given, else taken from the program or kegiatan code."""
    if given is not None:
        return given
    for code in (program, kegiatan):
        if code is not None and level_of_shape(code) in (Level.PROGRAM, Level.KEGIATAN):
            return bidang_of(code)
    return None


def _official(nomen: Nomenklatur, code: str | None) -> str | None:
    return nomen.name(code) if code else None


def _texts(cols: Columns, key: str) -> list[str | None]:
    return [None if blank else text for text, blank in zip(cols.text(key), cols.blank(key),
                                                            strict=True)]


def build_usulans(cols: Columns, ctx: Context) -> list[Usulan]:
    """Each row's values normalised: codes, choices, the partner resolved, names filled in."""
    nomen, wilayah = ctx.referensi.nomenklatur, ctx.referensi.wilayah
    program, kegiatan = cols.code("kode_program"), cols.code("kode_kegiatan")
    bidang, sub = cols.code("kode_bidang_urusan"), cols.code("kode_sub_kegiatan")
    nama_program, nama_kegiatan = _texts(cols, "nama_program"), _texts(cols, "nama_kegiatan")
    objek, mitra, keterangan = (_texts(cols, k) for k in ("objek", "calon_mitra", "keterangan"))
    jenis, jenis_mitra = cols.choice("jenis_kerja_sama"), cols.choice("jenis_mitra")
    bentuk, prakarsa = cols.choice("bentuk_ksdpk"), cols.choice("prakarsa")
    mulai, selesai = cols.year("tahun_mulai"), cols.year("tahun_selesai")
    skala, anggaran = cols.choice("skala_prioritas"), cols.amount("anggaran")
    sumber, tahapan = cols.choices("sumber_pendanaan"), cols.choice("tahapan")
    dianggarkan, membebani = cols.choice("sudah_dianggarkan"), cols.choice("membebani")
    out: list[Usulan] = []
    for i in range(len(cols)):
        found = cols.mitra(i)
        partner = found.daerah if found is not None else None
        amount = anggaran[i]
        out.append(Usulan(
            excel_row=cols.excel_row(i),
            kode_bidang_urusan=_bidang(bidang[i], program[i], kegiatan[i]),
            kode_program=program[i],
            nama_program=nama_program[i] or _official(nomen, program[i]),
            kode_kegiatan=kegiatan[i],
            nama_kegiatan=nama_kegiatan[i] or _official(nomen, kegiatan[i]),
            kode_sub_kegiatan=sub[i],
            objek=objek[i],
            jenis_kerja_sama=jenis[i],
            calon_mitra=mitra[i],
            kode_wilayah_mitra=partner.kode if partner else None,
            nama_mitra_resmi=partner.nama_lengkap if partner else None,
            mitra_berbatasan=(wilayah.berbatasan(ctx.daerah, partner)
                              if partner is not None else None),
            jenis_mitra=jenis_mitra[i],
            bentuk_ksdpk=bentuk[i],
            prakarsa=prakarsa[i],
            tahun_mulai=mulai[i],
            tahun_selesai=selesai[i],
            skala_prioritas=skala[i],
            anggaran=amount if amount is not None and amount >= 0 else None,
            sumber_pendanaan=sumber[i],
            sudah_dianggarkan=dianggarkan[i],
            membebani=membebani[i],
            tahapan=tahapan[i] or "Persiapan",
            keterangan=keterangan[i],
            # DPRD approval (hukum.dprd_reasons): abroad, a burden, or not yet budgeted
            perlu_persetujuan_dprd=(jenis[i] in LUAR_NEGERI or membebani[i] == "Ya"
                                    or dianggarkan[i] == "Tidak"),
        ))
    return out
