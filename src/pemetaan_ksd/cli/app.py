"""The command line: wiring, global options, and the exit codes of the contract."""

from __future__ import annotations

import atexit
import gc
import inspect
import io
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

import pemetaan_ksd
from pemetaan_ksd.api import Interrupted, UsageError, signals_raise
from pemetaan_ksd.cli import cmd_demo, cmd_periksa, cmd_profil, cmd_proses, i18n
from pemetaan_ksd.cli.i18n import ClickUsageError
from pemetaan_ksd.cli.inert import inert_lines
from pemetaan_ksd.cli.lazy import lazy

if TYPE_CHECKING:
    from pemetaan_ksd.cli import render
else:
    render = lazy("pemetaan_ksd.cli.render")

EXIT_OK, EXIT_GALAT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
LOG_NAME = "pemetaan-ksd-galat.log"
STOPPED = "Dihentikan: tidak ada keluaran yang diganti; berkas sementara sudah dihapus."

i18n.install()
app = typer.Typer(
    name="pemetaan-ksd",
    cls=i18n.IndonesianGroup,
    help="Pemeriksaan dan penggabungan usulan pemetaan kerja sama daerah "
    "(PP 28/2018, Permendagri 22/2020).",
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}


def _versi(value: bool) -> None:
    if value:
        render.plain(f"pemetaan-ksd {pemetaan_ksd.__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    versi: Annotated[
        bool,
        typer.Option(
            "--versi", help="Tampilkan versi program lalu keluar.", callback=_versi, is_eager=True
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Tampilkan rincian teknis bila terjadi kesalahan.")
    ] = False,
) -> None:
    """Pemeriksaan dan penggabungan usulan pemetaan kerja sama daerah."""
    _state["debug"] = debug
    if ctx.invoked_subcommand is None:
        render.flow()


COMMANDS: dict[str, Callable[..., object]] = {
    "init": cmd_profil.init,
    "template": cmd_profil.template,
    "validasi": cmd_periksa.validasi,
    "gabung": cmd_periksa.gabung,
    "status": cmd_periksa.status,
    "proses": cmd_proses.proses,
    "riwayat": cmd_proses.riwayat,
    "demo": cmd_demo.demo,
    "referensi": cmd_profil.referensi,
}


def _paragraphs(doc: str | None) -> str:
    """A docstring as help text: lines of one paragraph joined, paragraphs kept apart."""
    blocks = inspect.cleandoc(doc or "").split("\n\n")
    return "\n\n".join(" ".join(block.split()) for block in blocks)


def _register() -> None:
    for name, function in COMMANDS.items():
        app.command(name, cls=i18n.IndonesianCommand, help=_paragraphs(function.__doc__))(function)


_register()


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the app and turns every outcome into the contract's exit code.

    A command runs once and its results live until it ends, so the cycle collector is off:
    its passes over the millions of objects of a large run cost 1.5 s of 16 in `gabung` of
    1,000 files (the long `pantau` collects between rounds, batch.watch). At the end the
    streams are flushed and the exit handlers run, then the process leaves without freeing
    each object one by one (another second there)."""
    gc.disable()
    _utf8_when_redirected()
    code = run(argv)
    _leave(code)


def _leave(code: int) -> None:
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: nothing more can be said anyway
        pass
    atexit._run_exitfuncs()
    os._exit(code)


def _utf8_when_redirected() -> None:
    """A pipe or file gets UTF-8 (JSON readers expect it; Windows would use its code page)."""
    for stream in (sys.stdout, sys.stderr):
        if not stream.isatty() and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")


def run(argv: list[str] | None = None) -> int:
    command = typer.main.get_command(app)
    try:
        with signals_raise():
            result = command.main(args=argv, prog_name="pemetaan-ksd", standalone_mode=False)
    except Interrupted as exc:
        render.error(STOPPED)
        return exc.exit_code
    except ClickUsageError as exc:
        message, path = i18n.usage_error_text(exc)
        render.error(message)
        render.note(f"Lihat bantuan: {path or 'pemetaan-ksd'} --help")
        return EXIT_USAGE
    except UsageError as exc:  # every kind of wrong use, an output that cannot be written too
        render.error(str(exc))
        return EXIT_USAGE
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        render.error("Dibatalkan.")
        return EXIT_USAGE
    except Exception as exc:  # a fault of ours: short message, details in a log file
        stopped = _interrupted_within(exc)
        if stopped is not None:
            render.error(STOPPED)
            return stopped.exit_code
        return _internal_fault()
    return int(result) if isinstance(result, int) else EXIT_OK


def _interrupted_within(exc: BaseException) -> Interrupted | None:
    """The signal behind `exc`: a library that catches everything (openpyxl's descriptors:
    a bare `except:`) turns the Interrupted raised inside it into an error of its own."""
    seen: set[int] = set()
    found: BaseException | None = exc
    while found is not None and id(found) not in seen:
        if isinstance(found, Interrupted):
            return found
        seen.add(id(found))
        found = found.__cause__ or found.__context__
    return None


def _internal_fault() -> int:
    # A traceback may quote a file's content (a value, a sheet or file name): shown inert, line
    # breaks kept, on the screen and in the log an analyst is asked to open.
    details = inert_lines(traceback.format_exc())
    if _state["debug"]:
        sys.stderr.write(details)
    log = Path(tempfile.gettempdir()) / LOG_NAME
    try:
        log.write_text(details, encoding="utf-8")
        where = f"Rinciannya ditulis ke {log}."
    except OSError:
        where = "Jalankan lagi dengan --debug untuk melihat rinciannya."
    render.error(
        "Terjadi kesalahan di dalam program (bukan kesalahan berkas Anda). "
        f"{where} Mohon kirimkan rincian itu kepada pengelola program."
    )
    return EXIT_INTERNAL
