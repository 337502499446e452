"""pemetaan-ksd: pemeriksaan dan penggabungan usulan pemetaan kerja sama daerah."""

from __future__ import annotations

from functools import cache


@cache
def _version() -> str:
    # Looked up on first use, not at import: importlib.metadata costs every command ~20 ms.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pemetaan-ksd")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0.0.0"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'pemetaan_ksd' has no attribute {name!r}")
