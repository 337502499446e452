"""The engine: runs a list of rules (catalog.RULES) and decides which rule speaks.

One file (`Engine.check`, pure: picklable in and out, so a process pool can run it):

1. File rules, in the list's order. One that `stops` the file ends it (KSD101: an unreadable
   file gets nothing else); one that stops the rows keeps every row rule from running (KSD102,
   KSD103, KSD113: the rows still count, as rejected).
2. Each row: cell rules over the columns left to them (a column another rule owns against
   their code is not theirs) and row rules, in the list's order; then, on each cell, codes
   outranked by another speaking there fall silent, and a yielding code (KSD205) gives way to
   any other, adding its note to theirs; findings sorted (whole-row first, then by column, code).
3. Each row's usulan normalised (usulan.build_usulan), also for rows with galat.
4. Across rules of scope EACH_FILE over this file alone (KSD503), unless its rows are stopped.
5. Placement: findings inside merged cells name the range's first cell (placement.py).

All files (`Engine.across`): the ALL_FILES across rules over one batch; each sees the batch as
given, none another's findings; their keyed findings go into new results, and those keyed to no
file are the run's own (KSD504).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pemetaan_ksd.contract import COLUMNS, SHEET_USULAN
from pemetaan_ksd.errors import InternalError
from pemetaan_ksd.model import FileResult, Finding, RowResult, Submission
from pemetaan_ksd.rules.columns import Columns
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.messages import CODES
from pemetaan_ksd.rules.placement import Placement
from pemetaan_ksd.rules.registry import (
    AcrossRule,
    AnyRule,
    Batch,
    CellRule,
    FileRule,
    Keyed,
    RowRule,
    Rule,
    Scope,
    Stop,
)
from pemetaan_ksd.rules.usulan import build_usulans

_COLUMN_ORDER = {c.header: c.number for c in COLUMNS}

# A rule run over a file's columns, adding each finding to its row's list.
ColumnsRun = Callable[[Columns, Context, list[list[Finding]]], None]


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Whole-row findings first, then by column order of the template, then by code."""
    return sorted(findings, key=lambda f: (_COLUMN_ORDER.get(f.column or "", 0), f.code))


@dataclass(frozen=True)
class Across:
    """What the across rules add: new results of the files, and the run's own findings."""

    files: list[FileResult]
    run_findings: list[Finding]


def _cells(rule: CellRule, keys: tuple[str, ...]) -> ColumnsRun:
    """A cell rule over each of its columns, on the rows its `where` picks there."""
    def run(cols: Columns, ctx: Context, out: list[list[Finding]]) -> None:
        for key in keys:
            for i in rule.where(cols, key, ctx):
                found = rule.check(cols.row(i), key, ctx)
                if found is not None:
                    out[i].append(found)
    return run


def _rows(rule: RowRule) -> ColumnsRun:
    def run(cols: Columns, ctx: Context, out: list[list[Finding]]) -> None:
        for i in rule.where(cols, ctx):
            out[i].extend(rule.check(cols.row(i), ctx))
    return run


class Engine:
    """The rules of one list, checked once; `check` and `across` run them."""

    def __init__(self, rules: Sequence[AnyRule]) -> None:
        self.rules = tuple(rules)
        self.owners = _owners(self.rules)
        _check_declarations(self.rules)
        self._file_rules = [r for r in self.rules if isinstance(r, FileRule)]
        self._runs: list[ColumnsRun] = []
        self.columns: dict[CellRule, tuple[str, ...]] = {}  # what each cell rule judges
        for rule in self.rules:
            if isinstance(rule, CellRule):
                self.columns[rule] = self._left_to(rule)
                self._runs.append(_cells(rule, self.columns[rule]))
            elif isinstance(rule, RowRule):
                self._runs.append(_rows(rule))
        across = [r for r in self.rules if isinstance(r, AcrossRule)]
        self._each_file = [r for r in across if r.scope is Scope.EACH_FILE]
        self._all_files = [r for r in across if r.scope is Scope.ALL_FILES]
        self._outranks: dict[str, frozenset[str]] = {}  # code -> codes silent where it speaks
        for rule in self.rules:
            for code in rule.codes:
                self._outranks[code] = self._outranks.get(code, frozenset()) | rule.outranks
        self._yielding = frozenset(c for r in self.rules if isinstance(r, CellRule) and r.yields
                                   for c in r.codes)

    @property
    def codes(self) -> frozenset[str]:
        """Every code some rule of the list may report."""
        return frozenset(c for rule in self.rules for c in rule.codes)

    def _left_to(self, rule: CellRule) -> tuple[str, ...]:
        """The columns of `rule.over` that no other rule owns against one of its codes."""
        taken = {column for column, owner in self.owners.items()
                 if owner is not rule and owner.outranks & set(rule.codes)}
        return tuple(key for key in rule.over if key not in taken)

    def check(self, sub: Submission, ctx: Context, display_path: str) -> FileResult:
        """Every finding of one submission with its usulan normalised (steps 1-5 above)."""
        result = FileResult.of(sub, display_path)
        result.file_findings, stop = self._file_findings(sub, ctx)
        if stop is Stop.FILE:
            return result
        placement = Placement(sub)
        result.usulan_sheet = placement.sheet or SHEET_USULAN
        first = sub.first_letter()
        kode_opd = sub.identity.kode_opd
        columns = Columns(sub.rows, sub.column_letters,
                          [placement.cell(f"{first}{r.excel_row}") for r in sub.rows], ctx,
                          ctx.profil.opd(kode_opd) if kode_opd else None, sub.error_cells)
        found: list[list[Finding]] = [[] for _ in sub.rows]
        if stop is not Stop.ROWS:
            for run in self._runs:
                run(columns, ctx, found)
        for i, usulan in enumerate(build_usulans(columns, ctx)):
            here = found[i]
            if len(here) > 1:
                here = sort_findings(self.settle(here))
            result.rows.append(RowResult(usulan.excel_row, usulan, here, columns.first_cells[i]))
        if stop is None and self._each_file:
            result = self._run(self._each_file, Batch((result,)), ctx).files[0]
        placement.apply(result)
        return result

    def _file_findings(self, sub: Submission, ctx: Context) -> tuple[list[Finding], Stop | None]:
        found: list[Finding] = []
        stop: Stop | None = None
        for rule in self._file_rules:
            said = list(rule.check(sub, ctx))
            if said and rule.stops is Stop.FILE:
                return said, Stop.FILE
            if said and rule.stops is Stop.ROWS:
                stop = Stop.ROWS
            found.extend(said)
        return found, stop

    def settle(self, found: list[Finding]) -> list[Finding]:
        """One voice per cell: outranked codes fall silent where their outranker speaks; a
        yielding code gives way to any other code there, which then carries its note."""
        by_cell: dict[str, list[int]] = defaultdict(list)
        for index, f in enumerate(found):
            if f.column is not None and f.cell is not None:
                by_cell[f.cell].append(index)
        silent: set[int] = set()
        notes: dict[int, str] = defaultdict(str)
        for here in by_cell.values():
            if len(here) > 1:
                self._settle_cell(found, here, silent, notes)
        return [dataclasses.replace(f, message=f.message + notes[i]) if i in notes else f
                for i, f in enumerate(found) if i not in silent]

    def _settle_cell(self, found: list[Finding], here: list[int], silent: set[int],
                     notes: dict[int, str]) -> None:
        """Who speaks on one cell (indices `here` into `found`): adds to `silent` and `notes`."""
        outranked = frozenset().union(*(self._outranks.get(found[i].code, frozenset())
                                        for i in here))
        speaking = [i for i in here if found[i].code not in outranked]
        silent.update(i for i in here if found[i].code in outranked)
        winners = [i for i in speaking if found[i].code not in self._yielding]
        if not winners:
            return
        for i in speaking:
            if found[i].code in self._yielding:
                silent.add(i)
                for winner in winners:
                    notes[winner] += _note(found[i])

    def across(self, batch: Batch, ctx: Context) -> Across:
        """The findings of the ALL_FILES across rules over `batch`, added to new results."""
        return self._run(self._all_files, batch, ctx)

    def _run(self, rules: list[AcrossRule], batch: Batch, ctx: Context) -> Across:
        keyed = [k for rule in rules for k in rule.check(batch, ctx)]
        by_file: dict[int, list[Keyed]] = defaultdict(list)
        run: list[Finding] = []
        for k in keyed:
            if k.file is None:
                run.append(k.finding)
            else:
                by_file[k.file].append(k)
        files = list(batch.files)
        for index, items in by_file.items():
            files[index] = _with(files[index], items)
        return Across(files, run)


def _note(yielded: Finding) -> str:
    note = CODES[yielded.code].note
    return note.format(nilai=yielded.value) if note else ""


def _with(result: FileResult, items: list[Keyed]) -> FileResult:
    """A new result of the file: `items` added to its file findings and rows."""
    by_row: dict[int, list[Finding]] = defaultdict(list)
    for k in items:
        if k.row is not None:
            by_row[k.row].append(k.finding)
    rows = [dataclasses.replace(row, findings=sort_findings([*row.findings, *by_row[i]]))
            if i in by_row else row for i, row in enumerate(result.rows)]
    file_level = [k.finding for k in items if k.row is None]
    return dataclasses.replace(result, file_findings=[*result.file_findings, *file_level],
                               rows=rows)


def _owners(rules: Sequence[Rule]) -> dict[str, Rule]:
    """Column -> the rule that owns it; a column owned twice is a mistake in the list."""
    owners: dict[str, Rule] = {}
    for rule in rules:
        for column in sorted(rule.owns):
            if column in owners:
                raise InternalError(f"column {column!r} owned by both {owners[column].name} and "
                                    f"{rule.name}")
            owners[column] = rule
    return owners


def _check_declarations(rules: Sequence[AnyRule]) -> None:
    """What the list must hold: stopping file rules first, outranked codes some rule reports,
    a note for every yielding code."""
    file_rules = [r for r in rules if isinstance(r, FileRule)]
    firsts = [r.stops is Stop.FILE for r in file_rules]
    if firsts != sorted(firsts, reverse=True):
        raise InternalError("a file rule that stops the file must come before the others")
    reported = {c for rule in rules for c in rule.codes}
    for rule in rules:
        unknown = sorted(rule.outranks - reported)
        if unknown:
            raise InternalError(f"{rule.name} outranks {unknown}, which no rule reports")
        if isinstance(rule, CellRule) and rule.yields:
            for code in rule.codes:
                if CODES[code].note is None:
                    raise InternalError(f"{rule.name} yields, but {code} has no note")
