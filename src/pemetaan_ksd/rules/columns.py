"""The usulan of one file as the rules read them: values normalised once per column.

`Columns` holds a file's rows by column. Each reading of a column (its text, choice, code, year,
amount, whether it is blank) is worked out for the whole column the first time a rule asks for
it, and each distinct value of a column is read once ("KSDD Sukarela" down 200 rows: one match).
A `Row` is a light view into it, an index: nothing is copied per row. Rules may read a row at a
time (`Row`) or a column at a time (`Columns`): the values are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar, cast

from pemetaan_ksd import contract
from pemetaan_ksd.contract import COLUMN_BY_KEY, JENIS_MITRA_DAERAH, KSDD, Column, Kind
from pemetaan_ksd.model import CellValue, DataRow
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.mitra import Mitra, resolve_mitra
from pemetaan_ksd.values import (
    content_of,
    is_error,
    is_placeholder,
    is_placeholder_word,
    match_choice,
    parse_amount,
    parse_code,
    parse_year,
    split_multi,
    text_of,
)

T = TypeVar("T")


def read_each(values: Sequence[CellValue], read: Callable[[CellValue], T]) -> list[T]:
    """`read` of every value, each distinct value read once (1.0 and True kept apart)."""
    seen: dict[tuple[type, CellValue], T] = {}
    out: list[T] = []
    for value in values:
        key = (type(value), value)
        if key not in seen:
            seen[key] = read(value)
        out.append(seen[key])
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
        text = content_of(value)
        if text is None:
            return True
        if col.kind is Kind.SUBSTANTIVE or _readable(col, value):
            return False
        return is_placeholder_word(text)
    return blank


class Columns:
    """The usulan rows of one submission, each column read once, on first use."""

    def __init__(self, rows: Sequence[DataRow], letters: Mapping[str, str],
                 first_cells: Sequence[str], ctx: Context) -> None:
        self.rows = rows
        self.letters = letters
        self.first_cells = first_cells  # each row's first cell, where whole-row findings go
        self.ctx = ctx
        self._raw: dict[str, list[CellValue]] = {}
        self._cache: dict[tuple[str, str], list[object]] = {}
        self._mitra: dict[int, Mitra | None] = {}
        self._partners: dict[tuple[str | None, str | None], Mitra] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, index: int) -> Row:
        return Row(self, index)

    def _column(self, reading: str, key: str, read: Callable[[CellValue], T]) -> list[T]:
        found = self._cache.get((reading, key))
        if found is None:
            found = self._cache[(reading, key)] = list(read_each(self.raw(key), read))
        return cast("list[T]", found)  # stored under `reading`, always by the same `read`

    def raw(self, key: str) -> list[CellValue]:
        found = self._raw.get(key)
        if found is None:
            found = self._raw[key] = [row.values.get(key) for row in self.rows]
        return found

    def text(self, key: str) -> list[str | None]:
        """The cells' text; None when empty or a spreadsheet error."""
        return self._column("text", key, content_of)

    def shown(self, key: str) -> list[str | None]:
        """The values as the clerk sees them, error values included (for Finding.value)."""
        return self._column("shown", key, text_of)

    def blank(self, key: str) -> list[bool]:
        return self._column("blank", key, blank_in(COLUMN_BY_KEY[key]))

    def placeholder(self, key: str) -> list[bool]:
        """Not substantive text: empty, a placeholder, or too few words (values.is_placeholder)."""
        return self._column("placeholder", key, lambda v: is_placeholder(content_of(v)))

    def choice(self, key: str) -> list[str | None]:
        """The canonical choice of each cell; None when empty or not a choice."""
        choices = COLUMN_BY_KEY[key].choices
        return self._column("choice", key, lambda v: match_choice(v, choices)[0])

    def code(self, key: str) -> list[str | None]:
        """Each code as written, cleaned (values.parse_code); None when blank."""
        blank = blank_in(COLUMN_BY_KEY[key])
        return self._column("code", key, lambda v: None if blank(v) else parse_code(v))

    def year(self, key: str) -> list[int | None]:
        return self._column("year", key, parse_year)

    def amount(self, key: str) -> list[float | None]:
        return self._column("amount", key, parse_amount)

    def choices(self, key: str) -> list[tuple[str, ...]]:
        """The canonical choices of each multi-choice cell (the parts that are choices)."""
        options = COLUMN_BY_KEY[key].choices
        return self._column("choices", key, lambda v: split_multi(v, options)[0])

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
        return is_error(self.raw(key))

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
        return self._columns.choices(key)[self.index]

    @property
    def mitra(self) -> Mitra | None:
        return self._columns.mitra(self.index)

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
