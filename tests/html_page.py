"""Reading a generated HTML report back (the standard library's parser), and an inbox that
holds every kind of outcome plus hostile text.

    page = parse(path.read_text("utf-8"))
    page.attrs("data-angka")  ->  {"files": "5", ...} (the text of each element so marked)
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from workbooks import build_submission, good_row

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
SVG_NAME = '"><svg onload=alert(3)>Dinas Uji'
FILE_NAME = "<b onmouseover=alert(4)>usulan.xlsx"
HOSTILE = (SCRIPT, IMG, SVG_NAME)
DINKES = {"kode_opd": "1.02.0.00.0.00.01.0000", "nama_opd": "Dinas Kesehatan",
          "tanggal_pengisian": None}
DISHUB = {"kode_opd": "2.15.0.00.0.00.01.0000", "nama_opd": "Dinas Perhubungan",
          "tanggal_pengisian": None}
STRANGER = {"kode_opd": "9.99.0.00.0.00.01.0000", "nama_opd": SVG_NAME,
            "tanggal_pengisian": dt.date(2025, 2, 20)}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source"}


def build_inbox(folder: Path) -> Path:
    """Valid, to fix, unreadable, replaced, not usulan, another year, and hostile text in a
    choice cell, a partner's name, an OPD's name and a file's name."""
    folder.mkdir(parents=True, exist_ok=True)
    build_submission(folder / "dlh.xlsx", [good_row(), {"objek": "Martapura, 14 Februari 2025"}],
                     usulan_cells={"C20": "Kepala Dinas"})
    build_submission(folder / "dinkes.xlsx", [
        good_row(), good_row(no=2, manfaat_mitra="-"),
        good_row(no=3, jenis_kerja_sama=SCRIPT),
        good_row(no=4, jenis_kerja_sama="KSDD Sukarela", calon_mitra=IMG,
                 kode_wilayah_mitra=None),
        good_row(no=5, tahun_mulai=2026, tahun_selesai=2027,
                 calon_mitra="Kabupaten Tapin", kode_wilayah_mitra="63.05")],
        identitas=DINKES)
    (folder / "rusak.xlsx").write_bytes(b"PK\x03\x04 terpotong")
    old = build_submission(folder / "dishub_lama.xlsx",
                           [good_row(), good_row(no=2, manfaat_daerah="-")], identitas=DISHUB)
    new = build_submission(folder / "dishub_baru.xlsx", [good_row()], identitas=DISHUB)
    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(new, (1_700_100_000, 1_700_100_000))
    build_submission(folder / FILE_NAME, [good_row(calon_mitra="Kabupaten Tanah Laut",
                                                    kode_wilayah_mitra="63.01")],
                     identitas=STRANGER)
    return folder


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    ancestors: tuple[Element, ...] = field(default=(), repr=False)
    text: list[str] = field(default_factory=list, repr=False)

    @property
    def content(self) -> str:
        return "".join(self.text)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, tuple(self.open))
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {k: v or "" for k, v in attrs}, tuple(self.open)))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text.append(data)


@dataclass
class Page:
    elements: list[Element] = field(repr=False)

    def having(self, attr: str) -> Iterator[Element]:
        return (e for e in self.elements if attr in e.attrs)

    def marked(self, attr: str) -> dict[str, str]:
        """{value of `attr`: the element's text} for every element carrying `attr`."""
        return {e.attrs[attr]: " ".join(e.content.split()) for e in self.having(attr)}

    def by_id(self, ident: str) -> Element:
        return next(e for e in self.elements if e.attrs.get("id") == ident)

    def within(self, ident: str) -> Page:
        """The elements inside the one with id `ident`."""
        container = self.by_id(ident)
        return Page([e for e in self.elements if any(a is container for a in e.ancestors)])

    def tags(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return Page(parser.elements)
