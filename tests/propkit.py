"""How many examples the property tests and the fuzzer run (tests/test_properties_*.py,
tests/test_fuzz.py).

The suite runs a modest number so that it stays fast; a developer runs more:

    PEMETAAN_KSD_EXAMPLES=20 pytest tests/test_properties_cells.py   # 20 times as many
"""

from __future__ import annotations

import os
from typing import Literal

# Texts that get past the first test of a rule: codes, years, ranges, amounts, choices nearly
# right, partner names, placeholders, formula-like and terminal-active text, a very long cell.
TRICKY = [
    "2.11", "2.11 - Lingkungan Hidup", "2.11.11", "2.11.11.2.01", "2.11.11.2.01.0001", "1.02",
    "X.XX", "4.01", "2.11 - Kesehatan", "2025", "2025-2027", "2027/2025", "2025 s.d. 2020",
    "Rp 1.500.000,00", "1,5 M", "2 T", "-5", "1e308", "9" * 400, "0x1F", "NaN", "inf", "-",
    "tidak ada", "KSDD Wajib", "KSDD sukarelaa", "KSDPK", "Sinergi", "Ya", "Tidak", "ya ",
    "Kota Banjarbaru", "Pemko Banjarmasin", "Kab. Tapin", "63.72", "63", "63.03", "99.99",
    "Provinsi Kalimantan Selatan", "Badan Usaha Berbadan Hukum", "Daerah Kabupaten/Kota",
    "APBD; APBN, Pihak Ketiga", "Persiapan", "Tinggi", "=1+1", "@SUM(A1)", "\x1b[2J", "\u202e",
    "1 Maret 2025", "31/02/2025", "2025-02-30", "RSUD Ratu Zalecha", "Puskesmas Martapura",
    "pengadaan perahu", "Kepala Dinas", "a" * 33_000,
]

NO_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)  # text as calamine can give it

SCALE_VARIABLE = "PEMETAAN_KSD_EXAMPLES"


def examples(count: int) -> int:
    """`count`, times the factor in PEMETAAN_KSD_EXAMPLES (default 1)."""
    try:
        scale = float(os.environ.get(SCALE_VARIABLE, "1"))
    except ValueError:
        scale = 1.0
    return max(1, round(count * scale))
