"""A run as the page shows it: plain values for the templates, every figure taken as it is
from the report object (nothing counted here or in a template)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pemetaan_ksd.model import FileResult, FileStatus, Finding
from pemetaan_ksd.report import Report
from pemetaan_ksd.rules.messages import CODES
from pemetaan_ksd.status import ringkasan, status_label
from pemetaan_ksd.write.feedback_text import LABEL
from pemetaan_ksd.write.html import words
from pemetaan_ksd.write.html.charts import rekap_charts
from pemetaan_ksd.write.html.links import href
from pemetaan_ksd.write.html.status_rows import status_section
from pemetaan_ksd.write.report_json import file_to_dict

if TYPE_CHECKING:
    from pemetaan_ksd.ledger import RunRecord
    from pemetaan_ksd.merge import Konsolidasi


@dataclass(frozen=True)
class Sumber:
    """What one page is built from: the run, and the outputs written beside the page."""

    report: Report
    kons: Konsolidasi
    perintah: str  # "validasi", "gabung" or "proses"
    feedback: Mapping[str, Path] = field(default_factory=dict)  # display path -> its copy
    workbook: Path | None = None  # the consolidated workbook (gabung, proses)
    laporan: Path | None = None  # the JSON report, when one was written
    runs: Sequence[RunRecord] = ()  # proses: the ledger's last runs, newest first
    run_id: int | None = None  # proses: the run writing the page
    menunggu: Sequence[str] = ()  # proses: files still being copied
    # Issue 16's map (peta kerja sama): an inline <svg> built by the program, its text escaped;
    # the page leaves its place out while this is None.
    peta_svg: str | None = None


def build_page(src: Sumber, target: Path) -> dict[str, Any]:
    """The templates' context for the page written at `target` (links are relative to it)."""
    report, kons = src.report, src.kons
    totals = report.totals()
    anchors = {id(fr): f"berkas-{i}" for i, fr in enumerate(report.files, start=1)}
    status = ringkasan(kons.status)
    return {
        "report": report,
        "judul": f"Laporan pemeriksaan usulan kerja sama daerah {report.nama_daerah} "
                 f"tahun {report.tahun}",
        "waktu": words.waktu(report.created),
        "waktu_iso": words.iso(report.created),
        "perintah": words.PERINTAH[src.perintah],
        "vonis": verdict(report, status),
        "vonis_kelas": "buruk" if report.has_galat else "baik",
        "angka": _figures(totals.to_dict(), status),
        "keparahan": [(str(s), LABEL[s]) for s in LABEL],
        "rekon": kons.rekonsiliasi,
        "kode": report.by_code(),
        "status": status_section(kons.status, anchors),
        "ringkasan_status": status,
        "grafik": rekap_charts(kons.tables.rekap_urusan),
        "berkas": [_file(fr, anchors[id(fr)], src, target) for fr in report.files],
        "temuan_umum": [finding(f, "-") for f in report.run_findings],
        "dilewati": report.skipped,
        "keluaran": _outputs(src, target),
        "riwayat": _runs(src),
        "menunggu": list(src.menunggu),
        "peta_svg": src.peta_svg,
        "angka_fmt": words.angka,
    }


def _figures(summary: dict[str, Any], status: Mapping[str, int]) -> dict[str, int]:
    """The JSON report's `summary` (its counts flattened: `counts_galat`) and the status
    table's counts (`status_belum_mengirim`): each figure shown carries its key."""
    counts = summary.pop("counts")
    return {**summary, **{f"counts_{k}": v for k, v in counts.items()},
            **{f"status_{k}": v for k, v in status.items()}}


def verdict(report: Report, status: Mapping[str, int]) -> str:
    """The run in one sentence: whether everything can be accepted, and what is left."""
    t = report.totals()
    missing = (f"; {status['belum_mengirim']} dari {status['perangkat_daerah']} perangkat "
               "daerah belum mengirim" if status["belum_mengirim"] else "")
    if not t.files:
        return f"Belum ada berkas usulan yang diperiksa{missing}."
    if not report.has_galat:
        return (f"Semua berkas dapat diterima: {t.rows_accepted} usulan dari {t.valid} berkas "
                f"memenuhi syarat{missing}.")
    fix = [f"{t.by_status[FileStatus.TIDAK_VALID]} berkas perlu perbaikan"]
    if t.by_status[FileStatus.TIDAK_TERBACA]:
        fix.append(f"{t.by_status[FileStatus.TIDAK_TERBACA]} tidak terbaca")
    return (f"Belum semua usulan dapat diterima: {' dan '.join(fix)}, {t.rows_accepted} dari "
            f"{t.rows} usulan memenuhi syarat{missing}.")


def finding(f: Finding, whole: str = "berkas") -> dict[str, Any]:
    """One finding as the tables show it: the JSON report's fields, with words beside.
    `whole`: where a finding without a cell is (the whole file, or "-" for the run's own)."""
    data = f.to_dict()
    data["sel"] = f"{f.sheet}!{f.cell}" if f.sheet and f.cell else (f.sheet or whole)
    data["tingkat"] = LABEL[f.severity]
    data["judul"] = CODES[f.code].title
    return data


def _file(fr: FileResult, anchor: str, src: Sumber, target: Path) -> dict[str, Any]:
    entry = file_to_dict(fr)  # the JSON report's numbers for this file, exactly
    copy = src.feedback.get(fr.display_path)
    return {
        **entry,
        "anchor": anchor,
        "label": status_label(fr.status),
        "vonis": _file_verdict(fr, entry),
        "findings": [finding(f) for f in fr.findings],
        "catatan": href(copy, target) if copy is not None else None,
        "catatan_nama": copy.name if copy is not None else None,
        "buku_kerja": href(src.workbook, target) if src.workbook is not None else None,
        "tanggal_pengisian": words.waktu(fr.tanggal_pengisian)
        if fr.tanggal_pengisian is not None else None,
    }


def _file_verdict(fr: FileResult, entry: Mapping[str, Any]) -> str:
    rows, accepted = entry["rows"], entry["rows_accepted"]
    if fr.status is FileStatus.DIGANTI:
        return (f"Diganti oleh kiriman yang lebih baru ({fr.set_aside_for}); usulannya tidak "
                "dihitung.")
    if fr.status is FileStatus.TIDAK_TERBACA:
        return ("Tidak dapat dibuka sebagai buku kerja: perangkat daerah perlu mengirim ulang "
                "berkas hasil Simpan Sebagai .xlsx.")
    if fr.status is FileStatus.TIDAK_VALID and fr.file_has_galat:
        return (f"Belum dapat diterima: ada galat pada berkas secara keseluruhan, sehingga "
                f"belum satu pun dari {rows} usulan masuk.")
    if fr.status is FileStatus.TIDAK_VALID:
        return (f"Belum dapat diterima: {accepted} dari {rows} usulan memenuhi syarat, "
                f"{entry['rows_rejected']} perlu perbaikan.")
    if not rows:
        return "Dapat diterima, tetapi tidak memuat usulan."
    return f"Dapat diterima: {accepted} dari {rows} usulan memenuhi syarat."


def _outputs(src: Sumber, target: Path) -> list[dict[str, str]]:
    """The files written with the page, linked from its header."""
    out = []
    if src.workbook is not None:
        out.append({"teks": f"Buku kerja gabungan ({src.workbook.name})",
                    "href": href(src.workbook, target)})
    if src.laporan is not None:
        out.append({"teks": f"Laporan JSON ({src.laporan.name})",
                    "href": href(src.laporan, target)})
    return out


_OUTCOME = {"selesai": "selesai, keluaran diperbarui", "tanpa_perubahan": "tanpa perubahan",
            "gagal": "gagal", "dihentikan": "dihentikan", "terputus": "terputus"}


def _runs(src: Sumber) -> list[dict[str, Any]]:
    rows = []
    for r in src.runs:
        this = r.id == src.run_id
        rows.append({
            "id": r.id, "mulai": words.waktu(r.started), "selesai": words.waktu(r.ended),
            "hasil": "proses ini (menulis halaman ini)" if this
            else _OUTCOME.get(r.outcome, r.outcome.replace("_", " ")),
            "kode_keluar": "-" if r.exit_code is None else str(r.exit_code),
            "berkas": "-" if r.inputs is None else str(r.inputs),
            "diproses": "-" if r.processed is None else str(r.processed),
            "menunggu": "-" if r.waiting is None else str(r.waiting),
            "ini": this,
        })
    return rows
