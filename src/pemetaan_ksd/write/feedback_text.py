"""The words of a feedback copy: verdict, severity labels, notes (CONTRACT section 6).

Pure functions of the findings; the workbook code in feedback_sheet.py and feedback_marks.py
only places these texts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pemetaan_ksd.model import SEVERITY_ORDER, FileResult, FileStatus, Finding, Severity

NOTE_AUTHOR = "pemetaan-ksd"

# What a clerk who has never heard of "galat" reads, and the colour that goes with it.
LABEL = {
    Severity.GALAT: "Wajib diperbaiki",
    Severity.PERINGATAN: "Perlu diperiksa",
    Severity.INFO: "Untuk diketahui",
}
COLOUR_WORD = {Severity.GALAT: "merah", Severity.PERINGATAN: "kuning", Severity.INFO: "biru"}

_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember")


def indonesian_date(moment: dt.datetime) -> str:
    """`14 Februari 2025 pukul 10.32` (local time of the check)."""
    return (f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year} "
            f"pukul {moment.hour:02d}.{moment.minute:02d}")


def worst(findings: Sequence[Finding]) -> Severity:
    return min((f.severity for f in findings), key=SEVERITY_ORDER.__getitem__)


def by_severity(findings: Sequence[Finding]) -> list[Finding]:
    """Worst first; the order among equals is kept."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def note_text(findings: Sequence[Finding]) -> str:
    """The text of the note on one cell: every message, worst first."""
    ordered = by_severity(findings)
    if len(ordered) == 1:
        f = ordered[0]
        return f"{LABEL[f.severity]}:\n{f.message}"
    parts = [f"{n}. {LABEL[f.severity]}: {f.message}" for n, f in enumerate(ordered, start=1)]
    return "\n\n".join(parts)


def is_our_note(author: str | None, text: str | None) -> bool:
    """A note this program wrote (on a feedback copy that came back as a submission)."""
    if author == NOTE_AUTHOR:
        return True
    head = (text or "").lstrip()
    return any(head.startswith(f"{label}:") or head.startswith(f"1. {label}:")
               for label in LABEL.values())


@dataclass(frozen=True)
class Verdict:
    sentence: str  # the big line at the top
    detail: str | None  # which usulan enter, which do not
    accepted: bool  # colour of the verdict: True green, False red


def opd_words(fr: FileResult, nama: str | None) -> str:
    return f"Usulan {nama}" if nama else "Usulan dalam berkas ini"


def verdict(fr: FileResult, nama: str | None) -> Verdict:
    """The verdict at the top of the copy, in the words of CONTRACT section 6."""
    counts = fr.counts()
    if fr.status is FileStatus.DIGANTI:
        return Verdict(
            f"Berkas ini diganti oleh kiriman yang lebih baru ({fr.set_aside_for}), sehingga "
            "usulannya tidak dihitung. Temuan di bawah hanya untuk diketahui; yang dinilai "
            "adalah berkas yang lebih baru.", None, True)
    if fr.status is FileStatus.TIDAK_TERBACA:
        return Verdict(
            "Berkas ini belum dapat diperiksa karena tidak dapat dibuka sebagai buku kerja. "
            "Simpan ulang usulan sebagai .xlsx dari Excel atau LibreOffice (menu Simpan "
            "Sebagai), lalu kirim ulang.", None, False)
    if fr.status is FileStatus.TIDAK_VALID:
        return Verdict(
            f"{opd_words(fr, nama)} belum dapat diterima: {counts['galat']} isian perlu "
            "diperbaiki (sel berwarna merah). Perbaiki, simpan, lalu kirim ulang berkas ini.",
            _rows_detail(fr), False)
    if not fr.rows:
        return Verdict(
            "Berkas ini tidak memuat usulan. Bila perangkat daerah memang tidak mengusulkan "
            "kerja sama, tidak ada yang perlu dilakukan; bila ada, isi lembar Usulan lalu "
            "kirim ulang berkas ini.", None, True)
    return Verdict("Semua usulan dapat diterima." + _notes_tail(counts), None, True)


def _notes_tail(counts: dict[str, int]) -> str:
    parts = []
    if counts["peringatan"]:
        parts.append(f"{counts['peringatan']} peringatan (sel berwarna kuning) perlu diperiksa")
    if counts["info"]:
        parts.append(f"{counts['info']} catatan (sel berwarna biru) untuk diketahui")
    if not parts:
        return " Tidak ada catatan."
    return " " + " dan ".join(parts) + "."


def _rows_detail(fr: FileResult) -> str | None:
    """Which usulan enter the list and which go back, when the file itself is sound."""
    if not fr.rows:
        return None
    if fr.file_has_galat:
        return (f"Karena ada kesalahan pada berkas secara keseluruhan, belum satu pun dari "
                f"{len(fr.rows)} usulan dapat diterima.")
    rejected = [r.excel_row for r in fr.rejected_rows]
    accepted = len(fr.rows) - len(rejected)
    if not rejected:
        return None
    rows = _row_list(rejected)
    if accepted == 0:
        return (f"Belum satu pun dari {len(fr.rows)} usulan dapat diterima ({rows} lembar "
                "Usulan).")
    return (f"{accepted} dari {len(fr.rows)} usulan sudah dapat diterima; {len(rejected)} "
            f"usulan ({rows} lembar Usulan) perlu diperbaiki dan dikirim ulang.")


def _row_list(rows: list[int], limit: int = 12) -> str:
    """`baris 9`, `baris 9 dan 12`, `baris 7, 9 dan 12`, with the rest counted past `limit`."""
    shown = [str(r) for r in rows[:limit]]
    if len(rows) > limit:
        return f"baris {', '.join(shown)} dan {len(rows) - limit} baris lainnya"
    if len(shown) == 1:
        return f"baris {shown[0]}"
    return f"baris {', '.join(shown[:-1])} dan {shown[-1]}"


def counts_lines(fr: FileResult) -> list[tuple[Severity, str]]:
    """(severity, "14 isian (sel berwarna merah)") for the count block."""
    counts = fr.counts()
    noun = {Severity.GALAT: "isian", Severity.PERINGATAN: "isian", Severity.INFO: "catatan"}
    return [(s, f"{counts[str(s)]} {noun[s]} (sel berwarna {COLOUR_WORD[s]})") for s in Severity]


HOW_TO = (
    "Cara membaca salinan ini: sel berwarna merah wajib diperbaiki; sel berwarna kuning perlu "
    "diperiksa; sel berwarna biru hanya untuk diketahui. Arahkan tetikus ke sel berwarna untuk "
    "membaca catatannya. Klik tautan di kolom Sel pada daftar di bawah untuk melompat ke selnya."
)


def send_back(original_name: str, must_fix: bool) -> str:
    """How to return the corrected file (its name must not keep `.catatan`)."""
    stem = original_name.rsplit(".", 1)[0] if "." in original_name else original_name
    how = (f"simpan berkas ini sebagai .xlsx dengan nama semula, misalnya {stem}.xlsx (tanpa "
           "kata \"catatan\"), lalu kirim ulang.")
    if must_fix:
        return (f"Setelah diperbaiki, {how} Lembar Catatan Validasi ini boleh dibiarkan; "
                "lembar ini tidak ikut diperiksa.")
    return f"Berkas ini tidak perlu dikirim ulang. Bila Anda tetap mengubah isinya, {how}"


def rebuilt_note(suffix: str) -> str:
    """Said on a copy rebuilt from a .xls/.ods file (or an .xlsx that could not be marked)."""
    if suffix in (".xls", ".ods"):
        why = (f"berkas yang dikirim berformat {suffix}, yang tidak dapat diberi warna dan "
               "catatan secara langsung")
    else:
        why = "susunan berkas yang dikirim tidak dapat diberi warna dan catatan secara langsung"
    return (
        f"Salinan ini disusun ulang karena {why}. Isi setiap sel disalin ke templat yang "
        "berlaku pada alamat sel yang sama, sehingga alamat sel pada daftar di bawah tetap "
        "sesuai; rumus dan format asli tidak ikut tersalin. Perbaiki isian pada salinan ini, "
        "lalu kirim ulang sebagai .xlsx."
    )

UNREADABLE = (
    "Berkas yang dikirim tidak dapat dibuka, sehingga salinan ini hanya memuat catatan di bawah."
)

CHANGED = (
    "Perhatian: berkas asli telah berubah sejak diperiksa. Alamat sel pada daftar di bawah "
    "mengacu pada isi berkas saat diperiksa."
)
