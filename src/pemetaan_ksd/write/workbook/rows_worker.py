"""`python -m pemetaan_ksd.write.workbook.rows_worker ROWS XML`: the rows that elsewhere.py
pickled to ROWS, written to XML as their sheet's `<row>` elements (stream.rows_xml).

It reads only the file this program wrote a moment ago in its own temporary folder. Ctrl-C
is left to the parent, which stops this process with the run.
"""

from __future__ import annotations

import pickle
import signal
import sys

from pemetaan_ksd.write.workbook.stream import rows_xml


def main(argv: list[str]) -> int:
    rows_in, xml_out = argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with open(rows_in, "rb") as source, open(xml_out, "w", encoding="utf-8", newline="") as out:
        numbering, columns, first, chunks = pickle.load(source)
        for _ in range(chunks):
            rows = pickle.load(source)
            out.writelines(rows_xml(numbering, columns, rows, first))
            first += len(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
