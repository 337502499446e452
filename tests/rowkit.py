"""Submissions built directly as model objects, for fast and exact rule tests.

    findings(check([good(jenis_kerja_sama="KSDD Wajib", calon_mitra="Kota Balikpapan")]))
    -> [("KSD401", "J7")]

Columns sit in contract order (A..AH), data rows from row 7, the identity of Dinas Lingkungan
Hidup of the built-in Kabupaten Banjar profile, year 2025.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from pemetaan_ksd import contract
from pemetaan_ksd.model import CellValue, DataRow, FileResult, Finding, Submission
from pemetaan_ksd.profile import Profil, load_profile, parse_profile, render_profile
from pemetaan_ksd.read.identity import identify
from pemetaan_ksd.validate import Context, check_submission


def _letter(number: int) -> str:
    text = ""
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(65 + rest) + text
    return text


LETTERS: dict[str, str] = {c.key: _letter(c.number) for c in contract.COLUMNS}
IDENTITAS_CELLS: dict[str, str] = {
    f.key: f"B{i}" for i, f in enumerate(contract.IDENTITAS_FIELDS, start=3)
}
KODE_DLH = "2.11.0.00.0.00.01.0000"

GOOD: dict[str, CellValue] = {
    "no": 1.0,
    "kode_bidang_urusan": "2.11 - Lingkungan Hidup",
    "kode_program": "2.11.11",
    "nama_program": "PROGRAM PENGELOLAAN PERSAMPAHAN",
    "kode_kegiatan": "2.11.11.2.01",
    "nama_kegiatan": "Pengelolaan Sampah",
    "kode_sub_kegiatan": None,
    "objek": "Pengelolaan bersama tempat pemrosesan akhir sampah regional",
    "jenis_kerja_sama": "KSDD Sukarela",
    "calon_mitra": "Kota Banjarbaru",
    "kode_wilayah_mitra": "63.72",
    "jenis_mitra": "Daerah Kabupaten/Kota",
    "bentuk_ksdpk": None,
    "prakarsa": None,
    "potensi": "Lahan TPA Regional Banjarbakula seluas 40 hektare di wilayah kabupaten",
    "permasalahan": "TPA kabupaten akan penuh pada tahun 2026",
    "data_dukung": "Timbulan sampah 250 ton per hari (DLH Kabupaten Banjar 2024)",
    "eksternalitas": None,
    "efisiensi": "Satu TPA regional menurunkan biaya per ton sampah kedua daerah",
    "manfaat_daerah": "Sampah kabupaten tertangani dengan biaya lebih rendah",
    "manfaat_mitra": "Kota Banjarbaru memperoleh tempat pemrosesan akhir yang memadai",
    "dalam_perencanaan": "Ya",
    "dokumen_perencanaan": "RPJMD 2021-2026",
    "alasan_luar_perencanaan": None,
    "tahun_mulai": 2025.0,
    "tahun_selesai": 2027.0,
    "skala_prioritas": "Tinggi",
    "alasan_prioritas": "Prioritas RPJMD dan kapasitas TPA hampir habis",
    "anggaran": 1500000000.0,
    "sumber_pendanaan": "APBD; APBD Mitra",
    "sudah_dianggarkan": "Ya",
    "membebani": "Tidak",
    "tahapan": "Persiapan",
    "keterangan": None,
}


def good(**changes: CellValue) -> dict[str, CellValue]:
    """The good row with some cells changed (None empties a cell)."""
    unknown = set(changes) - set(GOOD)
    assert not unknown, unknown
    return {**GOOD, **changes}


def identitas(**changes: CellValue) -> dict[str, CellValue]:
    base: dict[str, CellValue] = {
        "tahun": 2025.0, "kode_opd": KODE_DLH, "nama_opd": "Dinas Lingkungan Hidup",
        "penanggung_jawab": "Rahmawati", "jabatan": "Kepala Bidang", "telepon": "0511-4721234",
        "email": "dlh@banjarkab.go.id", "tanggal_pengisian": dt.date(2025, 2, 14),
    }
    return {**base, **changes}


# A unit that coordinates across sectors (lintas_bidang): it may propose any bidang (no KSD414),
# for tests of other rules on rows outside DLH's bidang.
def bappeda() -> dict[str, CellValue]:
    return identitas(kode_opd="5.01.5.05.0.00.01.0000",
                     nama_opd="Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah")


META = {"template_id": contract.TEMPLATE_ID, "template_version": contract.TEMPLATE_VERSION,
        "tahun": "2025", "kode_opd": KODE_DLH, "kode_daerah": "63.03"}


def submission(rows: list[dict[str, CellValue]], *, path: str = "masuk/dlh.xlsx",
               ident: dict[str, CellValue] | None = None, meta: dict[str, str] | None = None,
               letters: dict[str, str] | None = None, mtime: float = 1_700_000_000.0,
               sheets: list[str] | None = None,
               ident_cells: dict[str, str] | None = None) -> Submission:
    """A submission as the reader would give it; the identity read from `ident` and `meta`."""
    cols = LETTERS if letters is None else letters
    values = identitas() if ident is None else ident
    cells = dict(IDENTITAS_CELLS) if ident_cells is None else ident_cells
    meta = dict(META) if meta is None else meta
    return Submission(
        path=Path(path), sha256="0" * 64, size=1000, mtime=mtime,
        sheet_names=sheets if sheets is not None else list(contract.SHEETS),
        identity=identify(values, cells, meta), meta=meta,
        header_row=contract.HEADER_ROW if cols else None,
        column_letters=dict(cols),
        rows=[DataRow(contract.FIRST_DATA_ROW + i, {k: v for k, v in r.items() if k in cols})
              for i, r in enumerate(rows)],
    )


@cache
def profil() -> Profil:
    return load_profile(None)


@cache
def ctx(tahun: int = 2025) -> Context:
    return Context.from_profile(profil(), tahun)


@cache
def ctx_provinsi() -> Context:
    """The context of Provinsi Kalimantan Selatan, year 2025."""
    profile = parse_profile(render_profile("63", 2025), "provinsi.toml", base=Path("."))
    return Context.from_profile(profile)


def check(rows: list[dict[str, CellValue]], **kwargs: object) -> FileResult:
    path = str(kwargs.pop("path", "masuk/dlh.xlsx"))
    sub = submission(rows, path=path, **kwargs)  # type: ignore[arg-type]
    return check_submission(sub, ctx(), path)


def cells(found: list[Finding]) -> list[tuple[str, str | None]]:
    return [(f.code, f.cell) for f in found]


def row_cells(rows: list[dict[str, CellValue]], **kwargs: object) -> list[tuple[str, str | None]]:
    """(code, cell) of every finding of a one-file check, file-level findings first."""
    return cells(check(rows, **kwargs).findings)
