"""Every wrong use of every command: exit code 2 and a message in Indonesian, never English.

Each case runs the real command line (`cli.app.run`, as the installed `pemetaan-ksd` does) in an
empty folder, so a case that wrongly succeeds writes nothing into the repository.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pemetaan_ksd.cli.app import app, run
from pemetaan_ksd.cli.i18n import translate_error
from test_cli import COMMANDS, ENGLISH

UNKNOWN = "tidak dikenal"
EXTRA = "Argumen berlebih"
NO_VALUE = "tidak menerima nilai"
NEEDS_VALUE = "memerlukan nilai"
NOT_INTEGER = "harus berupa bilangan bulat"
OUT_OF_RANGE = "di luar rentang 2000-2100"
BAD_CHOICE = "tidak termasuk pilihan"
NOT_FOUND = "tidak ditemukan"

# (arguments, a phrase the message must hold, the command whose --help it points to or None)
# "{tmp}" is the test's own folder; "{tmp}/berkas" is a regular file there.
CASES: list[tuple[str, str, str | None]] = [
    # the root
    ("--tidak-ada", "Opsi --tidak-ada tidak dikenal.", ""),
    ("bogus", "Perintah 'bogus' tidak dikenal.", ""),
    ("initt", "Maksud Anda 'init'?", ""),
    ("--debug=ya", "Opsi --debug tidak menerima nilai: tulis --debug saja.", ""),
    ("--versi=1", NO_VALUE, ""),
    # init
    ("init --tidak-ada", "Opsi --tidak-ada tidak dikenal.", "init"),
    ("init --tahn 2025", "Mungkin maksud Anda: --tahun", "init"),
    ("init lebih", "Argumen berlebih: lebih", "init"),
    ("init --timpa=ya", NO_VALUE, "init"),
    ("init --tahun", "Opsi --tahun memerlukan nilai.", "init"),
    ("init --tahun abc", "Nilai --tahun tidak sah: harus berupa bilangan bulat.", "init"),
    ("init --tahun 1800", "Nilai --tahun tidak sah: tahun 1800 di luar rentang 2000-2100.", "init"),
    ("init --tahun 2101", OUT_OF_RANGE, "init"),
    ("init -o", "Opsi -o memerlukan nilai.", "init"),
    ("init --daerah 00.00 -o {tmp}/ksd.toml", UNKNOWN, None),
    ("init -o {tmp}/berkas", "--timpa", None),
    ("init -o {tmp} --timpa", "adalah folder. Tulis nama berkas profil", None),
    # template
    ("template --tidak-ada", UNKNOWN, "template"),
    ("template lebih", EXTRA, "template"),
    ("template --semua=1", NO_VALUE, "template"),
    ("template --opd", NEEDS_VALUE, "template"),
    ("template --tahun 20x5", NOT_INTEGER, "template"),
    ("template --tahun 1999", OUT_OF_RANGE, "template"),
    ("template --opd 1.02 --semua", "--opd dan --semua tidak dapat dipakai bersama", "template"),
    ("template --semua --opd 1.02", "tidak dapat dipakai bersama", "template"),
    ("template --opd 9.99 -o {tmp}/t", '"9.99" tidak ada', None),
    ("template --profil {tmp}/tidak-ada.toml", NOT_FOUND, None),
    # validasi
    ("validasi", "Argumen BERKAS wajib diisi.", "validasi"),
    ("validasi {tmp} --tidak-ada", UNKNOWN, "validasi"),
    ("validasi {tmp} --pilih-terbaru=ya", "Opsi --pilih-terbaru tidak menerima nilai", "validasi"),
    ("validasi {tmp} --format xml", "Nilai --format tidak sah: 'xml' tidak termasuk pilihan",
     "validasi"),
    ("validasi {tmp} --format", NEEDS_VALUE, "validasi"),
    ("validasi {tmp} --tahun abc", NOT_INTEGER, "validasi"),
    ("validasi {tmp} --tahun 1800", OUT_OF_RANGE, "validasi"),
    ("validasi -o x {tmp}", "Opsi -o tidak dikenal.", "validasi"),
    ("validasi {tmp}/tidak-ada", "Tidak ditemukan", None),
    ("validasi {tmp} --profil {tmp}/tidak-ada.toml", NOT_FOUND, None),
    # gabung
    ("gabung {tmp}", "Opsi -o/--output wajib diisi.", "gabung"),
    ("gabung -o {tmp}/hasil.xlsx", "Argumen BERKAS wajib diisi.", "gabung"),
    ("gabung {tmp} -o", NEEDS_VALUE, "gabung"),
    ("gabung {tmp} -o {tmp}/hasil.xlsx --pilih-terbaru=1", NO_VALUE, "gabung"),
    ("gabung {tmp} -o {tmp}/hasil.xlsx --tahun 3000", OUT_OF_RANGE, "gabung"),
    ("gabung {tmp} -o {tmp}/hasil.xlsx --tahun dua", NOT_INTEGER, "gabung"),
    ("gabung {tmp} -o {tmp}/hasil.xlsx --format json", UNKNOWN, "gabung"),
    ("gabung {tmp}/tidak-ada -o {tmp}/hasil.xlsx", "Tidak ditemukan", None),
    ("gabung {tmp} -o {tmp}/hasil.txt", ".xlsx", None),
    # status
    ("status", "Argumen BERKAS wajib diisi.", "status"),
    ("status {tmp} --tidak-ada", UNKNOWN, "status"),
    ("status {tmp} --format xml", BAD_CHOICE, "status"),
    ("status {tmp} --pilih-terbaru=ya", NO_VALUE, "status"),
    ("status {tmp} --tahun 1.5", NOT_INTEGER, "status"),
    ("status {tmp} --tahun 1999", OUT_OF_RANGE, "status"),
    ("status {tmp}/tidak-ada", "Tidak ditemukan", None),
    # proses
    ("proses --keluar {tmp}/keluar", "Opsi --masuk wajib diisi.", "proses"),
    ("proses --masuk {tmp}", "Opsi --keluar wajib diisi.", "proses"),
    ("proses --masuk {tmp}/tidak-ada --keluar {tmp}/keluar", "tidak ditemukan", None),
    ("proses --masuk {tmp} --keluar {tmp}/k --tunggu-stabil -1", "tidak sah", "proses"),
    ("proses --masuk {tmp} --keluar {tmp}/k --jeda abc", "tidak sah", "proses"),
    ("proses --masuk {tmp} --keluar {tmp}/k --ulang=ya", NO_VALUE, "proses"),
    ("proses --masuk {tmp} --keluar {tmp}/k --format xml", BAD_CHOICE, "proses"),
    ("proses --masuk {tmp} --keluar {tmp}/k --tahun 1800", OUT_OF_RANGE, "proses"),
    ("proses --masuk {tmp} --keluar {tmp}/k ekstra", "Argumen berlebih: ekstra", "proses"),
    # riwayat
    ("riwayat", "Opsi --keluar wajib diisi.", "riwayat"),
    ("riwayat --keluar {tmp}/kosong", "Belum ada riwayat", None),
    ("riwayat --keluar {tmp} --opd", NEEDS_VALUE, "riwayat"),
    ("riwayat --keluar {tmp} --format xml", BAD_CHOICE, "riwayat"),
    # demo
    ("demo a b", "Argumen berlebih: b", "demo"),
    ("demo --tidak-ada", UNKNOWN, "demo"),
    ("demo --langkah=ya", NO_VALUE, "demo"),
    ("demo --timpa=1", NO_VALUE, "demo"),
    ("demo {tmp}/berkas", "adalah berkas, bukan folder", None),
    ("demo {tmp}/berkas/demo", "tidak dapat dibuat atau ditulisi", None),
    ("demo {tmp}", "tidak kosong", None),
    # referensi
    ("referensi", "Argumen JENIS wajib diisi. Pilih salah satu: bidang, kegiatan, wilayah.",
     "referensi"),
    ("referensi xyz", "Nilai JENIS tidak sah: 'xyz' tidak termasuk pilihan", "referensi"),
    ("referensi bidang a b", "Argumen berlebih: b", "referensi"),
    ("referensi bidang --tidak-ada", UNKNOWN, "referensi"),
    ("referensi bidang --profil", NEEDS_VALUE, "referensi"),
    ("referensi bidang --profil {tmp}/tidak-ada.toml", NOT_FOUND, None),
]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder holding only `berkas`, a regular file."""
    (tmp_path / "berkas").write_text("bukan folder", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _args(line: str, tmp: Path) -> list[str]:
    return [word.replace("{tmp}", str(tmp)) for word in line.split()]


def _english(text: str, tmp: Path) -> list[str]:
    """English words in `text`, not counting the test's own folder (its name is English)."""
    return ENGLISH.findall(text.replace(str(tmp), "TMP"))


@pytest.mark.parametrize(("line", "phrase", "help_of"), CASES, ids=[c[0] for c in CASES])
def test_wrong_use_exits_2_in_indonesian(
    capsys: pytest.CaptureFixture[str], here: Path, line: str, phrase: str, help_of: str | None
) -> None:
    code = run(_args(line, here))
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert phrase.replace("{tmp}", str(here)) in " ".join(err.split()), err
    assert not _english(out + err, here), (_english(out + err, here), err)
    if help_of is not None:
        command = f"pemetaan-ksd {help_of}".strip()
        assert f"Lihat bantuan: {command} --help" in err, err


def test_every_command_has_wrong_uses() -> None:
    covered = {line.split()[0] for line, _, _ in CASES if not line.startswith("-")}
    assert set(COMMANDS) <= covered, set(COMMANDS) - covered
    assert any(line.startswith("-") for line, _, _ in CASES)  # the root's own options


def test_existing_profile_is_left_as_it_was(
    capsys: pytest.CaptureFixture[str], here: Path
) -> None:
    assert run(["init", "-o", str(here / "berkas")]) == 2
    assert (here / "berkas").read_text(encoding="utf-8") == "bukan folder"


@pytest.mark.parametrize(
    ("english", "phrase"),
    [
        ("Error: Missing parameter: tahun", "Nilai tahun wajib diisi."),
        ("Try 'pemetaan-ksd init --help' for help.", "Lihat bantuan: pemetaan-ksd init --help"),
        ("Aborted!", "Dibatalkan."),
        ("Missing command.", "Perintah belum disebutkan."),
        ("Invalid value for '--n': 'x' is not a valid integer.", "'x' bukan bilangan bulat."),
        ("Invalid value for '--n': 'x' is not a valid float.", "'x' bukan angka."),
        ("Invalid value: Value 'x' is not a valid UUID.", "Nilai tidak sah: Nilai 'x' tidak sah."),
        ("Option '--n' requires 2 arguments.", "Opsi --n memerlukan 2 nilai."),
        ("Argument 'X' takes 2 values.", "Argumen X memerlukan 2 nilai."),
        ("Invalid value for 'BERKAS': path 'a b' does not exist.", "Lokasi 'a b' tidak ada."),
        ("Invalid value for '-o': dir 'a' is a file.", "'a' adalah berkas, bukan folder."),
        ("Invalid value for '-o': file 'a' is a directory.", "'a' adalah folder, bukan berkas."),
        ("Invalid value for '-o': file 'a' is not writable.", "'a' tidak dapat ditulisi."),
        ("Invalid value for '-o': file 'a' is not readable.", "'a' tidak dapat dibaca."),
        ("Could not open file 'a': Permission denied", "Berkas 'a' tidak dapat dibuka"),
        ("Invalid value for '--x': Value must be an iterable.", "Nilai harus berupa daftar."),
        ("Invalid value for '--x': Input should be a valid boolean", "tidak sesuai"),
        ("Got unexpected extra arguments (a b)", "Argumen berlebih: a b"),
        ("Missing option '--format'. Choose from:\n\tteks,\n\tjson",
         "Opsi --format wajib diisi. Pilih salah satu: teks, json."),
    ],
)
def test_messages_no_command_line_reaches_today_are_translated_too(
    english: str, phrase: str
) -> None:
    indonesian = translate_error(english)
    assert phrase in indonesian, indonesian
    assert not ENGLISH.findall(indonesian.replace("Permission denied", "")), indonesian


def test_an_indonesian_message_passes_through_unchanged() -> None:
    message = "Opsi -o/--output wajib diisi."
    assert translate_error(message) == message


def test_typer_own_error_display_is_indonesian_too(here: Path) -> None:
    """Whoever shows the error (here typer's standalone handler, not `run`) shows Indonesian."""
    result = CliRunner().invoke(app, ["init", "--tahun", "1800"])
    assert result.exit_code == 2
    assert "tahun 1800 di luar rentang" in result.output
    assert "Galat penggunaan" in result.output and "untuk bantuan" in result.output
    assert not ENGLISH.findall(result.output), result.output


@pytest.mark.parametrize(
    ("args", "phrase"),
    [(["gabung", "x"], "Opsi -o/--output wajib diisi."),
     (["init", "lebih"], "Argumen berlebih: lebih")],
)
def test_the_installed_program_says_it_in_indonesian(
    tmp_path: Path, args: list[str], phrase: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pemetaan_ksd", *args],
        capture_output=True, text=True, encoding="utf-8", check=False, cwd=tmp_path,
    )
    assert done.returncode == 2
    assert phrase in done.stderr and "Traceback" not in done.stderr
    assert not ENGLISH.findall(done.stdout + done.stderr), done.stderr
