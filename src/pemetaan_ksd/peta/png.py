"""The map as a PNG, for the workbook: rendered by resvg (resvg-py), loaded on first use.

resvg draws the SVG itself, so the picture in the workbook is the one in the HTML report. It
comes as one wheel without dependencies for Windows, macOS and Linux (abi3, 1.2-1.6 MB), and
finds the fonts of the system (Arial on Windows; Liberation Sans or DejaVu Sans on Linux).

`Rendering` draws it in another process while the workbook's sheets are written: resvg takes
0.45 s and holds the GIL all along (measured with a spinning thread), so a thread would not
run beside it.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pemetaan_ksd.peta import Peta

# Rendered at 1.5 times its size and shown at its own: about 290 dpi on the printed page (the
# map is printed some 13 cm wide), as sharp as print needs. Twice took 0.6 s against 0.45 s.
ZOOM = 1.5


class PetaError(Exception):
    """The picture could not be made (renderer missing or failing)."""


def render(svg: str, zoom: float = ZOOM) -> bytes:
    """PNG bytes of `svg`; PetaError when there is no renderer or it fails."""
    try:
        import resvg_py
    except ImportError as exc:  # pragma: no cover - a dependency; kept for broken installs
        raise PetaError("pustaka resvg-py tidak terpasang") from exc
    try:
        data = resvg_py.svg_to_bytes(svg_string=svg, zoom=zoom, background="#ffffff")
    except (ValueError, RuntimeError, OSError) as exc:
        raise PetaError(f"resvg gagal menggambar peta: {exc}") from exc
    return bytes(data)


class Rendering:
    """The PNG of `svg`, being rendered by a child process from the moment this is made.

    The child is forked (Linux; elsewhere the picture is rendered when asked) and ends as
    soon as the picture is written: while a forked child lives, every page either process
    writes is copied, and a pool's idle worker kept for the whole workbook cost 110 MiB for
    1,000 files (tree PSS), 700 MiB for 10,000.
    """

    def __init__(self, svg: str) -> None:
        self._svg, self._pid, self._path = svg, 0, ""
        if not sys.platform.startswith("linux"):
            return
        import resvg_py  # noqa: F401 - loaded here, so that the child only renders

        fd, self._path = tempfile.mkstemp(prefix="pemetaan-ksd-", suffix=".png")
        self._pid = os.fork()
        if self._pid == 0:  # the child: its exit skips flushing the parent's open files
            code = 1
            try:
                for signum in (signal.SIGINT, signal.SIGTERM):
                    signal.signal(signum, signal.SIG_IGN)  # the parent stops the run
                try:
                    data, code = render(svg), 0
                except PetaError as exc:
                    data, code = str(exc).encode("utf-8"), 2
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
            finally:
                os._exit(code)
        os.close(fd)

    def png(self) -> bytes:
        """The PNG bytes, once rendered; PetaError when they could not be made."""
        if not self._path:
            return render(self._svg)
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        code = os.waitstatus_to_exitcode(status)
        data = Path(self._path).read_bytes()
        if code == 2:
            raise PetaError(data.decode("utf-8", "replace"))
        if code != 0:
            raise PetaError(f"proses penggambar peta berhenti sebelum selesai ({code})")
        return data

    def close(self) -> None:
        """Stop the child if it still runs (an interrupted run); remove its file."""
        if self._pid:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = 0
        if self._path:
            Path(self._path).unlink(missing_ok=True)


@dataclass
class PendingMap:
    """The map of a workbook, its picture being rendered while the sheets are written."""

    peta: Peta
    rendering: Rendering | None  # None: no picture to draw

    def close(self) -> None:
        if self.rendering is not None:
            self.rendering.close()


def start(peta: Peta) -> PendingMap:
    """The picture of `peta`, rendered by a child process from now on (when there is one)."""
    return PendingMap(peta, Rendering(peta.svg) if peta.svg is not None else None)
