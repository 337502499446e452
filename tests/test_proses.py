"""`proses` and `riwayat` on real files in temporary folders (issue 10)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pemetaan_ksd import parallel
from pemetaan_ksd.cli.app import run
from workbooks import build_submission, good_row

DINKES = {"kode_opd": "1.02.0.00.0.00.01.0000", "nama_opd": "Dinas Kesehatan"}
OLD = 1_700_000_000  # a modification time long past: the file has settled


def _settled(path: Path, when: float = OLD) -> Path:
    os.utime(path, (when, when))
    return path


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def masuk(tmp_path: Path) -> Path:
    folder = tmp_path / "masuk"
    folder.mkdir()
    _settled(build_submission(folder / "dlh.xlsx", [good_row()]))
    _settled(build_submission(folder / "dinkes.xlsx", [good_row(manfaat_mitra="-")],
                              identitas=DINKES))
    return folder


def _proses(masuk: Path, keluar: Path, *extra: str) -> int:
    return run(["proses", "--masuk", str(masuk), "--keluar", str(keluar), *extra])


def test_first_run_writes_every_output(masuk: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    keluar = tmp_path / "keluar"
    before = _digests(masuk)
    assert _proses(masuk, keluar) == 1  # dinkes has a galat
    out = " ".join(capsys.readouterr().out.split())
    assert "dinkes.xlsx: diproses · Perlu perbaikan" in out
    assert "dlh.xlsx: diproses · Valid" in out
    names = set(_digests(keluar))
    assert {"rekap-2025.xlsx", "laporan-2025.json", "proses.log", "riwayat.sqlite",
            "catatan/dinkes.catatan.xlsx", "catatan/dlh.catatan.xlsx"} <= names
    assert [n for n in names if n.startswith("arsip/rekap-2025-")] != []
    assert _digests(masuk) == before  # inputs never written
    log = (keluar / "proses.log").read_text(encoding="utf-8").splitlines()
    assert len(log) == 2 and all(" diproses " in line for line in log)


def test_unchanged_rerun_reads_nothing_and_writes_nothing(
    masuk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    keluar = tmp_path / "keluar"
    _proses(masuk, keluar)
    outputs = {k: v for k, v in _digests(keluar).items() if k != "riwayat.sqlite"
               and not k.startswith("riwayat.sqlite") and k != "proses.log"
               and k != "index.html"}  # the status page tells of every run, like the log

    def no_reading(path: Path) -> None:
        raise AssertionError(f"{path} read again")

    monkeypatch.setattr(parallel, "read_submission", no_reading)
    capsys.readouterr()
    assert _proses(masuk, keluar) == 1  # the verdicts come from the ledger
    out = " ".join(capsys.readouterr().out.split())
    assert "Tidak ada yang berubah; keluaran tetap." in out
    now = {k: v for k, v in _digests(keluar).items() if k in outputs}
    assert now == outputs
    assert run(["riwayat", "--keluar", str(keluar), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [r["outcome"] for r in document["runs"]][:2] == ["tanpa_perubahan", "selesai"]


def test_a_changed_file_and_a_new_opd_are_processed_alone(
    masuk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keluar = tmp_path / "keluar"
    _proses(masuk, keluar)
    dlh_copy = (keluar / "catatan" / "dlh.catatan.xlsx").read_bytes()
    _settled(build_submission(masuk / "dinkes.xlsx", [good_row()], identitas=DINKES),
             OLD + 100)
    _settled(build_submission(masuk / "dishub.xlsx", [good_row()], identitas={
        "kode_opd": "2.15.0.00.0.00.01.0000", "nama_opd": "Dinas Perhubungan"}))
    capsys.readouterr()
    assert _proses(masuk, keluar) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "dinkes.xlsx: diproses · Valid" in out and "dishub.xlsx: diproses · Valid" in out
    assert "dlh.xlsx: tidak berubah · Valid" in out
    assert (keluar / "catatan" / "dlh.catatan.xlsx").read_bytes() == dlh_copy
    report = json.loads((keluar / "laporan-2025.json").read_text(encoding="utf-8"))
    assert report["summary"]["files"] == 3 and report["summary"]["counts"]["galat"] == 0


def test_a_file_still_being_copied_waits(masuk: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    keluar = tmp_path / "keluar"
    fresh = build_submission(masuk / "dispar.xlsx", [good_row()], identitas={
        "kode_opd": "3.26.0.00.0.00.01.0000", "nama_opd": "Dinas Pariwisata"})
    _proses(masuk, keluar)
    out = " ".join(capsys.readouterr().out.split())
    assert "dispar.xlsx: menunggu (masih disalin)" in out
    report = json.loads((keluar / "laporan-2025.json").read_text(encoding="utf-8"))
    assert "dispar.xlsx" not in [f["path"] for f in report["files"]]
    _settled(fresh)
    _proses(masuk, keluar)
    assert "dispar.xlsx: diproses" in " ".join(capsys.readouterr().out.split())


def test_a_replaced_file_is_set_aside_as_pilih_terbaru_does(
    masuk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keluar = tmp_path / "keluar"
    _settled(build_submission(masuk / "dinkes_baru.xlsx", [good_row()], identitas={
        **DINKES, "tanggal_pengisian": None}), OLD + 500)
    (masuk / "dinkes.xlsx").unlink()
    _settled(build_submission(masuk / "dinkes.xlsx", [good_row(manfaat_mitra="-")],
                              identitas={**DINKES, "tanggal_pengisian": None}))
    assert _proses(masuk, keluar) == 0
    report = json.loads((keluar / "laporan-2025.json").read_text(encoding="utf-8"))
    status = {f["path"]: f["status"] for f in report["files"]}
    assert status["dinkes.xlsx"] == "diganti" and status["dinkes_baru.xlsx"] == "valid"


def _python(code: str, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", code], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _wait_for(condition: object, process: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_two_runs_at_once_the_second_says_who_holds_the_folder(
    masuk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keluar = tmp_path / "keluar"
    watcher = subprocess.Popen(
        [sys.executable, "-m", "pemetaan_ksd", "proses", "--masuk", str(masuk), "--keluar",
         str(keluar), "--pantau", "--jeda", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: (keluar / "laporan-2025.json").exists(), watcher)
        assert _proses(masuk, keluar) == 2
        err = " ".join(capsys.readouterr().err.split())
        assert f"sedang dipakai proses lain (proses {watcher.pid}" in err
    finally:
        watcher.send_signal(signal.SIGINT)
        _, err_bytes = watcher.communicate(timeout=60)
    assert watcher.returncode == 130, err_bytes.decode()
    assert _proses(masuk, keluar) == 1  # the lock is free again


# Each stage is stopped by SIGKILL from inside, at the n-th call of the function named.
_KILL = """
import os, signal, sys
import pemetaan_ksd.{module} as target
calls = []
original = target.{function}
def dying(*args, **kwargs):
    calls.append(1)
    if len(calls) == {nth}:
        os.kill(os.getpid(), signal.SIGKILL)
    return original(*args, **kwargs)
target.{function} = dying
from pemetaan_ksd.cli.app import main
main(["proses", "--masuk", sys.argv[1], "--keluar", sys.argv[2]])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("module", "function", "nth"), [
    ("validate", "check_submission", 2),  # during validation
    ("write.feedback", "write_feedback_copy", 2),  # during the feedback copies
    ("write.atomic", "_flush_to_disk", 4),  # two copies, the report, then the workbook
])
def test_a_killed_run_leaves_the_outputs_and_the_next_run_completes(
    module: str, function: str, nth: int, masuk: Path, tmp_path: Path
) -> None:
    keluar = tmp_path / "keluar"
    _proses(masuk, keluar)
    before = {k: v for k, v in _digests(keluar).items() if not k.startswith(("riwayat", "proses"))}
    for number, name in enumerate(("dishub", "dispar"), start=15):
        _settled(build_submission(masuk / f"{name}.xlsx", [good_row()], identitas={
            "kode_opd": f"2.{number}.0.00.0.00.01.0000", "nama_opd": name}))
    code = _KILL.format(module=module, function=function, nth=nth)
    killed = subprocess.run([sys.executable, "-c", code, str(masuk), str(keluar)],
                            capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    assert {k: v for k, v in _digests(keluar).items() if k in before} == before
    assert _proses(masuk, keluar) == 1
    names = set(_digests(keluar))
    assert {"catatan/dishub.catatan.xlsx", "catatan/dispar.catatan.xlsx"} <= names
    assert not [p for p in keluar.rglob(".*.tmp")]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_stops_the_run_and_replaces_nothing(masuk: Path, tmp_path: Path) -> None:
    keluar = tmp_path / "keluar"
    _proses(masuk, keluar)
    before = {k: v for k, v in _digests(keluar).items() if not k.startswith(("riwayat", "proses"))}
    for i in range(12):
        _settled(build_submission(masuk / f"unit{i}.xlsx", [good_row()] * 3, identitas={
            "kode_opd": f"2.11.0.00.0.00.{i + 10}.0000", "nama_opd": f"Unit {i}"}))
    job = subprocess.Popen([sys.executable, "-m", "pemetaan_ksd", "proses", "--masuk",
                            str(masuk), "--keluar", str(keluar)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for(lambda: any(p.name.endswith(".tmp") for p in (keluar / "catatan").iterdir()), job)
    job.send_signal(signal.SIGTERM)
    _, err = job.communicate(timeout=60)
    assert job.returncode == 143, err.decode()
    assert {k: v for k, v in _digests(keluar).items() if k in before} == before
    assert not [p for p in keluar.rglob(".*.tmp")]


def test_riwayat_answers_per_opd(masuk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one table line per file
    keluar = tmp_path / "keluar"
    _proses(masuk, keluar)
    capsys.readouterr()
    assert run(["riwayat", "--keluar", str(keluar), "--opd", DINKES["kode_opd"]]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "dinkes.xlsx" in out and "dlh.xlsx" not in out and "Perlu perbaikan" in out
    assert run(["riwayat", "--keluar", str(keluar), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert sorted(f["path"] for f in document["files"]) == ["dinkes.xlsx", "dlh.xlsx"]
    assert document["runs"][0]["outcome"] == "selesai"
    assert run(["riwayat", "--keluar", str(tmp_path / "kosong")]) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_pantau_picks_up_a_file_written_after_it_started(masuk: Path, tmp_path: Path) -> None:
    keluar = tmp_path / "keluar"
    watcher = subprocess.Popen(
        [sys.executable, "-m", "pemetaan_ksd", "proses", "--masuk", str(masuk), "--keluar",
         str(keluar), "--pantau", "--jeda", "0.5", "--tunggu-stabil", "0.5"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: (keluar / "catatan" / "dlh.catatan.xlsx").exists(), watcher)
        build_submission(masuk / "dispar.xlsx", [good_row()], identitas={
            "kode_opd": "3.26.0.00.0.00.01.0000", "nama_opd": "Dinas Pariwisata"})
        _wait_for(lambda: (keluar / "catatan" / "dispar.catatan.xlsx").exists(), watcher)
    finally:
        watcher.send_signal(signal.SIGINT)
        out, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 130, err.decode()
    assert "dispar.xlsx: Valid" in out.decode()


def test_a_workbook_open_in_excel_is_kept_beside(
    masuk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    from pemetaan_ksd.write import atomic

    keluar = tmp_path / "keluar"
    _proses(masuk, keluar)
    old = (keluar / "rekap-2025.xlsx").read_bytes()
    original = os.replace

    def excel_holds_it(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == "rekap-2025.xlsx":
            raise PermissionError(13, "The process cannot access the file")
        original(src, dst)

    monkeypatch.setattr(atomic, "_on_windows", lambda: True)
    monkeypatch.setattr(atomic, "_REPLACE_PAUSE", 0)
    monkeypatch.setattr(os, "replace", excel_holds_it)
    _settled(build_submission(masuk / "dlh.xlsx", [good_row(), good_row(no=2)]), OLD + 9)
    capsys.readouterr()
    assert _proses(masuk, keluar) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "sedang dibuka di Microsoft Excel" in err and "rekap-2025.baru.xlsx" in err
    assert (keluar / "rekap-2025.xlsx").read_bytes() == old
    assert (keluar / "rekap-2025.baru.xlsx").exists()


def test_the_log_is_rotated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pemetaan_ksd import batch_folder

    monkeypatch.setattr(batch_folder, "LOG_MAX_BYTES", 100)
    for number in range(40):
        batch_folder.append_log(tmp_path, [f"baris {number:02d} " + "x" * 30])
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["proses.log", *(f"proses.log.{n}" for n in range(1, 6))]
    assert "baris 39" in (tmp_path / "proses.log").read_text(encoding="utf-8")
