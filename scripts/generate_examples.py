"""Regenerate examples/: the demo's worked example, inputs and the outputs the program writes,
and the example register of agreements in force (KSD417) that `template` writes.

Run from the repository root:  python scripts/generate_examples.py
The demo runs on a fixed clock, so the content is the same every run; tests/test_examples.py
fails when the committed folder differs from what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "demo-pemetaan-ksd"
REGISTER = ROOT / "examples" / "kerja_sama_berlaku.csv"


def generate(folder: Path = EXAMPLES) -> list[Path]:
    from pemetaan_ksd.demo.run import langkah_demo

    for _ in langkah_demo(folder, timpa=True):
        pass
    return sorted(p for p in folder.rglob("*") if p.is_file())


def write_register(path: Path = REGISTER) -> Path:
    """The example register, byte for byte the one the package ships."""
    from pemetaan_ksd.write.template import contoh_bytes

    path.write_bytes(contoh_bytes())
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else EXAMPLES
    files = generate(target)
    print(f"{len(files)} berkas contoh ditulis ke {target}")
    if len(sys.argv) == 1:
        print(f"Contoh daftar kerja sama berlaku ditulis ke {write_register()}")
