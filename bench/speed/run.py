"""Speed benchmark: seedlint against codespell and typos on the same seed documents.

Runs every tool on the same inputs, round-robin within each round (seedlint, seedlint -j 1,
codespell, typos, then again), and reports the median wall time, throughput, CPU time and
peak RSS of each, the ratios between them and whether each target is met. Ratios are what
to read on a shared machine: every tool of a scenario runs under the same load.

Usage: ``python bench/speed/run.py [--runs 5] [--quick] [--previous DIR] [--output FILE]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import corpus  # bench/speed/corpus.py, beside this script

REPO = corpus.REPO
CACHE = corpus.DEFAULT_CACHE
CHECKS = ("real", "news", "replicated")  # folders every tool checks
SCENARIOS = ("startup", "one-file", *CHECKS, "jobs", "cache", "memory")
JOBS_SIZES = (100, 388, 2_585)  # files of the news corpus for default jobs against -j 1
# Exit codes that mean "ran fine", with or without findings (seedlint's with --exit-zero: 0).
OK_CODES = {"codespell": frozenset({0, 65}), "typos": frozenset({0, 2}), "ruff": frozenset({0})}
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
SEEDLINT_WANTED = ("--no-cache", "--exit-zero", "--quiet")
# where the command line's main() lives, newest layout first
CLI_MODULES = ("seedlint/commands/cli.py", "seedlint/cli.py")
SCENARIO_LABELS = {
    "real": "real: Wikinews",
    "news": "news: Wikinews, digital.gov, 18F",
    "replicated": "replicated",
    "one-file": "one file",
    "cache": "news as a configured project, cache on",
    "cache-plain": "news, cache on, outside the configured paths",
    "memory": "one large file",
}
BIG_FILE_MB = 100  # the single large file of the memory scenario (--big-mb)


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float
    rss_mb: float
    returncode: int


@dataclass
class Series:
    """All samples of one tool in one scenario."""

    scenario: str
    tool: str
    files: int
    bytes: int
    command: str
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None

    @property
    def wall(self) -> float | None:
        return None if self.error or not self.samples else median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return median(s.cpu for s in self.samples)

    @property
    def rss_mb(self) -> float | None:
        return None if self.error or not self.samples else max(s.rss_mb for s in self.samples)


@dataclass(frozen=True)
class Tool:
    name: str
    argv: tuple[str, ...]
    shown: str  # the command as a user would type it, without paths
    ok_codes: frozenset[int]
    env: dict[str, str] | None = None
    cwd: Path = REPO

    def command(self, paths: Sequence[Path]) -> list[str]:
        return [*self.argv, *(str(p) for p in paths)]


@dataclass(frozen=True)
class Scenario:
    name: str
    paths: tuple[Path, ...]
    files: int
    bytes: int


@dataclass(frozen=True)
class Seedlint:
    """How to launch a checkout's seedlint and what its ``check`` accepts."""

    launcher: tuple[str, ...]
    env: dict[str, str]
    options: frozenset[str]
    version: str

    def tool(
        self,
        name: str = "seedlint",
        cache_dir: Path | None = None,
        jobs: int | None = None,
        cwd: Path = REPO,
    ) -> Tool:
        flags = [f for f in SEEDLINT_WANTED if f in self.options]
        if jobs is not None:
            flags.append(f"-j{jobs}")
        shown = ["seedlint", "check", *flags]
        if cache_dir is not None:
            flags = [f for f in flags if f != "--no-cache"] + ["--cache-dir", str(cache_dir)]
            shown = ["seedlint", "check", *flags[:-1], "<cache>"]
        ok = frozenset({0} if "--exit-zero" in flags else {0, 1})
        return Tool(name, (*self.launcher, "check", *flags), " ".join(shown), ok, self.env, cwd)

    def bare(self, name: str, *args: str) -> Tool:
        """seedlint with other arguments (--version, --help)."""
        return Tool(
            name, (*self.launcher, *args), " ".join(["seedlint", *args]), frozenset({0}), self.env
        )


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def python_env(extra_path: Path | None = None, user_cache: str = "user-cache") -> dict[str, str]:
    """The environment every Python tool runs in: bytecode written and read from one
    folder (so no tool pays for compiling its modules at each start, whatever
    PYTHONDONTWRITEBYTECODE says), and the checkout first on the import path."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    # seedlint's parsed word lists, rule pack and profiles in a folder of the bench's own,
    # one per checkout: a seedlint of another version (another user's on a shared machine,
    # or --previous between two runs of this one) replaces the copies it does not share
    env["SEEDLINT_WORDLIST_CACHE"] = str(CACHE / user_cache)
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH")]))
    return env


def measure(tool: Tool, paths: Sequence[Path]) -> tuple[Sample, str]:
    """Run one command: wall time from perf_counter, CPU time from ``os.wait4``.

    Peak RSS comes from GNU time (``/usr/bin/time -f %M``) where it is installed: the
    ``ru_maxrss`` that ``os.wait4`` gives for a child of this process never reads below this
    process's own RSS at the fork, whereas GNU time forks the tool from a ~1 MB process.
    Without it, ``os.wait4``'s value is used. Either is the largest single process of the
    tool's tree. Output goes to /dev/null (the tools still format it); stderr is kept.
    """
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss:
        command = tool.command(paths)
        if GNU_TIME:
            command = [GNU_TIME, "-f", "%M", "-o", rss.name, *command]
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=err, cwd=tool.cwd, env=tool.env
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        lines = rss.read().split()  # "Command exited with non-zero status N" may come first
    rss_kb = int(lines[-1]) if GNU_TIME and lines else usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(wall, cpu, rss_kb / 1024, proc.returncode), stderr


def output_of(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, env=env, check=False)
    return proc.returncode, (proc.stdout or proc.stderr).strip()


def find_executable(name: str) -> str | None:
    """Prefer the interpreter's own scripts folder: a pyenv shim would add ~100 ms per call."""
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which(name)
    if found and "/shims/" in found and shutil.which("pyenv"):
        code, real = output_of(["pyenv", "which", name])
        if code == 0:
            return real
    return found


def import_root(checkout: Path) -> Path:
    """The folder to put first on the import path to run a checkout's seedlint. This
    repository's own is the checkout itself. Another one's package is laid out in a folder
    of links with its rule files inside as ``seedlint.rules``: an editable install of this
    repository maps that name to this repository's ``rules/``, which the other checkout's
    code may not read."""
    if checkout == REPO or not (checkout / "rules").is_dir():
        return checkout
    digest = hashlib.sha256(str(checkout).encode()).hexdigest()[:12]
    root = CACHE / f"import-{digest}"
    shutil.rmtree(root, ignore_errors=True)
    package = root / "seedlint"
    package.mkdir(parents=True)
    for entry in (checkout / "seedlint").iterdir():
        (package / entry.name).symlink_to(entry)
    if not (package / "rules").exists():
        (package / "rules").symlink_to(checkout / "rules")
    return root


def find_seedlint(
    override: str | None, checkout: Path = REPO, label: str = "working tree"
) -> tuple[Seedlint | None, str]:
    """Launch seedlint from a checkout; return it, or None and the reason why not."""
    user_cache = "user-cache" if checkout == REPO else f"user-cache-{checkout.name}"
    env = python_env(import_root(checkout), user_cache)
    if override:
        launcher: tuple[str, ...] = tuple(shlex.split(override))
    elif (checkout / "seedlint" / "__main__.py").is_file():
        # -P: "-m" would put the working directory (this repository) before PYTHONPATH, and
        # the seedlint of another checkout (--previous) would be this one's again
        launcher = (sys.executable, "-P", "-m", "seedlint")
    else:
        module = next((m for m in CLI_MODULES if (checkout / m).is_file()), None)
        if module is None:
            return None, f"none of {', '.join(CLI_MODULES)} exists in {checkout}"
        dotted = module.removesuffix(".py").replace("/", ".")
        program = f"import sys; from {dotted} import main; sys.exit(main())"
        launcher = (sys.executable, "-c", program)
    code, help_text = output_of([*launcher, "check", "--help"], env)
    if code != 0:
        return None, f"`seedlint check --help` failed: {help_text[-500:]}"
    options = frozenset(re.findall(r"--[a-z][a-z0-9-]*", help_text))
    version = seedlint_version(launcher, env, checkout, label)
    return Seedlint(launcher, env, options, version), ""


def seedlint_version(
    launcher: Sequence[str], env: dict[str, str], checkout: Path, label: str
) -> str:
    code, text = output_of([*launcher, "--version"], env)
    if code == 0 and text:
        version = text.splitlines()[0]
    else:
        pyproject = (checkout / "pyproject.toml").read_text(encoding="utf-8")
        found = re.search(r'^version = "([^"]+)"', pyproject, re.M)
        version = f"seedlint {found.group(1) if found else '?'}"
    code, commit = output_of(["git", "-C", str(checkout), "describe", "--always", "--dirty"])
    return f"{version} ({label} {commit})" if code == 0 else f"{version} ({label})"


def prime_page_cache(paths: Sequence[Path]) -> None:
    """Read every file once so that no tool pays for the first read from disk."""
    for root in paths:
        for path in [root] if root.is_file() else root.rglob("*"):
            if path.is_file():
                path.read_bytes()


def run_series(
    scenario: Scenario,
    tools: Sequence[Tool],
    runs: int,
    before: Callable[[Tool], None] | None = None,
    warm_up: bool = True,
) -> list[Series]:
    """A warm-up round (unless not ``warm_up``), then ``runs`` rounds; in each, every
    tool once, in order."""
    where = "<file>" if scenario.name == "one-file" else "<dir>"
    if scenario.name == "startup":
        where = ""
    series = [
        Series(scenario.name, t.name, scenario.files, scenario.bytes, f"{t.shown} {where}".strip())
        for t in tools
    ]
    prime_page_cache(scenario.paths)
    for run in range(0 if warm_up else 1, runs + 1):
        for tool, result in zip(tools, series, strict=True):
            if before is not None:
                before(tool)
            sample, stderr = measure(tool, scenario.paths)
            if run == 0:
                continue  # warm-up: bytecode written, files in the page cache
            result.samples.append(sample)
            if sample.returncode not in tool.ok_codes:
                tail = stderr.strip()[-800:]
                result.error = result.error or f"exit code {sample.returncode}\n{tail}"
            print(
                f"  [{scenario.name}] run {run}/{runs} {tool.name}: {sample.wall:.3f} s,"
                f" {sample.rss_mb:.0f} MB, rc={sample.returncode}",
                file=sys.stderr,
            )
    return series


@dataclass(frozen=True)
class Check:
    label: str
    value: float | None
    unit: str
    goal: str
    passed: bool | None


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def evaluate(results: dict[tuple[str, str], Series]) -> list[Check]:
    """The targets, each with its measured value (None when a series is missing or failed)."""

    def wall(scenario: str, tool: str) -> float | None:
        found = results.get((scenario, tool))
        return found.wall if found else None

    def rss(scenario: str) -> float | None:
        found = results.get((scenario, "seedlint"))
        return found.rss_mb if found else None

    def at_most(limit: float) -> Callable[[float], bool]:
        return lambda v: v <= limit

    specs: list[tuple[str, float | None, str, str, Callable[[float], bool]]] = []
    for scenario in CHECKS:
        if (scenario, "seedlint") not in results:
            continue
        for other, limit in (("codespell", 1.0), ("typos", 3.0), ("seedlint -j1", 1.0)):
            value = ratio(wall(scenario, "seedlint"), wall(scenario, other))
            label = f"seedlint / {other}, {scenario}"
            specs.append((label, value, "x", f"<= {limit}", at_most(limit)))
    for size in JOBS_SIZES:
        scenario = f"jobs-{size}"
        if (scenario, "seedlint") in results:
            value = ratio(wall(scenario, "seedlint"), wall(scenario, "seedlint -j1"))
            label = f"default jobs / -j 1, {size:,} files"
            # where the default runs one process too, the two commands do the same work and
            # their medians differ by noise: slower means slower than -j 1's slowest run
            slowest = max((s.wall for s in results[(scenario, "seedlint -j1")].samples), default=0)
            limit = max(1.0, slowest / (wall(scenario, "seedlint -j1") or slowest or 1.0))
            goal = "<= 1.0" if limit == 1.0 else f"<= 1.0 (noise: {limit:.2f})"
            specs.append((label, value, "x", goal, at_most(limit)))
    value = ratio(wall("one-file", "seedlint"), wall("one-file", "codespell"))
    specs.append(("seedlint / codespell, one file", value, "x", "<= 1.5", at_most(1.5)))
    for scenario in ("one-file", *CHECKS):
        value = ratio(wall(scenario, "seedlint"), wall(scenario, "seedlint previous"))
        if value is not None:
            label = f"seedlint / previous seedlint, {scenario}"
            specs.append((label, value, "x", "(shown)", lambda v: True))
    for scenario in ("replicated", "news"):
        if (scenario, "seedlint") in results:
            specs.append(
                (f"seedlint peak RSS, {scenario}", rss(scenario), " MB", "<= 150 MB",
                 at_most(150.0))
            )  # fmt: skip
    value = ratio(rss("replicated"), rss("real"))
    specs.append(
        ("seedlint peak RSS, replicated / real", value, "x", "<= 1.5 (roughly flat)", at_most(1.5))
    )
    value = ratio(wall("cache", "seedlint cold"), wall("cache", "seedlint warm"))
    specs.append(("cache re-run speed-up, cold / warm", value, "x", ">= 10", lambda v: v >= 10.0))
    value = ratio(wall("cache-plain", "seedlint cold"), wall("cache-plain", "seedlint warm"))
    label = "cache re-run speed-up, outside the configured paths"
    specs.append((label, value, "x", "(shown)", lambda v: True))
    memory = results.get(("memory", "seedlint"))
    if memory is not None and memory.rss_mb is not None:
        value = memory.rss_mb * 2**20 / memory.bytes
        label = f"seedlint peak RSS / file size, one {memory.bytes / 1e6:.0f} MB file"
        specs.append((label, value, "x", "< 5", lambda v: v < 5.0))
    for what in ("--version", "--help"):
        for other in ("ruff", "codespell"):
            value = ratio(wall("startup", f"seedlint {what}"), wall("startup", f"{other} {what}"))
            if value is not None:
                specs.append((f"seedlint / {other}, {what}", value, "x", "(shown)", lambda v: True))
    return [
        Check(label, value, unit, goal, None if value is None else goal_met(value))
        for label, value, unit, goal, goal_met in specs
    ]


def fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def markdown(
    results: dict[tuple[str, str], Series],
    versions: list[str],
    runs: int,
    notes: list[str],
) -> str:
    nproc = len(os.sched_getaffinity(0))
    rss_source = "GNU time %M" if GNU_TIME else "os.wait4 ru_maxrss"
    load = os.getloadavg()[0]
    lines = [
        f"### Speed benchmark, {dt.date.today().isoformat()}",
        "",
        f"`nproc` {nproc} (load average {load:.1f} at the end), Python"
        f" {platform.python_version()}, {platform.system()} {platform.machine()};"
        f" {', '.join(versions)}. Median of {runs} interleaved runs after a warm-up run;"
        " wall time includes interpreter start; MB = 10^6 bytes; peak RSS is the largest"
        f" single process (max over runs, {rss_source}).",
        "",
        "| scenario | tool | files | MB | wall (s) | range (s) | MB/s | docs/s | CPU (s) |"
        " peak RSS (MB) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in results.values():
        label = SCENARIO_LABELS.get(s.scenario, s.scenario)
        if s.wall is None:
            lines.append(
                f"| {label} | {s.tool} | {s.files:,} | {s.bytes / 1e6:.3g} | error | | | | | |"
            )
            continue
        walls = [x.wall for x in s.samples]
        throughput = f"{s.bytes / 1e6 / s.wall:,.1f} | {s.files / s.wall:,.0f}" if s.files else "|"
        lines.append(
            f"| {label} | {s.tool} | {s.files:,} | {s.bytes / 1e6:.3g} | {s.wall:.3f} |"
            f" {min(walls):.3f}-{max(walls):.3f} | {throughput} | {s.cpu:.2f} |"
            f" {fmt(s.rss_mb, 0)} |"
        )
    lines += ["", "| target | value | goal | result |", "| --- | ---: | --- | --- |"]
    for c in evaluate(results):
        verdict = "n/a" if c.passed is None else ("PASS" if c.passed else "MISS")
        if c.goal == "(shown)":
            verdict = ""
        value = "n/a" if c.value is None else f"{fmt(c.value)}{c.unit}"
        lines.append(f"| {c.label} | {value} | {c.goal} | {verdict} |")
    commands = sorted({s.command for s in results.values()})
    lines += ["", "- Commands: " + "; ".join(f"`{c}`" for c in commands) + "."]
    lines += [f"- {n}" for n in notes]
    for s in results.values():
        if s.error:
            status, _, stderr = s.error.partition("\n")
            lines += ["", f"Error in {s.scenario} / {s.tool}: {status}", "", "```", stderr, "```"]
    return "\n".join(lines) + "\n"


def profile(seedlint: Seedlint, scenario: Scenario) -> None:
    """Run seedlint on one scenario under pyinstrument; save text and HTML reports."""
    if subprocess.run([sys.executable, "-c", "import pyinstrument"], check=False).returncode:
        sys.exit("pyinstrument is not installed: pip install pyinstrument")
    stem = CACHE / f"profile-{scenario.name}"
    session, text, html = (stem.with_suffix(x) for x in (".pyisession", ".txt", ".html"))
    target = [*seedlint.tool(jobs=1).argv[1:], *map(str, scenario.paths)]
    pyi = [sys.executable, "-m", "pyinstrument"]
    subprocess.run(
        [*pyi, "-r", "pyisession", "-o", str(session), *target],
        cwd=REPO,
        env=seedlint.env,
        stdout=subprocess.DEVNULL,
        check=False,
    )
    for renderer, out in (("text", text), ("html", html)):
        subprocess.run([*pyi, "--load", str(session), "-r", renderer, "-o", str(out)], check=True)
    print(text.read_text(encoding="utf-8"))
    print(f"Saved {text} and {html}", file=sys.stderr)


def other_tools(names: Sequence[str], notes: list[str]) -> tuple[list[Tool], list[str]]:
    """codespell and typos, as found, and their versions; notes on the ones missing."""
    tools: list[Tool] = []
    versions: list[str] = []
    for name in ("codespell", "typos"):
        if name not in names:
            continue
        exe = find_executable(name)
        if exe is None:
            notes.append(f"{name} not measured: not found on PATH.")
            continue
        env = python_env() if name == "codespell" else None
        tools.append(Tool(name, (exe,), name, OK_CODES[name], env))
        versions.append(f"{name} {output_of([exe, '--version'])[1].split()[-1]}")
    return tools, versions


def startup_tools(seedlint: Seedlint, notes: list[str]) -> list[Tool]:
    """``--version`` and ``--help`` of seedlint, ruff and codespell."""
    tools = [seedlint.bare(f"seedlint {a}", a) for a in ("--version", "--help")]
    for name in ("ruff", "codespell"):
        exe = find_executable(name)
        if exe is None:
            notes.append(f"{name} start-up not measured: not found on PATH.")
            continue
        env = python_env() if name == "codespell" else None
        for arg in ("--version", "--help"):
            tools.append(Tool(f"{name} {arg}", (exe, arg), f"{name} {arg}", frozenset({0}), env))
    return tools


def jobs_folders(news: corpus.Corpus) -> list[Scenario]:
    """The first N files of the news corpus, for each N of JOBS_SIZES, as folders of links."""
    files = sorted(p for p in news.path.rglob("*.txt"))
    scenarios = []
    for size in JOBS_SIZES:
        folder = CACHE / f"jobs-{news.path.name}-{size}"
        chosen = files[:size]
        if not folder.is_dir() or sum(1 for _ in folder.iterdir()) != len(chosen):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            for number, path in enumerate(chosen):
                (folder / f"{number:05d}.txt").write_bytes(path.read_bytes())
        total = sum(p.stat().st_size for p in chosen)
        scenarios.append(Scenario(f"jobs-{size}", (folder,), len(chosen), total))
    return scenarios


def run_cache(seedlint: Seedlint, news: Scenario, runs: int) -> dict[tuple[str, str], Series]:
    """Each round: seedlint into an emptied cache dir (cold), then again over it (warm).

    Twice: on the news corpus as a project configures it (a ``seedlint.yaml`` beside the
    corpus folder naming it in ``paths``, seedlint run there: the corpus rules' index is
    kept in the cache, as for a project's own corpus), and on the same folder from the
    repository, outside its configured paths, where every corpus run is judged on its own
    and so fingerprints every document again."""
    folder = news.paths[0]
    (folder.parent / "seedlint.yaml").write_text(f"paths: [{folder.name}]\n", encoding="utf-8")
    found: dict[tuple[str, str], Series] = {}
    for name, cwd, paths in (
        ("cache", folder.parent, (Path(folder.name),)),
        ("cache-plain", REPO, news.paths),
    ):
        cache_dir = CACHE / f"seedlint-{name}"
        cold = seedlint.tool("seedlint cold", cache_dir, cwd=cwd)
        warm = seedlint.tool("seedlint warm", cache_dir, cwd=cwd)
        scenario = Scenario(name, paths, news.files, news.bytes)

        def empty_before_cold(tool: Tool, cold: Tool = cold, cache_dir: Path = cache_dir) -> None:
            if tool is cold:
                shutil.rmtree(cache_dir, ignore_errors=True)

        print(f"scenario {name} (cold cache, then warm re-run)", file=sys.stderr)
        prime_page_cache(news.paths)
        series = run_series(scenario, [cold, warm], runs, before=empty_before_cold)
        found.update({(s.scenario, s.tool): s for s in series})
    return found


def run_memory(tools: Sequence[Tool], runs: int, megabytes: float) -> list[Series]:
    """Peak RSS on one large seed document, against its size: one run each, after the
    corpus runs have written every tool's bytecode (minutes per run)."""
    big = corpus.build_big(megabytes)
    scenario = Scenario("memory", (big.path,), 1, big.bytes)
    return run_series(scenario, tools, runs, warm_up=False)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, help="runs per tool and scenario (5; 3 if --quick)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="sanity run: fewer runs, a 2 MB / 500-file replicated corpus",
    )
    parser.add_argument("--scenarios", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument(
        "--tools",
        nargs="+",
        choices=("seedlint", "codespell", "typos"),
        default=["seedlint", "codespell", "typos"],
    )
    parser.add_argument(
        "--seedlint",
        metavar="CMD",
        help="command that launches seedlint (default: python -m seedlint from the working tree)",
    )
    parser.add_argument(
        "--previous",
        type=Path,
        metavar="DIR",
        help="also measure the seedlint of this checkout (a git worktree of the previous "
        "commit), in the same rounds",
    )
    parser.add_argument(
        "--big-mb",
        type=float,
        default=BIG_FILE_MB,
        help="size of the one file of the memory scenario (MB)",
    )
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    parser.add_argument("--json", type=Path, help="also write every sample as JSON here")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="news",
        choices=("real", "news", "replicated", "one-file"),
        help="only profile seedlint -j 1 with pyinstrument, on the news corpus by default",
    )
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    runs = args.runs or (3 if args.quick else 5)

    real, news = corpus.build_real(), corpus.build_news()
    replicated = corpus.build_replicated(2.0, 500) if args.quick else corpus.build_replicated()
    for built in (real, news, replicated):
        print(f"{built.path.name}: {built.files} files, {built.megabytes:.1f} MB", file=sys.stderr)

    notes: list[str] = []
    seedlint, why = find_seedlint(args.seedlint) if "seedlint" in args.tools else (None, "")
    previous, why_not = (None, "")
    if args.previous is not None:
        previous, why_not = find_seedlint(None, args.previous.resolve(), "previous")
        if previous is None:
            notes.append(f"previous seedlint not measured: {why_not}.")
    one = min(real.path.glob("*.txt"), key=lambda p: abs(p.stat().st_size - 2_500))
    scenarios = {
        name: Scenario(name, (c.path,), c.files, c.bytes)
        for name, c in (("real", real), ("news", news), ("replicated", replicated))
    }
    scenarios["one-file"] = Scenario("one-file", (one,), 1, one.stat().st_size)
    if args.profile:
        if seedlint is None:
            sys.exit(f"cannot profile: {why}")
        profile(seedlint, scenarios[args.profile])
        return

    versions: list[str] = []
    seedlints: list[Tool] = []
    if seedlint is not None:
        seedlints = [seedlint.tool(), seedlint.tool("seedlint -j1", jobs=1)]
        versions.append(seedlint.version)
        missing = [f for f in SEEDLINT_WANTED if f not in seedlint.options]
        if missing:
            notes.append(f"seedlint check does not accept {', '.join(missing)} yet: dropped.")
    elif "seedlint" in args.tools:
        notes.append(f"seedlint not measured: {why}.")
    if previous is not None:
        seedlints.append(previous.tool("seedlint previous"))
        versions.append(previous.version)
    others, other_versions = other_tools(args.tools, notes)
    versions += other_versions

    results: dict[tuple[str, str], Series] = {}

    def record(series: Iterable[Series]) -> None:
        for s in series:
            results[(s.scenario, s.tool)] = s

    for name in args.scenarios:
        print(f"scenario {name}", file=sys.stderr)
        if name == "startup" and seedlint is not None:
            record(run_series(Scenario("startup", (), 0, 0), startup_tools(seedlint, notes), runs))
        elif name == "one-file":
            record(run_series(scenarios[name], [*seedlints[:1], *seedlints[2:], *others], runs))
        elif name in CHECKS:
            record(run_series(scenarios[name], [*seedlints, *others], runs))
        elif name == "jobs" and seedlint is not None:
            for scenario in jobs_folders(news):
                record(run_series(scenario, seedlints[:2], runs))
        elif name == "cache" and seedlint is not None:
            record(run_cache(seedlint, scenarios["news"], runs).values())
        elif name == "memory":
            record(run_memory([*seedlints[:1], *others], 1, args.big_mb))

    report = markdown(results, versions, runs, notes)
    print(report)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    if args.json:
        raw = [
            {
                "scenario": s.scenario,
                "tool": s.tool,
                "files": s.files,
                "bytes": s.bytes,
                "command": s.command,
                "error": s.error,
                "samples": [vars(x) for x in s.samples],
            }
            for s in results.values()
        ]
        args.json.write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
