"""The map as a PNG, for the workbook: rendered by resvg (resvg-py), loaded on first use.

resvg draws the SVG itself, so the picture in the workbook is the one in the HTML report. It
comes as one wheel without dependencies for Windows, macOS and Linux (abi3, 1.2-1.6 MB), and
finds the fonts of the system (Arial on Windows; Liberation Sans or DejaVu Sans on Linux).

`Rendering` draws it in another process while the workbook's sheets are written: resvg takes
0.6 s and holds the GIL all along (measured with a spinning thread), so a thread would not
run beside it.
"""

from __future__ import annotations

import signal
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor

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
    """The PNG of `svg`, being rendered in another process from the moment this is made."""

    def __init__(self, svg: str) -> None:
        self._pool = ProcessPoolExecutor(max_workers=1, initializer=_ignore_signals)
        self._future = self._pool.submit(_render, svg)

    def png(self) -> bytes:
        """The PNG bytes, once rendered; PetaError when they could not be made."""
        try:
            return self._future.result()
        except BrokenExecutor as exc:
            raise PetaError("proses penggambar peta berhenti sebelum selesai") from exc

    def close(self) -> None:
        """Stop waiting: the process ends (at once when it had not begun)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def _render(svg: str) -> bytes:
    return render(svg)  # looked up here, in the other process: a test may replace it


def _ignore_signals() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)  # the parent stops the run (interrupt.py)
