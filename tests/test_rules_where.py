"""Every rule's `where` keeps every row its check would speak on (it may keep more).

The engine runs a rule's check only on the rows its `where` picks over the columns; a `where`
that missed a row would silently drop a finding. Each rule's check is run here on every row of
a broad set of rows (the good row with each cell emptied, a placeholder, a wrong value, a
spreadsheet error; the demo's rows; every kind of cooperation) and compared with its `where`.
"""

from __future__ import annotations

from pemetaan_ksd import contract
from pemetaan_ksd.demo.contoh import CONTOH
from pemetaan_ksd.model import CellError, CellValue
from pemetaan_ksd.rules.catalog import ENGINE, RULES
from pemetaan_ksd.rules.columns import Columns
from pemetaan_ksd.rules.registry import CellRule, RowRule
from rowkit import KODE_DLH, ctx, good, submission

ODD_VALUES: tuple[CellValue, ...] = (None, "-", "xx", "0", -5.0, 2999.0, CellError("#REF!"),
                                     "Puskesmas Martapura", "Pengadaan alat berat")
JENIS = ("KSDD Wajib", "KSDD Sukarela", "KSDPK", "Sinergi", "KSDPL", "KSDLL")


def _rows() -> list[dict[str, CellValue]]:
    rows = [good(jenis_kerja_sama=j) for j in JENIS]
    rows += [good(kode_bidang_urusan="2.11 - Kesehatan"),
             good(kode_bidang_urusan="3.28", kode_program="3.28.04", kode_kegiatan="3.28.04.2.01"),
             good(jenis_kerja_sama="KSDD Wajib", calon_mitra="Kota Balikpapan",
                  kode_wilayah_mitra=None),
             good(tahun_mulai=2023.0, tahun_selesai=2024.0),
             good(calon_mitra="Kabupaten Banjar", kode_wilayah_mitra=None)]
    for key in contract.COLUMN_BY_KEY:
        rows += [good(**{key: value}) for value in ODD_VALUES]
    for contoh in CONTOH:
        rows += [good(**{k: v for k, v in r.items() if k in contract.COLUMN_BY_KEY})
                 for r in contoh.rows]
    return rows


def test_where_keeps_every_row_a_rule_speaks_on() -> None:
    rows = _rows()
    sub = submission(rows)
    context = ctx()
    cols = Columns(sub.rows, sub.column_letters, [f"A{r.excel_row}" for r in sub.rows], context,
                   context.profil.opd(KODE_DLH))
    spoken = 0
    silent = set()
    for rule in RULES:
        if isinstance(rule, CellRule):
            for key in ENGINE.columns[rule]:
                picked = set(rule.where(cols, key, context))
                speaks = {i for i in range(len(cols))
                          if rule.check(cols.row(i), key, context) is not None}
                assert speaks <= picked, (rule.name, key, sorted(speaks - picked)[:5])
                spoken += len(speaks)
                silent |= set() if speaks else {rule.name}
        elif isinstance(rule, RowRule):
            picked = set(rule.where(cols, context))
            speaks = {i for i in range(len(cols)) if list(rule.check(cols.row(i), context))}
            assert speaks <= picked, (rule.name, sorted(speaks - picked)[:5])
            spoken += len(speaks)
            silent |= set() if speaks else {rule.name}
    assert spoken > 300  # the rows above do make the rules speak
    assert silent <= {"sudah_berlaku"}, silent  # KSD417 needs a register: its own tests
