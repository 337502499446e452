"""Picture the HTML report in a real browser: the README's docs/img/laporan.png, from the demo.

Needs playwright (`pip install '.[test]'`) and the system's Chromium (Debian: `apt-get install
chromium`); playwright's own browser download is never used. Run from the repository root after
scripts/generate_examples.py:
    python scripts/screenshot_html.py                     # docs/img/laporan.png, 1280 px wide
    python scripts/screenshot_html.py PAGE.html OUT.png --lebar 390 --penuh
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "demo-pemetaan-ksd" / "laporan.html"
OUT = ROOT / "docs" / "img" / "laporan.png"


def chromium() -> str:
    """The system's Chromium: $CHROMIUM, else the first found on PATH."""
    found = os.environ.get("CHROMIUM") or next(
        (p for name in ("chromium", "chromium-browser", "google-chrome")
         if (p := shutil.which(name))), None)
    if found is None:
        sys.exit("Chromium tidak ditemukan: pasang paket chromium (apt-get install chromium).")
    return found


def screenshot(page: Path, out: Path, width: int = 1280, height: int = 900,
               full_page: bool = False) -> Path:
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=args)
        try:
            tab = browser.new_page(viewport={"width": width, "height": height})
            tab.goto(page.resolve().as_uri())
            out.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(out), full_page=full_page)
        finally:
            browser.close()
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", type=Path, default=PAGE)
    parser.add_argument("out", nargs="?", type=Path, default=OUT)
    parser.add_argument("--lebar", type=int, default=1280, help="lebar jendela (px)")
    parser.add_argument("--tinggi", type=int, default=900, help="tinggi jendela (px)")
    parser.add_argument("--penuh", action="store_true", help="seluruh halaman, bukan layar")
    options = parser.parse_args()
    print(screenshot(options.page, options.out, options.lebar, options.tinggi, options.penuh))
