"""One inbox with every kind of outcome: every total agrees in terminal, JSON, workbook and
feedback copies, because all of them come from `Report.totals()`."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pemetaan_ksd.cli.app import run
from pemetaan_ksd.write.feedback_text import LABEL
from workbooks import build_submission, good_row

DINKES = {"kode_opd": "1.02.0.00.0.00.01.0000", "nama_opd": "Dinas Kesehatan",
          "tanggal_pengisian": None}
DISHUB = {"kode_opd": "2.15.0.00.0.00.01.0000", "nama_opd": "Dinas Perhubungan",
          "tanggal_pengisian": None}
SIGNATURE = {"objek": "Martapura, 14 Februari 2025"}


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "masuk"
    folder.mkdir()
    build_submission(folder / "dlh.xlsx", [good_row(), SIGNATURE])  # 1 usulan + 1 not usulan
    build_submission(folder / "dinkes.xlsx", [good_row(), good_row(no=2, manfaat_mitra="-")],
                     identitas=DINKES)  # 1 accepted, 1 to fix
    (folder / "rusak.xlsx").write_bytes(b"PK\x03\x04 terpotong")  # unreadable
    old = build_submission(folder / "dishub_lama.xlsx",
                           [good_row(), good_row(no=2, manfaat_daerah="-"), good_row(no=3)],
                           identitas=DISHUB)
    new = build_submission(folder / "dishub_baru.xlsx", [good_row()], identitas=DISHUB)
    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(new, (1_700_100_000, 1_700_100_000))
    return folder


EXPECTED = {
    "files": 5, "valid": 2, "tidak_valid": 1, "tidak_terbaca": 1, "diganti": 1, "skipped": 0,
    "rows": 4, "rows_accepted": 3, "rows_rejected": 1, "rows_not_usulan": 1,
    "rows_replaced": 3, "rows_read": 8,
}


def test_every_total_agrees_everywhere(inbox: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out, laporan, catatan = tmp_path / "daftar.xlsx", tmp_path / "laporan.json", tmp_path / "cat"
    code = run(["gabung", str(inbox), "-o", str(out), "--laporan", str(laporan),
                "--anotasi", str(catatan), "--pilih-terbaru"])
    assert code == 1  # dinkes has a galat; the replaced dishub file's galat does not count
    terminal = " ".join(capsys.readouterr().out.split())
    document = json.loads(laporan.read_text(encoding="utf-8"))
    summary = document["summary"]
    assert {k: summary[k] for k in EXPECTED} == EXPECTED
    counts = summary["counts"]
    in_use = [f for f in document["files"] if f["status"] != "diganti"]
    for severity in ("galat", "peringatan", "info"):
        from_files = sum(f["counts"][severity] for f in in_use)
        assert counts[severity] == from_files + sum(
            1 for f in document["findings"] if f["severity"] == severity)
    assert counts["info"] >= 25  # KSD504 for the OPD of the profile that sent nothing

    assert (f"Ringkasan: 5 berkas, 2 dapat diterima, 1 diganti kiriman yang lebih baru; 4 "
            f"usulan: 3 diterima, 1 perlu perbaikan; 1 baris bukan usulan disisihkan; 3 baris "
            f"dari berkas yang diganti; {counts['galat']} galat, {counts['peringatan']} "
            f"peringatan, {counts['info']} info.") in terminal
    assert ("8 baris dibaca dari 5 berkas = 3 masuk daftar tahun 2025 + 0 diterima tetapi di "
            "luar tahun 2025 + 1 perlu perbaikan + 1 bukan usulan + 3 dari berkas yang "
            "diganti.") in terminal

    info = {r[0]: r[2] for r in load_workbook(out)["Info"].iter_rows(values_only=True) if r[0]}
    assert info["Baris dibaca"] == summary["rows_read"]
    assert info["Masuk Daftar Rencana 2025"] == summary["rows_accepted"]
    assert info["Ditolak (lihat lembar Perlu Perbaikan)"] == summary["rows_rejected"]
    assert info["Baris bukan usulan, disisihkan (KSD109)"] == summary["rows_not_usulan"]
    assert info["Baris berkas yang diganti kiriman lebih baru"] == summary["rows_replaced"]

    for entry in document["files"]:
        copy = catatan / (Path(entry["path"]).stem + ".catatan.xlsx")
        assert _catatan_counts(copy) == (None if entry["status"] == "tidak_terbaca"
                                         else entry["counts"]), entry["path"]


def _catatan_counts(path: Path) -> dict[str, int] | None:
    sheet = load_workbook(path)["Catatan Validasi"]
    found = {}
    severity_of = {label: str(severity) for severity, label in LABEL.items()}
    for label, _, words, *_ in sheet.iter_rows(values_only=True):
        if isinstance(label, str) and label in severity_of and words:
            match = re.match(r"(\d+) ", str(words))
            assert match is not None
            found[severity_of[label]] = int(match.group(1))
    return found or None


def test_a_replaced_file_does_not_keep_the_run_failing(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    old = build_submission(folder / "dishub_lama.xlsx", [good_row(manfaat_mitra="-")],
                           identitas=DISHUB)
    new = build_submission(folder / "dishub_baru.xlsx", [good_row()], identitas=DISHUB)
    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(new, (1_700_100_000, 1_700_100_000))
    assert run(["validasi", str(folder)]) == 1  # KSD501 until one is chosen
    capsys.readouterr()
    assert run(["validasi", str(folder), "--pilih-terbaru", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    status = {Path(f["path"]).name: f["status"] for f in document["files"]}
    assert status == {"dishub_baru.xlsx": "valid", "dishub_lama.xlsx": "diganti"}
    assert document["summary"]["counts"]["galat"] == 0
    assert (document["summary"]["rows"], document["summary"]["rows_replaced"]) == (1, 1)


def test_status_counts_match_the_lines_shown(inbox: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    run(["status", str(inbox), "--pilih-terbaru"])
    text = capsys.readouterr().out
    shown = sum(1 for line in text.splitlines() if "Tidak terbaca" in line)
    assert shown == 1
    assert f"{shown} tidak terbaca" in " ".join(text.split())
