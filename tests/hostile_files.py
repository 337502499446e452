"""Hostile submissions built in code (issue 14 item 2): nothing here is committed as a binary.

    parts = xlsx_parts(tmp_path / "a.xlsx")           # a valid submission, with sharedStrings.xml
    write_xlsx(tmp_path / "bom.xlsx", with_doctype(parts, "xl/sharedStrings.xml", "bom"))

Each builder returns what it wrote. The .xlsx ones start from `workbooks.build_submission` (the
template's layout, one valid usulan) and move its inline strings into `xl/sharedStrings.xml`, as
Excel and LibreOffice store them, so every part a reader parses is there to be poisoned. The
big ones deflate their XML as it is produced, never holding it whole: `giant_sheet_xlsx` is
1 GiB of sheet XML in about 3 MB, `lying_xlsx` the same (of any part) behind a zip directory
that claims 1 KB. `minimal_xls` is a BIFF8 workbook calamine reads, in a compound file whose chains
`looping_xls` makes loop.
"""

from __future__ import annotations

import binascii
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from pemetaan_ksd import contract
from workbooks import add_shared_strings, build_submission, good_row

_USULAN_PART = "xl/worksheets/sheet3.xml"  # as build_submission writes it

# --- entity declarations -----------------------------------------------------------------------

SECRET_FILE = "/etc/passwd"
# Billion laughs: &lol9; would expand to 10**9 times "lol" (3 GB of text).
BOMB = "<!DOCTYPE bom [<!ENTITY lol0 \"lol\">" + "".join(
    f"<!ENTITY lol{n} \"{f'&lol{n - 1};' * 10}\">" for n in range(1, 10)) + "]>"
XXE = f'<!DOCTYPE xxe [<!ENTITY rahasia SYSTEM "file://{SECRET_FILE}">]>'
ENTITIES = {"bom": (BOMB, "&lol9;"), "xxe": (XXE, "&rahasia;")}

# Where, in each part, the reference goes: text or an attribute that part's readers use
# (calamine: strings, cells, sheet names, number formats; openpyxl: every one of these).
POISONED_PARTS: dict[str, tuple[bytes, bytes]] = {
    "xl/sharedStrings.xml": (b"<si><t", b"<si><t>REF</t><t"),
    _USULAN_PART: (b"</row>", b'<c r="Z1" t="inlineStr"><is><t>REF</t></is></c></row>'),
    "xl/workbook.xml": (b'name="Petunjuk"', b'name="PetunjukREF"'),
    "xl/styles.xml": (b'formatCode="', b'formatCode="REF'),
    "docProps/core.xml": (b"<dc:creator>", b"<dc:creator>REF"),
}

_NS_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_INLINE = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"><is><t>(.*?)</t></is></c>',
                     re.DOTALL)
_ROOT = re.compile(rb"<[A-Za-z]")


# --- .xlsx -------------------------------------------------------------------------------------


# OPD of the built-in profile other than the default (Dinas Lingkungan Hidup), so that files of
# one inbox are not the same OPD twice (KSD501); both may propose any bidang (no KSD414).
BAPPEDA = ("5.01.5.05.0.00.01.0000",
           "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah")
SETDA = ("4.01.0.00.0.00.01.0000", "Sekretariat Daerah (Bagian Pemerintahan)")


def xlsx_parts(path: Path, rows: list[dict[str, object]] | None = None,
               opd: tuple[str, str] | None = None) -> dict[str, bytes]:
    """A valid submission (written to `path`) as its zip parts, strings moved to sharedStrings;
    `opd`: its (kode, nama) in Identitas and _meta instead of Dinas Lingkungan Hidup's."""
    identitas = {"kode_opd": opd[0], "nama_opd": opd[1]} if opd else None
    meta = {"kode_opd": opd[0]} if opd else None
    build_submission(path, rows if rows is not None else [good_row()], identitas=identitas,
                     meta=meta)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    return shared_strings(parts)


def shared_strings(parts: Mapping[str, bytes]) -> dict[str, bytes]:
    """The parts with every inline string of every sheet moved into `xl/sharedStrings.xml`."""
    out = dict(parts)
    strings: list[bytes] = []

    def shared(match: re.Match[bytes]) -> bytes:
        strings.append(match.group(3))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (match.group(1), match.group(2),
                                                       len(strings) - 1)

    for name in parts:
        if name.startswith("xl/worksheets/"):
            out[name] = _INLINE.sub(shared, parts[name])
    add_shared_strings(parts, out, (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="%s" count="%d" '
        b'uniqueCount="%d">' % (_NS_MAIN, len(strings), len(strings))
        + b"".join(b'<si><t xml:space="preserve">%s</t></si>' % s for s in strings) + b"</sst>"))
    return out


def write_xlsx(path: Path, parts: Mapping[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def with_doctype(parts: Mapping[str, bytes], part: str, entity: str) -> dict[str, bytes]:
    """`part` with a document type declaring `entity` ("bom", "xxe"), and a reference to it."""
    declaration, reference = ENTITIES[entity]
    xml = parts[part]
    prolog_end = xml.index(b"?>") + 2 if xml.startswith(b"<?") else 0
    root = _ROOT.search(xml, prolog_end)
    if root is None:
        raise ValueError(f"{part} has no root element")
    xml = xml[: root.start()] + declaration.encode() + xml[root.start():]
    needle, replacement = POISONED_PARTS[part]
    if needle not in xml:
        raise ValueError(f"{part} lacks {needle!r}")
    poisoned = xml.replace(needle, replacement.replace(b"REF", reference.encode()), 1)
    return {**parts, part: poisoned}


def _sheet_with_rows(parts: Mapping[str, bytes], rows: Iterable[bytes]) -> Iterator[bytes]:
    """The Usulan sheet XML, in pieces, with `rows` after its own rows and no <dimension>."""
    sheet = re.sub(rb"<dimension [^>]*/>", b"", parts[_USULAN_PART])
    end = sheet.index(b"</sheetData>")
    yield sheet[:end]
    yield from rows
    yield sheet[end:]


def _write_streamed(path: Path, parts: Mapping[str, bytes], part: str,
                    pieces: Iterable[bytes], claimed: int | None = None) -> Path:
    """Like write_xlsx, with `part` deflated from `pieces` as they come; `claimed` makes the
    zip directory (central and local) state that size instead of the true one."""
    entries = [_deflated(name, pieces, claimed) if name == part else _deflated(name, [data])
               for name, data in parts.items()]
    path.write_bytes(_raw_zip(entries))
    return path


def tall_usulan_xlsx(path: Path, rows: int = 200_000) -> Path:
    """The Usulan sheet with `rows` more rows below its usulan (a number and `sda` each)."""
    parts = xlsx_parts(path)
    first = contract.FIRST_DATA_ROW + 1
    lines = (b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="AH%d" t="inlineStr"><is><t>sda</t>'
             b"</is></c></row>" % (n, n, n, n) for n in range(first, first + rows))
    return _write_streamed(path, parts, _USULAN_PART,
                           _sheet_with_rows(parts, lines))


def wide_row_xlsx(path: Path, columns: int = 16_384, opd: tuple[str, str] = SETDA) -> Path:
    """A row of the Usulan sheet below its usulan filled from A to XFD (Excel's last column)."""
    parts = xlsx_parts(path, opd=opd)
    row = contract.FIRST_DATA_ROW + 1
    cells = b"".join(b'<c r="%s%d"><v>%d</v></c>' % (column_letters(c).encode(), row, c)
                     for c in range(columns))
    return _write_streamed(path, parts, _USULAN_PART,
                           _sheet_with_rows(parts, [b'<row r="%d">%s</row>' % (row, cells)]))


LONGEST_CELL = 32_767  # Excel's limit on the text of one cell


def long_text(first_words: str) -> str:
    """A text of exactly LONGEST_CELL characters, words separated by spaces."""
    words = f"{first_words} " + " ".join(f"kata{n}" for n in range(LONGEST_CELL // 5))
    return words[:LONGEST_CELL - 1].rstrip() + "." * (LONGEST_CELL - len(
        words[:LONGEST_CELL - 1].rstrip()))


def long_cells_xlsx(path: Path, opd: tuple[str, str] = BAPPEDA) -> Path:
    """Two usulan: one valid whose free-text cells hold 32,767 characters, one whose `Jenis
    Kerja Sama` holds 32,767 characters (KSD202, which quotes the value)."""
    long_row = good_row(potensi=long_text("Lahan TPA regional tersedia"),
                        keterangan=long_text("Catatan panjang"),
                        objek=long_text("Pengelolaan sampah bersama"))
    bad_row = good_row(no=2, calon_mitra="Kota Banjarmasin", kode_wilayah_mitra="63.71",
                       jenis_kerja_sama=long_text("KSDD"))
    return write_xlsx(path, xlsx_parts(path, [long_row, bad_row], opd))


GIANT_SHEET_BYTES = 1 << 30
_GIANT_ROWS = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000  # ~1 MB


def _giant_entry(name: str, head: bytes, chunk: bytes, tail: bytes, claimed: int | None
                 ) -> tuple[str, bytes, int, int]:
    """`head`, `chunk` repeated to GIANT_SHEET_BYTES, `tail`, deflated once per distinct
    piece: after a full flush the compressor starts afresh, so the chunk deflates to the same
    bytes each time and those are repeated as they are (~1 s instead of ~5 s of deflating)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush()
    count = GIANT_SHEET_BYTES // len(chunk) + 1
    crc = binascii.crc32(head)
    for _ in range(count):
        crc = binascii.crc32(chunk, crc)
    crc = binascii.crc32(tail, crc)
    size = len(head) + count * len(chunk) + len(tail)
    return name, start + block * count + end, crc, size if claimed is None else claimed


def _giant_xlsx(path: Path, part: str, claimed: int | None) -> Path:
    parts = xlsx_parts(path)
    if part == _USULAN_PART:
        head, tail = _sheet_with_rows(parts, [])
        chunk = _GIANT_ROWS
    else:  # a comment repeated before the part's closing tag
        close = parts[part].rindex(b"</")
        head, tail = parts[part][:close], parts[part][close:]
        chunk = (b"<!-- " + b"x" * 1000 + b" -->") * 1000
    entries = [_giant_entry(name, head, chunk, tail, claimed) if name == part
               else _deflated(name, [data]) for name, data in parts.items()]
    path.write_bytes(_raw_zip(entries))
    return path


def giant_sheet_xlsx(path: Path) -> Path:
    """The Usulan sheet's XML 1 GiB long once unpacked, in a file of about 3 MB."""
    return _giant_xlsx(path, _USULAN_PART, None)


def lying_xlsx(path: Path, part: str = _USULAN_PART) -> Path:
    """`part` 1 GiB long once unpacked, while the zip directory says 1 KB."""
    return _giant_xlsx(path, part, 1024)


def column_letters(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 16383 -> XFD)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- raw zip, for directories that lie -----------------------------------------------------------


def _deflated(name: str, pieces: Iterable[bytes], claimed: int | None = None
              ) -> tuple[str, bytes, int, int]:
    """(name, raw deflate data, crc, the size the directory states)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = size = 0
    out = []
    for piece in pieces:
        crc = binascii.crc32(piece, crc)
        size += len(piece)
        out.append(packer.compress(piece))
    out.append(packer.flush())
    return name, b"".join(out), crc, size if claimed is None else claimed


def _raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip archive (deflate, no zip64) whose sizes are exactly as given."""
    body, central = bytearray(), bytearray()
    for name, data, crc, size in entries:
        encoded, offset = name.encode(), len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size,
                            len(encoded), 0) + encoded + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                               len(data), size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                      len(body), 0)
    return bytes(body + central + end)


def long_directory_zip(path: Path, entries: int = 9_000, name_length: int = 500) -> Path:
    """A zip of empty parts with long names: its central directory alone is ~5 MB."""
    stem = "x" * (name_length - 10)
    path.write_bytes(_raw_zip([(f"{stem}{n:06d}.xml", b"\x03\x00", 0, 0)
                               for n in range(entries)]))
    return path


# --- .ods --------------------------------------------------------------------------------------

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods_cell(value: str) -> str:
    return (f'<table:table-cell office:value-type="string"><text:p>{value}</text:p>'
            "</table:table-cell>")


def ods(path: Path, entity: str | None = None, prefix: str = "table") -> Path:
    """An .ods whose Usulan table has the template's headers and a row; with `entity`, its
    content.xml declares it ("bom", "xxe") and the row's first cell refers to it. `prefix`:
    the table namespace's prefix (another than `table` takes the reader's full-parse path)."""
    declaration, reference = ENTITIES[entity] if entity else ("", "")
    headers = "".join(_ods_cell(c.header) for c in contract.COLUMNS)
    row = _ods_cell(f"2.11 - Lingkungan Hidup{reference}") + _ods_cell("2.11.11")
    body = (f'<table:table table:name="Usulan"><table:table-row>{headers}</table:table-row>'
            f"<table:table-row>{row}</table:table-row></table:table>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{declaration}<office:document-content '
               f'{_ODS_NS} office:version="1.2"><office:body><office:spreadsheet>{body}'
               "</office:spreadsheet></office:body></office:document-content>")
    content = re.sub(r"(?<=[<\s/])table:", f"{prefix}:", content).replace(
        "xmlns:table=", f"xmlns:{prefix}=")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return path


# --- .xls: BIFF8 records in a compound file ------------------------------------------------------


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _label(row: int, column: int, text: str) -> bytes:
    """A LABEL record (MS-XLS 2.4.148): the text as UTF-16."""
    encoded = text.encode("utf-16-le")
    return _record(0x0204, struct.pack("<HHHHB", row, column, 0, len(text), 1) + encoded)


def _sheet_stream(cells: Mapping[tuple[int, int], str]) -> bytes:
    rows = max(r for r, _ in cells) + 1
    columns = max(c for _, c in cells) + 1
    return (_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0))
            + _record(0x0200, struct.pack("<IIHHH", 0, rows, 0, columns, 0))
            + b"".join(_label(r, c, t) for (r, c), t in sorted(cells.items()))
            + _record(0x000A, b""))


def _boundsheet(name: str, position: int) -> bytes:
    return _record(0x0085, struct.pack("<IBBBB", position, 0, 0, len(name), 1)
                   + name.encode("utf-16-le"))


def biff8_workbook(sheets: Mapping[str, Mapping[tuple[int, int], str]]) -> bytes:
    """A `Workbook` stream: the globals (BOF, one BOUNDSHEET8 per sheet, EOF), then the sheets."""
    bof = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))
    eof = _record(0x000A, b"")
    position = len(bof) + sum(len(_boundsheet(n, 0)) for n in sheets) + len(eof)
    bounds, streams = [], []
    for name, cells in sheets.items():
        bounds.append(_boundsheet(name, position))
        streams.append(_sheet_stream(cells))
        position += len(streams[-1])
    return bof + b"".join(bounds) + eof + b"".join(streams)


def submission_biff8() -> bytes:
    """A small submission: its Identitas, and the Usulan headers with one row begun."""
    identitas = {(2, 0): "Tahun Pemetaan", (2, 1): "2025", (3, 0): "Kode Perangkat Daerah",
                 (3, 1): "2.11.0.00.0.00.01.0000", (4, 0): "Nama Perangkat Daerah",
                 (4, 1): "Dinas Lingkungan Hidup"}
    usulan = {(4, c): col.header for c, col in enumerate(contract.COLUMNS)}
    usulan.update({(6, 1): "2.11 - Lingkungan Hidup", (6, 2): "2.11.11", (6, 4): "2.11.11.2.01"})
    return biff8_workbook({"Identitas": identitas, "Usulan": usulan})


SECTOR = 512
END_OF_CHAIN = 0xFFFFFFFE
FREE = 0xFFFFFFFF
_FAT_SECTOR = 0xFFFFFFFD
_DIRECTORY = 2 * SECTOR  # the directory is sector 1, after the 512-byte header and sector 0


def _entry(name: str, kind: int, start: int, size: int, *, child: int = FREE) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", FREE, FREE, child) + bytes(36) + struct.pack("<IQ", start, size))


def minimal_xls(workbook: bytes | None = None) -> bytearray:
    """A version-3 compound file: sector 0 the FAT, sector 1 the directory (root, `Workbook`),
    sectors 2... the `Workbook` stream (padded to 4,096 bytes, so it lives in regular sectors)."""
    data = (workbook if workbook is not None else submission_biff8()).ljust(4096, b"\0")
    count = -(-len(data) // SECTOR)
    fat = [_FAT_SECTOR, END_OF_CHAIN, *range(3, 2 + count), END_OF_CHAIN]
    if len(fat) > SECTOR // 4 - 4:
        raise ValueError("workbook too large for one FAT sector")
    directory = (_entry("Root Entry", 5, END_OF_CHAIN, 0, child=1)
                 + _entry("Workbook", 2, 2, len(data))).ljust(SECTOR, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
              + struct.pack("<I", 0) + struct.pack("<108I", *[FREE] * 108))
    fat_sector = struct.pack(f"<{SECTOR // 4}I", *fat, *[FREE] * (SECTOR // 4 - len(fat)))
    return bytearray(header + fat_sector + directory + data.ljust(count * SECTOR, b"\0"))


def _set_fat(compound: bytearray, sector: int, value: int) -> None:
    struct.pack_into("<I", compound, SECTOR + 4 * sector, value)


def _append_sector(compound: bytearray, content: bytes = b"") -> int:
    """Add a sector at the end of the file; its number."""
    number = len(compound) // SECTOR - 1
    compound += content.ljust(SECTOR, b"\0")
    return number


# How a chain of the compound file loops. calamine follows the DIFAT and the directory until
# the chain ends, and a stream until its stated size: with a loop, that is never, or gigabytes.
LOOPS = ("direktori", "aliran", "difat", "entri_ganda", "minifat")


def looping_xls(path: Path, where: str) -> Path:
    """minimal_xls with one chain looping back on itself (`where` one of LOOPS)."""
    compound = minimal_xls()
    if where == "direktori":  # the directory's only sector is followed by itself
        _set_fat(compound, 1, 1)
    elif where == "aliran":  # the Workbook stream's last sector leads back to its first
        (size,) = struct.unpack_from("<Q", compound, _DIRECTORY + 128 + 120)
        _set_fat(compound, 2 + -(-size // SECTOR) - 1, 2)
    elif where == "difat":  # a DIFAT sector whose "next" is itself (the header says: one)
        number = len(compound) // SECTOR - 1
        _append_sector(compound, struct.pack(f"<{SECTOR // 4}I", *[FREE] * 127, number))
        struct.pack_into("<II", compound, 0x44, number, 1)
    elif where == "entri_ganda":  # an unused entry named Workbook, listed first, 2 GiB, looping
        loop = _append_sector(compound)
        _set_fat(compound, loop, loop)
        real = bytes(compound[_DIRECTORY + 128 : _DIRECTORY + 256])
        compound[_DIRECTORY + 128 : _DIRECTORY + 384] = _entry("Workbook", 0, loop, 1 << 31) + real
        struct.pack_into("<I", compound, _DIRECTORY + 76, 2)  # the root's child: the real one
    elif where == "minifat":  # a mini FAT whose chain loops, with a count that never ends it
        loop = _append_sector(compound)
        _set_fat(compound, loop, loop)
        struct.pack_into("<II", compound, 0x3C, loop, 0xFFFFFFFF)
    else:
        raise ValueError(where)
    path.write_bytes(bytes(compound))
    return path
