"""Inputs are never written, outputs land whole or not at all, an interrupt replaces nothing."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pemetaan_ksd import interrupt
from pemetaan_ksd.cli.app import run
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.atomic import Staging
from workbooks import build_submission, good_row

DINKES = {"kode_opd": "1.02.0.00.0.00.01.0000", "nama_opd": "Dinas Kesehatan"}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def masuk(tmp_path: Path) -> Path:
    folder = tmp_path / "masuk"
    folder.mkdir()
    build_submission(folder / "dlh.xlsx", [good_row()])
    build_submission(folder / "dinkes.xlsx", [good_row()], identitas=DINKES)
    return folder


@pytest.mark.parametrize("argv", [
    ["gabung", "{masuk}", "-o", "{masuk}/dlh.xlsx"],
    ["gabung", "{masuk}", "-o", "{masuk}/./DLH.xlsx" if sys.platform in ("win32", "darwin")
     else "{masuk}/../masuk/dlh.xlsx"],
    ["validasi", "{masuk}/dlh.xlsx", "--laporan", "{masuk}/dlh.xlsx"],
    ["gabung", "{masuk}", "-o", "{tmp}/daftar.xlsx", "--laporan", "{masuk}/dinkes.xlsx"],
    ["validasi", "{masuk}", "--anotasi", "{masuk}"],
    ["gabung", "{masuk}", "-o", "{tmp}/a.xlsx", "--laporan", "{tmp}/a.xlsx"],
])
def test_an_output_on_an_input_is_wrong_use_and_the_input_stays(
    argv: list[str], masuk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: _digest(p) for p in masuk.iterdir()}
    args = [a.format(masuk=masuk, tmp=tmp_path) for a in argv]
    assert run(args) == 2
    err = capsys.readouterr().err
    assert "Galat:" in err
    assert {p: _digest(p) for p in masuk.iterdir()} == before  # nothing added, nothing changed
    assert not (tmp_path / "daftar.xlsx").exists() and not (tmp_path / "a.xlsx").exists()


def test_a_symlinked_output_to_an_input_is_refused(masuk: Path, tmp_path: Path) -> None:
    link = tmp_path / "tautan.xlsx"
    try:
        link.symlink_to(masuk / "dlh.xlsx")
    except OSError:
        pytest.skip("symbolic links are not allowed here")  # Windows without the right
    before = _digest(masuk / "dlh.xlsx")
    assert run(["gabung", str(masuk), "-o", str(link)]) == 2
    assert _digest(masuk / "dlh.xlsx") == before


def test_feedback_folder_inside_the_inbox_is_not_read_back(masuk: Path) -> None:
    assert run(["validasi", str(masuk), "--anotasi", str(masuk / "catatan")]) == 0
    assert sorted(p.name for p in (masuk / "catatan").iterdir()) == [
        "dinkes.catatan.xlsx", "dlh.catatan.xlsx"]
    # The next run with the same folder skips it; another run reads the copies sent back.
    assert len(validate([masuk], load_profile(None)).files) == 4
    assert run(["validasi", str(masuk), "--anotasi", str(masuk / "catatan")]) == 0


def test_a_consolidated_workbook_in_the_inbox_is_skipped_with_a_reason(
    masuk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["gabung", str(masuk), "-o", str(masuk / "rekap.xlsx")]) == 0
    capsys.readouterr()
    assert run(["gabung", str(masuk), "-o", str(masuk / "rekap.xlsx"), "--format"]) == 2
    capsys.readouterr()
    report = validate([masuk], load_profile(None), base=tmp_path)
    assert [f.display_path for f in report.files] == ["masuk/dinkes.xlsx", "masuk/dlh.xlsx"]
    assert [(s.path, s.reason) for s in report.skipped] == [
        ("masuk/rekap.xlsx", "buku kerja gabungan yang ditulis pemetaan-ksd, bukan berkas usulan")]
    assert not any(f.code == "KSD102" for f in report.findings)
    assert run(["validasi", str(masuk)]) == 0
    assert "Dilewati:" in capsys.readouterr().out


def test_staging_replaces_nothing_when_the_run_fails(tmp_path: Path) -> None:
    keep = tmp_path / "keep.xlsx"
    keep.write_bytes(b"lama")
    with pytest.raises(RuntimeError), Staging() as staging:
        staging.write_bytes(keep, b"baru")
        staging.write_bytes(tmp_path / "baru" / "dalam" / "x.catatan.xlsx", b"baru")
        raise RuntimeError("gagal di tengah jalan")
    assert keep.read_bytes() == b"lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.xlsx"]  # no temp, no folder


def test_a_signal_while_outputs_are_put_in_place_waits_for_the_last(tmp_path: Path) -> None:
    staging = Staging()
    for name in ("a", "b", "c"):
        staging.write_bytes(tmp_path / name, name.encode())
    with pytest.raises(interrupt.Interrupted) as caught, interrupt.signals_raise():
        original = os.replace

        def replace_then_signal(src: str | Path, dst: str | Path) -> None:
            original(src, dst)
            if Path(dst).name == "a":
                signal.raise_signal(signal.SIGTERM)

        os.replace = replace_then_signal  # type: ignore[assignment]
        try:
            staging.commit()
        finally:
            os.replace = original
    assert caught.value.exit_code == 143
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "c"]


def _many(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        kode = f"2.11.0.00.0.00.{i + 1:02d}.0000"
        build_submission(folder / f"opd{i:02d}.xlsx",
                         [good_row(no=n, objek=f"Objek kerja sama nomor {n} {i}")
                          for n in range(1, 16)],
                         identitas={"kode_opd": kode, "nama_opd": f"Unit {i}"})
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_gabung_replaces_nothing(signum: int, tmp_path: Path) -> None:
    many = _many(tmp_path / "many", 24)
    keep = tmp_path / "keep.xlsx"
    keep.write_bytes(b"keluaran kemarin")
    catatan = tmp_path / "cat"
    catatan.mkdir()
    (catatan / "lama.catatan.xlsx").write_bytes(b"salinan kemarin")
    before = {p.name: _digest(p) for p in catatan.iterdir()}
    process = subprocess.Popen(
        [sys.executable, "-m", "pemetaan_ksd", "gabung", str(many), "-o", str(keep),
         "--anotasi", str(catatan)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".tmp") for p in catatan.iterdir()):  # writing copies
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, err.decode()
    assert keep.read_bytes() == b"keluaran kemarin"
    assert {p.name: _digest(p) for p in catatan.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    lines = [line for line in err.decode().splitlines() if line.strip()]
    assert lines[-1] == ("Galat: Dihentikan: tidak ada keluaran yang diganti; berkas sementara "
                         "sudah dihapus.")
    assert "Traceback" not in err.decode()
