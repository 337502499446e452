"""A mutation fuzzer over submissions (issue 14 item 5): seeds, mutations, and the oracle.

    data = mutate(draw, SEEDS["xlsx"])   # inside a hypothesis test: st.data().draw
    check(data, "xlsx", folder)          # raises only when the program misbehaves

Seeds are valid submissions built in code, each format as its writers store it: .xlsx as
openpyxl writes it (inline strings) and as Excel and LibreOffice write it (shared strings),
.ods and .xls built as LibreOffice's minimal forms (tests/hostile_files.py). A mutation is a
few steps drawn by hypothesis, at three levels: zip members (dropped, duplicated, swapped,
emptied, renamed, replaced by junk), the XML inside one member (cut, a tag or quote dropped or
doubled, an element renamed, an attribute given a huge or malformed value such as
`r="A99999999999"`, a value or text replaced (400 digits, invalid UTF-8), entity and character
references, deep nesting, another encoding), and the
bytes of the file (truncated, flipped, inserted, deleted, repeated).

The oracle (`check`): `read_submission` and `validate` never raise; a file that cannot be read
is exactly one KSD101 finding; the JSON report is strict JSON. `check_cli` adds the command
line with a feedback copy: exit code 0 or 1, never 3, and the copy opens in openpyxl.
Every crash found becomes a named builder in tests/fuzz_crashes.py with its regression test.
"""

from __future__ import annotations

import io
import json
import re
import time
import warnings
import zipfile
from functools import cache
from pathlib import Path

from hypothesis import strategies as st
from openpyxl import load_workbook

import hostile_files as hf
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.read import read_submission
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.report_json import report_to_json
from workbooks import build_submission, usulan_rows

PROFIL = load_profile(None)
# Bounded time: a mutant of a seed of a few KB is read in milliseconds; far longer means a loop
# or an expansion the program should refuse.
MAX_SECONDS = 30.0
SUFFIX = {"xlsx": ".xlsx", "xlsx_bersama": ".xlsx", "ods": ".ods", "xls": ".xls"}

# --- seeds ------------------------------------------------------------------------------------


def _xlsx(folder: Path) -> bytes:
    rows = usulan_rows(3)
    rows[1]["jenis_kerja_sama"] = "KSDD Sukarelaa"
    rows[2]["anggaran"] = "Rp 1.500.000,00"
    path = build_submission(folder / "benih.xlsx", rows, merged=["B7:B8"],
                            usulan_cells={"F12": "Kepala Dinas", "AC9": "=1/0"})
    return path.read_bytes()


def _xlsx_shared(folder: Path) -> bytes:
    parts = hf.xlsx_parts(folder / "benih-bersama.xlsx", usulan_rows(2))
    return hf.write_xlsx(folder / "benih-bersama-2.xlsx", parts).read_bytes()


def _ods(folder: Path) -> bytes:
    return hf.ods(folder / "benih.ods").read_bytes()


def _xls(folder: Path) -> bytes:
    return bytes(hf.minimal_xls())


_BUILDERS = {"xlsx": _xlsx, "xlsx_bersama": _xlsx_shared, "ods": _ods, "xls": _xls}


@cache
def seeds() -> dict[str, bytes]:
    """Each seed's bytes, built once per process."""
    import tempfile

    with tempfile.TemporaryDirectory() as name:
        return {kind: build(Path(name)) for kind, build in _BUILDERS.items()}


# --- mutations --------------------------------------------------------------------------------

NASTY_VALUES = [
    b"A99999999999", b"XFD1048576", b"XFE1", b"A1048577", b"A0", b"A-1", b"-1", b"0",
    b"ZZZZZZZZZZ1", b"99999999999999999999999", b"4294967296", b"2147483648",
    b"18446744073709551616", b"A1:XFD1048576", b"A1:A0", b"1e999", b"-1e999", b"nan", b"inf",
    b"", b" ", b"&#0;", b"&#xD800;", b"&#1114112;", b"&amp;", b"&unknown;", b"\xff\xfe",
    b"\x00", b"A" * 5000, b"1" * 400, b"e", b"s", b"str", b"inlineStr", b"b", b"n", b"d",
    b"shared", b"array", b"true",
]
NASTY_TEXTS = [b"9" * 400, b"-" + b"9" * 400, b"1e308", b"1e-400", b"-0", b"0x10", b"1_000",
               b"\xc3\x28", b"\xed\xa0\x80", b"2025-13-45", b"99999999", b"-1", b"4.5E+15",
               b"\xe2\x80\xae", b"_x001B_", b"_x"]
_TEXT = re.compile(rb">([^<>]{1,200})</")
ELEMENTS = [b"row", b"c", b"v", b"f", b"is", b"t", b"r", b"si", b"sheet", b"sheetData",
            b"mergeCell", b"dimension", b"table:table-row", b"table:table-cell",
            b"table:covered-table-cell", b"text:p", b"x"]
_TAG = re.compile(rb"<[A-Za-z][^<>]{0,200}>")
_ATTRIBUTE = re.compile(rb"""([\w:.-]+)=(["'])([^"'<>]{0,200})\2""")
_NAME = re.compile(rb"<(/?)([A-Za-z][\w:.-]*)")


def _pick(draw: st.DrawFn, items: list[re.Match[bytes]]) -> re.Match[bytes] | None:
    return items[draw(st.integers(0, len(items) - 1))] if items else None


def _xml_step(draw: st.DrawFn, xml: bytes) -> bytes:
    """One change to an XML part."""
    kind = draw(st.sampled_from(["cut", "drop", "double", "rename", "attribute", "attribute",
                                 "text", "text", "insert", "reference", "deep", "encoding",
                                 "repeat"]))
    size = len(xml)
    at = draw(st.integers(0, max(size - 1, 0)))
    if kind == "cut":
        return xml[:at]
    if kind == "drop":
        found = [m for m in re.finditer(rb"[<>\"/=]", xml[at:at + 4000])]
        hit = _pick(draw, found)
        return xml if hit is None else xml[:at + hit.start()] + xml[at + hit.end():]
    if kind == "double":
        hit = _pick(draw, list(_TAG.finditer(xml, at, at + 20000)))
        return xml if hit is None else xml[:hit.end()] + hit.group() + xml[hit.end():]
    if kind == "rename":
        hit = _pick(draw, list(_NAME.finditer(xml, at, at + 20000)))
        if hit is None:
            return xml
        name = draw(st.sampled_from(ELEMENTS))
        return xml[:hit.start(2)] + name + xml[hit.end(2):]
    if kind == "attribute":
        hit = _pick(draw, list(_ATTRIBUTE.finditer(xml, at, at + 20000)))
        if hit is None:
            return xml
        value = draw(st.one_of(st.sampled_from(NASTY_VALUES), st.binary(max_size=12)))
        return xml[:hit.start(3)] + value + xml[hit.end(3):]
    if kind == "text":  # a value or a string: a number no float holds, not a number, ...
        hit = _pick(draw, list(_TEXT.finditer(xml, at, at + 20000)))
        if hit is None:
            return xml
        value = draw(st.one_of(st.sampled_from(NASTY_VALUES), st.sampled_from(NASTY_TEXTS)))
        return xml[:hit.start(1)] + value + xml[hit.end(1):]
    if kind == "insert":
        junk = draw(st.one_of(st.binary(min_size=1, max_size=20), st.sampled_from(
            [b"<c r=\"A1\">", b"</row>", b"<![CDATA[x", b"<!-- ", b"<?x y?>", b"&", b"<"])))
        return xml[:at] + junk + xml[at:]
    if kind == "reference":
        ref = draw(st.sampled_from([b"&lol;", b"&#0;", b"&#xFFFF;", b"&#x110000;", b"&#99999999;",
                                    b"&amp", b"&#x1B;", b"_x001B_", b"_xD800_"]))
        return xml[:at] + ref + xml[at:]
    if kind == "deep":
        depth = draw(st.sampled_from([50, 2000, 50000]))
        return xml[:at] + b"<x>" * depth + b"</x>" * depth + xml[at:]
    if kind == "encoding":
        name = draw(st.sampled_from([b"UTF-16", b"latin-1", b"EBCDIC", b"utf-32", b"x"]))
        declared = re.sub(rb'encoding="[^"]*"', b'encoding="' + name + b'"', xml[:200], count=1)
        return declared + xml[200:]
    # repeat: a repetition or span count made huge (.ods table:number-*-repeated/-spanned)
    hit = _pick(draw, list(re.finditer(rb'number-(?:rows|columns)-(?:repeated|spanned)="(\d+)"',
                                       xml)))
    if hit is None:
        return xml
    huge = draw(st.sampled_from([b"1048576", b"16384", b"2147483647", b"99999999999", b"0"]))
    return xml[:hit.start(1)] + huge + xml[hit.end(1):]


def _members(data: bytes) -> list[tuple[str, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(i.filename, archive.read(i)) for i in archive.infolist()]
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        return None


def _zip(members: list[tuple[str, bytes]], stored: bool) -> bytes:
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicate name is the point
        with zipfile.ZipFile(out, "w", method) as archive:
            for name, content in members:
                archive.writestr(name, content)
    return out.getvalue()


def _member_step(draw: st.DrawFn, members: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """One change to the zip's members (a valid zip comes out)."""
    kind = draw(st.sampled_from(["drop", "duplicate", "swap", "empty", "junk", "rename",
                                 "xml", "xml", "xml"]))
    index = draw(st.integers(0, len(members) - 1))
    name, content = members[index]
    out = list(members)
    if kind == "drop":
        del out[index]
    elif kind == "duplicate":
        copy = draw(st.sampled_from([content, b"", content[: len(content) // 2]]))
        out.insert(draw(st.integers(0, len(out))), (name, copy))
    elif kind == "swap":
        other = draw(st.integers(0, len(members) - 1))
        out[index], out[other] = (name, members[other][1]), (members[other][0], content)
    elif kind == "empty":
        out[index] = (name, b"")
    elif kind == "junk":
        out[index] = (name, draw(st.binary(max_size=64)))
    elif kind == "rename":
        new = draw(st.sampled_from([name.upper(), name.lower(), "/" + name, name + "x",
                                    name.replace("/", "\\"), "xl/worksheets/sheet1.xml"]))
        out[index] = (new, content)
    else:
        out[index] = (name, _xml_step(draw, content))
    return out


def _byte_step(draw: st.DrawFn, data: bytes) -> bytes:
    """One change to the file's bytes."""
    kind = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "repeat"]))
    at = draw(st.integers(0, max(len(data) - 1, 0)))
    if kind == "truncate":
        return data[:at]
    if kind == "flip":
        changed = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            spot = draw(st.integers(0, max(len(data) - 1, 0)))
            if changed:
                changed[spot] ^= draw(st.integers(1, 255))
        return bytes(changed)
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]
    length = draw(st.integers(1, 512))
    if kind == "delete":
        return data[:at] + data[at + length:]
    return data[:at + length] + data[at:]


def mutate(draw: st.DrawFn, seed: bytes) -> bytes:
    """A few mutation steps of `seed`: members and their XML first, then bytes."""
    data = seed
    members = _members(seed)
    if members and draw(st.integers(0, 3)) != 0:
        for _ in range(draw(st.integers(1, 3))):
            members = _member_step(draw, members) or members
        data = _zip(members, stored=draw(st.booleans()))
    if members is None or draw(st.integers(0, 2)) == 0:
        for _ in range(draw(st.integers(1, 3))):
            data = _byte_step(draw, data)
    return data


@st.composite
def mutants(draw: st.DrawFn, kind: str) -> bytes:
    """A mutant of the seed of `kind`."""
    return mutate(draw, seeds()[kind])


KINDS = sorted(SUFFIX)
KIND_AND_MUTANT = st.sampled_from(KINDS).flatmap(lambda k: st.tuples(st.just(k), mutants(k)))


# --- the oracle -------------------------------------------------------------------------------


def _strict_json(text: str) -> object:
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def check(data: bytes, kind: str, folder: Path) -> Path:
    """Read and validate `data` as a submission; raises AssertionError (or the program's own
    exception) when the program misbehaves. Returns the file written."""
    path = folder / f"mutan{SUFFIX[kind]}"
    path.write_bytes(data)
    started = time.perf_counter()
    sub = read_submission(path)
    report = validate([path], PROFIL)
    took = time.perf_counter() - started
    assert took < MAX_SECONDS, f"{took:.1f} s to read a {len(data):,}-byte file"
    if report.files:
        [result] = report.files
        if sub.read_error is not None:
            assert result.unreadable and [f.code for f in result.findings] == ["KSD101"]
    _strict_json(report_to_json(report))
    return path


def check_cli(path: Path, out: Path) -> None:
    """The command line on the file, with a feedback copy: never an internal fault (exit 3),
    and the copy it writes opens in openpyxl."""
    from pemetaan_ksd.cli.app import run

    code = run(["validasi", str(path), "--format", "json", "--anotasi", str(out)])
    assert code in (0, 1), code
    for copy in out.glob("*.catatan.xlsx"):
        load_workbook(copy)
