"""What every command that reads documents shares: the configuration as the command line
adjusts it, the rules and the linter, the documents to read, the worker count and the
exit code.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import msgspec

from seedlint.commands.exits import EXIT_CLEAN as EXIT_CLEAN
from seedlint.commands.exits import EXIT_ERROR as EXIT_ERROR
from seedlint.commands.exits import EXIT_FOUND as EXIT_FOUND
from seedlint.commands.exits import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from seedlint.commands.exits import UsageError as UsageError
from seedlint.engine.linter import Linter, RuleOptionsError
from seedlint.engine.selectors import SelectorError
from seedlint.io.discovery import Patterns, discover
from seedlint.io.pool import available_cores
from seedlint.io.sources import Item, file_items, record_items, stdin_item
from seedlint.ruleset.config import Config, ConfigError, apply_overrides, load_config
from seedlint.ruleset.rulefile import load_rules

# The work of a run, in seconds of one process, is estimated from its files and bytes
# (bench/speed/rules.py: about 0.2 ms per document and 0.85 µs per byte with every default
# rule). A worker pays for itself with this much estimated work of its own: a fork is cheap,
# and the word lists a worker loads again are loaded while the other workers load theirs.
# On 2 idle cores, two workers against one took 1.01x the time on 10 news files (30 kB,
# 0.03 s estimated), 0.92x on 25, 0.82x on 50, 0.79x on 100 and 0.66x on 388 (2.3 MB); one
# worker per 0.1 s gives a second worker from about 40 files, so a commit's few files stay
# in one process; cores that other work keeps busy are left out (``idle_cores``).
SECONDS_PER_FILE = 0.2e-3
SECONDS_PER_BYTE = 0.85e-6
WORK_PER_WORKER = 0.1
RUNNABLE_READINGS, RUNNABLE_PAUSE = 5, 0.001  # readings of the threads ready to run, apart
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson")


class Setup(msgspec.Struct):
    config: Config
    linter: Linter
    patterns: Patterns


def load_setup(args: argparse.Namespace) -> Setup:
    """The configuration (none with --isolated), with the command line's settings on
    top, its rules, and the linter they make."""
    config = configuration(args)
    overrides = [
        ("select", getattr(args, "select", None), "--select"),
        ("extend-select", getattr(args, "extend_select", None), "--extend-select"),
        ("ignore", getattr(args, "ignore", None), "--ignore"),
        ("fail-on", getattr(args, "fail_on", None), "--fail-on"),
    ]
    for key, value, flag in overrides:
        if value is None:
            continue
        if key in ("extend-select", "ignore"):
            value = [*getattr(config, key.replace("-", "_")), *value]
        apply_overrides(config, [(key, value)], flag)
    return build_setup(config)


def configuration(args: argparse.Namespace) -> Config:
    """The configuration file the command line names (``/dev/null``: none), or the one
    found from the working directory; none at all with ``--isolated``."""
    if getattr(args, "isolated", False):
        if args.config:
            raise UsageError("--isolated ignores configuration files; drop --config")
        return Config(root=Path.cwd().resolve())
    if args.config is not None and _is_devnull(args.config):
        # the conventional "no configuration": the defaults, rooted where the run is
        return Config(root=Path.cwd().resolve(), source=str(args.config))
    return load_config(args.config) if args.config else load_config()


def _is_devnull(path: Path) -> bool:
    try:
        return os.path.samefile(path, os.devnull)
    except OSError:
        return False


def build_setup(config: Config) -> Setup:
    """The rules of a configuration and the linter they make (the language server builds
    one per workspace folder)."""
    rules = load_rules(config.rule_packs, config.root)
    if not rules:
        where = config.where("rule-packs")
        raise ConfigError(
            f"{'' if where == 'default' else where + ': '}the rule packs hold no rule"
        )
    try:
        linter = Linter(rules, config.lint_settings())
    except RuleOptionsError as error:  # the engine names the rule; this, the setting
        raise ConfigError(f"{config.where('rule-options')}: {error}") from None
    except SelectorError as error:
        setting, _, problem = str(error).partition(": ")
        where = config.where(setting)
        if where.startswith("--"):  # given on the command line
            raise ConfigError(f"{where}: {problem}") from None
        raise ConfigError(f"{where}: {setting}: {problem}") from None
    patterns = Patterns(config.root, config.include, config.exclude)
    return Setup(config, linter, patterns)


def reads_stdin(args: argparse.Namespace) -> bool:
    stdin = args.paths == ["-"] or (not args.paths and args.stdin_filename is not None)
    if "-" in args.paths and args.paths != ["-"]:
        raise UsageError("'-' (standard input) cannot be mixed with other paths")
    if args.stdin_filename is not None and not stdin:
        raise UsageError("--stdin-filename names standard input: give '-' as the only path")
    return stdin


def paths_of(args: argparse.Namespace, config: Config) -> list[str]:
    if args.paths:
        return list(args.paths)
    return [str(config.root / p) for p in config.paths]


def jsonl_files(
    paths: list[str],
    config: Config,
    force_exclude: bool = False,
    suffixes: tuple[str, ...] = JSONL_SUFFIXES,
    kind: str = "JSON Lines",
) -> list[Path]:
    """JSON Lines files (or, with other ``suffixes``, Parquet files) named, globbed
    ('corpus/*.jsonl') or found in named folders (as files are found: ``exclude`` applies
    in folders, and to named files with ``force_exclude``)."""
    named: list[str] = []
    for name in paths:
        if not Path(name).exists() and glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                raise UsageError(f"{name}: no file matches")
            named.extend(matches)
        else:
            named.append(name)  # reading it says what is wrong, if anything
    records = Patterns(config.root, [f"*{suffix}" for suffix in suffixes], config.exclude)
    files: list[Path] = []
    for name in named:
        found = [f.path for f in discover([name], records, force_exclude=force_exclude)]
        if not found and Path(name).is_dir():
            print(f"seedlint: note: {name}: no {kind} files in this folder", file=sys.stderr)
        files.extend(found)
    return files


class Documents(msgspec.Struct):
    """The documents of a run: a list of files (known in advance), or a stream of
    records read as the run goes (memory stays bounded), with the files holding them."""

    items: list[Item] | Iterator[Item]
    unit: str  # "file" or "record"
    shards: list[Path] = msgspec.field(default_factory=list)
    stdin: bool = False
    # standard input named (--stdin-filename) as a file that --force-exclude excludes:
    # check reports nothing, fix passes the text through unchanged
    stdin_excluded: bool = False
    stdin_data: bytes = b""  # standard input as it came, for fix to pass through

    @property
    def known(self) -> list[Item] | None:
        return self.items if isinstance(self.items, list) else None


def documents(args: argparse.Namespace, setup: Setup, skip: list[Path] | None = None) -> Documents:
    patterns = setup.patterns
    if reads_stdin(args):
        if args.jsonl or getattr(args, "parquet", False):
            flag = "--jsonl" if args.jsonl else "--parquet"
            raise UsageError(f"{flag} reads files; standard input is one document")
        name = args.stdin_filename
        relative = patterns.relative(Path(name), Path.cwd()) if name else None
        if args.force_exclude and relative is not None and patterns.excluded(relative):
            return Documents([], "file", stdin=True, stdin_excluded=True)
        data = sys.stdin.buffer.read()
        item = stdin_item(name, patterns, data)
        return Documents([item], "file", stdin=True, stdin_data=data)
    paths = paths_of(args, setup.config)
    if args.jsonl:
        files = jsonl_files(paths, setup.config, args.force_exclude)
        return Documents(record_items(files, patterns, *record_fields(args)), "record", files)
    if getattr(args, "parquet", False):
        from seedlint.io.parquet import PARQUET_SUFFIXES, parquet_shard_items

        files = jsonl_files(paths, setup.config, args.force_exclude, PARQUET_SUFFIXES, "Parquet")
        rows = record_items(files, patterns, *record_fields(args), shard=parquet_shard_items)
        return Documents(rows, "record", files)
    items = list(file_items(paths, patterns, skip or [], args.force_exclude))
    return Documents(items, "file")


def record_fields(args: argparse.Namespace) -> tuple[str, str]:
    """The names of a JSON Lines record's text and identifier fields."""
    return (args.text_field or "text", args.id_field or "id")


def choose_jobs(requested: int, items: list[Item] | None) -> int:
    """The worker count: as asked; by default from the work and the idle cores (see
    ``default_jobs``)."""
    if requested < 0:
        raise UsageError("--jobs must be 0 (chosen from the work) or more")
    if requested:
        return requested
    jobs = default_jobs(items, available_cores())
    return min(jobs, idle_cores()) if jobs > 1 else jobs  # the load is read only when it matters


def idle_cores() -> int:
    """The cores this process may use that are not busy: a worker on a core that other
    processes keep busy only adds its own start-up and the moving of results, so a run
    on a loaded machine gets fewer (see ``busy_cores``)."""
    cores = available_cores()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average on this system
        return cores
    return max(1, min(cores, cores - busy_cores(load, runnable_now())))


def busy_cores(load: float, runnable: int | None) -> int:
    """The cores other processes keep busy: the one-minute load average, as make -l reads
    it, but no more than the processes ready to run at this moment (others than this
    one). The average lags a minute behind: right after another run (a CI job's previous
    step, a benchmark's previous round) it still counts processes that have ended."""
    busy = int(load)
    return busy if runnable is None else min(busy, runnable)


def runnable_now() -> int | None:
    """How many threads of other processes are ready to run now (Linux's /proc/loadavg,
    fourth field "running/total", less this process's own running threads: numpy's
    math library starts threads that spin for a while), or None where that cannot be
    read. The fewest of a few readings a millisecond apart: one reading often catches a
    thread that runs for an instant (a kernel worker, a process starting or ending)."""
    readings = []
    for number in range(RUNNABLE_READINGS):
        if number:
            time.sleep(RUNNABLE_PAUSE)
        try:
            with open("/proc/loadavg", encoding="ascii") as stream:
                running = int(stream.read().split()[3].split("/")[0])
        except (OSError, IndexError, ValueError):
            return None
        readings.append(max(0, running - _own_running_threads()))
    return min(readings)


def _own_running_threads() -> int:
    """This process's threads in the running state (at least 1: the one reading)."""
    count = 0
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return 1
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/stat", encoding="ascii", errors="replace") as stat:
                # the state follows the command name, which is in brackets and may hold spaces
                count += stat.read().rpartition(")")[2].split()[0] == "R"
        except (OSError, IndexError):
            continue
    return max(1, count)


def default_jobs(items: list[Item] | None, cores: int) -> int:
    """From a known list of files: one worker per tenth of a second of estimated work
    (``WORK_PER_WORKER``), at most one per core and one per file, so that a small run never
    pays for a pool. A stream of records, whose size is not known, gets one per core."""
    if items is None or cores == 1:
        return cores
    cores = min(cores, len(items))  # a worker with no document of its own only costs
    enough = cores * WORK_PER_WORKER  # estimated seconds past which every core is worth it
    work = 0.0
    for item in items:
        work += SECONDS_PER_FILE
        if item.path is not None:
            try:
                work += os.stat(item.path).st_size * SECONDS_PER_BYTE
            except OSError:
                continue
        elif item.text is not None:
            work += len(item.text) * SECONDS_PER_BYTE
        if work >= enough:
            return cores
    return max(1, min(cores, int(work / WORK_PER_WORKER)))
