"""What the demo says at each step: plain data, light to import (the CLI's help needs it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_FOLDER = Path("demo-pemetaan-ksd")
JUMLAH_LANGKAH = 7


@dataclass(frozen=True)
class Langkah:
    """One step of the demo, as a trainer would present it."""

    nomor: int
    judul: str
    apa: str  # what the step does
    hukum: str  # what the law asks
    temuan: list[str] = field(default_factory=list)  # what it found
    buka: list[str] = field(default_factory=list)  # which files to open next (relative)
