"""Which kind of workbook a file really is, from its bytes (never from its name).

Returns the opened container (zip or compound file) with its format, or raises Unreadable with
the kind of ReadError. Zip limits (safety.py) are checked here, before anything inside
the zip is decompressed.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from enum import StrEnum

from pemetaan_ksd import safety
from pemetaan_ksd.read import reasons
from pemetaan_ksd.read.cfb import MAGIC as CFB_MAGIC
from pemetaan_ksd.read.cfb import CfbError, CompoundFile
from pemetaan_ksd.read.reasons import Unreadable
from pemetaan_ksd.read.scan_xlsx import WORKBOOK_PART

_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ODS_MIMETYPES = (b"application/vnd.oasis.opendocument.spreadsheet",)
_MAX_MIMETYPE_BYTES = 200


class Format(StrEnum):
    OOXML = "xlsx"  # .xlsx, .xlsm (and templates .xltx/.xltm)
    ODS = "ods"
    XLS = "xls"


@dataclass
class Container:
    format: Format
    archive: zipfile.ZipFile | None = None
    compound: CompoundFile | None = None


def _zip_container(data: bytes) -> Container:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise Unreadable(reasons.RUSAK) from exc
    too_large = safety.check_zip_entries(archive.infolist())
    if too_large is not None:
        raise Unreadable(reasons.TERLALU_BESAR, too_large)
    names = set(archive.namelist())
    if WORKBOOK_PART in names:
        return Container(Format.OOXML, archive=archive)
    if "mimetype" in names and archive.getinfo("mimetype").file_size <= _MAX_MIMETYPE_BYTES:
        if archive.read("mimetype").strip().startswith(_ODS_MIMETYPES):
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
    except (CfbError, ValueError, IndexError) as exc:
        raise Unreadable(reasons.RUSAK) from exc
    if compound.has_stream("EncryptedPackage"):
        raise Unreadable(reasons.KATA_SANDI)
    if compound.has_stream("Workbook") or compound.has_stream("Book"):
        return Container(Format.XLS, compound=compound)
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
