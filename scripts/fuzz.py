"""The long fuzzing run, for developers (the suite runs a fixed, small number of mutants).

    python scripts/fuzz.py --kali 20000             # hypothesis: 20,000 mutants (a fifth as
                                                    # many through the command line too)
    python scripts/fuzz.py --atheris --detik 3600   # atheris (coverage-guided), if installed

Both use tests/fuzzkit.py: the same seeds (valid .xlsx, .ods, .xls submissions built in code;
for atheris also LibreOffice's saves of tests/corpus.py when they are cached), the
same oracle (read_submission and validate never raise, an unreadable file is one KSD101, the
command line never exits 3 and its feedback copy opens). The hypothesis run shrinks a failure
and prints the draws that make the mutant; the atheris run writes it to `crash-*` in the
current folder. Either way, add it to tests/fuzz_crashes.py as a named builder, then fix the
program. atheris needs `pip install atheris` (a wheel exists for CPython 3.11 on Linux x86-64).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITE_EXAMPLES = 150  # test_no_mutant_escapes_the_reader_nor_the_rules in the suite


def run_hypothesis(count: int, extra: list[str]) -> int:
    env = {**os.environ, "PEMETAAN_KSD_EXAMPLES": str(count / SUITE_EXAMPLES)}
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-x",
               "--hypothesis-show-statistics", str(ROOT / "tests" / "test_fuzz.py"), *extra]
    return subprocess.call(command, env=env, cwd=ROOT)


def run_atheris(seconds: int, extra: list[str]) -> int:
    try:
        import atheris
    except ImportError:
        print("atheris tidak terpasang: pip install atheris", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "tests"))
    with atheris.instrument_imports(include=["pemetaan_ksd"]):
        import fuzzkit as fuzz
    kinds = sorted(fuzz.SUFFIX)
    folder = Path(tempfile.mkdtemp(prefix="pemetaan-ksd-fuzz-"))
    corpus = folder / "korpus"
    corpus.mkdir()
    for index, kind in enumerate(kinds):  # the first byte chooses the kind of file
        (corpus / kind).write_bytes(bytes([index]) + fuzz.seeds()[kind])
    import corpus as real  # LibreOffice's saves of the real-client corpus, when cached

    for case, files in (real.corpus_files(None) or {}).items():
        for fmt in ("xlsx", "ods", "xls"):
            data = bytes([kinds.index(fmt)]) + files[fmt].read_bytes()
            (corpus / f"{case}-{fmt}").write_bytes(data)

    def one_input(data: bytes) -> None:
        if not data:
            return
        kind = kinds[data[0] % len(kinds)]
        work = Path(tempfile.mkdtemp(dir=folder))
        try:
            path = fuzz.check(data[1:], kind, work)
            with contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()):
                fuzz.check_cli(path, work / "catatan")
        finally:
            shutil.rmtree(work, ignore_errors=True)

    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-rss_limit_mb=3000",
                   str(corpus), *extra], one_input)
    atheris.Fuzz()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kali", type=int, default=20_000,
                        help="mutan per pengujian hypothesis (bawaan 20000)")
    parser.add_argument("--atheris", action="store_true", help="pakai atheris, bukan hypothesis")
    parser.add_argument("--detik", type=int, default=3600, help="lama atheris berjalan")
    args, extra = parser.parse_known_args()
    if args.atheris:
        return run_atheris(args.detik, extra)
    return run_hypothesis(args.kali, extra)


if __name__ == "__main__":
    sys.exit(main())
