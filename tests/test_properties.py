"""Properties of the promises that hold for any input, not only for the examples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pemetaan_ksd.model import FileResult, Finding, RowResult, Severity, Usulan
from pemetaan_ksd.report import Report
from pemetaan_ksd.write.feedback import feedback_paths

_STEMS = st.text(alphabet="abAB_ .-é", min_size=1, max_size=6).filter(lambda s: s.strip(". "))
_NAMES = st.tuples(_STEMS, st.sampled_from([".xlsx", ".XLSX", ".catatan.xlsx", ".ods", ".xls"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["masuk", "masuk/sub", "lain"]), _NAMES),
                min_size=1, max_size=12))
def test_feedback_copies_never_land_on_an_input_nor_on_each_other(
    entries: list[tuple[str, tuple[str, str]]]
) -> None:
    root = Path("/tmp/pemetaan-ksd-properti")
    inputs = [root / folder / f"{stem}{suffix}" for folder, (stem, suffix) in entries]
    files = [FileResult(p, p.name, str(i), 0.0) for i, p in enumerate(dict.fromkeys(inputs))]
    out_dir = root / "masuk"  # the worst case: the copies go next to the inputs
    paths = feedback_paths(files, out_dir)
    names = [p.name.casefold() for p in paths]
    assert len(set(names)) == len(names)
    taken = {str(p).casefold() for p in inputs}
    assert not any(str(p).casefold() in taken for p in paths)
    assert all(p.parent == out_dir and p.name.endswith(".catatan.xlsx") for p in paths)


def _usulan(row: int) -> Usulan:
    return Usulan(row, None, None, None, None, None, None, None, None, None, None, None, None,
                  None, None, None, None, None, None, None, (), None, None, "Persiapan", None,
                  False)


def _finding(code: str, severity: Severity) -> Finding:
    return Finding(code, severity, "pesan")


_FILE = st.tuples(
    st.integers(0, 6),  # rows
    st.integers(0, 6),  # of which with a galat
    st.integers(0, 3),  # rows that are not usulan (KSD109)
    st.sampled_from(["dipakai", "diganti", "tidak_terbaca"]),
    st.booleans(),  # a file-level galat
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_FILE, max_size=8), st.integers(0, 5))
def test_every_row_read_is_counted_once(files: list[tuple[int, int, int, str, bool]],
                                        absent: int) -> None:
    results = []
    for number, (rows, bad, stray, state, file_galat) in enumerate(files):
        fr = FileResult(Path(f"f{number}.xlsx"), f"f{number}.xlsx", str(number), 0.0)
        if state == "tidak_terbaca":
            fr.unreadable = True
            fr.file_findings = [_finding("KSD101", Severity.GALAT)]
            results.append(fr)
            continue
        fr.file_findings = [_finding("KSD109", Severity.PERINGATAN) for _ in range(stray)]
        if file_galat:
            fr.file_findings.append(_finding("KSD110", Severity.GALAT))
        for r in range(rows):
            found = [_finding("KSD201", Severity.GALAT)] if r < bad else []
            fr.rows.append(RowResult(7 + r, _usulan(7 + r), found))
        if state == "diganti":
            fr.set_aside_for = "baru.xlsx"
        results.append(fr)
    report = Report(2025, "63.03", "Kabupaten Banjar", "n", "p", "0", dt.datetime(2025, 1, 1),
                    files=results,
                    run_findings=[_finding("KSD504", Severity.INFO) for _ in range(absent)])
    totals = report.totals()
    read = sum(len(fr.rows) + sum(f.code == "KSD109" for f in fr.file_findings)
               for fr in results)
    assert totals.rows_read == read
    assert totals.rows == totals.rows_accepted + totals.rows_rejected
    assert sum(totals.by_status.values()) == totals.files == len(results)
    used = [f for fr in results if fr.in_use for f in fr.findings]
    assert totals.counts["galat"] == sum(f.severity is Severity.GALAT for f in used)
    assert totals.counts["info"] == absent
    assert report.has_galat == any(fr.in_use and fr.status.value != "valid" for fr in results)
