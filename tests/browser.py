"""A real browser for the HTML report: the system's Chromium, driven by playwright.

playwright's own browser download is never used (it is not reachable here, nor needed): the
browser is Debian's `chromium` (.ci/run installs it), or $CHROMIUM. A test asking for
`browser` is skipped when either is missing, unless the environment variable CI is set, where
it fails instead (as the LibreOffice tests do, conftest.py).

The fixture is `browser` (import `browser_fixture` into the test module that asks for it).
`opened(browser, page)` opens a generated page and records every request it makes and every
dialog it tries to show; `pixels(browser, png)` measures a screenshot in a blank tab (canvas
pixel data), so that a test can tell a drawn page from a blank one.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page

CHROMIUM = os.environ.get("CHROMIUM") or next(
    (p for name in ("chromium", "chromium-browser") if (p := shutil.which(name))), None)
PHONE, DESKTOP = 390, 1280


def _missing() -> str | None:
    if CHROMIUM is None:
        return "Chromium (paket chromium) tidak terpasang"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright tidak terpasang (pip install '.[test]')"
    return None


def require_browser() -> str:
    """The Chromium to use; else a skip, or a failure under CI."""
    missing = _missing()
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}, padahal CI memerlukannya")
        pytest.skip(missing)
    assert CHROMIUM is not None
    return CHROMIUM


@pytest.fixture(scope="module", name="browser")
def browser_fixture() -> Iterator[Browser]:
    """Chromium, once per test module (import this name into the module that asks for it)."""
    executable = require_browser()
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=executable, args=args)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Opened:
    page: Page
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@contextmanager
def opened(browser: Browser, path: Path, width: int = DESKTOP, height: int = 900,
           javascript: bool = True) -> Iterator[Opened]:
    """The page at `path` in a fresh tab; every request but the page itself is blocked (and
    recorded), and so is every dialog (alert, confirm, prompt)."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=javascript)
    tab = context.new_page()
    seen = Opened(tab)
    own = path.resolve().as_uri()

    def route(r: Any) -> None:
        if r.request.url == own:
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    def dialog(shown: Dialog) -> None:
        seen.dialogs.append(shown.message)
        shown.dismiss()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            seen.errors.append(message.text)

    tab.on("request", lambda request: seen.requests.append(request.url))
    tab.on("dialog", dialog)
    tab.on("pageerror", lambda error: seen.errors.append(str(error)))
    tab.on("console", console)
    try:
        tab.goto(own)
        tab.wait_for_load_state("load")
        yield seen
    finally:
        context.close()


@dataclass(frozen=True)
class Pixels:
    width: int
    height: int
    colours: int  # distinct colours, each channel rounded to 8 levels
    spread: float  # standard deviation of the luminance, 0-255


def pixels(browser: Browser, png: bytes) -> Pixels:
    """Decode `png` in a blank tab and measure it."""
    import base64

    tab = browser.new_page()
    try:
        data = "data:image/png;base64," + base64.b64encode(png).decode()
        found = tab.evaluate(_MEASURE, data)
    finally:
        tab.close()
    return Pixels(int(found["w"]), int(found["h"]), int(found["colours"]),
                  float(found["spread"]))


_MEASURE = """async (src) => {
  const img = new Image();
  img.src = src;
  await img.decode();
  const c = document.createElement("canvas");
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext("2d");
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  const seen = new Set();
  let sum = 0, sq = 0, n = 0;
  for (let i = 0; i < d.length; i += 4) {
    seen.add(((d[i] >> 5) << 6) | ((d[i + 1] >> 5) << 3) | (d[i + 2] >> 5));
    const y = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
    sum += y; sq += y * y; n += 1;
  }
  const mean = sum / n;
  return {w: c.width, h: c.height, colours: seen.size, spread: Math.sqrt(sq / n - mean * mean)};
}"""
