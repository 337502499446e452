"""XML that is safe to parse: defusedxml's ElementTree, and a check for document types.

defusedxml ships no type hints and its stub package is not among the test dependencies, so the
module is imported by name here, once, instead of silencing mypy at each use. It refuses entity
declarations (`Forbidden`), so a billion-laughs bomb or an external entity (XXE) never expands.

`doctype_part` answers, before anything parses a workbook, whether one of its XML parts
declares a document type at all. The Open Packaging Conventions forbid a DTD in a package
(ECMA-376 Part 2, 8.1.4: a consumer treats one as an error), and neither Excel nor LibreOffice
writes one; a DTD is how an entity bomb or an XXE reference is declared. Every parser behind
the program meets such a part differently (calamine stops at the unknown entity, openpyxl with
defusedxml refuses it, a part nobody reads is ignored), so the file is refused as a whole,
with the part named, whichever part it is. A DTD can stand only in the prolog, before the root
element, so only the head of each part is unpacked (256 bytes; ~10 us a part).
"""

from __future__ import annotations

import importlib
import re
import struct
import zipfile
import zlib
from enum import Enum
from typing import Any, NamedTuple
from xml.etree.ElementTree import ParseError

ElementTree: Any = importlib.import_module("defusedxml.ElementTree")
Forbidden: type[ValueError] = importlib.import_module("defusedxml.common").DefusedXmlException

__all__ = ["ElementTree", "Forbidden", "Hazard", "ParseError", "doctype_part"]

# Parts an XML parser reads: OOXML's .xml and .rels (and legacy .vml drawings), ODF's .xml.
XML_SUFFIXES = (".xml", ".rels", ".vml")
_HEAD = 256  # the usual prolog, `<?xml ... standalone="yes"?>`, is 56 bytes
# A prolog (declaration, comments, processing instructions) longer than this is refused too:
# no office program writes one, and reading on to find its end would unpack a hostile part.
MAX_PROLOG = 64 * 1024
_LOCAL_HEADER = b"PK\x03\x04"
# What may come before the root element besides a DTD: a byte order mark, white space, the XML
# declaration and other processing instructions, comments.
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?(?:[ \t\r\n]+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)


class _Prolog(Enum):
    ROOT = "root"  # the root element (or text that is no XML) starts: no DTD can follow
    DOCTYPE = "doctype"
    OPEN = "open"  # the head ends inside the prolog


class Hazard(NamedTuple):
    """An XML part no parser is given: it declares a document type, or its prolog is longer
    than MAX_PROLOG (`long_prolog`), past which nobody looked."""

    part: str
    long_prolog: bool = False


def doctype_part(archive: zipfile.ZipFile, data: bytes) -> Hazard | None:
    """The first XML part of `archive` (opened on `data`) whose prolog declares a document
    type, or is too long to tell; None when none is."""
    for info in archive.infolist():
        if not info.filename.casefold().endswith(XML_SUFFIXES) or info.flag_bits & 1:
            continue  # not XML, or encrypted (nothing can parse it; the reader says so)
        state = _prolog(_head(archive, data, info, _HEAD), info.file_size <= _HEAD)
        if state is _Prolog.OPEN:
            state = _prolog(_head(archive, data, info, MAX_PROLOG), info.file_size <= MAX_PROLOG)
        if state is not _Prolog.ROOT:
            return Hazard(info.filename, long_prolog=state is _Prolog.OPEN)
    return None


def _head(archive: zipfile.ZipFile, data: bytes, info: zipfile.ZipInfo, size: int) -> bytes:
    """The first `size` bytes of a part, unpacked from `data` directly when it is stored or
    deflated (a tenth of the cost of opening it through zipfile)."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        with archive.open(info) as handle:
            return handle.read(size)
    offset = info.header_offset
    if data[offset : offset + 4] != _LOCAL_HEADER:
        raise zipfile.BadZipFile("bagian zip tanpa kepala")
    name_size, extra_size = struct.unpack_from("<HH", data, offset + 26)
    start = offset + 30 + name_size + extra_size
    if info.compress_type == zipfile.ZIP_STORED:
        return data[start : start + min(size, info.compress_size)]
    end = start + info.compress_size
    unpacker = zlib.decompressobj(-zlib.MAX_WBITS)
    out = b""
    position = start
    while len(out) < size and position < end and not unpacker.eof:
        step = min(end, position + 16 * 1024)
        out += unpacker.decompress(unpacker.unconsumed_tail + data[position:step],
                                   size - len(out))
        position = step
    return out


def _prolog(head: bytes, whole: bool) -> _Prolog:
    """Whether the prolog of a part beginning with `head` ends in its root element (ROOT),
    holds a markup declaration (DOCTYPE), or goes on past `head` (OPEN; `whole`: there is no
    more, so an unfinished prolog is no XML at all, which its parser refuses on its own)."""
    text = _ascii_markup(head)
    prolog = _PROLOG.match(text)
    rest = text[prolog.end() if prolog else 0 :]
    if rest.startswith((b"<?", b"<!--")) or (len(rest) < 4 and b"<!--".startswith(rest)):
        return _Prolog.ROOT if whole else _Prolog.OPEN  # an unfinished comment or instruction
    return _Prolog.DOCTYPE if rest.startswith(b"<!") else _Prolog.ROOT


def _ascii_markup(head: bytes) -> bytes:
    """The head with its markup in ASCII bytes: UTF-16 when it says so (a byte order mark, or
    `<` in one of its two bytes) re-encoded, else as it is (UTF-8 or another encoding that
    writes markup in ASCII, which is every one the parsers here accept)."""
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return head[: len(head) // 2 * 2].decode("utf-16-le", "replace").encode()
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return head[: len(head) // 2 * 2].decode("utf-16-be", "replace").encode()
    return head
