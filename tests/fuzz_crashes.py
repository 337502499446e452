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


CRASHES: dict[str, tuple[str, Builder]] = {
    "zip_offsets_one_byte_off": ("ods", zip_offsets_one_byte_off),
}
