"""KSD1xx: the file as a whole."""

from __future__ import annotations

from pathlib import Path

from pemetaan_ksd.model import CellError, FileStatus, ReadError, ReadErrorKind
from pemetaan_ksd.read import read_submission
from pemetaan_ksd.validate import check_submission
from rowkit import (
    IDENTITAS_CELLS,
    LETTERS,
    META,
    check,
    ctx,
    good,
    identitas,
    row_cells,
    submission,
)
from workbooks import build_submission, good_row


def test_good_file_has_no_findings() -> None:
    assert row_cells([good()]) == []


def test_ksd101_unreadable_file_gets_only_ksd101() -> None:
    sub = submission([good()])
    sub.read_error = ReadError(ReadErrorKind.DAMAGED)
    result = check_submission(sub, ctx(), "masuk/dlh.xlsx")
    assert [(f.code, f.cell, f.row) for f in result.findings] == [("KSD101", None, None)]
    assert result.status is FileStatus.TIDAK_TERBACA
    assert "rusak atau terpotong" in result.findings[0].message


def test_ksd101_variants_by_reason() -> None:
    messages = []
    for reason in (ReadError(ReadErrorKind.PASSWORD),
                   ReadError(ReadErrorKind.TOO_LARGE, "isi terurai 900 MB, batas 500 MB")):
        sub = submission([])
        sub.read_error = reason
        messages.append(check_submission(sub, ctx(), "x.xlsx").findings[0].message)
    assert messages[0].startswith("Berkas ini dilindungi kata sandi")
    assert messages[1].startswith("Berkas ini terlalu besar untuk dibuka dengan aman (isi "
                                  "terurai 900 MB, batas 500 MB).")


def test_ksd101_from_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "bukan.xlsx"
    path.write_text("ini bukan buku kerja", encoding="utf-8")
    result = check_submission(read_submission(path), ctx(), "bukan.xlsx")
    assert [f.code for f in result.findings] == ["KSD101"]
    assert result.unreadable


def test_ksd102_missing_sheets_stop_the_row_rules() -> None:
    result = check([good(objek="-")], sheets=["Petunjuk", "Usulan"])
    assert [(f.code, f.cell) for f in result.findings] == [("KSD102", None)]
    assert "Identitas" in result.findings[0].message
    assert len(result.rows) == 1 and result.rejected_rows == result.rows


def test_ksd103_lists_all_missing_required_columns_in_one_finding() -> None:
    letters = {k: v for k, v in LETTERS.items() if k not in ("objek", "jenis_mitra")}
    result = check([good(objek="-")], letters=letters)
    assert [(f.code, f.sheet, f.cell) for f in result.findings] == [("KSD103", "Usulan", None)]
    assert '"Objek Kerja Sama", "Jenis Mitra"' in result.findings[0].message
    assert result.rejected_rows == result.rows


def test_ksd103_when_no_header_row_was_found() -> None:
    assert row_cells([], letters={}) == [("KSD103", None)]


def test_ksd104_template_identity_and_version() -> None:
    assert row_cells([good()], meta={}) == [("KSD104", None)]
    assert row_cells([good()], meta={**META, "template_id": "lain"}) == [("KSD104", None)]
    older = check([good()], meta={**META, "template_version": "0"}).findings
    unknown = check([good()], meta={**META, "template_version": "9"}).findings
    assert [(f.code, f.severity) for f in older + unknown] == [
        ("KSD104", "peringatan"), ("KSD104", "peringatan")]
    assert "versi 0" in older[0].message and '"9"' in unknown[0].message


def test_ksd105_each_missing_identity_value_at_its_cell() -> None:
    ident = identitas(tahun=None, kode_opd="-", nama_opd=None)
    assert row_cells([good()], ident=ident) == [
        ("KSD105", "B3"), ("KSD105", "B4"), ("KSD105", "B5")]


def test_ksd105_year_that_is_not_a_year() -> None:
    found = check([good()], ident=identitas(tahun="dua ribu")).findings
    assert [(f.code, f.sheet, f.cell, f.value) for f in found] == [
        ("KSD105", "Identitas", "B3", "dua ribu")]


def test_ksd105_error_value_is_quoted() -> None:
    found = check([good()], ident=identitas(kode_opd=CellError("#REF!"))).findings
    assert [(f.code, f.cell, f.value) for f in found] == [("KSD105", "B4", "#REF!")]
    assert "galat spreadsheet #REF!" in found[0].message


def test_ksd105_label_missing_has_no_cell() -> None:
    ident = {k: v for k, v in identitas().items() if k != "nama_opd"}
    cells = {k: c for k, c in IDENTITAS_CELLS.items() if k != "nama_opd"}
    sub = submission([good()], ident=ident, ident_cells=cells)
    result = check_submission(sub, ctx(), "x.xlsx")
    assert [(f.code, f.cell) for f in result.findings] == [("KSD105", None)]


def test_ksd106_other_year() -> None:
    assert row_cells([good()], ident=identitas(tahun=2024.0)) == [("KSD106", "B3")]


def test_ksd107_unknown_opd_suggests_the_code_registered_for_its_name() -> None:
    found = check([good()], ident=identitas(kode_opd="2.11.01")).findings
    assert [(f.code, f.cell) for f in found] == [("KSD107", "B4")]
    assert "2.11.0.00.0.00.01.0000" in found[0].message


def test_ksd108_no_usulan() -> None:
    assert row_cells([]) == [("KSD108", None)]


def test_file_level_galat_rejects_every_row_but_row_rules_still_run() -> None:
    other = good(objek="-", calon_mitra="Kabupaten Tapin", kode_wilayah_mitra="63.05")
    result = check([good(), other], ident=identitas(tahun=2024.0))
    assert [(f.code, f.cell) for f in result.findings] == [("KSD106", "B3"), ("KSD206", "H8")]
    assert result.accepted_rows == []


def test_structure_read_from_a_real_workbook(tmp_path: Path) -> None:
    order = [k for k in LETTERS if k != "data_dukung"]
    path = build_submission(tmp_path / "dlh.xlsx", [good_row()], column_order=order,
                            meta={"template_version": "0"})
    result = check_submission(read_submission(path), ctx(), "dlh.xlsx")
    assert [f.code for f in result.findings] == ["KSD103", "KSD104"]
