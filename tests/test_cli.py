"""The command line: Indonesian help, exit codes, and the commands of the foundation."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pemetaan_ksd import __version__
from pemetaan_ksd.cli.app import app, run

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = sorted(c.name for c in app.registered_commands if c.name)
# Words of click's and typer's English that must never reach the user. Matched as whole words,
# ignoring case: Indonesian "opsi", "argumen", "perintah", "bawaan" do not contain them.
ENGLISH_WORDS = (
    "Usage", "Options?", "Commands?", "Arguments?", "Show this message", "default", "required",
    "Error", "Missing", "Invalid", "value", "Got", "unexpected", "extra", "Try", "help for",
    "does not", "not one of", "is not", "Aborted", "No such", "Did you mean", "Possible",
    "Choose from", "requires", "Input should", "exist", "TEXT", "INTEGER", "PATH", "FILE",
    "DIRECTORY", "dynamic", "env var",
)
ENGLISH = re.compile(
    r"\b(?:" + "|".join(ENGLISH_WORDS) + r")\b|<(?:bool|int|str|float|path)>|list\[",
    re.IGNORECASE,
)
# What help may show in angle brackets: the kind of value an option takes, or its choices.
INDONESIAN_KINDS = {"berkas", "folder", "kode", "tahun", "teks", "bilangan", "angka", "lokasi",
                    "tanggal", "nama", "json", "bidang", "kegiatan", "wilayah", "detik"}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_no_command_shows_the_usual_flow(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys)
    assert code == 0
    for word in ("init", "template", "validasi", "gabung", "demo", "--help"):
        assert word in out


def test_versi(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "--versi")[:2] == (0, f"pemetaan-ksd {__version__}\n")


@pytest.mark.parametrize(
    "command",
    ["", *COMMANDS],
)
def test_every_help_is_indonesian(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = cli(capsys, *([command] if command else []), "--help")
    assert code == 0
    assert "Penggunaan:" in out and "Opsi" in out
    assert not ENGLISH.search(out), ENGLISH.search(out)
    kinds = {kind for label in re.findall(r"<([^<>]*)>", out) for kind in label.split("|")}
    assert kinds <= INDONESIAN_KINDS, kinds - INDONESIAN_KINDS


def test_english_words_are_caught_and_indonesian_ones_are_not() -> None:
    for english in ("Usage: x", "[default: 1]", "--opd <list[str]>", "--x <bool>", "Got 2",
                    "Missing option", "BERKAS... PATH", "Try 'x --help' for help."):
        assert ENGLISH.search(english), english
    indonesian = ("Penggunaan: pemetaan-ksd [OPSI] PERINTAH [ARGUMEN]... [bawaan: templat] "
                  "[wajib] Argumen BERKAS wajib diisi. Gotong royong, nilai, opsi, teks, lokasi.")
    assert not ENGLISH.search(indonesian), ENGLISH.search(indonesian)


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in COMMANDS if f"pemetaan-ksd {c}" not in readme]
    assert not missing


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bogus"], "Perintah 'bogus' tidak dikenal"),
        (["init", "--tahun", "abc"], "bilangan bulat"),
        (["init", "--tidak-ada"], "Opsi --tidak-ada tidak dikenal"),
        (["referensi"], "Argumen JENIS wajib diisi"),
        (["init", "--daerah", "00.00", "-o", "{tmp}/ksd.toml"], "tidak dikenal"),
        (["validasi", "--profil", "{tmp}/tidak-ada.toml", "{tmp}"], "tidak ditemukan"),
    ],
)
def test_wrong_use_exits_2_with_an_indonesian_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    code, _, err = cli(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert code == 2
    assert message in err


def test_init_writes_a_profile_and_refuses_to_overwrite(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "ksd.toml"
    code, out, _ = cli(capsys, "init", "--daerah", "63.03", "--tahun", "2026", "-o", str(target))
    assert code == 0 and target.is_file()
    assert "Kabupaten Banjar (63.03)" in out and "9 daerah berbatasan" in out
    assert "tahun = 2026" in target.read_text(encoding="utf-8")
    code, _, err = cli(capsys, "init", "-o", str(target))
    assert code == 2 and "--timpa" in err


def test_template_keeps_a_returned_file_unless_timpa(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out_dir = tmp_path / "templat"
    args = ["template", "--opd", "1.02.0.00.0.00.01.0000", "--opd", "1.03.0.00.0.00.01.0000",
            "-o", str(out_dir)]
    assert cli(capsys, *args)[0] == 0
    returned, other = sorted(out_dir.glob("*.xlsx"))
    returned.write_bytes(b"diisi perangkat daerah")
    other.unlink()
    code, _, err = cli(capsys, *args)
    assert code == 2
    assert returned.name in err and "--timpa" in err and "Tidak ada yang ditulis" in err
    assert returned.read_bytes() == b"diisi perangkat daerah"
    assert sorted(out_dir.glob("*.xlsx")) == [returned]  # the other target not written either
    assert cli(capsys, *args, "--timpa")[0] == 0
    assert returned.read_bytes() != b"diisi perangkat daerah" and other.is_file()


def test_referensi_tables(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "referensi", "wilayah", "banjarbaru")
    assert code == 0 and "63.72" in out and "berbatasan dengan Kabupaten Banjar" in out
    code, out, _ = cli(capsys, "referensi", "bidang", "1.02")
    assert code == 0 and "Kesehatan" in out
    code, out, _ = cli(capsys, "referensi", "kegiatan", "2.11.11.2.01")
    assert code == 0 and "Pengelolaan Sampah" in out and "900.1.15.5-1317/2023" in out


def test_builtin_profile_is_announced_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(capsys, "referensi", "bidang", "1.02")
    assert code == 0
    code, _, err = cli(capsys, "template", "-o", str(tmp_path / "t"))
    assert "profil contoh bawaan" in err


def test_python_dash_m_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pemetaan_ksd", "--versi"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == f"pemetaan-ksd {__version__}"


def test_the_process_ends_with_its_whole_output_and_exit_code(tmp_path: Path) -> None:
    """main() leaves without tearing objects down (cli/app._leave): what it wrote to the pipe
    arrives whole, and the exit code is the contract's (1: the worked example has galat)."""
    demo = ROOT / "examples" / "demo-pemetaan-ksd"
    done = subprocess.run(
        [sys.executable, "-m", "pemetaan_ksd", "validasi", str(demo / "masuk"),
         "--profil", str(demo / "ksd.toml"), "--format", "json"],
        capture_output=True, check=False, cwd=tmp_path)
    report = json.loads(done.stdout.decode("utf-8"))
    assert done.returncode == 1, done.stderr.decode()
    assert report["summary"]["files"] == len(list((demo / "masuk").iterdir()))
    assert done.stdout.endswith(b"\n")


def test_a_signal_a_library_turned_into_its_own_error_still_stops_the_run(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """openpyxl's descriptors catch everything (a bare `except:`) and raise TypeError: the
    SIGTERM inside is still a stop (143), not a fault of ours (3)."""
    from pemetaan_ksd import api
    from pemetaan_ksd.interrupt import Interrupted

    def broken(*args: object, **kwargs: object) -> None:
        try:
            raise ValueError("no signal here")
        except ValueError:
            raise TypeError("expected <class 'MultiCellRange'>")  # noqa: B904 - as openpyxl

    def stopped_within(*args: object, **kwargs: object) -> None:
        try:
            raise Interrupted(15)
        except BaseException:
            raise TypeError("expected <class 'MultiCellRange'>")  # noqa: B904 - as openpyxl

    monkeypatch.setattr(api, "validate", stopped_within)
    (tmp_path / "a.xlsx").write_bytes(b"")
    code, _, err = cli(capsys, "validasi", str(tmp_path / "a.xlsx"))
    assert code == 143 and "Dihentikan" in err and "kesalahan di dalam program" not in err
    monkeypatch.setattr(api, "validate", broken)  # no signal behind: a fault of ours
    code, _, err = cli(capsys, "validasi", str(tmp_path / "a.xlsx"))
    assert code == 3 and "kesalahan di dalam program" in err
