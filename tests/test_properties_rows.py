"""Properties of a whole run over real files (issue 14 item 4):

- every input row is counted once, as accepted (this year's list or another year), rejected,
  not an usulan, or replaced, for any mix of rows and files: good and bad usulan, rows that
  are not usulan, files of another year, several files of one OPD (with and without
  --pilih-terbaru), unreadable files; the report's totals (report.Totals) and the
  consolidated workbook's reconciliation (merge.Rekonsiliasi) agree with what was written;
- merging does not depend on the order of the inputs nor on their names: the Daftar Rencana
  rows are the same, up to the source file named in them.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pemetaan_ksd.merge import Konsolidasi, build_konsolidasi
from pemetaan_ksd.model import FileResult
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.report import Report
from pemetaan_ksd.validate import check_across, check_submission, validate
from propkit import examples
from rowkit import GOOD, ctx, identitas, submission
from workbooks import PARTNERS, build_submission, good_row

PROFIL = load_profile(None)
REFERENSI = PROFIL.referensi()
TAHUN = 2025
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPD = [(u.kode, u.nama) for u in PROFIL.perangkat_daerah[:4]]
OLD = 1_700_000_000  # file times long past, one second apart: the newest is well defined

# What a row is, and what the run must make of it in a file that is in use and clean.
TERIMA, LUAR, TOLAK, BUKAN = "terima", "luar_tahun", "tolak", "bukan_usulan"


def _row(kind: str, n: int) -> dict[str, object]:
    partner, code = PARTNERS[n % len(PARTNERS)]
    base = good_row(no=n + 1, calon_mitra=partner, kode_wilayah_mitra=code,
                    objek=f"Pengelolaan sampah bersama tahap {n + 1} di TPA regional")
    if kind == LUAR:
        base.update(tahun_mulai=2021, tahun_selesai=2023)  # KSD418: outside this year
    elif kind == TOLAK:
        base.update(jenis_kerja_sama="KSDD Sukarelaa")  # KSD202: galat
    elif kind == BUKAN:
        return {"objek": "Mengetahui, Kepala Dinas"}  # one column: KSD109
    return base


@dataclass(frozen=True)
class FileSpec:
    opd: int
    tahun: int  # in Identitas; another year is KSD106, a galat for the whole file
    rows: tuple[str, ...]
    unreadable: bool = False


FILES = st.builds(
    FileSpec,
    opd=st.integers(0, len(OPD) - 1),
    tahun=st.sampled_from([TAHUN, TAHUN, TAHUN, 2024]),
    rows=st.lists(st.sampled_from([TERIMA, TERIMA, LUAR, TOLAK, BUKAN]), max_size=5).map(tuple),
    unreadable=st.integers(0, 7).map(lambda n: n == 0),
)


def _write(folder: Path, specs: Sequence[FileSpec], names: Sequence[str]) -> list[Path]:
    paths = []
    for index, (spec, name) in enumerate(zip(specs, names, strict=True)):
        path = folder / name
        if spec.unreadable:
            path.write_bytes(b"PK\x03\x04 bukan buku kerja " * 10)
        else:
            kode, nama = OPD[spec.opd]
            build_submission(path, [_row(kind, n) for n, kind in enumerate(spec.rows)],
                             identitas={"kode_opd": kode, "nama_opd": nama,
                                        "tahun": spec.tahun})
        os.utime(path, (OLD + index, OLD + index))
        paths.append(path)
    return paths


def _expected(specs: Sequence[FileSpec], pilih_terbaru: bool) -> Counter[str]:
    """Where each row written must go, worked out from the specs alone."""
    groups: dict[tuple[int, int], list[int]] = {}
    for index, spec in enumerate(specs):
        if not spec.unreadable:
            groups.setdefault((spec.opd, spec.tahun), []).append(index)
    replaced: set[int] = set()
    twice: set[int] = set()
    for members in groups.values():
        if len(members) > 1:
            newest = max(members)  # the latest file time
            if pilih_terbaru:
                replaced.update(m for m in members if m != newest)
            else:
                twice.update(members)  # KSD501 for each
    out: Counter[str] = Counter()
    for index, spec in enumerate(specs):
        for kind in spec.rows:
            if spec.unreadable:
                continue
            if index in replaced:
                out["diganti"] += 1
            elif kind == BUKAN:
                out["bukan_usulan"] += 1
            elif index in twice or spec.tahun != TAHUN or kind == TOLAK:
                out["ditolak"] += 1
            else:
                out["diterima_tahun_ini" if kind == TERIMA else "diterima_luar_tahun"] += 1
    return out


def _run(paths: Sequence[Path], pilih_terbaru: bool, base: Path) -> tuple[Report, Konsolidasi]:
    report = validate(list(paths), PROFIL, TAHUN, pilih_terbaru=pilih_terbaru, base=base)
    return report, build_konsolidasi(report, PROFIL, REFERENSI, TAHUN)


@settings(SETTINGS, max_examples=examples(15))
@given(st.lists(FILES, min_size=1, max_size=5), st.booleans())
def test_every_row_is_counted_once_for_any_mix_of_rows_and_files(
        specs: list[FileSpec], pilih_terbaru: bool) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = _write(folder, specs, [f"berkas{i}.xlsx" for i in range(len(specs))])
        report, konsolidasi = _run(paths, pilih_terbaru, folder)
    expected = _expected(specs, pilih_terbaru)
    rekon = konsolidasi.rekonsiliasi.to_dict()
    written = sum(len(s.rows) for s in specs if not s.unreadable)
    assert rekon["baris_dibaca"] == written and konsolidasi.rekonsiliasi.seimbang
    assert {k: v for k, v in rekon.items() if k not in ("berkas", "baris_dibaca") and v} == \
        dict(expected)
    totals = report.totals()
    assert totals.rows_read == written
    assert totals.rows_accepted == expected["diterima_tahun_ini"] + expected[
        "diterima_luar_tahun"]
    assert totals.rows_rejected == expected["ditolak"]
    assert (totals.rows_not_usulan, totals.rows_replaced) == (expected["bukan_usulan"],
                                                              expected["diganti"])
    assert len(konsolidasi.daftar) == expected["diterima_tahun_ini"]
    assert totals.by_status["tidak_terbaca"] == sum(s.unreadable for s in specs)


# --- order and names ------------------------------------------------------------------------

NAME_CHARS = st.characters(categories=("L", "N"), include_characters=" -_.éü")


def _daftar(konsolidasi: Konsolidasi, names: dict[str, str]) -> pd.DataFrame:
    """The list with every file name written as the name it has in the other run."""
    frame = konsolidasi.daftar.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = [_renamed(v, names) if isinstance(v, str) else v
                             for v in frame[column]]
    return frame.reset_index(drop=True)


def _renamed(text: str, names: dict[str, str]) -> str:
    for new, old in names.items():
        text = text.replace(new, old)
    return text


@settings(SETTINGS, max_examples=examples(10))
@given(st.lists(FILES.filter(lambda s: not s.unreadable), min_size=2, max_size=4,
                unique_by=lambda s: s.opd),
       st.lists(st.text(NAME_CHARS, min_size=1, max_size=8), min_size=4, max_size=4,
                unique_by=str.casefold),
       st.randoms(use_true_random=False))
def test_merging_depends_neither_on_the_order_of_the_files_nor_on_their_names(
        specs: list[FileSpec], stems: list[str], shuffle: random.Random) -> None:
    with tempfile.TemporaryDirectory() as name:
        first, second = Path(name) / "a", Path(name) / "b"
        first.mkdir()
        second.mkdir()
        old = [f"asli-{i}-berkas.xlsx" for i in range(len(specs))]
        new = [f"kiriman {stem.strip('. ') or 'x'} {i}.xlsx" for i, stem in enumerate(stems)]
        new = new[:len(specs)]
        paths = _write(first, specs, old)
        renamed = [second / n for n in new]
        for source, target in zip(paths, renamed, strict=True):
            shutil.copy2(source, target)  # the same bytes and file time under another name
        shuffle.shuffle(renamed)
        _, one = _run(paths, False, first)
        _, other = _run(renamed, False, second)
    pd.testing.assert_frame_equal(_daftar(one, {}), _daftar(other, dict(zip(new, old,
                                                                            strict=True))))
    assert one.rekonsiliasi == other.rekonsiliasi
    pd.testing.assert_frame_equal(one.rekap_urusan, other.rekap_urusan)
    pd.testing.assert_frame_equal(one.rekap_mitra, other.rekap_mitra)


def test_ksd502_names_the_others_alike_whatever_the_order_of_the_files() -> None:
    """The example the property above found: three OPD send the same usulan; each file's
    KSD502 named the other two in the order the files were given."""
    def sent(index: int) -> FileResult:
        kode, nama = OPD[index]
        sub = submission([dict(GOOD)], path=f"masuk/{index}.xlsx",
                         ident=identitas(kode_opd=kode, nama_opd=nama))
        sub.sha256 = f"{index}" * 64
        return check_submission(sub, ctx(), f"masuk/{index}.xlsx")

    files = [sent(i) for i in range(3)]

    def texts(order: list[int]) -> dict[str, list[str]]:
        done = check_across([files[i] for i in order], ctx()).files
        return {r.display_path: [f.message for f in r.findings if f.code == "KSD502"]
                for r in done}

    assert texts([0, 1, 2]) == texts([2, 0, 1]) == texts([1, 2, 0])
    assert all(len(found) == 1 for found in texts([0, 1, 2]).values())
