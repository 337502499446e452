"""KSD5xx: duplicates across rows and files, several files of one OPD, OPD that sent nothing."""

from __future__ import annotations

import datetime as dt

from pemetaan_ksd.model import FileResult, FileStatus, ReadError, ReadErrorKind
from pemetaan_ksd.validate import check_across, check_submission
from rowkit import KODE_DLH, cells, check, ctx, good, identitas, profil, row_cells, submission

KODE_DINKES = "1.02.0.00.0.00.01.0000"
DINKES = identitas(kode_opd=KODE_DINKES, nama_opd="Dinas Kesehatan")


def dlh(path: str, tanggal: dt.date | None = dt.date(2025, 2, 14), mtime: float = 1e9
        ) -> FileResult:
    """One clean file of Dinas Lingkungan Hidup."""
    sub = submission([good()], path=path, mtime=mtime, ident=identitas(tanggal_pengisian=tanggal))
    return check_submission(sub, ctx(), path)


def test_ksd503_same_usulan_twice_in_one_file() -> None:
    same_partner_by_name = good(kode_wilayah_mitra=None, calon_mitra="kota  banjarbaru")
    assert row_cells([good(), same_partner_by_name]) == [("KSD503", "A8")]
    other_kind = good(jenis_kerja_sama="KSDD Wajib", eksternalitas="Lindi mengalir ke sungai "
                      "yang melintasi kedua daerah")
    assert row_cells([good(), other_kind]) == []


def test_ksd503_third_party_partner_compared_by_name() -> None:
    ksdpk = {"jenis_kerja_sama": "KSDPK", "kode_wilayah_mitra": None, "efisiensi": None,
             "jenis_mitra": "Badan Usaha Berbadan Hukum", "bentuk_ksdpk": "Investasi",
             "prakarsa": "Daerah"}
    rows = [good(**ksdpk, calon_mitra="PT Air Minum Bandarmasih"),
            good(**ksdpk, calon_mitra="pt. air minum  BANDARMASIH")]
    found = check(rows).findings
    assert cells(found) == [("KSD411", "A7"), ("KSD411", "A8"), ("KSD503", "A8")]
    assert "baris 7" in found[2].message


def test_ksd501_without_choice_every_file_of_the_opd_is_rejected() -> None:
    first, second = check_across([dlh("masuk/dlh.xlsx"), dlh("masuk/dlh (1).xlsx")], ctx()).files
    for result in (first, second):
        assert cells(result.findings) == [("KSD501", None)]
        assert result.status is FileStatus.TIDAK_VALID and result.accepted_rows == []
        assert "masuk/dlh (1).xlsx, masuk/dlh.xlsx" in result.findings[0].message  # by name


def test_ksd501_pilih_terbaru_keeps_the_newest_by_tanggal_pengisian() -> None:
    older, newer = check_across([dlh("masuk/b.xlsx", dt.date(2025, 2, 1), mtime=2e9),
                                 dlh("masuk/a.xlsx", dt.date(2025, 2, 20), mtime=1e9)],
                                ctx(), pilih_terbaru=True).files
    assert newer.findings == [] and newer.chosen_over == ["masuk/b.xlsx"]
    assert cells(older.findings) == [("KSD501", None)]
    assert older.set_aside_for == "masuk/a.xlsx"
    assert "masuk/a.xlsx" in older.findings[0].message
    assert "Tanggal Pengisian 2025-02-20" in older.findings[0].message


def test_ksd501_pilih_terbaru_then_file_time_then_path() -> None:
    by_time = check_across([dlh("masuk/a.xlsx", mtime=1e9), dlh("masuk/b.xlsx", mtime=2e9)],
                           ctx(), pilih_terbaru=True).files
    assert [r.set_aside_for for r in by_time] == ["masuk/b.xlsx", None]
    for order in (["masuk/a.xlsx", "masuk/c.xlsx"], ["masuk/c.xlsx", "masuk/a.xlsx"]):
        tied = check_across([dlh(p, tanggal=None) for p in order], ctx(), pilih_terbaru=True).files
        chosen = [r.display_path for r in tied if r.set_aside_for is None]
        assert chosen == ["masuk/c.xlsx"]


def test_ksd501_other_opd_or_unreadable_files_are_not_grouped() -> None:
    other = check_submission(submission([good()], ident=DINKES), ctx(), "masuk/dinkes.xlsx")
    broken = submission([], path="masuk/rusak.xlsx")
    broken.read_error = ReadError(ReadErrorKind.DAMAGED)
    results = check_across([dlh("masuk/dlh.xlsx"), other,
                            check_submission(broken, ctx(), "masuk/rusak.xlsx")], ctx()).files
    assert [f.code for r in results for f in r.findings if f.code == "KSD501"] == []


def test_ksd502_same_usulan_from_two_opd_on_both_rows() -> None:
    mine = dlh("masuk/dlh.xlsx")
    theirs = check_submission(submission([good(no=1.0), good(objek="Pengangkutan sampah "
                                          "bersama ke TPA regional", kode_kegiatan="2.11.11.2.02",
                                          nama_kegiatan=None)], ident=DINKES),
                              ctx(), "masuk/dinkes.xlsx")
    mine, theirs = check_across([mine, theirs], ctx()).files
    assert cells(mine.findings) == [("KSD502", "A7")]
    # Dinas Kesehatan proposing 2.11 is also outside its own bidang (KSD414).
    assert cells(theirs.findings) == [("KSD502", "A7"), ("KSD414", "B7"), ("KSD414", "B8")]
    assert "Dinas Kesehatan (masuk/dinkes.xlsx baris 7)" in mine.findings[0].message
    assert mine.accepted_rows == mine.rows  # a warning: the row still enters


def test_ksd502_ignores_files_set_aside() -> None:
    older, newer = check_across([dlh("masuk/dlh-lama.xlsx", dt.date(2025, 1, 1)),
                                 dlh("masuk/dlh.xlsx")], ctx(), pilih_terbaru=True).files
    assert [f.code for f in newer.findings] == []
    assert [f.code for f in older.findings] == ["KSD501"]


def test_ksd504_opd_of_the_profile_that_sent_nothing() -> None:
    results = [dlh("masuk/dlh.xlsx")]
    found = check_across(results, ctx(), absent_opd=True).run_findings
    units = profil().perangkat_daerah
    assert [f.value for f in found] == [u.kode for u in units if u.kode != KODE_DLH]
    assert {(f.code, f.severity, f.cell) for f in found} == {("KSD504", "info", None)}
    assert "Dinas Kesehatan (1.02.0.00.0.00.01.0000) belum mengirim" in found[1].message
    broken = submission([], path="masuk/rusak.xlsx")
    broken.read_error = ReadError(ReadErrorKind.DAMAGED)
    unreadable = [check_submission(broken, ctx(), "masuk/rusak.xlsx")]
    assert len(check_across(unreadable, ctx(), absent_opd=True).run_findings) == len(units)
