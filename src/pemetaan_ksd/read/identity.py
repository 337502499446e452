"""Who sent a workbook: `Identitas` and `_meta` read as typed values, once, while reading.

The rules judge the identity (KSD104-KSD107) and the file's result carries it; neither works it
out again from the raw cells.
"""

from __future__ import annotations

from collections.abc import Mapping

from pemetaan_ksd.contract import IDENTITAS_FIELDS
from pemetaan_ksd.model import CellValue, Identity
from pemetaan_ksd.values import content_of, is_placeholder_word, parse_date, parse_year


def written(value: CellValue) -> str | None:
    """What a clerk wrote in an `Identitas` cell, spacing cleaned; None when empty, a
    placeholder ("-") or a spreadsheet error value."""
    text = content_of(value)
    return None if is_placeholder_word(text) else text


def identify(values: Mapping[str, CellValue], cells: Mapping[str, str],
             meta: Mapping[str, str]) -> Identity:
    """The identity in `Identitas` values (by field key, with their cells) and `_meta`."""
    texts = {key: text for key, value in values.items() if (text := written(value)) is not None}
    kode = texts.get("kode_opd")
    return Identity(
        tahun=parse_year(values.get("tahun")),
        kode_opd=kode.replace(" ", "") if kode else None,
        nama_opd=texts.get("nama_opd"),
        tanggal_pengisian=parse_date(values.get("tanggal_pengisian")),
        template_id=meta.get("template_id") or None,
        template_version=meta.get("template_version") or None,
        values=dict(values),
        cells=dict(cells),
        blank=frozenset(f.key for f in IDENTITAS_FIELDS if f.key not in texts),
    )
