"""The HTML report of validasi, gabung and proses (CONTRACT section 4, issue 15), read back
without a browser: the same numbers as the JSON report and the workbook, links that resolve,
nothing loaded from elsewhere, text from submissions escaped, written whole or not at all."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from html_page import FILE_NAME, HOSTILE, IMG, SCRIPT, SVG_NAME, Page, build_inbox, parse
from pemetaan_ksd import api
from pemetaan_ksd.cli.app import run
from pemetaan_ksd.contract import JENIS_KERJA_SAMA
from pemetaan_ksd.demo import run as demo_run
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.write.html.page import Sumber
from pemetaan_ksd.write.html.render import render_page

TEMPLATES = ("laporan.html.j2", "_makro.html.j2", "_status.html.j2", "_status_tabel.html.j2",
             "_ringkasan.html.j2", "_rekap.html.j2", "_berkas.html.j2", "_riwayat.html.j2",
             "gaya.css", "saring.js")


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`gabung --pilih-terbaru --anotasi --laporan --html` over the mixed inbox."""
    root = tmp_path_factory.mktemp("html")
    masuk = build_inbox(root / "masuk")
    out = root / "keluar dengan spasi"
    paths = {"masuk": masuk, "workbook": out / "daftar.xlsx", "json": out / "laporan.json",
             "html": out / "halaman" / "laporan.html", "catatan": out / "catatan"}
    code = run(["gabung", str(masuk), "-o", str(paths["workbook"]), "--laporan",
                str(paths["json"]), "--anotasi", str(paths["catatan"]), "--html",
                str(paths["html"]), "--pilih-terbaru"])
    assert code == 1
    return paths


def _page(path: Path) -> Page:
    return parse(path.read_text(encoding="utf-8"))


def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_every_figure_is_the_json_reports(merged: dict[str, Path]) -> None:
    page, document = _page(merged["html"]), _json(merged["json"])
    shown = page.marked("data-angka")
    summary = dict(document["summary"])
    counts = summary.pop("counts")
    expected = {**summary, **{f"counts_{k}": v for k, v in counts.items()}}
    assert {"files", "valid", "tidak_valid", "tidak_terbaca", "diganti", "rows",
            "rows_accepted", "rows_rejected", "counts_galat", "counts_peringatan",
            "counts_info"} <= set(shown) <= {*expected, "status_belum_mengirim"}
    assert {k: int(v.replace(".", "")) for k, v in shown.items() if k in expected} == {
        k: expected[k] for k in shown if k in expected}
    rekon = {k: int(v) for k, v in page.marked("data-rekon").items()}
    assert (rekon["baris_dibaca"], rekon["bukan_usulan"], rekon["diganti"]) == (
        summary["rows_read"], summary["rows_not_usulan"], summary["rows_replaced"])
    assert rekon["diterima_tahun_ini"] + rekon["diterima_luar_tahun"] == summary["rows_accepted"]
    assert rekon["ditolak"] == summary["rows_rejected"]
    in_use = [f for f in document["files"] if f["status"] != "diganti"]
    codes = Counter(f["code"] for fr in in_use for f in fr["findings"])
    codes.update(f["code"] for f in document["findings"])
    table = {e.attrs["data-kode"]: e for e in page.within("tabel-kode").having("data-kode")}
    assert set(table) == set(codes)
    jumlah = {e.attrs["data-jumlah"] for e in page.within("tabel-kode").having("data-jumlah")}
    assert jumlah <= {str(n) for n in codes.values()}


def test_each_file_shows_its_json_entry(merged: dict[str, Path]) -> None:
    page, document = _page(merged["html"]), _json(merged["json"])
    articles = [e for e in page.tags("article") if "data-berkas" in e.attrs]
    assert [a.attrs["data-berkas"] for a in articles] == [f["path"] for f in document["files"]]
    for article, entry in zip(articles, document["files"], strict=True):
        inside = page.within(article.attrs["id"])
        numbers = {k: int(v) for k, v in inside.marked("data-berkas-angka").items()}
        assert numbers == {**{k: entry[k] for k in ("rows", "rows_accepted", "rows_rejected",
                                                    "rows_not_usulan")}, **entry["counts"]}
        assert article.attrs["data-status"] == entry["status"]
        shown = [(e.attrs["data-kode"], e.attrs["data-tingkat"]) for e in inside.tags("tr")
                 if "data-kode" in e.attrs]
        assert shown == [(f["code"], f["severity"]) for f in entry["findings"]]


def test_reconciliation_and_rekap_are_the_workbooks(merged: dict[str, Path]) -> None:
    page = _page(merged["html"])
    book = load_workbook(merged["workbook"], data_only=True)
    info = {r[0]: r[2] for r in book["Info"].iter_rows(values_only=True) if r[0]}
    rekon = {k: int(v) for k, v in page.marked("data-rekon").items()}
    assert rekon["baris_dibaca"] == info["Baris dibaca"]
    assert rekon["diterima_tahun_ini"] == info["Masuk Daftar Rencana 2025"]
    assert rekon["diterima_luar_tahun"] == info["Diterima, tetapi jangka waktunya di luar "
                                                "tahun 2025"]
    assert rekon["ditolak"] == info["Ditolak (lihat lembar Perlu Perbaikan)"]
    assert rekon["bukan_usulan"] == info["Baris bukan usulan, disisihkan (KSD109)"]
    assert rekon["diganti"] == info["Baris berkas yang diganti kiriman lebih baru"]
    assert rekon["berkas"] == info["Berkas diperiksa"]
    assert rekon["baris_dibaca"] == sum(v for k, v in rekon.items()
                                        if k not in ("baris_dibaca", "berkas"))
    rows = list(book["Rekap Urusan"].iter_rows(values_only=True))
    data = [r for r in rows if isinstance(r[0], int)]
    total = next(r for r in rows if r[0] == "JUMLAH")
    bars = {e.attrs["data-kunci"]: int(e.attrs["data-nilai"])
            for e in page.within("grafik-bidang").having("data-kunci")}
    assert bars == {r[1]: r[3 + 2 * len(JENIS_KERJA_SAMA)] for r in data}
    kinds = {e.attrs["data-kunci"]: int(e.attrs["data-nilai"])
             for e in page.within("grafik-jenis").having("data-kunci")}
    assert kinds == {j: total[3 + 2 * i] for i, j in enumerate(JENIS_KERJA_SAMA)}


def test_status_table_is_the_status_commands(merged: dict[str, Path],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    run(["status", str(merged["masuk"]), "--format", "json", "--pilih-terbaru"])
    document = json.loads(capsys.readouterr().out)
    rows = [e for e in _page(merged["html"]).within("tabel-status").tags("tr")
            if "data-opd" in e.attrs]
    assert [(r.attrs["data-opd"], r.attrs["data-status"]) for r in rows] == [
        (o["kode"] or "-", o["status"]) for o in document["perangkat_daerah"]]
    profil = api.open_profile(None)
    names = " ".join(r.content for r in rows)
    assert all(o.nama in names for o in profil.perangkat_daerah)


def _links(path: Path) -> list[str]:
    return [e.attrs["href"] for e in _page(path).tags("a") if "href" in e.attrs]


def _check_links(path: Path) -> list[Path]:
    """Every link is an anchor of the page or a relative link to a file that exists."""
    page = _page(path)
    ids = {e.attrs["id"] for e in page.having("id")}
    files = []
    for href in _links(path):
        if href.startswith("#"):
            assert href[1:] in ids, href
            continue
        assert not re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I), href  # no scheme: relative
        target = (path.parent / unquote(href)).resolve()
        assert target.is_file(), href
        files.append(target)
    return files


def test_links_resolve_relative_to_the_page(merged: dict[str, Path]) -> None:
    files = set(_check_links(merged["html"]))
    copies = {p.resolve() for p in merged["catatan"].glob("*.catatan.xlsx")}
    assert copies and copies <= files
    assert {merged["workbook"].resolve(), merged["json"].resolve()} <= files


def test_the_page_needs_nothing_from_anywhere(merged: dict[str, Path]) -> None:
    html = merged["html"].read_text(encoding="utf-8")
    page = parse(html)
    assert not [e for e in page.elements if "src" in e.attrs or e.tag in ("link", "iframe",
                                                                          "object", "embed")]
    assert not re.search(r"url\(|@import|https?://", page.tags("style")[0].content)
    policy = next(e.attrs["content"] for e in page.tags("meta")
                  if e.attrs.get("http-equiv") == "Content-Security-Policy")
    assert policy.startswith("default-src 'none';")
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert set(directives) == {"default-src", "style-src", "script-src", "base-uri",
                               "form-action"}  # nothing else may be loaded: no img, font
    assert directives["style-src"] == "'unsafe-inline'"
    (script,) = page.tags("script")
    digest = base64.b64encode(hashlib.sha256(script.content.encode()).digest()).decode()
    assert directives["script-src"] == f"'sha256-{digest}'"  # this script, no other
    assert page.tags("html")[0].attrs["lang"] == "id"


def test_text_from_submissions_is_text(merged: dict[str, Path]) -> None:
    html = merged["html"].read_text(encoding="utf-8")
    page = parse(html)
    assert len(page.tags("script")) == 1 and not page.tags("img")
    assert len(page.tags("svg")) == len([e for e in page.tags("svg")
                                         if "onload" not in e.attrs])
    assert not [e for e in page.elements if any(a.startswith("on") for a in e.attrs)]
    text = " ".join(" ".join(e.content for e in page.tags("main")).split())
    for hostile in (*HOSTILE, FILE_NAME):
        assert hostile in text, hostile
    assert any(SCRIPT in e.content for e in page.within("berkas").tags("td"))
    assert any(IMG in e.content for e in page.tags("td"))
    assert any(SVG_NAME in e.content for e in page.within("tabel-status").tags("td"))


def test_validasi_html_links_copies_and_no_workbook(tmp_path: Path) -> None:
    masuk = build_inbox(tmp_path / "masuk")
    html, catatan = tmp_path / "laporan.html", tmp_path / "catatan"
    assert run(["validasi", str(masuk), "--anotasi", str(catatan), "--html", str(html)]) == 1
    page = _page(html)
    assert not list(page.having("data-buku-kerja")) and not list(page.having("data-keluaran"))
    assert len(list(page.having("data-catatan"))) == len(list(masuk.iterdir()))
    _check_links(html)
    assert "pemetaan-ksd validasi" in page.tags("footer")[0].content


def test_validasi_html_alone_links_nothing(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    masuk = build_inbox(tmp_path / "masuk")
    html = tmp_path / "laporan.html"
    assert run(["validasi", str(masuk), "--html", str(html)]) == 1
    assert f"Laporan HTML ditulis ke {html}" in " ".join(capsys.readouterr().out.split())
    assert [h for h in _links(html) if not h.startswith("#")] == []


@pytest.mark.parametrize("case", ["input", "suffix", "same-as-laporan", "folder"])
def test_wrong_html_outputs_are_wrong_use(tmp_path: Path, case: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    masuk = build_inbox(tmp_path / "masuk")
    before = {p: p.read_bytes() for p in masuk.iterdir()}
    html = {"input": masuk / "dlh.xlsx", "suffix": tmp_path / "laporan.xlsx",
            "same-as-laporan": tmp_path / "sama.html", "folder": tmp_path / "folder.html"}[case]
    if case == "folder":
        html.mkdir()
    extra = ["--laporan", str(html)] if case == "same-as-laporan" else []
    assert run(["validasi", str(masuk), "--html", str(html), *extra]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "--html" in err and "Galat" in err
    assert {p: p.read_bytes() for p in masuk.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["masuk", *(["folder.html"] if case == "folder" else [])])


def test_an_html_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    from pemetaan_ksd.errors import OutputOverInput
    from pemetaan_ksd.outputs import Outputs, check_outputs

    page = tmp_path / "kiriman.html"
    page.write_bytes(b"PK")
    with pytest.raises(OutputOverInput, match="--html"):
        check_outputs(Outputs(html=tmp_path / "." / "kiriman.html"), [page], [page])


def test_a_failed_merge_writes_no_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    masuk = build_inbox(tmp_path / "masuk")
    out = tmp_path / "keluar"

    def broken(*args: object) -> None:
        raise OSError(28, "disk penuh")

    monkeypatch.setattr("pemetaan_ksd.write.workbook.writer.write_workbook", broken)
    with pytest.raises(OSError):
        api.merge([masuk], out / "daftar.xlsx", api.open_profile(None),
                  html_path=out / "laporan.html", feedback_dir=out / "catatan")
    assert not out.exists()


def test_proses_writes_its_status_page_on_every_run(tmp_path: Path) -> None:
    masuk, keluar = build_inbox(tmp_path / "masuk"), tmp_path / "keluar"
    argv = ["proses", "--masuk", str(masuk), "--keluar", str(keluar), "--tunggu-stabil", "0"]
    assert run(argv) == 1
    first = _page(keluar / "index.html")
    assert [e.attrs["data-proses"] for e in first.having("data-proses")] == ["1"]
    assert run(argv) == 1  # nothing new: only the page changes
    page = _page(keluar / "index.html")
    assert [e.attrs["data-proses"] for e in page.having("data-proses")] == ["2", "1"]
    assert "proses ini" in page.by_id("tabel-riwayat").content
    files = set(_check_links(keluar / "index.html"))
    assert (keluar / "rekap-2025.xlsx").resolve() in files
    assert {p.resolve() for p in (keluar / "catatan").iterdir()} <= files
    history = api.riwayat(keluar)
    assert [r.id for r in history.runs] == [2, 1]
    assert "pemetaan-ksd proses" in page.tags("footer")[0].content


def test_help_does_not_load_jinja2() -> None:
    code = ("import sys\nfrom pemetaan_ksd.cli.app import run\n"
            "try:\n    run(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('jinja2' in sys.modules, 'markupsafe' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split()[-2:] == ["False", "False"]


def test_templates_ship_with_the_package() -> None:
    folder = resources.files("pemetaan_ksd.write.html").joinpath("templates")
    assert all(folder.joinpath(name).is_file() for name in TEMPLATES)
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8")
    assert '"write/html/templates/*"' in pyproject


def _demo_sumber(demo_folder: Path, peta: str | None = None) -> Sumber:
    from pemetaan_ksd.merge import build_konsolidasi

    profil = load_profile(demo_folder / demo_run.PROFIL)
    report = api.validate([demo_folder / demo_run.MASUK], profil, pilih_terbaru=True).report
    kons = build_konsolidasi(report, profil, profil.referensi(), report.tahun)
    return Sumber(report, kons, "gabung", peta_svg=peta)


def test_the_map_has_a_place_kept_for_it(demo_folder: Path, tmp_path: Path) -> None:
    without = parse(render_page(_demo_sumber(demo_folder), tmp_path / "a.html"))
    assert not [e for e in without.elements if e.attrs.get("id") == "peta"]
    svg = '<svg id="peta-uji" role="img"><title>Peta</title></svg>'
    page = parse(render_page(_demo_sumber(demo_folder, svg), tmp_path / "a.html"))
    assert [e.tag for e in page.within("peta").elements] == ["h2", "svg", "title"]
    assert any(e.attrs.get("href") == "#peta" for e in page.tags("a"))


def test_the_demo_writes_and_narrates_its_page(demo_folder: Path, tmp_path: Path) -> None:
    html = demo_folder / demo_run.HTML
    _check_links(html)
    page = _page(html)
    assert len(list(page.having("data-catatan"))) == len(list((demo_folder / "masuk").iterdir()))
    assert list(page.having("data-buku-kerja"))
    profil = load_profile(demo_folder / demo_run.PROFIL)
    run_ = api.merge([demo_folder / demo_run.MASUK], tmp_path / "daftar.xlsx", profil,
                     pilih_terbaru=True)
    step = demo_run._step_html(run_)
    assert step.buka == [demo_run.HTML] and demo_run.HTML in step.apa
    assert step.nomor == api.JUMLAH_LANGKAH - 1
