"""Ctrl-C and SIGTERM as an exception the run can clean up after (CONTRACT section 4).

`signals_raise()` (the CLI) turns SIGINT and SIGTERM into `Interrupted`, which unwinds through
every `finally` and removes the temporary files of unfinished outputs. `deferred()` holds a
signal back while outputs are put in place, so that a run is replaced whole or not at all.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_HANDLED = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None))
                 if s is not None)


class _State:
    depth = 0  # how many deferred() blocks are open
    pending: int | None = None  # a signal that arrived inside one


_state = _State()


class Interrupted(BaseException):
    """The run was stopped by a signal; a BaseException so that `except Exception` lets it by."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum  # 130 for SIGINT, 143 for SIGTERM, as shells report them


def _handler(signum: int, frame: FrameType | None) -> None:
    if _state.depth > 0:
        _state.pending = signum
        return
    raise Interrupted(signum)


@contextmanager
def signals_raise() -> Iterator[None]:
    """While inside, SIGINT and SIGTERM raise Interrupted (main thread only; else no change)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in _HANDLED}
    for s in _HANDLED:
        signal.signal(s, _handler)
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)


@contextmanager
def deferred() -> Iterator[None]:
    """A signal arriving inside is raised only on leaving, after the block has finished."""
    _state.depth += 1
    try:
        yield
    finally:
        _state.depth -= 1
        pending = _state.pending
        if _state.depth == 0 and pending is not None:
            _state.pending = None
            raise Interrupted(pending)
