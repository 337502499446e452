"""How the page writes numbers, times and statuses: the Indonesian way, in one place."""

from __future__ import annotations

import datetime as dt

from pemetaan_ksd.write.feedback_text import indonesian_date

_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember")

# Words for each status key of a file or a perangkat daerah, as a badge shows it.
STATUS_ORDER = ("tidak_terbaca", "tidak_valid", "belum_mengirim", "diganti", "valid")

PERINTAH = {  # which command wrote the page, as its footer says it
    "validasi": "pemetaan-ksd validasi",
    "gabung": "pemetaan-ksd gabung",
    "proses": "pemetaan-ksd proses (tugas terjadwal)",
}


def angka(value: int) -> str:
    """`1.234`: thousands separated by a dot."""
    return f"{value:,d}".replace(",", ".")


def waktu(value: dt.datetime | dt.date | None) -> str:
    """`3 Maret 2025 pukul 09.00`, `3 Maret 2025` for a date, `-` for none."""
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        return indonesian_date(value)
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def iso(value: dt.datetime | dt.date | None) -> str:
    """The machine-readable form for a <time> element ("" for none)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def wall_clock(value: dt.datetime | dt.date) -> dt.datetime:
    """The time as a clock on the wall showed it (how status.py compares sending times)."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime.combine(value, dt.time())
