"""Excel's column letters (A1 references), with nothing else imported: the reader, the rules
and the workbook's rows process (which starts without the reader) name columns the same way."""

from __future__ import annotations

from functools import cache


@cache
def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """Excel letters -> 0-based column index (A -> 0)."""
    number = 0
    for char in letters.upper():
        number = number * 26 + (ord(char) - 64)
    return number - 1
