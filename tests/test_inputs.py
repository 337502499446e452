"""collect_inputs: folders walked, lock/hidden/feedback files skipped, order stable."""

from __future__ import annotations

from pathlib import Path

from pemetaan_ksd.inputs import collect_inputs


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK")
    return path


def _names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_folders_walked_recursively_and_sorted(tmp_path: Path) -> None:
    inbox = tmp_path / "masuk"
    for name in ("Dinas Kesehatan.xlsx", "b/bappeda.XLS", "b/c/dlh.ods", "a/kominfo.xlsm",
                 "Bidang Perhubungan ß é/dishub 2025.xlsx", "arsip.zip", "b/catatan.pdf",
                 "README"):
        _touch(inbox / name)
    found = collect_inputs([inbox])
    assert _names(found.files, inbox) == [
        "a/kominfo.xlsm", "b/bappeda.XLS", "b/c/dlh.ods",
        "Bidang Perhubungan ß é/dishub 2025.xlsx", "Dinas Kesehatan.xlsx",
    ]
    assert (found.missing, found.skipped) == ([], [])


def test_lock_and_hidden_files_skipped_feedback_copies_read(tmp_path: Path) -> None:
    inbox = tmp_path / "masuk"
    for name in ("~$dinkes.xlsx", ".~lock.dinkes.xlsx#", ".tersembunyi.xlsx", "._dinkes.xlsx",
                 ".git/objek.xlsx", ".DS_Store", "dinkes.xlsx", "dinkes.catatan.xlsx",
                 "sub/dlh.Catatan.xlsx"):
        _touch(inbox / name)
    found = collect_inputs([inbox])
    # A clerk corrects the feedback copy and sends it back as it is: it is a submission.
    assert _names(found.files, inbox) == [
        "dinkes.catatan.xlsx", "dinkes.xlsx", "sub/dlh.Catatan.xlsx"]
    assert _names(found.skipped, inbox) == [
        "._dinkes.xlsx", ".git", ".tersembunyi.xlsx", ".~lock.dinkes.xlsx#", "~$dinkes.xlsx",
    ]


def test_this_runs_feedback_folder_is_skipped(tmp_path: Path) -> None:
    inbox = tmp_path / "masuk"
    _touch(inbox / "dinkes.xlsx")
    _touch(inbox / "catatan" / "dinkes.catatan.xlsx")
    found = collect_inputs([inbox], exclude=(tmp_path / "masuk" / "." / "catatan",))
    assert _names(found.files, inbox) == ["dinkes.xlsx"]
    assert _names(found.skipped, inbox) == ["catatan"]


def test_explicit_files_kept_whatever_their_extension(tmp_path: Path) -> None:
    pdf = _touch(tmp_path / "usulan dinkes.pdf")
    hidden = _touch(tmp_path / ".salinan.xlsx")
    feedback = _touch(tmp_path / "dlh.catatan.xlsx")
    lock = _touch(tmp_path / "~$dlh.xlsx")
    found = collect_inputs([pdf, hidden, feedback, lock])
    assert found.files == sorted([pdf, hidden, feedback], key=lambda p: p.name.casefold())
    assert found.skipped == [lock]


def test_missing_paths_reported(tmp_path: Path) -> None:
    there = _touch(tmp_path / "ada.xlsx")
    found = collect_inputs([tmp_path / "tidak ada.xlsx", there, tmp_path / "folder hilang"])
    assert found.files == [there]
    assert found.missing == [tmp_path / "tidak ada.xlsx", tmp_path / "folder hilang"]


def test_each_file_once_even_when_reached_twice(tmp_path: Path) -> None:
    inbox = tmp_path / "masuk"
    file = _touch(inbox / "dinkes.xlsx")
    found = collect_inputs([inbox, file, inbox / "." / "dinkes.xlsx"])
    assert found.files == [file]


def test_symlinked_folders_not_followed(tmp_path: Path) -> None:
    inbox = tmp_path / "masuk"
    _touch(inbox / "a" / "dinkes.xlsx")
    (inbox / "a" / "putaran").symlink_to(inbox, target_is_directory=True)
    assert _names(collect_inputs([inbox]).files, inbox) == ["a/dinkes.xlsx"]
