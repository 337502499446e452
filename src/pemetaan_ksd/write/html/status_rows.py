"""The status table (status.status_pengumpulan, the same list as the workbook's `Status
Pengumpulan`), in each order a reader may want.

Sorting needs no script: the table is written once per order, and a link to an order's anchor
shows that copy (CSS `:target`); the profile's order shows when no other is chosen. The rows
are the same objects in every copy: only their order differs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pemetaan_ksd.model import FileStatus
from pemetaan_ksd.status import StatusKirim, StatusOpd, status_label
from pemetaan_ksd.write.html import words
from pemetaan_ksd.write.workbook.rekap_opd import outside_note


@dataclass(frozen=True)
class Urutan:
    id: str  # the anchor of this copy of the table
    judul: str  # the link's words
    baris: tuple[dict[str, Any], ...]
    bawaan: bool = False  # shown when no other order is chosen


def status_section(items: Sequence[StatusOpd], anchors: Mapping[int, str]) -> list[Urutan]:
    """The table in the profile's order (first, the default), by name, by status, by time."""
    rows = [_row(number, s, anchors) for number, s in enumerate(items, start=1)]
    rank = {key: i for i, key in enumerate(words.STATUS_ORDER)}
    return [
        Urutan("urut-profil", "urutan profil", tuple(rows), bawaan=True),
        Urutan("urut-nama", "nama", tuple(sorted(rows, key=lambda r: (
            r["nama"].casefold(), r["nomor"])))),
        Urutan("urut-status", "status", tuple(sorted(rows, key=lambda r: (
            rank[r["status"]], r["nomor"])))),
        Urutan("urut-waktu", "waktu kiriman terbaru", tuple(sorted(rows, key=_newest_first))),
    ]


def _newest_first(row: dict[str, Any]) -> tuple[int, float, int]:
    when: dt.datetime | None = row["waktu_kunci"]
    if when is None:
        return (1, 0.0, row["nomor"])
    return (0, -when.timestamp(), row["nomor"])


def _row(number: int, s: StatusOpd, anchors: Mapping[int, str]) -> dict[str, Any]:
    files = [{"path": fr.display_path, "anchor": anchors[id(fr)], "status": str(fr.status),
              "label": status_label(fr.status)} for fr in s.files]
    return {
        "nomor": number,
        "kode": s.kode or "-",
        "nama": s.nama,
        "status": str(s.status),
        "label": s.status.label,
        "terkirim": s.terkirim,
        "diganti": any(f["status"] == FileStatus.DIGANTI for f in files),
        "berkas": files,
        "waktu": words.waktu(s.waktu),
        "waktu_iso": words.iso(s.waktu),
        "waktu_dari": s.waktu_dari or "",
        # naive wall-clock times compare across dates and datetimes (as status.py does)
        "waktu_kunci": words.wall_clock(s.waktu).replace(tzinfo=dt.UTC)
        if s.waktu is not None else None,
        "rows": s.rows,
        "rows_accepted": s.rows_accepted,
        "rows_rejected": s.rows_rejected,
        "counts": s.counts,
        "keterangan": outside_note(s.dalam_profil, s.kode),
        "belum": s.status is StatusKirim.BELUM_MENGIRIM,
    }
