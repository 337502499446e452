"""`python -m pemetaan_ksd.write.workbook.rows_worker ROWS OUT`: the rows that elsewhere.py
pickled to ROWS, written as their sheet's `<row>` elements (stream.rows_xml) and deflated to
OUT: a raw deflate stream ended at a byte boundary, not final, which the zip joins into the
sheet's part as it is (quickzip.py). Its CRC-32 and size, uncompressed, go to stdout.

It reads only the file this program wrote a moment ago in its own temporary folder. Ctrl-C
is left to the parent, which stops this process with the run.
"""

from __future__ import annotations

import pickle
import signal
import sys
import zlib

from pemetaan_ksd.write.workbook.stream import rows_xml


def main(argv: list[str]) -> int:
    rows_in, out_path = argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    crc = size = 0
    with open(rows_in, "rb") as source, open(out_path, "wb") as out:
        numbering, columns, first, chunks, level = pickle.load(source)
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        for _ in range(chunks):
            rows = pickle.load(source)
            xml = "".join(rows_xml(numbering, columns, rows, first)).encode("utf-8")
            crc, size = zlib.crc32(xml, crc), size + len(xml)
            out.write(packer.compress(xml))
            first += len(rows)
        out.write(packer.flush(zlib.Z_SYNC_FLUSH))
    sys.stdout.write(f"{crc} {size}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
