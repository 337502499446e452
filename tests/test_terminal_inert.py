"""Text from a submission never acts on the analyst's terminal (issue 14 item 3).

A cell, an OPD name, a sheet or a file name may hold escape sequences, carriage returns, C1
controls, bidi overrides or rich markup. The terminal shows each active character by its code
(`\\u001b` for ESC: cli/inert.py) and markup as typed, in the per-file summary, with --rinci,
in `status`, `proses`, `riwayat` and in error messages; JSON on stdout keeps the exact values.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hostile import (
    ACTIVE,
    BACKSPACE,
    BIDI,
    CLEAR,
    CSI_C1,
    MARKUP,
    OSC_LINK,
    OVERWRITE,
    TITLE,
    build_hostile,
    visible,
)
from pemetaan_ksd.cli.app import run
from pemetaan_ksd.cli.inert import inert, inert_json, inert_lines
from pemetaan_ksd.cli.options import HANDFUL
from pemetaan_ksd.profile import load_profile
from workbooks import good_row

JENIS = f"{OSC_LINK}KSDD{CLEAR}"  # KSD202 quotes it
MITRA = f"{TITLE}Kota {CSI_C1}Entah"  # an unknown daerah: KSD402 quotes it
OBJEK = BACKSPACE  # one word: KSD206 quotes it (a CR there is a space to the rules)
OPD = f"Dinas {BIDI} {MARKUP}"
FILE_NAME = f"dinas{CLEAR}{TITLE}{OVERWRITE}\u202e.xlsx"
SHOWN = [visible(t) for t in (JENIS, MITRA, OBJEK, OPD)]


def _hostile_rows() -> list[dict[str, object]]:
    return [good_row(jenis_kerja_sama=JENIS),
            good_row(no=2, calon_mitra=MITRA, kode_wilayah_mitra=None),
            good_row(no=3, objek=OBJEK, calon_mitra="Kabupaten Tapin", kode_wilayah_mitra="63.05")]


def _inbox(folder: Path, count: int) -> Path:
    """`count` submissions of distinct OPDs; the first holds every hostile text, the second
    has a hostile file name."""
    folder.mkdir()
    units = load_profile(None).perangkat_daerah
    for i in range(count):
        name = FILE_NAME if i == 1 else f"f{i}.xlsx"
        rows = _hostile_rows() if i == 0 else [good_row()]
        build_hostile(folder / name, rows, identitas={
            "kode_opd": units[i].kode, "nama_opd": OPD if i == 0 else units[i].nama})
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_inert(text: str) -> None:
    found = ACTIVE.search(text)
    assert found is None, (repr(found.group()), text[max(0, found.start() - 80):found.end() + 80])


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """No wrapping: each message on one line, so the visible forms can be looked for whole."""
    monkeypatch.setenv("COLUMNS", "2000")


def test_inert_shows_every_active_character_by_its_code() -> None:
    assert inert(CLEAR) == "\\u001b[2J\\u001b[H"
    assert inert(OSC_LINK) == "\\u001b]8;;http://evil.example\\u001b\\klik\\u001b]8;;\\u001b\\"
    assert inert("a\rb\nc\td\x00e\x7ff\x85g\x9bh") == (
        "a\\u000db\\u000ac\\u0009d\\u0000e\\u007ff\\u0085g\\u009bh")
    assert inert(BIDI) == "\\u202eKSDD Sukarela\\u202c \\u2066x\\u2069 \\u200f"
    letters = "Kabupaten Banjar · é ß ا 中 ᮘ \u00a0 [bold] \\"
    assert inert(letters) == letters
    assert inert_lines("satu\nd\x1bua\r") == "satu\nd\\u001bua\\u000d"


def test_inert_json_is_the_same_json() -> None:
    value = {"v": f"{CLEAR}{CSI_C1}{BIDI}\x7f\x85"}
    text = json.dumps(value, ensure_ascii=False, indent=2)
    shown = inert_json(text)
    assert json.loads(shown) == value
    assert_inert(shown.replace("\n", ""))


def test_rinci_shows_every_hostile_text_inert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], wide: None) -> None:
    inbox = _inbox(tmp_path / "masuk", 2)
    code, out, err = _run(capsys, "validasi", str(inbox), "--rinci")
    assert code == 1
    assert_inert(out)
    assert_inert(err)
    for shown in SHOWN:
        assert shown in out, shown
    assert visible(FILE_NAME) in out
    assert "[bold red]tebal[/bold red] [link=http://evil]x[/link]" in out  # markup as typed
    codes = {line.split()[1] for line in out.splitlines() if line.startswith(" Usulan!")}
    assert {"KSD202", "KSD402", "KSD206"} <= codes


def test_summary_lines_show_names_inert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], wide: None) -> None:
    inbox = _inbox(tmp_path / "masuk", HANDFUL + 1)
    code, out, err = _run(capsys, "validasi", str(inbox))
    assert code == 1
    assert_inert(out)
    assert_inert(err)
    assert "Temuan per kode" in out  # the summary, not the details
    file_lines = [line for line in out.splitlines() if ".xlsx · " in line]
    assert len(file_lines) == HANDFUL + 1  # no forged line: one per file
    assert any(visible(OPD) in line for line in file_lines)
    assert any(visible(FILE_NAME) in line for line in file_lines)


def test_a_colour_terminal_gets_only_the_programs_own_styles(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], wide: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    inbox = _inbox(tmp_path / "masuk", 2)
    code, out, _ = _run(capsys, "validasi", str(inbox), "--rinci")
    assert code == 1
    styles = re.compile(r"\x1b\[[0-9;]*m")
    assert styles.search(out), "rich was meant to colour this output"
    assert_inert(styles.sub("", out))
    for shown in SHOWN:
        assert shown in styles.sub("", out)


def test_json_on_stdout_keeps_the_values_and_is_inert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inbox = _inbox(tmp_path / "masuk", 2)
    code, out, _ = _run(capsys, "validasi", str(inbox), "--format", "json")
    assert code == 1
    assert_inert(out.replace("\n", ""))
    data = json.loads(out)
    values = {f["value"] for fr in data["files"] for f in fr["findings"]}
    assert {JENIS, MITRA, OBJEK} <= values
    assert OPD in {fr["nama_opd"] for fr in data["files"]}
    assert any(fr["path"].endswith(FILE_NAME) for fr in data["files"])


def test_status_proses_and_riwayat_show_names_inert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], wide: None) -> None:
    inbox = _inbox(tmp_path / "masuk", 2)
    code, out, err = _run(capsys, "status", str(inbox))
    assert_inert(out + err)
    assert visible(FILE_NAME) in out
    keluar = tmp_path / "keluar"
    code, out, err = _run(capsys, "proses", "--masuk", str(inbox), "--keluar", str(keluar),
                          "--tunggu-stabil", "0")
    assert code == 1
    assert_inert(out + err)
    assert visible(FILE_NAME) in out
    code, out, err = _run(capsys, "riwayat", "--keluar", str(keluar))
    assert code == 0
    assert_inert(out + err)
    assert visible(FILE_NAME) in out and visible(OPD) in out


def test_an_error_naming_a_hostile_path_is_inert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / f"tidak{CLEAR}ada[bold].xlsx"
    code, out, err = _run(capsys, "validasi", str(missing))
    assert code == 2
    assert_inert(out + err)
    assert "tidak\\u001b[2J\\u001b[Hada[bold].xlsx" in err
