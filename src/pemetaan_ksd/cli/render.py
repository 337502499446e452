"""Everything the terminal shows. The only module that imports rich."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.markup import escape as escape_markup
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.table import Table
from rich.text import Text

from pemetaan_ksd.api import (
    FileResult,
    FileStatus,
    Finding,
    Langkah,
    Report,
    Severity,
    StatusKirim,
    StatusOpd,
    belum_mengirim,
    ringkasan,
    status_banner,
    status_label,
)
from pemetaan_ksd.cli import texts
from pemetaan_ksd.cli.inert import inert, inert_json, inert_lines

if TYPE_CHECKING:
    from pemetaan_ksd.api import BatchRun, History

_WIDTH_WHEN_PIPED = 120
SEVERITY_STYLE = {Severity.GALAT: "bold red", Severity.PERINGATAN: "yellow", Severity.INFO: "cyan"}
STATUS_STYLE_OF_FILE = {FileStatus.VALID: "bold green", FileStatus.TIDAK_VALID: "bold red",
                        FileStatus.TIDAK_TERBACA: "bold red", FileStatus.DIGANTI: "bold"}


def _console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    # A pipe or a log file gets a fixed width, unless COLUMNS says otherwise.
    width = None if stream.isatty() or "COLUMNS" in os.environ else _WIDTH_WHEN_PIPED
    return Console(file=stream, width=width, highlight=False, soft_wrap=False)


def safe(text: str) -> str:
    """Text the program did not write itself (a cell, a message quoting one, a file or sheet
    name), for rich markup: shown inert (cli/inert.py) and never read as markup."""
    return escape_markup(inert(text))


def safe_lines(text: str) -> str:
    """A sentence of the program that may quote such text: the same, its line breaks kept."""
    return escape_markup(inert_lines(text))


def out(text: str = "") -> None:
    _console().print(safe_lines(text))


def plain(text: str) -> None:
    """Machine output (JSON): no markup, no wrapping; controls a terminal acts on are JSON
    escapes (the same values)."""
    text = inert_json(text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def note(text: str) -> None:
    """A remark for the user on stderr, so stdout stays clean for --format json."""
    _console(stderr=True).print(f"[dim]{safe_lines(text)}[/dim]")


def error(text: str) -> None:
    """One message on stderr, never wrapped: a log file keeps it on one line."""
    _console(stderr=True).print(f"[bold red]Galat:[/bold red] {safe_lines(text)}", soft_wrap=True)


def flow() -> None:
    """What the program does, in a few lines, for a user who typed no command."""
    c = _console()
    c.print(
        "[bold]pemetaan-ksd[/bold]: pemeriksaan dan penggabungan usulan kerja sama daerah "
        "(PP 28/2018, Permendagri 22/2020).\n"
    )
    table = Table(show_header=False, box=None, padding=(0, 2))
    for i, (cmd, what) in enumerate(texts.FLOW_STEPS, 1):
        table.add_row(f"{i}.", f"[cyan]{safe(cmd)}[/cyan]", what)
    c.print(table)
    c.print("\nIngin melihat semuanya sekaligus? [cyan]pemetaan-ksd demo[/cyan]")
    c.print("Bantuan setiap perintah: [cyan]pemetaan-ksd PERINTAH --help[/cyan]")


def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    t = Table(title=title, title_justify="left", show_lines=False, box=box.SIMPLE_HEAD)
    for h in headers:
        t.add_column(h, overflow="fold")
    for row in rows:
        t.add_row(*(safe(str(v)) for v in row))
    _console().print(t)


def report(rep: Report, every: bool = True) -> None:
    """The terminal report of a validation run: one block per file with `every` finding, else
    a line per file and the counts per code; then the summary."""
    c = _console()
    c.print(
        f"[bold]Pemeriksaan usulan kerja sama daerah {safe(rep.nama_daerah)} "
        f"tahun {rep.tahun}[/bold]"
    )
    c.print(f"[dim]Nomenklatur: {safe(rep.nomenklatur)} · Profil: {safe(rep.profil)}[/dim]\n")
    if every:
        for fr in rep.files:
            _file_block(c, fr)
        if rep.run_findings:
            _findings_table(c, rep.run_findings, "Catatan lain")
    else:
        c.print(Text("\n").join(_file_line(fr) for fr in rep.files), soft_wrap=True)
        c.print()
        _codes_table(c, rep)
    for item in rep.skipped:
        c.print(f"[dim]Dilewati:[/dim] {safe(item.path)} ({safe(item.reason)})")
    c.print(summary_line(rep))


def summary_line(rep: Report) -> Text:
    t = rep.totals()
    counts = t.counts
    text = Text()
    text.append("Ringkasan: ", style="bold")
    text.append(f"{t.files} berkas, {t.valid} dapat diterima")
    if t.by_status[FileStatus.DIGANTI]:
        text.append(f", {t.by_status[FileStatus.DIGANTI]} diganti kiriman yang lebih baru")
    text.append(f"; {t.rows} usulan: {t.rows_accepted} diterima, {t.rows_rejected} perlu perbaikan")
    if t.rows_not_usulan:
        text.append(f"; {t.rows_not_usulan} baris bukan usulan disisihkan")
    if t.rows_replaced:
        text.append(f"; {t.rows_replaced} baris dari berkas yang diganti")
    for i, severity in enumerate(Severity):  # galat, peringatan, info
        text.append(", " if i else "; ")
        text.append(f"{counts[severity]} {severity}", style=SEVERITY_STYLE[severity])
    text.append(".")
    return text


def _file_line(fr: FileResult) -> Text:
    """One file in a line: verdict, path, OPD, usulan and findings."""
    label, style = status_banner(fr.status), STATUS_STYLE_OF_FILE[fr.status]
    counts = fr.counts()
    who = f" · {inert(fr.nama_opd)}" if fr.nama_opd else ""
    return Text.assemble(
        (f"{label} ", style), (inert(fr.display_path), "bold"), who,
        f" · {len(fr.rows)} usulan, {len(fr.accepted_rows)} diterima · {counts['galat']} galat, "
        f"{counts['peringatan']} peringatan, {counts['info']} info")


def _codes_table(c: Console, rep: Report) -> None:
    t = Table(title="Temuan per kode", title_justify="left", box=box.SIMPLE_HEAD)
    for header in ("Kode", "Tingkat", "Jumlah", "Berkas", "Keterangan"):
        t.add_column(header, no_wrap=header != "Keterangan", overflow="fold")
    for item in rep.by_code():
        t.add_row(item.code, Text(str(item.severity), style=SEVERITY_STYLE[item.severity]),
                  str(item.findings), str(item.files or "-"), safe(item.title))
    c.print(t)


def _file_block(c: Console, fr: FileResult) -> None:
    label, style = status_banner(fr.status), STATUS_STYLE_OF_FILE[fr.status]
    counts = fr.counts()
    who = f" · {inert(fr.nama_opd)}" if fr.nama_opd else ""
    c.print(Text.assemble((f"{label} ", style), (inert(fr.display_path), "bold"), who))
    if not fr.in_use:
        c.print(f"  Diganti oleh {safe(fr.set_aside_for or '')}: {len(fr.rows)} usulan di "
                "berkas ini tidak dihitung dan temuannya hanya untuk diketahui.")
    bukan = f", {fr.rows_not_usulan} baris bukan usulan" if fr.rows_not_usulan else ""
    c.print(
        f"  {len(fr.rows)} usulan ({len(fr.accepted_rows)} diterima, "
        f"{len(fr.rejected_rows)} perlu perbaikan{bukan}); {counts['galat']} galat, "
        f"{counts['peringatan']} peringatan, {counts['info']} info"
    )
    if fr.findings:
        _findings_table(c, fr.findings)
    c.print()


def _findings_table(c: Console, findings: Sequence[Finding], title: str | None = None) -> None:
    t = Table(title=title, box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False, expand=False)
    t.add_column("Sel", no_wrap=True)
    t.add_column("Kode", no_wrap=True)
    t.add_column("Tingkat", no_wrap=True)
    t.add_column("Kolom", overflow="fold", max_width=22)
    t.add_column("Pesan", overflow="fold", ratio=1)
    for f in findings:
        where = f"{f.sheet}!{f.cell}" if f.cell and f.sheet else (f.cell or "berkas")
        t.add_row(safe(where), f.code, Text(str(f.severity), style=SEVERITY_STYLE[f.severity]),
                  safe(f.column or ""), safe(f.message))
    c.print(t)


STATUS_STYLE = {StatusKirim.VALID: "green", StatusKirim.TIDAK_VALID: "red",
                StatusKirim.TIDAK_TERBACA: "red", StatusKirim.BELUM_MENGIRIM: "yellow"}


def status_table(items: Sequence[StatusOpd], nama_daerah: str, tahun: int) -> None:
    c = _console()
    t = Table(title=f"Status pengumpulan usulan {safe(nama_daerah)} tahun {tahun}",
              title_justify="left", box=box.SIMPLE_HEAD)
    t.add_column("Kode", no_wrap=True)
    t.add_column("Perangkat Daerah", ratio=2)
    for header in ("Status", "Waktu", "Usulan", "Galat"):
        t.add_column(header, no_wrap=True)
    t.add_column("Berkas", ratio=2, overflow="fold")
    for item in items:
        waktu = item.waktu.strftime("%d-%m-%Y") if item.waktu is not None else "-"
        nama = item.nama if item.dalam_profil else f"{item.nama} (tidak ada di profil)"
        t.add_row(
            safe(item.kode or "-"),
            safe(nama),
            Text(item.status.label, style=STATUS_STYLE[item.status]),
            waktu,
            f"{item.rows_accepted}/{item.rows}" if item.terkirim else "-",
            str(item.counts["galat"]) if item.terkirim else "-",
            "\n".join(safe(Path(b).name) for b in item.berkas) or "-",
        )
    c.print(t)
    c.print(texts.status_sentence(ringkasan(list(items))))
    missing = belum_mengirim(list(items))
    if missing:
        c.print(f"[yellow]Belum mengirim ({len(missing)}):[/yellow] "
                + safe(", ".join(m.nama for m in missing)))


def merge_summary(rekon: dict[str, int], tahun: int, output: object) -> None:
    c = _console()
    c.print(f"\n[bold]Daftar rencana tahun {tahun}[/bold] ditulis ke {safe(str(output))}")
    c.print(texts.rekonsiliasi(rekon, tahun))


def batch_run(run: BatchRun, keluar: Path) -> None:
    """One run of `proses`: a line per file, the totals, and where the outputs are."""
    c = _console()
    for item in run.outcomes:
        status = f" · {status_label(FileStatus(item.status))}" if item.status else ""
        c.print(f"  {safe(item.path)}: {texts.STATE_WORDS[item.state]}{safe(status)}")
    c.print(summary_line(run.report))
    counts = (f"{run.count('diproses')} diproses, {run.count('tetap')} tidak berubah, "
              f"{run.count('menunggu')} menunggu")
    if run.outputs:
        c.print(f"Proses {run.run_id}: {counts}. Keluaran diperbarui di {safe(str(keluar))}.")
    else:
        c.print(f"Proses {run.run_id}: {counts}. Tidak ada yang berubah; keluaran tetap.")


def batch_lines(run: BatchRun) -> None:
    """`proses --pantau`: one line for each file processed in this round."""
    c = _console()
    for item in run.outcomes:
        if item.state == "diproses" and item.status:
            stamp = run.report.created.strftime("%H:%M:%S")
            c.print(f"{stamp} {safe(item.path)}: {status_label(FileStatus(item.status))}")


def history(h: History, kode_opd: str | None) -> None:
    """`riwayat`: the files each OPD sent, newest first, then the last runs."""
    c = _console()
    title = "Riwayat kiriman" + (f" perangkat daerah {kode_opd}" if kode_opd else "")
    t = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    for header in ("Kode", "Perangkat Daerah", "Berkas", "Pertama", "Terakhir", "Status",
                   "Galat", "Usulan"):
        t.add_column(header, overflow="fold")
    for f in h.files:
        t.add_row(safe(f.kode_opd or "-"), safe(f.nama_opd or "-"), safe(f.path),
                  texts.when(f.first_seen), texts.when(f.last_seen), status_label(f.status),
                  str(f.galat), f"{f.rows_accepted}/{f.rows}")
    c.print(t)
    runs = Table(title="Proses terakhir", title_justify="left", box=box.SIMPLE_HEAD)
    for header in ("No", "Mulai", "Selesai", "Hasil", "Kode Keluar", "Berkas", "Diproses",
                   "Menunggu"):
        runs.add_column(header, no_wrap=True)
    for r in h.runs:
        runs.add_row(str(r.id), texts.when(r.started), texts.when(r.ended),
                     r.outcome.replace("_", " "),
                     *(texts.number(n) for n in (r.exit_code, r.inputs, r.processed, r.waiting)))
    c.print(runs)


def langkah(step: Langkah, folder: Path) -> None:
    """One step of the demo: what it does, what the law asks, what it found, what to open."""
    c = _console()
    c.rule(f"[bold]Langkah {step.nomor}. {safe(step.judul)}[/bold]", align="left")
    c.print(safe_lines(step.apa))
    c.print(f"[dim]Dasar hukum:[/dim] {safe_lines(step.hukum)}")
    for line in step.temuan:
        c.print(f"  [cyan]•[/cyan] {safe_lines(line)}")
    if step.buka:
        c.print("[bold]Buka:[/bold] " + ", ".join(safe(str(folder / b)) for b in step.buka))
    c.print()


def prompt(text: str) -> None:
    _console().print(f"[dim]{safe_lines(text)}[/dim]", end="")


class ProgressBar:
    """A progress callback over a whole run (checking, feedback copies, workbook): a bar on
    stderr for runs over more than a handful of files, only when stderr is a terminal (never
    in JSON output or a log file)."""

    HANDFUL = 5

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._bar: Progress | None = None
        self._tasks: dict[str, TaskID] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or (self._bar is None and total <= self.HANDFUL):
            return
        if self._bar is None:
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=_console(stderr=True),
                transient=True,
            )
            self._bar.start()
        label = str(stage)
        if label not in self._tasks:
            for task in self._tasks.values():
                self._bar.update(task, visible=False)
            self._tasks[label] = self._bar.add_task(label, total=total)
        self._bar.update(self._tasks[label], completed=done, total=total)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
            self._tasks.clear()
