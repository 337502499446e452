"""result_codec: a stored result comes back exactly, or not at all (ValueError)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pemetaan_ksd.model import FileResult, Finding, RowResult, Severity, Usulan
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.result_codec import VERSION, decode, encode
from pemetaan_ksd.validate import validate
from workbooks import build_submission, good_row, usulan_rows


def _submissions(folder: Path) -> Path:
    folder.mkdir()
    build_submission(folder / "dlh.xlsx", [good_row(), good_row(manfaat_mitra="-")])
    (folder / "rusak.xlsx").write_bytes(b"bukan spreadsheet")
    stray: dict[str, object] = {"calon_mitra": " Kota Banjarbaru "}  # not usulan
    rows: list[dict[str, object]] = [*usulan_rows(2), stray]
    rows[0]["Paraf"] = "ok"
    other = {"kode_opd": "1.02.0.00.0.00.01.0000", "nama_opd": "Dinas Kesehatan"}
    build_submission(folder / "dinkes ü.xlsx", rows, extra_columns={35: "Paraf"},
                     identitas=other)
    build_submission(folder / "dlh-lama.xlsx", usulan_rows(3, anggaran=1_500_000.5))
    return folder


@pytest.fixture(scope="module")
def real_results(tmp_path_factory: pytest.TempPathFactory) -> list[FileResult]:
    folder = _submissions(tmp_path_factory.mktemp("codec") / "masuk")
    profil = load_profile(None)
    plain = validate([folder], profil).files
    newest = validate([folder], profil, pilih_terbaru=True).files
    return [*plain, *newest]


def test_real_results_come_back_equal(real_results: list[FileResult]) -> None:
    codes = {f.code for fr in real_results for f in fr.findings}
    assert {"KSD101", "KSD109", "KSD112", "KSD501"} <= codes
    assert any(fr.set_aside_for for fr in real_results)
    assert any(fr.tanggal_pengisian for fr in real_results)
    assert any(r.usulan.sumber_pendanaan for fr in real_results for r in fr.rows)
    for fr in real_results:
        assert decode(encode(fr), fr.path, fr.display_path) == fr


def test_the_path_is_given_anew_and_the_mtime_may_be(real_results: list[FileResult]) -> None:
    fr = real_results[0]
    text = encode(fr)
    assert str(fr.path) not in text and fr.display_path not in text
    moved = decode(text, Path("lain/salinan.xlsx"), "salinan.xlsx", mtime=12.5)
    assert moved == dataclasses.replace(fr, path=Path("lain/salinan.xlsx"),
                                        display_path="salinan.xlsx", mtime=12.5)


def test_the_text_is_plain_json_data(real_results: list[FileResult]) -> None:
    def kinds(value: Any) -> set[type]:
        if isinstance(value, dict):
            return {dict}.union(*(kinds(v) for v in value.values()))
        if isinstance(value, list):
            return {list}.union(*(kinds(v) for v in value))
        return {type(value)}

    for fr in real_results:
        text = encode(fr)
        assert text.isascii()
        assert kinds(json.loads(text)) <= {dict, list, str, int, float, bool, type(None)}


def _minimal() -> FileResult:
    usulan = Usulan(7, "2.11", None, None, None, None, None, None, None, None, None, None, None,
                    None, None, None, 2025, None, None, 1.5, ("APBD",), None, None, "Persiapan",
                    None, False)
    row = RowResult(7, usulan, [Finding("KSD201", Severity.GALAT, "pesan", cell="K7")], "A7")
    return FileResult(Path("a.xlsx"), "a.xlsx", "ab" * 32, 1.5, tahun=2025,
                      tanggal_pengisian=dt.date(2025, 2, 14), rows=[row])


def _edited(edit: typing.Callable[[dict[str, Any]], None]) -> str:
    data = json.loads(encode(_minimal()))
    edit(data)
    return json.dumps(data)


BAD_TEXTS = {
    "not json": "{",
    "truncated": encode(_minimal())[:-5],
    "deeply nested": "[" * 100_000 + "]" * 100_000,
    "not an object": "[]",
    "no version": _edited(lambda d: d.pop("version")),
    "newer version": _edited(lambda d: d.update(version=VERSION + 1)),
    "version as text": _edited(lambda d: d.update(version=str(VERSION))),
    "another kind": _edited(lambda d: d.update(kind="pickle")),
    "a key missing": _edited(lambda d: d["result"].pop("tahun")),
    "a key too many": _edited(lambda d: d["result"].update(__reduce__="os.system")),
    "a text for a number": _edited(lambda d: d["result"].update(tahun="2025")),
    "a bool for a number": _edited(lambda d: d["result"].update(tahun=True)),
    "a number for a bool": _edited(lambda d: d["result"].update(unreadable=0)),
    "a bad date": _edited(lambda d: d["result"].update(tanggal_pengisian="14/02/2025")),
    "a date as a number": _edited(lambda d: d["result"].update(tanggal_pengisian=45702)),
    "an unknown severity": _edited(
        lambda d: d["result"]["rows"][0]["findings"][0].update(severity="fatal")),
    "a list for a severity": _edited(
        lambda d: d["result"]["rows"][0]["findings"][0].update(severity=[])),
    "a row that is not an object": _edited(lambda d: d["result"].update(rows=[1])),
    "a number in the funding": _edited(
        lambda d: d["result"]["rows"][0]["usulan"].update(sumber_pendanaan=[1])),
    "a number as a column letter": _edited(
        lambda d: d["result"].update(column_letters={"no": 1})),
}


@pytest.mark.parametrize("text", BAD_TEXTS.values(), ids=BAD_TEXTS.keys())
def test_what_cannot_come_back_exactly_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        decode(text, Path("a.xlsx"), "a.xlsx")


def test_the_minimal_result_round_trips() -> None:
    fr = _minimal()
    assert decode(encode(fr), fr.path, fr.display_path) == fr


def test_a_text_of_a_str_subclass_comes_back_equal() -> None:
    fr = _minimal()
    fr.file_findings = [Finding("KSD102", Severity.INFO, "pesan", value=Severity.GALAT)]
    assert decode(encode(fr), fr.path, fr.display_path) == fr


def test_a_value_outside_the_declared_types_is_our_fault() -> None:
    fr = _minimal()
    fr.tanggal_pengisian = dt.datetime(2025, 2, 14, 8, 0)  # declared a date
    with pytest.raises(TypeError, match="tanggal_pengisian"):
        encode(fr)


def _strategy(hint: Any) -> st.SearchStrategy[Any]:
    """Any value of `hint`, floats finite (NaN is not equal to itself)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is types.UnionType:
        return st.one_of(*(_strategy(a) for a in args))
    if origin in (list, tuple):
        items = st.lists(_strategy(args[0]), max_size=3)
        return items.map(tuple) if origin is tuple else items
    if origin is dict:
        return st.dictionaries(_strategy(args[0]), _strategy(args[1]), max_size=3)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        resolved = typing.get_type_hints(hint)
        return st.builds(hint, **{f.name: _strategy(resolved[f.name])
                                  for f in dataclasses.fields(hint)})
    if hint is float:
        return st.floats(allow_nan=False) | st.integers()
    if hint is Path:
        return st.text(min_size=1).map(Path)
    return st.from_type(hint)


@settings(max_examples=150, deadline=None)
@given(_strategy(FileResult))
def test_any_result_round_trips(fr: FileResult) -> None:
    assert decode(encode(fr), fr.path, fr.display_path) == fr
