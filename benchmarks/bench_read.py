"""How long read_submission takes per file, against calamine alone (not a test).

    python benchmarks/bench_read.py [--files 500] [--rows 50] [--libreoffice]

Writes one submission of `--rows` usulan with openpyxl (and, with --libreoffice, the same saved
by LibreOffice as .xlsx, .ods and .xls), copies each `--files` times, then reads every copy and
prints milliseconds per file. "calamine" is the floor: open the workbook and to_python() the
three sheets the reader needs, nothing else.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import python_calamine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import soffice_convert_formats  # noqa: E402
from pemetaan_ksd.read import read_submission  # noqa: E402
from workbooks import build_submission, good_row  # noqa: E402

SHEETS = ("Identitas", "Usulan", "_meta")


def calamine_only(path: Path) -> None:
    with python_calamine.CalamineWorkbook.from_path(path) as book:
        for name in SHEETS:
            book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def reader(path: Path) -> None:
    submission = read_submission(path)
    if submission.read_error:
        raise SystemExit(f"{path}: {submission.read_error}")


def per_file_ms(files: list[Path], read: Callable[[Path], None]) -> float:
    read(files[0])  # warm caches and imports
    start = time.perf_counter()
    for path in files:
        read(path)
    return (time.perf_counter() - start) * 1000 / len(files)


def sources(folder: Path, rows: int, libreoffice: bool) -> dict[str, Path]:
    usulan = [good_row(no=n, objek=f"Objek kerja sama nomor {n} bersama mitra")
              for n in range(1, rows + 1)]
    original = build_submission(folder / "usulan.xlsx", usulan)
    out = {"xlsx (openpyxl)": original}
    if libreoffice:
        converted = soffice_convert_formats([original], folder / "lo")
        out.update({f"{fmt} (LibreOffice)": paths[0] for fmt, paths in converted.items()})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--rows", type=int, default=50)
    parser.add_argument("--libreoffice", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-read-") as tmp:
        folder = Path(tmp)
        print(f"{args.files} files of {args.rows} rows; ms per file")
        print(f"{'format':<22}{'calamine':>10}{'read_submission':>17}")
        for label, source in sources(folder, args.rows, args.libreoffice).items():
            copies = folder / label.split()[0]
            copies.mkdir(exist_ok=True)
            files = [shutil.copy(source, copies / f"{n:05d}{source.suffix}")
                     for n in range(args.files)]
            paths = [Path(p) for p in files]
            floor, full = per_file_ms(paths, calamine_only), per_file_ms(paths, reader)
            print(f"{label:<22}{floor:>10.2f}{full:>17.2f}")


if __name__ == "__main__":
    main()
