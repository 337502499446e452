"""The command line: Indonesian help, exit codes, and the commands of the foundation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pemetaan_ksd import __version__
from pemetaan_ksd.cli.app import app, run

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = sorted(c.name for c in app.registered_commands if c.name)
ENGLISH = re.compile(r"\b(Usage|Options|Commands|Arguments|Show this message|default:|required)\b")


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


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_is_indonesian(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = cli(capsys, *([command] if command else []), "--help")
    assert code == 0
    assert "Penggunaan:" in out and "Opsi" in out
    assert not ENGLISH.search(out), ENGLISH.search(out)


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
