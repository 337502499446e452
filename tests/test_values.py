"""values.py: reading cell values the way the clerk meant them."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pemetaan_ksd.contract import JENIS_KERJA_SAMA, JENIS_MITRA, SKALA_PRIORITAS, SUMBER_PENDANAAN
from pemetaan_ksd.model import CellError, CellValue
from pemetaan_ksd.values import (
    amount_hint,
    content_of,
    format_rupiah,
    is_placeholder,
    match_choice,
    name_key,
    parse_amount,
    parse_code,
    parse_date,
    parse_year,
    parse_year_range,
    split_multi,
    text_of,
    word_key,
)


@pytest.mark.parametrize(("value", "expected"), [
    (None, None),
    ("", None),
    ("  \u00a0 ", None),
    (2025.0, "2025"),
    (1.5, "1.5"),
    (7, "7"),
    (True, "Ya"),
    (False, "Tidak"),
    (dt.date(2025, 3, 1), "2025-03-01"),
    (dt.datetime(2025, 3, 1), "2025-03-01"),
    (dt.datetime(2025, 3, 1, 9, 30), "2025-03-01T09:30:00"),
    ("  Kota\u00a0Banjarbaru \n", "Kota Banjarbaru"),
    (CellError("#REF!"), "#REF!"),
])
def test_text_of(value: CellValue, expected: str | None) -> None:
    assert text_of(value) == expected


def test_content_of_treats_error_values_as_empty() -> None:
    assert content_of(CellError("#N/A")) is None
    assert content_of("Ya") == "Ya"


@pytest.mark.parametrize(("value", "expected"), [
    ("1.02", "1.02"),
    ("1.02 - Kesehatan", "1.02"),
    ("1.02 Kesehatan", "1.02"),
    (" 1. 02 .02\u00a0", "1.02.02"),
    ("1.02.02.2.01 Penyediaan Fasilitas", "1.02.02.2.01"),
    ("1.02.02.2.01.", "1.02.02.2.01"),
    ("x.xx.01", "X.XX.01"),
    ("2,10", "2.10"),
    (1.02, "1.02"),
    (2.1, "2.10"),
    (3.3, "3.30"),
    (63.71, "63.71"),
    (63.0, "63"),
    (1, "1"),
    ("Kesehatan", "Kesehatan"),
    (None, None),
    ("  ", None),
    (CellError("#REF!"), None),
])
def test_parse_code(value: CellValue, expected: str | None) -> None:
    assert parse_code(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (2025, 2025),
    (2025.0, 2025),
    ("2025", 2025),
    (" 2025 ", 2025),
    ("2025.0", 2025),
    (dt.date(2025, 3, 1), 2025),
    (dt.datetime(2026, 1, 1, 8, 0), 2026),
    (dt.date(1905, 7, 17), 2025),  # 2025 typed into a date-formatted cell (serial 2025)
    (2025.5, None),
    ("dua ribu dua lima", None),
    ("2025/2026", None),
    (20255, None),
    (25, None),
    (None, None),
    (True, None),
    (CellError("#VALUE!"), None),
])
def test_parse_year(value: CellValue, expected: int | None) -> None:
    assert parse_year(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (dt.date(2025, 2, 14), dt.date(2025, 2, 14)),
    (dt.datetime(2025, 2, 14, 10, 0), dt.date(2025, 2, 14)),
    ("2025-02-14", dt.date(2025, 2, 14)),
    ("14/02/2025", dt.date(2025, 2, 14)),
    ("14-2-2025", dt.date(2025, 2, 14)),
    ("14 Februari 2025", dt.date(2025, 2, 14)),
    (45702.0, dt.date(2025, 2, 14)),
    ("31/02/2025", None),
    ("kemarin", None),
    (None, None),
])
def test_parse_date(value: CellValue, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("Rp 1.500.000,00", 1500000.0),
    ("Rp1.500.000", 1500000.0),
    ("Rp. 1.500.000,-", 1500000.0),
    ("IDR 2.000.000", 2000000.0),
    ("1,500,000", 1500000.0),
    ("1,500,000.50", 1500000.5),
    ("1.500", 1500.0),
    ("1,5", 1.5),
    ("1500000,00", 1500000.0),
    ("1500000", 1500000.0),
    ("1.5e9", 1500000000.0),
    (1.5e9, 1500000000.0),
    (250000000, 250000000.0),
    ("0", 0.0),
    ("-Rp 1.000", -1000.0),
    ("Rp -1.000", -1000.0),
    ("satu setengah miliar", None),
    ("1,5 M", 1500000000.0),
    ("Rp 1,5 M", 1500000000.0),
    ("Rp1,5M", 1500000000.0),
    ("1,5 miliar", 1500000000.0),
    ("1,5 milyar", 1500000000.0),
    ("1,5 Miliar", 1500000000.0),
    ("1,1 M", 1100000000.0),
    ("500 juta", 500000000.0),
    ("500 jt", 500000000.0),
    ("Rp. 500 juta,-", 500000000.0),
    ("750 ribu", 750000.0),
    ("750 rb", 750000.0),
    ("2 T", 2000000000000.0),
    ("2 triliun", 2000000000000.0),
    ("1.500 juta", 1500000000.0),
    ("1.500.000", 1500000.0),
    ("-1,5 M", -1500000000.0),
    ("1.5", 1.5),
    ("1e30", 1e30),
    ("1,5 M rupiah", None),
    ("1,5 X", None),
    ("M", None),
    ("1-2 M", None),
    ("12.34.567", None),
    ("1.000.000,00,00", None),
    ("Rp", None),
    ("-", None),
    ("", None),
    (None, None),
    (True, None),
    (CellError("#DIV/0!"), None),
    (float("nan"), None),
])
def test_parse_amount(value: CellValue, expected: float | None) -> None:
    assert parse_amount(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("1,5 M rupiah", 1500000000.0),
    ("± Rp 1,5 M per tahun", 1500000000.0),
    ("kurang lebih 500 juta", 500000000.0),
    ("500.000.000 (lima ratus juta)", 500000000.0),
    ("Rp 250.000.000/tahun", 250000000.0),
    ("satu setengah miliar", 1500000000.0),
    ("lima ratus juta rupiah", 500000000.0),
    ("dua ratus lima puluh juta", 250000000.0),
    ("dua belas juta lima ratus ribu", 12500000.0),
    ("1-2 M", None),
    ("antara 1 M dan 2 M", None),
    ("belum dihitung", None),
    ("1,5 M", None),  # read as it is: no hint needed
    (None, None),
])
def test_amount_hint_names_the_number_an_unreadable_amount_could_mean(
        value: CellValue, expected: float | None) -> None:
    assert amount_hint(value) == expected


@pytest.mark.parametrize(("amount", "expected"), [
    (1500000000.0, "Rp 1.500.000.000"), (1.5, "Rp 1,5"), (0.0, "Rp 0"),
    (1234.56, "Rp 1.234,56"), (1e30, "Rp 1 x 10^30"),
])
def test_format_rupiah(amount: float, expected: str) -> None:
    assert format_rupiah(amount) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-2027", (2025, 2027)), ("2025/2026", (2025, 2026)), ("2025 \u2013 2027", (2025, 2027)),
    ("2025 s.d. 2027", (2025, 2027)), ("2025 s/d 2027", (2025, 2027)),
    ("2025 sampai 2027", (2025, 2027)), ("2025", None), (2025.0, None), ("2025-03-01", None),
])
def test_parse_year_range(value: CellValue, expected: tuple[int, int] | None) -> None:
    assert parse_year_range(value) == expected


@pytest.mark.parametrize(("value", "choices", "expected"), [
    ("KSDD Sukarela", JENIS_KERJA_SAMA, ("KSDD Sukarela", None)),
    ("  ksdd   SUKARELA ", JENIS_KERJA_SAMA, ("KSDD Sukarela", None)),
    ("KSDD sukarelaa", JENIS_KERJA_SAMA, (None, "KSDD Sukarela")),
    ("KSDD Sukarelaa", JENIS_KERJA_SAMA, (None, "KSDD Sukarela")),
    ("tingi", SKALA_PRIORITAS, (None, "Tinggi")),
    ("Badan Usaha", JENIS_MITRA, (None, "Badan Usaha Berbadan Hukum")),
    ("KSDD", JENIS_KERJA_SAMA, (None, None)),  # two choices start so: no guess
    ("sangat mendesak", SKALA_PRIORITAS, (None, None)),
    (None, SKALA_PRIORITAS, (None, None)),
    (CellError("#N/A"), SKALA_PRIORITAS, (None, None)),
])
def test_match_choice(value: CellValue, choices: tuple[str, ...],
                      expected: tuple[str | None, str | None]) -> None:
    assert match_choice(value, choices) == expected


def test_match_choice_aliases_only_suggest() -> None:
    aliases = {"swasta": "Badan Usaha Berbadan Hukum"}
    assert match_choice("Perusahaan swasta", JENIS_MITRA, aliases) == (
        None, "Badan Usaha Berbadan Hukum")


def test_split_multi() -> None:
    assert split_multi("APBD; apbn, Pihak ketiga,, APBD", SUMBER_PENDANAAN) == (
        ("APBD", "APBN", "Pihak Ketiga"), [])
    assert split_multi("APBD Mitra; APBDD; dana desa", SUMBER_PENDANAAN) == (
        ("APBD Mitra",), [("APBDD", "APBD"), ("dana desa", None)])
    assert split_multi(None, SUMBER_PENDANAAN) == ((), [])


@pytest.mark.parametrize(("text", "expected"), [
    (None, True),
    ("", True),
    ("-", True),
    ("Tidak ada", True),
    ("SDA", True),
    ("idem", True),
    ("...", True),
    ("n/a", True),
    ("0", True),
    ("Sangat penting", True),  # two words
    ("- - -", True),
    ("Biaya layanan turun", False),
    ("Cakupan air minum 61,2% (BPS 2024)", False),
    # CONTRACT section 1: every placeholder listed, whatever its number of words.
    ("belum ada data", True),
    ("Belum ada data.", True),
    ("tidak ada data", True),
    ("Tidak Ada Data", True),
    ("belum ada", True),
    ("menyusul", True),
    ("Menyusul.", True),
    ("akan dilengkapi", True),
    ("lihat lampiran", True),
    ("Data belum tersedia", True),
    ("Belum ada data pembanding di wilayah ini", False),
])
def test_is_placeholder(text: str | None, expected: bool) -> None:
    assert is_placeholder(text) is expected


def test_name_key_tolerates_pdf_artefacts() -> None:
    assert name_key("Produk Hukum danPengelolaan Informasi") == name_key(
        "produk hukum dan pengelolaan  informasi.")


_NOT_ALNUM_RE = re.compile(r"[\W_]+")
_NON_WORD_RE = re.compile(r"[^\w]+")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(string.printable + "éÄ\u00a0\u200b_ı"), max_size=20))
def test_name_keys_by_table_equal_the_regular_expressions(text: str) -> None:
    assert name_key(text) == _NOT_ALNUM_RE.sub("", text.casefold())
    assert word_key(text) == " ".join(_NON_WORD_RE.sub(" ", text.casefold()).split())


@pytest.mark.parametrize("text", ["9" * 400, "9" * 300 + " T", "Rp " + "9" * 320 + " juta"])
def test_a_number_no_float_holds_is_no_amount(text: str) -> None:
    assert parse_amount(text) is None and amount_hint(text) is None
    assert amount_hint(f"kira-kira {text} per tahun") is None
