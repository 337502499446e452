"""KSD4xx: what the law asks of an usulan (PP 28/2018, UU 23/2014, Permendagri 22/2020)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pemetaan_ksd.contract import JENIS_MITRA_DAERAH, JENIS_MITRA_PIHAK_KETIGA, KSDD
from pemetaan_ksd.mitra_contoh import contoh_mitra
from pemetaan_ksd.model import Finding
from pemetaan_ksd.reference import Daerah, sumber
from pemetaan_ksd.rules.registry import at, at_row, finding, keadaan, row_rule
from pemetaan_ksd.rules.view import Konteks, RowView
from pemetaan_ksd.values import is_placeholder

LUAR_NEGERI = ("KSDPL", "KSDLL")
MITRA_LUAR_NEGERI = "Lembaga/Pemerintah Daerah Luar Negeri"
PIHAK_LUAR_NEGERI = {"KSDPL": "pemerintah daerah di luar negeri", "KSDLL": "lembaga di luar negeri"}


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


def mitra_wajib_sah(ctx: Konteks) -> list[Daerah]:
    """The daerah this daerah may cooperate with under kerja sama wajib."""
    wilayah = ctx.referensi.wilayah
    found = wilayah.tetangga(ctx.daerah)
    if ctx.daerah.is_provinsi:
        found = [*found, *wilayah.kabkota_in(ctx.daerah.kode)]
    return found


def _contoh_mitra(ctx: Konteks) -> Daerah:
    return contoh_mitra(ctx.profil)


@row_rule("KSD402")
def mitra_dikenal(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    mitra = view.mitra
    if view.choice("jenis_kerja_sama") not in KSDD or mitra is None or mitra.masalah is None:
        return
    contoh = _contoh_mitra(ctx)
    examples = {"contoh": contoh.nama_lengkap, "contoh_kode": contoh.kode}
    if mitra.masalah == "kode":
        yield finding("KSD402", at(view, "kode_wilayah_mitra"), "kode",
                      nilai=view.shown("kode_wilayah_mitra"),
                      sumber=sumber()["wilayah"]["instrumen"], **examples)
    elif mitra.masalah == "tidak_cocok" and mitra.daerah and mitra.dari_nama:
        yield finding("KSD402", at(view, "kode_wilayah_mitra"), "tidak_cocok",
                      nilai=view.code("kode_wilayah_mitra"), nama_kode=mitra.daerah.nama_lengkap,
                      mitra=view.text("calon_mitra"), nama_mitra=mitra.dari_nama.nama_lengkap,
                      kode_mitra=mitra.dari_nama.kode)
    elif mitra.masalah == "ambigu":
        wilayah = ctx.referensi.wilayah
        kandidat = [f"{d.nama_lengkap} ({d.kode}, {wilayah.provinsi_of(d).nama_lengkap})"
                    for d in mitra.kandidat]
        yield finding("KSD402", at(view, "calon_mitra"), "ambigu",
                      nilai=view.text("calon_mitra"), kandidat=daftar(kandidat))
    else:
        yield finding("KSD402", at(view, "calon_mitra"), nilai=view.text("calon_mitra"),
                      **examples)


def _partner(view: RowView) -> Daerah | None:
    """The resolved daerah partner when it is certain (no KSD402 problem)."""
    mitra = view.mitra
    return mitra.daerah if mitra is not None and mitra.masalah is None else None


def _partner_key(view: RowView) -> str:
    """The cell that names the partner: Calon Mitra, or the code when the name is empty."""
    return "kode_wilayah_mitra" if view.blank("calon_mitra") else "calon_mitra"


@row_rule("KSD403")
def bukan_diri_sendiri(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    partner = _partner(view)
    if partner is not None and partner.kode == ctx.daerah.kode:
        pos = at(view, _partner_key(view))
        yield finding("KSD403", pos, nilai=pos.value, daerah=ctx.daerah.nama_lengkap)


@row_rule("KSD401")
def mitra_berbatasan(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    partner = _partner(view)
    if view.choice("jenis_kerja_sama") != "KSDD Wajib" or partner is None:
        return
    wilayah = ctx.referensi.wilayah
    if partner.kode == ctx.daerah.kode or wilayah.pasangan_wajib_sah(ctx.daerah, partner):
        return
    variant = "pasangan" if partner.is_provinsi != ctx.daerah.is_provinsi else ""
    yield finding("KSD401", at(view, _partner_key(view)), variant, mitra=partner.nama_lengkap,
                  daerah=ctx.daerah.nama_lengkap, tetangga=sebut_daerah(mitra_wajib_sah(ctx)))


@row_rule("KSD404")
def eksternalitas_efisiensi(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    jenis = view.choice("jenis_kerja_sama")
    if jenis not in KSDD:
        return
    common = {"daerah": ctx.daerah.nama_lengkap, "mitra": view.nama_mitra(), "jenis": jenis}
    if jenis == "KSDD Wajib" and is_placeholder(view.text("eksternalitas")):
        yield finding("KSD404", at(view, "eksternalitas"), "eksternalitas",
                      keadaan=keadaan(view, "eksternalitas"), **common)
    if is_placeholder(view.text("efisiensi")):
        wajib = jenis == "KSDD Wajib"
        alasan = ("Kerja sama wajib mensyaratkan pelayanan publik yang lebih efisien bila "
                  "dikelola bersama" if wajib else "Kerja sama sukarela dilakukan karena "
                  "urusan itu lebih efektif dan efisien bila dilaksanakan bersama")
        yield finding("KSD404", at(view, "efisiensi"), "" if wajib else "sukarela",
                      keadaan=keadaan(view, "efisiensi"), alasan=alasan, **common)


@row_rule("KSD405")
def saling_menguntungkan(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    sides = (
        ("manfaat_daerah", "Manfaat bagi daerah", ctx.daerah.nama_lengkap,
         "cakupan layanan yang bertambah, biaya yang turun, atau pendapatan daerah yang naik"),
        ("manfaat_mitra", "Manfaat bagi mitra", view.nama_mitra(),
         "biaya layanan yang turun atau cakupan layanan yang bertambah"),
    )
    for key, judul, pihak, contoh in sides:
        if is_placeholder(view.text(key)):
            yield finding("KSD405", at(view, key), judul=judul, keadaan=keadaan(view, key),
                          pihak=pihak, contoh=contoh)


@row_rule("KSD406")
def kebutuhan_nyata(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    for key, variant in (("permasalahan", ""), ("data_dukung", "data")):
        if is_placeholder(view.text(key)):
            yield finding("KSD406", at(view, key), variant, keadaan=keadaan(view, key),
                          daerah=ctx.daerah.nama_lengkap)


@row_rule("KSD407")
def dalam_perencanaan(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    key = "alasan_luar_perencanaan"
    if view.choice("dalam_perencanaan") == "Tidak" and view.blank(key):
        yield finding("KSD407", at(view, key), keadaan=keadaan(view, key))


@row_rule("KSD408")
def skala_prioritas(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    if view.blank("skala_prioritas"):
        yield finding("KSD408", at(view, "skala_prioritas"))
    if is_placeholder(view.text("alasan_prioritas")):
        skala = view.choice("skala_prioritas")
        teks = f"berprioritas {skala.lower()}" if skala else "diberi prioritas itu"
        yield finding("KSD408", at(view, "alasan_prioritas"), "alasan",
                      keadaan=keadaan(view, "alasan_prioritas"), skala=teks)


@row_rule("KSD409")
def ksdpk_lengkap(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    if view.choice("jenis_kerja_sama") != "KSDPK":
        return
    for key, variant in (("jenis_mitra", ""), ("bentuk_ksdpk", "bentuk"), ("prakarsa", "prakarsa")):
        if view.blank(key):
            yield finding("KSD409", at(view, key), variant, keadaan=keadaan(view, key))


def dprd_reasons(view: RowView) -> tuple[str, list[str]] | None:
    """(KSD410 variant, reasons) when DPRD approval is needed (PP 28/2018 Ps. 6 ayat 2)."""
    jenis = view.choice("jenis_kerja_sama")
    if jenis in LUAR_NEGERI:
        return "luar_negeri", []
    reasons = []
    if view.choice("membebani") == "Ya":
        reasons.append("membebani masyarakat dan daerah")
    if view.choice("sudah_dianggarkan") == "Tidak":
        reasons.append("pendanaannya belum dianggarkan dalam APBD tahun berjalan")
    if not reasons:
        return None
    return ("ksdpk" if jenis == "KSDPK" else ""), reasons


def perlu_persetujuan_dprd(view: RowView) -> bool:
    return dprd_reasons(view) is not None


@row_rule("KSD410")
def persetujuan_dprd(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    found = dprd_reasons(view)
    if found is None:
        return
    variant, reasons = found
    jenis = view.choice("jenis_kerja_sama") or ""
    yield finding("KSD410", at_row(view), variant, alasan=daftar(reasons, "dan"),
                  pihak=PIHAK_LUAR_NEGERI.get(jenis, ""))


@row_rule("KSD411")
def studi_kelayakan(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    if view.choice("jenis_kerja_sama") != "KSDPK":
        return
    tambahan = {
        "Daerah": " sebagai bagian dari prakarsa daerah (PP 28/2018 Pasal 17)",
        "Mitra": ", dan mintalah mitra melengkapi kesesuaian teknis, kelayakan ekonomi dan "
                 "finansial, serta bukti pendanaannya (PP 28/2018 Pasal 18)",
    }.get(view.choice("prakarsa") or "", "")
    yield finding("KSD411", at_row(view), tambahan=tambahan)


@row_rule("KSD412")
def persetujuan_pusat(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    jenis = view.choice("jenis_kerja_sama")
    if jenis in LUAR_NEGERI:
        yield finding("KSD412", at_row(view), jenis=jenis, pihak=PIHAK_LUAR_NEGERI[jenis])


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
VARIANT_413 = {"KSDPK": "ksdpk", "Sinergi": "sinergi", "KSDPL": "ksdpl", "KSDLL": "ksdll"}


def _jenis_saran(jenis_mitra: str) -> str:
    if jenis_mitra in JENIS_MITRA_DAERAH:
        return "KSDD Sukarela (atau KSDD Wajib bila berbatasan)"
    if jenis_mitra in JENIS_MITRA_PIHAK_KETIGA:
        return "KSDPK"
    if jenis_mitra == "Pemerintah Pusat":
        return "Sinergi"
    return "KSDPL (pemerintah daerah luar negeri) atau KSDLL (lembaga luar negeri)"


@row_rule("KSD413")
def mitra_sesuai_jenis(view: RowView, ctx: Konteks) -> Iterator[Finding]:
    jenis, jenis_mitra = view.choice("jenis_kerja_sama"), view.choice("jenis_mitra")
    if jenis is None or jenis_mitra is None or jenis_mitra in FIT[jenis]:
        return
    yield finding("KSD413", at(view, "jenis_mitra"), VARIANT_413.get(jenis, ""),
                  nilai=jenis_mitra, jenis=jenis, mitra_sah=MITRA_SAH[jenis],
                  jenis_mitra=jenis_mitra.lower(), jenis_saran=_jenis_saran(jenis_mitra),
                  pilihan=daftar(FIT[jenis]))
