"""The `Usulan` sheet's data validations: dropdowns through workbook-scoped names, number checks.

Shared by the template and the feedback copy, which must put the dropdowns back on a
submission that lost its own. What a column gets follows from the contract: a column with a
`list_name` gets a dropdown (its `choices`, or a list from the nomenclature or the profile);
`Kind.CHOICE` allows nothing else, other kinds let a typed value stand; `Kind.YEAR` and
`Kind.AMOUNT` get number checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd import contract, reference
from pemetaan_ksd.contract import COLUMN_BY_KEY, COLUMNS, TAHUN_MAX, TAHUN_MIN, Column, Kind
from pemetaan_ksd.mitra_contoh import daerah_mitra
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.write import styles

MESSAGE_MAX = 255  # Excel's limit on a validation's message
LIST_MIN_WIDTH = 14  # of a column on the Referensi sheet


@dataclass(frozen=True)
class Alert:
    """What a spreadsheet program says when a value is not in the dropdown."""

    style: Literal["stop", "warning", "information"]
    shown: bool
    title: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class ReferenceList:
    """A dropdown filled from the nomenclature or the profile, not from the contract's choices."""

    values: Callable[[Profil], list[str]]
    warning: Alert | None = None  # None: any typed value is welcome, without an alert


def _bidang_urusan(profil: Profil) -> list[str]:
    return [b.pilihan for b in reference.bidang_urusan() if b.objek_kerja_sama]


def _daerah_mitra(profil: Profil) -> list[str]:
    return [d.nama_lengkap for d in daerah_mitra(profil)]


REFERENCE_LISTS: dict[str, ReferenceList] = {
    "ListBidangUrusan": ReferenceList(_bidang_urusan, Alert(
        "warning", True, "Bidang urusan",
        "Pilih bidang urusan dari daftar, misalnya 1.02 - Kesehatan. "
        "Kode saja, misalnya 1.02, juga diterima.")),
    # A company name is welcome as well as a daerah.
    "ListDaerahMitra": ReferenceList(_daerah_mitra),
}
# No alert, and where a program shows one anyway, only an informative one that lets the value
# stand: a company name, or "APBD; APBN" in a column of several choices.
NO_ALERT = Alert("information", False)


def dropdown_lists(profil: Profil) -> dict[str, list[str]]:
    """Defined name -> values, in the order of the columns that use them."""
    lists: dict[str, list[str]] = {}
    for col in COLUMNS:
        if col.list_name is None or col.list_name in lists:
            continue
        if col.choices:
            lists[col.list_name] = list(col.choices)
        else:
            lists[col.list_name] = REFERENCE_LISTS[col.list_name].values(profil)
    return lists


def install_dropdowns(wb: Workbook, profil: Profil, column_letters: dict[str, str],
                      first_row: int, last_row: int, sheet: Worksheet | None = None) -> None:
    """(Re)create the `Referensi` lists, their workbook-scoped names, and the validations.

    Validations cover `first_row`..`last_row` of the given columns (key -> letter) on `sheet`
    (default: the sheet titled `Usulan`; a feedback copy passes the sheet the usulan were read
    from): dropdowns through the defined names, and number checks on the year and amount
    columns. Existing validations over those cells, an existing `Referensi` sheet and existing
    names of the same lists are replaced.
    """
    usulan = sheet if sheet is not None else _usulan_sheet(wb)
    lists = dropdown_lists(profil)
    _write_referensi(wb, lists, after=usulan)
    targets: list[tuple[Column, str]] = []
    for key, letter in column_letters.items():
        col = COLUMN_BY_KEY.get(key)
        if col is not None and _needs_validation(col):
            targets.append((col, f"{letter}{first_row}:{letter}{last_row}"))
    _clear_validations(usulan, [CellRange(ref) for _, ref in targets])
    for col, ref in targets:
        validation = _validation(col, lists)
        validation.add(ref)
        usulan.add_data_validation(validation)


def _usulan_sheet(wb: Workbook) -> Worksheet:
    for ws in wb.worksheets:
        if ws.title.casefold() == contract.SHEET_USULAN.casefold():
            return ws
    raise KeyError(f"Lembar {contract.SHEET_USULAN} tidak ada dalam buku kerja.")


def _write_referensi(wb: Workbook, lists: dict[str, list[str]], after: Worksheet) -> None:
    """The hidden `Referensi` sheet, one list a column, each behind its defined name."""
    if contract.SHEET_REFERENSI in wb.sheetnames:
        old = wb[contract.SHEET_REFERENSI]
        index = wb.sheetnames.index(contract.SHEET_REFERENSI)
        wb.remove(old)
    else:
        index = wb.sheetnames.index(after.title) + 1
    ws = wb.create_sheet(contract.SHEET_REFERENSI, index)
    sheet = quote_sheetname(contract.SHEET_REFERENSI)
    for number, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(number)
        ws.cell(row=1, column=number, value=name).font = styles.FONT_BOLD
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=number, value=value).data_type = "s"
        ws.column_dimensions[letter].width = max(LIST_MIN_WIDTH, *(len(v) + 2 for v in values))
        _drop_names(wb, name)
        target = f"{sheet}!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=target)
    ws.sheet_state = "hidden"
    styles.protect(ws)


def _drop_names(wb: Workbook, name: str) -> None:
    if name in wb.defined_names:
        del wb.defined_names[name]
    for ws in wb.worksheets:
        if name in ws.defined_names:
            del ws.defined_names[name]


def _needs_validation(col: Column) -> bool:
    return col.list_name is not None or col.kind in (Kind.YEAR, Kind.AMOUNT)


def _validation(col: Column, lists: dict[str, list[str]]) -> DataValidation:
    if col.kind is Kind.YEAR:
        return DataValidation(
            type="whole", operator="between", formula1=str(TAHUN_MIN), formula2=str(TAHUN_MAX),
            allow_blank=True, showErrorMessage=True, errorStyle="warning",
            errorTitle="Tahun tidak sah",
            error=f"Tulis tahun empat angka, misalnya {TAHUN_MIN + 25}.")
    if col.kind is Kind.AMOUNT:
        return DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showErrorMessage=True, errorStyle="warning", errorTitle="Bukan angka rupiah",
            error="Tulis angka rupiah tanpa titik dan tanpa Rp, misalnya 1500000000.")
    assert col.list_name is not None
    alert = _alert(col, lists[col.list_name])
    return DataValidation(type="list", formula1=col.list_name, allow_blank=True,
                          showErrorMessage=alert.shown, errorStyle=alert.style,
                          errorTitle=alert.title, error=alert.text)


def _alert(col: Column, values: list[str]) -> Alert:
    """A choice column allows only its choices; other lists suggest, and may warn."""
    if col.kind is Kind.CHOICE:
        return Alert("stop", True, "Bukan pilihan yang tersedia", _choice_error(col.header, values))
    source = REFERENCE_LISTS.get(col.list_name or "")
    return source.warning if source is not None and source.warning is not None else NO_ALERT


def _choice_error(header: str, values: list[str]) -> str:
    text = f"Pilih {header} dari daftar: {', '.join(values)}."
    return text if len(text) <= MESSAGE_MAX else f"Pilih {header} dari daftar pada sel ini."


def _clear_validations(ws: Worksheet, holes: Iterable[CellRange]) -> None:
    """Cut `holes` out of every existing validation; drop validations left empty."""
    holes = list(holes)
    kept: list[DataValidation] = []
    for validation in ws.data_validations.dataValidation:
        pieces = [CellRange(r.coord) for r in validation.sqref.ranges]
        for hole in holes:
            pieces = [part for piece in pieces for part in _subtract(piece, hole)]
        if pieces:
            validation.sqref = MultiCellRange(" ".join(p.coord for p in pieces))
            kept.append(validation)
    ws.data_validations.dataValidation = kept


def _subtract(area: CellRange, hole: CellRange) -> list[CellRange]:
    """`area` without the cells of `hole`, as up to four rectangles."""
    if (hole.min_row > area.max_row or hole.max_row < area.min_row
            or hole.min_col > area.max_col or hole.max_col < area.min_col):
        return [area]
    top, bottom = max(area.min_row, hole.min_row), min(area.max_row, hole.max_row)
    parts = [
        (area.min_col, area.min_row, area.max_col, top - 1),
        (area.min_col, bottom + 1, area.max_col, area.max_row),
        (area.min_col, top, hole.min_col - 1, bottom),
        (hole.max_col + 1, top, area.max_col, bottom),
    ]
    return [CellRange(min_col=c1, min_row=r1, max_col=c2, max_row=r2)
            for c1, r1, c2, r2 in parts if c1 <= c2 and r1 <= r2]
