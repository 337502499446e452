"""The map as a PNG, for the workbook: rendered by resvg (resvg-py), loaded on first use.

resvg draws the SVG itself, so the picture in the workbook is the one in the HTML report. It
comes as one wheel without dependencies for Windows, macOS and Linux (abi3, 1.2-1.6 MB), and
finds the fonts of the system (Arial on Windows; Liberation Sans or DejaVu Sans on Linux).
"""

from __future__ import annotations

ZOOM = 2.0  # rendered at twice its size, shown at half: sharp in print


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
