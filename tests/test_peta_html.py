"""The map in the HTML report: gabung --html and index.html of proses draw it as the workbook."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from pemetaan_ksd.cli.app import run

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "demo-pemetaan-ksd"


def _example_inbox(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(EXAMPLE / "masuk", tmp_path / "masuk")
    shutil.copy(EXAMPLE / "ksd.toml", tmp_path / "ksd.toml")
    shutil.copy(EXAMPLE / "kerja_sama_berlaku.csv", tmp_path / "kerja_sama_berlaku.csv")
    return tmp_path / "masuk", tmp_path / "ksd.toml"


def _map_of(page: str) -> str:
    found = re.search(r'<section id="peta".*?</section>', page, re.DOTALL)
    assert found is not None, "no map section"
    return found.group(0)


def test_gabung_html_carries_the_map_of_the_accepted_partners(tmp_path: Path) -> None:
    inbox, profil = _example_inbox(tmp_path)
    page = tmp_path / "laporan.html"
    run(["gabung", str(inbox), "--profil", str(profil), "--pilih-terbaru",
         "-o", str(tmp_path / "daftar.xlsx"), "--html", str(page)])
    peta = _map_of(page.read_text(encoding="utf-8"))
    assert "<svg" in peta and 'href="#peta"' in page.read_text(encoding="utf-8")
    partners = dict(re.findall(r'data-kode="([\d.]+)"[^>]*data-usulan="(\d+)"', peta))
    # The demo's accepted daerah partners with their counts; Kota Balikpapan (64.71, KSDD
    # Wajib without a border: rejected by KSD401) is not among them.
    assert partners == {"63.05": "1", "63.72": "3", "63": "1"}


def test_the_scheduled_job_page_carries_the_map(tmp_path: Path) -> None:
    inbox, profil = _example_inbox(tmp_path)
    keluar = tmp_path / "keluar"
    run(["proses", "--masuk", str(inbox), "--keluar", str(keluar), "--profil", str(profil),
         "--tunggu-stabil", "0"])
    assert "<svg" in _map_of((keluar / "index.html").read_text(encoding="utf-8"))
