"""The command line: ``seedlint check | fix | rules | explain | test-rules | init``.

Exit codes: 0 nothing at a failing severity; 1 something was found (or, for ``fix``,
remains; for ``fix --diff``, would change; for ``fix --exit-non-zero-on-fix``, a file was
changed); 2 usage, configuration or internal error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from seedlint import __version__
from seedlint.config import Config, ConfigError, load_config
from seedlint.files import PathProblem
from seedlint.linter import Linter
from seedlint.rulefile import RuleFileError

if TYPE_CHECKING:  # imported where used, to keep start-up small
    from seedlint.cache import Cache

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    pass


def _selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (default: the configured paths, or seeds/)",
    )
    parser.add_argument("--config", type=Path, help="a seedlint.yaml or pyproject.toml")
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="worker processes (default: one per core)",
    )
    parser.add_argument(
        "--jsonl",
        type=Path,
        metavar="FILE",
        help="a JSON Lines corpus instead of files: one record per line",
    )
    parser.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="with --jsonl: the field holding the document (default: text)",
    )
    parser.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help="with --jsonl: the field naming the record (default: id)",
    )
    parser.add_argument(
        "--select",
        type=_codes,
        metavar="CODES",
        help="only these codes, prefixes or names "
        "(comma-separated; replaces the configured selection)",
    )
    parser.add_argument("--extend-select", type=_codes, default=[], metavar="CODES",
                        help="add to the selection")
    parser.add_argument("--ignore", type=_codes, default=[], metavar="CODES",
                        help="skip these rules")
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when problems are found"
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="print diagnostics only, no summary"
    )


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seedlint", description="Lint and normalise seed documents."
    )
    parser.add_argument("--version", action="version", version=f"seedlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser("check", help="report problems")
    _selection(check)
    check.add_argument(
        "--format",
        default="text",
        choices=["text", "concise", "json", "json-lines", "github", "sarif", "junit"],
    )
    check.add_argument("--statistics", action="store_true", help="counts per rule instead")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="where the cache lives (default: .seedlint_cache/ by the config)",
    )
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument(
        "--baseline", type=Path, metavar="FILE", help="report only findings not in FILE"
    )
    baseline.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record today's findings in FILE"
    )

    fix = commands.add_parser("fix", help="write fixed copies (or fix in place)")
    _selection(fix)
    where = fix.add_mutually_exclusive_group()
    where.add_argument(
        "--output-dir",
        type=Path,
        help="folder for the fixed copies (default: configured, normalised/)",
    )
    where.add_argument("--in-place", action="store_true", help="rewrite the originals")
    where.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    fix.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too")
    fix.add_argument("--show-fixes", action="store_true", help="list each applied edit")
    fix.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="exit 1 when a file was changed, even with --exit-zero (for pre-commit)",
    )
    fix.add_argument(
        "--format",
        default="text",
        choices=["text", "json"],
        help="json: a change record, one entry per applied edit",
    )

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--config", type=Path)
    rules.add_argument("--format", default="text", choices=["text", "json"])

    explain = commands.add_parser("explain", help="explain a rule")
    explain.add_argument("rule", help="a code (SL201) or name (minister-typo)")
    explain.add_argument("--config", type=Path)

    test_rules = commands.add_parser("test-rules", help="run the examples of rule files")
    test_rules.add_argument(
        "files", nargs="*", type=Path, help="rule files or folders (default: the configured packs)"
    )
    test_rules.add_argument("--config", type=Path)

    init = commands.add_parser("init", help="write a starter seedlint.yaml")
    init.add_argument("file", nargs="?", type=Path, default=Path("seedlint.yaml"))
    init.add_argument("--force", action="store_true", help="replace an existing file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a byte that is not UTF-8 prints as \udcXX
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        return COMMANDS[args.command](args)
    except (ConfigError, RuleFileError, PathProblem, UsageError) as error:
        print(f"seedlint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("seedlint: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_ERROR


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config) if args.config else load_config()


def _linter(args: argparse.Namespace, config: Config) -> Linter:
    return Linter(config, select=args.select, extend_select=args.extend_select, ignore=args.ignore)


def _paths(args: argparse.Namespace, config: Config) -> list[str]:
    if args.paths:
        return args.paths
    return [str(config.root / p) for p in config.paths]


def run_check(args: argparse.Namespace) -> int:
    from seedlint.document import Document
    from seedlint.progress import Progress
    from seedlint.reporters import REPORTERS
    from seedlint.runner import check_files, find_files

    config = _config(args)
    linter = _linter(args, config)
    reporter = REPORTERS[args.format](
        sys.stdout, quiet=args.quiet, statistics=args.statistics, rules=linter.all_rules
    )
    baseline = None
    if args.baseline or args.write_baseline:
        from seedlint.baseline import Baseline

        baseline = Baseline(args.write_baseline or args.baseline, write=bool(args.write_baseline))
    failed = files = errors = 0
    if args.jsonl is not None:
        from seedlint.jsonl import check_jsonl

        results = check_jsonl(args.jsonl, linter, args.text_field, args.id_field, _jobs(args))
        progress = Progress(None, "records")
    else:
        found = find_files(_paths(args, config), linter)
        results = check_files(found, linter, jobs=_jobs(args), cache=_cache(args, config, linter))
        progress = Progress(len(found), "files")
    for result in results:
        progress.advance()
        if result.error is not None:
            print(f"seedlint: error: {result.error}", file=sys.stderr)
            errors += 1
            continue
        if result.note is not None:
            print(f"seedlint: note: {result.note}", file=sys.stderr)
            continue
        files += 1
        diagnostics = result.diagnostics
        if baseline is not None:
            diagnostics = baseline.filter(result.path, result.text, diagnostics)
        failed += sum(linter.fails(d) for d in diagnostics)
        reporter.file(Document(result.text, result.path), diagnostics)
    progress.close()
    reporter.errors = errors  # the summary must not say "all passed" when some failed
    reporter.finish(files)
    if baseline is not None:
        baseline.finish()
    if errors:
        return EXIT_ERROR
    return EXIT_FOUND if failed and not args.exit_zero else EXIT_CLEAN


def _jobs(args: argparse.Namespace) -> int:
    from seedlint.runner import default_jobs

    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per core) or more")
    return args.jobs or default_jobs()


def _cache(args: argparse.Namespace, config: Config, linter: Linter) -> Cache | None:
    if args.no_cache:
        return None
    from seedlint.cache import Cache, default_cache_dir

    return Cache(args.cache_dir or default_cache_dir(config.root), linter)


def run_fix(args: argparse.Namespace) -> int:
    from seedlint.fixing import fix_paths

    config = _config(args)
    if args.jsonl is not None:
        from seedlint import jsonl

        if args.diff:
            raise UsageError("--diff does not apply to --jsonl; fix into --output-dir instead")
        return jsonl.run_fix(args, config, _linter(args, config), _jobs(args))
    return fix_paths(args, config, _linter(args, config), _paths(args, config))


def run_rules(args: argparse.Namespace) -> int:
    from seedlint.explain import list_rules

    linter = Linter(_config(args))
    sys.stdout.write(list_rules(linter.all_rules, linter.rules, args.format))
    return EXIT_CLEAN


def run_explain(args: argparse.Namespace) -> int:
    from seedlint.explain import explain

    linter = Linter(_config(args))
    for rule in linter.all_rules:
        if args.rule in (rule.code, rule.name) or args.rule.upper() == rule.code:
            sys.stdout.write(explain(rule))
            return EXIT_CLEAN
    raise UsageError(f"no rule '{args.rule}' (see 'seedlint rules')")


def run_init(args: argparse.Namespace) -> int:
    from seedlint.init import write_starter

    write_starter(args.file, args.force)
    return EXIT_CLEAN


def run_test_rules(args: argparse.Namespace) -> int:
    from seedlint.examples import check_examples
    from seedlint.rulefile import load_rules

    config = _config(args)
    packs = [str(f.resolve()) for f in args.files] or config.rule_packs
    rules = load_rules(packs, config.root)
    failures = [problem for rule in rules for problem in check_examples(rule)]
    for problem in failures:
        print(problem)
    examples = sum(len(rule.examples) for rule in rules)
    print(f"{len(rules)} rules, {examples} examples, {len(failures)} failed")
    return EXIT_FOUND if failures else EXIT_CLEAN


COMMANDS = {
    "check": run_check,
    "fix": run_fix,
    "rules": run_rules,
    "explain": run_explain,
    "test-rules": run_test_rules,
    "init": run_init,
}

if __name__ == "__main__":
    sys.exit(main())
