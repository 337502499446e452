"""A macro in an .xlsm is never run, and it does not travel into the feedback copy."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pemetaan_ksd.cli.app import run
from workbooks import build_submission, good_row

_MACRO_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_PLAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def _as_xlsm(xlsx: Path, xlsm: Path) -> None:
    """The same workbook as Excel saves it with a VBA project (the project's bytes a stand-in:
    nothing reads or runs them)."""
    with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(xlsm, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(_PLAIN_TYPE.encode(), _MACRO_TYPE.encode()).replace(
                    b"</Types>", b'<Default Extension="bin" ContentType="application/'
                    b'vnd.ms-office.vbaProject"/></Types>')
            out.writestr(item, data)
        out.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 Sub Auto_Open(): Shell \"calc\"")


def test_the_feedback_copy_of_an_xlsm_is_an_xlsx_without_the_macro(tmp_path: Path) -> None:
    plain, inbox, copies = tmp_path / "dlh.xlsx", tmp_path / "masuk", tmp_path / "catatan"
    inbox.mkdir()
    build_submission(plain, [good_row()])
    _as_xlsm(plain, inbox / "dlh.xlsm")
    assert run(["validasi", str(inbox), "--anotasi", str(copies)]) == 0  # read and judged
    [copy] = list(copies.iterdir())
    assert copy.name == "dlh.catatan.xlsx"
    with zipfile.ZipFile(copy) as z:
        assert not [n for n in z.namelist() if "vba" in n.casefold()]
        assert _MACRO_TYPE.encode() not in z.read("[Content_Types].xml")
