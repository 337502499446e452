"""The usulan of one file as the rules read them: values normalised once per column.

`Columns` holds a file's rows by column. Each reading of a column (its text, choice, code, year,
amount, whether it is blank) is worked out for the whole column the first time a rule asks for
it, and each distinct value of a column is read once ("KSDD Sukarela" down 200 rows: one match).
A `Row` is a light view into it, an index: nothing is copied per row. Rules may read a row at a
time (`Row`) or a column at a time (`Columns`): the values are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from pemetaan_ksd import contract
from pemetaan_ksd.contract import COLUMN_BY_KEY, JENIS_MITRA_DAERAH, KSDD, Column, Kind
from pemetaan_ksd.model import CellError, CellValue, DataRow
from pemetaan_ksd.profile import PerangkatDaerah
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.mitra import Mitra, resolve_mitra
from pemetaan_ksd.values import (
    choice_of,
    content_of,
    is_placeholder_clean,
    is_placeholder_text,
    match_choice,
    parse_amount,
    parse_code,
    parse_year,
    split_multi,
    text_of,
)

T = TypeVar("T")
V = TypeVar("V")


_MISSING: object = object()


def read_each(values: Sequence[V], read: Callable[[V], T]) -> list[T]:
    """`read` of every value, each distinct value read once (1.0 and True kept apart)."""
    seen: dict[object, T] = {}
    out: list[T] = []
    append = out.append
    for value in values:
        key = value if value.__class__ is str else (value.__class__, value)
        found = seen.get(key, _MISSING)
        if found is _MISSING:
            found = seen[key] = read(value)
        append(found)  # type: ignore[arg-type]
    return out


def _readable(col: Column, value: CellValue) -> bool:
    """Whether a value reads as its column's kind: a choice, an amount, a year."""
    if col.kind is Kind.CHOICE:
        return match_choice(value, col.choices)[0] is not None
    if col.kind is Kind.AMOUNT:
        return parse_amount(value) is not None
    if col.kind is Kind.YEAR:
        return parse_year(value) is not None
    return False


def blank_in(col: Column) -> Callable[[CellValue], bool]:
    """Empty, or a placeholder ("-") in a column that is not free substantive text."""
    def blank(value: CellValue) -> bool:
        return _blank(col, content_of(value), value)
    return blank


def _blank(col: Column, text: str | None, value: CellValue) -> bool:
    if text is None:
        return True
    if col.kind is Kind.SUBSTANTIVE or not is_placeholder_clean(text):
        return False
    return not _readable(col, value)


def _code_in(col: Column) -> Callable[[CellValue], str | None]:
    blank = blank_in(col)
    return lambda value: None if blank(value) else parse_code(value)


def _choice_in(col: Column) -> Callable[[CellValue], str | None]:
    return lambda value: choice_of(value, col.choices)


Multi = tuple[tuple[str, ...], list[tuple[str, str | None]]]


def _multi_in(col: Column) -> Callable[[CellValue], Multi]:
    return lambda value: split_multi(value, col.choices)


def true_at(flags: Sequence[bool]) -> list[int]:
    """The indexes of the rows where `flags` holds: what a rule's `where` returns."""
    return [i for i, flag in enumerate(flags) if flag]


def false_at(flags: Sequence[bool]) -> list[int]:
    return [i for i, flag in enumerate(flags) if not flag]


# Columns of free text: their values seldom repeat, so each is read without looking it up.
_FREE = frozenset(c.key for c in contract.COLUMNS if c.kind in (Kind.TEXT, Kind.SUBSTANTIVE))


def _fill(cache: dict[str, list[T]], key: str, values: Sequence[V],
          read: Callable[[V], T]) -> list[T]:
    cache[key] = [read(v) for v in values] if key in _FREE else read_each(values, read)
    return cache[key]


class Columns:
    """The usulan rows of one submission, each column read once, on first use.

    Every reading below returns the whole column (a list in row order); it is worked out the
    first time it is asked for (the reader is built only then) and kept.
    """

    def __init__(self, rows: Sequence[DataRow], letters: Mapping[str, str],
                 first_cells: Sequence[str], ctx: Context,
                 opd: PerangkatDaerah | None = None, errors: bool = True) -> None:
        self.rows = rows
        self.letters = letters
        self.first_cells = first_cells  # each row's first cell, where whole-row findings go
        self.ctx = ctx
        self.opd = opd  # the proposing OPD as the profile lists it (Identitas' code), if it does
        # False when the reader found no error value: every column's `error` is then all False.
        self._no_errors = None if errors else [False] * len(rows)
        self._raw: dict[str, list[CellValue]] = {}
        self._text: dict[str, list[str | None]] = {}
        self._shown: dict[str, list[str | None]] = {}
        self._error: dict[str, list[bool]] = {}
        self._blank: dict[str, list[bool]] = {}
        self._placeholder: dict[str, list[bool]] = {}
        self._choice: dict[str, list[str | None]] = {}
        self._code: dict[str, list[str | None]] = {}
        self._year: dict[str, list[int | None]] = {}
        self._amount: dict[str, list[float | None]] = {}
        self._multi: dict[str, list[Multi]] = {}
        self._mitra: dict[int, Mitra | None] = {}
        self._partners: dict[tuple[str | None, str | None], Mitra] = {}
        self._rows: list[Row | None] = [None] * len(rows)
        self._values = [row.values for row in rows]

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, index: int) -> Row:
        found = self._rows[index]
        if found is None:
            found = self._rows[index] = Row(self, index)
        return found

    def excel_row(self, index: int) -> int:
        return self.rows[index].excel_row

    def raw(self, key: str) -> list[CellValue]:
        found = self._raw.get(key)
        if found is None:
            found = self._raw[key] = [values.get(key) for values in self._values]
        return found

    def text(self, key: str) -> list[str | None]:
        """The cells' text; None when empty or a spreadsheet error."""
        return self._text.get(key) or _fill(self._text, key, self.raw(key), content_of)

    def shown(self, key: str) -> list[str | None]:
        """The values as the clerk sees them, error values included (for Finding.value)."""
        found = self._shown.get(key)
        if found is None:  # the text itself, unless a cell holds an error value
            found = self._shown[key] = (_fill(self._shown, key, self.raw(key), text_of)
                                        if any(self.error(key)) else self.text(key))
        return found

    def error(self, key: str) -> list[bool]:
        """Whether each cell holds a spreadsheet error value (`#REF!`)."""
        found = self._error.get(key) or self._no_errors
        if found is None:
            found = self._error[key] = [v.__class__ is CellError for v in self.raw(key)]
        return found

    def blank(self, key: str) -> list[bool]:
        """Empty, or a placeholder ("-") where the column is not free substantive text."""
        found = self._blank.get(key)
        if found is None:
            col = COLUMN_BY_KEY[key]
            if col.kind is Kind.SUBSTANTIVE:
                found = self._blank[key] = [text is None for text in self.text(key)]
            elif key in _FREE:
                found = self._blank[key] = [
                    True if text is None else _blank(col, text, value)
                    for text, value in zip(self.text(key), self.raw(key), strict=True)]
            else:  # codes and choices repeat down the column: each value judged once
                found = self._blank[key] = read_each(self.raw(key), blank_in(col))
        return found

    def placeholder(self, key: str) -> list[bool]:
        """Not substantive text: empty, a placeholder, or too few words (values.is_placeholder)."""
        found = self._placeholder.get(key)
        if found is None:
            found = _fill(self._placeholder, key, self.text(key), is_placeholder_text)
        return found

    def choice(self, key: str) -> list[str | None]:
        """The canonical choice of each cell; None when empty or not a choice."""
        return self._choice.get(key) or _fill(self._choice, key, self.raw(key),
                                              _choice_in(COLUMN_BY_KEY[key]))

    def code(self, key: str) -> list[str | None]:
        """Each code as written, cleaned (values.parse_code); None when blank."""
        return self._code.get(key) or _fill(self._code, key, self.raw(key),
                                            _code_in(COLUMN_BY_KEY[key]))

    def year(self, key: str) -> list[int | None]:
        return self._year.get(key) or _fill(self._year, key, self.raw(key), parse_year)

    def amount(self, key: str) -> list[float | None]:
        return self._amount.get(key) or _fill(self._amount, key, self.raw(key), parse_amount)

    def multi(self, key: str) -> list[Multi]:
        """Each multi-choice cell split: (the parts that are choices, [(bad part, suggestion)])."""
        return self._multi.get(key) or _fill(self._multi, key, self.raw(key),
                                             _multi_in(COLUMN_BY_KEY[key]))

    def choices(self, key: str) -> list[tuple[str, ...]]:
        """The canonical choices of each multi-choice cell (the parts that are choices)."""
        return [good for good, _ in self.multi(key)]

    def mitra(self, index: int) -> Mitra | None:
        """The daerah partner of row `index`; None when the partner is not meant to be a daerah
        (neither a KSDD, nor a daerah Jenis Mitra, nor a Kode Wilayah Mitra)."""
        if index not in self._mitra:
            self._mitra[index] = self._resolve(index)
        return self._mitra[index]

    def _resolve(self, index: int) -> Mitra | None:
        kode = self.code("kode_wilayah_mitra")[index]
        expects = (self.choice("jenis_kerja_sama")[index] in KSDD
                   or self.choice("jenis_mitra")[index] in JENIS_MITRA_DAERAH or kode is not None)
        if not expects:
            return None
        name = None if self.blank("calon_mitra")[index] else self.text("calon_mitra")[index]
        if (name, kode) not in self._partners:
            self._partners[(name, kode)] = resolve_mitra(name, kode, self.ctx)
        return self._partners[(name, kode)]


class Row:
    """One usulan row as a rule reads it: a view into `Columns`, values normalised there."""

    __slots__ = ("_columns", "excel_row", "first_cell", "index")

    def __init__(self, columns: Columns, index: int) -> None:
        self._columns = columns
        self.index = index
        self.excel_row = columns.rows[index].excel_row
        self.first_cell = columns.first_cells[index]

    def raw(self, key: str) -> CellValue:
        return self._columns.raw(key)[self.index]

    def text(self, key: str) -> str | None:
        """The cell's text; None when empty or a spreadsheet error."""
        return self._columns.text(key)[self.index]

    def shown(self, key: str) -> str | None:
        """The value as the clerk sees it, error values included (for Finding.value)."""
        return self._columns.shown(key)[self.index]

    def is_error(self, key: str) -> bool:
        """Whether the cell holds a spreadsheet error value (`#REF!`)."""
        return self._columns.error(key)[self.index]

    def blank(self, key: str) -> bool:
        """Empty, or a placeholder ("-") in a column that is not free substantive text."""
        return self._columns.blank(key)[self.index]

    def placeholder(self, key: str) -> bool:
        """Not substantive text: empty, a placeholder, or fewer words than the contract asks."""
        return self._columns.placeholder(key)[self.index]

    def choice(self, key: str) -> str | None:
        return self._columns.choice(key)[self.index]

    def code(self, key: str) -> str | None:
        return self._columns.code(key)[self.index]

    def year(self, key: str) -> int | None:
        return self._columns.year(key)[self.index]

    def amount(self, key: str) -> float | None:
        return self._columns.amount(key)[self.index]

    def choices(self, key: str) -> tuple[str, ...]:
        return self._columns.multi(key)[self.index][0]

    def multi(self, key: str) -> Multi:
        return self._columns.multi(key)[self.index]

    @property
    def mitra(self) -> Mitra | None:
        return self._columns.mitra(self.index)

    @property
    def opd(self) -> PerangkatDaerah | None:
        """The OPD that proposes this usulan, as the profile lists it."""
        return self._columns.opd

    def cell(self, key: str) -> str:
        """The real cell of `key` in this row ("J9"); the first cell when the column is absent."""
        letter = self._columns.letters.get(key)
        return f"{letter}{self.excel_row}" if letter else self.first_cell

    @staticmethod
    def header(key: str) -> str:
        return contract.column(key).header

    def nama_mitra(self) -> str:
        """How messages name the partner: official daerah name, else as written."""
        mitra = self.mitra
        if mitra is not None and mitra.daerah is not None:
            return mitra.daerah.nama_lengkap
        return self.text("calon_mitra") or "calon mitra"
