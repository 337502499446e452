"""KSD4xx: what the law asks of an usulan (PP 28/2018, UU 23/2014, Permendagri 22/2020)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pemetaan_ksd.contract import JENIS_MITRA_DAERAH, JENIS_MITRA_PIHAK_KETIGA, KSDD
from pemetaan_ksd.mitra_contoh import contoh_mitra
from pemetaan_ksd.model import Finding
from pemetaan_ksd.reference import Daerah, sumber
from pemetaan_ksd.rules.columns import Columns, Row
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.registry import at, at_row, keadaan, message, row_rule
from pemetaan_ksd.rules.where import choice_in, partner_known, partner_problem, placeholder_in

LUAR_NEGERI = ("KSDPL", "KSDLL")
MITRA_LUAR_NEGERI = "Lembaga/Pemerintah Daerah Luar Negeri"
PIHAK_LUAR_NEGERI = {"KSDPL": "pemerintah daerah di luar negeri", "KSDLL": "lembaga di luar negeri"}

KSD401 = message("KSD401")
KSD401_PASANGAN = message("KSD401", "pasangan")
KSD402 = message("KSD402")
KSD402_KODE = message("KSD402", "kode")
KSD402_TIDAK_COCOK = message("KSD402", "tidak_cocok")
KSD402_AMBIGU = message("KSD402", "ambigu")
KSD402_MIRIP = message("KSD402", "mirip")
KSD403 = message("KSD403")
KSD404 = message("KSD404")
KSD404_EKSTERNALITAS = message("KSD404", "eksternalitas")
KSD404_SUKARELA = message("KSD404", "sukarela")
KSD405 = message("KSD405")
KSD406 = message("KSD406")
KSD406_DATA = message("KSD406", "data")
KSD407 = message("KSD407")
KSD408 = message("KSD408")
KSD408_ALASAN = message("KSD408", "alasan")
KSD409 = message("KSD409")
KSD409_BENTUK = message("KSD409", "bentuk")
KSD409_PRAKARSA = message("KSD409", "prakarsa")
KSD410 = {"": message("KSD410"), "ksdpk": message("KSD410", "ksdpk"),
          "luar_negeri": message("KSD410", "luar_negeri")}
KSD411 = message("KSD411")
KSD412 = message("KSD412")
KSD413 = message("KSD413")


def daftar(items: Sequence[str], kata: str = "atau") -> str:
    """"A, B, atau C" as Indonesian lists items."""
    if len(items) <= 2:
        return f" {kata} ".join(items)
    return f"{', '.join(items[:-1])}, {kata} {items[-1]}"


def sebut_daerah(daerah: Sequence[Daerah]) -> str:
    """Names as a letter lists them: "Kabupaten Tanah Laut, Kotabaru, ..., Kota Banjarmasin"."""
    names: list[str] = []
    previous_kabupaten = False
    for d in daerah:
        is_kabupaten = d.jenis == "Kabupaten"
        names.append(d.nama_pendek if is_kabupaten and previous_kabupaten else d.nama_lengkap)
        previous_kabupaten = is_kabupaten
    return daftar(names)


def mitra_wajib_sah(ctx: Context) -> list[Daerah]:
    """The daerah this daerah may cooperate with under kerja sama wajib."""
    wilayah = ctx.referensi.wilayah
    found = wilayah.tetangga(ctx.daerah)
    if ctx.daerah.is_provinsi:
        found = [*found, *wilayah.kabkota_in(ctx.daerah.kode)]
    return found


def _contoh_mitra(ctx: Context) -> Daerah:
    return contoh_mitra(ctx.profil)


@row_rule("KSD402", where=partner_problem)
def mitra_dikenal(row: Row, ctx: Context) -> Iterator[Finding]:
    mitra = row.mitra
    if row.choice("jenis_kerja_sama") not in KSDD or mitra is None or mitra.masalah is None:
        return
    contoh = _contoh_mitra(ctx)
    examples = {"contoh": contoh.nama_lengkap, "contoh_kode": contoh.kode}
    if mitra.masalah == "kode":
        yield KSD402_KODE(at(row, "kode_wilayah_mitra"), nilai=row.shown("kode_wilayah_mitra"),
                          sumber=sumber()["wilayah"]["instrumen"], **examples)
    elif mitra.masalah == "tidak_cocok" and mitra.daerah and mitra.dari_nama:
        yield KSD402_TIDAK_COCOK(
            at(row, "kode_wilayah_mitra"), nilai=row.code("kode_wilayah_mitra"),
            nama_kode=mitra.daerah.nama_lengkap, mitra=row.text("calon_mitra"),
            nama_mitra=mitra.dari_nama.nama_lengkap, kode_mitra=mitra.dari_nama.kode)
    elif mitra.masalah == "ambigu":
        wilayah = ctx.referensi.wilayah
        kandidat = [f"{d.nama_lengkap} ({d.kode}, {wilayah.provinsi_of(d).nama_lengkap})"
                    for d in mitra.kandidat]
        yield KSD402_AMBIGU(at(row, "calon_mitra"), nilai=row.text("calon_mitra"),
                            kandidat=daftar(kandidat))
    elif mitra.masalah == "mirip":
        saran = [f"{d.nama_lengkap} (kode {d.kode})" for d in mitra.kandidat]
        yield KSD402_MIRIP(at(row, "calon_mitra"), nilai=row.text("calon_mitra"),
                           saran=daftar(saran))
    else:
        yield KSD402(at(row, "calon_mitra"), nilai=row.text("calon_mitra"), **examples)


def _partner(row: Row) -> Daerah | None:
    """The resolved daerah partner when it is certain (no KSD402 problem)."""
    mitra = row.mitra
    return mitra.daerah if mitra is not None and mitra.masalah is None else None


def _partner_key(row: Row) -> str:
    """The cell that names the partner: Calon Mitra, or the code when the name is empty."""
    return "kode_wilayah_mitra" if row.blank("calon_mitra") else "calon_mitra"


@row_rule("KSD403", where=partner_known, outranks=("KSD401",))
def bukan_diri_sendiri(row: Row, ctx: Context) -> Iterator[Finding]:
    """Internal cooperation, whatever the kind: said instead of "not bordering" (KSD401)."""
    partner = _partner(row)
    if partner is not None and partner.kode == ctx.daerah.kode:
        pos = at(row, _partner_key(row))
        yield KSD403(pos, nilai=pos.value, daerah=ctx.daerah.nama_lengkap)


@row_rule("KSD401", where=partner_known)
def mitra_berbatasan(row: Row, ctx: Context) -> Iterator[Finding]:
    partner = _partner(row)
    if row.choice("jenis_kerja_sama") != "KSDD Wajib" or partner is None:
        return
    if ctx.referensi.wilayah.pasangan_wajib_sah(ctx.daerah, partner):
        return
    pasangan = partner.is_provinsi != ctx.daerah.is_provinsi
    yield (KSD401_PASANGAN if pasangan else KSD401)(
        at(row, _partner_key(row)), mitra=partner.nama_lengkap, daerah=ctx.daerah.nama_lengkap,
        tetangga=sebut_daerah(mitra_wajib_sah(ctx)))


# The criteria below own their columns: an empty or placeholder cell there is their finding,
# never KSD201 (empty) or KSD206 (placeholder), whether or not the criterion applies to the row.
_CRITERIA_OUTRANK = ("KSD201", "KSD206")


@row_rule("KSD404", where=placeholder_in("eksternalitas", "efisiensi",
                                          among=choice_in("jenis_kerja_sama", KSDD)),
          owns=("eksternalitas", "efisiensi"), outranks=_CRITERIA_OUTRANK)
def eksternalitas_efisiensi(row: Row, ctx: Context) -> Iterator[Finding]:
    jenis = row.choice("jenis_kerja_sama")
    if jenis not in KSDD:
        return
    common = {"daerah": ctx.daerah.nama_lengkap, "mitra": row.nama_mitra(), "jenis": jenis}
    if jenis == "KSDD Wajib" and row.placeholder("eksternalitas"):
        yield KSD404_EKSTERNALITAS(at(row, "eksternalitas"),
                                   keadaan=keadaan(row, "eksternalitas"), **common)
    if row.placeholder("efisiensi"):
        wajib = jenis == "KSDD Wajib"
        alasan = ("Kerja sama wajib mensyaratkan pelayanan publik yang lebih efisien bila "
                  "dikelola bersama" if wajib else "Kerja sama sukarela dilakukan karena "
                  "urusan itu lebih efektif dan efisien bila dilaksanakan bersama")
        yield (KSD404 if wajib else KSD404_SUKARELA)(
            at(row, "efisiensi"), keadaan=keadaan(row, "efisiensi"), alasan=alasan, **common)


@row_rule("KSD405", where=placeholder_in("manfaat_daerah", "manfaat_mitra"),
          owns=("manfaat_daerah", "manfaat_mitra"), outranks=_CRITERIA_OUTRANK)
def saling_menguntungkan(row: Row, ctx: Context) -> Iterator[Finding]:
    sides = (
        ("manfaat_daerah", "Manfaat bagi daerah", ctx.daerah.nama_lengkap,
         "cakupan layanan yang bertambah, biaya yang turun, atau pendapatan daerah yang naik"),
        ("manfaat_mitra", "Manfaat bagi mitra", row.nama_mitra(),
         "biaya layanan yang turun atau cakupan layanan yang bertambah"),
    )
    for key, judul, pihak, contoh in sides:
        if row.placeholder(key):
            yield KSD405(at(row, key), judul=judul, keadaan=keadaan(row, key), pihak=pihak,
                         contoh=contoh)


@row_rule("KSD406", where=placeholder_in("permasalahan", "data_dukung"),
          owns=("permasalahan", "data_dukung"), outranks=_CRITERIA_OUTRANK)
def kebutuhan_nyata(row: Row, ctx: Context) -> Iterator[Finding]:
    for key, said in (("permasalahan", KSD406), ("data_dukung", KSD406_DATA)):
        if row.placeholder(key):
            yield said(at(row, key), keadaan=keadaan(row, key), daerah=ctx.daerah.nama_lengkap)


@row_rule("KSD407", where=choice_in("dalam_perencanaan", ("Tidak",)),
          owns=("alasan_luar_perencanaan",), outranks=("KSD201",))
def dalam_perencanaan(row: Row, ctx: Context) -> Iterator[Finding]:
    key = "alasan_luar_perencanaan"
    if row.choice("dalam_perencanaan") == "Tidak" and row.blank(key):
        yield KSD407(at(row, key), keadaan=keadaan(row, key))


def _no_priority(cols: Columns, ctx: Context) -> list[int]:
    pairs = zip(cols.blank("skala_prioritas"), cols.placeholder("alasan_prioritas"), strict=True)
    return [i for i, (blank, vague) in enumerate(pairs) if blank or vague]


@row_rule("KSD408", where=_no_priority, owns=("skala_prioritas", "alasan_prioritas"),
          outranks=_CRITERIA_OUTRANK)
def skala_prioritas(row: Row, ctx: Context) -> Iterator[Finding]:
    if row.blank("skala_prioritas"):
        yield KSD408(at(row, "skala_prioritas"))
    if row.placeholder("alasan_prioritas"):
        skala = row.choice("skala_prioritas")
        teks = f"berprioritas {skala.lower()}" if skala else "diberi prioritas itu"
        yield KSD408_ALASAN(at(row, "alasan_prioritas"),
                            keadaan=keadaan(row, "alasan_prioritas"), skala=teks)


# Jenis Mitra is not owned: only for a KSDPK is an empty one KSD409 (outranking KSD201 there).
@row_rule("KSD409", where=choice_in("jenis_kerja_sama", ("KSDPK",)),
          owns=("bentuk_ksdpk", "prakarsa"), outranks=("KSD201",))
def ksdpk_lengkap(row: Row, ctx: Context) -> Iterator[Finding]:
    if row.choice("jenis_kerja_sama") != "KSDPK":
        return
    for key, said in (("jenis_mitra", KSD409), ("bentuk_ksdpk", KSD409_BENTUK),
                      ("prakarsa", KSD409_PRAKARSA)):
        if row.blank(key):
            yield said(at(row, key), keadaan=keadaan(row, key))


def perlu_persetujuan_dprd(jenis: str | None, membebani: str | None,
                           dianggarkan: str | None) -> bool:
    """DPRD approval: always abroad; else when the plan burdens the public and the region, or
    its funding is not yet in the current APBD (PP 28/2018 Ps. 6 ayat 2)."""
    return jenis in LUAR_NEGERI or membebani == "Ya" or dianggarkan == "Tidak"


def _dprd_rows(cols: Columns, ctx: Context) -> list[int]:
    return [i for i, need in enumerate(map(perlu_persetujuan_dprd, cols.choice(
        "jenis_kerja_sama"), cols.choice("membebani"), cols.choice("sudah_dianggarkan"))) if need]


def dprd_reasons(row: Row) -> tuple[str, list[str]] | None:
    """(KSD410 variant, reasons) when DPRD approval is needed."""
    jenis = row.choice("jenis_kerja_sama")
    if jenis in LUAR_NEGERI:
        return "luar_negeri", []
    reasons = []
    if row.choice("membebani") == "Ya":
        reasons.append("membebani masyarakat dan daerah")
    if row.choice("sudah_dianggarkan") == "Tidak":
        reasons.append("pendanaannya belum dianggarkan dalam APBD tahun berjalan")
    if not reasons:
        return None
    return ("ksdpk" if jenis == "KSDPK" else ""), reasons


@row_rule("KSD410", where=_dprd_rows)
def persetujuan_dprd(row: Row, ctx: Context) -> Iterator[Finding]:
    found = dprd_reasons(row)
    if found is None:
        return
    variant, reasons = found
    jenis = row.choice("jenis_kerja_sama") or ""
    yield KSD410[variant](at_row(row), alasan=daftar(reasons, "dan"),
                          pihak=PIHAK_LUAR_NEGERI.get(jenis, ""))


@row_rule("KSD411", where=choice_in("jenis_kerja_sama", ("KSDPK",)))
def studi_kelayakan(row: Row, ctx: Context) -> Iterator[Finding]:
    if row.choice("jenis_kerja_sama") != "KSDPK":
        return
    tambahan = {
        "Daerah": " sebagai bagian dari prakarsa daerah (PP 28/2018 Pasal 17)",
        "Mitra": ", dan mintalah mitra melengkapi kesesuaian teknis, kelayakan ekonomi dan "
                 "finansial, serta bukti pendanaannya (PP 28/2018 Pasal 18)",
    }.get(row.choice("prakarsa") or "", "")
    yield KSD411(at_row(row), tambahan=tambahan)


@row_rule("KSD412", where=choice_in("jenis_kerja_sama", LUAR_NEGERI))
def persetujuan_pusat(row: Row, ctx: Context) -> Iterator[Finding]:
    jenis = row.choice("jenis_kerja_sama")
    if jenis in LUAR_NEGERI:
        yield KSD412(at_row(row), jenis=jenis, pihak=PIHAK_LUAR_NEGERI[jenis])


FIT: dict[str, tuple[str, ...]] = {
    "KSDD Wajib": JENIS_MITRA_DAERAH,
    "KSDD Sukarela": JENIS_MITRA_DAERAH,
    "KSDPK": JENIS_MITRA_PIHAK_KETIGA,
    "Sinergi": ("Pemerintah Pusat",),
    "KSDPL": (MITRA_LUAR_NEGERI,),
    "KSDLL": (MITRA_LUAR_NEGERI,),
}
MITRA_SAH = {
    "KSDD Wajib": "daerah lain yang berbatasan",
    "KSDD Sukarela": "daerah lain (provinsi, kabupaten atau kota)",
    "KSDPK": "pihak ketiga, yaitu perseorangan, badan usaha berbadan hukum, atau organisasi "
             "kemasyarakatan",
    "Sinergi": "Pemerintah Pusat dalam sinergi program pusat dan daerah",
    **PIHAK_LUAR_NEGERI,
}
KSD413_BY_JENIS = {jenis: message("KSD413", variant) for jenis, variant in (
    ("KSDPK", "ksdpk"), ("Sinergi", "sinergi"), ("KSDPL", "ksdpl"), ("KSDLL", "ksdll"))}


def _jenis_saran(jenis_mitra: str) -> str:
    if jenis_mitra in JENIS_MITRA_DAERAH:
        return "KSDD Sukarela (atau KSDD Wajib bila berbatasan)"
    if jenis_mitra in JENIS_MITRA_PIHAK_KETIGA:
        return "KSDPK"
    if jenis_mitra == "Pemerintah Pusat":
        return "Sinergi"
    return "KSDPL (pemerintah daerah luar negeri) atau KSDLL (lembaga luar negeri)"


KSD413_TINGKAT = message("KSD413", "tingkat")
JENIS_MITRA_TINGKAT = {True: "Daerah Provinsi", False: "Daerah Kabupaten/Kota"}


def _both_chosen(cols: Columns, ctx: Context) -> list[int]:
    return [i for i, (jenis, mitra) in enumerate(zip(cols.choice("jenis_kerja_sama"), cols.choice(
        "jenis_mitra"), strict=True)) if jenis is not None and mitra is not None]


@row_rule("KSD413", where=_both_chosen)
def mitra_sesuai_jenis(row: Row, ctx: Context) -> Iterator[Finding]:
    jenis, jenis_mitra = row.choice("jenis_kerja_sama"), row.choice("jenis_mitra")
    if jenis is None or jenis_mitra is None:
        return
    if jenis_mitra in FIT[jenis]:
        yield from _tingkat_mitra(row, jenis_mitra)
        return
    yield KSD413_BY_JENIS.get(jenis, KSD413)(
        at(row, "jenis_mitra"), nilai=jenis_mitra, jenis=jenis, mitra_sah=MITRA_SAH[jenis],
        jenis_mitra=jenis_mitra.lower(), jenis_saran=_jenis_saran(jenis_mitra),
        pilihan=daftar(FIT[jenis]))


def _tingkat_mitra(row: Row, jenis_mitra: str) -> Iterator[Finding]:
    """A daerah partner whose level is not the Jenis Mitra written (a provinsi entered as
    `Daerah Kabupaten/Kota`, or a kabupaten/kota as `Daerah Provinsi`)."""
    partner = _partner(row)
    if partner is None or jenis_mitra not in JENIS_MITRA_DAERAH:
        return
    benar = JENIS_MITRA_TINGKAT[partner.is_provinsi]
    if jenis_mitra != benar:
        yield KSD413_TINGKAT(at(row, "jenis_mitra"), nilai=jenis_mitra,
                             mitra=partner.nama_lengkap, tingkat=partner.jenis_tingkat,
                             benar=benar)
