"""KSD2xx: each cell filled as the template asks: required, a choice, an amount, a year.

Most of these judge one cell at a time (`cell_rule`) over every column of a kind; the engine
leaves out the columns a more specific rule owns (KSD404-KSD409 declare theirs).
"""

from __future__ import annotations

from collections.abc import Iterator

from pemetaan_ksd import contract
from pemetaan_ksd.contract import MIN_SUBSTANTIVE_WORDS, TAHUN_MAX, TAHUN_MIN, Kind
from pemetaan_ksd.model import Finding
from pemetaan_ksd.rules.columns import Columns, Row, true_at
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.registry import at, cell_rule, keadaan, message, row_rule
from pemetaan_ksd.values import (
    amount_hint,
    format_rupiah,
    match_choice,
    parse_year_range,
)


def _of_kind(*kinds: Kind) -> tuple[str, ...]:
    return tuple(c.key for c in contract.COLUMNS if c.kind in kinds)


KSD201 = message("KSD201")
KSD201_GALAT = message("KSD201", "galat")
KSD201_DOKUMEN = message("KSD201", "dokumen")
KSD202 = message("KSD202")
KSD202_SARAN = message("KSD202", "saran")
KSD202_GANDA = message("KSD202", "ganda")
KSD203 = message("KSD203")
KSD203_NEGATIF = message("KSD203", "negatif")
KSD203_SARAN = message("KSD203", "saran")
KSD203_KECIL = message("KSD203", "kecil")
KSD203_BESAR = message("KSD203", "besar")
KSD204 = message("KSD204")
KSD204_URUTAN = message("KSD204", "urutan")
KSD204_RENTANG = message("KSD204", "rentang")
KSD418 = message("KSD418")

# An amount per year outside these bounds was most likely written without its unit ("1,5" for
# 1,5 miliar) or with digits too many: KSD203 asks. 0 stays valid (no budget needed).
ANGGARAN_MIN = 10_000
ANGGARAN_MAX = 10_000_000_000_000
KSD205 = message("KSD205")
KSD206 = message("KSD206")
KSD206_BY_COLUMN = {"objek": message("KSD206", "objek"), "potensi": message("KSD206", "potensi")}

# Words in a mistyped choice that say which choice was meant (suggestions only).
ALIASES: dict[str, dict[str, str]] = {
    "jenis_kerja_sama": {
        "wajib": "KSDD Wajib", "sukarela": "KSDD Sukarela", "pihak ketiga": "KSDPK",
        "luar negeri": "KSDLL",
    },
    "jenis_mitra": {
        "pt": "Badan Usaha Berbadan Hukum", "bumn": "Badan Usaha Berbadan Hukum",
        "bumd": "Badan Usaha Berbadan Hukum", "swasta": "Badan Usaha Berbadan Hukum",
        "perusahaan": "Badan Usaha Berbadan Hukum", "koperasi": "Badan Usaha Berbadan Hukum",
        "ormas": "Organisasi Kemasyarakatan", "lsm": "Organisasi Kemasyarakatan",
        "yayasan": "Organisasi Kemasyarakatan", "perorangan": "Perseorangan",
        "kementerian": "Pemerintah Pusat", "pusat": "Pemerintah Pusat",
        "provinsi": "Daerah Provinsi", "kabupaten": "Daerah Kabupaten/Kota",
        "kota": "Daerah Kabupaten/Kota",
    },
}


def _errors(cols: Columns, key: str, ctx: Context) -> list[int]:
    return true_at(cols.error(key))


def _blanks(cols: Columns, key: str, ctx: Context) -> list[int]:
    return true_at(cols.blank(key))


@cell_rule("KSD205", over=tuple(contract.COLUMN_BY_KEY), where=_errors, yields=True)
def galat_spreadsheet(row: Row, key: str, ctx: Context) -> Finding | None:
    """A `#REF!` cell, when no other rule speaks about it (else its note joins theirs)."""
    return KSD205(at(row, key), nilai=row.shown(key)) if row.is_error(key) else None


def _isi(key: str) -> str:
    col = contract.column(key)
    if col.choices:
        return f"{col.hint} Pilihan: {', '.join(col.choices)}."
    return col.hint


@cell_rule("KSD201", over=contract.REQUIRED_KEYS, where=_blanks, outranks=("KSD205",))
def wajib_diisi(row: Row, key: str, ctx: Context) -> Finding | None:
    """A required cell that is empty; one holding a spreadsheet error (`#N/A`) says so itself,
    so KSD205 falls silent there instead of adding its note."""
    if not row.blank(key):
        return None
    if row.is_error(key):
        return KSD201_GALAT(at(row, key), kolom=row.header(key), nilai=row.shown(key),
                            isi=_isi(key))
    return KSD201(at(row, key), kolom=row.header(key), keadaan=keadaan(row, key), isi=_isi(key))


def _planned_without_document(cols: Columns, ctx: Context) -> list[int]:
    pairs = zip(cols.choice("dalam_perencanaan"), cols.blank("dokumen_perencanaan"), strict=True)
    return [i for i, (choice, blank) in enumerate(pairs) if choice == "Ya" and blank]


@row_rule("KSD201", where=_planned_without_document)
def dokumen_acuan(row: Row, ctx: Context) -> Iterator[Finding]:
    """Dokumen Perencanaan Acuan is required when the usulan is in the planning documents."""
    if row.choice("dalam_perencanaan") == "Ya" and row.blank("dokumen_perencanaan"):
        yield KSD201_DOKUMEN(at(row, "dokumen_perencanaan"),
                             keadaan=keadaan(row, "dokumen_perencanaan"), tahun=ctx.tahun)


def _not_a_choice(cols: Columns, key: str, ctx: Context) -> list[int]:
    blank = cols.blank(key)
    if contract.column(key).kind is Kind.MULTI_CHOICE:
        return [i for i, (_, bad) in enumerate(cols.multi(key)) if bad and not blank[i]]
    return [i for i, choice in enumerate(cols.choice(key)) if choice is None and not blank[i]]


@cell_rule("KSD202", over=_of_kind(Kind.CHOICE, Kind.MULTI_CHOICE), where=_not_a_choice)
def pilihan(row: Row, key: str, ctx: Context) -> Finding | None:
    col = contract.column(key)
    if col.kind is Kind.MULTI_CHOICE:
        return _pilihan_ganda(row, key)
    if row.blank(key) or row.choice(key) is not None:
        return None
    _, saran = match_choice(row.raw(key), col.choices, ALIASES.get(key))
    return (KSD202_SARAN if saran else KSD202)(
        at(row, key), nilai=row.shown(key), kolom=col.header, saran=saran,
        pilihan=", ".join(col.choices))


def _pilihan_ganda(row: Row, key: str) -> Finding | None:
    col = contract.column(key)
    if row.blank(key):  # "-" in Sumber Pendanaan is an empty optional cell
        return None
    _, bad = row.multi(key)
    if not bad:
        return None
    bagian = ", ".join(f"\"{part}\"" for part, _ in bad)
    saran = [f"\"{s}\"" for _, s in bad if s]
    saran_teks = f" (maksud Anda {', '.join(saran)}?)" if saran else ""
    return KSD202_GANDA(at(row, key), bagian=bagian, kolom=col.header, saran=saran_teks,
                        pilihan=", ".join(col.choices))


def _odd_amount(cols: Columns, key: str, ctx: Context) -> list[int]:
    blank = cols.blank(key)
    return [i for i, amount in enumerate(cols.amount(key)) if not blank[i] and (
        amount is None or not (amount == 0 or ANGGARAN_MIN <= amount <= ANGGARAN_MAX))]


@cell_rule("KSD203", over=_of_kind(Kind.AMOUNT), where=_odd_amount)
def anggaran(row: Row, key: str, ctx: Context) -> Finding | None:
    if row.blank(key):
        return None
    amount = row.amount(key)
    if amount is None:
        hint = amount_hint(row.raw(key))
        if hint is not None:
            return KSD203_SARAN(at(row, key), nilai=row.shown(key), saran=f"{hint:.0f}",
                                rupiah=format_rupiah(hint))
        return KSD203(at(row, key), nilai=row.shown(key))
    if amount < 0:
        return KSD203_NEGATIF(at(row, key), nilai=row.shown(key))
    if 0 < amount < ANGGARAN_MIN:
        return KSD203_KECIL(at(row, key), nilai=row.shown(key), rupiah=format_rupiah(amount),
                            batas=format_rupiah(ANGGARAN_MIN))
    if amount > ANGGARAN_MAX:
        return KSD203_BESAR(at(row, key), nilai=row.shown(key), rupiah=format_rupiah(amount),
                            batas="Rp 10 triliun")
    return None


def _year_ok(year: int | None) -> bool:
    return year is not None and TAHUN_MIN <= year <= TAHUN_MAX


def _odd_year(cols: Columns, key: str, ctx: Context) -> list[int]:
    blank = cols.blank(key)
    return [i for i, year in enumerate(cols.year(key)) if not blank[i] and not _year_ok(year)]


@cell_rule("KSD204", over=_of_kind(Kind.YEAR), where=_odd_year)
def tahun(row: Row, key: str, ctx: Context) -> Finding | None:
    if row.blank(key) or _year_ok(row.year(key)):
        return None
    rentang = parse_year_range(row.raw(key))
    if rentang is not None and all(_year_ok(y) for y in rentang):
        return KSD204_RENTANG(at(row, key), nilai=row.shown(key), kolom=row.header(key),
                              mulai=rentang[0], selesai=rentang[1])
    return KSD204(at(row, key), nilai=row.shown(key), kolom=row.header(key), min=TAHUN_MIN,
                  max=TAHUN_MAX, tahun=ctx.tahun)


def _years_reversed(cols: Columns, ctx: Context) -> list[int]:
    pairs = zip(cols.year("tahun_mulai"), cols.year("tahun_selesai"), strict=True)
    return [i for i, (mulai, selesai) in enumerate(pairs)
            if mulai is not None and selesai is not None and mulai > selesai]


@row_rule("KSD204", where=_years_reversed)
def urutan_tahun(row: Row, ctx: Context) -> Iterator[Finding]:
    mulai, selesai = row.year("tahun_mulai"), row.year("tahun_selesai")
    if mulai is not None and selesai is not None and _year_ok(mulai) and _year_ok(selesai) \
            and mulai > selesai:
        yield KSD204_URUTAN(at(row, "tahun_mulai"), mulai=mulai, selesai=selesai)


def _vague(cols: Columns, key: str, ctx: Context) -> list[int]:
    text = cols.text(key)
    return [i for i, vague in enumerate(cols.placeholder(key)) if vague and text[i] is not None]


@cell_rule("KSD206", over=_of_kind(Kind.SUBSTANTIVE), where=_vague)
def uraian_substantif(row: Row, key: str, ctx: Context) -> Finding | None:
    """A placeholder in a substantive column that no criterion of KSD404-KSD408 owns."""
    if row.text(key) is None or not row.placeholder(key):
        return None
    return KSD206_BY_COLUMN.get(key, KSD206)(
        at(row, key), kolom=row.header(key), keadaan=keadaan(row, key),
        min_kata=MIN_SUBSTANTIVE_WORDS, daerah=ctx.daerah.nama_lengkap)


def _ended(cols: Columns, ctx: Context) -> list[int]:
    return [i for i, selesai in enumerate(cols.year("tahun_selesai"))
            if selesai is not None and selesai < ctx.tahun]


@row_rule("KSD418", where=_ended)
def sudah_berakhir(row: Row, ctx: Context) -> Iterator[Finding]:
    """An usulan whose years end before the year being consolidated, on its Tahun Selesai."""
    mulai, selesai = row.year("tahun_mulai"), row.year("tahun_selesai")
    if selesai is None or not _year_ok(selesai) or selesai >= ctx.tahun:
        return
    if mulai is not None and _year_ok(mulai) and mulai > selesai:
        return  # KSD204 speaks: the years are in the wrong order, not over
    yield KSD418(at(row, "tahun_selesai"), selesai=selesai, tahun=ctx.tahun)
