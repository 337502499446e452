"""Reading cell values the way an OPD clerk meant them.

Pure parsers used by the rules and by the merge. Each takes a raw cell value (what the reader
found: calamine returns every number as float, dates as `datetime.date`) and returns the normalized
value, or None when the value cannot be read as that kind. None never raises.

Spreadsheet error values (`model.CellError`, `#REF!`) are text for `text_of` (so a finding can
quote them) but empty for every other parser: the rule KSD205 reports them once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from pemetaan_ksd.amounts import amount_hint, format_rupiah, parse_amount
from pemetaan_ksd.contract import MIN_SUBSTANTIVE_WORDS, PLACEHOLDERS
from pemetaan_ksd.model import CellError, CellValue

__all__ = [  # the amount readers live in amounts.py; the rules reach them here
    "amount_hint", "format_rupiah", "parse_amount",
]

SUGGESTION_CUTOFF = 0.75
YEAR_MIN = 1900
YEAR_MAX = 2200
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff]+")
_CODE_HEAD = re.compile(r"^[0-9X]+(?:\.[0-9X]+)*", re.IGNORECASE)
_SPACED_DOT = re.compile(r"\s*\.\s*(?=[0-9Xx])")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
}


def clean_spaces(text: str) -> str:
    """Text with every kind of space (NBSP, zero-width, line breaks) collapsed to one space."""
    if "\u200b" in text or "\ufeff" in text:
        text = text.replace("\u200b", " ").replace("\ufeff", " ")
    # Most cells need nothing: no two spaces, no space at either end, and no other kind of
    # space (every one of them but " " is unprintable).
    if "  " not in text and text.isprintable() and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _integral(value: float) -> bool:
    return math.isfinite(value) and value == math.floor(value)


def text_of(value: CellValue) -> str | None:
    """A cell value as the text a person sees; None when empty.

    2025.0 -> "2025"; 1.5 -> "1.5"; a date -> "2025-03-01"; TRUE -> "Ya"; `#REF!` -> "#REF!".
    """
    if value is None:
        return None
    if value.__class__ is str:
        return clean_spaces(value) or None
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float):
        return str(int(value)) if _integral(value) else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = clean_spaces(str(value))
    return text or None


def is_error(value: CellValue) -> bool:
    return isinstance(value, CellError)


def content_of(value: CellValue) -> str | None:
    """Like `text_of`, but a spreadsheet error value counts as empty."""
    if value.__class__ is str:  # most cells: text_of's first case, without two calls
        return clean_spaces(value) or None
    return None if is_error(value) else text_of(value)


def parse_code(value: CellValue) -> str | None:
    """A nomenclature or region code as written, cleaned; None when empty.

    Stray and non-breaking spaces go (also around dots), a trailing name goes
    ("1.02 - Kesehatan" -> "1.02"), a decimal comma between digits becomes a dot and `x` becomes
    `X`. A code typed as a number lost its trailing zero: 2.1 means bidang "2.10", so a
    non-integral number is written with two decimals. Text that does not start with a code is
    returned cleaned, so the shape rule can quote it.
    """
    if value is None or isinstance(value, CellError | bool):
        return None
    if isinstance(value, int | float):
        return _code_from_number(float(value))
    text = clean_spaces(str(value))
    if not text:
        return None
    if " " in text:  # the only space clean_spaces leaves
        text = _SPACED_DOT.sub(".", text)
    if "," in text:
        text = _DECIMAL_COMMA.sub(".", text)
    match = _CODE_HEAD.match(text)
    if match is None:
        return text
    return match.group(0).upper()


def _code_from_number(number: float) -> str | None:
    if not math.isfinite(number):
        return None
    if _integral(number):
        return str(int(number))
    hundredths = round(number * 100)
    if abs(hundredths - number * 100) < 1e-6:
        return f"{number:.2f}"
    return repr(number)


def parse_year(value: CellValue) -> int | None:
    """A four-digit year from 2025, 2025.0, "2025" or a date; None otherwise.

    A year typed into a cell formatted as a date shows as a date in 1905 (serial 2025): that
    serial is read back as the year the clerk typed.
    """
    if value is None or isinstance(value, CellError | bool):
        return None
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if day.year < 1910:
            serial = (day - _EXCEL_EPOCH).days
            return serial if YEAR_MIN <= serial <= YEAR_MAX else None
        return day.year
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = clean_spaces(str(value))
        if not re.fullmatch(r"\d{4}(?:[.,]0+)?", text):
            return None
        number = float(text[:4])
    if not _integral(number) or not YEAR_MIN <= number <= YEAR_MAX:
        return None
    return int(number)


_YEAR_RANGE = re.compile(
    r"(\d{4})\s*(?:-|\u2013|\u2014|/|s\.?\s?/?\s?d\.?|sampai(?: dengan)?|hingga)\s*(\d{4})",
    re.IGNORECASE)


def parse_year_range(value: CellValue) -> tuple[int, int] | None:
    """(first, last) from a cell holding a range of years: "2025-2027", "2025/2026",
    "2025 s.d. 2027", "2025 sampai 2027"; None for anything else (a single year included)."""
    if not isinstance(value, str):
        return None
    match = _YEAR_RANGE.fullmatch(clean_spaces(value))
    if match is None:
        return None
    return int(match[1]), int(match[2])


def parse_date(value: CellValue) -> dt.date | None:
    """A date from a date cell, "2025-03-01", "01/03/2025", "1-3-2025" or "1 Maret 2025"."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float | int) and not isinstance(value, bool):
        return _date_from_serial(float(value))
    if not isinstance(value, str):
        return None
    text = clean_spaces(value).casefold()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match:
        return _safe_date(int(match[3]), int(match[2]), int(match[1]))
    match = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", text)
    if match and match[2] in _MONTHS:
        return _safe_date(int(match[3]), _MONTHS[match[2]], int(match[1]))
    return None


def _date_from_serial(serial: float) -> dt.date | None:
    if not math.isfinite(serial) or not 1 <= serial <= 2958465:
        return None
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def choice_key(text: str) -> str:
    """How a choice is compared: case-insensitive, spacing ignored."""
    return clean_spaces(text).casefold()


def suggest(text: str, choices: Iterable[str],
            aliases: Mapping[str, str] | None = None) -> str | None:
    """The choice a mistyped value most likely meant, or None when none is close."""
    key = choice_key(text)
    if aliases:
        for alias, choice in aliases.items():
            if re.search(rf"\b{re.escape(alias)}\b", key):
                return choice
    by_key = {choice_key(c): c for c in choices}
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=SUGGESTION_CUTOFF)
    if close:
        return by_key[close[0]]
    starts = [c for k, c in by_key.items() if len(key) >= 3 and k.startswith(key)]
    return starts[0] if len(starts) == 1 else None


def match_choice(value: CellValue, choices: Iterable[str],
                 aliases: Mapping[str, str] | None = None) -> tuple[str | None, str | None]:
    """(canonical choice, None) when the value is a choice; (None, suggestion or None) else.

    An empty value gives (None, None).
    """
    text = content_of(value)
    if text is None:
        return None, None
    options = tuple(choices)
    found = _choice_keys(options).get(choice_key(text))
    if found is not None:
        return found, None
    return None, suggest(text, options, aliases)


def choice_of(value: CellValue, choices: tuple[str, ...]) -> str | None:
    """The canonical choice the value is, or None (no suggestion worked out)."""
    text = content_of(value)
    return None if text is None else _choice_keys(choices).get(choice_key(text))


@lru_cache(maxsize=64)
def _choice_keys(choices: tuple[str, ...]) -> dict[str, str]:
    return {choice_key(c): c for c in choices}


def split_multi(value: CellValue, choices: Iterable[str]
                ) -> tuple[tuple[str, ...], list[tuple[str, str | None]]]:
    """A multi-choice cell split on `;` or `,`: (canonical choices, [(bad part, suggestion)])."""
    text = content_of(value)
    if text is None:
        return (), []
    options = tuple(choices)
    found: list[str] = []
    bad: list[tuple[str, str | None]] = []
    for part in (p.strip() for p in re.split(r"[;,]", text)):
        if not part:
            continue
        choice, suggestion = match_choice(part, options)
        if choice is None:
            bad.append((part, suggestion))
        elif choice not in found:
            found.append(choice)
    return tuple(found), bad


def is_placeholder_word(text: str | None) -> bool:
    """Empty, or one of the contract's PLACEHOLDERS ("-", "sda", "tidak ada", ...)."""
    return text is None or _placeholder_key(clean_spaces(text).casefold())


_LONGEST_PLACEHOLDER = max(map(len, PLACEHOLDERS))


def _placeholder_key(key: str) -> bool:
    return key in PLACEHOLDERS or (key.endswith(".") and key.rstrip(".").rstrip() in PLACEHOLDERS)


def is_placeholder_clean(text: str) -> bool:
    """is_placeholder_word of a text whose spaces are already collapsed (values.text_of)."""
    if len(text) > _LONGEST_PLACEHOLDER and not text.endswith("."):
        return False
    return _placeholder_key(text.casefold())


def word_count(text: str) -> int:
    """Words with at least one letter or digit ("- - -" has none)."""
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


def has_words(text: str, wanted: int) -> bool:
    """Whether `text` has at least `wanted` words (word_count, stopping once there)."""
    found = 0
    for i, word in enumerate(text.split(None, wanted)):  # the rest of a long text: one piece
        if i == wanted:
            return has_words(word, wanted - found)
        if word.isalnum() or any(ch.isalnum() for ch in word):
            found += 1
            if found >= wanted:
                return True
    return False


def is_placeholder(text: str | None) -> bool:
    """Not substantive text: empty, a placeholder, or fewer than MIN_SUBSTANTIVE_WORDS words."""
    return (text is None or is_placeholder_word(text)
            or not has_words(text, MIN_SUBSTANTIVE_WORDS))


def is_placeholder_text(text: str | None) -> bool:
    """is_placeholder of a text whose spaces are already collapsed (values.text_of)."""
    return (text is None or not has_words(text, MIN_SUBSTANTIVE_WORDS)
            or is_placeholder_clean(text))


_NOT_ALNUM = re.compile(r"[\W_]+")
_NON_WORD = re.compile(r"[^\w]+")
# The same for ASCII text, by a bytes table (several times faster than the expressions, and it
# is called for every usulan of a run): ASCII characters that are not letters or digits.
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
_NOT_WORD_BYTES = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == "_"))
_ASCII_NON_WORD = bytes.maketrans(_NOT_WORD_BYTES, b" " * len(_NOT_WORD_BYTES))


def name_key(text: str) -> str:
    """A name compared without case, spacing or punctuation (tolerates PDF run-together words)."""
    if text.isascii():
        return text.lower().encode().translate(None, _ASCII_NOT_ALNUM).decode()
    return _NOT_ALNUM.sub("", text.casefold())


def word_key(text: str) -> str:
    """A name compared without case or punctuation, its words kept apart by one space."""
    if text.isascii():
        return b" ".join(text.lower().encode().translate(_ASCII_NON_WORD).split()).decode()
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())
