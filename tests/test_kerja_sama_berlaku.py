"""KSD417 and the register of agreements in force it reads (`[kerja_sama_berlaku] berkas`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from importlib import resources
from pathlib import Path

import openpyxl
import pytest

from pemetaan_ksd.errors import ProfileError
from pemetaan_ksd.kerja_sama_berlaku import DaftarKerjaSama, Tanggal, muat
from pemetaan_ksd.model import CellValue
from pemetaan_ksd.profile import parse_profile, render_profile
from pemetaan_ksd.reference import load
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.validate import check_submission
from rowkit import cells, good, profil, row_cells, submission

HEADER = "nomor,tanggal,jenis,mitra,bidang_urusan,berlaku_sampai\n"
KB_BANJARBARU = ("180/008/KB/PEM/2023,2023-03-03,KB,Kota Banjarbaru,2.11 - Lingkungan Hidup,"
                 "2027-03-02\n")
EXAMPLE = resources.files("pemetaan_ksd").joinpath("data", "kerja_sama_berlaku.csv")


def _register(tmp_path: Path, text: str, name: str = "kerja_sama_berlaku.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _muat(path: Path) -> DaftarKerjaSama:
    return muat(path, load().wilayah, "63", "ksd.toml")


def _ctx(path: Path, tahun: int = 2025) -> Context:
    return Context.from_profile(dataclasses.replace(profil(), kerja_sama_berlaku=path), tahun)


def _found(ctx: Context, *rows: dict[str, CellValue]) -> list[tuple[str, str | None]]:
    result = check_submission(submission(list(rows)), ctx, "masuk/dlh.xlsx")
    return [c for c in cells(result.findings) if c[0] == "KSD417"]


def _lines(daftar: DaftarKerjaSama) -> list[tuple[object, ...]]:
    return [(p.baris, p.nomor, p.tanggal.teks, p.jenis, p.mitra, p.kode_mitra, p.kode_bidang,
             p.objek, p.sampai.teks) for p in daftar.perjanjian]


# --- the rule ---------------------------------------------------------------------------------


def test_ksd417_names_the_agreement_in_force_on_the_calon_mitra_cell(tmp_path: Path) -> None:
    ctx = _ctx(_register(tmp_path, HEADER + KB_BANJARBARU))
    assert row_cells([good()]) == []  # without a register the good row is clean
    result = check_submission(submission([good()]), ctx, "masuk/dlh.xlsx")
    assert cells(result.findings) == [("KSD417", "J7")]
    found = result.findings[0]
    assert (found.severity, found.value) == ("peringatan", "Kota Banjarbaru")
    assert found.message.startswith(
        "Dengan Kota Banjarbaru pada bidang 2.11 Lingkungan Hidup sudah ada Kesepakatan Bersama "
        "(KB) nomor 180/008/KB/PEM/2023 tanggal 3 Maret 2023 yang berlaku sampai 2 Maret 2027 "
        "(menurut daftar kerja sama berlaku, berkas kerja_sama_berlaku.csv). Usulkan tindak "
        "lanjutnya")
    assert not result.rows[0].has_galat  # a warning: the usulan still enters the list


@pytest.mark.parametrize(("tanggal", "sampai", "tahun", "expected"), [
    ("2020-01-06", "2024-12-31", 2025, []),  # ended the year before
    ("2026-02-01", "2030-01-31", 2025, []),  # signed after the target year
    ("2020-01-06", "2025-01-31", 2025, [("KSD417", "J7")]),  # ends within the year
    ("2025-11-01", "2030-10-31", 2025, [("KSD417", "J7")]),  # signed within the year
    ("2020-01-06", "2024-12-31", 2024, [("KSD417", "J7")]),  # the year asked (--tahun)
    ("2020", "2025", 2025, [("KSD417", "J7")]),  # bare years
    ("2025-03-03", "2025", 2025, [("KSD417", "J7")]),  # a bare year runs to its end
])
def test_ksd417_only_for_an_agreement_in_force_in_the_target_year(
        tmp_path: Path, tanggal: str, sampai: str, tahun: int,
        expected: list[tuple[str, str]]) -> None:
    line = f"1/KB/2020,{tanggal},KB,Kota Banjarbaru,2.11,{sampai}\n"
    ctx = _ctx(_register(tmp_path, HEADER + line), tahun)
    assert _found(ctx, good()) == expected


def test_ksd417_needs_the_same_partner_and_the_same_bidang(tmp_path: Path) -> None:
    ctx = _ctx(_register(tmp_path, HEADER + KB_BANJARBARU))
    kesehatan = {"kode_bidang_urusan": "1.02 - Kesehatan", "kode_program": "1.02.02",
                 "nama_program": None, "kode_kegiatan": "1.02.02.2.02", "nama_kegiatan": None}
    assert _found(ctx, good(**kesehatan)) == []
    assert _found(ctx, good(calon_mitra="Kota Banjarmasin", kode_wilayah_mitra="63.71")) == []
    # the same daerah however it is written, on either side
    assert _found(ctx, good(calon_mitra="Pemkot Banjarbaru", kode_wilayah_mitra=None)) == [
        ("KSD417", "J7")]
    assert _found(ctx, good(calon_mitra=None, kode_wilayah_mitra="63.72")) == [("KSD417", "K7")]


def test_ksd417_register_partner_and_bidang_written_otherwise(tmp_path: Path) -> None:
    text = HEADER + "12,2023-03-03,KB,Pemerintah Kota Banjarbaru,Lingkungan Hidup,2027-03-02\n"
    assert _found(_ctx(_register(tmp_path, text)), good()) == [("KSD417", "J7")]
    text = HEADER + "12,2023-03-03,KB,63.72,2.11.11,2027-03-02\n"
    assert _found(_ctx(_register(tmp_path, text)), good()) == [("KSD417", "J7")]


def test_ksd417_a_third_party_matches_by_its_name(tmp_path: Path) -> None:
    text = HEADER + ("180/015/PKS/PEM/2024,2024-05-21,PKS,PT. Air Minum Bandarmasih (Perseroda),"
                     "2.11 - Lingkungan Hidup,2029-05-20\n")
    ctx = _ctx(_register(tmp_path, text))
    ksdpk = {"jenis_kerja_sama": "KSDPK", "kode_wilayah_mitra": None,
             "jenis_mitra": "Badan Usaha Milik Daerah", "bentuk_ksdpk": "Lainnya",
             "prakarsa": "Daerah"}
    assert _found(ctx, good(calon_mitra="PT Air Minum  bandarmasih", **ksdpk)) == [
        ("KSD417", "J7")]
    assert _found(ctx, good(calon_mitra="PT Air Minum Intan Banjar", **ksdpk)) == []
    findings = check_submission(submission([good(calon_mitra="pt air minum bandarmasih",
                                                  **ksdpk)]), ctx, "x.xlsx").findings
    assert next(f.message for f in findings if f.code == "KSD417").startswith(
        "Dengan pt air minum bandarmasih pada bidang 2.11 Lingkungan Hidup sudah ada "
        "Perjanjian Kerja Sama (PKS) nomor 180/015/PKS/PEM/2024 tanggal 21 Mei 2024 yang "
        "berlaku sampai 20 Mei 2029")


def test_ksd417_an_objek_in_the_register_matches_the_same_objek(tmp_path: Path) -> None:
    text = HEADER + ("7/PKS/2024,2024-01-02,PKS,Kota Banjarbaru,Pengelolaan bersama tempat "
                     "pemrosesan akhir sampah regional,2026-12-31\n")
    ctx = _ctx(_register(tmp_path, text))
    result = check_submission(submission([good(objek="Pengelolaan Bersama Tempat Pemrosesan "
                                                     "Akhir Sampah Regional.")]), ctx, "x.xlsx")
    assert cells(result.findings) == [("KSD417", "J7")]
    assert ("pada bidang 2.11 Lingkungan Hidup (objek \"Pengelolaan bersama tempat pemrosesan "
            "akhir sampah regional\") sudah ada") in result.findings[0].message
    assert _found(ctx, good(objek="Pengangkutan sampah dari TPS ke TPA regional")) == []


def test_ksd417_names_the_latest_of_several_agreements(tmp_path: Path) -> None:
    text = HEADER + KB_BANJARBARU + (
        "180/021/PKS/PEM/2024,2024-08-12,PKS,Kota Banjarbaru,2.11,2026-08-11\n"
        "180/001/KB/PEM/2015,2015-01-05,KB,Kota Banjarbaru,2.11,2019-01-04\n")
    result = check_submission(submission([good()]), _ctx(_register(tmp_path, text)), "x.xlsx")
    assert cells(result.findings) == [("KSD417", "J7")]
    assert "Perjanjian Kerja Sama (PKS) nomor 180/021/PKS/PEM/2024 tanggal 12 Agustus 2024" in (
        result.findings[0].message)


def test_ksd417_from_an_xlsx_register(tmp_path: Path) -> None:
    path = tmp_path / "daftar.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DAFTAR KERJA SAMA DAERAH KABUPATEN BANJAR YANG BERLAKU"])
    ws.append([])
    ws.append(["No", "Nomor", "Tanggal", "Jenis", "Mitra", "Bidang Urusan", "Berlaku Sampai"])
    ws.append([1, "180/008/KB/PEM/2023", dt.datetime(2023, 3, 3), "Kesepakatan Bersama",
               "Kota Banjarbaru", 2.11, 2027])
    ws.append([2, 415, dt.date(2024, 5, 21), "PKS", "Kabupaten Tapin", "2.22 - Kebudayaan",
               dt.date(2029, 5, 20)])
    wb.save(path)
    daftar = _muat(path)
    assert _lines(daftar) == [
        (4, "180/008/KB/PEM/2023", "3 Maret 2023", "KB", "Kota Banjarbaru", "63.72", "2.11",
         None, "tahun 2027"),
        (5, "415", "21 Mei 2024", "PKS", "Kabupaten Tapin", "63.05", "2.22", None,
         "20 Mei 2029")]
    assert _found(_ctx(path), good()) == [("KSD417", "J7")]


# --- reading the register ---------------------------------------------------------------------


def test_the_packaged_example_is_kabupaten_banjars_register() -> None:
    with resources.as_file(EXAMPLE) as path:
        daftar = _muat(path)
    lines = _lines(daftar)
    assert [(n, nomor, jenis, kode, bidang) for n, nomor, _, jenis, _, kode, bidang, _, _
            in lines] == [
        (2, "180/027/KB/PEM/2019", "KB", "63.72", "2.11"),
        (3, "180/004/PKS/PEM/2020", "PKS", "63.72", None),
        (4, "180/011/KB/PEM/2018", "KB", "63", "3.27"),
        (5, "180/019/KB/PEM/2022", "KB", "63.71", "2.12"),
        (6, "180/002/PKS/PEM/2023", "PKS", "63.71", "2.12"),
        (7, "180/008/KB/PEM/2023", "KB", "63.05", "2.22"),
        (8, "180/015/PKS/PEM/2024", "PKS", None, "1.03"),
    ]
    assert [p.nomor for p in daftar.perjanjian if p.berlaku_pada(2025)] == [
        "180/019/KB/PEM/2022", "180/002/PKS/PEM/2023", "180/008/KB/PEM/2023",
        "180/015/PKS/PEM/2024"]
    assert lines[5][2] == "3 Maret 2023" and lines[1][7] == (
        "Pengangkutan sampah dari TPS Gambut ke TPA Regional Banjarbakula")


def test_headers_dates_and_jenis_as_a_secretariat_writes_them(tmp_path: Path) -> None:
    text = ("Daftar kerja sama yang berlaku;;;;;;\n"
            "No;Nomor KB/PKS;Tgl Penandatanganan;Jenis Dokumen;Mitra Kerja Sama;Objek;"
            "Berlaku s.d.\n"
            "1;12/KB/2023;03/03/2023;Kesepakatan Bersama;Kabupaten Tapin;Kebudayaan;2027\n"
            ";;;;;;\n"
            "2;13/PKS/2024;5-6-2024;Perjanjian Kerjasama;Kota Banjarmasin;"
            "Loket bersama adminduk;31 Desember 2026\n")
    daftar = _muat(_register(tmp_path, text))
    assert _lines(daftar) == [
        (3, "12/KB/2023", "3 Maret 2023", "KB", "Kabupaten Tapin", "63.05", "2.22", None,
         "tahun 2027"),
        (5, "13/PKS/2024", "5 Juni 2024", "PKS", "Kota Banjarmasin", "63.71", None,
         "Loket bersama adminduk", "31 Desember 2026")]


def test_the_sha256_is_of_the_register_bytes(tmp_path: Path) -> None:
    import hashlib

    path = _register(tmp_path, HEADER + KB_BANJARBARU)
    assert _muat(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("text", "phrase"), [
    ("nomor,tanggal,jenis,mitra,bidang_urusan\n" + KB_BANJARBARU,
     "baris 1: kolom berlaku_sampai tidak ada pada baris judul"),
    ("nomor,tanggal,jenis,mitra,berlaku_sampai\n",
     "baris 1: kolom bidang_urusan (atau objek) tidak ada"),
    ("", "tidak memuat baris judul kolom"),
    (HEADER + KB_BANJARBARU + "2/KB/2023,31/02/2023,KB,Kota Banjarbaru,2.11,2027\n",
     "baris 3: tanggal \"31/02/2023\" bukan tanggal. Tulis tanggal seperti 2027-12-31"),
    (HEADER + "\n" + "2/KB/2023,2023-02-01,KB,Kota Banjarbaru,2.11,akhir 2027\n",
     "baris 3: berlaku_sampai \"akhir 2027\" bukan tanggal"),
    (HEADER + "2/KB/2023,2023-02-01,MoU,Kota Banjarbaru,2.11,2027\n",
     "baris 2: jenis \"MoU\" tidak dikenal. Tulis KB (Kesepakatan Bersama) atau PKS"),
    (HEADER + "2/KB/2023,2023-02-01,KB,,2.11,2027\n", "baris 2: kolom mitra kosong"),
    (HEADER + "2/KB/2023,2023-02-01,KB,Kota Banjarbaru,,2027\n",
     "baris 2: kolom bidang_urusan (atau objek) kosong"),
    (HEADER + "2/KB/2023,2023-02-01,KB,Kota Banjarbaru,2.99 - Lainnya,2027\n",
     "baris 2: kode bidang urusan 2.99 tidak dikenal"),
    (HEADER + "2/KB/2023,2023-02-01,KB,Kota Banjarbaru,2.11,2022-12-31\n",
     "baris 2: berlaku_sampai (31 Desember 2022) lebih awal daripada tanggal (1 Februari 2023)"),
    (HEADER + '2/KB/2023,2023-02-01,KB,"Kota Banjarbaru,2.11,2027\n',
     "baris 2: penulisan CSV tidak sah"),
])
def test_a_broken_register_is_wrong_use_naming_the_line(tmp_path: Path, text: str,
                                                         phrase: str) -> None:
    path = _register(tmp_path, text)
    with pytest.raises(ProfileError) as caught:
        _muat(path)
    message = " ".join(str(caught.value).split())
    assert f"Daftar kerja sama berlaku {path}" in message
    assert phrase in message, message


def test_a_missing_or_unreadable_register_is_wrong_use(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match=r"tidak ditemukan\. Nama berkas dibaca dari folder"):
        _ctx(tmp_path / "tidak_ada.csv")
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 bukan buku kerja")
    with pytest.raises(ProfileError, match=r"rusak\.xlsx \(ditunjuk profil .*\) tidak dapat "
                                           r"dibaca sebagai CSV atau lembar kerja"):
        _ctx(broken)


def test_the_context_reads_the_register_only_when_the_profile_names_it(tmp_path: Path) -> None:
    assert Context.from_profile(profil()).kerja_sama is None
    ctx = _ctx(_register(tmp_path, HEADER + KB_BANJARBARU))
    assert ctx.kerja_sama is not None and len(ctx.kerja_sama.perjanjian) == 1
    # sent to worker processes as it is
    assert pickle.loads(pickle.dumps(ctx)).kerja_sama == ctx.kerja_sama


def test_the_profile_init_writes_names_the_example_once_uncommented(tmp_path: Path) -> None:
    text = render_profile("63.03", 2025)
    assert '# berkas = "kerja_sama_berlaku.csv"' in text
    (tmp_path / "kerja_sama_berlaku.csv").write_bytes(EXAMPLE.read_bytes())
    text = text.replace('# berkas = "kerja_sama_berlaku.csv"', 'berkas = "kerja_sama_berlaku.csv"')
    ctx = Context.from_profile(parse_profile(text, "ksd.toml", base=tmp_path))
    assert ctx.kerja_sama is not None
    assert ctx.kerja_sama.berkas == tmp_path / "kerja_sama_berlaku.csv"
    assert len(ctx.kerja_sama.perjanjian) == 7


def test_tanggal_reads_as_indonesian_dates() -> None:
    assert Tanggal(2023, dt.date(2023, 3, 3)).teks == "3 Maret 2023"
    assert Tanggal(2027).teks == "tahun 2027"


def test_where_keeps_every_row_ksd417_speaks_on(tmp_path: Path) -> None:
    from pemetaan_ksd.rules.columns import Columns
    from pemetaan_ksd.rules.perjanjian import sudah_berlaku
    from rowkit import KODE_DLH
    from test_rules_where import _rows

    text = HEADER + KB_BANJARBARU + (
        "7/PKS/2024,2024-01-02,PKS,Kota Banjarmasin,Penyediaan air minum curah dari IPA Pinus "
        "untuk kawasan Gambut,2026-12-31\n"
        "9/KB/2019,2019-01-02,KB,Kabupaten Tapin,2.22 - Kebudayaan,2023-12-31\n")
    context = _ctx(_register(tmp_path, text))
    rows = [*_rows(), good(calon_mitra="Kota Banjarmasin", kode_wilayah_mitra="63.71",
                           objek="penyediaan air minum curah dari IPA Pinus untuk kawasan gambut")]
    sub = submission(rows)
    cols = Columns(sub.rows, sub.column_letters, [f"A{r.excel_row}" for r in sub.rows], context,
                   context.profil.opd(KODE_DLH))
    picked = set(sudah_berlaku.where(cols, context))
    speaks = {i for i in range(len(cols)) if list(sudah_berlaku.check(cols.row(i), context))}
    assert len(speaks) > 100 and speaks <= picked, sorted(speaks - picked)[:5]
    assert len(rows) - 1 in speaks  # the objek, matched without a bidang code
