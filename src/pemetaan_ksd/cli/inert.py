"""Text from outside the program made inert for the terminal, without rich (render.py uses it).

The helpers live in the core (pemetaan_ksd/inert.py), which proses.log uses too; here they are
the CLI's own names. Rich markup in such text is escaped by render.py, so `[bold]` in a cell
shows as `[bold]`.
"""

from __future__ import annotations

from pemetaan_ksd import inert as _core

BIDI_CONTROLS = _core.BIDI_CONTROLS
code_of = _core.code_of
inert = _core.inert
inert_lines = _core.inert_lines
inert_json = _core.inert_json

__all__ = ["BIDI_CONTROLS", "code_of", "inert", "inert_json", "inert_lines"]
