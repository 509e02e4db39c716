"""``seedlint check``: report problems in files, JSON Lines records or standard input."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from seedlint.commands.common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FOUND,
    Documents,
    Setup,
    choose_jobs,
    documents,
    load_setup,
    paths_of,
    record_fields,
)
from seedlint.commands.corpus import CorpusRun, corpus_work
from seedlint.commands.work import CheckContext, Checked, check_item, serve_unchanged
from seedlint.engine.corpus import can_report
from seedlint.engine.diagnostics import Diagnostic
from seedlint.engine.document import Document
from seedlint.io.pool import ordered_map
from seedlint.io.sources import Item
from seedlint.output import reporter
from seedlint.output.base import Reporter, Summary, escape
from seedlint.output.progress import Progress

if TYPE_CHECKING:
    from seedlint.distributed.engine import DaskEngine
    from seedlint.io.baseline import Baseline
    from seedlint.io.cache import Cache


def note(message: str, level: str = "note") -> None:
    print(f"seedlint: {level}: {escape(message)}", file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        from seedlint.distributed.engine import DaskEngine

        with DaskEngine(args) as engine:
            return _run_check(args, engine)
    return _run_check(args, None)


# Over 60 lines on purpose: the check command's steps in the order they happen (settings,
# sources, engine, corpus pass, report, exit code), each a call or two.
def _run_check(args: argparse.Namespace, engine: DaskEngine | None) -> int:
    setup = load_setup(args)
    if args.show_settings:
        from seedlint.commands.settings import show_settings

        return show_settings(setup, args)
    linter = setup.linter
    docs = documents(args, setup)
    unit, known = docs.unit, docs.known
    cache = None
    if not args.no_cache and unit == "file" and not docs.stdin:
        from seedlint.io.cache import Cache, default_cache_dir  # with msgspec: 7 ms

        cache = Cache(args.cache_dir or default_cache_dir(setup.config.root), linter)
        if cache.note:
            note(cache.note)
    baseline = None
    if args.baseline or args.write_baseline:
        from seedlint.io.baseline import Baseline

        baseline = Baseline(args.write_baseline or args.baseline, write=bool(args.write_baseline))
    corpus = _corpus_run(args, setup, docs, cache)
    summary = Summary(fail_on=linter.settings.fail_on, unit=unit)
    with ExitStack() as stack:
        stream = _output(args.output_file, stack)
        out = reporter(
            args.format, stream=stream, rules=linter.all_rules, quiet=args.quiet,
            statistics=args.statistics,
        )  # fmt: skip
        progress = Progress(len(known) if known is not None else None, f"{unit}s")
        context = CheckContext(linter, cache, corpus.work if corpus else None)
        if engine is None:
            results = _results(args, docs, context)
        else:  # the same items and results, from one task per shard
            results = engine.check(engine.shards(docs.shards, setup), context, corpus=corpus)
        for item, result in results:
            progress.advance()
            if cache is not None and result.cache_entry is not None:
                key, fresh = result.cache_entry
                cache.keep(key) if fresh is None else cache.put(key, fresh)
            if cache is not None and result.stamp is not None and item.path is not None:
                cache.stamped(item.absolute_path(), result.stamp)
            if corpus is not None:
                corpus.add(item, result.contribution)
            if result.problem is not None:
                note(result.problem.message, "error" if result.problem.error else "note")
                summary.unchecked += result.problem.error
                continue
            if not item.checkable:
                continue  # a blank line of a JSON Lines file
            doc = Document(result.text or "", item.name)
            diagnostics = _filtered(baseline, summary, doc, result.diagnostics)
            summary.add(diagnostics, sum(map(linter.fails, diagnostics)))
            out.document(doc, diagnostics)
        progress.close()
        # let the run's items go (a few hundred bytes a file) before the corpus pass,
        # which keeps the names it reports by
        del docs, known, results
        if corpus is not None:
            _report_corpus(corpus, out, summary, baseline)
        if cache is not None:
            cache.save()
        out.finish(summary)
    if baseline is not None:
        told = baseline.finish()
        if told:
            note(told)
    return exit_code(summary, args.exit_zero)


def _results(
    args: argparse.Namespace, docs: Documents, context: CheckContext
) -> Iterator[tuple[Item, Checked]]:
    """Every item with its result, in order: files the cache knows unchanged are served
    here, without being read; the others are checked by the workers, whose number is
    chosen from what remains to be done."""
    known = docs.known
    if context.cache is None or known is None:
        yield from ordered_map(check_item, docs.items, context, choose_jobs(args.jobs, known))
        return
    served = [serve_unchanged(item, context) for item in known]
    rest = [item for item, result in zip(known, served, strict=True) if result is None]
    checked = ordered_map(check_item, rest, context, choose_jobs(args.jobs, rest))
    for item, result in zip(known, served, strict=True):
        yield (item, result) if result is not None else next(checked)
    for _ in checked:  # nothing is left; this closes the pool
        pass


def _corpus_run(
    args: argparse.Namespace, setup: Setup, docs: Documents, cache: Cache | None
) -> CorpusRun | None:
    """The corpus rules' side of the run, None when none is selected or the document is
    standard input. A run of files that all lie in the configured ``paths`` (the whole
    corpus, or a few of its files as pre-commit names them) is judged against the index
    the cache keeps of that corpus, whose digests are read here, before the workers
    start, so that they reuse its fingerprints of unchanged files. Any other run is
    judged on its own, and skipped (None) when it has too few files for any corpus rule
    to find something, as a pre-commit run of one file outside the configured corpus
    has. With the cache, either starts from the corpus pass's kept verdict when there is
    one: its digests are read instead, and the index is opened only if a document
    changed (see io/corpus_verdict.py)."""
    work = corpus_work(setup.linter, setup.config.root)
    if work is None or docs.stdin:
        return None
    paths = [Path(p) for p in paths_of(args, setup.config)]
    corpus_paths = [setup.config.root / p for p in setup.config.paths]
    configured = all(_inside(p, corpus_paths) for p in paths)
    files = docs.unit == "file"
    if not (cache is not None and files and configured):
        known = docs.known
        if files and known is not None and not can_report(work.groups, len(known)):
            return None
    if cache is None or not files:
        return CorpusRun(setup.linter, work, None, *record_fields(args))
    from seedlint.io.corpus_verdict import Stores

    stores = Stores(cache.path.parent, work.groups, cache.fingerprint, note, configured)
    work.kept[:] = stores.kept()
    corpus = CorpusRun(setup.linter, work, stores, *record_fields(args))
    if configured:
        corpus.walked = [p for p in paths if p.is_dir()]
    return corpus


def _inside(path: Path, folders: list[Path]) -> bool:
    """Whether the path is one of the folders or lies below one."""
    real = os.path.realpath(path)
    for folder in folders:
        top = os.path.realpath(folder)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False


def _report_corpus(
    corpus: CorpusRun, out: Reporter, summary: Summary, baseline: Baseline | None
) -> None:
    """The corpus pass's diagnostics, after every document, in path order."""
    linter = corpus.linter
    for key, found in corpus.diagnostics().items():
        doc = Document(corpus.text(key) or "", corpus.name(key))
        diagnostics = _filtered(baseline, summary, doc, [item.diagnostic for item in found])
        summary.add(diagnostics, sum(map(linter.fails, diagnostics)), document=False)
        out.document(doc, diagnostics)


def _filtered(
    baseline: Baseline | None, summary: Summary, doc: Document, diagnostics: list[Diagnostic]
) -> list[Diagnostic]:
    """The diagnostics a baseline does not hold (none when one is written), counted."""
    if baseline is None:
        return diagnostics
    kept = baseline.filter(doc.path, doc.text, diagnostics)
    if baseline.write:
        summary.recorded += len(diagnostics)
    else:
        summary.hidden += len(diagnostics) - len(kept)
    return kept


def exit_code(summary: Summary, exit_zero: bool) -> int:
    if summary.unchecked:
        return EXIT_ERROR
    return EXIT_FOUND if summary.failing and not exit_zero else EXIT_CLEAN


def _output(path: Path | None, stack: ExitStack) -> TextIO:
    """Standard output, or the --output-file (written atomically when the run ends; a
    device or pipe as it stands)."""
    if path is None:
        return sys.stdout
    import io

    from seedlint.io.atomic import named_output

    raw = stack.enter_context(named_output(path))
    text = io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", newline="\n")
    stack.callback(text.detach)
    stack.callback(text.flush)
    return text
