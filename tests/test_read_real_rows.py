"""Rows that are not usulan (KSD109) and merged cells (KSD114), on real workbooks.

Rows never vanish and are never invented: a signature block or a value dragged down is set
aside with one KSD109 per row; a merged bidang gives its value to every row it spans. The
report and the feedback copy always name the same cells. LibreOffice's formats:
test_read_real_libreoffice.py.
"""

from __future__ import annotations

from pathlib import Path

from pemetaan_ksd.model import FileResult, FileStatus, MergedRange, Severity, StrayRow
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.read import read_submission
from pemetaan_ksd.validate import Context, check_submission, validate
from pemetaan_ksd.write.feedback import build_feedback
from workbooks import build_submission, marked_cells, usulan_rows

PROFIL = load_profile(None)
CTX = Context.from_profile(PROFIL, 2025)

SIGNATURE = {"F12": "Martapura, 14 Februari 2025", "F13": "Kepala Dinas Lingkungan Hidup",
             "AL14": "ttd", "F16": "Ir. H. Ahmad Rizani, M.T.",
             "F17": "NIP. 19700101 199503 1 001"}


def checked(path: Path) -> FileResult:
    return check_submission(read_submission(path), CTX, path.name)


def pairs(result: FileResult) -> list[tuple[str, str | None]]:
    return [(f.code, f.cell) for f in result.findings]


# --- KSD109 -----------------------------------------------------------------------------------


def test_signature_block_below_the_table_is_one_ksd109_per_row(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "dlh.xlsx", usulan_rows(3), usulan_cells=SIGNATURE)
    result = checked(path)
    assert pairs(result) == [("KSD109", "F12"), ("KSD109", "F13"), ("KSD109", "AL14"),
                             ("KSD109", "F16"), ("KSD109", "F17")]
    assert [r.excel_row for r in result.rows] == [7, 8, 9]
    assert result.rows_not_usulan == 5
    assert result.status is FileStatus.VALID  # peringatan: the three usulan enter
    first = result.file_findings[0]
    assert (first.severity, first.sheet, first.row, first.value) == (
        Severity.PERINGATAN, "Usulan", 12, "Martapura, 14 Februari 2025")
    assert "\"Martapura, 14 Februari 2025\"" in first.message
    assert "lembar Identitas (Nama Penanggung Jawab, Jabatan)" in first.message


def test_a_row_spread_over_columns_is_quoted_whole_at_its_first_cell(tmp_path: Path) -> None:
    cells = {"B20": "Mengetahui,", "F20": "Kepala Dinas", "AH20": 2025}
    result = checked(build_submission(tmp_path / "a.xlsx", usulan_rows(1), usulan_cells=cells))
    assert pairs(result) == [("KSD109", "B20")]
    assert result.file_findings[0].value == "Mengetahui, | Kepala Dinas | 2025"


def test_year_dragged_down_invents_no_usulan(tmp_path: Path) -> None:
    dragged = {f"Y{row}": 2025 for row in range(8, 20)}
    result = checked(build_submission(tmp_path / "a.xlsx", usulan_rows(1), usulan_cells=dragged))
    assert pairs(result) == [("KSD109", f"Y{row}") for row in range(8, 20)]
    assert [r.excel_row for r in result.rows] == [7]
    assert result.rows_not_usulan == 12


def test_running_number_alone_makes_no_row(tmp_path: Path) -> None:
    numbers = {f"A{row}": row - 6 for row in range(8, 30)}
    sub = read_submission(build_submission(tmp_path / "a.xlsx", usulan_rows(1),
                                           usulan_cells=numbers))
    assert ([r.excel_row for r in sub.rows], sub.stray_rows) == ([7], [])


def test_running_number_with_a_signature_beside_it_is_quoted_with_it(tmp_path: Path) -> None:
    cells = {"A8": 2, "AK8": "Paraf Kabid"}
    sub = read_submission(build_submission(tmp_path / "a.xlsx", usulan_rows(1),
                                           usulan_cells=cells))
    assert sub.stray_rows == [StrayRow(8, "A8", "2 | Paraf Kabid")]


def test_four_filled_columns_or_a_code_make_an_usulan(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        *usulan_rows(1),
        {"objek": "Pengelolaan sampah bersama", "calon_mitra": "Kota Banjarbaru",
         "jenis_kerja_sama": "KSDD Sukarela", "tahun_mulai": 2025},  # 4 columns: usulan
        {"kode_kegiatan": "2.11.11.2.01"},  # one code: usulan
        {"objek": "Catatan", "calon_mitra": "lihat", "keterangan": "lampiran"},  # 3 columns
        {"kode_program": 2025},  # a year is not shaped like a code
        {"kode_bidang_urusan": "2.11 - Lingkungan Hidup"},  # the dropdown value: a code
    ]
    result = checked(build_submission(tmp_path / "a.xlsx", rows))
    assert [r.excel_row for r in result.rows] == [7, 8, 9, 12]
    assert [(f.code, f.cell) for f in result.file_findings] == [("KSD109", "H10"),
                                                               ("KSD109", "C11")]
    assert result.rows[1].findings and result.rows[2].findings  # incomplete usulan: galat
    assert all(r.has_galat for r in result.rows[1:])


def test_stray_rows_never_become_row_results_and_are_counted(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "masuk.xlsx", usulan_rows(2), usulan_cells=SIGNATURE)
    summary = validate([path], PROFIL).summary()
    assert (summary["rows"], summary["rows_accepted"], summary["rows_not_usulan"]) == (2, 2, 5)


# --- KSD114 -----------------------------------------------------------------------------------


def test_vertical_merge_gives_its_value_to_every_row(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "a.xlsx", usulan_rows(3), merged=["B7:B9"])
    sub = read_submission(path)
    assert [r.values["kode_bidang_urusan"] for r in sub.rows] == ["2.11 - Lingkungan Hidup"] * 3
    assert sub.merged_ranges == [MergedRange("B7:B9", 7, 2, 9, 2)]
    result = check_submission(sub, CTX, "a.xlsx")
    assert pairs(result) == [("KSD114", "B7")]  # not KSD201 on B8 and B9
    assert result.findings[0].severity is Severity.PERINGATAN
    assert "B7:B9" in result.findings[0].message
    assert result.status is FileStatus.VALID


def test_horizontal_merge_gives_its_value_to_its_first_column(tmp_path: Path) -> None:
    result = checked(build_submission(tmp_path / "a.xlsx", usulan_rows(3), merged=["H8:J8"]))
    # Jenis Kerja Sama (I8) and Calon Mitra (J8) are empty; both findings name H8, the cell
    # the spreadsheet shows, with their own column and row.
    assert pairs(result) == [("KSD114", "H8"), ("KSD201", "H8"), ("KSD201", "H8")]
    assert [(f.column, f.row) for f in result.rows[1].findings] == [
        ("Jenis Kerja Sama", 8), ("Calon Mitra", 8)]


def test_block_merge_spans_rows_in_its_first_column_only(tmp_path: Path) -> None:
    result = checked(build_submission(tmp_path / "a.xlsx", usulan_rows(3), merged=["B7:C9"]))
    assert pairs(result) == [("KSD114", "B7"), ("KSD201", "B7"), ("KSD201", "B7"),
                             ("KSD201", "B7")]
    assert [f.row for f in result.findings[1:]] == [7, 8, 9]  # Kode Program C7, C8, C9


def test_merge_over_blank_rows_invents_no_usulan(tmp_path: Path) -> None:
    result = checked(build_submission(tmp_path / "a.xlsx", usulan_rows(3), merged=["B7:B14"]))
    assert pairs(result) == [("KSD114", "B7")]
    assert [r.excel_row for r in result.rows] == [7, 8, 9]


def test_merges_outside_the_usulan_rows_are_not_reported(tmp_path: Path) -> None:
    cells = {"F12": "Kepala Dinas Lingkungan Hidup"}
    path = build_submission(tmp_path / "a.xlsx", usulan_rows(2), usulan_cells=cells,
                            merged=["A1:H1", "F12:J12"])
    assert pairs(checked(path)) == [("KSD109", "F12")]


def test_whole_row_findings_in_a_merged_first_column_name_the_range(tmp_path: Path) -> None:
    rows = usulan_rows(3, membebani="Ya")  # KSD410 (info) on each row's first cell
    result = checked(build_submission(tmp_path / "a.xlsx", rows, merged=["A7:A9"]))
    assert pairs(result) == [("KSD114", "A7"), ("KSD410", "A7"), ("KSD410", "A7"),
                             ("KSD410", "A7")]


# --- the feedback copy names the same cells ---------------------------------------------------


def test_feedback_copy_marks_exactly_the_cells_of_the_findings(tmp_path: Path) -> None:
    rows = usulan_rows(4)
    rows[3]["jenis_kerja_sama"] = "KSDD Sukarelaa"
    path = build_submission(tmp_path / "dlh.xlsx", rows, usulan_cells=SIGNATURE,
                            merged=["B7:B9", "H8:J8", "A7:A8"])
    report = validate([path], PROFIL)
    [fr] = report.files
    cells = {(f.sheet, f.cell) for f in fr.findings if f.cell is not None}
    assert cells == marked_cells(build_feedback(fr, report, PROFIL))
    assert ("Usulan", "B8") not in cells and ("Usulan", "I8") not in cells
    assert ("Usulan", "I10") in cells  # the choice mistake, outside every merge
