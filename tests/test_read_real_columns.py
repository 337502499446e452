"""Extra columns (KSD112) and a header present twice (KSD113), on real workbooks."""

from __future__ import annotations

from pathlib import Path

from pemetaan_ksd.model import ExtraColumn, FileResult, Severity
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.read import read_submission
from pemetaan_ksd.validate import Context, check_submission
from workbooks import build_submission, usulan_rows

CTX = Context.from_profile(load_profile(None), 2025)


def checked(path: Path) -> FileResult:
    return check_submission(read_submission(path), CTX, path.name)


def pairs(result: FileResult) -> list[tuple[str, str | None]]:
    return [(f.code, f.cell) for f in result.findings]


def test_extra_headers_are_named_with_their_letter_and_filled_cells(tmp_path: Path) -> None:
    rows = usulan_rows(3)
    rows[0]["Paraf"] = "ok"
    rows[2]["Paraf"] = "ok"
    path = build_submission(tmp_path / "a.xlsx", rows, extra_columns={35: "Catatan", 36: "Paraf"})
    result = checked(path)
    assert pairs(result) == [("KSD112", None)]
    found = result.findings[0]
    assert (found.severity, found.sheet) == (Severity.INFO, "Usulan")
    assert ("\"Catatan\" (kolom AI, kosong); \"Paraf\" (kolom AJ, 2 sel terisi)"
            in found.message)
    assert result.accepted_rows == result.rows


def test_blank_inserted_columns_need_no_note_and_move_nothing(tmp_path: Path) -> None:
    rows = usulan_rows(2)
    rows[1]["jenis_kerja_sama"] = "KSDD Sukarelaa"
    path = build_submission(tmp_path / "a.xlsx", rows, extra_columns={9: "", 10: ""})
    sub = read_submission(path)
    assert (sub.column_letters["jenis_kerja_sama"], sub.extra_columns) == ("K", [])
    assert pairs(check_submission(sub, CTX, "a.xlsx")) == [("KSD202", "K8")]


def test_content_in_a_column_without_header_is_kolom_tanpa_judul(tmp_path: Path) -> None:
    cells = {"I7": "catatan kecil", "I8": "lagi", "AK7": "di luar tabel"}
    path = build_submission(tmp_path / "a.xlsx", usulan_rows(2), extra_columns={9: ""},
                            usulan_cells=cells)
    sub = read_submission(path)
    assert sub.extra_columns == [ExtraColumn("I", "", 2), ExtraColumn("AK", "", 1)]
    result = check_submission(sub, CTX, "a.xlsx")
    assert pairs(result) == [("KSD112", None)]
    assert ("kolom tanpa judul I (2 sel terisi); kolom tanpa judul AK (1 sel terisi)"
            in result.findings[0].message)


def test_required_header_twice_is_ksd113_and_stops_the_row_rules(tmp_path: Path) -> None:
    rows = usulan_rows(3)
    rows[1]["objek"] = "-"  # would be KSD206: not reported while the columns are in doubt
    path = build_submission(tmp_path / "a.xlsx", rows, extra_columns={35: "Calon Mitra"})
    sub = read_submission(path)
    assert sub.extra_columns == [ExtraColumn("AI", "Calon Mitra", 3, "calon_mitra")]
    result = check_submission(sub, CTX, "a.xlsx")
    assert pairs(result) == [("KSD113", None)]
    found = result.findings[0]
    assert (found.severity, found.column) == (Severity.GALAT, "Calon Mitra")
    assert "(kolom J dan AI)" in found.message
    assert "kolom J: 3 sel terisi; kolom AI: 3 sel terisi" in found.message
    assert len(result.rows) == 3 and result.accepted_rows == []


def test_optional_header_twice_is_an_extra_column_not_read(tmp_path: Path) -> None:
    rows = usulan_rows(2, keterangan="lihat surat")
    path = build_submission(tmp_path / "a.xlsx", rows, extra_columns={35: "Keterangan"})
    result = checked(path)
    assert pairs(result) == [("KSD112", None)]
    assert ("\"Keterangan\" yang kedua (kolom AI, 2 sel terisi; yang dibaca kolom AH)"
            in result.findings[0].message)
    assert [r.usulan.keterangan for r in result.rows] == ["lihat surat"] * 2
