"""The HTML report in a real browser (headless Chromium): what it shows, what it loads (only
itself), a hostile cell shown as text, readable without script and on a phone, filtering with
script, printable with the status table on the first A4 page, and not blank when drawn."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from browser import DESKTOP, PHONE, browser_fixture, opened, pixels  # noqa: F401
from html_page import FILE_NAME, IMG, SCRIPT, SVG_NAME, build_inbox
from pemetaan_ksd import api
from pemetaan_ksd.cli.app import run
from pemetaan_ksd.demo import run as demo_run
from pemetaan_ksd.profile import load_profile

if TYPE_CHECKING:
    from playwright.sync_api import Browser

COMMITTED = Path(__file__).resolve().parents[1] / "examples" / "demo-pemetaan-ksd"


@pytest.fixture(scope="module")
def demo(demo_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo's page, and the JSON report of the same run (gabung --pilih-terbaru)."""
    profil = load_profile(demo_folder / demo_run.PROFIL)
    done = api.merge([demo_folder / demo_run.MASUK],
                     tmp_path_factory.mktemp("demo") / "daftar.xlsx", profil, pilih_terbaru=True)
    return {"page": demo_folder / demo_run.HTML, "profil": profil,
            "json": json.loads(api.report_json(done.report))}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("jahat")
    masuk = build_inbox(root / "masuk")
    page, laporan = root / "keluar" / "laporan.html", root / "keluar" / "laporan.json"
    run(["gabung", str(masuk), "-o", str(root / "keluar" / "daftar.xlsx"), "--pilih-terbaru",
         "--anotasi", str(root / "keluar" / "catatan"), "--html", str(page), "--laporan",
         str(laporan)])
    return {"page": page, "json": json.loads(laporan.read_text(encoding="utf-8"))}


def _codes(document: dict[str, Any]) -> set[str]:
    found = {f["code"] for fr in document["files"] for f in fr["findings"]}
    return found | {f["code"] for f in document["findings"]}


@pytest.mark.parametrize("which", ["demo", "hostile"])
def test_the_dom_holds_every_opd_every_code_and_only_working_links(
        browser: Browser, demo: dict[str, Any], hostile: dict[str, Any], which: str) -> None:
    case = {"demo": demo, "hostile": hostile}[which]
    page: Path = case["page"]
    with opened(browser, page) as seen:
        tab = seen.page
        names = tab.locator("#tabel-status tbody tr .nama").all_inner_texts()
        profil = api.open_profile(None) if which == "hostile" else case["profil"]
        assert {o.nama for o in profil.perangkat_daerah} <= set(names)
        codes = set(tab.eval_on_selector_all("[data-kode]",
                                             "els => els.map(e => e.dataset.kode)"))
        assert _codes(case["json"]) <= codes
        shown = tab.locator("main").inner_text()
        assert all(code in shown for code in _codes(case["json"]))
        hrefs = tab.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
        ids = set(tab.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        assert seen.requests == [page.resolve().as_uri()]
        assert seen.errors == [] and seen.dialogs == []
    own = page.resolve().as_uri()
    for href in hrefs:
        if href.startswith(own + "#"):
            assert href.split("#", 1)[1] in ids, href
        else:
            from urllib.parse import unquote, urlparse

            url = urlparse(href)
            assert url.scheme == "file" and Path(unquote(url.path)).is_file(), href


def test_a_hostile_cell_is_shown_and_never_run(browser: Browser,
                                               hostile: dict[str, Any]) -> None:
    with opened(browser, hostile["page"]) as seen:
        tab = seen.page
        for text in (SCRIPT, IMG, SVG_NAME, FILE_NAME):
            assert tab.locator("#berkas").get_by_text(text).first.is_visible(), text
        for text in (SVG_NAME, FILE_NAME):
            assert tab.locator("#urut-profil").get_by_text(text).first.is_visible(), text
        assert tab.locator("script").count() == 1
        assert tab.locator("img").count() == 0
        assert tab.evaluate("document.querySelectorAll('[onload],[onerror],"
                            "[onmouseover]').length") == 0
        tab.locator("#urut-profil").get_by_text(FILE_NAME).first.hover()
        assert seen.dialogs == [] and seen.errors == []


def test_the_style_and_the_script_are_allowed_by_the_pages_own_policy(
        browser: Browser, demo: dict[str, Any]) -> None:
    with opened(browser, demo["page"]) as seen:
        tab = seen.page
        header = tab.eval_on_selector(".kepala", "e => getComputedStyle(e).backgroundColor")
        assert header == "rgb(31, 56, 100)"  # the style sheet applies
        assert tab.locator("#saring").is_visible()  # the script ran
        assert seen.errors == []


def test_readable_and_sortable_without_script(browser: Browser, demo: dict[str, Any]) -> None:
    with opened(browser, demo["page"], javascript=False) as seen:
        tab = seen.page
        assert tab.locator("#saring").is_hidden()
        default = tab.locator("#urut-profil")
        assert default.is_visible() and tab.locator("#urut-nama").is_hidden()
        rows = default.locator("tbody tr .nama").all_inner_texts()
        assert rows == [o.nama for o in demo["profil"].perangkat_daerah]
        tab.locator(".urut-tautan a[href='#urut-nama']").click()
        assert tab.locator("#urut-nama").is_visible() and default.is_hidden()
        by_name = tab.locator("#urut-nama tbody tr .nama").all_inner_texts()
        assert by_name == sorted(rows, key=str.casefold)
        assert tab.locator("#rekap svg.bagan").count() == 2
        assert tab.locator("article.berkas").count() == len(demo["json"]["files"])


def test_filtering_with_a_little_script(browser: Browser, demo: dict[str, Any]) -> None:
    with opened(browser, demo["page"]) as seen:
        tab = seen.page
        visible = "#urut-profil tbody tr:not([hidden])"
        tab.select_option("#saring-status", "belum_mengirim")
        statuses = tab.eval_on_selector_all(visible, "els => els.map(e => e.dataset.status)")
        summary = api.ringkasan(api.status([demo["page"].parent / demo_run.MASUK],
                                           demo["profil"], pilih_terbaru=True).items)
        assert statuses == ["belum_mengirim"] * summary["belum_mengirim"]
        assert "perangkat daerah ditampilkan" in tab.locator("#saring-hasil").inner_text()
        tab.select_option("#saring-status", "")
        tab.fill("#saring-teks", "kesehatan")
        names = tab.locator(f"{visible} .nama").all_inner_texts()
        assert names == ["Dinas Kesehatan"]
        assert tab.locator("article.berkas:not([hidden])").count() == 2  # both Dinkes files
        assert seen.errors == []


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_a_screenshot_is_not_blank(browser: Browser, demo: dict[str, Any], width: int,
                                   tmp_path: Path) -> None:
    with opened(browser, demo["page"], width=width, height=844) as seen:
        tab = seen.page
        assert tab.evaluate("document.documentElement.scrollWidth") <= width  # no sideways
        hidden_sideways = tab.eval_on_selector_all(
            ".gulir", "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => "
            "(e.querySelector('table') || e).id || e.parentElement.id)")
        assert hidden_sideways == []  # every table fits: nothing to scroll sideways to find
        top = tab.screenshot()
        tab.locator("#berkas article").first.scroll_into_view_if_needed()
        lower = tab.screenshot()
    for shot in (top, lower):
        found = pixels(browser, shot)
        assert (found.width, found.height) == (width, 844)
        assert found.colours >= 8 and found.spread >= 20, found
    assert top != lower


PDFTOTEXT = shutil.which("pdftotext")


def test_printed_the_status_table_fills_the_first_a4_page(browser: Browser,
                                                          demo: dict[str, Any],
                                                          tmp_path: Path) -> None:
    if PDFTOTEXT is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext (poppler-utils) tidak terpasang, padahal CI memerlukannya")
        pytest.skip("pdftotext (poppler-utils) tidak terpasang")
    with opened(browser, demo["page"]) as seen:
        tab = seen.page
        tab.emulate_media(media="print")
        assert tab.locator("#saring").is_hidden() and tab.locator("#urut-nama").is_hidden()
        pdf = tmp_path / "laporan.pdf"
        tab.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)

    def page_text(number: int) -> str:
        done = subprocess.run([PDFTOTEXT, "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=True)
        return " ".join(done.stdout.split())
    first = page_text(1)
    assert "Status pengumpulan" in first and "Ringkasan" not in first
    for opd in demo["profil"].perangkat_daerah:
        assert " ".join(opd.nama.split()) in first, opd.nama
    assert "Ringkasan" in page_text(2)


def test_the_committed_example_opens_like_the_generated_one(browser: Browser,
                                                            demo_folder: Path) -> None:
    """examples/ is what the README points at: it must open as cleanly (no request, no error)."""
    page = COMMITTED / demo_run.HTML
    with opened(browser, page, width=PHONE) as seen:
        assert seen.page.locator("#tabel-status tbody tr").count() == len(
            load_profile(COMMITTED / demo_run.PROFIL).perangkat_daerah)
        assert seen.requests == [page.resolve().as_uri()] and seen.errors == []
