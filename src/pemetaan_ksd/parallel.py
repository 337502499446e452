"""Reading and checking many files over every core: a process pool for many, none for few.

Each worker reads and checks whole files and sends back only their results (findings and
normalised usulan, not the cells read). The parent keeps the order of the inputs, reports
progress, and alone handles Ctrl-C and SIGTERM: workers ignore them, and an interrupted run
cancels what has not started and waits for the few files under way.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pemetaan_ksd.model import FileResult
from pemetaan_ksd.read import read_submission
from pemetaan_ksd.rules.context import Context

MIN_FILES_PER_WORKER = 8  # below this a worker costs more to start than it saves
CHUNK = 4  # files per task: few enough to share the work evenly, enough to batch the sending

_context: Context | None = None  # each worker's copy of the run's context


def workers_for(count: int) -> int:
    """How many processes to use for `count` files: every core when there is work for each."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, count // MIN_FILES_PER_WORKER))


def check_file(path: Path, shown: str, ctx: Context) -> FileResult | str:
    """The result of one file, or why it is not judged (one of the program's own outputs)."""
    from pemetaan_ksd.validate import check_submission, own_output

    sub = read_submission(path)
    reason = own_output(sub)
    return reason if reason is not None else check_submission(sub, ctx, shown)


def _start_worker(ctx: Context) -> None:
    global _context
    _context = ctx
    gc.enable()  # off in the parent (cli/app.main); a worker's objects die with each file
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)  # the parent stops the run, and the pool


def _in_worker(item: tuple[Path, str]) -> FileResult | str:
    assert _context is not None
    return check_file(item[0], item[1], _context)


def check_files(items: Sequence[tuple[Path, str]], ctx: Context,
                meanwhile: Callable[[int], object] | None = None) -> Iterator[FileResult | str]:
    """check_file of each (path, shown), in order, over as many processes as pay off.

    `meanwhile(len(items))` is called in this process once the workers are at work (after
    they are forked: it may import modules or start threads), e.g. to load what the run needs
    next; not at all when this process reads the files itself.
    """
    workers = workers_for(len(items))
    if workers == 1:
        for path, shown in items:
            yield check_file(path, shown, ctx)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(ctx,))
    try:
        results = pool.map(_in_worker, items, chunksize=CHUNK)  # every worker forked here
        if meanwhile is not None:
            meanwhile(len(items))
        yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
