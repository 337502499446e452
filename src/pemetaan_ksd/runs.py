"""What the API's commands return: a run's report and the outputs it wrote."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pemetaan_ksd.ledger import FileRecord, RunRecord
    from pemetaan_ksd.merge import Konsolidasi
    from pemetaan_ksd.report import Report
    from pemetaan_ksd.status import StatusOpd


@dataclass(kw_only=True)
class ValidationRun:
    """What `validate` found and wrote: the report, the feedback copies, the JSON report."""

    report: Report
    feedback: list[Path] = field(default_factory=list)  # empty unless feedback_dir was given
    report_path: Path | None = None  # None unless a JSON report was asked
    html: Path | None = None  # None unless an HTML report was asked

    @property
    def exit_code(self) -> int:
        return 1 if self.report.has_galat else 0


@dataclass(kw_only=True)
class MergeRun(ValidationRun):
    """What `merge` found and wrote, the consolidated workbook included."""

    konsolidasi: Konsolidasi
    output: Path


@dataclass(kw_only=True)
class StatusRun(ValidationRun):
    items: list[StatusOpd]


@dataclass(frozen=True)
class History:
    """What `riwayat` shows: the files the ledger has seen, and its last runs."""

    files: list[FileRecord]
    runs: list[RunRecord]


@dataclass(frozen=True)
class RunOptions:
    """Fixed inputs for reproducible runs (the demo and the committed examples)."""

    created: dt.datetime | None = None  # the run's time, else now
    base: Path | None = None  # display paths relative to this folder, else the current one
