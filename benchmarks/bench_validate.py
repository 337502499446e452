"""Validation throughput: read + every rule + cross-file rules, ms per file (not a test).

    python benchmarks/bench_validate.py [--files 200] [--rows 50]

All files come from one OPD with rows of one kegiatan and partner: the worst case for the
cross-file rules (KSD501 over every file, KSD503 on every repeated row).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from pemetaan_ksd.profile import load_profile
from pemetaan_ksd.validate import validate
from workbooks import build_submission, good_row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--rows", type=int, default=50)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-validate-"))
    try:
        rows = [good_row(no=i + 1, objek=f"Objek kerja sama nomor {i} yang berbeda")
                for i in range(args.rows)]
        first = build_submission(folder / "f00000.xlsx", rows)
        for i in range(1, args.files):
            shutil.copy(first, folder / f"f{i:05d}.xlsx")
        start = time.perf_counter()
        report = validate([folder], load_profile(None))
        elapsed = time.perf_counter() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    count = len(report.files)
    print(f"{count} berkas x {args.rows} baris: {elapsed:.2f} s, "
          f"{1000 * elapsed / count:.1f} ms per berkas")


if __name__ == "__main__":
    main()
