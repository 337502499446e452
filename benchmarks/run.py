"""Time `validasi` (JSON and text) and `gabung` on N generated submissions, beside the floor.

    python benchmarks/run.py [--n 30 1000 [10000]] [--repeats 3] [--out benchmarks/results.md]

For each N, generate.py writes N realistic submissions once into `--data`/nN (reused while the
generator, N and seed are unchanged). Then, `--repeats` times, each of these runs as a child
process, timed on the wall clock, with its CPU time and peak memory (the larger of ru_maxrss
from wait4, the biggest single process, and the largest sum of PSS over the process tree sampled
every 0.1 s, for a command that checks files in worker processes):

- floor: floor.py, python-calamine reading the `Usulan` sheet of every file (its time is the
  reading alone, measured inside the process);
- `pemetaan-ksd validasi masuk --profil ksd.toml --format json`, stdout to a file;
- `pemetaan-ksd validasi masuk --profil ksd.toml` (text), stdout to a file, COLUMNS=120;
- `pemetaan-ksd gabung masuk --profil ksd.toml -o OUT.xlsx`.

`pemetaan-ksd --help` (the console script: process start-up and imports) runs `--help-repeats`
times. The table gives the median of the repeats (and the best), milliseconds per file, the
largest peak memory, the ratio to the floor of the same N, and each target of issue 13 with
whether it is met. Exit code 1 or 0 from the program is success (the inputs are meant to have
galat); anything else stops the benchmark with exit code 2. With `--check-targets`, a missed
target gives exit code 1.

The program measured is the one `python -m pemetaan_ksd` imports: set PYTHONPATH to measure
another tree (for example a `git archive` of a commit).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.metadata
import json
import os
import platform
import resource
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DATA = HERE / ".data"
DEFAULT_OUT = HERE / "results.md"
MIB = 1024  # ru_maxrss is in KiB on Linux
OK_EXIT = (0, 1)  # no galat / galat found: both are a finished run
DEFAULT_SEED = 2025
REPORT_TAIL = 1 << 20  # the JSON report's summary is within its last bytes

FLOOR = "floor (calamine, Usulan)"
JSON = "validasi --format json"
TEXT = "validasi (teks)"
GABUNG = "gabung"
HELP = "pemetaan-ksd --help"
COMMANDS = (FLOOR, JSON, TEXT, GABUNG)
CHOICES = {"floor": FLOOR, "json": JSON, "teks": TEXT, "gabung": GABUNG, "help": HELP}

# Issue 13's targets for gabung: N -> (seconds, MiB or None).
GABUNG_TARGETS = {30: (2.0, None), 1000: (15.0, 1024.0), 10_000: (180.0, 2048.0)}
JSON_TO_FLOOR = 3.0
# The ratio is issue 13's target for 1,000 files and more; for 30 files the floor (0.1 s) is
# shorter than starting Python and the command line, and the target is gabung's 2 s.
JSON_TO_FLOOR_FROM = 1000
TEXT_TO_JSON = 1.2
HELP_SECONDS = 0.25


class BenchmarkError(Exception):
    """A command did not finish as a run of the program finishes."""


@dataclass(frozen=True)
class Sample:
    seconds: float
    cpu: float
    peak_mib: float  # the larger of the two below
    largest_process_mib: float = 0.0  # ru_maxrss: the largest single process (exact)
    tree_pss_mib: float = 0.0  # the largest sum of PSS over the process tree (sampled)


@dataclass
class Measure:
    command: str
    n: int  # files (0 for --help)
    rows: int
    samples: list[Sample] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def best(self) -> float:
        return min(s.seconds for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return max(s.peak_mib for s in self.samples)


@dataclass(frozen=True)
class Verdict:
    target: str
    met: bool | None  # None: no target


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["COLUMNS"] = "120"
    env["LINES"] = "50"
    return env


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc/*/stat (this kernel has no task/*/children)."""
    out: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2:].split()  # after "pid (comm) "
        out.setdefault(int(fields[1]), []).append(int(entry.name))
    return out


def _pss_kib(pid: int) -> int:
    """Proportional set size: shared pages (a forked worker's) counted once over the tree."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeMemory(threading.Thread):
    """The largest sum of PSS over a process and its descendants, sampled every 0.1 s.

    A command that checks files in worker processes uses the memory of all of them at once;
    wait4's ru_maxrss is the largest single process only."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kib = pid, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            children, tree, total = _children(), [self.pid], 0
            while tree:
                pid = tree.pop()
                total += _pss_kib(pid)
                tree.extend(children.get(pid, ()))
            self.peak_kib = max(self.peak_kib, total)


def run_child(argv: Sequence[str], cwd: Path, stdout: Path, stderr: Path) -> Sample:
    """Run one command to its end: wall time, CPU time (its workers' included) and peak
    memory of the command."""
    with stdout.open("wb") as out, stderr.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), cwd=cwd, stdout=out, stderr=err, env=child_env())
        memory = TreeMemory(proc.pid)
        memory.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # stopped (Ctrl-C, SIGTERM): stop the command too
            proc.terminate()
            proc.wait()
            raise
        finally:
            memory.done.set()
        seconds = time.perf_counter() - start
        memory.join()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code not in OK_EXIT:
        tail = stderr.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise BenchmarkError(f"{' '.join(argv)} (in {cwd}) exited with {code}:\n{tail}")
    largest, tree = usage.ru_maxrss / MIB, memory.peak_kib / MIB
    return Sample(seconds, usage.ru_utime + usage.ru_stime, max(largest, tree), largest, tree)


def program() -> list[str]:
    return [sys.executable, "-m", "pemetaan_ksd"]


def console_script() -> list[str]:
    """The installed `pemetaan-ksd` of this interpreter, else `python -m pemetaan_ksd`."""
    script = Path(sys.executable).with_name("pemetaan-ksd")
    if script.is_file():
        return [str(script)]
    found = shutil.which("pemetaan-ksd")
    return [found] if found else program()


def summary_of(report: Path) -> dict[str, Any]:
    """The `summary` object of a JSON report (its last key), read from the end of the file:
    the whole report of 10,000 files is hundreds of megabytes, and this process must stay
    small (see `own_peak_mib`)."""
    with report.open("rb") as handle:
        handle.seek(max(0, report.stat().st_size - REPORT_TAIL))
        text = handle.read().decode("utf-8", errors="ignore")
    at = text.rfind('"summary"')
    if at < 0:
        raise BenchmarkError(f"{report}: no summary in the JSON report")
    value, _ = json.JSONDecoder().raw_decode(text, text.index("{", at))
    if not isinstance(value, dict):
        raise BenchmarkError(f"{report}: summary is not an object")
    return value


@dataclass
class Bench:
    data: Path
    repeats: int
    seed: int
    unlisted: bool
    log: Callable[[str], None]
    only: tuple[str, ...] = (*COMMANDS, HELP)
    saved: Callable[[], object] = lambda: None  # called after each sample
    measures: list[Measure] = field(default_factory=list)
    inputs: dict[int, dict[str, Any]] = field(default_factory=dict)

    def ensure(self, n: int) -> tuple[Path, dict[str, Any]]:
        """The folder of N generated files (generated unless already there) and its totals.

        generate.py runs as a child: this process must not grow (see `own_peak_mib`)."""
        folder = self.data / (f"n{n}-unlisted" if self.unlisted else f"n{n}")
        argv = [sys.executable, str(HERE / "generate.py"), str(n), str(folder), "--seed",
                str(self.seed), "--reuse", "--json"]
        done = subprocess.run([*argv, "--unlisted"] if self.unlisted else argv,
                              stdout=subprocess.PIPE, text=True, check=False)
        if done.returncode != 0:
            raise BenchmarkError(f"generate.py {n} {folder} exited with {done.returncode}")
        totals: dict[str, Any] = json.loads(done.stdout)
        if totals["generated"]:
            self.log(f"N={n}: generated in {totals['seconds']:.1f} s")
        return folder, totals

    def warm_up(self, work: Path) -> None:
        """One untimed run of each command on 3 files: byte-compiles what a first run would."""
        folder, _ = self.ensure(3)
        for extra in (["validasi", "masuk", "--format", "json"],
                      ["gabung", "masuk", "-o", str(work / "warm.xlsx")]):
            run_child([*program(), *extra, "--profil", "ksd.toml"], folder, work / "warm.out",
                      work / "warm.err")
        run_child([*console_script(), "--help"], folder, work / "warm.out", work / "warm.err")

    def one_n(self, n: int, work: Path) -> None:
        folder, manifest = self.ensure(n)
        size = sum(warm(p) for p in (folder / "masuk").glob("*.xlsx"))
        rows = int(manifest["rows"])
        measures = {c: Measure(c, n, rows) for c in COMMANDS if c in self.only}
        self.measures.extend(measures.values())
        base = [*program()]
        commands: dict[str, tuple[list[str], str]] = {
            JSON: ([*base, "validasi", "masuk", "--profil", "ksd.toml", "--format", "json"],
                   "validasi.json"),
            TEXT: ([*base, "validasi", "masuk", "--profil", "ksd.toml"], "validasi.txt"),
            GABUNG: ([*base, "gabung", "masuk", "--profil", "ksd.toml", "-o",
                      str(work / "gabungan.xlsx")], "gabung.txt"),
        }
        for repeat in range(1, self.repeats + 1):
            if FLOOR in measures:
                self.floor(folder, n, work, measures[FLOOR])
                self.log(f"N={n} repeat {repeat}/{self.repeats}: floor "
                         f"{measures[FLOOR].samples[-1].seconds:.2f} s")
            for name in self.only:  # in the order asked
                if name not in measures or name not in commands:
                    continue
                argv, out = commands[name]
                sample = run_child(argv, folder, work / out, work / f"{out}.err")
                measures[name].samples.append(sample)
                self.log(f"N={n} repeat {repeat}/{self.repeats}: {name} {sample.seconds:.2f} s, "
                         f"{sample.peak_mib:.0f} MiB")
                if name == JSON and repeat == 1:
                    self.inputs[n] = self.check_report(work / out, n, rows, size, manifest)
                if name == GABUNG:
                    (work / "gabungan.xlsx").unlink(missing_ok=True)
                self.saved()
        if n not in self.inputs:
            self.inputs[n] = {"files": n, "rows": rows, "mb": size / 1e6,
                              "planted": manifest["rows_planted"]}

    def floor(self, folder: Path, n: int, work: Path, measure: Measure) -> None:
        out = work / "floor.json"
        sample = run_child([sys.executable, str(HERE / "floor.py"), "masuk"], folder, out,
                           work / "floor.err")
        floor = json.loads(out.read_text(encoding="utf-8"))
        if floor["files"] != n:
            raise BenchmarkError(f"floor read {floor['files']} files, not {n}")
        measure.samples.append(Sample(floor["seconds"], sample.cpu, sample.peak_mib,
                                      sample.largest_process_mib, sample.tree_pss_mib))
        self.saved()

    def check_report(self, report: Path, n: int, rows: int, size: int,
                     manifest: dict[str, Any]) -> dict[str, Any]:
        """What the program made of the inputs; a wrong count means a broken benchmark."""
        summary = summary_of(report)
        if summary.get("files") != n or summary.get("rows") != rows:
            raise BenchmarkError(f"N={n}: the report counts {summary.get('files')} files and "
                                 f"{summary.get('rows')} rows, not {n} and {rows}")
        return {"files": n, "rows": rows, "mb": size / 1e6,
                "valid_files": summary.get("valid"),
                "rows_accepted": summary.get("rows_accepted"),
                "rows_rejected": summary.get("rows_rejected"),
                "planted": manifest["rows_planted"], "counts": summary.get("counts")}

    def help_start(self, repeats: int, work: Path) -> None:
        if HELP not in self.only:
            return
        measure = Measure(HELP, 0, 0)
        self.measures.append(measure)
        for _ in range(repeats):
            measure.samples.append(run_child([*console_script(), "--help"], self.data,
                                             work / "help.out", work / "help.err"))
            self.saved()
        self.log(f"--help: median {measure.median:.3f} s")


def warm(path: Path) -> int:
    """Read a file once (into the page cache, as a mailbox just written is); its size."""
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            size += len(chunk)
    return size


def own_peak_mib() -> float:
    """This process's peak memory. On Linux a child's ru_maxrss counts the memory of the
    process that forked it (vfork/exec), so every peak in the table is at least this."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MIB


def find(measures: Sequence[Measure], command: str, n: int) -> Measure | None:
    return next((m for m in measures if m.command == command and m.n == n and m.samples), None)


def verdict(m: Measure, measures: Sequence[Measure]) -> Verdict:
    if m.command == HELP:
        return Verdict(f"≤ {HELP_SECONDS} s", m.median <= HELP_SECONDS)
    floor = find(measures, FLOOR, m.n)
    if m.command == JSON and floor is not None and m.n >= JSON_TO_FLOOR_FROM:
        ratio = m.median / floor.median
        return Verdict(f"≤ {JSON_TO_FLOOR:g}× floor", ratio <= JSON_TO_FLOOR)
    json_run = find(measures, JSON, m.n)
    if m.command == TEXT and json_run is not None:
        ratio = m.median / json_run.median
        return Verdict(f"≤ {TEXT_TO_JSON:g}× JSON ({ratio:.2f}×)", ratio <= TEXT_TO_JSON)
    if m.command == GABUNG and m.n in GABUNG_TARGETS:
        seconds, mib = GABUNG_TARGETS[m.n]
        met = m.median <= seconds and (mib is None or m.peak_mib <= mib)
        text = f"≤ {seconds:g} s" + (f", ≤ {mib / 1024:g} GiB" if mib else "")
        return Verdict(text, met)
    return Verdict("", None)


HEADER = ("command", "files", "rows", "s (median)", "s (best)", "ms/file", "CPU s", "peak MiB",
          "× floor", "target", "met")


def table_rows(measures: Sequence[Measure]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    order = {c: i for i, c in enumerate((*COMMANDS, HELP))}
    measures = [m for m in measures if m.samples]
    for m in sorted(measures, key=lambda m: (m.n == 0, m.n, order[m.command])):
        floor = find(measures, FLOOR, m.n)
        ratio = (f"{m.median / floor.median:.1f}×" if floor is not None and m.command != FLOOR
                 else "")
        v = verdict(m, measures)
        met = "" if v.met is None else ("yes" if v.met else "**no**")
        out.append((m.command, f"{m.n:,}" if m.n else "", f"{m.rows:,}" if m.rows else "",
                    f"{m.median:.2f}" if m.median >= 1 else f"{m.median:.3f}",
                    f"{m.best:.2f}" if m.best >= 1 else f"{m.best:.3f}",
                    f"{1000 * m.median / m.n:.1f}" if m.n else "", f"{m.cpu:.2f}",
                    f"{m.peak_mib:.0f}", ratio, v.target, met))
    return out


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    right = {1, 2, 3, 4, 5, 6, 7, 8}
    lines = ["| " + " | ".join(HEADER) + " |",
             "|" + "|".join("---:" if i in right else "---" for i in range(len(HEADER))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    mem = next((line.split()[1] for line in _read("/proc/meminfo").splitlines()
                if line.startswith("MemTotal:")), "")
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = []
    for package in ("python-calamine", "openpyxl", "XlsxWriter"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions.append(f"{package} {importlib.metadata.version(package)}")
    return {
        "cpu": f"{cpu}, {usable} of {os.cpu_count()} cores usable",
        "memory": f"{int(mem) / 1024 / 1024:.1f} GiB" if mem else "unknown",
        "system": platform.platform(),
        "python": f"Python {platform.python_version()} ({sys.executable}); {', '.join(versions)}",
    }


def program_source() -> str:
    """Which pemetaan_ksd the children import, and the repository's commit."""
    found = subprocess.run([*program(), "--versi"], capture_output=True, text=True,
                           env=child_env(), cwd=ROOT, check=False).stdout.strip()
    where = subprocess.run(
        [sys.executable, "-c", "import pemetaan_ksd; print(pemetaan_ksd.__file__)"],
        capture_output=True, text=True, env=child_env(), check=False)
    package = Path(where.stdout.strip()).parent
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "log", "-1", "--format=%h %cI %s"], capture_output=True,
                          text=True, check=False).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "src"], capture_output=True,
                           text=True, check=False).stdout.splitlines()
    inside = package.is_relative_to(ROOT)
    tree = (f"this repository's working tree ({len(dirty)} changed path(s) under src/)"
            if inside else f"{package} (PYTHONPATH), not this repository's src/")
    return f"{found or 'pemetaan-ksd'} from {tree}; this repository is at {head}"


def report_text(bench: Bench, args: argparse.Namespace, started: dt.datetime, source: str,
                load: tuple[float, float], rows: Sequence[Sequence[str]], state: str) -> str:
    m = machine()
    lines = [
        "# pemetaan-ksd benchmark",
        "",
        *([f"**{state}**", ""] if state else []),
        f"`{shlex.join(['python', 'benchmarks/run.py', *args.argv])}`",
        "",
        f"- date: {started.isoformat(timespec='seconds')}, "
        f"{(dt.datetime.now().astimezone() - started).total_seconds() / 60:.1f} min",
        f"- machine: {m['cpu']}; {m['memory']} RAM; {m['system']}",
        f"- {m['python']}",
        f"- program: {source}" + (f" ({args.label})" if args.label else ""),
        f"- load average (1 min) at start {load[0]:.2f}, at end {load[1]:.2f}; the runner's "
        f"own peak memory {own_peak_mib():.0f} MiB (a lower bound of every peak below)",
        f"- {args.repeats} repeat(s) per command and N, --help {args.help_repeats} times; "
        "seconds are the median (best beside it), CPU the median user+sys (worker processes "
        "included), peak memory the largest of the repeats: the larger of the biggest single "
        "process's maximum RSS (wait4) and the largest sum of PSS over the command's process "
        "tree (sampled every 0.1 s)",
        "",
        markdown_table(rows),
        "",
        "Inputs (generate.py, seed "
        f"{args.seed}; 50 usulan per file, every fourth file without mistakes; "
        + ("ksd.toml lists the 28 example units only, the other senders are KSD107):"
           if args.unlisted else "ksd.toml lists every sender):"),
        "",
    ]
    for n, info in sorted(bench.inputs.items()):
        line = f"- N={n:,}: {info['mb']:.1f} MB, {info['planted']:,} mistakes planted"
        if "counts" in info:  # what the JSON run reported
            counts = info["counts"] or {}
            line += (f"; {info['valid_files']:,} files valid; {info['rows_accepted']:,} usulan "
                     f"accepted, {info['rows_rejected']:,} rejected; findings: "
                     f"{counts.get('galat', 0):,} galat, {counts.get('peringatan', 0):,} "
                     f"peringatan, {counts.get('info', 0):,} info")
        lines.append(line)
    lines += [
        "",
        "floor: python-calamine opening each file and reading its `Usulan` sheet to Python "
        "values in one process (the reading alone; start-up excluded). The program's times are "
        "whole runs of the command line, start-up included.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        epilog="Example: python benchmarks/run.py --n 30 1000 --repeats 3")
    parser.add_argument("--n", type=int, nargs="+", default=[30, 1000],
                        help="numbers of files (default: 30 1000; 10000 takes long)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each command per N")
    parser.add_argument("--help-repeats", type=int, default=10, help="runs of --help")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help=f"where generated files are kept (default: {DEFAULT_DATA})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"Markdown file written (default: {DEFAULT_OUT})")
    parser.add_argument("--json", type=Path, help="also write the measures as JSON")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--check-targets", action="store_true",
                        help="exit 1 when a target is missed")
    parser.add_argument("--unlisted", action="store_true",
                        help="profile of the 28 example units only: beyond 28 files every "
                             "file is KSD107 (see generate.py)")
    parser.add_argument("--label", help="what is measured, for the report (\"commit abc1234\")")
    parser.add_argument("--only", nargs="+", choices=tuple(CHOICES), default=tuple(CHOICES),
                        help="measure only these, in this order (default: all)")
    parser.add_argument("--no-warm-up", action="store_true",
                        help="skip the untimed first run of each command (for tests)")
    raw = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(raw)
    args.argv = raw
    if min(args.n) < 1 or args.repeats < 1 or args.help_repeats < 1:
        parser.error("--n, --repeats and --help-repeats must be at least 1")
    started = dt.datetime.now().astimezone()
    load_start = os.getloadavg()[0]
    source = program_source()

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    bench = Bench(args.data, args.repeats, args.seed, args.unlisted, log,
                  only=tuple(CHOICES[c] for c in args.only))

    def save(state: str = "") -> str:
        """Write the table as it stands (after each sample, so a stopped run leaves one)."""
        rows = table_rows(bench.measures)
        text = report_text(bench, args, started, source, (load_start, os.getloadavg()[0]),
                           rows, state)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        if args.json:
            args.json.write_text(json.dumps(results_json(bench, started, source, args.label,
                                                         state), indent=1), encoding="utf-8")
        return text

    bench.saved = lambda: save("Partial: the run is still going, or was stopped.")
    args.data.mkdir(parents=True, exist_ok=True)
    for number in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(number) is not signal.SIG_IGN:  # nohup's SIGHUP stays ignored
            signal.signal(number, _stop)
    try:
        with tempfile.TemporaryDirectory(prefix="ksd-bench-") as tmp:
            work = Path(tmp)
            if not args.no_warm_up:
                bench.warm_up(work)
            bench.help_start(args.help_repeats, work)
            for n in args.n:
                bench.one_n(n, work)
    except BenchmarkError as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        save(f"Failed: {str(exc).splitlines()[0]}")
        return 2
    except (KeyboardInterrupt, Stopped) as exc:
        name = exc.name if isinstance(exc, Stopped) else "SIGINT"
        print(f"benchmark stopped by {name}; {args.out} holds what was measured",
              file=sys.stderr)
        save(f"Stopped by {name}: the table holds what was measured before.")
        return 128 + signal.Signals[name].value
    print(save())
    missed = [m for m in bench.measures if verdict(m, bench.measures).met is False]
    return 1 if args.check_targets and missed else 0


class Stopped(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _stop(number: int, frame: object) -> None:
    raise Stopped(signal.Signals(number).name)


def results_json(bench: Bench, started: dt.datetime, source: str, label: str | None,
                 state: str) -> dict[str, Any]:
    done = [m for m in bench.measures if m.samples]
    return {
        "started": started.isoformat(), "state": state or "complete", "machine": machine(),
        "program": source, "label": label, "inputs": bench.inputs,
        "measures": [{"command": m.command, "files": m.n, "rows": m.rows,
                      "median_s": m.median, "best_s": m.best, "cpu_s": m.cpu,
                      "peak_mib": m.peak_mib, "target": verdict(m, done).target,
                      "met": verdict(m, done).met,
                      "samples": [vars(s) for s in m.samples]} for m in done],
    }


if __name__ == "__main__":
    sys.exit(main())
