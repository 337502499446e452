"""Characters of a submission that a feedback copy cannot write as they are.

A cell may hold a control character: Excel stores ESC as `_x001B_`, the reader decodes it, and
a message quotes it. XML 1.0 cannot hold most C0 controls (nor U+FFFE, U+FFFF, a lone
surrogate) even as `&#27;`: written raw by openpyxl, they make the copy unreadable (openpyxl
refuses it, Excel "repairs" it). Two cases, two answers:

- `shown`: the copy's own words (notes, the `Catatan Validasi` sheet) show each control
  character except line break and tab, and each bidi control, by its code in JSON's notation,
  `\\u001b` for ESC, as the terminal does (cli/inert.py): visible, never acted on.
- `stored`: a value put back into a cell of a rebuilt copy keeps the submission's value, in
  the form Excel itself stores it: `_xHHHH_` for a control character, and `_x005F_` before a
  literal `_xHHHH_` so that it stays literal (our reader, Excel and LibreOffice decode both;
  openpyxl shows the stored form).
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
NOT_IN_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_HIDDEN = re.compile(f"[{NOT_IN_XML}\r\x7f-\x9f{BIDI_CONTROLS}]")
_UNSTORABLE = re.compile(f"[{NOT_IN_XML}\r]")  # \r: XML reads a raw one as \n
_LITERAL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def shown(text: str) -> str:
    """A text of the copy (a note, a cell of `Catatan Validasi`) with its controls visible."""
    text = _HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return _LITERAL_ESCAPE.sub(r"_x005F_\1", text)


def stored(value: str) -> str:
    """A submission's text as a cell stores it, so that reading the copy gives it back."""
    value = _LITERAL_ESCAPE.sub(r"_x005F_\1", value)
    return _UNSTORABLE.sub(lambda m: f"_x{ord(m.group()):04X}_", value)


def sheet_title(name: str) -> str:
    """A sheet name the workbook can hold: controls (no code: `\\` is not allowed) as `_`."""
    return _HIDDEN.sub("_", name)
