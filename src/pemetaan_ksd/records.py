"""Records: a table of named columns, its rows as tuples. What the consolidated tables are
made as and written from, without pandas (0.4 s to load, and the frames as long to build
again); `frame()` gives the pandas DataFrame the API offers (merge.Konsolidasi)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Records:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    @classmethod
    def of_dicts(cls, dicts: Sequence[dict[str, Any]], columns: tuple[str, ...]) -> Records:
        return cls(columns, _tuples(dicts, columns))

    def __len__(self) -> int:
        return len(self.rows)

    def select(self, *names: str) -> list[tuple[Any, ...]]:
        """The rows with the named columns only, in that order."""
        return _tuples(self.rows, [self.columns.index(n) for n in names])

    def column(self, name: str) -> list[Any]:
        at = self.columns.index(name)
        return [row[at] for row in self.rows]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def frame(self) -> pd.DataFrame:
        """A DataFrame of object columns (numbers and texts as they are, None kept)."""
        import pandas as pd

        data = {name: [row[i] for row in self.rows] for i, name in enumerate(self.columns)}
        return pd.DataFrame(data, columns=list(self.columns), dtype=object)


def _tuples(items: Sequence[Any], keys: Sequence[Any]) -> list[tuple[Any, ...]]:
    """(item[key] for each of `keys`) of every item, by itemgetter (in C); one key: 1-tuples."""
    if len(keys) == 1:
        return [(item[keys[0]],) for item in items]
    get = itemgetter(*keys)
    return [get(item) for item in items]
