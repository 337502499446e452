"""The zip of the consolidated workbook joins a stream deflated by another process into a part
as it is (quickzip.Deflated): what is read back is the part whole, its CRC right, in zipfile
(zlib) and in calamine (Rust's inflate) alike."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from halves import count_halves
from pemetaan_ksd.write.workbook import quickzip
from pemetaan_ksd.write.workbook.crc import crc32_combine
from pemetaan_ksd.write.workbook.quickzip import MARK, Deflated, QuickZip


@settings(max_examples=300)
@given(st.binary(max_size=2000), st.binary(max_size=2000))
def test_crc_of_two_parts_joined_is_the_crc_of_the_whole(first: bytes, second: bytes) -> None:
    assert crc32_combine(zlib.crc32(first), zlib.crc32(second), len(second)) == zlib.crc32(
        first + second)


def test_crc_of_a_long_part_joined() -> None:
    second = bytes(range(256)) * 300_000  # 77 MB: every bit of the length in use
    assert crc32_combine(zlib.crc32(b"head"), zlib.crc32(second), len(second)) == zlib.crc32(
        b"head" + second)


def _deflated(tmp_path: Path, data: bytes) -> Deflated:
    packer = zlib.compressobj(quickzip.LEVEL, zlib.DEFLATED, -15)
    path = tmp_path / "rows.deflate"
    path.write_bytes(packer.compress(data) + packer.flush(zlib.Z_SYNC_FLUSH))
    return Deflated(path, zlib.crc32(data), len(data))


def _joined(tmp_path: Path, head: bytes, rows: bytes, tail: bytes) -> Path:
    part = tmp_path / "sheet.xml"
    part.write_bytes(head + MARK.encode() + tail)
    out = tmp_path / "out.zip"
    with QuickZip(out, "w", zipfile.ZIP_DEFLATED,
                  joined={"xl/worksheets/sheet1.xml": _deflated(tmp_path, rows)}) as book:
        book.write(part, "xl/worksheets/sheet1.xml")
        book.write(part, "xl/worksheets/sheet2.xml")  # the same file, not joined: as it is
    return out


# Repeated text on both sides of the join: a back-reference across it would be read wrong.
HEAD = b"<worksheet><sheetData>" + b"<row r=\"1\"><c r=\"A1\"/></row>" * 500
ROWS = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>teks %d</t></is></c></row>'
                % (i, i, i % 7) for i in range(2, 20_000))
TAIL = b"<row r=\"1\"><c r=\"A1\"/></row>" * 500 + b"</sheetData></worksheet>"


def test_a_stream_deflated_elsewhere_reads_back_in_its_place(tmp_path: Path) -> None:
    with zipfile.ZipFile(_joined(tmp_path, HEAD, ROWS, TAIL)) as book:
        assert book.testzip() is None
        assert book.read("xl/worksheets/sheet1.xml") == HEAD + ROWS + TAIL
        assert book.read("xl/worksheets/sheet2.xml") == HEAD + MARK.encode() + TAIL
        assert book.getinfo("xl/worksheets/sheet1.xml").file_size == len(HEAD + ROWS + TAIL)


def test_without_zipfiles_private_counters_the_stream_is_inflated_and_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quickzip, "_WRITER", ("_compressor", "_not_in_this_python"))
    with zipfile.ZipFile(_joined(tmp_path, HEAD, ROWS, TAIL)) as book:
        assert book.testzip() is None
        assert book.read("xl/worksheets/sheet1.xml") == HEAD + ROWS + TAIL


def test_a_part_without_its_place_is_a_fault_of_ours(tmp_path: Path) -> None:
    part = tmp_path / "sheet.xml"
    part.write_bytes(HEAD + TAIL)
    with (pytest.raises(RuntimeError, match="no place"),
          QuickZip(tmp_path / "out.zip", "w", zipfile.ZIP_DEFLATED,
                   joined={"sheet1.xml": _deflated(tmp_path, ROWS)}) as book):
        book.write(part, "sheet1.xml")


def test_rows_deflated_for_a_part_never_written_are_a_fault_of_ours(tmp_path: Path) -> None:
    book = QuickZip(tmp_path / "out.zip", "w", zipfile.ZIP_DEFLATED,
                    joined={"sheet1.xml": _deflated(tmp_path, ROWS)})
    with pytest.raises(RuntimeError, match="not written"):
        book.close()


def test_rows_after_the_joined_stream_deflated_in_halves_read_back_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    halves = count_halves(monkeypatch, 65536)
    with zipfile.ZipFile(_joined(tmp_path, HEAD, ROWS, ROWS + TAIL)) as book:
        assert book.testzip() is None
        assert book.read("xl/worksheets/sheet1.xml") == HEAD + ROWS + ROWS + TAIL
    assert len(halves) > 4
