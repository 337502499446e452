"""The trainer's demo: it teaches what it says, it is reproducible, and --langkah waits."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pemetaan_ksd import api
from pemetaan_ksd.cli import cmd_demo
from pemetaan_ksd.cli.app import run
from pemetaan_ksd.contract import FIRST_DATA_ROW
from pemetaan_ksd.demo import run as demo_run
from pemetaan_ksd.demo.contoh import CONTOH, DINKES, DINKES_LAMA, DISPAR
from pemetaan_ksd.kerja_sama_berlaku import CONTOH as BERLAKU
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.write.template import contoh_bytes, template_column_letters

LETTERS = template_column_letters()
# What the TKKSD turns down in practice (CONTRACT section 2): the demo shows each once.
PRAKTIK = ("KSD414", "KSD415", "KSD416", "KSD417")
# The demo's rows whose object is plain buying or renting, judged by reading every object:
# boats bought from a shipyard. "Penyediaan bus perintis" with DAMRI and "Penyediaan air minum
# curah" are services run with the partner, and an investor developing a kawasan is investment.
PENGADAAN = {(DISPAR.berkas, 3)}


@pytest.fixture(scope="module")
def laporan(demo_folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((demo_folder / demo_run.LAPORAN).read_text("utf-8"))
    return data


def _findings(laporan: dict[str, object]) -> dict[str, list[dict[str, object]]]:
    files = laporan["files"]
    assert isinstance(files, list)
    return {Path(f["path"]).name: f["findings"] for f in files}


def test_the_demo_folder_holds_every_step(demo_folder: Path) -> None:
    assert (demo_folder / "ksd.toml").is_file()
    assert (demo_folder / BERLAKU).read_bytes() == contoh_bytes()
    assert load_profile(demo_folder / "ksd.toml").kerja_sama_berlaku == demo_folder / BERLAKU
    assert len(list((demo_folder / "templat").glob("*.xlsx"))) == 7
    assert sorted(p.name for p in (demo_folder / "masuk").iterdir()) == sorted(
        c.berkas for c in CONTOH)
    assert len(list((demo_folder / "catatan").glob("*.catatan.xlsx"))) == len(CONTOH)
    assert (demo_folder / "daftar_rencana_2025.xlsx").is_file()


def test_every_intended_mistake_is_found_at_its_cell(laporan: dict[str, object]) -> None:
    found = _findings(laporan)
    for contoh in CONTOH:
        cells = {(f["code"], f["cell"]) for f in found[contoh.berkas]}
        for code, row, key in contoh.intended():
            assert (code, f"{LETTERS[key]}{row}") in cells, (contoh.berkas, code)


def test_no_galat_the_demo_did_not_intend(laporan: dict[str, object]) -> None:
    found = _findings(laporan)
    for contoh in CONTOH:
        intended = {(code, f"{LETTERS[key]}{row}") for code, row, key in contoh.intended()}
        galat = {(f["code"], f["cell"]) for f in found[contoh.berkas]
                 if f["severity"] == "galat" and f["code"] != "KSD501"}
        assert galat <= intended, contoh.berkas
    twice = {DINKES.berkas, DINKES_LAMA.berkas}
    assert all(any(f["code"] == "KSD501" for f in found[name]) for name in twice)


def test_the_demo_shows_at_least_eight_rule_codes(laporan: dict[str, object]) -> None:
    codes = {f["code"] for findings in _findings(laporan).values() for f in findings}
    assert len(codes) >= 8
    assert {"KSD401", "KSD405", "KSD305", "KSD202", "KSD204", "KSD203", "KSD304",
            "KSD407", "KSD501", "KSD502", *PRAKTIK} <= codes


def _cells_with(laporan: dict[str, object], code: str) -> set[tuple[str, object]]:
    return {(name, f["cell"]) for name, findings in _findings(laporan).items()
            for f in findings if f["code"] == code}


@pytest.mark.parametrize("code", PRAKTIK)
def test_each_practice_rule_shows_once_where_the_demo_intends_it(
        laporan: dict[str, object], code: str) -> None:
    intended = {(c.berkas, f"{LETTERS[key]}{row}") for c in CONTOH
                for k, row, key in c.intended() if k == code}
    assert len(intended) == 1, code
    assert _cells_with(laporan, code) == intended


def test_ksd416_fires_on_every_procurement_row_of_the_demo_and_on_no_other(
        laporan: dict[str, object]) -> None:
    every_row = {(c.berkas, i) for c in CONTOH for i in range(len(c.rows))}
    assert every_row >= PENGADAAN
    expected = {(berkas, f"{LETTERS['objek']}{FIRST_DATA_ROW + i}") for berkas, i in PENGADAAN}
    assert _cells_with(laporan, "KSD416") == expected


class _RecordingStdin:
    """Stands in for the keyboard: records what the screen showed before each Enter."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys
        self.screens: list[str] = []

    def readline(self) -> str:
        self.screens.append(self.capsys.readouterr().out)
        return "\n"

    def isatty(self) -> bool:
        return True


class _Pipe:
    """Standard input that is not a terminal (a pipe, /dev/null, a scheduled job)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.read = 0

    def readline(self) -> str:
        self.read += 1
        return self.lines.pop(0) if self.lines else ""

    def isatty(self) -> bool:
        return False


class _EndedKeyboard(_Pipe):
    """A terminal whose input ends (Ctrl-D) at the first pause."""

    def isatty(self) -> bool:
        return True


def test_langkah_waits_for_enter_between_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    keyboard = _RecordingStdin(capsys)
    monkeypatch.setattr("sys.stdin", keyboard)
    monkeypatch.setattr(cmd_demo, "langkah_demo", _quick_steps)
    assert run(["demo", str(tmp_path / "kelas"), "--langkah"]) == 0
    assert len(keyboard.screens) == api.JUMLAH_LANGKAH - 1
    for number, screen in enumerate(keyboard.screens, start=1):
        assert f"Langkah {number}." in screen and f"Langkah {number + 1}." not in screen
        assert "Tekan Enter" in screen
    assert f"Langkah {api.JUMLAH_LANGKAH}." in capsys.readouterr().out


def test_langkah_without_a_terminal_runs_every_step_and_says_so_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe = _Pipe(["\n"] * api.JUMLAH_LANGKAH)
    before_first_step: list[str] = []

    def steps(folder: Path, timpa: bool = False) -> Iterator[api.Langkah]:
        before_first_step.append(capsys.readouterr().err)
        yield from _quick_steps(folder, timpa)

    monkeypatch.setattr("sys.stdin", pipe)
    monkeypatch.setattr(cmd_demo, "langkah_demo", steps)
    assert run(["demo", str(tmp_path / "kelas"), "--langkah"]) == 0
    out, err = capsys.readouterr()
    assert pipe.read == 0 and "Tekan Enter" not in out
    assert all(f"Langkah {n}." in out for n in range(1, api.JUMLAH_LANGKAH + 1))
    assert "Selesai" in out
    assert [line for line in before_first_step[0].splitlines()
            if "terminal" in line] == [cmd_demo.NO_TERMINAL]
    assert "terminal" not in err


def test_langkah_runs_on_without_pauses_when_the_input_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    keyboard = _EndedKeyboard([])
    monkeypatch.setattr("sys.stdin", keyboard)
    monkeypatch.setattr(cmd_demo, "langkah_demo", _quick_steps)
    assert run(["demo", str(tmp_path / "kelas"), "--langkah"]) == 0
    out = capsys.readouterr().out
    assert keyboard.read == 1 and out.count("Tekan Enter") == 1
    assert f"Langkah {api.JUMLAH_LANGKAH}." in out and "Selesai" in out


def test_demo_into_a_folder_below_a_file_is_wrong_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "berkas").write_text("bukan folder")
    assert run(["demo", str(tmp_path / "berkas" / "demo")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "tidak dapat dibuat atau ditulisi" in err
    assert f"{tmp_path / 'berkas'} adalah berkas, bukan folder" in err
    assert "kesalahan di dalam program" not in err
    assert (tmp_path / "berkas").read_text() == "bukan folder"


def test_demo_into_a_folder_it_may_not_write_is_wrong_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root writes anywhere, so the refusal is simulated where the demo first writes."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    assert run(["demo", str(tmp_path / "kelas")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "tidak dapat dibuat atau ditulisi: Anda tidak berhak menulis di sana" in err


def test_demo_refuses_a_non_empty_folder_unless_timpa(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "isi"
    folder.mkdir()
    (folder / "catatan_saya.txt").write_text("jangan dihapus")
    assert run(["demo", str(folder)]) == 2
    assert "--timpa" in capsys.readouterr().err
    monkeypatch.setattr(cmd_demo, "langkah_demo", _only_prepare)
    assert run(["demo", str(folder), "--timpa"]) == 0
    assert (folder / "catatan_saya.txt").read_text() == "jangan dihapus"


def _quick_steps(folder: Path, timpa: bool = False) -> Iterator[api.Langkah]:
    """The demo's narration without its work: the pauses are what is tested here."""
    for number in range(1, api.JUMLAH_LANGKAH + 1):
        yield api.Langkah(number, f"judul {number}", "apa", "hukum", ["temuan"], ["berkas"])


def _only_prepare(folder: Path, timpa: bool = False) -> list[api.Langkah]:
    demo_run.prepare_folder(folder, timpa)
    return []
