"""``seedlint check``: report problems in files, JSON Lines records or standard input."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from seedlint.commands.common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FOUND,
    choose_jobs,
    documents,
    load_setup,
)
from seedlint.commands.work import CheckContext, check_item
from seedlint.engine.document import Document
from seedlint.io.cache import Cache, default_cache_dir
from seedlint.io.pool import ordered_map
from seedlint.output import reporter
from seedlint.output.base import Summary, escape
from seedlint.output.progress import Progress


def note(message: str, level: str = "note") -> None:
    print(f"seedlint: {level}: {escape(message)}", file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    setup = load_setup(args)
    if args.show_settings:
        from seedlint.commands.settings import show_settings

        return show_settings(setup, args)
    linter = setup.linter
    docs = documents(args, setup)
    unit, known = docs.unit, docs.known
    cache = None
    if not args.no_cache and unit == "file" and not docs.stdin:
        cache = Cache(args.cache_dir or default_cache_dir(setup.config.root), linter)
        if cache.note:
            note(cache.note)
    baseline = None
    if args.baseline or args.write_baseline:
        from seedlint.io.baseline import Baseline

        baseline = Baseline(args.write_baseline or args.baseline, write=bool(args.write_baseline))
    jobs = choose_jobs(args.jobs, known)
    summary = Summary(fail_on=linter.settings.fail_on, unit=unit)
    with ExitStack() as stack:
        stream = _output(args.output_file, stack)
        out = reporter(
            args.format, stream=stream, rules=linter.all_rules, quiet=args.quiet,
            statistics=args.statistics,
        )  # fmt: skip
        progress = Progress(len(known) if known is not None else None, f"{unit}s")
        results = ordered_map(check_item, docs.items, CheckContext(linter, cache), jobs)
        for item, result in results:
            progress.advance()
            if cache is not None and result.cache_entry is not None:
                key, fresh = result.cache_entry
                cache.keep(key) if fresh is None else cache.put(key, fresh)
            if result.problem is not None:
                note(result.problem.message, "error" if result.problem.error else "note")
                summary.unchecked += result.problem.error
                continue
            if not item.checkable:
                continue  # a blank line of a JSON Lines file
            diagnostics = result.diagnostics
            if baseline is not None:
                kept = baseline.filter(item.name, result.text or "", diagnostics)
                if baseline.write:
                    summary.recorded += len(diagnostics)
                else:
                    summary.hidden += len(diagnostics) - len(kept)
                diagnostics = kept
            summary.add(diagnostics, sum(map(linter.fails, diagnostics)))
            out.document(Document(result.text or "", item.name), diagnostics)
        progress.close()
        if cache is not None:
            cache.save()
        out.finish(summary)
    if baseline is not None:
        told = baseline.finish()
        if told:
            note(told)
    return exit_code(summary, args.exit_zero)


def exit_code(summary: Summary, exit_zero: bool) -> int:
    if summary.unchecked:
        return EXIT_ERROR
    return EXIT_FOUND if summary.failing and not exit_zero else EXIT_CLEAN


def _output(path: Path | None, stack: ExitStack) -> TextIO:
    """Standard output, or the --output-file (written atomically when the run ends)."""
    if path is None:
        return sys.stdout
    import io

    from seedlint.io.atomic import atomic_replace

    raw = stack.enter_context(atomic_replace(path))
    text = io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", newline="\n")
    stack.callback(text.detach)
    stack.callback(text.flush)
    return text
