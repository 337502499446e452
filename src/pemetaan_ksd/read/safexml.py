"""defusedxml's ElementTree (no entity expansion, no external entities), typed loosely.

defusedxml ships no type hints and its stub package is not among the test dependencies, so the
module is imported by name here, once, instead of silencing mypy at each use.
"""

from __future__ import annotations

import importlib
from typing import Any
from xml.etree.ElementTree import ParseError

ElementTree: Any = importlib.import_module("defusedxml.ElementTree")

__all__ = ["ElementTree", "ParseError"]
