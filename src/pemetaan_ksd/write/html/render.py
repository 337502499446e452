"""The page from its templates: Jinja2 with autoescape, one self-contained file.

The style sheet and the little script are inline. The page's Content-Security-Policy lets it
load nothing (`default-src 'none'`: no font, image, frame or connection), and names the script
by its sha256: no other script can run in it, so even text that escaped escaping could not
act. Inline style is allowed (`'unsafe-inline'`, which the map of issue 16 uses on its <svg>):
with nothing loadable, a style can change how the page looks but can neither run nor send.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from pemetaan_ksd.write.atomic import Staging, atomic_write_bytes
from pemetaan_ksd.write.html.page import Sumber, build_page

PAGE = "laporan.html.j2"
STYLE = "gaya.css"
SCRIPT = "saring.js"


_BREAKS = re.compile(r"(?<=[/_\\.-])")


def breakable(path: str) -> Markup:
    """A file path that may wrap after `/`, `_`, `.` or `-` (a <wbr> there), each part
    escaped: long names of submissions wrap where a reader expects, not inside a word."""
    return Markup("<wbr>").join(escape(part) for part in _BREAKS.split(path))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pemetaan_ksd.write.html", "templates"),
        autoescape=True,  # every value is text unless it is Markup made here
        undefined=StrictUndefined,  # a name missing from the context is a fault, not ""
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["sela"] = breakable
    return env


def _source(name: str) -> str:
    """A template's text as it is (the style sheet and the script are not templates)."""
    env = environment()
    assert env.loader is not None
    text, _, _ = env.loader.get_source(env, name)
    return text.strip("\n")


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def csp(script: str) -> str:
    """Nothing loaded from anywhere; no script but this page's own."""
    return (f"default-src 'none'; style-src 'unsafe-inline'; script-src '{_digest(script)}'; "
            "base-uri 'none'; form-action 'none'")


def render_page(src: Sumber, target: Path) -> str:
    """The page's HTML text, for a page that will be written at `target`."""
    style, script = _source(STYLE), _source(SCRIPT)
    context = build_page(src, target)
    if src.peta_svg is not None:
        context["peta_svg"] = Markup(src.peta_svg)  # built by the program, its text escaped
    return environment().get_template(PAGE).render(
        **context, gaya=Markup(style), skrip=Markup(script), csp=csp(script))


def write_page(src: Sumber, target: Path, staging: Staging | None = None) -> Path:
    """Render and write (or stage with the run's other outputs) the page at `target`."""
    data = render_page(src, target).encode("utf-8")
    if staging is not None:
        return staging.write_bytes(target, data)
    return atomic_write_bytes(target, data)
