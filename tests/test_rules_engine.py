"""The engine: rules declare what they own and outrank, one list runs them, the engine settles
who speaks; a message variant the table lacks fails where a rule names it."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pemetaan_ksd import contract
from pemetaan_ksd.errors import InternalError
from pemetaan_ksd.model import CellError, CellValue, Finding, Severity
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.report import Report
from pemetaan_ksd.rules import hukum, isian
from pemetaan_ksd.rules.catalog import ENGINE, RULES
from pemetaan_ksd.rules.columns import Row, read_each
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.engine import Engine
from pemetaan_ksd.rules.registry import (
    FileRule,
    Message,
    Position,
    Stop,
    at,
    cell_rule,
    every_cell,
    every_row,
    file_rule,
    finding,
    message,
    row_rule,
)
from pemetaan_ksd.validate import check_across, validate
from rowkit import KODE_DLH, cells, check, ctx, good, submission
from workbooks import build_submission, good_row

# --- message variants ------------------------------------------------------------------------


def test_a_variant_the_code_lacks_is_an_error_not_the_default_text() -> None:
    with pytest.raises(InternalError, match="KSD404 has no message variant 'eksternalitass'"):
        message("KSD404", "eksternalitass")
    with pytest.raises(InternalError, match="KSD404 has no message variant"):
        finding("KSD404", Position(), "eksternalitass", keadaan="kosong")
    with pytest.raises(InternalError, match="KSD114 has no message variant ''"):
        message("KSD114")  # its three variants are all it has
    with pytest.raises(InternalError, match="unknown rule code 'KSD999'"):
        message("KSD999")


def test_a_variant_with_only_its_own_legal_basis_reads_as_the_default_template() -> None:
    sukarela = message("KSD404", "sukarela")
    assert (sukarela.template, sukarela.dasar) == (message("KSD404").template,
                                                   "PP 28/2018 Pasal 3 ayat (3)")


def test_a_rule_module_naming_a_wrong_variant_fails_when_it_is_imported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "salah_varian.py").write_text(
        "from pemetaan_ksd.rules.registry import message\n"
        "KSD404_EKSTERNALITAS = message('KSD404', 'eksternalitass')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(InternalError, match="no message variant"):
        importlib.import_module("salah_varian")
    sys.modules.pop("salah_varian", None)
    assert isinstance(hukum.KSD404_EKSTERNALITAS, Message)  # the real ones: looked up at import


# --- declarations -------------------------------------------------------------------------------


def _never(row: Row, ctx: Context) -> Iterator[Finding]:
    yield from ()


def _blank_cell(row: Row, key: str, ctx: Context) -> Finding | None:
    return finding("KSD201", at(row, key), kolom="k", keadaan="kosong", isi="") \
        if row.blank(key) else None


def test_a_declaration_is_checked_when_it_is_made() -> None:
    with pytest.raises(InternalError, match="unknown rule code 'KSD999'"):
        row_rule("KSD999", where=every_row)
    with pytest.raises(InternalError, match="unknown rule code 'KSD998'"):
        row_rule("KSD405", where=every_row, outranks=("KSD998",))
    with pytest.raises(InternalError, match="unknown columns"):
        row_rule("KSD405", where=every_row, owns=("manfaat",))
    with pytest.raises(InternalError, match="unknown columns"):
        cell_rule("KSD201", where=every_cell, over=("objek", "tidak_ada"))


def test_declaring_a_rule_registers_nothing() -> None:
    before = (RULES, ENGINE.rules)
    row_rule("KSD405", where=every_row, owns=("manfaat_daerah",), outranks=("KSD201",))(_never)
    assert (RULES, ENGINE.rules) == before
    assert ENGINE.rules == RULES


def test_the_engine_refuses_a_list_that_contradicts_itself() -> None:
    owned = {"where": every_row, "owns": ("manfaat_daerah",), "outranks": ("KSD201",)}
    one = row_rule("KSD405", **owned)(_never)  # type: ignore[arg-type]
    two = row_rule("KSD406", **owned)(_never)  # type: ignore[arg-type]
    empty = cell_rule("KSD201", where=every_cell, over=("manfaat_daerah",))(_blank_cell)
    with pytest.raises(InternalError, match="'manfaat_daerah' owned by both"):
        Engine([empty, one, two])
    with pytest.raises(InternalError, match="outranks \\['KSD201'\\], which no rule reports"):
        Engine([one])
    with pytest.raises(InternalError, match="yields, but KSD201 has no note"):
        Engine([cell_rule("KSD201", where=every_cell, over=("objek",), yields=True)(_blank_cell)])
    late = file_rule("KSD101", stops=Stop.FILE)(lambda sub, ctx: iter(()))
    early = file_rule("KSD102")(lambda sub, ctx: iter(()))
    with pytest.raises(InternalError, match="stops the file must come before"):
        Engine([early, late])


# --- who speaks ---------------------------------------------------------------------------------


def test_each_criterion_owns_its_columns_and_the_generic_rules_get_the_rest() -> None:
    assert {column: rule.codes for column, rule in ENGINE.owners.items()} == {
        "eksternalitas": ("KSD404",), "efisiensi": ("KSD404",),
        "manfaat_daerah": ("KSD405",), "manfaat_mitra": ("KSD405",),
        "permasalahan": ("KSD406",), "data_dukung": ("KSD406",),
        "alasan_luar_perencanaan": ("KSD407",),
        "skala_prioritas": ("KSD408",), "alasan_prioritas": ("KSD408",),
        "bentuk_ksdpk": ("KSD409",), "prakarsa": ("KSD409",),
    }
    owned = set(ENGINE.owners)
    assert ENGINE.columns[isian.wajib_diisi] == tuple(k for k in contract.REQUIRED_KEYS
                                                  if k not in owned)
    assert ENGINE.columns[isian.uraian_substantif] == ("objek", "potensi")
    assert ENGINE.columns[isian.galat_spreadsheet] == tuple(contract.COLUMN_BY_KEY)


def test_an_owned_column_is_left_out_for_a_generic_rule_even_when_its_owner_is_silent() -> None:
    generic = cell_rule("KSD206", where=every_cell, over=("objek", "efisiensi"))(
        lambda row, key, ctx: finding("KSD206", at(row, key), kolom="k", keadaan="-", min_kata=3,
                                      daerah="d"))
    owner = row_rule("KSD404", where=every_row, owns=("efisiensi",), outranks=("KSD206",))(_never)
    assert Engine([generic, owner]).columns[generic] == ("objek",)
    ksdpk_placeholder = good(jenis_kerja_sama="KSDPK", calon_mitra="PT Air Minum",
                             kode_wilayah_mitra=None, jenis_mitra="Badan Usaha Berbadan Hukum",
                             bentuk_ksdpk="Investasi", prakarsa="Mitra", efisiensi="-")
    assert [c for c in cells(check([ksdpk_placeholder]).findings) if c[1] == "S7"] == []


def _at(code: str, cell: str, column: str | None = "Jenis Mitra", value: str | None = None
        ) -> Finding:
    return Finding(code, Severity.GALAT, f"{code}.", "Usulan", cell, 7, column, value)


def test_settle_outranked_codes_fall_silent_only_where_the_outranker_speaks() -> None:
    empty, ksdpk = _at("KSD201", "L7"), _at("KSD409", "L7")
    elsewhere = _at("KSD201", "I7", "Jenis Kerja Sama")
    assert [f.code for f in ENGINE.settle([empty, ksdpk, elsewhere])] == [
        "KSD409", "KSD201"]
    assert ENGINE.settle([empty, elsewhere]) == [empty, elsewhere]


def test_settle_a_yielding_code_gives_way_and_its_note_joins_the_other() -> None:
    error = _at("KSD205", "L7", value="#REF!")
    settled = ENGINE.settle([error, _at("KSD405", "L7")])
    assert [(f.code, f.message) for f in settled] == [
        ("KSD405", "KSD405. Yang tertulis di sel ini adalah galat spreadsheet #REF!, yang "
                   "dibaca sebagai kosong: ketik nilainya langsung, atau tempel sebagai nilai "
                   "saja.")]
    whole_row = _at("KSD410", "L7", column=None)
    assert ENGINE.settle([error, whole_row]) == [error, whole_row]  # not about the cell
    # KSD201 says itself that the cell holds an error (its own message): KSD205 falls silent.
    assert ENGINE.settle([error, _at("KSD201", "L7")]) == [_at("KSD201", "L7")]


def test_a_partner_that_is_this_daerah_is_ksd403_not_also_ksd401() -> None:
    row = good(jenis_kerja_sama="KSDD Wajib", calon_mitra="Kabupaten Banjar",
               kode_wilayah_mitra=None, eksternalitas="Lindi mengalir ke sungai kedua daerah")
    assert [c for c in cells(check([row]).findings) if c[0] in {"KSD401", "KSD403"}] == [
        ("KSD403", "J7")]


ROWS_FULL_OF_MISTAKES: list[dict[str, CellValue]] = [
    good(kode_bidang_urusan="4.01", kode_program="X.XX.01", kode_kegiatan="1.02.02.1.01",
         objek="-", jenis_kerja_sama="KSDPK", calon_mitra="Banjar",
         kode_wilayah_mitra=CellError("#N/A"), jenis_mitra=None, bentuk_ksdpk="-", prakarsa="x",
         potensi="", permasalahan=None, data_dukung="0", efisiensi=CellError("#REF!"),
         dalam_perencanaan="Tidak", dokumen_perencanaan=None, alasan_luar_perencanaan="-",
         tahun_mulai="2030", tahun_selesai="2029", skala_prioritas="-", anggaran="banyak",
         sudah_dianggarkan="Tidak", membebani="Ya"),
    good(jenis_kerja_sama="KSDD Wajib", calon_mitra="Kabupaten Banjar", kode_wilayah_mitra=None,
         jenis_mitra=CellError("#REF!"), manfaat_mitra="-", tahun_mulai="dua ribu"),
    good(jenis_kerja_sama="ksdd sukarela", kode_wilayah_mitra="63.99", calon_mitra=None,
         skala_prioritas="tingi", sumber_pendanaan="APBD; APBDD", no=CellError("#REF!")),
]


def test_the_order_of_cell_and_row_rules_does_not_change_what_is_found() -> None:
    file_rules = [r for r in RULES if isinstance(r, FileRule)]
    others = [r for r in RULES if not isinstance(r, FileRule)]
    reversed_engine = Engine([*file_rules, *reversed(others)])
    sub = submission(ROWS_FULL_OF_MISTAKES)
    found = ENGINE.check(sub, ctx(), "x.xlsx").findings
    assert len(found) > 20
    assert reversed_engine.check(sub, ctx(), "x.xlsx").findings == found


# --- across files ---------------------------------------------------------------------------


def test_across_rules_give_new_results_and_leave_the_given_ones_alone() -> None:
    given = [ENGINE.check(submission([good()], path=p), ctx(), p)
             for p in ("masuk/a.xlsx", "masuk/b.xlsx")]
    across = check_across(given, ctx(), pilih_terbaru=True)
    assert [r.findings for r in given] == [[], []]
    assert [r.set_aside_for for r in given] == [None, None]
    assert [[f.code for f in r.findings] for r in across.files] == [["KSD501"], []]
    assert [r.set_aside_for for r in across.files] == ["masuk/b.xlsx", None]
    assert across.run_findings == []


def test_validate_notes_the_opd_that_sent_nothing_only_when_asked(tmp_path: Path) -> None:
    build_submission(tmp_path / "dlh.xlsx", [good_row()])
    profil = load_profile(None)
    assert validate([tmp_path], profil, base=tmp_path).run_findings == []
    report: Report = validate([tmp_path], profil, base=tmp_path, absent_opd=True)
    expected = [u.kode for u in profil.perangkat_daerah if u.kode != KODE_DLH]
    assert [(f.code, f.value) for f in report.run_findings] == [
        ("KSD504", kode) for kode in expected]
    assert report.summary()["counts"]["info"] == len(expected)


# --- values read once per column ---------------------------------------------------------------


def test_each_distinct_value_of_a_column_is_read_once() -> None:
    seen: list[CellValue] = []

    def read(value: CellValue) -> str:
        seen.append(value)
        return repr(value)

    values: list[CellValue] = ["Ya", "Ya", 1.0, True, 1.0, None, "Ya", None]
    assert read_each(values, read) == [repr(v) for v in values]
    assert seen == ["Ya", 1.0, True, None]  # True and 1.0 are equal in Python, not to a clerk
