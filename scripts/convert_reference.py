"""Convert the shared reference CSVs into the package's own reference files.

Run from the repository root:  python scripts/convert_reference.py [SOURCE_DIR]
(SOURCE_DIR defaults to ../shared/reference). Rerunnable: the output depends only on the
sources, and `sumber.json` records each instrument, the sources' sha256 and this script's run.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "pemetaan_ksd" / "reference" / "data"

NOMENKLATUR_INSTRUMEN = "Kepmendagri 900.1.15.5-1317/2023"
WILAYAH_INSTRUMEN = "Kepmendagri 300.2.2-2138/2025"
# Known typo of the source, corrected for display (codes are untouched).
NAME_FIXES = {"1.02.07": ("PORGRAM", "PROGRAM")}
SMALL_WORDS = {"dan", "serta", "atau", "di", "ke", "dari", "yang", "untuk"}
# Short display names that do not follow from title-casing the official name.
SHORT_NAME_OVERRIDES = {
    "1.05": "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat",
    "2.14": "Pengendalian Penduduk dan Keluarga Berencana",
    "2.17": "Koperasi, Usaha Kecil dan Menengah",
    "4.02": "Sekretariat DPRD",
    "X.XX": "Penunjang Urusan Pemerintahan",
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def title_case(text: str) -> str:
    words = text.lower().split()
    return " ".join(
        w if (i > 0 and w in SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def short_bidang_name(kode: str, nama: str) -> str:
    if kode in SHORT_NAME_OVERRIDES:
        return SHORT_NAME_OVERRIDES[kode]
    return title_case(nama.removeprefix("URUSAN PEMERINTAHAN BIDANG ").strip())


def convert(src: Path) -> dict[str, object]:
    OUT.mkdir(parents=True, exist_ok=True)
    bidang_rows = read_csv(src / "urusan_bidang_urusan.csv")
    seen: set[str] = set()
    bidang: list[list[str]] = []
    for r in bidang_rows:
        if r["level"] == "2" and r["kode"] not in seen:
            seen.add(r["kode"])
            bidang.append([r["kode"], r["nama"], short_bidang_name(r["kode"], r["nama"])])
    write_csv(OUT / "bidang_urusan.csv", ["kode", "nama", "nama_singkat"], bidang)

    nomen: list[list[str]] = []
    for r in read_csv(src / "nomenklatur_kabkota_1317_2023.csv"):
        nama = r["nama"].strip()
        if r["kode"] in NAME_FIXES:
            wrong, right = NAME_FIXES[r["kode"]]
            nama = nama.replace(wrong, right)
        nomen.append([r["kode"].strip(), nama])
    write_csv(OUT / "nomenklatur.csv", ["kode", "nama"], nomen)

    wilayah = [
        [r["kode"], r["nama"], r["tingkat"], r["jenis"], r["kode_provinsi"]]
        for r in read_csv(src / "wilayah_provinsi_kabkota_2025.csv")
    ]
    write_csv(OUT / "wilayah.csv", ["kode", "nama", "tingkat", "jenis", "kode_provinsi"], wilayah)

    pairs = [
        [r["kode_a"], r["kode_b"], r["lintas_provinsi"], r["approx_shared_border_km"]]
        for r in read_csv(src / "kabkota_berbatasan.csv")
    ]
    write_csv(OUT / "berbatasan.csv", ["kode_a", "kode_b", "lintas_provinsi", "km"], pairs)

    sumber = {
        "nomenklatur": {
            "instrumen": NOMENKLATUR_INSTRUMEN,
            "keterangan": "perubahan atas Kepmendagri 050-5889/2021; sisi kabupaten/kota",
            "berkas_sumber": "nomenklatur_kabkota_1317_2023.csv",
            "sha256": sha256(src / "nomenklatur_kabkota_1317_2023.csv"),
            "koreksi_nama": {k: f"{a} -> {b}" for k, (a, b) in NAME_FIXES.items()},
        },
        "bidang_urusan": {
            "instrumen": f"Permendagri 90/2019 sebagaimana diubah {NOMENKLATUR_INSTRUMEN}",
            "berkas_sumber": "urusan_bidang_urusan.csv",
            "sha256": sha256(src / "urusan_bidang_urusan.csv"),
        },
        "wilayah": {
            "instrumen": WILAYAH_INSTRUMEN,
            "tanggal": "2025",
            "berkas_sumber": "wilayah_provinsi_kabkota_2025.csv",
            "sha256": sha256(src / "wilayah_provinsi_kabkota_2025.csv"),
        },
        "berbatasan": {
            "instrumen": (
                "turunan poligon batas wilayah 2025 yang disederhanakan (bukan daftar resmi)"
            ),
            "berkas_sumber": "kabkota_berbatasan.csv",
            "sha256": sha256(src / "kabkota_berbatasan.csv"),
        },
    }
    (OUT / "sumber.json").write_text(json.dumps(sumber, indent=2, ensure_ascii=False) + "\n")
    return sumber


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference"
    convert(source)
    print(f"Data referensi ditulis ke {OUT}")
