"""pemetaan-ksd: pemeriksaan dan penggabungan usulan pemetaan kerja sama daerah."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pemetaan-ksd")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
