"""SVG elements as text, every name and value escaped."""

from __future__ import annotations

import re

from pemetaan_ksd.write.feedback_chars import BIDI_CONTROLS, NOT_IN_XML

# Characters XML cannot hold, C1 controls and bidi controls: shown by their code (`\u001b`), as
# the terminal and the feedback copies show them; line breaks and tabs become spaces.
_HIDDEN = re.compile(f"[{NOT_IN_XML}\x7f-\x9f{BIDI_CONTROLS}]")
_SPACES = re.compile(r"[\t\n\r]+")

Attrs = dict[str, str | float | None]  # an element's attributes; None: left out


def clean(text: str) -> str:
    """Text from a submission made inert for a picture: one line, no control characters."""
    text = _SPACES.sub(" ", text)
    return _HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text).strip()


def esc(text: str) -> str:
    """Text for an element's content or an attribute's value."""
    return (clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def num(value: float) -> str:
    """A coordinate: one decimal, no trailing zero."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def attrs(values: Attrs) -> str:
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        shown = num(value) if isinstance(value, float) else str(value)
        parts.append(f' {key}="{esc(shown)}"')
    return "".join(parts)


def el(tag: str, values: Attrs, content: str | None = None) -> str:
    """`<tag a="v">content</tag>`; `content` is markup already (escape text with `esc`)."""
    if content is None:
        return f"<{tag}{attrs(values)}/>"
    return f"<{tag}{attrs(values)}>{content}</{tag}>"


def text(x: float, y: float, body: str, values: Attrs) -> str:
    """A `<text>` of plain text at (x, y)."""
    return el("text", {"x": x, "y": y, **values}, esc(body))
