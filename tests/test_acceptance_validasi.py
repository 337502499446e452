"""Issue acceptance: a submission with a dozen typical mistakes, in every format we read.

The same content, saved by openpyxl and by LibreOffice as .xlsx, .xlsm, .ods and .xls, must be
answered with exactly the intended findings at exactly the intended cells.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from pemetaan_ksd.cli.app import run
from pemetaan_ksd.model import FileStatus, Severity
from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.validate import validate
from workbooks import build_submission, good_row

DLH = {"kode_opd": "2.11.0.00.0.00.01.0000", "nama_opd": "Dinas Lingkungan Hidup"}

# (row overrides, the (code, cell) it must produce); data rows start at Excel row 7 and one blank
# row is left before the seventh usulan, as clerks do, so rows from there on shift by one.
MISTAKES: list[tuple[dict[str, object], tuple[str, str]]] = [
    ({"jenis_kerja_sama": "KSDD Wajib", "calon_mitra": "Kota Balikpapan",
      "kode_wilayah_mitra": None}, ("KSD401", "J7")),
    ({"kode_kegiatan": "2.11.11.1.01", "nama_kegiatan": None}, ("KSD305", "E8")),
    ({"manfaat_mitra": "-"}, ("KSD405", "U9")),
    ({"jenis_kerja_sama": "KSDD Sukarelaa"}, ("KSD202", "I10")),
    ({"tahun_mulai": 2027, "tahun_selesai": 2025}, ("KSD204", "Y11")),
    ({"anggaran": "dua miliar rupiah"}, ("KSD203", "AC12")),
    ({"kode_bidang_urusan": "5.01 - Perencanaan", "kode_program": "5.01.02",
      "nama_program": None, "kode_kegiatan": "5.01.02.2.01", "nama_kegiatan": None},
     ("KSD304", "B14")),
    ({"dalam_perencanaan": "Tidak", "dokumen_perencanaan": None}, ("KSD407", "X15")),
    ({"skala_prioritas": "tingi"}, ("KSD202", "AA16")),
    ({"data_dukung": "belum ada"}, ("KSD406", "Q17")),
    ({"jenis_kerja_sama": "KSDD Wajib", "eksternalitas": "-"}, ("KSD404", "R18")),
    ({"jenis_kerja_sama": "KSDPK", "calon_mitra": "PT Air Minum Intan Banjar",
      "kode_wilayah_mitra": None, "jenis_mitra": "Badan Usaha Berbadan Hukum",
      "prakarsa": "Daerah", "eksternalitas": None, "efisiensi": None}, ("KSD409", "M19")),
    ({"objek": "Pengadaan alat berat pengangkut sampah"}, ("KSD416", "H20")),
    ({"calon_mitra": "Puskesmas Martapura", "kode_wilayah_mitra": None}, ("KSD415", "J21")),
    ({"kode_bidang_urusan": "1.02 - Kesehatan", "kode_program": "1.02.02", "nama_program": None,
      "kode_kegiatan": "1.02.02.2.02", "nama_kegiatan": None}, ("KSD414", "B22")),
]
EXPECTED = sorted(cell for _, cell in MISTAKES)
LO_FORMATS = {"xlsx": "xlsx", "xlsm": "xlsm:Calc MS Excel 2007 VBA XML", "ods": "ods",
              "xls": "xls"}


# A different bordering partner on each row, so no two rows are the same usulan (KSD503).
PARTNERS = [("Kabupaten Tanah Laut", "63.01"), ("Kabupaten Kotabaru", "63.02"),
            ("Kabupaten Barito Kuala", "63.04"), ("Kabupaten Tapin", "63.05"),
            ("Kabupaten Hulu Sungai Selatan", "63.06"), ("Kabupaten Tanah Bumbu", "63.10"),
            ("Kota Banjarmasin", "63.71"), ("Kota Banjarbaru", "63.72")]


def _rows() -> list[dict[str, object]]:
    rows = []
    for i, (overrides, _) in enumerate(MISTAKES):
        mitra, kode = PARTNERS[i % len(PARTNERS)]
        values = {"no": i + 1, "calon_mitra": mitra, "kode_wilayah_mitra": kode, **overrides}
        rows.append(good_row(**values))
    return rows


def _convert_all(source: Path, out_dir: Path) -> list[Path]:
    soffice = shutil.which("soffice")
    assert soffice is not None
    profile = Path(tempfile.mkdtemp(prefix="pemetaan-ksd-acc-"))
    outputs = []
    try:
        for suffix, target in LO_FORMATS.items():
            folder = out_dir / suffix
            subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                            "--norestore", "--convert-to", target, "--outdir", str(folder),
                            str(source)], check=True, capture_output=True, timeout=180)
            outputs.append(folder / f"{source.stem}.{suffix}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outputs


@pytest.fixture(scope="module")
def submissions(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("dozen")
    source = build_submission(folder / "dinkes.xlsx", _rows(), identitas=DLH,
                              blank_rows_before={6})
    if shutil.which("soffice") is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) tidak terpasang, padahal CI memerlukannya")
        return [source]  # outside CI: the openpyxl file only, and test_all_formats skips
    return [source, *_convert_all(source, folder / "lo")]


@pytest.mark.soffice
def test_all_formats_were_made(submissions: list[Path]) -> None:
    assert [p.suffix for p in submissions] == [".xlsx", ".xlsx", ".xlsm", ".ods", ".xls"]


def test_dozen_mistakes_exactly_at_their_cells_in_every_format(submissions: list[Path]) -> None:
    profil = load_profile(None)
    for path in submissions:  # one at a time: together they would be one OPD sending five files
        (fr,) = validate([path], profil).files
        found = sorted((f.code, f.cell) for f in fr.findings if f.severity is not Severity.INFO)
        assert found == EXPECTED, fr.display_path
        assert fr.status is FileStatus.TIDAK_VALID
        assert len(fr.rows) == len(MISTAKES)
        # only the rows whose one mistake is a warning enter (KSD416 procurement, KSD414)
        assert [r.excel_row for r in fr.accepted_rows] == [20, 22]


def test_clean_submission_passes_with_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build_submission(tmp_path / "dlh.xlsx", [good_row(), good_row(no=2, calon_mitra=
                            "Kabupaten Tapin", kode_wilayah_mitra="63.05")])
    assert run(["validasi", str(path)]) == 0
    out = capsys.readouterr().out
    assert "DITERIMA" in out and "0 galat" in out
