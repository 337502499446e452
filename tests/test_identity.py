"""The identity of a submission is read once, while reading; the result takes it from there."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pemetaan_ksd import contract
from pemetaan_ksd.model import CellError, FileResult, Identity, ReadError, ReadErrorKind
from pemetaan_ksd.read import read_submission
from pemetaan_ksd.read.identity import identify
from rowkit import IDENTITAS_CELLS, META, identitas, submission
from workbooks import build_submission, good_row

ALL_FIELDS = frozenset(f.key for f in contract.IDENTITAS_FIELDS)


def test_identity_typed_from_identitas_and_meta() -> None:
    values = identitas(tahun="2025", kode_opd=" 2.11.0.00.0.00.01.0000 ",
                       tanggal_pengisian="20/02/2025", email=None)
    who = identify(values, IDENTITAS_CELLS, META)
    assert (who.tahun, who.kode_opd, who.nama_opd, who.tanggal_pengisian, who.template_id,
            who.template_version) == (2025, "2.11.0.00.0.00.01.0000", "Dinas Lingkungan Hidup",
                                      dt.date(2025, 2, 20), "pemetaan-ksd", "1")
    assert who.blank == {"email"}
    assert (who.values["tahun"], who.cells["kode_opd"]) == ("2025", "B4")


def test_nothing_written_is_blank_whatever_stands_in_the_cell() -> None:
    values = identitas(tahun="dua ribu", kode_opd="-", nama_opd=CellError("#REF!"))
    del values["jabatan"]  # its label is not in column A
    who = identify(values, IDENTITAS_CELLS, {})
    assert (who.tahun, who.kode_opd, who.nama_opd, who.template_id) == (None, None, None, None)
    assert who.blank == {"kode_opd", "nama_opd", "jabatan"}  # the year is written, not a year
    assert identify({}, {}, {}) == Identity(blank=ALL_FIELDS)


def test_the_reader_gives_the_identity_and_the_result_takes_it(tmp_path: Path) -> None:
    path = build_submission(tmp_path / "dlh.xlsx", [good_row()],
                            identitas={"kode_opd": "2.11.0.00.0.00.01.0000 "})
    sub = read_submission(path)
    who = sub.identity
    assert (who.tahun, who.kode_opd, who.nama_opd, who.tanggal_pengisian) == (
        2025, "2.11.0.00.0.00.01.0000", "Dinas Lingkungan Hidup", dt.date(2025, 2, 14))
    assert (sub.identity.values, sub.identity.cells) == (who.values, who.cells)
    result = FileResult.of(sub, "dlh.xlsx")
    assert (result.kode_opd, result.nama_opd, result.tahun, result.tanggal_pengisian,
            result.template_version, result.header_row) == (
        who.kode_opd, who.nama_opd, 2025, who.tanggal_pengisian, "1", sub.header_row)


def test_an_unreadable_file_has_no_identity_in_its_result() -> None:
    sub = submission([])
    sub.read_error = ReadError(ReadErrorKind.DAMAGED)
    result = FileResult.of(sub, "x.xlsx")
    assert result.unreadable
    assert (result.kode_opd, result.tahun, result.column_letters) == (None, None, {})
