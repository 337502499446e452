"""The consolidated workbook: sheets, layout, safety, determinism, and the atomic write."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from pemetaan_ksd.errors import OutputError
from pemetaan_ksd.model import Severity
from pemetaan_ksd.report import Report
from pemetaan_ksd.write import atomic
from pemetaan_ksd.write.atomic import atomic_write_bytes, atomic_write_with
from pemetaan_ksd.write.workbook import info
from pemetaan_ksd.write.workbook.writer import (
    SHEET_DAFTAR,
    SHEET_INFO,
    SHEET_PERBAIKAN,
    SHEET_REKAP_MITRA,
    SHEET_REKAP_OPD,
    SHEET_REKAP_URUSAN,
    SHEET_STATUS,
    SHEETS,
    write_workbook,
)
from test_merge import (
    baris,
    berkas,
    contoh_files,
    finding,
    konsolidasi,
    laporan,
    opd,
    profil,
)

TITLE = "DAFTAR RENCANA PROGRAM DAN KEGIATAN KERJA SAMA DAERAH TAHUN 2025"


def write(tmp_path: Path, report: Report, name: str = "gabungan.xlsx") -> Path:
    return write_workbook(tmp_path / name, konsolidasi(report), report, profil())


def values(path: Path, data_only: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(path, data_only=data_only)
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb}


def table(rows: list[tuple[Any, ...]], header_row: int = 5) -> list[dict[str, Any]]:
    """Data rows under a one-row header (1-based `header_row`), up to the totals row."""
    headers = rows[header_row - 1]
    out = []
    for row in rows[header_row:]:
        if row[0] in (None, "JUMLAH"):
            break
        out.append(dict(zip(headers, row, strict=True)))
    return out


def totals_row(rows: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    return next(r for r in rows if r[0] == "JUMLAH")


# ------------------------------------------------------------------ sheets and layout


def test_sheets_are_exactly_those_of_the_contract(tmp_path: Path) -> None:
    path = write(tmp_path, laporan(contoh_files()))
    assert openpyxl.load_workbook(path).sheetnames == [
        "Daftar Rencana", "Rekap Urusan", "Rekap Perangkat Daerah", "Rekap Mitra",
        "Perlu Perbaikan", "Status Pengumpulan", "Info"]
    assert list(SHEETS) == openpyxl.load_workbook(path).sheetnames


def test_daftar_is_print_ready(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(write(tmp_path, laporan(contoh_files())))[SHEET_DAFTAR]
    assert (ws["A1"].value, ws["A2"].value) == ("PEMERINTAH KABUPATEN BANJAR", TITLE)
    headers = [c.value for c in ws[5]]
    assert headers[:3] == ["No", "Kode Bidang Urusan", "Bidang Urusan"]
    assert {"Objek Kerja Sama", "Perlu Persetujuan DPRD", "Jangka Waktu", "Peringatan",
            "Berkas Sumber", "Baris"} <= set(headers)
    assert ws.freeze_panes == "D6"
    assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A5:")
    assert ws.print_title_rows == "$5:$5"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # None: 1
    assert ws.sheet_properties.pageSetUpPr is not None
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    printed = headers.index("Keterangan") + 1
    assert ws.print_area == f"'Daftar Rencana'!$A$1:${_letter(printed)}${ws.max_row}"
    assert ws["M6"].number_format.startswith('_-"Rp"*')


def _letter(n: int) -> str:
    return get_column_letter(n)


@pytest.mark.parametrize("sheet", [SHEET_REKAP_URUSAN, SHEET_REKAP_OPD, SHEET_REKAP_MITRA,
                                   SHEET_PERBAIKAN, SHEET_STATUS])
def test_every_table_sheet_has_title_header_filter_and_page_setup(tmp_path: Path,
                                                                    sheet: str) -> None:
    ws = openpyxl.load_workbook(write(tmp_path, laporan(contoh_files())))[sheet]
    assert ws["A1"].value == "PEMERINTAH KABUPATEN BANJAR"
    assert str(ws["A2"].value).endswith("TAHUN 2025")
    assert ws["A5"].value == "No"
    assert ws.auto_filter.ref is not None
    assert ws.print_title_rows in ("$5:$5", "$5:$6")
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth in (None, 1)
    assert ws.freeze_panes is not None


def test_rekap_urusan_has_the_chart_of_counts_and_amounts(tmp_path: Path) -> None:
    path = write(tmp_path, laporan(contoh_files()))
    with zipfile.ZipFile(path) as zf:
        charts = sorted(n for n in zf.namelist() if n.startswith("xl/charts/chart"))
        xml = [zf.read(n).decode() for n in charts]
    assert len(charts) == 2
    assert all("'Rekap Urusan'!$C$7:$C$8" in x and 'c:grouping val="stacked"' in x for x in xml)
    assert "Jumlah usulan per bidang urusan" in xml[0]
    assert "anggaran per tahun" in xml[1]


# ------------------------------------------------------------------ content


def test_daftar_rows_follow_the_merge_with_provenance(tmp_path: Path) -> None:
    report = laporan(contoh_files())
    rows = table(values(write(tmp_path, report))[SHEET_DAFTAR])
    got = [(r["No"], r["Kode Kegiatan"], r["Skala Prioritas"], r["Jangka Waktu"],
            r["Perlu Persetujuan DPRD"], r["Berkas Sumber"], r["Baris"]) for r in rows]
    assert got == [
        (1, "1.02.02.2.01", "Tinggi", "2025-2027", "Tidak", "masuk/dinkes.xlsx", 7),
        (2, "1.02.03.2.02", "Sedang", "2025-2027", "Ya", "masuk/dinkes.xlsx", 8),
        (3, "1.03.03.2.01", "Tinggi", "2025-2027", "Tidak", "masuk/dinas pu.xlsx", 8),
        (4, "1.03.03.2.01", "Rendah", "2025-2027", "Tidak", "masuk/dinas pu.xlsx", 7),
    ]
    assert rows[2]["Peringatan"] == "Nama program berbeda."
    assert rows[0]["Bidang Urusan"] == "Kesehatan"


def test_rekap_totals_equal_daftar_sums(tmp_path: Path) -> None:
    sheets = values(write(tmp_path, laporan(contoh_files())), data_only=True)
    daftar = table(sheets[SHEET_DAFTAR])
    count = len(daftar)
    amount = sum(r["Perkiraan Anggaran per Tahun (Rp)"] or 0 for r in daftar)
    assert (count, amount) == (4, 425_000_000)
    assert totals_row(sheets[SHEET_DAFTAR])[12] == amount
    urusan = totals_row(sheets[SHEET_REKAP_URUSAN])
    assert urusan[-2:] == (count, amount)
    assert sum(urusan[3:15:2]) == count and sum(urusan[4:15:2]) == amount
    opd_total = dict(zip(sheets[SHEET_REKAP_OPD][4], totals_row(sheets[SHEET_REKAP_OPD]),
                         strict=True))
    assert opd_total["Masuk Daftar 2025"] == count
    assert opd_total["Anggaran per Tahun Masuk Daftar 2025 (Rp)"] == amount
    assert opd_total["Usulan Dikirim"] == 8
    mitra = dict(zip(sheets[SHEET_REKAP_MITRA][4], totals_row(sheets[SHEET_REKAP_MITRA]),
                     strict=True))
    assert (mitra["Jumlah Usulan"], mitra["Anggaran per Tahun (Rp)"]) == (count, amount)


def test_totals_are_formulas_over_the_column(tmp_path: Path) -> None:
    rows = values(write(tmp_path, laporan(contoh_files())))[SHEET_DAFTAR]
    assert totals_row(rows)[12] == "=SUM(M6:M9)"


def test_info_reconciles_every_row(tmp_path: Path) -> None:
    rows = values(write(tmp_path, laporan(contoh_files())))[SHEET_INFO]
    facts = {r[0]: r[2] for r in rows if r[0] and r[2] is not None}
    assert facts["Baris dibaca"] == 8
    assert facts["Masuk Daftar Rencana 2025"] == 4
    assert facts["Diterima, tetapi jangka waktunya di luar tahun 2025"] == 1
    assert facts["Ditolak (lihat lembar Perlu Perbaikan)"] == 3
    assert facts["Pemeriksaan"] == "8 = 4 + 1 + 3 + 0 + 0 (seimbang)"
    assert facts["Nomenklatur"] == "Kepmendagri 900.1.15.5-1317/2023"
    header = next(i for i, r in enumerate(rows) if r[:3] == ("No", "Berkas", "SHA-256"))
    inputs = table(rows, header + 1)
    assert [(r["Berkas"], r["Status"], r["Baris Usulan"]) for r in inputs] == [
        ("masuk/dinas pu.xlsx", "Valid", 2), ("masuk/dinkes.xlsx", "Perlu perbaikan", 4),
        ("masuk/dlh-2024.xlsx", "Perlu perbaikan", 2), ("masuk/rusak.xlsx", "Tidak terbaca", 0)]
    assert all(len(r["SHA-256"]) == 64 for r in inputs)


def test_perlu_perbaikan_and_status_sheets(tmp_path: Path) -> None:
    sheets = values(write(tmp_path, laporan(contoh_files())))
    fixes = table(sheets[SHEET_PERBAIKAN])
    assert [(r["Berkas"], r["Baris"], r["Kode"], r["Baris Terdampak"]) for r in fixes] == [
        ("masuk/dinkes.xlsx", 10, "KSD201", None), ("masuk/dlh-2024.xlsx", None, "KSD106", 2),
        ("masuk/rusak.xlsx", None, "KSD101", 0)]
    status = table(sheets[SHEET_STATUS])
    assert len(status) == len(profil().perangkat_daerah) + 1
    by_code = {r["Kode"]: r["Status"] for r in status}
    assert by_code[opd(1)] == "Perlu perbaikan"
    assert by_code[opd(3)] == "Valid"
    assert by_code[opd(0)] == "Belum mengirim"
    assert status[-1]["Perangkat Daerah"] == "masuk/rusak.xlsx"
    assert sum(1 for r in status if r["Status"] == "Belum mengirim") == 25
    assert "25 belum mengirim" in str(sheets[SHEET_STATUS][2][0])


def test_duplicates_across_opd_are_both_listed_and_marked(tmp_path: Path) -> None:
    dup = finding("KSD502", Severity.PERINGATAN, 7, "A7", "Usulan yang sama juga diajukan.")
    report = laporan([berkas("a.xlsx", opd(1), [baris(7, dup)]),
                      berkas("b.xlsx", opd(2), [baris(7, dup)])])
    rows = table(values(write(tmp_path, report))[SHEET_DAFTAR])
    assert [(r["Berkas Sumber"], r["Peringatan"]) for r in rows] == [
        ("masuk/a.xlsx", "Usulan yang sama juga diajukan."),
        ("masuk/b.xlsx", "Usulan yang sama juga diajukan.")]


def test_empty_consolidation_still_makes_a_workbook(tmp_path: Path) -> None:
    sheets = values(write(tmp_path, laporan([])))
    assert sheets[SHEET_DAFTAR][5][0] == "Belum ada usulan yang diterima untuk tahun 2025."
    assert sheets[SHEET_PERBAIKAN][5][0] == "Tidak ada usulan yang perlu diperbaiki."


# ------------------------------------------------------------------ safety and determinism

DANGEROUS = ["=1+1", '=HYPERLINK("x")', "+62 812 555", "-", "@x", "=cmd|' /C calc'!A0"]


def test_text_from_submissions_never_becomes_a_formula(tmp_path: Path) -> None:
    rows = [baris(7 + i, objek=text, calon_mitra=text, kode_wilayah_mitra=None,
                  nama_mitra_resmi=None, keterangan=text)
            for i, text in enumerate(DANGEROUS)]
    bad = finding("KSD201", row=20, cell="H20", message='=HYPERLINK("http://x","klik")')
    rows.append(baris(20, bad, objek="=2+2"))
    report = laporan([berkas("a.xlsx", opd(1), rows, nama_opd="=1+2")])
    wb = openpyxl.load_workbook(write(tmp_path, report))
    ws = wb[SHEET_DAFTAR]
    headers = [c.value for c in ws[5]]
    for column in ("Objek Kerja Sama", "Calon Mitra", "Keterangan", "Perangkat Daerah Pengusul"):
        cells = [ws.cell(6 + i, headers.index(column) + 1) for i in range(len(DANGEROUS))]
        assert all(c.data_type == "s" for c in cells), column
        if column != "Perangkat Daerah Pengusul":
            assert sorted(str(c.value) for c in cells) == sorted(DANGEROUS)
    fixes = wb[SHEET_PERBAIKAN]
    messages = [c for c in fixes["J"] if c.value == '=HYPERLINK("http://x","klik")']
    assert messages and all(c.data_type == "s" for c in messages)
    formulas = [(s.title, c) for s in wb for row in s.iter_rows() for c in row
                if c.data_type == "f"]
    assert formulas  # only our own totals are formulas, each in a JUMLAH row
    assert all(str(c.value).startswith("=SUM(") and wb[t].cell(int(c.row or 0), 1).value
               == "JUMLAH" for t, c in formulas)


def test_same_workbook_content_in_any_input_order(tmp_path: Path) -> None:
    files = contoh_files()
    dup = finding("KSD502", Severity.PERINGATAN, 7, "A7", "Sama.")
    files += [berkas("x.xlsx", opd(5), [baris(7, dup)]), berkas("y.xlsx", opd(6), [baris(7, dup)])]
    first = values(write(tmp_path, laporan(files), "a.xlsx"))
    for seed in range(2):
        shuffled = files[:]
        random.Random(seed).shuffle(shuffled)
        later = laporan(shuffled, created=dt.datetime(2025, 3, 2, 8, 30, seed))
        other = values(write(tmp_path, later, f"b{seed}.xlsx"))
        assert first.keys() == other.keys()
        differences = [(name, r, c) for name in first
                       for r, (x, y) in enumerate(zip(first[name], other[name], strict=True))
                       for c, (a, b) in enumerate(zip(x, y, strict=True)) if a != b]
        assert differences == [(SHEET_INFO, 9, 2)]  # Info!C10: the creation time
        assert first[SHEET_INFO][9][0] == "Waktu pembuatan"


# ------------------------------------------------------------------ atomic write


def test_failed_write_leaves_previous_output_untouched(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = write(tmp_path, laporan(contoh_files()))
    before = target.read_bytes()

    def boom(*args: object) -> None:
        raise RuntimeError("gagal di tengah penulisan")

    monkeypatch.setattr(info, "add_sheet", boom)
    with pytest.raises(RuntimeError, match="gagal di tengah"):
        write(tmp_path, laporan(contoh_files()[:1]))
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gabungan.xlsx"]


def test_successful_write_replaces_the_output(tmp_path: Path) -> None:
    target = tmp_path / "gabungan.xlsx"
    target.write_bytes(b"lama")
    write(tmp_path, laporan(contoh_files()))
    assert zipfile.is_zipfile(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gabungan.xlsx"]


def test_atomic_write_creates_folders_and_usual_permissions(tmp_path: Path) -> None:
    target = atomic_write_bytes(tmp_path / "baru" / "laporan.json", b"{}")
    assert target.read_bytes() == b"{}"
    if os.name == "posix":
        mask = os.umask(0)
        os.umask(mask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_atomic_write_keeps_the_old_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "laporan.json"
    target.write_bytes(b"lama")
    target.chmod(0o640)
    atomic_write_bytes(target, b"baru")
    assert target.read_bytes() == b"baru"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(("windows", "words"), [(True, "dibuka di Microsoft Excel"),
                                                 (False, "tidak berhak menulisnya")])
def test_locked_output_gives_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             windows: bool, words: str) -> None:
    target = tmp_path / "gabungan.xlsx"
    target.write_bytes(b"lama")
    calls: list[object] = []

    def locked(src: object, dst: object) -> None:
        calls.append(dst)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic, "_on_windows", lambda: windows)
    monkeypatch.setattr(atomic, "_REPLACE_PAUSE", 0)
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError) as caught:
        atomic_write_with(target, lambda tmp: tmp.write_bytes(b"baru"))
    assert words in str(caught.value) and "Berkas lama tidak diubah" in str(caught.value)
    assert len(calls) == (atomic._REPLACE_ATTEMPTS if windows else 1)
    assert target.read_bytes() == b"lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gabungan.xlsx"]


# ------------------------------------------------------------------ through the engine


def test_end_to_end_through_validate(tmp_path: Path) -> None:
    from pemetaan_ksd.merge import build_konsolidasi
    from pemetaan_ksd.validate import validate
    from workbooks import build_submission, good_row

    p = profil()
    pu = p.perangkat_daerah[3]
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    build_submission(inbox / "dlh.xlsx", [
        good_row(), good_row(calon_mitra="-", kode_wilayah_mitra=None),
        good_row(tahun_mulai=2026, tahun_selesai=2027, skala_prioritas="Rendah")])
    build_submission(inbox / "pu.xlsx", [good_row(anggaran=100000000)],
                     identitas={"kode_opd": pu.kode, "nama_opd": pu.nama},
                     meta={"kode_opd": pu.kode})
    (inbox / "rusak.xlsx").write_bytes(b"bukan berkas zip")
    report = validate([inbox], p, base=tmp_path)
    kons = build_konsolidasi(report, p, p.referensi(), 2025)
    summary = report.summary()
    r = kons.rekonsiliasi
    assert (r.baris_dibaca, r.diterima_tahun_ini, r.diterima_luar_tahun, r.ditolak) == (4, 2, 1, 1)
    assert (summary["rows"], summary["rows_accepted"]) == (4, 3)
    out = write_workbook(tmp_path / "keluar" / "gabungan.xlsx", kons, report, p)
    sheets = values(out)
    daftar = table(sheets[SHEET_DAFTAR])
    assert [(d["Berkas Sumber"], d["Baris"]) for d in daftar] == [
        ("masuk/pu.xlsx", 7), ("masuk/dlh.xlsx", 7)]  # by OPD code: 1.03... before 2.11...
    assert all(d["Peringatan"] for d in daftar)  # KSD502: the same usulan from two OPD
    fixes = table(sheets[SHEET_PERBAIKAN])
    assert [(f["Berkas"], f["Kode"]) for f in fixes] == [
        ("masuk/dlh.xlsx", "KSD201"), ("masuk/rusak.xlsx", "KSD101")]


# ------------------------------------------------------------------ rendering


def _pdf_pages(xlsx: Path, out_dir: Path) -> list[str]:
    """The text of each page of `xlsx` printed to PDF by LibreOffice."""
    profile = Path(tempfile.mkdtemp(prefix="pemetaan-ksd-soffice-"))
    try:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        assert soffice is not None
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir),
                        str(xlsx)], check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    text = subprocess.run(["pdftotext", "-layout", str(out_dir / f"{xlsx.stem}.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    return text.split("\f")


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"),
                    reason="pdftotext tidak terpasang (CI memasangnya)")
def test_printed_pages_have_title_full_width_and_repeated_headers(tmp_path: Path) -> None:
    rows = [baris(7 + i, objek=f"Objek kerja sama nomor {i} " + "dengan uraian panjang " * 3)
            for i in range(40)]
    pages = _pdf_pages(write(tmp_path, laporan([berkas("a.xlsx", opd(1), rows)])), tmp_path)
    daftar = [p for p in pages if "Halaman" in p and "Daftar Rencana Kerja Sama" in p]
    assert len(daftar) >= 2
    assert "PEMERINTAH KABUPATEN BANJAR" in daftar[0] and TITLE in daftar[0]
    for page in daftar:  # one page wide: the first and the last printed column on every page
        assert "Objek Kerja Sama" in page and "Keterangan" in page and "Prioritas" in page
    assert "Berkas Sumber" not in pages[0]  # analyst columns stay off the paper
