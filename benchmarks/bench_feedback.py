"""How long a feedback copy takes per file (not a test).

    python benchmarks/bench_feedback.py [--files 20] [--rows 50] [--libreoffice]

Writes submissions with `--rows` usulan, every fifth one with three mistakes (10 findings in
all when rows=50): one built bare with openpyxl, one on the real template (protected, styled,
dropdowns); with --libreoffice also the template one saved by LibreOffice as .xlsx, .ods and
.xls (the .ods/.xls copies are rebuilt on the template). Validates each once, then writes the
feedback copy `--files` times and prints milliseconds per copy. PITFALLS.md: openpyxl load +
10 fills + 10 notes + save of a 50-row submission is 60-95 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import soffice_convert_formats  # noqa: E402
from pemetaan_ksd import contract  # noqa: E402
from pemetaan_ksd.profile import Profil, load_profile  # noqa: E402
from pemetaan_ksd.validate import validate  # noqa: E402
from pemetaan_ksd.write.feedback import write_feedback_copy  # noqa: E402
from pemetaan_ksd.write.template_sheets import build_template, template_column_letters  # noqa: E402
from workbooks import build_submission, good_row  # noqa: E402


def usulan(rows: int) -> list[dict[str, object]]:
    out = []
    for n in range(1, rows + 1):
        row = good_row(no=n, objek=f"Objek kerja sama nomor {n} bersama mitra")
        if n % 5 == 0:
            row.update(jenis_kerja_sama="KSDD Sukarelaa", anggaran="satu miliar",
                       manfaat_mitra="-")
        out.append(row)
    return out


def on_template(path: Path, profil: Profil, rows: list[dict[str, object]]) -> Path:
    wb = build_template(profil, profil.opd("2.11.0.00.0.00.01.0000"),
                        dt.datetime(2025, 1, 2, tzinfo=dt.UTC))
    ws = wb[contract.SHEET_USULAN]
    letters = template_column_letters()
    for index, row in enumerate(rows):
        for key, value in row.items():
            cell = ws[f"{letters[key]}{contract.FIRST_DATA_ROW + index}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    wb.save(path)
    return path


def per_copy_ms(source: Path, profil: Profil, out: Path, files: int) -> tuple[int, float]:
    report = validate([source], profil)
    fr = report.files[0]
    write_feedback_copy(fr, report, profil, out / "warm.catatan.xlsx")
    start = time.perf_counter()
    for n in range(files):
        write_feedback_copy(fr, report, profil, out / f"{n:04d}.catatan.xlsx")
    return len(fr.findings), (time.perf_counter() - start) * 1000 / files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--rows", type=int, default=50)
    parser.add_argument("--libreoffice", action="store_true")
    args = parser.parse_args()
    profil = load_profile(None)
    rows = usulan(args.rows)
    with tempfile.TemporaryDirectory(prefix="bench-feedback-") as tmp:
        folder = Path(tmp)
        sources = {
            "xlsx bare (openpyxl)": build_submission(folder / "bare.xlsx", rows),
            "xlsx template (openpyxl)": on_template(folder / "templat.xlsx", profil, rows),
        }
        if args.libreoffice:
            converted = soffice_convert_formats([sources["xlsx template (openpyxl)"]],
                                                folder / "lo")
            sources.update({f"{fmt} template (LibreOffice)": paths[0]
                            for fmt, paths in converted.items()})
        print(f"{args.files} copies each, {args.rows} rows; ms per copy")
        print(f"{'input':<30}{'findings':>9}{'ms':>9}")
        for label, source in sources.items():
            out = folder / f"out-{source.stem}-{source.suffix[1:]}"
            count, ms = per_copy_ms(source, profil, out, args.files)
            print(f"{label:<30}{count:>9}{ms:>9.1f}")


if __name__ == "__main__":
    main()
