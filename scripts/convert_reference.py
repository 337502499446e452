"""Convert the shared reference CSVs into the package's own reference files.

Run from the repository root:  python scripts/convert_reference.py [SOURCE_DIR]
(SOURCE_DIR defaults to ../shared/reference). Rerunnable: the output depends only on the
sources, and `sumber.json` records each instrument, the sources' sha256 and this script's run.

The outlines for the map (batas_wilayah_2025.geojson, 1.6 MB) become one small file per
provinsi, `batas_<kode>.json.gz`: coordinates on a grid of 0.001 degree (about 110 m, under the
source's own simplification of 0.004 degree, so nothing visible is lost), each ring as its first
point and then the steps to the next one, repeated points dropped. `NOTICE_BATAS_WILAYAH.txt`
carries the source's MIT notice with every copy of the package.
"""

from __future__ import annotations

import csv
import gzip
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

# Short names of daerah as people write them. NOT an official list: abbreviations in common use,
# compiled for this project; a profile extends them ([alias] "Kukar" = "64.02").
SUMBER_PROVINSI = (
    "singkatan nama provinsi yang lazim dipakai dalam surat dinas dan media; dihimpun untuk "
    "proyek ini, bukan daftar resmi"
)
SUMBER_KALSEL = (
    "penggunaan umum di lingkungan pemerintah daerah Kalimantan Selatan; dihimpun untuk proyek "
    "ini, bukan daftar resmi"
)
SUMBER_KALTENG = (
    "penggunaan umum di lingkungan pemerintah daerah Kalimantan Tengah; dihimpun untuk proyek "
    "ini, bukan daftar resmi"
)
SUMBER_KALTIM = (
    "penggunaan umum di lingkungan pemerintah daerah Kalimantan Timur; dihimpun untuk proyek "
    "ini, bukan daftar resmi"
)
SINGKATAN: list[tuple[str, str, str]] = [
    # provinsi (those whose official name is already short, such as Riau or Bali, need none)
    ("NAD", "11", SUMBER_PROVINSI),
    ("Sumut", "12", SUMBER_PROVINSI),
    ("Sumbar", "13", SUMBER_PROVINSI),
    ("Sumsel", "16", SUMBER_PROVINSI),
    ("Babel", "19", SUMBER_PROVINSI),
    ("Bangka Belitung", "19", SUMBER_PROVINSI),
    ("Kepri", "21", SUMBER_PROVINSI),
    ("DKI", "31", SUMBER_PROVINSI),
    ("DKI Jakarta", "31", SUMBER_PROVINSI),
    ("Jakarta", "31", SUMBER_PROVINSI),
    ("Jabar", "32", SUMBER_PROVINSI),
    ("Jateng", "33", SUMBER_PROVINSI),
    ("DIY", "34", SUMBER_PROVINSI),
    ("DI Yogyakarta", "34", SUMBER_PROVINSI),
    ("Jatim", "35", SUMBER_PROVINSI),
    ("NTB", "52", SUMBER_PROVINSI),
    ("NTT", "53", SUMBER_PROVINSI),
    ("Kalbar", "61", SUMBER_PROVINSI),
    ("Kalteng", "62", SUMBER_PROVINSI),
    ("Kalsel", "63", SUMBER_PROVINSI),
    ("Kaltim", "64", SUMBER_PROVINSI),
    ("Kaltara", "65", SUMBER_PROVINSI),
    ("Sulut", "71", SUMBER_PROVINSI),
    ("Sulteng", "72", SUMBER_PROVINSI),
    ("Sulsel", "73", SUMBER_PROVINSI),
    ("Sultra", "74", SUMBER_PROVINSI),
    ("Sulbar", "76", SUMBER_PROVINSI),
    ("Malut", "82", SUMBER_PROVINSI),
    ("Pabar", "92", SUMBER_PROVINSI),
    ("Papsel", "93", SUMBER_PROVINSI),
    ("Papteng", "94", SUMBER_PROVINSI),
    ("Papeg", "95", SUMBER_PROVINSI),
    ("PBD", "96", SUMBER_PROVINSI),
    # kab/kota of Kalimantan Selatan
    ("Tala", "63.01", SUMBER_KALSEL),
    ("Batola", "63.04", SUMBER_KALSEL),
    ("HSS", "63.06", SUMBER_KALSEL),
    ("HST", "63.07", SUMBER_KALSEL),
    ("HSU", "63.08", SUMBER_KALSEL),
    ("Tanbu", "63.10", SUMBER_KALSEL),
    ("Bjm", "63.71", SUMBER_KALSEL),
    ("Bjb", "63.72", SUMBER_KALSEL),
    # kab/kota of the neighbouring provinsi
    ("Kobar", "62.01", SUMBER_KALTENG),
    ("Kotim", "62.02", SUMBER_KALTENG),
    ("Barsel", "62.04", SUMBER_KALTENG),
    ("Barut", "62.05", SUMBER_KALTENG),
    ("Gumas", "62.10", SUMBER_KALTENG),
    ("Pulpis", "62.11", SUMBER_KALTENG),
    ("Mura", "62.12", SUMBER_KALTENG),
    ("Bartim", "62.13", SUMBER_KALTENG),
    ("Kukar", "64.02", SUMBER_KALTIM),
    ("Kubar", "64.07", SUMBER_KALTIM),
    ("Kutim", "64.08", SUMBER_KALTIM),
    ("PPU", "64.09", SUMBER_KALTIM),
    ("Mahulu", "64.11", SUMBER_KALTIM),
]


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


def _key(text: str) -> str:
    """A name as the resolver compares it: case, punctuation and spaces do not matter."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def singkatan_rows(names: dict[str, str]) -> list[list[str]]:
    """The alias rows, checked: each code exists, no alias repeats or shadows an official name."""
    official = set()
    for nama in names.values():
        for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
            nama = nama.removeprefix(prefix)
        official.add(_key(nama))
    rows: list[list[str]] = []
    seen: set[str] = set()
    for alias, kode, source in SINGKATAN:
        key = _key(alias)
        if kode not in names:
            raise SystemExit(f"singkatan {alias!r}: kode {kode} tidak ada dalam data wilayah")
        if key in seen or key in official:
            raise SystemExit(f"singkatan {alias!r} berulang atau sama dengan nama resmi")
        seen.add(key)
        rows.append([alias, kode, names[kode], source])
    return rows


BATAS_SKALA = 1000  # grid steps per degree
BATAS_NOTICE = "NOTICE_BATAS_WILAYAH.txt"
# The licence of cahyadsn/wilayah_boundaries at commit 3c5a796, word for word.
BATAS_LICENSE = """MIT License

Copyright (c) 2024 Cahya DSN

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""
BATAS_KETERANGAN = (
    "Garis batas wilayah pada peta kerja sama (reference/data/batas_*.json.gz) diturunkan dari\n"
    "cahyadsn/wilayah_boundaries (db/kab/*.sql dan db/prov/*.sql, commit 3c5a796), batas menurut\n"
    "Kepmendagri 300.2.2-2430/2025: disederhanakan (Douglas-Peucker 0,004 derajat untuk\n"
    "kabupaten/kota, 0,008 derajat untuk provinsi), pulau kecil di bawah sekitar 5 km2 dibuang,\n"
    "koordinat dibulatkan ke 0,001 derajat. Untuk gambar, bukan untuk pengukuran.\n"
    "Data itu dilisensikan MIT; pemberitahuan hak cipta dan izinnya:\n\n"
)


def quantised_ring(ring: list[list[float]]) -> list[int]:
    """A ring on the grid as [x0, y0, dx1, dy1, ...], repeated points and the closing one
    dropped."""
    points: list[tuple[int, int]] = []
    for lng, lat in ring:
        point = (round(lng * BATAS_SKALA), round(lat * BATAS_SKALA))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    flat: list[int] = []
    last = (0, 0)
    for x, y in points:
        flat += [x - last[0], y - last[1]]
        last = (x, y)
    return flat


def ring_box(rings: list[list[int]]) -> list[int]:
    """[west, south, east, north] on the grid of delta-encoded rings."""
    xs: list[int] = []
    ys: list[int] = []
    for flat in rings:
        x = y = 0
        for i in range(0, len(flat), 2):
            x += flat[i]
            y += flat[i + 1]
            xs.append(x)
            ys.append(y)
    return [min(xs), min(ys), max(xs), max(ys)]


def convert_batas(src: Path) -> dict[str, object]:
    """batas_wilayah_2025.geojson -> batas_<provinsi>.json.gz and the notice."""
    geojson = src / "batas_wilayah_2025.geojson"
    features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    by_provinsi: dict[str, dict[str, object]] = {}
    boxes: dict[str, list[int]] = {}
    for feature in features:
        kode = feature["properties"]["kode"]
        rings = [quantised_ring(polygon[0]) for polygon in feature["geometry"]["coordinates"]]
        if "." not in kode:
            boxes[kode] = ring_box(rings)
        lng, lat = feature["properties"]["pusat"]
        by_provinsi.setdefault(kode.split(".")[0], {})[kode] = {
            "pusat": [round(lng * BATAS_SKALA), round(lat * BATAS_SKALA)],
            "cincin": [r for r in rings if len(r) >= 6],
        }
    for old in OUT.glob("batas_*.json.gz"):
        old.unlink()
    for provinsi, daerah in sorted(by_provinsi.items()):
        body = {"skala": BATAS_SKALA, "provinsi": provinsi, "daerah": dict(sorted(daerah.items()))}
        text = json.dumps(body, separators=(",", ":")).encode()
        (OUT / f"batas_{provinsi}.json.gz").write_bytes(gzip.compress(text, 9, mtime=0))
    # which provinsi a map's frame reaches, without reading every file
    (OUT / "batas_kotak.json").write_text(
        json.dumps({"skala": BATAS_SKALA, "kotak": boxes}, separators=(",", ":")) + "\n")
    (OUT / BATAS_NOTICE).write_text(BATAS_KETERANGAN + BATAS_LICENSE, encoding="utf-8")
    return {
        "instrumen": "batas menurut Kepmendagri 300.2.2-2430/2025 (disederhanakan, untuk gambar)",
        "berkas_sumber": "batas_wilayah_2025.geojson",
        "sha256": sha256(geojson),
        "asal": "cahyadsn/wilayah_boundaries commit 3c5a796",
        "lisensi": "MIT, Copyright (c) 2024 Cahya DSN; lihat " + BATAS_NOTICE,
        "skala": f"1/{BATAS_SKALA} derajat",
        "daerah": len(features),
    }


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

    names = {r["kode"]: r["nama"] for r in read_csv(src / "wilayah_provinsi_kabkota_2025.csv")}
    singkatan = singkatan_rows(names)
    write_csv(OUT / "singkatan.csv", ["singkatan", "kode", "nama", "sumber"], singkatan)

    pairs = [
        [r["kode_a"], r["kode_b"], r["lintas_provinsi"], r["approx_shared_border_km"]]
        for r in read_csv(src / "kabkota_berbatasan.csv")
    ]
    write_csv(OUT / "berbatasan.csv", ["kode_a", "kode_b", "lintas_provinsi", "km"], pairs)

    kecamatan = [[r["kode"], r["nama"], r["kode_kabkota"]]
                 for r in read_csv(src / "kecamatan_2025.csv")]
    write_csv(OUT / "kecamatan.csv", ["kode", "nama", "kode_kabkota"], kecamatan)

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
        "kecamatan": {
            "instrumen": WILAYAH_INSTRUMEN,
            "berkas_sumber": "kecamatan_2025.csv",
            "sha256": sha256(src / "kecamatan_2025.csv"),
        },
        "singkatan": {
            "instrumen": (
                "singkatan nama daerah yang lazim dipakai, dihimpun untuk proyek ini "
                "(bukan daftar resmi); kode menurut " + WILAYAH_INSTRUMEN
            ),
            "berkas_sumber": "scripts/convert_reference.py (tabel SINGKATAN)",
            "baris": len(singkatan),
            "sumber_per_baris": "kolom sumber pada singkatan.csv",
        },
        "batas_wilayah": convert_batas(src),
    }
    (OUT / "sumber.json").write_text(json.dumps(sumber, indent=2, ensure_ascii=False) + "\n")
    return sumber


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference"
    convert(source)
    print(f"Data referensi ditulis ke {OUT}")
