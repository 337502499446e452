"""Common `where` selectors: the rows a rule may speak about, picked over whole columns."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable, Iterable
from typing import Any, TypeVar

from pemetaan_ksd.contract import KSDD
from pemetaan_ksd.model import Finding
from pemetaan_ksd.rules.columns import Columns, Row
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.registry import RowsWhere


def choice_in(key: str, wanted: Collection[str | None]) -> RowsWhere:
    """`where`: the rows whose choice in `key` is one of `wanted`."""
    def where(cols: Columns, ctx: Context) -> list[int]:
        return [i for i, choice in enumerate(cols.choice(key)) if choice in wanted]
    return where


def partner_problem(cols: Columns, ctx: Context) -> list[int]:
    return [i for i in choice_in("jenis_kerja_sama", KSDD)(cols, ctx)
            if (m := cols.mitra(i)) is not None and m.masalah is not None]


def partner_known(cols: Columns, ctx: Context) -> list[int]:
    return [i for i in range(len(cols))
            if (m := cols.mitra(i)) is not None and m.masalah is None and m.daerah is not None]


def placeholder_in(*keys: str, among: RowsWhere | None = None) -> RowsWhere:
    """`where`: the rows (of `among`, else all) where one of `keys` is no substantive text."""
    def where(cols: Columns, ctx: Context) -> list[int]:
        flags = [any(row) for row in zip(*(cols.placeholder(k) for k in keys), strict=True)]
        rows = among(cols, ctx) if among is not None else range(len(cols))
        return [i for i in rows if flags[i]]
    return where


_MEMO_RUNS = 4  # contexts whose verdicts are kept (one per run; tests make many)
_MEMO_SIZE = 200_000  # verdicts kept per rule before starting afresh
_memo: OrderedDict[int, tuple[Context, dict[str, Any]]] = OrderedDict()
T = TypeVar("T")


def per_run(ctx: Context, name: str, build: Callable[[Context], T]) -> T:
    """What `build(ctx)` makes, made once per run (per context) and kept across its files."""
    entry = _memo.get(id(ctx))
    if entry is None or entry[0] is not ctx:
        entry = _memo[id(ctx)] = (ctx, {})
        while len(_memo) > _MEMO_RUNS:
            _memo.popitem(last=False)
    if name not in entry[1]:
        entry[1][name] = build(ctx)
    found: T = entry[1][name]
    return found


def _verdicts(ctx: Context, name: str) -> dict[Hashable, bool]:
    """The verdicts of rule `name` in the run of `ctx`, across its files."""
    found: dict[Hashable, bool] = per_run(ctx, f"verdicts:{name}", lambda _: {})
    if len(found) > _MEMO_SIZE:
        found.clear()
    return found


def speaking(check: Callable[[Row, Context], Iterable[Finding]],
             inputs: Callable[[Columns], Iterable[Hashable]]) -> RowsWhere:
    """`where` of a rule whose findings depend only on `inputs` (a key per row, of the cells it
    reads) and the context: its check runs once per distinct key in a run, to learn whether it
    speaks; then only on the rows whose key does. Codes and official names repeat across the
    rows and files of a run; a rule over them costs a lookup per row."""
    def where(cols: Columns, ctx: Context) -> list[int]:
        verdicts = _verdicts(ctx, check.__name__)
        rows = []
        for i, key in enumerate(inputs(cols)):
            speaks = verdicts.get(key)
            if speaks is None:
                speaks = verdicts[key] = next(iter(check(cols.row(i), ctx)), None) is not None
            if speaks:
                rows.append(i)
        return rows
    return where


def cells_of(*keys: str) -> Callable[[Columns], Iterable[Hashable]]:
    """`inputs` for `speaking`: each row's values in `keys` as read (1.0 and True kept apart)."""
    def inputs(cols: Columns) -> Iterable[Hashable]:
        return zip(*([(type(v), v) for v in cols.raw(key)] for key in keys), strict=True)
    return inputs
