"""How a rule is declared: the kinds of rule, what each declares, and how findings are made.

A rule is one function declared with the codes it may report (the message table is
messages.py). Declaring registers nothing: the rules run are the list in catalog.py, in its
order, and the engine (engine.py) decides which rule speaks where two could. A rule declares:

- `owns`: the columns it alone judges for the codes it `outranks`: on an owned column an
  outranked code never speaks (KSD405 owns Manfaat bagi Daerah: an empty one is KSD405, never
  KSD201; a "-" in Efisiensi of a KSDPK is nobody's, never KSD206).
- `outranks`: codes that stay silent on a cell where this rule speaks (KSD409 on an empty Jenis
  Mitra of a KSDPK, not KSD201; KSD403 on a partner that is this daerah, not KSD401).
- `yields` (a cell rule): it speaks only on cells no other rule speaks about, and then adds its
  code's note to theirs (KSD205: a `#REF!` cell read as empty).
- `stops` (a file rule): when it speaks, no row rule runs, or no later rule at all.
- `where` (a cell or row rule, required): the rows it may speak about, picked over whole
  columns (`true_at(cols.error(key))`); its check runs on those rows only, so a rule costs
  little on the many rows it has nothing to say about.

What needs no declaration: a value that is not a choice is KSD202, and rules needing that
choice read None (`Row.choice`); a partner that is not known is KSD402, and KSD401/KSD403 see no
partner; a rule reporting several codes orders them itself (kode.kode_nomenklatur: KSD301,
KSD304, KSD305, KSD302, KSD303 per code cell).

Kinds, by what a rule looks at:

- `file_rule`: the submission as a whole (KSD1xx).
- `cell_rule`: one cell, for each column it is `over` that no other rule owns against it.
- `row_rule`: one usulan row (KSD2xx-4xx).
- `across_rule`: the results of several files (KSD5xx), one file at a time (`Scope.EACH_FILE`)
  or all at once; it returns findings keyed by file and row (`Keyed`), never changes a result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pemetaan_ksd.contract import COLUMN_BY_KEY, MIN_SUBSTANTIVE_WORDS, SHEET_USULAN
from pemetaan_ksd.errors import InternalError
from pemetaan_ksd.model import FileResult, Finding, Severity, Submission
from pemetaan_ksd.rules.columns import Columns, Row
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.messages import CODES
from pemetaan_ksd.values import is_placeholder_word

__all__ = [
    "CODES",
    "AcrossRule",
    "Batch",
    "CellRule",
    "FileRule",
    "Keyed",
    "Message",
    "Position",
    "RowRule",
    "Rule",
    "Scope",
    "Stop",
    "across_rule",
    "at",
    "at_row",
    "cell_rule",
    "every_cell",
    "every_row",
    "file_rule",
    "finding",
    "keadaan",
    "message",
    "row_rule",
]


@dataclass(frozen=True)
class Position:
    """Where a finding is: sheet, cell, Excel row, column header, the value found."""

    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None


NOWHERE = Position()


# A field longer than this (a quoted 32,767-character cell, a list of 16,000 extra columns) is
# cut, so that a message stays readable and fits in one spreadsheet cell, whose limit is 32,767
# characters (past it Excel "repairs" the feedback copy and the consolidated workbook).
FIELD_MAX = 1_000


def _clipped(value: Any) -> Any:
    if isinstance(value, str) and len(value) > FIELD_MAX:
        return value[: FIELD_MAX - 1].rstrip() + "…"
    return value


@dataclass(frozen=True)
class Message:
    """One message of one code, looked up once (at import, where a rule module names it)."""

    code: str
    variant: str
    severity: Severity
    template: str
    dasar: str | None

    def __call__(self, pos: Position = NOWHERE, **fields: Any) -> Finding:
        """The finding at `pos`, its message rendered from the template's fields."""
        clipped = {name: _clipped(value) for name, value in fields.items()}
        text = self.template.format_map({"dasar": self.dasar, **clipped})
        return Finding(
            code=self.code, severity=self.severity, message=text, sheet=pos.sheet,
            cell=pos.cell, row=pos.row, column=pos.column, value=pos.value,
            dasar_hukum=self.dasar,
        )


def message(code: str, variant: str = "") -> Message:
    """The message `variant` of `code`; a code or variant the table lacks is our fault."""
    spec = CODES.get(code)
    if spec is None:
        raise InternalError(f"unknown rule code {code!r}")
    if variant not in spec.variants:
        raise InternalError(f"{code} has no message variant {variant!r} "
                            f"(it has: {', '.join(sorted(map(repr, spec.variants)))})")
    return Message(code, variant, spec.severity, spec.template(variant), spec.dasar(variant))


def finding(code: str, pos: Position = NOWHERE, variant: str = "", **fields: Any) -> Finding:
    """The finding of `code` at `pos` (`message(code, variant)` at once)."""
    return message(code, variant)(pos, **fields)


def at(row: Row, key: str) -> Position:
    """The position of column `key` in `row`, with the value found there."""
    return Position(SHEET_USULAN, row.cell(key), row.excel_row, row.header(key), row.shown(key))


def at_row(row: Row) -> Position:
    """The position of a finding about the whole row: its first cell."""
    return Position(SHEET_USULAN, row.first_cell, row.excel_row)


def keadaan(row: Row, key: str) -> str:
    """How a cell that should hold substantive text falls short, for a message."""
    text = row.text(key)
    if text is None:
        return "kosong"
    if is_placeholder_word(text):
        return f"tertulis \"{text}\""
    return f"tertulis \"{text}\", kurang dari {MIN_SUBSTANTIVE_WORDS} kata"


class Stop(Enum):
    """What a file rule that speaks stops."""

    ROWS = "rows"  # no row, cell or per-file across rule runs (the rows still count)
    FILE = "file"  # nothing else runs: the file's only findings are this rule's (KSD101)


class Scope(Enum):
    """Which results an across rule sees at once."""

    EACH_FILE = "each_file"  # one file's rows (KSD503); not run when its rows are stopped
    ALL_FILES = "all_files"  # every file of the run (KSD501, KSD502, KSD504)


@dataclass(frozen=True)
class Batch:
    """What an across rule sees: results of files, and the run's choices."""

    files: tuple[FileResult, ...]
    pilih_terbaru: bool = False  # older files of one OPD are set aside (KSD501 disisihkan)
    absent_opd: bool = False  # note the OPD of the profile that sent nothing (KSD504)


@dataclass(frozen=True)
class Keyed:
    """A finding of an across rule, keyed by `Batch.files` index and that file's row index.

    `row` None: a file finding; `file` None: the run's own finding (KSD504).
    """

    finding: Finding
    file: int | None = None
    row: int | None = None


@dataclass(frozen=True, kw_only=True)
class Rule:
    """What every rule declares (see the module's docstring)."""

    name: str
    codes: tuple[str, ...]
    owns: frozenset[str] = frozenset()
    outranks: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class FileRule(Rule):
    check: Callable[[Submission, Context], Iterable[Finding]]
    stops: Stop | None = None


# Which rows a rule may speak about, worked out over whole columns (cheap, and the engine's only
# path): the rule's check runs on those rows alone. A `where` may return more rows than the
# check speaks on, never fewer.
RowsWhere = Callable[[Columns, Context], Iterable[int]]
CellsWhere = Callable[[Columns, str, Context], Iterable[int]]


@dataclass(frozen=True, kw_only=True)
class CellRule(Rule):
    check: Callable[[Row, str, Context], Finding | None]
    where: CellsWhere
    over: tuple[str, ...]
    yields: bool = False


@dataclass(frozen=True, kw_only=True)
class RowRule(Rule):
    check: Callable[[Row, Context], Iterable[Finding]]
    where: RowsWhere


@dataclass(frozen=True, kw_only=True)
class AcrossRule(Rule):
    check: Callable[[Batch, Context], Iterable[Keyed]]
    scope: Scope = Scope.ALL_FILES


AnyRule = FileRule | CellRule | RowRule | AcrossRule


def _columns(keys: Iterable[str]) -> tuple[str, ...]:
    """`keys`, each a column of the contract."""
    columns = tuple(keys)
    unknown = sorted(set(columns) - set(COLUMN_BY_KEY))
    if unknown:
        raise InternalError(f"unknown columns {unknown}")
    return columns


def _declared(codes: Sequence[str], owns: Iterable[str] = (), outranks: Iterable[str] = ()
              ) -> dict[str, Any]:
    """The common declaration, checked now: known codes, contract columns."""
    if not codes:
        raise InternalError("a rule reports at least one code")
    for code in (*codes, *outranks):
        if code not in CODES:
            raise InternalError(f"unknown rule code {code!r}")
    return {"codes": tuple(codes), "owns": frozenset(_columns(owns)),
            "outranks": frozenset(outranks)}


def file_rule(*codes: str, stops: Stop | None = None
              ) -> Callable[[Callable[[Submission, Context], Iterable[Finding]]], FileRule]:
    """Declare a rule over a whole submission that may report `codes`."""
    declared = _declared(codes)

    def declare(check: Callable[[Submission, Context], Iterable[Finding]]) -> FileRule:
        return FileRule(name=check.__name__, check=check, stops=stops, **declared)
    return declare


def cell_rule(*codes: str, over: Iterable[str], where: CellsWhere, owns: Iterable[str] = (),
              outranks: Iterable[str] = (), yields: bool = False
              ) -> Callable[[Callable[[Row, str, Context], Finding | None]], CellRule]:
    """Declare a rule over one cell, run for each column of `over` that is not owned against it,
    on the rows `where` gives for that column."""
    columns, declared = _columns(over), _declared(codes, owns, outranks)

    def declare(check: Callable[[Row, str, Context], Finding | None]) -> CellRule:
        return CellRule(name=check.__name__, check=check, where=where, over=columns,
                        yields=yields, **declared)
    return declare


def row_rule(*codes: str, where: RowsWhere, owns: Iterable[str] = (),
             outranks: Iterable[str] = ()
             ) -> Callable[[Callable[[Row, Context], Iterable[Finding]]], RowRule]:
    """Declare a rule over one usulan row that may report `codes`, run on the rows `where`
    gives."""
    declared = _declared(codes, owns, outranks)

    def declare(check: Callable[[Row, Context], Iterable[Finding]]) -> RowRule:
        return RowRule(name=check.__name__.lstrip("_"), check=check, where=where, **declared)
    return declare


def every_row(cols: Columns, ctx: Context) -> range:
    """`where` of a rule that must look at each row itself."""
    return range(len(cols))


def every_cell(cols: Columns, key: str, ctx: Context) -> range:
    return range(len(cols))


def across_rule(*codes: str, scope: Scope = Scope.ALL_FILES
                ) -> Callable[[Callable[[Batch, Context], Iterable[Keyed]]], AcrossRule]:
    """Declare a rule over the results of several files that may report `codes`."""
    declared = _declared(codes)

    def declare(check: Callable[[Batch, Context], Iterable[Keyed]]) -> AcrossRule:
        return AcrossRule(name=check.__name__, check=check, scope=scope, **declared)
    return declare
