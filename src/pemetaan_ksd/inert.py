"""Text from outside the program made inert for a terminal: the screen, and the log files an
operator follows with `tail -f` (proses.log). It imports nothing of the program, so every layer
may use it; cli/inert.py gives the CLI the same functions (render.py escapes rich markup besides).

A submission is written by someone else: a cell, a sheet name or a file name may hold an escape
sequence (`ESC[2J` clears the screen, `ESC]8;;...` opens a hyperlink), a carriage return that
overwrites the line, or a bidi override that shows the text reversed. Every character a terminal
would act on instead of showing is shown by its code in JSON's notation, `\\u001b` for ESC:
the C0 controls (U+0000-U+001F, line breaks and tabs included), DEL and the C1 controls
(U+007F-U+009F), and the bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
Everything else, letters of any script included, is left as it is.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ACTIVE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_ACTIVE_BUT_LINE_BREAK = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
# In JSON text only strings can hold these (json escapes the C0 controls itself): an escape
# there is the same value.
_ACTIVE_IN_JSON = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}]")


def code_of(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def inert(text: str) -> str:
    """A value from a file (a cell, a message quoting one, a name): every character a terminal
    acts on shown as `\\uXXXX`."""
    return _ACTIVE.sub(code_of, text)


def inert_lines(text: str) -> str:
    """A sentence of the program that may quote such a value: the same, line breaks kept."""
    return _ACTIVE_BUT_LINE_BREAK.sub(code_of, text)


def inert_json(text: str) -> str:
    """JSON text for the terminal: DEL, C1 and bidi controls inside strings written as JSON
    escapes, so a reader parses the same values."""
    return _ACTIVE_IN_JSON.sub(code_of, text)
