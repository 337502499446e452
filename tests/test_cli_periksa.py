"""validasi, gabung and status through the command line: parity with the API, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pemetaan_ksd import api
from pemetaan_ksd.cli import app as cli_app
from pemetaan_ksd.cli.app import run
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.report_json import report_to_dict
from workbooks import build_submission, good_row

DINKES = {"kode_opd": "1.02.0.00.0.00.01.0000", "nama_opd": "Dinas Kesehatan"}


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "masuk dengan spasi"
    folder.mkdir()
    build_submission(folder / "dlh.xlsx", [good_row(), good_row(no=2, manfaat_mitra="-")])
    build_submission(folder / "dinkes_é.xlsx", [good_row(calon_mitra="Kota Banjarmasin",
                                                         kode_wilayah_mitra="63.71")],
                     identitas=DINKES)
    (folder / "~$dlh.xlsx").write_bytes(b"lock")
    return folder


def _without_time(document: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in document.items() if k != "dibuat"}


def test_json_output_equals_the_library_report(
    inbox: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(inbox.parent)
    code = run(["validasi", str(inbox), "--format", "json"])
    printed = json.loads(capsys.readouterr().out)
    expected = report_to_dict(validate([inbox], load_profile(None)))
    assert code == 1
    assert _without_time(printed) == _without_time(expected)
    assert [f["path"] for f in printed["files"]] == ["masuk dengan spasi/dinkes_é.xlsx",
                                                     "masuk dengan spasi/dlh.xlsx"]
    cells = [(f["code"], f["cell"]) for f in printed["files"][1]["findings"]]
    assert ("KSD405", "U8") in cells


def test_laporan_file_and_exit_0_for_clean_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build_submission(tmp_path / "dlh.xlsx", [good_row()])
    laporan = tmp_path / "keluar" / "laporan.json"
    assert run(["validasi", str(path), "--laporan", str(laporan)]) == 0
    document = json.loads(laporan.read_text(encoding="utf-8"))
    assert document["schema_version"] == 1
    assert document["summary"]["rows_accepted"] == 1
    assert "Laporan JSON ditulis" in capsys.readouterr().out


def test_unreadable_file_is_a_finding_and_the_run_goes_on(
    inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (inbox / "rusak.xlsx").write_bytes(b"bukan zip")
    assert run(["validasi", str(inbox), "--format", "json"]) == 1
    files = json.loads(capsys.readouterr().out)["files"]
    statuses = {Path(f["path"]).name: f["status"] for f in files}
    assert statuses["rusak.xlsx"] == "tidak_terbaca" and len(statuses) == 3
    assert files[-1]["findings"][0]["code"] == "KSD101"


@pytest.mark.parametrize("args", [["validasi", "{tmp}/tidak-ada"], ["validasi", "{tmp}"]])
def test_missing_path_or_no_input_is_wrong_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert run([a.replace("{tmp}", str(tmp_path)) for a in args]) == 2
    assert "Galat:" in capsys.readouterr().err


def test_internal_fault_exits_3_with_a_short_message(
    inbox: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("rusak di dalam")

    monkeypatch.setattr(api, "validate", broken)
    monkeypatch.setitem(cli_app._state, "debug", False)
    assert run(["validasi", str(inbox)]) == 3
    err = capsys.readouterr().err
    assert "kesalahan di dalam program" in err and "Traceback" not in err
    assert run(["--debug", "validasi", str(inbox)]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_gabung_writes_the_workbook_and_reconciles(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hasil" / "daftar.xlsx"
    assert run(["gabung", str(inbox), "-o", str(out)]) == 1  # one row has a galat
    text = capsys.readouterr().out
    assert "3 baris dibaca dari 2 berkas = 2 masuk daftar tahun 2025" in text
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["Daftar Rencana", "Rekap Urusan", "Rekap Perangkat Daerah",
                               "Rekap Mitra", "Perlu Perbaikan", "Status Pengumpulan", "Info"]


def test_gabung_refuses_a_non_xlsx_output(inbox: Path, tmp_path: Path) -> None:
    assert run(["gabung", str(inbox), "-o", str(tmp_path / "daftar.csv")]) == 2


def test_status_json_lists_who_has_not_sent(
    inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["status", str(inbox), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    sent = {s["kode"]: s["status"] for s in document["perangkat_daerah"] if s["terkirim"]}
    assert sent == {"2.11.0.00.0.00.01.0000": "tidak_valid", "1.02.0.00.0.00.01.0000": "valid"}
    assert len(document["belum_mengirim"]) == len(load_profile(None).perangkat_daerah) - 2


def test_status_text_names_the_missing(inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["status", str(inbox)])
    out = capsys.readouterr().out
    assert "2 dari 28 perangkat daerah sudah mengirim" in out
    assert "Belum mengirim (26)" in out and "Dinas Pariwisata" in out


def test_a_fault_in_our_reading_code_is_exit_3_not_a_damaged_file(
    inbox: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only what touches the file is guarded: a bug in the layout step is ours (exit 3)."""
    from pemetaan_ksd.read import tables

    def broken_layout(*args: object, **kwargs: object) -> None:
        raise KeyError("kolom")  # what a slip in our own code raises

    monkeypatch.setattr(tables, "find_layout", broken_layout)
    assert run(["validasi", str(inbox), "--format", "json"]) == 3
    captured = capsys.readouterr()
    assert "KSD101" not in captured.out
    assert "kesalahan di dalam program (bukan kesalahan berkas Anda)" in " ".join(
        captured.err.split())
