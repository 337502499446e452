"""The first sheet of a feedback copy, `Catatan Validasi`: the verdict and every finding.

Top to bottom: title, the facts of the check (OPD, file, date, versions), the verdict in big
coloured words, the counts per severity, how to read the copy, then a print-ready table with a
link from each finding to its cell. File-level findings come first, without a link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from pemetaan_ksd.contract import SHEET_CATATAN
from pemetaan_ksd.model import FileResult, FileStatus, Finding, Severity
from pemetaan_ksd.read import find_sheet
from pemetaan_ksd.report import Report
from pemetaan_ksd.write import palette, styles
from pemetaan_ksd.write.feedback_chars import shown
from pemetaan_ksd.write.feedback_marks import FILL_COLOUR, INK_COLOUR, Target
from pemetaan_ksd.write.feedback_text import (
    HOW_TO,
    LABEL,
    counts_lines,
    indonesian_date,
    send_back,
    verdict,
)

TITLE = "CATATAN HASIL PEMERIKSAAN USULAN KERJA SAMA DAERAH"

# (header, width) of the findings table; the facts above reuse the same grid.
TABLE = (
    ("No", 5.0), ("Sel", 15.0), ("Kolom", 22.0), ("Nilai yang ditemukan", 24.0),
    ("Tingkat", 16.0), ("Kode", 9.0), ("Pesan", 70.0), ("Dasar hukum", 22.0),
)
LAST_COLUMN = len(TABLE)
FULL_WIDTH = sum(width for _, width in TABLE)
VALUE_WIDTH = FULL_WIDTH - TABLE[0][1] - TABLE[1][1]  # the facts' values span columns C..H
ACCEPTED_FILL, ACCEPTED_INK = "C6EFCE", "006100"
NOTICE_FILL = "FFF2CC"
LINK_FONT = Font(name=palette.FONT_NAME, size=palette.FONT_SIZE, color="0563C1", underline="single")
VERDICT_SIZE = 14
_VERDICT_LINE_PT = 18.0


@dataclass(frozen=True)
class Facts:
    """What the top of the sheet says about the check."""

    nama_opd: str | None
    file_name: str  # of the submission, as sent
    notices: tuple[str, ...] = ()  # rebuilt from .xls/.ods, unreadable, changed since checked

    def noting(self, notice: str) -> Facts:
        """The same facts with one more notice."""
        return replace(self, notices=(*self.notices, notice))


def add_findings_sheet(wb: Workbook, fr: FileResult, report: Report, facts: Facts,
                      targets: Sequence[Target | None]) -> Worksheet:
    """Insert `Catatan Validasi` as the first, active sheet (replacing an older one)."""
    old = find_sheet(wb.sheetnames, SHEET_CATATAN)
    if old is not None:
        wb.remove(wb[old])
    ws = wb.create_sheet(SHEET_CATATAN, 0)
    assert isinstance(ws, Worksheet)
    _layout(ws)
    row = _head(ws, fr, report, facts)
    row = _verdict(ws, fr, facts, row + 1)
    row = _counts(ws, fr, row + 1)
    row = _guide(ws, fr, facts, row + 1)
    _table(ws, fr.findings, targets, row + 1)
    _activate(wb, ws)
    return ws


def text(cell: Cell | MergedCell, value: str | None) -> Cell:
    """Write `value` as text: never a formula, control characters shown by their code."""
    assert isinstance(cell, Cell), "a merged cell takes no value"
    if value is None or value == "":
        cell.value = None
        return cell
    cell.value = shown(value)
    cell.data_type = "s"
    return cell


def _layout(ws: Worksheet) -> None:
    ws.sheet_view.showGridLines = False
    ws.sheet_properties.tabColor = palette.NAVY
    for number, (_, width) in enumerate(TABLE, start=1):
        ws.column_dimensions[get_column_letter(number)].width = width
    styles.fit_to_width(ws, "landscape")
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True


def _band(ws: Worksheet, row: int, value: str, font: Font, *, fill: str | None = None,
          height: float | None = None, first: int = 1) -> Cell:
    """A text spanning columns `first`..H of `row`, wrapped."""
    cell = text(ws.cell(row=row, column=first), value)
    cell.font = font
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    if fill is not None:
        for column in range(first, LAST_COLUMN + 1):
            ws.cell(row=row, column=column).fill = styles.fill(fill)
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=LAST_COLUMN)
    width = FULL_WIDTH if first == 1 else VALUE_WIDTH
    ws.row_dimensions[row].height = height or styles.wrapped_height(value, width)
    return cell


def _head(ws: Worksheet, fr: FileResult, report: Report, facts: Facts) -> int:
    """Title and facts; returns the last row written."""
    _band(ws, 1, TITLE, styles.FONT_TITLE, height=24)
    _band(ws, 2, f"{report.nama_daerah} · Tahun Pemetaan {report.tahun}", styles.FONT_SUBTITLE,
          height=18)
    lines = [
        ("Perangkat Daerah", facts.nama_opd or "(nama perangkat daerah tidak terbaca)"),
        ("Berkas yang diperiksa", facts.file_name),
        ("Tanggal pemeriksaan", indonesian_date(report.created)),
        ("Diperiksa dengan", f"pemetaan-ksd {report.tool_version}; nomenklatur "
                             f"{report.nomenklatur}"),
    ]
    if not fr.unreadable:
        bukan = (f"; {fr.rows_not_usulan} baris lain bukan usulan dan disisihkan"
                 if fr.rows_not_usulan else "")
        lines.append(("Jumlah usulan dibaca",
                      f"{len(fr.rows)} baris pada lembar {fr.usulan_sheet}{bukan}"))
    row = 3
    for label, value in lines:
        row += 1
        _fact(ws, row, label, value)
    return row


def _fact(ws: Worksheet, row: int, label: str, value: str) -> None:
    head = text(ws.cell(row=row, column=1), label)
    head.font = styles.FONT_BOLD
    head.alignment = styles.LEFT_CENTER
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    _band(ws, row, value, styles.FONT_BODY, first=3).alignment = Alignment(
        wrap_text=True, vertical="center", horizontal="left")


def _verdict(ws: Worksheet, fr: FileResult, facts: Facts, row: int) -> int:
    found = verdict(fr, facts.nama_opd)
    fill = ACCEPTED_FILL if found.accepted else FILL_COLOUR[Severity.GALAT]
    ink = ACCEPTED_INK if found.accepted else INK_COLOUR[Severity.GALAT]
    row += 1
    per_line = FULL_WIDTH * palette.FONT_SIZE / VERDICT_SIZE
    _band(ws, row, found.sentence, styles.font(bold=True, size=VERDICT_SIZE, color=ink),
          fill=fill, height=styles.wrapped_height(found.sentence, per_line, _VERDICT_LINE_PT)
          + 8)
    if found.detail:
        row += 1
        _band(ws, row, found.detail, styles.font(bold=True, color=ink), fill=fill)
    return row


def _counts(ws: Worksheet, fr: FileResult, row: int) -> int:
    if fr.unreadable:
        return row - 1
    for severity, words in counts_lines(fr):
        row += 1
        label = text(ws.cell(row=row, column=1), LABEL[severity])
        label.font = styles.font(bold=True, color=INK_COLOUR[severity])
        label.alignment = styles.LEFT_CENTER
        for column in (1, 2):
            ws.cell(row=row, column=column).fill = styles.fill(FILL_COLOUR[severity])
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        _band(ws, row, words, styles.FONT_BODY, first=3, height=16)
    return row


def _guide(ws: Worksheet, fr: FileResult, facts: Facts, row: int) -> int:
    for notice in facts.notices:
        row += 1
        _band(ws, row, notice, styles.font(bold=True), fill=NOTICE_FILL)
    if fr.unreadable:
        return row
    must_fix = fr.status not in (FileStatus.VALID, FileStatus.DIGANTI)
    for paragraph in (HOW_TO, send_back(facts.file_name, must_fix)):
        row += 1
        _band(ws, row, paragraph, styles.FONT_BODY)
    return row


def _ordered(findings: Sequence[Finding], targets: Sequence[Target | None]
             ) -> list[tuple[Finding, Target | None]]:
    """File-level findings (no cell) first; otherwise the report's order."""
    pairs = list(zip(findings, targets, strict=True))
    return [p for p in pairs if p[0].cell is None] + [p for p in pairs if p[0].cell is not None]


def _table(ws: Worksheet, findings: Sequence[Finding], targets: Sequence[Target | None],
           row: int) -> None:
    row += 1
    for number, (header, _) in enumerate(TABLE, start=1):
        cell = text(ws.cell(row=row, column=number), header)
        cell.font = styles.FONT_HEADER_REQUIRED
        cell.fill = styles.FILL_HEADER_REQUIRED
        cell.alignment = styles.WRAP_CENTER
        cell.border = styles.BORDER_HEADER
    ws.row_dimensions[row].height = 20
    header_row = row
    ws.print_title_rows = f"{header_row}:{header_row}"
    if not findings:
        _band(ws, row + 1, "Tidak ada catatan untuk berkas ini.", styles.FONT_BODY)
        return
    names = _table_styles(ws)
    for number, (finding, target) in enumerate(_ordered(findings, targets), start=1):
        _finding_row(ws, row + number, number, finding, target, names)
    last = row + len(findings)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(LAST_COLUMN)}{last}"
    ws.print_area = f"A1:{get_column_letter(LAST_COLUMN)}{last}"


def where(finding: Finding, target: Target | None) -> str:
    """What the `Sel` column says."""
    if target is not None:
        return target.label
    if finding.cell is not None:
        return f"{finding.sheet or 'Usulan'}!{finding.cell}"
    if finding.sheet is not None:
        return f"Lembar {finding.sheet}"
    return "Seluruh berkas"


def _column_words(finding: Finding) -> str:
    if finding.column:
        return finding.column
    if finding.row is not None:
        return f"Seluruh baris {finding.row}"
    return "-"


def _table_styles(ws: Worksheet) -> dict[str, str]:
    """Named styles of the table cells: one lookup per cell keeps a long list fast."""
    def named(name: str, font: Font, alignment: Alignment, fill: str | None = None) -> NamedStyle:
        style = NamedStyle(name=name, font=font, border=styles.BORDER_THIN, alignment=alignment)
        if fill is not None:
            style.fill = styles.fill(fill)
        return style

    found = {
        "body": named("Catatan Isi", styles.FONT_BODY, styles.WRAP_TOP),
        "centre": named("Catatan Isi Tengah", styles.FONT_BODY, styles.WRAP_TOP_CENTER),
        "link": named("Catatan Tautan", LINK_FONT, styles.WRAP_TOP),
        **{str(s): named(f"Catatan {LABEL[s]}", styles.font(bold=True, color=INK_COLOUR[s]),
                         styles.WRAP_TOP, FILL_COLOUR[s]) for s in Severity},
    }
    styles.register(ws, found.values())
    return {key: style.name for key, style in found.items()}


def _finding_row(ws: Worksheet, row: int, number: int, finding: Finding,
                 target: Target | None, names: dict[str, str]) -> None:
    values: list[str | int | None] = [
        number, where(finding, target), _column_words(finding), finding.value,
        LABEL[finding.severity], finding.code, finding.message, finding.dasar_hukum,
    ]
    looks = ["centre", "body", "body", "body", str(finding.severity), "centre", "body", "body"]
    for column, (value, look) in enumerate(zip(values, looks, strict=True), start=1):
        cell = ws.cell(row=row, column=column)
        if isinstance(value, int):
            cell.value = value
        else:
            text(cell, value)
        cell.style = names[look]
    if target is not None:
        link = ws.cell(row=row, column=2)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=target.location,
                                   tooltip=f"Buka sel {target.label}")
        link.style = names["link"]
    ws.row_dimensions[row].height = _row_height(values)


def _row_height(values: Sequence[str | int | None]) -> float:
    heights = [styles.wrapped_height(str(value), width)
               for value, (_, width) in zip(values, TABLE, strict=True) if value]
    return max(heights, default=styles.LINE_HEIGHT_PT + 4)


def _activate(wb: Workbook, ws: Worksheet) -> None:
    """Open on this sheet, with no other sheet selected along with it."""
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet is ws
    wb.active = ws
    for view in wb.views:
        view.firstSheet = 0
        view.activeTab = 0
