"""The register of agreements in force (KSD417) in the commands and outputs: `validasi` and
`gabung` with a profile naming it, the `Info` sheet, the ledger's cache key, `template`'s
example and the committed example."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest

from pemetaan_ksd.batch import context_key
from pemetaan_ksd.cli.app import run
from pemetaan_ksd.errors import TemplateExistsError
from pemetaan_ksd.merge import build_konsolidasi
from pemetaan_ksd.profile import load_profile, render_profile
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.validate import validate
from pemetaan_ksd.write.template import CONTOH, contoh_bytes, write_templates
from pemetaan_ksd.write.workbook.info import SHEET as SHEET_INFO
from pemetaan_ksd.write.workbook.writer import write_workbook
from test_cli import ENGLISH
from test_merge import contoh_files, konsolidasi, laporan, profil
from test_workbook import values, write
from workbooks import build_submission, good_row

ROOT = Path(__file__).resolve().parents[1]
REGISTER = ("nomor,tanggal,jenis,mitra,bidang_urusan,berlaku_sampai\n"
            "180/008/KB/PEM/2023,2023-03-03,KB,Kota Banjarbaru,2.11 - Lingkungan Hidup,"
            "2027-03-02\n")
INFO_LABEL = "Daftar kerja sama berlaku (KSD417)"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a profile naming `kerja_sama_berlaku.csv` beside it, and an inbox
    holding one good DLH submission (Kota Banjarbaru, 2.11)."""
    text = render_profile("63.03", 2025).replace('# berkas = "kerja_sama_berlaku.csv"',
                                                 'berkas = "kerja_sama_berlaku.csv"')
    (tmp_path / "ksd.toml").write_text(text, encoding="utf-8")
    (tmp_path / "kerja_sama_berlaku.csv").write_text(REGISTER, encoding="utf-8")
    (tmp_path / "masuk").mkdir()
    build_submission(tmp_path / "masuk" / "dlh.xlsx", [good_row()])
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _facts(path: Path) -> dict[str, object]:
    return {r[0]: r[2] for r in values(path)[SHEET_INFO] if r[0] and r[2] is not None}


def test_validasi_with_the_register_warns_on_the_partner_cell(
        capsys: pytest.CaptureFixture[str], here: Path) -> None:
    code = run(["validasi", "masuk", "--profil", "ksd.toml", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0  # a warning, not a galat
    found = [(f["code"], f["cell"]) for f in json.loads(out)["files"][0]["findings"]]
    assert found == [("KSD417", "J7")]


def test_a_broken_register_stops_validasi_with_exit_2_in_indonesian(
        capsys: pytest.CaptureFixture[str], here: Path) -> None:
    (here / "kerja_sama_berlaku.csv").write_text(
        REGISTER + "180/009/PKS/PEM/2024,2024-02-30,PKS,Kota Banjarbaru,2.11,2026\n",
        encoding="utf-8")
    code = run(["validasi", "masuk", "--profil", "ksd.toml"])
    captured = capsys.readouterr()
    err = " ".join(captured.err.split())
    assert code == 2, captured
    assert ("Daftar kerja sama berlaku kerja_sama_berlaku.csv, baris 3: tanggal \"2024-02-30\" "
            "bukan tanggal.") in err, err
    assert not ENGLISH.findall(captured.out + captured.err), captured.err


def test_a_missing_register_stops_gabung_with_exit_2(
        capsys: pytest.CaptureFixture[str], here: Path) -> None:
    (here / "kerja_sama_berlaku.csv").unlink()
    code = run(["gabung", "masuk", "-o", "hasil.xlsx", "--profil", "ksd.toml"])
    err = " ".join(capsys.readouterr().err.split())
    assert code == 2
    assert "Daftar kerja sama berlaku kerja_sama_berlaku.csv (ditunjuk profil ksd.toml" in err
    assert "tidak ditemukan" in err and not (here / "hasil.xlsx").exists()


def test_info_names_the_register_used_with_its_sha256(here: Path) -> None:
    profile = load_profile(here / "ksd.toml")
    report = validate([here / "masuk"], profile, base=here)
    digest = hashlib.sha256((here / "kerja_sama_berlaku.csv").read_bytes()).hexdigest()
    assert report.kerja_sama_berlaku == ("kerja_sama_berlaku.csv", digest)  # as inputs are shown
    kons = build_konsolidasi(report, profile, profile.referensi(), 2025)
    out = write_workbook(here / "gabungan.xlsx", kons, report, profile)
    assert _facts(out)[INFO_LABEL] == f"kerja_sama_berlaku.csv (SHA-256 {digest})"


def test_info_says_when_no_register_is_used(tmp_path: Path) -> None:
    facts = _facts(write(tmp_path, laporan(contoh_files())))
    assert facts[INFO_LABEL] == (
        "tidak dipakai (profil tidak menunjuk berkas pada bagian [kerja_sama_berlaku])")
    report = laporan(contoh_files(), kerja_sama_berlaku=("ksd/kb.csv", "ab" * 32))
    out = write_workbook(tmp_path / "b.xlsx", konsolidasi(report), report, profil())
    assert _facts(out)[INFO_LABEL] == f"ksd/kb.csv (SHA-256 {'ab' * 32})"


def test_a_changed_register_changes_the_cache_key(tmp_path: Path) -> None:
    path = tmp_path / "kerja_sama_berlaku.csv"
    profile = dataclasses.replace(profil(), kerja_sama_berlaku=path)

    def key() -> str:
        return context_key(profile, Context.from_profile(profile))

    path.write_text(REGISTER, encoding="utf-8")
    first = key()
    assert key() == first
    path.write_text(REGISTER.replace("2027-03-02", "2028-03-02"), encoding="utf-8")
    assert key() != first  # same file name, other content: every file is judged again


def test_template_writes_the_example_register_beside_the_templates(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["template", "-o", "t"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == [
        "kerja_sama_berlaku.csv", "usulan_ksd_2025_templat.xlsx"]
    assert (tmp_path / "t" / CONTOH).read_bytes() == contoh_bytes()
    assert out.startswith("1 templat ditulis ke t: usulan_ksd_2025_templat.xlsx Contoh daftar "
                          "kerja sama berlaku (KSD417): kerja_sama_berlaku.csv.")
    # the example as shipped is no one's work: a template for another OPD beside it is fine
    assert run(["template", "-o", "t", "--opd", "1.02.0.00.0.00.01.0000"]) == 0


def test_template_keeps_an_edited_register_unless_timpa(tmp_path: Path) -> None:
    p = profil()
    (tmp_path / CONTOH).write_text(REGISTER, encoding="utf-8")
    with pytest.raises(TemplateExistsError) as caught:
        write_templates(tmp_path, p, None, False, contoh_kerja_sama=True)
    message = str(caught.value)
    assert f"sudah berisi {CONTOH} yang berbeda dari contohnya" in message
    assert "Tidak ada yang ditulis" in message and "--timpa" in message
    assert [f.name for f in tmp_path.iterdir()] == [CONTOH]  # no template written either
    assert (tmp_path / CONTOH).read_text(encoding="utf-8") == REGISTER
    paths = write_templates(tmp_path, p, None, False, timpa=True, contoh_kerja_sama=True)
    assert [f.name for f in paths] == ["usulan_ksd_2025_templat.xlsx", CONTOH]
    assert (tmp_path / CONTOH).read_bytes() == contoh_bytes()


def test_the_committed_example_is_the_packaged_one() -> None:
    assert (ROOT / "examples" / CONTOH).read_bytes() == contoh_bytes()
