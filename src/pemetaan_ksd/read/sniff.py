"""Which kind of workbook a file really is, from its bytes (never from its name).

Returns the opened container (zip or compound file) with its format, or raises Unreadable with
the kind of ReadError. Zip limits (safety.py) are checked here, before anything inside
the zip is decompressed, and so is every XML part's prolog (no DTD: safexml.py). The zip is
opened as a `BoundedZipFile`: a part is never unpacked past the size its directory states,
so a directory that lies (1 KB said, 1 GB inside) costs 1 KB and then a BadZipFile.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum

from pemetaan_ksd import safety
from pemetaan_ksd.read import reasons
from pemetaan_ksd.read.cfb import MAGIC as CFB_MAGIC
from pemetaan_ksd.read.cfb import CfbError, CompoundFile
from pemetaan_ksd.read.reasons import Unreadable
from pemetaan_ksd.read.safexml import MAX_PROLOG, doctype_part
from pemetaan_ksd.read.scan_xlsx import WORKBOOK_PART

_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ODS_MIMETYPES = (b"application/vnd.oasis.opendocument.spreadsheet",)
_MAX_MIMETYPE_BYTES = 200


class Format(StrEnum):
    OOXML = "xlsx"  # .xlsx, .xlsm (and templates .xltx/.xltm)
    ODS = "ods"
    XLS = "xls"


class BoundedZipFile(zipfile.ZipFile):
    """A zip whose `read` unpacks a part only up to the size its directory states: past it,
    zipfile's own check of the part's CRC raises BadZipFile (zipfile's `read` would first
    unpack all there is, up to 2 GiB at a time, and cut it afterwards)."""

    def read(self, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        with self.open(info, pwd=pwd) as handle:
            try:
                return handle.read(info.file_size + 1)
            except zipfile.BadZipFile as exc:  # the CRC: more, or other, than the directory says
                raise Unreadable(reasons.RUSAK, f"isi bagian {info.filename} tidak sesuai "
                                 "dengan daftar isi zip") from exc


def open_zip(data: bytes) -> BoundedZipFile:
    """The zip archive in `data`, its directory's size checked first (safety.py)."""
    too_large = safety.check_zip_directory(data)
    if too_large is not None:
        raise Unreadable(reasons.TERLALU_BESAR, too_large)
    try:
        return BoundedZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise Unreadable(reasons.RUSAK) from exc


def safe_to_load_whole(data: bytes) -> bool:
    """Whether `data` may be given to a reader that parses every part of it (openpyxl, for the
    feedback copy), beyond what read_submission read: the zip limits, no DTD in any XML part
    (so no entity can expand, whether the parser is defused or not), every part unpacking to
    no more than its stated size, and XML small enough to load whole
    (safety.MAX_COPY_XML_BYTES)."""
    try:
        archive = open_zip(data)
        entries = archive.infolist()
        if (safety.check_zip_entries(entries) is not None
                or safety.check_copy_size(entries) is not None
                or doctype_part(archive, data) is not None):
            return False
        safety.check_parts_unpack(archive)
    except (Unreadable, zipfile.BadZipFile, zlib.error, struct.error, OSError, ValueError,
            EOFError, NotImplementedError, RuntimeError):
        return False
    return True


def too_large_to_copy(data: bytes) -> str | None:
    """What makes `data` too large for the feedback copy to copy cell by cell (loaded whole,
    or rebuilt from the values read), else None: its XML parts unpacked, or an .xls itself."""
    if not data.startswith(_ZIP_MAGICS):
        return safety.check_copy_bytes(len(data))
    try:
        return safety.check_copy_size(open_zip(data).infolist())
    except (Unreadable, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None  # not the copy's to say: it is built from what the reader read


def _no_doctype(archive: zipfile.ZipFile, data: bytes) -> None:
    hazard = doctype_part(archive, data)
    if hazard is not None and hazard.long_prolog:
        raise Unreadable(reasons.RUSAK, f"pembuka XML bagian {hazard.part} lebih dari "
                         f"{MAX_PROLOG // 1024} KB, tidak seperti yang ditulis Excel maupun "
                         "LibreOffice; demi keamanan berkas tidak dibuka")
    if hazard is not None:
        raise Unreadable(reasons.RUSAK, f"bagian {hazard.part} memuat deklarasi DTD (entitas "
                         "XML), yang tidak pernah ditulis Excel maupun LibreOffice; demi "
                         "keamanan berkas tidak dibuka")


@dataclass
class Container:
    format: Format
    archive: zipfile.ZipFile | None = None
    compound: CompoundFile | None = None


def _zip_container(data: bytes) -> Container:
    archive = open_zip(data)
    too_large = safety.check_zip_entries(archive.infolist())
    if too_large is not None:
        raise Unreadable(reasons.TERLALU_BESAR, too_large)
    names = set(archive.namelist())
    if WORKBOOK_PART in names:
        _no_doctype(archive, data)
        return Container(Format.OOXML, archive=archive)
    if "mimetype" in names and archive.getinfo("mimetype").file_size <= _MAX_MIMETYPE_BYTES:
        if archive.read("mimetype").strip().startswith(_ODS_MIMETYPES):
            _no_doctype(archive, data)
            return Container(Format.ODS, archive=archive)
        raise Unreadable(reasons.BUKAN_SPREADSHEET, "dokumen OpenDocument lain")
    if "xl/workbook.bin" in names:
        raise Unreadable(reasons.TIDAK_DIDUKUNG, "Excel Binary .xlsb")
    if any(n.startswith(("word/", "ppt/")) for n in names):
        raise Unreadable(reasons.BUKAN_SPREADSHEET, "dokumen Office lain")
    if any(n.startswith("xl/") for n in names):
        raise Unreadable(reasons.RUSAK)
    raise Unreadable(reasons.BUKAN_SPREADSHEET, "arsip zip biasa")


def _compound_container(data: bytes) -> Container:
    try:
        compound = CompoundFile(data)
        if compound.has_stream("EncryptedPackage"):
            raise Unreadable(reasons.KATA_SANDI)
        if compound.has_workbook():
            compound.workbook_stream()  # its chain checked before calamine follows it
            return Container(Format.XLS, compound=compound)
    except CfbError as exc:  # its texts are the user's words: "rantai DIFAT berulang"
        raise Unreadable(reasons.RUSAK, f"struktur berkas .xls: {exc}") from exc
    except (ValueError, IndexError, struct.error) as exc:
        raise Unreadable(reasons.RUSAK) from exc
    raise Unreadable(reasons.BUKAN_SPREADSHEET, "dokumen Office lama lain")


def _text_kind(data: bytes) -> str | None:
    """A detail for text files that spreadsheet programs also open, else None."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith(b"<"):
        return None
    if b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "XML Spreadsheet 2003"
    if b"<html" in head or b"<table" in head:
        return "halaman web HTML"
    return None


def open_container(data: bytes) -> Container:
    """The workbook container of `data`. Raises Unreadable."""
    if not data:
        raise Unreadable(reasons.RUSAK, "berkas kosong")
    if data.startswith(_ZIP_MAGICS):
        return _zip_container(data)
    if data.startswith(CFB_MAGIC):
        return _compound_container(data)
    detail = _text_kind(data)
    if detail is not None:
        raise Unreadable(reasons.TIDAK_DIDUKUNG, detail)
    raise Unreadable(reasons.BUKAN_SPREADSHEET)
