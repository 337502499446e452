"""The packaged reference files (written by scripts/convert_reference.py)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@cache
def sumber() -> dict[str, Any]:
    """What each packaged file reflects: instrument, source file and its sha256."""
    data: dict[str, Any] = json.loads(read_text("sumber.json"))
    return data
