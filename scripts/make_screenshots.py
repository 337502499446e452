"""Render the README's pictures from the real example files (a developer's tool, not a test).

Needs LibreOffice (soffice), pdftoppm (poppler-utils) and rsvg-convert (librsvg2-bin); the
map (peta-kerja-sama.png) only the package itself.
Run from the repository root after scripts/generate_examples.py:
    python scripts/make_screenshots.py
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "demo-pemetaan-ksd"
OUT = ROOT / "docs" / "img"
TERMINAL_FILES = ["masuk/dishub_usulan_ksd_2025.xlsx", "masuk/dlh_usulan_ksd_2025.xlsx"]


def terminal_report(target: Path) -> Path:
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "110", "TERM": "xterm-256color"}
    done = subprocess.run(
        [sys.executable, "-m", "pemetaan_ksd", "validasi", *TERMINAL_FILES, "--profil", "ksd.toml"],
        cwd=EXAMPLE, env=env, capture_output=True, text=True, check=False,
    )
    console = Console(record=True, width=110, force_terminal=True, color_system="truecolor",
                      file=io.StringIO())
    console.print(Text.from_ansi(done.stdout), soft_wrap=True)
    svg = target.with_suffix(".svg")
    svg.write_text(_keep_leading_spaces(console.export_svg(title="pemetaan-ksd validasi")))
    subprocess.run(["rsvg-convert", "-z", "0.7", "-o", str(target), str(svg)], check=True)
    svg.unlink()
    return target


def _keep_leading_spaces(svg: str) -> str:
    """rsvg-convert draws a text run's leading no-break spaces with no width; move the run's
    x past them instead (rich places runs at 0.61 em per character, 20 px font)."""
    char = 0.61 * 20

    def shift(match: re.Match[str]) -> str:
        spaces = len(match.group(4)) // len("&#160;")
        return f'{match.group(1)}x="{float(match.group(2)) + spaces * char:g}"{match.group(3)}'

    return re.sub(r'(<text [^>]*?)x="([\d.]+)"([^>]*>)((?:&#160;)+)', shift, svg)


def peta_kerja_sama(target: Path) -> Path:
    """The map of the consolidated workbook's `Rekap Mitra`, made from the example's inbox as
    `gabung masuk/ --pilih-terbaru` makes it (drawn by the program, rendered by resvg)."""
    from pemetaan_ksd import api
    from pemetaan_ksd.peta import peta_kerja_sama as draw
    from pemetaan_ksd.peta.png import render

    profil = api.open_profile(EXAMPLE / "ksd.toml")
    inbox = sorted((EXAMPLE / "masuk").glob("*.xlsx"))
    with tempfile.TemporaryDirectory() as tmp:
        run = api.merge(inbox, Path(tmp) / "gabungan.xlsx", profil, pilih_terbaru=True)
    assert run.konsolidasi is not None
    peta = draw(run.konsolidasi, profil)
    if peta.svg is None:
        raise SystemExit(peta.keterangan)
    target.write_bytes(render(peta.svg, zoom=1.0))
    return target


def workbook_page(workbook: Path, target: Path, page: int = 1) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profil"
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(workbook)],
                       check=True, capture_output=True)
        pdf = Path(tmp) / f"{workbook.stem}.pdf"
        prefix = Path(tmp) / "hal"
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(prefix)], check=True)
        shutil.copy(prefix.with_suffix(".png"), target)
    return target


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    print(terminal_report(OUT / "laporan-terminal.png"))
    print(workbook_page(EXAMPLE / "daftar_rencana_2025.xlsx", OUT / "daftar-rencana.png"))
    catatan = EXAMPLE / "catatan" / "dinkes_usulan_ksd_2025.catatan.xlsx"
    print(workbook_page(catatan, OUT / "catatan-validasi.png"))
    print(peta_kerja_sama(OUT / "peta-kerja-sama.png"))
