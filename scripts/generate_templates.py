"""Regenerate the committed generic template under templates/xlsx/.

Run after any change to the template writer, the contract or the packaged reference data:

    python scripts/generate_templates.py [OUT_DIR]

tests/test_template.py fails while the committed file differs from what the writer produces.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pemetaan_ksd.write.template import write_generic_template

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "templates" / "xlsx"


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    path = write_generic_template(out_dir)
    print(f"Templat umum ditulis: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
