"""Hostile files (issue 14 item 2): each answered with its finding, in bounded memory and time,
never a traceback, also with `--anotasi`, where openpyxl parses the submission again.

The files are built once per session (hostile_files.py); what could hurt the test process
itself if a guard failed (calamine's allocations, which Python cannot see) is read in a child
process with a memory limit. The last test puts them all in one inbox, with a valid file, and
runs the real CLI over it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import python_calamine

import hostile_files as hf
from pemetaan_ksd import safety
from pemetaan_ksd.model import ReadError, ReadErrorKind
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.read import RUSAK, TERLALU_BESAR, read_submission, safe_to_load_whole
from pemetaan_ksd.read.safexml import Forbidden
from pemetaan_ksd.read.scan import ScanError
from pemetaan_ksd.read.scan_ods import _scan_parsed
from pemetaan_ksd.rules.registry import FIELD_MAX
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.feedback import build_feedback
from workbooks import build_submission, good_row

PROFIL = load_profile(None)
ROOT = Path(__file__).resolve().parent.parent
EXCEL_CELL_MAX = 32_767
DTD = ("memuat deklarasi DTD (entitas XML), yang tidak pernah ditulis Excel maupun "
       "LibreOffice; demi keamanan berkas tidak dibuka")


def _entity_name(entity: str, part: str) -> str:
    return f"{entity}-{part.replace('/', '_').removesuffix('.xml')}.xlsx"


# What each hostile file of the inbox must be answered with: its KSD101 reason, as ReadError.
EXPECTED: dict[str, ReadError] = {
    **{_entity_name(e, p): ReadError(RUSAK, f"bagian {p} {DTD}")
       for p in hf.POISONED_PARTS for e in hf.ENTITIES},
    "bom.ods": ReadError(RUSAK, f"bagian content.xml {DTD}"),
    "bom-awalan.ods": ReadError(RUSAK, f"bagian content.xml {DTD}"),
    "baris-200000.xlsx": ReadError(TERLALU_BESAR, "lembar Usulan terisi sampai sel AH200007, "
                                                  "yaitu baris 200.007; batas 10.000 baris"),
    "lembar-1gb.xlsx": ReadError(TERLALU_BESAR, "satu bagian terurai 1.024 MB, batas 50 MB"),
    "dusta-lembar.xlsx": ReadError(RUSAK, "isi bagian xl/worksheets/sheet3.xml tidak sesuai "
                                          "dengan daftar isi zip"),
    "putar-direktori.xls": ReadError(RUSAK, "struktur berkas .xls: rantai sektor rusak atau "
                                            "berulang"),
    "putar-aliran.xls": ReadError(RUSAK, "struktur berkas .xls: rantai sektor rusak atau "
                                         "berulang"),
    "putar-difat.xls": ReadError(RUSAK, "struktur berkas .xls: rantai DIFAT berulang"),
    "putar-entri_ganda.xls": ReadError(RUSAK, "struktur berkas .xls: rantai sektor rusak atau "
                                              "berulang"),
    "putar-minifat.xls": ReadError(RUSAK, "struktur berkas .xls: rantai sektor rusak atau "
                                          "berulang"),
    "daftar-isi-besar.xlsx": ReadError(TERLALU_BESAR, "daftar isi zip 5 MB, batas 4 MB"),
}
READ_AND_JUDGED = ("sah.xlsx", "kolom-16384.xlsx", "sel-32767.xlsx")


@pytest.fixture(scope="session")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every hostile file, and one valid submission (sah.xlsx), in one folder (~5 s, ~15 MB)."""
    folder = tmp_path_factory.mktemp("hostile") / "masuk"
    work = folder.parent / "bahan"
    folder.mkdir()
    work.mkdir()
    build_submission(folder / "sah.xlsx", [good_row()])
    base = hf.xlsx_parts(work / "dasar.xlsx")
    for part in hf.POISONED_PARTS:
        for entity in hf.ENTITIES:
            hf.write_xlsx(folder / _entity_name(entity, part), hf.with_doctype(base, part, entity))
    hf.ods(folder / "bom.ods", "bom")
    hf.ods(folder / "bom-awalan.ods", "bom", prefix="t")  # read by the full parse, not bytes
    hf.tall_usulan_xlsx(folder / "baris-200000.xlsx")
    hf.wide_row_xlsx(folder / "kolom-16384.xlsx")
    hf.long_cells_xlsx(folder / "sel-32767.xlsx")
    hf.giant_sheet_xlsx(folder / "lembar-1gb.xlsx")
    hf.lying_xlsx(folder / "dusta-lembar.xlsx")
    for where in hf.LOOPS:
        hf.looping_xls(folder / f"putar-{where}.xls", where)
    hf.long_directory_zip(folder / "daftar-isi-besar.xlsx")
    assert sorted(p.name for p in folder.iterdir()) == sorted([*EXPECTED, *READ_AND_JUDGED])
    return folder


_CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from pathlib import Path
from pemetaan_ksd.read import read_submission
out = {}
for name in sys.argv[1:]:
    error = read_submission(Path(name)).read_error
    out[Path(name).name] = [error.kind.name, error.detail] if error else None
print(json.dumps(out))
"""


def _read_in_child(*paths: Path) -> dict[str, ReadError | None]:
    """read_submission of each path in a child process limited to 2 GiB and 60 s."""
    done = subprocess.run([sys.executable, "-c", _CHILD, *map(str, paths)], capture_output=True,
                          text=True, timeout=60, check=True, env=_env())
    return {name: ReadError(ReadErrorKind[got[0]], got[1]) if got else None
            for name, got in json.loads(done.stdout).items()}


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")])}


def _python_peak(action: Callable[[], object]) -> int:
    """The peak of Python's own allocations (bytes) while `action` runs."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- entities: refused in every part, whoever parses it -------------------------------------------


@pytest.mark.parametrize("entity", sorted(hf.ENTITIES))
@pytest.mark.parametrize("part", list(hf.POISONED_PARTS))
def test_an_entity_declared_in_any_part_is_refused_naming_the_part(
        inbox: Path, part: str, entity: str) -> None:
    name = _entity_name(entity, part)
    assert read_submission(inbox / name).read_error == EXPECTED[name]


def test_the_same_parts_without_a_dtd_are_read(tmp_path: Path) -> None:
    path = hf.write_xlsx(tmp_path / "dasar.xlsx", hf.xlsx_parts(tmp_path / "a.xlsx"))
    with zipfile.ZipFile(path) as archive:
        assert {"xl/sharedStrings.xml", *hf.POISONED_PARTS} <= set(archive.namelist())
    sub = read_submission(path)
    assert sub.read_error is None
    assert (sub.identity.values["nama_opd"], len(sub.rows)) == ("Dinas Lingkungan Hidup", 1)


_SST = "xl/sharedStrings.xml"
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


@pytest.mark.parametrize(("prolog", "detail"), [
    pytest.param(_DECLARATION + b"\n<!-- dari Excel -->\n" + hf.XXE.encode(),
                 f"bagian {_SST} {DTD}", id="komentar-lalu-dtd"),
    pytest.param(b"\xef\xbb\xbf" + _DECLARATION + hf.BOMB.encode(), f"bagian {_SST} {DTD}",
                 id="bom-utf8"),
    pytest.param(_DECLARATION + b"<!--" + b" " * 70_000 + b"-->",
                 f"pembuka XML bagian {_SST} lebih dari 64 KB, tidak seperti yang ditulis Excel "
                 "maupun LibreOffice; demi keamanan berkas tidak dibuka", id="pembuka-panjang"),
    pytest.param(_DECLARATION + b"\n<!-- " + b"x" * 1000 + b" -->\n", None, id="komentar-biasa"),
])
def test_what_may_stand_before_the_root_element(tmp_path: Path, prolog: bytes,
                                                detail: str | None) -> None:
    parts = hf.xlsx_parts(tmp_path / "a.xlsx")
    root = parts[_SST][parts[_SST].index(b"<sst"):]
    path = hf.write_xlsx(tmp_path / "b.xlsx", {**parts, _SST: prolog + root})
    assert read_submission(path).read_error == (detail and ReadError(RUSAK, detail))


def test_a_dtd_in_a_part_written_in_utf16(tmp_path: Path) -> None:
    parts = hf.xlsx_parts(tmp_path / "a.xlsx")
    xml = parts[_SST].decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    xml = xml.replace("?>", "?>" + hf.XXE, 1)
    for encoded in (xml.encode("utf-16"), xml.encode("utf-16-be")):  # with and without a BOM
        path = hf.write_xlsx(tmp_path / "c.xlsx", {**parts, _SST: encoded})
        assert read_submission(path).read_error == ReadError(RUSAK, f"bagian {_SST} {DTD}")


# Measured: what each library does with each poisoned part when nothing stands before it.
# calamine never expands an entity: it stops at the reference where it reads the part (the
# shared strings, the workbook and the number formats on opening, a sheet when it is built)
# and never reads the document properties;
# openpyxl (with defusedxml) refuses every one. Hence one answer for all, before either runs.
CALAMINE_STOPS = {"xl/sharedStrings.xml": True, "xl/workbook.xml": True,
                  "xl/worksheets/sheet3.xml": True, "xl/styles.xml": True,
                  "docProps/core.xml": False}


@pytest.mark.parametrize("part", list(hf.POISONED_PARTS))
def test_what_calamine_and_openpyxl_do_with_the_entity(inbox: Path, part: str) -> None:
    path = inbox / _entity_name("xxe", part)
    try:
        with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
            book.get_sheet_by_name("Usulan").to_python()
        stopped = False
    except python_calamine.CalamineError:
        stopped = True
    assert stopped is CALAMINE_STOPS[part]
    assert openpyxl.DEFUSEDXML is True  # defusedxml installed: openpyxl parses through it
    with pytest.raises(ValueError) as refused:  # openpyxl re-raises some as its own ValueError
        openpyxl.load_workbook(path)
    assert isinstance(refused.value.__cause__ or refused.value, Forbidden)  # EntitiesForbidden


def test_the_feedback_copy_never_hands_openpyxl_a_dtd_nor_a_lying_part(inbox: Path) -> None:
    """The gate before openpyxl's load holds on its own, whatever OPENPYXL_DEFUSEDXML says."""
    for name in [*(n for n in EXPECTED if n.startswith(("bom-", "xxe-")) and ".xlsx" in n),
                 "lembar-1gb.xlsx", "dusta-lembar.xlsx", "daftar-isi-besar.xlsx"]:
        assert not safe_to_load_whole((inbox / name).read_bytes()), name
    assert safe_to_load_whole((inbox / "sah.xlsx").read_bytes())


def test_a_part_only_openpyxl_reads_lying_about_its_size(tmp_path: Path) -> None:
    """docProps/core.xml says 1 KB and holds 1 GiB: the reader never opens it and judges the
    file; the copy is rebuilt from what the reader read, never loaded by openpyxl."""
    path = hf.lying_xlsx(tmp_path / "dusta-core.xlsx", "docProps/core.xml")
    report = validate([path], PROFIL)
    [result] = report.files
    assert (result.unreadable, [f.code for f in result.findings]) == (False, [])
    assert not safe_to_load_whole(path.read_bytes())
    sheets: list[str] = []
    peak = _python_peak(lambda: sheets.extend(build_feedback(result, report, PROFIL).sheetnames))
    assert {"Catatan Validasi", "Petunjuk", "Usulan"} <= set(sheets)
    plain = build_submission(tmp_path / "biasa.xlsx", [good_row()])
    plain_report = validate([plain], PROFIL)
    usual = _python_peak(lambda: build_feedback(plain_report.files[0], plain_report, PROFIL))
    assert peak < usual + 20 * 1024 * 1024, (peak, usual)  # not the 1 GiB it holds


def test_a_file_too_large_to_copy_gets_the_notes_saying_why(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = build_submission(tmp_path / "besar.xlsx", [good_row(calon_mitra="-")])
    report = validate([path], PROFIL)
    monkeypatch.setattr(safety, "MAX_COPY_XML_BYTES", 10 * 1024)
    copy = build_feedback(report.files[0], report, PROFIL)
    assert copy.sheetnames == ["Catatan Validasi"]
    texts = [str(c.value) for row in copy.worksheets[0].iter_rows() for c in row if c.value]
    assert any("terlalu besar untuk disalin dengan tanda pada setiap selnya (isi XML terurai"
               in t and "batas 0 MB)" in t for t in texts), texts
    findings = report.files[0].findings
    assert findings and all(any(f.message in t for t in texts) for f in findings)


def test_the_lying_part_costs_what_it_claims(inbox: Path) -> None:
    path = inbox / "dusta-lembar.xlsx"
    errors: list[ReadError | None] = []
    peak = _python_peak(lambda: errors.append(read_submission(path).read_error))
    assert errors == [EXPECTED["dusta-lembar.xlsx"]]
    assert peak < 50 * 1024 * 1024, peak


# --- .ods -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bom.ods", "bom-awalan.ods"])
def test_ods_with_a_bomb_in_content_xml(inbox: Path, name: str) -> None:
    assert read_submission(inbox / name).read_error == EXPECTED[name]


def test_ods_without_the_bomb_is_read(tmp_path: Path) -> None:
    sub = read_submission(hf.ods(tmp_path / "a.ods"))
    assert (sub.read_error, sub.sheet_names) == (None, ["Usulan"])


def test_the_full_parse_refuses_entities_as_a_damaged_file() -> None:
    content = (f'<?xml version="1.0"?>{hf.BOMB}<office:document-content xmlns:office="urn:'
               'oasis:names:tc:opendocument:xmlns:office:1.0">&lol9;</office:document-content>')
    with pytest.raises(ScanError):
        _scan_parsed(content.encode())


# --- .xls whose chains loop -----------------------------------------------------------------------


def test_xls_chains_that_loop_are_refused_before_calamine_follows_them(inbox: Path) -> None:
    names = [f"putar-{where}.xls" for where in hf.LOOPS]
    assert _read_in_child(*(inbox / n for n in names)) == {n: EXPECTED[n] for n in names}


def test_the_same_xls_without_a_loop_is_read(tmp_path: Path) -> None:
    path = tmp_path / "sah.xls"
    path.write_bytes(bytes(hf.minimal_xls()))
    sub = read_submission(path)
    assert (sub.read_error, sub.sheet_names) == (None, ["Identitas", "Usulan"])
    assert sub.identity.values["nama_opd"] == "Dinas Lingkungan Hidup"


# --- size -----------------------------------------------------------------------------------------


def test_a_sheet_of_200000_rows_is_refused_saying_the_limit(inbox: Path) -> None:
    report = validate([inbox / "baris-200000.xlsx"], PROFIL)
    [finding] = report.files[0].findings
    assert finding.code == "KSD101"
    assert "yaitu baris 200.007; batas 10.000 baris" in finding.message


def test_rows_up_to_the_limit_are_read(tmp_path: Path) -> None:
    last = hf.tall_usulan_xlsx(tmp_path / "pas.xlsx", rows=safety.MAX_SHEET_ROWS - 7)
    over = hf.tall_usulan_xlsx(tmp_path / "lewat.xlsx", rows=safety.MAX_SHEET_ROWS - 6)
    assert read_submission(last).read_error is None
    assert read_submission(over).read_error == ReadError(
        TERLALU_BESAR, "lembar Usulan terisi sampai sel AH10001, yaitu baris 10.001; batas "
                       "10.000 baris")


def test_a_sheet_of_1_gib_behind_3_mb_is_refused_from_the_directory(inbox: Path) -> None:
    """(Also test_read.py: test_zip_directory_claiming_a_huge_entry, ..._huge_total,
    test_highly_compressible_entry.)"""
    path = inbox / "lembar-1gb.xlsx"
    assert path.stat().st_size < 4 * 1024 * 1024
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet3.xml").file_size > hf.GIANT_SHEET_BYTES
    errors: list[ReadError | None] = []
    peak = _python_peak(lambda: errors.append(read_submission(path).read_error))
    assert errors == [EXPECTED["lembar-1gb.xlsx"]]
    assert peak < 50 * 1024 * 1024, peak


def test_a_zip_directory_too_large_to_parse(inbox: Path, tmp_path: Path) -> None:
    name = "daftar-isi-besar.xlsx"
    assert read_submission(inbox / name).read_error == EXPECTED[name]
    many = hf.long_directory_zip(tmp_path / "banyak.xlsx", entries=20_000, name_length=10)
    assert read_submission(many).read_error == ReadError(TERLALU_BESAR,
                                                         "20.000 bagian, batas 10.000")


def test_a_row_of_16384_columns_is_read_and_judged(inbox: Path) -> None:
    report = validate([inbox / "kolom-16384.xlsx"], PROFIL)
    [result] = report.files
    assert not result.unreadable
    assert {(f.code, f.cell) for f in result.findings} >= {("KSD112", None), ("KSD301", "B8")}
    assert max(len(f.message) for f in result.findings) < FIELD_MAX + 500


def test_cells_of_32767_characters_are_read_and_judged(inbox: Path) -> None:
    report = validate([inbox / "sel-32767.xlsx"], PROFIL)
    [result] = report.files
    [accepted] = [r for r in result.rows if r.excel_row == 7]
    assert (accepted.findings, len(accepted.usulan.objek or "")) == ([], EXCEL_CELL_MAX)
    [ksd202] = result.findings
    assert (ksd202.code, ksd202.cell, len(ksd202.value or "")) == ("KSD202", "I8",
                                                                  EXCEL_CELL_MAX)
    assert len(ksd202.message) < FIELD_MAX + 500
    assert ksd202.message.startswith('"KSDD kata0 kata1')


# --- all of them at once, through the CLI ---------------------------------------------------------

_MEASURED = """
import resource, subprocess, sys, time
out, err, *command = sys.argv[1:]
start = time.monotonic()
with open(out, "w") as stdout, open(err, "w") as stderr:
    code = subprocess.run(command, stdout=stdout, stderr=stderr).returncode
print(code, time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _run_cli(*args: str, cwd: Path) -> tuple[int, float, int]:
    """(exit code, seconds, peak RSS in KiB of its largest process, workers included) of the
    CLI run from a fresh process, whose only children are the CLI and its workers; the CLI's
    output goes to stdout.txt and stderr.txt in `cwd`."""
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(cwd / "stdout.txt"), str(cwd / "stderr.txt"),
         sys.executable, "-m", "pemetaan_ksd", *args],
        cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300, check=True)
    code, seconds, peak = measured.stdout.split()
    return int(code), float(seconds), int(peak)


def _everything_written(*paths: Path) -> bytes:
    blob = b""
    for path in paths:
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                blob += b"".join(archive.read(n) for n in archive.namelist())
        else:
            blob += path.read_bytes()
    return blob


def _longest_text(path: Path) -> int:
    """The length of the longest text of any cell or note of a workbook."""
    workbook = openpyxl.load_workbook(path)
    cells = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    return max([len(c.value) for c in cells if isinstance(c.value, str)]
               + [len(c.comment.text) for c in cells if c.comment is not None])


@pytest.mark.parametrize("command", ["validasi", "gabung"])
def test_one_inbox_of_every_hostile_file(inbox: Path, tmp_path: Path, command: str) -> None:
    catatan, laporan = tmp_path / "catatan", tmp_path / "laporan.json"
    args = [command, str(inbox), "--anotasi", str(catatan), "--laporan", str(laporan)]
    if command == "gabung":
        args += ["-o", str(tmp_path / "daftar.xlsx")]
    code, seconds, peak_kib = _run_cli(*args, cwd=tmp_path)
    stdout, stderr = (tmp_path / "stdout.txt").read_text(), (tmp_path / "stderr.txt").read_text()

    assert code == 1, stderr  # rejected files are galat (CONTRACT section 4), not a fault (3)
    assert "Traceback" not in stdout + stderr
    assert seconds < 120 and peak_kib < 1.5 * 1024 * 1024, (seconds, peak_kib)
    files = {Path(f["path"]).name: f for f in json.loads(laporan.read_text())["files"]}
    for name, error in EXPECTED.items():
        assert files[name]["status"] == "tidak_terbaca", name
        [finding] = files[name]["findings"]
        assert finding["code"] == "KSD101" and error.detail in finding["message"], name
    assert files["sah.xlsx"]["status"] == "valid"
    assert files["sel-32767.xlsx"]["counts"]["galat"] == 1  # the KSD202, the other row enters
    copies = sorted(catatan.iterdir())
    assert len(copies) == len(files)
    outputs = [*copies, laporan, tmp_path / "stdout.txt", tmp_path / "stderr.txt"]
    if command == "gabung":
        outputs.append(tmp_path / "daftar.xlsx")
        assert _longest_text(tmp_path / "daftar.xlsx") == EXCEL_CELL_MAX  # the long cells, whole
    written = _everything_written(*outputs)
    secret = Path(hf.SECRET_FILE).read_text().splitlines()[0].encode()
    assert secret not in written and b"lollollol" not in written and b"<!DOCTYPE" not in written
    assert all(_longest_text(c) <= EXCEL_CELL_MAX for c in copies
               if c.name.startswith(("sel-", "kolom-", "sah")))
    print(f"{command}: {len(files)} berkas, {seconds:.1f} s, puncak {peak_kib // 1024} MiB")
