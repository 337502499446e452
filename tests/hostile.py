"""Submissions holding hostile text, built in code, and readers of what the program wrote.

    build_hostile(tmp_path / "dlh.xlsx", [good_row(objek="=cmd|' /C calc'!A0 ...")])

Every text is stored as Excel stores a typed text: a string cell even when it starts with `=`
(never a formula), a control character as `_xHHHH_` (ESC is `_x001B_`, CR `_x000D_`), a literal
`_xHHHH_` behind `_x005F_`. The reader (calamine) decodes them: it sees exactly the text given.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from xml.etree import ElementTree

from openpyxl import load_workbook

from workbooks import build_submission

# What a hostile clerk may type, one kind each (issue 14 item 3).
DDE = "=cmd|' /C calc'!A0"
DDE_AT = "@SUM(1+1)*cmd|' /C calc'!A0"
HYPERLINK = '=HYPERLINK("http://x","klik")'
URL = "http://evil.example/klik"
PLUS = "+62 811 5000 123 dihubungi untuk rapat koordinasi"
MINUS = "-2+3 pengelolaan sampah bersama lintas daerah"
TAB = "\tpengelolaan sampah bersama dengan tab di depan"
CR = "\rpengelolaan sampah bersama dengan CR di depan"
FORMULA_WORDS = "=1+1 pengelolaan sampah bersama lintas daerah"
INJECTIONS = (DDE, DDE_AT, HYPERLINK, URL, PLUS, MINUS, TAB, CR, FORMULA_WORDS)

# Terminal attacks: clear the screen, a hidden hyperlink, a retitled window, a line overwritten,
# text shown reversed; and rich markup, which must show as typed.
CLEAR = "\x1b[2J\x1b[H"
OSC_LINK = "\x1b]8;;http://evil.example\x1b\\klik\x1b]8;;\x1b\\"
TITLE = "\x1b]0;judul palsu\x07"
OVERWRITE = "ditolak\rVALID"
BACKSPACE = "ditolak\b\b\b\b\b\b\bVALID"
CSI_C1 = "\x9b2J"
BIDI = "\u202eKSDD Sukarela\u202c \u2066x\u2069 \u200f"
MARKUP = "[bold red]tebal[/bold red] [link=http://evil]x[/link]"

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# What no text of a file may put on the terminal raw: C0 (line breaks aside, which are ours),
# DEL, C1 and the bidi controls.
ACTIVE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")

_LITERAL = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
_STORED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def excel_stored(text: str) -> str:
    """`text` as Excel writes it into the XML of a cell."""
    text = _LITERAL.sub(r"_x005F_\1", text)
    return _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def excel_read(stored: str) -> str:
    """The text a cell's stored form means (what Excel, LibreOffice and calamine show)."""
    return _STORED.sub(lambda m: chr(int(m.group(1), 16)), stored)


def visible(text: str) -> str:
    """The program's visible form of a text: each active character as `\\uXXXX`."""
    return re.sub(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]",
                  lambda m: f"\\u{ord(m.group()):04x}", text)


def _stored_values(values: Mapping[str, object]) -> dict[str, object]:
    return {k: excel_stored(v) if isinstance(v, str) else v for k, v in values.items()}


def build_hostile(path: Path, rows: Sequence[Mapping[str, object]], *,
                  identitas: Mapping[str, object] | None = None) -> Path:
    """A template-shaped submission whose every text is a string cell, stored as Excel does."""
    build_submission(path, [_stored_values(r) for r in rows],
                     identitas=_stored_values(identitas or {}))
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # openpyxl made "=..." a formula: make it text again
                    cell.data_type = "s"
    wb.save(path)
    return path


def xml_parts(path: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every XML part of an xlsx, each parsed (raises when not well-formed)."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels", ".vml")):
                data = archive.read(name)
                ElementTree.parse(io.BytesIO(data))
                yield name, data


_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def sheet_cells(path: Path) -> dict[str, list[tuple[str, str | None, bool, str]]]:
    """Per worksheet part: (ref, t attribute, has <f>, text as stored) of each cell with text."""
    with zipfile.ZipFile(path) as archive:
        shared = _shared_strings(archive)
        found: dict[str, list[tuple[str, str | None, bool, str]]] = {}
        for name in archive.namelist():
            if not re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                continue
            root = ElementTree.fromstring(archive.read(name))
            cells = found.setdefault(name, [])
            for c in root.iter(f"{{{_NS['m']}}}c"):
                kind = c.get("t")
                has_f = c.find("m:f", _NS) is not None
                if kind == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter(f"{{{_NS['m']}}}t"))
                elif kind == "s":
                    text = shared[int(c.findtext("m:v", "0", _NS))]
                else:
                    text = c.findtext("m:v", "", _NS)
                cells.append((c.get("r", ""), kind, has_f, text))
    return found


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{{{_NS['m']}}}t"))
            for si in root.iter(f"{{{_NS['m']}}}si")]


def formulas(path: Path) -> list[str]:
    """The text of every <f> element of every worksheet."""
    with zipfile.ZipFile(path) as archive:
        return [f.text or "" for name in archive.namelist()
                if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name)
                for f in ElementTree.fromstring(archive.read(name)).iter(f"{{{_NS['m']}}}f")]


def external_links(path: Path) -> list[str]:
    """Targets of every hyperlink relationship (a link out of the workbook) and every
    hyperlink element that is not a jump inside the workbook."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        found = [m.group(1) for name in names if name.endswith(".rels")
                 for m in re.finditer(rb'Type="[^"]*/hyperlink"[^>]*Target="([^"]*)"',
                                      archive.read(name))]
        for name in names:
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                root = ElementTree.fromstring(archive.read(name))
                found += [str(h.attrib) for h in root.iter(f"{{{_NS['m']}}}hyperlink")
                          if h.get("location") is None]
    return [str(x) for x in found]
