"""What every command that reads documents shares: the configuration as the command line
adjusts it, the rules and the linter, the documents to read, the worker count and the
exit code.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this module before it knows what runs
    from seedlint.engine.linter import Linter
    from seedlint.io.discovery import Patterns
    from seedlint.io.sources import Item
    from seedlint.ruleset.config import Config

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
# A run with less work than this stays in one process: starting workers and moving
# results between processes costs more than it saves (measured by bench/speed).
PARALLEL_FROM_DOCUMENTS = 200
PARALLEL_FROM_BYTES = 2 << 20
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson")


class UsageError(Exception):
    """A command line that cannot be run; str() is the one-line report."""


@dataclass
class Setup:
    config: Config
    linter: Linter
    patterns: Patterns


def load_setup(args: argparse.Namespace) -> Setup:
    """The configuration (none with --isolated), with the command line's settings on
    top, its rules, and the linter they make."""
    from seedlint.engine.linter import Linter
    from seedlint.engine.selectors import SelectorError
    from seedlint.io.discovery import Patterns
    from seedlint.ruleset.config import Config, ConfigError, apply_overrides, load_config
    from seedlint.ruleset.rulefile import load_rules

    if getattr(args, "isolated", False):
        if args.config:
            raise UsageError("--isolated ignores configuration files; drop --config")
        config = Config(root=Path.cwd().resolve())
    else:
        config = load_config(args.config) if args.config else load_config()
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
    rules = load_rules(config.rule_packs, config.root)
    try:
        linter = Linter(rules, config.lint_settings())
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


def jsonl_files(paths: list[str]) -> list[Path]:
    """JSON Lines files named, globbed ('corpus/*.jsonl') or found in named folders."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.name.endswith(JSONL_SUFFIXES) and p.is_file()
            )
            if not found:
                print(
                    f"seedlint: note: {name}: no JSON Lines files in this folder", file=sys.stderr
                )
            files.extend(found)
        elif not path.exists() and glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                raise UsageError(f"{name}: no file matches")
            files.extend(Path(m) for m in matches)
        else:
            files.append(path)  # reading it says what is wrong, if anything
    return files


@dataclass
class Documents:
    """The documents of a run: a list of files (known in advance), or a stream of
    records read as the run goes (memory stays bounded), with the files holding them."""

    items: list[Item] | Iterator[Item]
    unit: str  # "file" or "record"
    shards: list[Path] = field(default_factory=list)
    stdin: bool = False

    @property
    def known(self) -> list[Item] | None:
        return self.items if isinstance(self.items, list) else None


def documents(args: argparse.Namespace, setup: Setup, skip: list[Path] | None = None) -> Documents:
    from seedlint.io.sources import file_items, record_items, stdin_item

    if reads_stdin(args):
        if args.jsonl:
            raise UsageError("--jsonl reads files; standard input is one document")
        return Documents([stdin_item(args.stdin_filename, setup.patterns)], "file", stdin=True)
    paths = paths_of(args, setup.config)
    if args.jsonl:
        files = jsonl_files(paths)
        items = record_items(files, setup.patterns, args.text_field, args.id_field)
        return Documents(items, "record", files)
    force = args.force_exclude
    return Documents(list(file_items(paths, setup.patterns, skip or [], force)), "file")


def choose_jobs(requested: int, items: list[Item] | None) -> int:
    """The worker count: as asked; by default one per core, but one process for a run
    too small to gain from workers (a known list of files under the thresholds)."""
    if requested < 0:
        raise UsageError("--jobs must be 0 (chosen from the work) or more")
    if requested:
        return requested
    from seedlint.io.pool import available_cores

    cores = available_cores()
    if items is None or cores == 1:
        return cores
    if len(items) < PARALLEL_FROM_DOCUMENTS:
        return 1
    size = 0
    for item in items:
        if item.path is not None:
            try:
                size += os.stat(item.path).st_size
            except OSError:
                continue
        if size >= PARALLEL_FROM_BYTES:
            return cores
    return 1
