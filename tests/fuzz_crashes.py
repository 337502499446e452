"""Every crash the fuzzer (tests/fuzzkit.py) has found, as a named builder of the mutant's bytes
(kind of seed, builder); tests/test_fuzz.py keeps each one fixed. Add one per crash found,
named for what it does to the file, before fixing the program."""

from __future__ import annotations

from collections.abc import Callable

import fuzzkit as fuzz

Builder = Callable[[], bytes]


def _zipped_again(kind: str, stored: bool = False) -> bytes:
    members = fuzz._members(fuzz.seeds()[kind])
    assert members is not None
    return fuzz._zip(members, stored)


def zip_offsets_one_byte_off() -> bytes:
    """A byte cut out of the first local header: every offset the zip directory gives is one
    byte off, and zipfile seeks to -1 reading the first part (ValueError, was exit 3)."""
    data = _zipped_again("ods")
    return data[:4] + data[5:]


def number_of_400_digits() -> bytes:
    """An amount stored as `<v>` of 400 digits: calamine reads infinity (KSD203), openpyxl an
    int no float holds, which its writer cannot save: the feedback copy failed (OverflowError
    in openpyxl's safe_string, exit 3)."""
    members = fuzz._members(fuzz.seeds()["xlsx_bersama"])
    assert members is not None
    changed = [(name, content.replace(b"<v>250000000</v>", b"<v>" + b"9" * 400 + b"</v>", 1))
               if name == "xl/worksheets/sheet3.xml" else (name, content)
               for name, content in members]
    assert changed != members
    return fuzz._zip(changed, stored=False)


def _ods_declaring(encoding: bytes) -> bytes:
    """content.xml declaring `encoding` and taking the reader's full parse (a line break after
    `<table:table`, which the byte scan leaves to it)."""
    members = fuzz._members(fuzz.seeds()["ods"])
    assert members is not None
    changed = [(name, content.replace(b'encoding="UTF-8"', b'encoding="' + encoding + b'"', 1)
                .replace(b"<table:table ", b"<table:table\n", 1))
               if name == "content.xml" else (name, content) for name, content in members]
    return fuzz._zip(changed, stored=False)


def ods_declared_utf32() -> bytes:
    """expat cannot read a declared multi-byte encoding: ValueError escaped the .ods scan."""
    return _ods_declaring(b"utf-32")


def ods_declared_ebcdic() -> bytes:
    """An encoding Python does not know: LookupError escaped the .ods scan."""
    return _ods_declaring(b"EBCDIC")


CRASHES: dict[str, tuple[str, Builder]] = {
    "ods_declared_utf32": ("ods", ods_declared_utf32),
    "ods_declared_ebcdic": ("ods", ods_declared_ebcdic),
    "zip_offsets_one_byte_off": ("ods", zip_offsets_one_byte_off),
    "number_of_400_digits": ("xlsx", number_of_400_digits),
}
