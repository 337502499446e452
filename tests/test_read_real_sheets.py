"""Usulan on another sheet (KSD110) and a renamed `Usulan` sheet (KSD111), on real workbooks."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pemetaan_ksd import safety
from pemetaan_ksd.model import FileResult, FileStatus, Finding, Severity
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.read import read_submission
from pemetaan_ksd.validate import Context, check_submission, validate
from pemetaan_ksd.write.feedback import build_feedback
from pemetaan_ksd.write.feedback_marks import mark_findings
from workbooks import build_submission, marked_cells, usulan_rows

PROFIL = load_profile(None)
CTX = Context.from_profile(PROFIL, 2025)


def checked(path: Path) -> FileResult:
    return check_submission(read_submission(path), CTX, path.name)


def found(result: FileResult) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.sheet, f.cell) for f in result.findings]


def with_mistake(count: int) -> list[dict[str, object]]:
    """Valid usulan, the second with a Jenis Kerja Sama that is not a choice (KSD202 at I8)."""
    rows = usulan_rows(count)
    rows[1]["jenis_kerja_sama"] = "KSDD Sukarelaa"
    return rows


# --- KSD110 -----------------------------------------------------------------------------------


def test_copy_sheet_holding_the_data_while_usulan_is_empty(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", [], extra_sheets={"Usulan (2)": usulan_rows(3)})
    result = checked(path)
    assert found(result) == [("KSD110", "Usulan (2)", None)]  # not KSD108, a nil report
    assert result.status is FileStatus.TIDAK_VALID
    assert "\"Usulan (2)\" memuat 3 baris usulan" in result.findings[0].message


def test_usulan_on_both_sheets_only_usulan_is_read_and_nothing_enters(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", with_mistake(2),
                            extra_sheets={"Usulan (2)": usulan_rows(1)})
    result = checked(path)
    assert found(result) == [("KSD110", "Usulan (2)", None), ("KSD202", "Usulan", "I8")]
    assert [r.excel_row for r in result.rows] == [7, 8]
    assert result.accepted_rows == []
    assert "di samping 2 usulan pada lembar Usulan" in result.findings[0].message


def test_a_copy_with_the_header_but_no_usulan_is_no_finding(tmp_path: Path) -> None:
    signature_only = [{"objek": "Mengetahui"}]
    path = build_submission(tmp_path / "a.xlsx", usulan_rows(1),
                            extra_sheets={"Usulan (2)": [], "Usulan lama": signature_only})
    assert found(checked(path)) == []


@pytest.mark.parametrize("name", ["Catatan Validasi", "Petunjuk ", "referensi", "Identitas 2"])
def test_sheets_that_are_never_looked_at_or_have_no_header(tmp_path: Path, name: str) -> None:
    """A feedback copy's first sheet and the template's other sheets are not searched."""
    path = build_submission(tmp_path / "a.xlsx", usulan_rows(1),
                            sheet_names={"Petunjuk": None}, extra_sheets={name: usulan_rows(2)})
    expected = [("KSD110", name, None)] if name == "Identitas 2" else []
    assert found(checked(path)) == expected


def test_two_sheets_with_the_header_and_no_usulan_sheet(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", [], sheet_names={"Usulan": None},
                            extra_sheets={"Usulan A": usulan_rows(2), "Usulan B": usulan_rows(1)})
    result = checked(path)
    assert found(result) == [("KSD102", None, None), ("KSD110", "Usulan A", None),
                             ("KSD110", "Usulan B", None)]
    assert "lebih dari satu lembar memuat judul kolom templat" in result.findings[1].message


def test_other_sheet_too_large_to_build_is_left_alone(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Measured from its XML (at most 999 x 702 cells each here), a sheet that would take the
    grids past the limit is not built: the file stays readable, as before the sheet was added."""
    path = build_submission(tmp_path / "a.xlsx", usulan_rows(1),
                            extra_sheets={"Lampiran": usulan_rows(1)})
    monkeypatch.setattr(safety, "MAX_GRID_CELLS", 3 * 999 * 702)
    sub = read_submission(path)
    assert (sub.read_error, sub.usulan_elsewhere) == (None, {})
    monkeypatch.setattr(safety, "MAX_GRID_CELLS", 4 * 999 * 702)
    assert read_submission(path).usulan_elsewhere == {"Lampiran": 1}


def test_damaged_other_sheet_is_left_alone(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", usulan_rows(1),
                            extra_sheets={"Lampiran": usulan_rows(1)})
    damaged = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet4.xml":  # Lampiran, after Usulan
                data = data[: len(data) // 2]
            target.writestr(info, data)
    sub = read_submission(damaged)
    assert (sub.read_error, [r.excel_row for r in sub.rows], sub.usulan_elsewhere) == (
        None, [7], {})


# --- KSD111 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Usulan KSD", "Sheet1", "Lembar Isian"])
def test_no_usulan_sheet_but_one_sheet_with_its_header_is_read(tmp_path: Path,
                                                                 name: str) -> None:
    path = build_submission(tmp_path / "a.xlsx", with_mistake(3), sheet_names={"Usulan": name})
    result = checked(path)
    assert found(result) == [("KSD111", name, None), ("KSD202", name, "I8")]  # no KSD102
    assert result.findings[0].severity is Severity.PERINGATAN
    assert [r.excel_row for r in result.rows] == [7, 8, 9]


def test_name_differing_only_in_case_and_spaces_is_usulan_itself(tmp_path: Path) -> None:
    """The reader finds `usulan ` by its name (case and surrounding spaces ignored): no KSD111,
    and findings name the contract's sheet `Usulan`, as the feedback copy finds it."""
    path = build_submission(tmp_path / "a.xlsx", with_mistake(2), sheet_names={"Usulan": "usulan "})
    assert found(checked(path)) == [("KSD202", "Usulan", "I8")]


def test_renamed_sheet_rows_and_file_findings_name_the_real_sheet(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", with_mistake(3), sheet_names={"Usulan": "Sheet1"},
                            usulan_cells={"F14": "Kepala Dinas"}, merged=["B7:B9"])
    result = checked(path)
    assert found(result) == [("KSD109", "Sheet1", "F14"), ("KSD111", "Sheet1", None),
                             ("KSD114", "Sheet1", "B7"), ("KSD202", "Sheet1", "I8")]


def test_feedback_copy_of_a_renamed_sheet_marks_the_finding_cells(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", with_mistake(3),
                            sheet_names={"Usulan": "Usulan KSD"}, merged=["B7:B9"])
    report = validate([path], PROFIL)
    [fr] = report.files
    cells = {(f.sheet, f.cell) for f in fr.findings if f.cell is not None}
    assert cells == {("Usulan KSD", "B7"), ("Usulan KSD", "I8")}
    assert marked_cells(build_feedback(fr, report, PROFIL)) == cells


def test_a_finding_that_says_usulan_lands_on_the_sheet_read_instead(tmp_path: Path) -> None:
    """A finding added after the file's own check (KSD502 across files) names `Usulan`; the
    copy puts it on the sheet the KSD111 finding names."""
    path = build_submission(tmp_path / "a.xlsx", usulan_rows(1), sheet_names={"Usulan": "Data"})
    report = validate([path], PROFIL)
    wb = build_feedback(report.files[0], report, PROFIL)
    later = Finding("KSD502", Severity.PERINGATAN, "sama", sheet="Usulan", cell="A7", row=7)
    read_instead = Finding("KSD111", Severity.PERINGATAN, "lembar", sheet="Data")
    [target, _] = mark_findings(wb, [later, read_instead])
    assert target is not None and (target.sheet, target.cell) == ("Data", "A7")



def test_a_cross_file_finding_names_the_sheet_read_instead(tmp_path: Path) -> None:
    build_submission(tmp_path / "a.xlsx", usulan_rows(1), sheet_names={"Usulan": "Data"})
    build_submission(tmp_path / "b.xlsx", usulan_rows(1),
                     identitas={"kode_opd": "1.02.0.00.0.00.01.0000", "nama_opd": "Dinkes"})
    report = validate([tmp_path], PROFIL)
    same = [(f.sheet, f.cell) for fr in report.files for f in fr.findings if f.code == "KSD502"]
    assert same == [("Data", "A7"), ("Usulan", "A7")]
