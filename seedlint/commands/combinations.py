"""Options that do not go together, refused in one line before anything runs.

Every option of ``check``, ``fix`` and ``report`` either works with every other one or is
refused here (exit 2), so nothing is silently ignored. The rules are a table, read top to
bottom; the first that applies names the options and what to do instead.
``--show-settings`` prints the settings instead of running, so of the options given with
it only those that shape the settings are kept: any other is refused.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import msgspec

from seedlint.commands.exits import UsageError
from seedlint.output import STATISTICS_FORMATS

# What --show-settings reads: the configuration, the command line's settings, and the
# files whose per-file rules it lists.
SETTINGS_OPTIONS = frozenset(
    {
        "command",
        "paths",
        "config",
        "isolated",
        "select",
        "extend_select",
        "ignore",
        "fail_on",
        "stdin_filename",
        "show_settings",
    }
)


class HasCommands(Protocol):
    commands: dict[str, argparse.ArgumentParser]


class Refusal(msgspec.Struct, frozen=True):
    commands: tuple[str, ...]
    applies: Callable[[argparse.Namespace], bool]
    message: str


def _stdin(args: argparse.Namespace) -> bool:
    return args.paths == ["-"] or (not args.paths and args.stdin_filename is not None)


REFUSALS = (
    Refusal(
        ("check", "fix", "report"),
        lambda a: (
            not (a.jsonl or a.parquet) and (a.text_field is not None or a.id_field is not None)
        ),
        "--text-field and --id-field name fields of JSON Lines records or Parquet columns: "
        "add --jsonl or --parquet",
    ),
    Refusal(
        ("check", "fix", "report"),
        lambda a: a.jsonl and a.parquet,
        "--jsonl and --parquet name two kinds of shards: run each kind separately",
    ),
    Refusal(
        ("check", "fix"),
        lambda a: a.engine == "dask" and not (a.jsonl or a.parquet),
        "--engine dask runs one task per shard of a corpus: add --jsonl or --parquet",
    ),
    Refusal(
        ("check", "fix"),
        lambda a: a.scheduler is not None and a.engine != "dask",
        "--scheduler names a Dask cluster: add --engine dask",
    ),
    Refusal(
        ("fix",),
        lambda a: a.parquet and a.diff,
        "--diff does not apply to --parquet; fix into --output-dir instead",
    ),
    Refusal(
        ("check",),
        lambda a: a.statistics and a.format not in STATISTICS_FORMATS,
        f"--statistics prints counts per rule in {', '.join(STATISTICS_FORMATS)} only: "
        "choose one of them with --format",
    ),
    Refusal(
        ("check",),
        lambda a: a.no_cache and a.cache_dir is not None,
        "--no-cache and --cache-dir contradict each other: drop one",
    ),
    Refusal(
        ("check",),
        lambda a: a.cache_dir is not None and (a.jsonl or a.parquet or _stdin(a)),
        "--cache-dir: only files are cached, not JSON Lines records or standard input",
    ),
    Refusal(
        ("fix",),
        lambda a: a.diff and a.format == "json",
        "--diff prints a diff and --format json a change record: pick one",
    ),
    Refusal(
        ("fix",),
        lambda a: a.diff and a.show_fixes,
        "--diff shows every change already: drop --show-fixes",
    ),
    Refusal(
        ("fix",),
        lambda a: a.format == "json" and a.show_fixes,
        "--format json lists every applied edit already: drop --show-fixes",
    ),
    Refusal(
        ("fix",),
        lambda a: a.jsonl and a.diff,
        "--diff does not apply to --jsonl; fix into --output-dir instead",
    ),
    Refusal(
        ("fix",),
        lambda a: _stdin(a) and (a.in_place or a.output_dir is not None),
        "fixing standard input writes the fixed text to standard output: drop --in-place "
        "and --output-dir",
    ),
    Refusal(
        ("fix",),
        lambda a: _stdin(a) and a.format == "json",
        "fixing standard input writes the fixed text to standard output, where a --format "
        "json change record would mix with it: use --show-fixes (to standard error)",
    ),
    Refusal(
        ("report",),
        lambda a: a.output is None and not a.show_settings,
        "report writes an HTML file: name it with --output FILE",
    ),
)


def refuse_combinations(parser: HasCommands, args: argparse.Namespace) -> None:
    """UsageError (one line) for the first combination of options that cannot work."""
    command = args.command
    if command not in ("check", "fix", "report"):
        return
    for refusal in REFUSALS:
        if command in refusal.commands and refusal.applies(args):
            raise UsageError(refusal.message)
    if args.show_settings:
        # argparse lists a parser's options only in _actions, which is stable in practice
        options = parser.commands[command]._actions
        extra = sorted(
            _flag(a) for a in options if _given(args, a) and a.dest not in SETTINGS_OPTIONS
        )
        if extra:
            raise UsageError(
                f"--show-settings prints the settings instead of running: drop {extra[0]}"
            )
        return
    _refuse_overwriting_inputs(args)


def _given(args: argparse.Namespace, action: argparse.Action) -> bool:
    """Whether an option was given a value other than its default."""
    if not action.option_strings or action.dest == "help":
        return False
    value: Any = getattr(args, action.dest, action.default)
    return bool(value != action.default)


def _flag(action: argparse.Action) -> str:
    """The option's long name."""
    return max(action.option_strings, key=len)


def _refuse_overwriting_inputs(args: argparse.Namespace) -> None:
    """An output file (report, baseline) that is one of the files named to read would
    replace a document: refused before anything is read."""
    outputs = [
        (flag, getattr(args, dest, None))
        for flag, dest in (
            ("--output-file", "output_file"),
            ("--write-baseline", "write_baseline"),
            ("--output", "output"),
        )
    ]
    named = [Path(p) for p in args.paths if p != "-"]
    for flag, output in outputs:
        if output is None:
            continue
        for path in named:
            if _same_file(Path(output), path):
                raise UsageError(f"{flag} {output} is a document being read: choose another file")
    baseline = getattr(args, "baseline", None)
    output_file = getattr(args, "output_file", None)
    if baseline is not None and output_file is not None and _same_file(baseline, output_file):
        raise UsageError(f"--output-file {output_file} is the baseline being read: choose another")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)
