"""Status pengumpulan: who has sent, when, with what verdict, and who has sent nothing."""

from __future__ import annotations

import datetime as dt
import json

from pemetaan_ksd.status import (
    StatusKirim,
    belum_mengirim,
    file_time,
    ringkasan,
    status_pengumpulan,
    status_to_dict,
)
from test_merge import baris, berkas, contoh_files, finding, galat_row, laporan, opd, profil


def test_every_profile_opd_in_profile_order_then_the_others() -> None:
    p = profil()
    stranger = berkas("asing.xlsx", "9.99.0.00.0.00.01.0000", [baris(7)], nama_opd="Dinas Asing")
    items = status_pengumpulan(laporan([*contoh_files(), stranger]), p)
    assert [s.kode for s in items[:len(p.perangkat_daerah)]] == [
        o.kode for o in p.perangkat_daerah]
    others = items[len(p.perangkat_daerah):]
    assert [(s.kode, s.nama, s.dalam_profil, s.status) for s in others] == [
        ("9.99.0.00.0.00.01.0000", "Dinas Asing", False, StatusKirim.VALID),
        (None, "masuk/rusak.xlsx", False, StatusKirim.TIDAK_TERBACA),
    ]


def test_verdicts_counts_and_missing_opd() -> None:
    items = {s.kode: s for s in status_pengumpulan(laporan(contoh_files()), profil())}
    dinkes, pu, dlh, pendidikan = items[opd(1)], items[opd(3)], items[opd(11)], items[opd(0)]
    assert (dinkes.status, dinkes.rows, dinkes.rows_accepted, dinkes.rows_rejected) == (
        StatusKirim.TIDAK_VALID, 4, 3, 1)
    assert dinkes.counts == {"galat": 1, "peringatan": 0, "info": 0}
    assert (pu.status, pu.berkas, pu.counts["peringatan"]) == (
        StatusKirim.VALID, ("masuk/dinas pu.xlsx",), 1)
    assert (dlh.status, dlh.rows_rejected) == (StatusKirim.TIDAK_VALID, 2)
    assert (pendidikan.status, pendidikan.terkirim, pendidikan.berkas, pendidikan.waktu) == (
        StatusKirim.BELUM_MENGIRIM, False, (), None)
    missing = belum_mengirim(list(items.values()))
    assert len(missing) == len(profil().perangkat_daerah) - 3
    assert opd(0) in [s.kode for s in missing] and opd(1) not in [s.kode for s in missing]


def test_time_is_tanggal_pengisian_else_file_time() -> None:
    filled = berkas("a.xlsx", opd(1), [], tanggal=dt.date(2025, 2, 14))
    plain = berkas("b.xlsx", opd(2), [], mtime=dt.datetime(2025, 2, 20, 9, 30, 5).timestamp())
    assert file_time(filled) == (dt.date(2025, 2, 14), "Tanggal Pengisian")
    assert file_time(plain) == (dt.datetime(2025, 2, 20, 9, 30, 5), "waktu berkas")
    items = {s.kode: s for s in status_pengumpulan(laporan([filled, plain]), profil())}
    assert (items[opd(1)].waktu, items[opd(1)].waktu_dari) == (
        dt.date(2025, 2, 14), "Tanggal Pengisian")
    assert items[opd(2)].waktu == dt.datetime(2025, 2, 20, 9, 30, 5)


def test_file_sent_twice_speaks_through_the_chosen_one() -> None:
    newer = berkas("dinkes-v2.xlsx", opd(1), [baris(7)], chosen_over=["masuk/dinkes.xlsx"],
                   tanggal=dt.date(2025, 3, 1))
    older = berkas("dinkes.xlsx", opd(1), [galat_row(7)], set_aside_for="masuk/dinkes-v2.xlsx",
                   file_findings=[finding("KSD501")], tanggal=dt.date(2025, 2, 1))
    item = next(s for s in status_pengumpulan(laporan([newer, older]), profil())
                if s.kode == opd(1))
    assert item.status is StatusKirim.VALID
    assert item.berkas == ("masuk/dinkes-v2.xlsx", "masuk/dinkes.xlsx")
    assert item.waktu == dt.date(2025, 3, 1)
    assert (item.rows, item.rows_accepted, item.rows_rejected) == (1, 1, 0)  # not the replaced one


def test_two_files_without_a_choice_are_both_rejected() -> None:
    a = berkas("a.xlsx", opd(1), [baris(7)], file_findings=[finding("KSD501")])
    b = berkas("b.xlsx", opd(1), [baris(7)], file_findings=[finding("KSD501")])
    item = status_pengumpulan(laporan([a, b]), profil())[1]
    assert (item.kode, item.status, item.rows_accepted) == (opd(1), StatusKirim.TIDAK_VALID, 0)


def test_same_table_in_any_input_order() -> None:
    files = contoh_files()
    assert status_pengumpulan(laporan(files), profil()) == \
        status_pengumpulan(laporan(files[::-1]), profil())


def test_json_document() -> None:
    p = profil()
    items = status_pengumpulan(laporan(contoh_files()), p)
    doc = json.loads(json.dumps(status_to_dict(items, p, 2025)))
    assert (doc["schema_version"], doc["tahun"], doc["daerah"]) == (
        1, 2025, {"kode": "63.03", "nama": "Kabupaten Banjar"})
    assert doc["summary"] == {"perangkat_daerah": 28, "terkirim": 3, "valid": 1,
                              "perlu_perbaikan": 2, "tidak_terbaca": 1, "belum_mengirim": 25,
                              "di_luar_profil": 1}
    assert doc["summary"] == ringkasan(items)
    assert len(doc["belum_mengirim"]) == 25 and opd(0) in doc["belum_mengirim"]
    dinkes = next(x for x in doc["perangkat_daerah"] if x["kode"] == opd(1))
    assert dinkes == {
        "kode": opd(1), "nama": p.perangkat_daerah[1].nama, "dalam_profil": True,
        "terkirim": True, "status": "tidak_valid", "waktu": dinkes["waktu"],
        "waktu_dari": "waktu berkas", "berkas": ["masuk/dinkes.xlsx"], "rows": 4,
        "rows_accepted": 3, "rows_rejected": 1,
        "counts": {"galat": 1, "peringatan": 0, "info": 0}}
    assert dt.datetime.fromisoformat(dinkes["waktu"])
    missing = next(x for x in doc["perangkat_daerah"] if x["kode"] == opd(0))
    assert (missing["terkirim"], missing["status"], missing["waktu"]) == (
        False, "belum_mengirim", None)
