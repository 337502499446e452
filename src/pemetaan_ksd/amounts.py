"""Reading amounts of rupiah the way Indonesians write them (CONTRACT section 1).

"Rp 1.500.000,00", "1.500.000", "1,5 M", "1,5 miliar", "500 juta", "750 ribu", "2 T" are read as
the numbers they mean (`parse_amount`); a cell that is not a number but holds one
("1,5 M rupiah", "satu setengah miliar") names it (`amount_hint`). values.py re-exports these.
"""

from __future__ import annotations

import math
import re

from pemetaan_ksd.model import CellError, CellValue

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff]+")


def _clean(text: str) -> str:
    return " ".join(_SPACES.sub(" ", text).split())


# Units of rupiah as clerks write them after a number ("1,5 M", "500 juta", "750 rb").
AMOUNT_UNITS: dict[str, float] = {
    "ribu": 1e3, "rb": 1e3, "rbu": 1e3, "k": 1e3,
    "juta": 1e6, "jt": 1e6, "jta": 1e6,
    "miliar": 1e9, "milyar": 1e9, "milyard": 1e9, "miliard": 1e9, "mlr": 1e9, "mly": 1e9,
    "m": 1e9,
    "triliun": 1e12, "trilyun": 1e12, "trilliun": 1e12, "t": 1e12,
}
_UNIT = "|".join(sorted((re.escape(u) for u in AMOUNT_UNITS), key=len, reverse=True))
_AMOUNT_TEXT = re.compile(
    rf"(?P<sign>[+-]?)(?:rp\.?|idr)?(?P<sign2>[+-]?)(?P<number>\d[\d.,]*(?:[eE][+-]?\d+)?)"
    rf"(?P<unit>{_UNIT})?\.?(?:[.,]-+)?", re.IGNORECASE)
# Somewhere inside longer text ("± Rp 1,5 M per tahun"): a number with its unit, for a hint.
_AMOUNT_INSIDE = re.compile(
    rf"(?<![\w.,])(?:rp\.?\s*|idr\s*)?(?P<number>\d[\d.,]*)\s*(?P<unit>(?:{_UNIT})\b)?",
    re.IGNORECASE)
_DIGIT_WORDS = {
    "nol": 0.0, "satu": 1.0, "dua": 2.0, "tiga": 3.0, "empat": 4.0, "lima": 5.0, "enam": 6.0,
    "tujuh": 7.0, "delapan": 8.0, "sembilan": 9.0, "sepuluh": 10.0, "sebelas": 11.0,
    "setengah": 0.5, "seperempat": 0.25,
}
_TENS_WORDS = {"belas": 10.0, "puluh": 10.0, "ratus": 100.0, "seratus": 100.0}
_SCALE_WORDS = {
    "ribu": 1e3, "seribu": 1e3, "juta": 1e6, "sejuta": 1e6, "miliar": 1e9, "milyar": 1e9,
    "semiliar": 1e9, "semilyar": 1e9, "triliun": 1e12, "trilyun": 1e12,
}


def parse_amount(value: CellValue) -> float | None:
    """An amount of rupiah from a number or numeric text; None for words or unclear text.

    "Rp 1.500.000,00" -> 1500000.0; "1,500,000" -> 1500000.0; "1.500.000,-" -> 1500000.0;
    "1.5e9" -> 1500000000.0. A single separator followed by exactly three digits groups
    thousands ("1.500" -> 1500.0); otherwise it is the decimal mark ("1,5" -> 1.5). A unit after
    the number multiplies it: "1,5 M" and "1,5 miliar" -> 1500000000.0, "500 juta",
    "750 ribu" (also "rb", "jt", "T", "triliun"). Negative amounts are returned as such: the
    rule decides.
    """
    if value is None or isinstance(value, CellError | bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) else None
    if not isinstance(value, str):
        return None
    match = _AMOUNT_TEXT.fullmatch(_SPACES.sub("", value))
    if match is None or (match["sign"] and match["sign2"]):
        return None
    amount = _plain_number(match["number"])
    if amount is None:
        return None
    if match["unit"]:
        amount = _times(amount, AMOUNT_UNITS[match["unit"].casefold()])
    if not math.isfinite(amount):  # 400 nines (or 300 and "T") is no amount, not infinity
        return None
    return -amount if "-" in (match["sign"] + match["sign2"]) else amount


def format_rupiah(amount: float) -> str:
    """An amount as Indonesians write it: 1500000000.0 -> "Rp 1.500.000.000", 1.5 -> "Rp 1,5"."""
    if not math.isfinite(amount):
        return f"Rp {amount}"
    if abs(amount) >= 1e21:  # past what a person reads digit by digit
        return f"Rp {amount:.3g}".replace(".", ",").replace("e+", " x 10^")
    whole = f"{abs(amount):,.2f}".rstrip("0").rstrip(".")
    text = whole.replace(",", "_").replace(".", ",").replace("_", ".")
    return f"Rp {'-' if amount < 0 else ''}{text}"


def _times(amount: float, unit: float) -> float:
    """`amount` * `unit`, rounded to whole rupiah ("1,1 M" is 1100000000, not ...0000.0002)."""
    product = amount * unit
    return float(round(product)) if unit >= 1e3 and math.isfinite(product) else product


def amount_hint(value: CellValue) -> float | None:
    """The amount a cell that `parse_amount` cannot read most likely means, or None.

    One number (with its unit) inside longer text: "± Rp 1,5 M per tahun", "1,5 M rupiah",
    "kurang lebih 500 juta" -> that amount; Indonesian number words before a unit: "satu
    setengah miliar" -> 1500000000.0, "lima ratus juta" -> 500000000.0. Text with two numbers
    or more ("1-2 M") has no single meaning: None.
    """
    if not isinstance(value, str) or parse_amount(value) is not None:
        return None
    text = _clean(value)
    found = [m for m in _AMOUNT_INSIDE.finditer(text) if m["number"].strip(".,")]
    if len(found) == 1:
        match = found[0]
        amount = _plain_number(match["number"].rstrip(".,"))
        if amount is None:
            return None
        if match["unit"]:
            amount = _times(amount, AMOUNT_UNITS[match["unit"].casefold()])
        return amount if math.isfinite(amount) else None
    if not found:
        return _amount_in_words(text)
    return None


def _amount_in_words(text: str) -> float | None:
    """"satu setengah miliar" -> 1500000000.0; None unless every word is a number word."""
    words = [w for w in re.split(r"[\s-]+", text.casefold().strip(" .")) if w
             and w not in {"rp", "rp.", "rupiah"}]
    if not words:
        return None
    total = group = digit = 0.0
    for word in words:
        if word in _DIGIT_WORDS:
            digit += _DIGIT_WORDS[word]
        elif word in _TENS_WORDS:
            group += (digit or 1) * _TENS_WORDS[word] if word != "belas" else digit + 10
            digit = 0.0
        elif word in _SCALE_WORDS:
            total += (group + digit or 1) * _SCALE_WORDS[word]
            group = digit = 0.0
        else:
            return None
    amount = total + group + digit
    return float(round(amount)) if amount > 0 else None


def _plain_number(text: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?[eE][+-]?\d+", text):
        return float(text)
    if not re.fullmatch(r"\d[\d.,]*", text) or text[-1] in ".,":
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if text.count(decimal) > 1:
            return None
        whole, fraction = text.split(decimal)
        return _grouped(whole, thousands, fraction)
    separator = "." if dots else "," if commas else ""
    if not separator:
        return float(text)
    parts = text.split(separator)
    if len(parts) == 2 and len(parts[1]) != 3:
        return float(f"{parts[0]}.{parts[1]}")
    return _grouped(text, separator, "")


def _grouped(whole: str, separator: str, fraction: str) -> float | None:
    groups = whole.split(separator)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    digits = "".join(groups)
    return float(f"{digits}.{fraction}") if fraction else float(digits)
