"""The engine: check_submission, validate over real workbooks, UsageError, picklability."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from pathlib import Path

import pytest

import pemetaan_ksd
from pemetaan_ksd.model import FileStatus, Severity
from pemetaan_ksd.validate import (
    Context,
    UsageError,
    check_submission,
    display_path,
    validate,
)
from rowkit import check, ctx, good, profil, submission
from workbooks import build_submission, good_row


def test_good_row_is_clean_and_normalized() -> None:
    result = check([good(nama_program=None, nama_kegiatan=None, tahapan=None,
                         kode_wilayah_mitra=None, calon_mitra="banjarbaru")])
    assert result.findings == [] and result.status is FileStatus.VALID
    assert (result.kode_opd, result.nama_opd, result.tahun, result.tanggal_pengisian,
            result.template_version) == ("2.11.0.00.0.00.01.0000", "Dinas Lingkungan Hidup",
                                         2025, dt.date(2025, 2, 14), "1")
    usulan = result.rows[0].usulan
    assert (usulan.kode_bidang_urusan, usulan.kode_program, usulan.nama_program,
            usulan.kode_kegiatan, usulan.nama_kegiatan) == (
        "2.11", "2.11.11", "PROGRAM PENGELOLAAN PERSAMPAHAN", "2.11.11.2.01",
        "Pengelolaan Sampah")
    assert (usulan.calon_mitra, usulan.kode_wilayah_mitra, usulan.nama_mitra_resmi,
            usulan.mitra_berbatasan) == ("banjarbaru", "63.72", "Kota Banjarbaru", True)
    assert (usulan.tahun_mulai, usulan.tahun_selesai, usulan.anggaran, usulan.tahapan,
            usulan.perlu_persetujuan_dprd) == (2025, 2027, 1500000000.0, "Persiapan", False)


def test_usulan_is_built_best_effort_for_rejected_rows() -> None:
    result = check([good(kode_bidang_urusan=None, anggaran="banyak", jenis_kerja_sama="x")])
    usulan = result.rows[0].usulan
    assert result.rejected_rows == result.rows
    assert (usulan.kode_bidang_urusan, usulan.anggaran, usulan.jenis_kerja_sama) == (
        "2.11", None, None)


def test_inputs_and_outputs_are_picklable() -> None:
    sub = submission([good(objek="-")])
    context = pickle.loads(pickle.dumps(ctx()))
    result = pickle.loads(pickle.dumps(check_submission(sub, context, "masuk/dlh.xlsx")))
    assert [(f.code, f.cell) for f in result.findings] == [("KSD206", "H7")]
    assert isinstance(context, Context) and context.tahun == 2025


def test_display_path(tmp_path: Path) -> None:
    inside = tmp_path / "masuk" / "Dinas Kesehatan (revisi).xlsx"
    assert display_path(inside, tmp_path) == "masuk/Dinas Kesehatan (revisi).xlsx"
    outside = tmp_path.parent / "lain.xlsx"
    assert display_path(outside, tmp_path / "masuk") == outside.as_posix()


def test_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="Tidak ditemukan"):
        validate([tmp_path / "tidak-ada"], profil())
    (tmp_path / "kosong").mkdir()
    with pytest.raises(UsageError, match="Tidak ada berkas spreadsheet"):
        validate([tmp_path / "kosong"], profil())
    assert issubclass(UsageError, ValueError)


def test_validate_a_folder_end_to_end(tmp_path: Path) -> None:
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    build_submission(inbox / "dlh.xlsx", [good_row(), good_row(
        jenis_kerja_sama="KSDD Wajib", calon_mitra="Kota Balikpapan", kode_wilayah_mitra=None,
        manfaat_mitra="-", anggaran="Rp 1.500.000,00", nama_program="#N/A")])
    build_submission(inbox / "dinkes.xlsx", [good_row(kode_bidang_urusan="1.02 - Kesehatan")],
                     identitas={"kode_opd": "1.02.0.00.0.00.01.0000",
                                "nama_opd": "Dinas Kesehatan"},
                     extra_columns={1: "Catatan Internal"}, blank_rows_before=[0])
    (inbox / "catatan.xlsx").write_bytes(b"PK\x03\x04 terpotong")
    (inbox / "~$dlh.xlsx").write_bytes(b"lock")
    calls: list[tuple[int, int]] = []
    report = validate([inbox], profil(), base=tmp_path,
                      progress=lambda done, total: calls.append((done, total)))

    assert [(f.display_path, f.status) for f in report.files] == [
        ("masuk/catatan.xlsx", FileStatus.TIDAK_TERBACA),
        ("masuk/dinkes.xlsx", FileStatus.TIDAK_VALID),
        ("masuk/dlh.xlsx", FileStatus.TIDAK_VALID),
    ]
    catatan, dinkes, dlh = report.files
    assert [(f.code, f.cell) for f in catatan.findings] == [("KSD101", None)]
    assert [(f.code, f.cell) for f in dinkes.findings] == [
        ("KSD112", None), ("KSD502", "B8"), ("KSD303", "D8")]  # the empty extra column
    assert [(f.code, f.sheet, f.cell, f.row) for f in dlh.findings] == [
        ("KSD502", "Usulan", "A7", 7), ("KSD205", "Usulan", "D8", 8),
        ("KSD401", "Usulan", "J8", 8), ("KSD405", "Usulan", "U8", 8)]
    assert dlh.rows[1].usulan.anggaran == 1500000.0
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert (report.tahun, report.kode_daerah, report.nama_daerah, report.nomenklatur,
            report.tool_version, report.pilih_terbaru) == (
        2025, "63.03", "Kabupaten Banjar", "Kepmendagri 900.1.15.5-1317/2023",
        pemetaan_ksd.__version__, False)
    summary = report.summary()
    assert (summary["files"], summary["valid"], summary["rows"], summary["rows_accepted"],
            summary["rows_rejected"]) == (3, 0, 3, 1, 2)
    assert report.has_galat


def test_validate_year_override(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "dlh.xlsx", [good_row()])
    report = validate([path], profil(), tahun=2026, base=tmp_path)
    assert report.tahun == 2026
    assert [(f.code, f.cell) for f in report.files[0].findings] == [("KSD106", "B3")]


def test_validate_pilih_terbaru_over_files(tmp_path: Path) -> None:
    old = build_submission(tmp_path / "dlh-lama.xlsx", [good_row()],
                           identitas={"tanggal_pengisian": dt.date(2025, 1, 5)})
    new = build_submission(tmp_path / "dlh-baru.xlsx", [good_row()],
                           identitas={"tanggal_pengisian": "20/02/2025"})
    os.utime(old, (2e9, 2e9))  # the older form was saved last: the date still decides
    both = validate([tmp_path], profil(), base=tmp_path)
    assert [[f.code for f in r.findings] for r in both.files] == [["KSD501"], ["KSD501"]]
    chosen = validate([tmp_path], profil(), pilih_terbaru=True, base=tmp_path)
    by_path = {r.display_path: r for r in chosen.files}
    assert by_path["dlh-baru.xlsx"].findings == []
    assert by_path["dlh-baru.xlsx"].chosen_over == ["dlh-lama.xlsx"]
    assert by_path["dlh-lama.xlsx"].set_aside_for == "dlh-baru.xlsx"
    assert [f.severity for f in by_path["dlh-lama.xlsx"].findings] == [Severity.GALAT]
    assert new.exists()
