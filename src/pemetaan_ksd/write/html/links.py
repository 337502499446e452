"""Links from the page to the files written beside it: relative, so that a folder copied or
shared as a whole keeps them working."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


def href(target: Path, page: Path) -> str:
    """The link from `page` to `target`: a relative URL (each part percent-encoded: spaces,
    `#`, non-ASCII names), or a file URL when no relative path exists (another drive)."""
    target, folder = Path(os.path.abspath(target)), Path(os.path.abspath(page)).parent
    try:
        relative = os.path.relpath(target, folder)
    except ValueError:  # Windows: another drive
        return target.as_uri()
    return "/".join(quote(part, safe="") for part in Path(relative).parts)
