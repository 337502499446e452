"""Workbooks the program wrote itself, recognised so that a run skips them instead of judging.

A consolidated workbook (`gabung`, `proses`) has an `Info` sheet whose `Aplikasi` line reads
`pemetaan-ksd <version>`; found in an inbox it is listed as skipped, never given KSD102.
"""

from __future__ import annotations

from pathlib import Path

import python_calamine

TOOL_NAME = "pemetaan-ksd"
INFO_SHEET = "Info"
INFO_TOOL_LABEL = "Aplikasi"
_SEARCH_ROWS = 20
CONSOLIDATED = "buku kerja gabungan yang ditulis pemetaan-ksd, bukan berkas usulan"


def own_output_reason(path: Path, sheet_names: list[str]) -> str | None:
    """Why `path` is one of the program's own outputs, or None when it is not."""
    if INFO_SHEET not in sheet_names:
        return None
    try:
        with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
            grid = book.get_sheet_by_name(INFO_SHEET).to_python(nrows=_SEARCH_ROWS)
    except Exception:  # unreadable here means: not recognisably ours; judge it as usual
        return None
    for cells in grid:
        texts = [c.strip() for c in cells if isinstance(c, str) and c.strip()]
        if len(texts) >= 2 and texts[0] == INFO_TOOL_LABEL and texts[1].startswith(TOOL_NAME):
            return CONSOLIDATED
    return None
