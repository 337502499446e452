"""Validation never raises on any cell content (issue 14 item 4), and what it reports stays
writable: the JSON report is strict JSON (no NaN) and the summary adds up.

Cells are what calamine can give (any text, control characters included; any float, NaN and
infinities too; integers as .xls gives them; booleans; dates, times, durations; error
values), normalised as the reader normalises them (read/cells.normalize), in every column of
`Usulan`, in `Identitas` and in `_meta`. Tricky texts (codes, years, ranges, amounts, choices
nearly right) are mixed in so that the rules get past their first test.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pemetaan_ksd import contract
from pemetaan_ksd.model import CellError, CellValue
from pemetaan_ksd.read.cells import ERROR_TEXTS, RawValue, normalize
from pemetaan_ksd.report import Report
from pemetaan_ksd.validate import check_across, check_submission
from pemetaan_ksd.write.report_json import report_to_json
from propkit import NO_SURROGATES, TRICKY, examples
from rowkit import GOOD, ctx, identitas, submission

_TEXT = st.text(st.characters(exclude_categories=NO_SURROGATES), max_size=40)
_RAW: st.SearchStrategy[RawValue] = st.one_of(
    _TEXT,
    st.sampled_from(TRICKY),
    st.floats(),  # NaN and the infinities included
    st.integers(-(2**70), 2**70),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
)


@st.composite
def cell_values(draw: st.DrawFn) -> CellValue:
    """One cell as the reader gives it: a raw value normalised, or an error value."""
    if draw(st.integers(0, 9)) == 0:
        return CellError(draw(st.sampled_from(sorted(ERROR_TEXTS))))
    return normalize(draw(_RAW))


_KEYS = [c.key for c in contract.COLUMNS]
_ROW = st.fixed_dictionaries(
    {}, optional={key: cell_values() for key in _KEYS})


@st.composite
def _rows(draw: st.DrawFn) -> list[dict[str, CellValue]]:
    """Rows around the good one: some cells of it replaced, some rows made of anything."""
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        changed = draw(_ROW)
        rows.append({**GOOD, **changed} if draw(st.booleans()) else changed)
    return rows


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_validation_never_raises_on_any_cell_content(data: st.DataObject) -> None:
    rows = data.draw(_rows())
    ident = identitas(**data.draw(st.fixed_dictionaries(
        {}, optional={f.key: cell_values() for f in contract.IDENTITAS_FIELDS})))
    meta_texts = st.one_of(st.sampled_from(["pemetaan-ksd", "1", "0", "2", "63.03"]), _TEXT)
    meta = data.draw(st.fixed_dictionaries({}, optional={
        k: meta_texts for k in ("template_id", "template_version", "tahun", "kode_opd",
                                "kode_daerah")}))
    sub = submission(rows, ident=ident, meta=meta)
    result = check_across([check_submission(sub, ctx(), "masuk/dlh.xlsx")], ctx()).files[0]
    report = Report(2025, "63.03", "Kabupaten Banjar", "n", "p", "0",
                    dt.datetime(2025, 1, 1, tzinfo=dt.UTC), files=[result])
    parsed = _strict_json(report_to_json(report))
    summary = parsed["summary"]
    assert summary["rows"] == len(result.rows)
    assert summary["rows_accepted"] + summary["rows_rejected"] == summary["rows"]
    assert all(isinstance(f["message"], str) and f["message"] for f in parsed["files"][0]
               ["findings"])
    for row in result.rows:
        amount = row.usulan.anggaran
        assert amount is None or (math.isfinite(amount) and amount >= 0)
