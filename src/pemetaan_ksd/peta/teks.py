"""How wide a label runs: Arial's advance widths (Liberation Sans has the same metrics).

The map names its font Arial first; the label boxes the placement compares are these widths
times the font size, so labels that do not collide here do not collide where Arial is drawn.
"""

from __future__ import annotations

# Advance widths of the characters U+0020 .. U+007E in thousandths of an em.
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722,
    722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
    667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
    556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
    500, 334, 260, 334, 584,
)
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722,
    722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722,
    667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
    611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556,
    500, 389, 280, 389, 584,
)
_OTHER = 600  # a character outside the table: a little wider than most letters

FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif"


def width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` set in Arial of `size` pixels."""
    table = _BOLD if bold else _REGULAR
    total = 0
    for ch in text:
        code = ord(ch) - 32
        total += table[code] if 0 <= code < len(table) else _OTHER
    return total * size / 1000


def wrap(text: str, size: float, room: float, bold: bool = False) -> list[str]:
    """`text` broken into lines of at most `room` pixels, word by word."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and width(candidate, size, bold) > room:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines or [""]
