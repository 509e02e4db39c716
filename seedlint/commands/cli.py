"""The command line: ``seedlint check | fix | report | rules | explain | test-rules | init |
server``.

Exit codes: 0 nothing at or above ``fail-on``; 1 something was found (or, for ``fix``,
remains; for ``fix --diff``, would change; for ``fix --exit-non-zero-on-fix``, a file
was changed); 2 usage, configuration, rule-file or internal error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from seedlint import __version__
from seedlint.commands.exits import EXIT_ERROR, EXIT_INTERRUPTED, UsageError

SEVERITIES = ("info", "warning", "error")
FLAGS_NOTE = "Flags (options without a value) are off unless given."
CONFIG_HELP = (
    "a seedlint.yaml or pyproject.toml; /dev/null for none (default: the nearest, from the "
    "working directory upwards)"
)
DEFAULT_COLUMNS = 80  # the terminal width when none is known, as shutil's
FORMATS = ("text", "concise", "json", "json-lines", "github", "sarif", "junit")


class Formatter(argparse.HelpFormatter):
    """Help that shows every option's default: appended when it is a value, written into
    the help text when it depends on the configuration; flags are off unless given."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        # argparse makes a formatter for every option it declares, and by default asks
        # shutil for the terminal's width: importing shutil (with bz2 and lzma) costs
        # every start 5 ms; the same width, found as shutil finds it, less argparse's 2
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if "(default" in text or action.nargs == 0 or action.default in (None, argparse.SUPPRESS):
            return text
        default = action.default
        if isinstance(default, list):
            default = ", ".join(map(str, default)) or "none"
        return f"{text} (default: {default})"


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size().columns`` gives it: $COLUMNS,
    else standard output's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return DEFAULT_COLUMNS
    return size.columns or DEFAULT_COLUMNS


class Parser(argparse.ArgumentParser):
    """Usage errors in one line, and the parser of each command kept by name."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands: dict[str, argparse.ArgumentParser] = {}

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


# Over 60 lines on purpose: a flat list of argparse declarations, one option each.
def _reading(parser: argparse.ArgumentParser) -> None:
    """Options of every command that reads documents."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders; '-' reads standard input (default: the configured paths)",
    )
    parser.add_argument(
        "--config", type=Path, metavar="FILE",
        help=CONFIG_HELP,
    )  # fmt: skip
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--jobs", "-j", type=int, default=0, metavar="N",
        help="worker processes; 0 chooses from the work (one per core for large runs)",
    )  # fmt: skip
    parser.add_argument(
        "--jsonl", action="store_true",
        help="the paths are JSON Lines corpora (files, folders of *.jsonl, or globs): "
        "one record per line",
    )  # fmt: skip
    parser.add_argument(
        "--parquet", action="store_true",
        help="the paths are Parquet files (files, folders of *.parquet, or globs): one "
        "document per row, in the --text-field column (needs seedlint[parquet])",
    )  # fmt: skip
    parser.add_argument(
        "--text-field", metavar="NAME",
        help="with --jsonl or --parquet: the field or column holding the document "
        "(default: text)",
    )  # fmt: skip
    parser.add_argument(
        "--id-field", metavar="NAME",
        help="with --jsonl or --parquet: the field or column naming the record (default: id)",
    )  # fmt: skip
    parser.add_argument(
        "--stdin-filename", metavar="PATH",
        help="the name of standard input's document, for per-file settings, --force-exclude "
        "and output (default: '-')",
    )  # fmt: skip
    parser.add_argument(
        "--force-exclude", action="store_true",
        help="apply 'exclude' to files named on the command line too (as pre-commit needs)",
    )  # fmt: skip
    parser.add_argument(
        "--select", type=_codes, metavar="CODES",
        help="only these codes, prefixes or names, comma-separated (default: the configured "
        "select, or ALL)",
    )  # fmt: skip
    parser.add_argument(
        "--extend-select", type=_codes, metavar="CODES",
        help="codes, prefixes or names to add to the selection, on top of the configured "
        "extend-select (default: none)",
    )  # fmt: skip
    parser.add_argument(
        "--ignore", type=_codes, metavar="CODES",
        help="codes, prefixes or names to skip, on top of the configured ignore "
        "(default: none)",
    )  # fmt: skip
    parser.add_argument(
        "--fail-on", choices=SEVERITIES,
        help="lowest severity that fails the run (default: the configured fail-on, or warning)",
    )  # fmt: skip
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when problems are found"
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="print diagnostics only, no summary"
    )
    parser.add_argument(
        "--show-settings",
        action="store_true",
        help="print the resolved settings and where each came from (and, for each file "
        "named, the rules that apply to it) instead of running",
    )


def _engine(parser: argparse.ArgumentParser) -> None:
    """Where check and fix run: this machine's worker processes, or a Dask cluster."""
    parser.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="local: worker processes on this machine; dask: one task per shard of --jsonl "
        "or --parquet on a Dask cluster, needs seedlint[dask] (default: local)",
    )  # fmt: skip
    parser.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="with --engine dask: the scheduler of a running cluster, tcp://HOST:PORT "
        "(default: a local cluster of --jobs worker processes, one per core)",
    )  # fmt: skip


# Over 60 lines on purpose: the command-line surface declared in one place, as argparse
# declarations; each subcommand's own options live in the helpers it calls.
def build_parser() -> Parser:
    parser = Parser(
        prog="seedlint",
        description="Lint and normalise seed documents.",
        epilog=f"{FLAGS_NOTE} 'seedlint COMMAND --help' lists a command's options.",
        formatter_class=Formatter,
    )
    parser.add_argument("--version", action="version", version=f"seedlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser(
        "check", help="report problems", formatter_class=Formatter, epilog=FLAGS_NOTE
    )
    _reading(check)
    _engine(check)
    check.add_argument("--format", default="text", choices=FORMATS, help="output format")
    check.add_argument(
        "--output-file", "-o", type=Path, metavar="FILE",
        help="write the report here (default: standard output)",
    )  # fmt: skip
    check.add_argument("--statistics", action="store_true", help="counts per rule instead")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument(
        "--cache-dir", type=Path, metavar="DIR",
        help="where the cache lives (default: a folder for this project in the user cache)",
    )  # fmt: skip
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument(
        "--baseline", type=Path, metavar="FILE",
        help="report only findings not in FILE (default: none)",
    )  # fmt: skip
    baseline.add_argument(
        "--write-baseline", type=Path, metavar="FILE",
        help="record today's findings in FILE instead of failing on them (default: none)",
    )  # fmt: skip

    fix = commands.add_parser(
        "fix",
        help="write fixed copies (or fix in place)",
        formatter_class=Formatter,
        epilog=FLAGS_NOTE,
    )
    _reading(fix)
    _engine(fix)
    where = fix.add_mutually_exclusive_group()
    where.add_argument(
        "--output-dir", type=Path, metavar="DIR",
        help="folder for the fixed copies (default: the configured output-dir, normalised/)",
    )  # fmt: skip
    where.add_argument("--in-place", action="store_true", help="rewrite the originals")
    where.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    fix.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too")
    fix.add_argument("--show-fixes", action="store_true", help="list each applied edit")
    fix.add_argument(
        "--exit-non-zero-on-fix", action="store_true",
        help="exit 1 when a file was changed, even with --exit-zero (for pre-commit)",
    )  # fmt: skip
    fix.add_argument(
        "--format", default="text", choices=["text", "json"],
        help="json: a change record, one entry per applied edit",
    )  # fmt: skip
    fix.add_argument(
        "--no-cache",
        action="store_true",
        help="accepted for symmetry with check: fix never reads the cache",
    )

    report = commands.add_parser(
        "report",
        help="write a self-contained HTML report",
        formatter_class=Formatter,
        epilog=FLAGS_NOTE,
    )
    _reading(report)
    report.add_argument(
        "--output", "-o", type=Path, metavar="FILE",
        help="the HTML file to write (required, except with --show-settings)",
    )  # fmt: skip
    report.add_argument("--title", help="the report's title (default: names the paths)")
    report.add_argument(
        "--generated", metavar="DATE", help="the date shown as the report's (default: today)"
    )

    rules = commands.add_parser(
        "rules", help="list the rules", formatter_class=Formatter, epilog=FLAGS_NOTE
    )
    rules.add_argument("--config", type=Path, metavar="FILE", help=CONFIG_HELP)
    rules.add_argument("--isolated", action="store_true", help="ignore configuration files")
    rules.add_argument("--format", default="text", choices=["text", "json"], help="output format")

    explain = commands.add_parser(
        "explain", help="explain a rule", formatter_class=Formatter, epilog=FLAGS_NOTE
    )
    explain.add_argument("rule", help="a code (SL201) or name (minister-typo)")
    explain.add_argument("--config", type=Path, metavar="FILE", help=CONFIG_HELP)
    explain.add_argument("--isolated", action="store_true", help="ignore configuration files")

    test_rules = commands.add_parser(
        "test-rules",
        help="run the examples of rule files",
        formatter_class=Formatter,
        epilog=FLAGS_NOTE,
    )
    test_rules.add_argument(
        "files", nargs="*", type=Path, help="rule files or folders (default: the configured packs)"
    )
    test_rules.add_argument("--config", type=Path, metavar="FILE", help=CONFIG_HELP)

    init = commands.add_parser(
        "init", help="write a starter seedlint.yaml", formatter_class=Formatter, epilog=FLAGS_NOTE
    )
    init.add_argument(
        "file", nargs="?", type=Path, default=Path("seedlint.yaml"), help="the file to write"
    )
    init.add_argument("--force", action="store_true", help="replace an existing file")

    commands.add_parser(
        "server", formatter_class=Formatter, epilog=FLAGS_NOTE,
        help="run the language server (LSP, on standard input and output) for editors",
        description="A Language Server Protocol server on standard input and output: "
        "diagnostics as you type, quick fixes, and 'fix all safe problems'. Each workspace "
        "folder is configured as 'seedlint check' run there would be. Needs the server "
        "extra: pip install 'seedlint[server]'.",
    )  # fmt: skip
    parser.commands = dict(commands.choices)
    return parser


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    """The function of a command, imported only when it runs (start-up time)."""
    import importlib

    module, function = {
        "check": ("seedlint.commands.check", "run_check"),
        "fix": ("seedlint.commands.fix", "run_fix"),
        "report": ("seedlint.commands.report", "run_report"),
        "rules": ("seedlint.commands.rules", "run_rules"),
        "explain": ("seedlint.commands.rules", "run_explain"),
        "test-rules": ("seedlint.commands.rules", "run_test_rules"),
        "init": ("seedlint.commands.init", "run_init"),
        "server": ("seedlint.commands.server", "run_server"),
    }[name]
    found: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module), function)
    return found


def _baseline_error() -> type[Exception]:
    """BaselineError, imported when an exception is being matched: a run without a
    baseline does not import the baseline module (and its fingerprints)."""
    from seedlint.io.baseline import BaselineError

    return BaselineError


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a byte that is not UTF-8 prints as \udcXX
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    from seedlint.commands.combinations import refuse_combinations
    from seedlint.engine.linter import RuleOptionsError
    from seedlint.io.atomic import UnsafePath
    from seedlint.output.base import escape
    from seedlint.ruleset.config import ConfigError
    from seedlint.ruleset.rulefile import RuleFileError

    try:
        refuse_combinations(parser, args)
        return _command(args.command)(args)
    except RuleFileError as error:
        for problem in error.problems:
            print(f"seedlint: error: {escape(problem)}", file=sys.stderr)
        return EXIT_ERROR
    except (ConfigError, UsageError, RuleOptionsError, _baseline_error(), UnsafePath) as error:
        print(f"seedlint: error: {escape(str(error))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as error:  # an output that cannot be written
        where = f"{error.filename}: " if error.filename else ""
        print(f"seedlint: error: {escape(where)}{error.strerror or error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("seedlint: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
