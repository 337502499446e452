"""Shared test helpers: converting workbooks with LibreOffice (`soffice`).

Mark a test `@pytest.mark.soffice` or ask for the `soffice` fixture: it is skipped when
LibreOffice is absent, unless the environment variable CI is set, where it fails instead.
Each conversion uses its own throw-away LibreOffice profile, so parallel runs do not collide.
One call converts many files (start-up dominates: ~2-3 s per call); `soffice_convert_formats`
runs one call per format side by side.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SOFFICE_TIMEOUT = 180
FORMATS = ("xlsx", "ods", "xls")
SOFFICE_MISSING = "LibreOffice (soffice) tidak terpasang"


def _command(sources: Sequence[Path], out_dir: Path, fmt: str, profile: Path) -> list[str]:
    if SOFFICE is None:
        raise RuntimeError(SOFFICE_MISSING)
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} not one of {FORMATS}")
    return [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", fmt, "--outdir", str(out_dir), *map(str, sources)]


def _start(sources: Sequence[Path], out_dir: Path, fmt: str
           ) -> tuple[subprocess.Popen[bytes], Path]:
    clashes = [s for s in sources if (out_dir / f"{s.stem}.{fmt}").resolve() == s.resolve()]
    if clashes:
        raise ValueError(f"would overwrite the source itself: {clashes}")
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="pemetaan-ksd-soffice-"))
    process = subprocess.Popen(_command(sources, out_dir, fmt, profile),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    return process, profile


def _finish(process: subprocess.Popen[bytes], profile: Path, sources: Sequence[Path],
            out_dir: Path, fmt: str) -> list[Path]:
    try:
        output, _ = process.communicate(timeout=SOFFICE_TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(profile, ignore_errors=True)
    outputs = [out_dir / f"{src.stem}.{fmt}" for src in sources]
    missing = [p for p in outputs if not p.is_file()]
    if process.returncode != 0 or missing:
        raise RuntimeError(f"soffice gagal ({process.returncode}): {missing}\n{output.decode()}")
    return outputs


def soffice_convert_many(sources: Sequence[Path], out_dir: Path, fmt: str) -> list[Path]:
    """Convert several files to `fmt` in one soffice call; outputs in the order of `sources`."""
    process, profile = _start(sources, out_dir, fmt)
    return _finish(process, profile, sources, out_dir, fmt)


def soffice_convert(src: Path, out_dir: Path, fmt: str) -> Path:
    """Convert one file to `fmt` ("xlsx", "ods" or "xls") into out_dir; returns the new path."""
    return soffice_convert_many([src], out_dir, fmt)[0]


def soffice_convert_formats(sources: Sequence[Path], out_dir: Path,
                            formats: Sequence[str] = FORMATS) -> dict[str, list[Path]]:
    """Convert `sources` to each format, one soffice process per format, run in parallel.

    Outputs go to out_dir/<fmt>/ (the same stem may not be written twice into one folder).
    """
    started = {fmt: _start(sources, out_dir / fmt, fmt) for fmt in formats}
    return {fmt: _finish(process, profile, sources, out_dir / fmt, fmt)
            for fmt, (process, profile) in started.items()}


def _require_soffice() -> None:
    if SOFFICE is not None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{SOFFICE_MISSING}, padahal CI memerlukannya")
    pytest.skip(SOFFICE_MISSING)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "soffice: needs LibreOffice; skipped when absent (failure when CI is set)"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("soffice") is not None:
        _require_soffice()


@pytest.fixture
def soffice() -> Callable[[Path, Path, str], Path]:
    """soffice_convert, or a skip (a failure under CI) when LibreOffice is absent."""
    _require_soffice()
    return soffice_convert


ConvertFormats = Callable[[Sequence[Path], Path], dict[str, list[Path]]]


@pytest.fixture(scope="session")
def soffice_formats() -> ConvertFormats:
    """soffice_convert_formats (to xlsx, ods and xls at once), for module-scoped fixtures."""
    _require_soffice()
    return soffice_convert_formats


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worked example, written once per session by scripts/generate_examples.py."""
    script = Path(__file__).resolve().parents[1] / "scripts" / "generate_examples.py"
    spec = importlib.util.spec_from_file_location("generate_examples", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("contoh") / "demo-pemetaan-ksd"
    module.generate(folder)
    return folder
