"""``seedlint fix``: fixed copies, in-place rewrites, a diff, or the fixed text on
standard output; and a change record (``--format json``).

Copies go to the output folder, each at its path relative to the folder it was found
under (a file named directly goes to the output folder's top); JSON Lines files keep
their names. Nothing is written when the output folder overlaps an input (the same
folder, inside it, or holding it) or two inputs would land on one output. Every write is
atomic (see ``seedlint.io.atomic``), and nothing is written through a symbolic link: in
the output folder a link is refused, and ``--in-place`` leaves a linked file alone. The
sinks that write them are in ``sinks.py``.

With corpus rules selected, the documents are read once first for the corpus pass (over
the documents of the run alone: fix keeps no corpus index). Its fixes that edit a
document (a boilerplate paragraph removed) are applied before the per-document ones; a
later copy is left out of the fixed corpus (not written into the output folder, or into
the output JSON Lines file) only with ``--unsafe-fixes`` and an output folder, and each
one left out is named. No document is ever deleted in place.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from seedlint.commands.check import note
from seedlint.commands.common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FOUND,
    Documents,
    Setup,
    UsageError,
    choose_jobs,
    documents,
    load_setup,
    reads_stdin,
    record_fields,
)
from seedlint.commands.corpus import CorpusRun, corpus_work, item_id
from seedlint.commands.sinks import (
    FileSink,
    Sink,
    StdoutSink,
    Written,
    relative_output,
)
from seedlint.commands.work import CheckContext, FixContext, Fixed, contribute_item, fix_item
from seedlint.engine.corpus import CorpusDiagnostic
from seedlint.engine.fixer import AppliedEdit
from seedlint.io.pool import ordered_map
from seedlint.io.sources import Item, display_path
from seedlint.output.base import escape, plural
from seedlint.output.json import encode_pretty, write_bytes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from seedlint.distributed.engine import DaskEngine


class Tally:
    def __init__(self) -> None:
        self.changed = self.remaining = self.errors = 0
        self.records: list[dict[str, Any]] = []
        self.dropped: list[tuple[str, CorpusDiagnostic]] = []  # (name, why)


def run_fix(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        from seedlint.distributed.engine import DaskEngine

        with DaskEngine(args) as engine:
            return _run_fix(args, engine)
    return _run_fix(args, None)


# Over 60 lines on purpose: the fix command's steps in the order they happen (settings,
# safety checks on the output, engine, writes, report, exit code), each a call or two.
def _run_fix(args: argparse.Namespace, engine: DaskEngine | None) -> int:
    stdin = reads_stdin(args)
    setup = load_setup(args)
    if args.show_settings:
        from seedlint.commands.settings import show_settings

        return show_settings(setup, args)
    output = root = None
    if not (args.in_place or args.diff or stdin):
        # A folder named on the command line is the user's; one from the configuration
        # comes with the repository, so nothing below the configuration's folder may be
        # a link (a cloned "normalised -> ~/.ssh" must not be written through).
        output = Path(args.output_dir or setup.config.root / setup.config.output_dir)
        root = output if args.output_dir else setup.config.root
    docs = documents(args, setup, skip=[output] if output else [])
    if docs.stdin_excluded:  # excluded: what came in goes out as it was
        shutil.copyfileobj(sys.stdin.buffer, sys.stdout.buffer)
        return EXIT_CLEAN
    unit = docs.unit
    if output is not None:
        _check_overlap(docs, output)
    sink: Sink
    if stdin:
        sink = StdoutSink(args.diff, docs.stdin_data)
    elif unit == "record":
        from seedlint.commands.shards import shard_sink

        sink = shard_sink(args.parquet, output, root, docs.shards, record_fields(args)[0])
    else:
        sink = FileSink(output, root, args.diff)
    tally = Tally()
    jobs = choose_jobs(args.jobs, docs.known)
    found = {} if stdin else _corpus_pass(args, setup, docs, output, jobs, engine)
    if found and docs.known is None:  # records: the first pass read the stream
        docs = documents(args, setup, skip=[output] if output else [])
    drop = output is not None and not args.diff
    context = FixContext(setup.linter, args.unsafe_fixes, found, drop)
    results: Iterable[tuple[Item, Fixed]]
    if engine is None:
        results = ordered_map(fix_item, docs.items, context, jobs)
    else:  # each task writes its shard's copy; the results say what was written
        from seedlint.distributed.engine import fix_settings

        shards = engine.shards(docs.shards, setup)
        results = sink = engine.fix(
            shards, context, output, root, tally, fix_settings(setup, args, drop)
        )
    # with standard input, standard output carries the text: the report goes to stderr
    report_to = sys.stderr if stdin else sys.stdout
    try:
        for item, result in results:
            if result.problem is not None:
                note(result.problem.message, "error" if result.problem.error else "note")
                tally.errors += result.problem.error
            written = sink.put(item, result)  # a file that cannot be written stops no other
            _count(tally, item, result, written, setup, found.get(item_id(item), []))
            if args.format == "text" and not args.diff:
                _report(item, result, setup, args, report_to)
        tally.errors += sink.close()
    except BaseException:
        sink.abort()
        raise
    _finish(args, tally, unit, output, stdin)
    _tell_corpus(args, tally, found, drop)
    return exit_code(args, tally)


def _count(
    tally: Tally,
    item: Item,
    result: Fixed,
    written: Written,
    setup: Setup,
    corpus: list[CorpusDiagnostic],
) -> None:
    """One document's part of the tally: written, changed, what remains, the change record."""
    tally.errors += written is Written.FAILED
    tally.changed += result.changed and written is Written.YES
    left = result.remaining
    unwritten = result.changed and written is not Written.YES
    if unwritten or (result.problem is not None and result.original):
        # the original stays as it was, and so do its problems
        rules = setup.linter.rules_for(item.relative)
        left = setup.linter.lint(result.original, item.name, rules)
        left += [c.diagnostic for c in corpus]
    tally.remaining += sum(map(setup.linter.fails, left))
    tally.records.extend(change_entry(item.name, a) for a in result.applied)
    if result.dropped:
        tally.dropped.append((item.name, result.dropped[0]))
        tally.records.append(drop_entry(item.name, result))


def _corpus_pass(
    args: argparse.Namespace,
    setup: Setup,
    docs: Documents,
    output: Path | None,
    jobs: int,
    engine: DaskEngine | None = None,
) -> dict[str, list[CorpusDiagnostic]]:
    """The corpus pass over the run's documents, read once for it (see the module
    docstring); its diagnostics by item. Problems reading a document are told by the fix
    pass that follows."""
    work = corpus_work(setup.linter, setup.config.root)
    if work is None:
        return {}
    items = (
        docs.items
        if docs.known is not None
        else documents(args, setup, [output] if output else []).items
    )
    corpus = CorpusRun(setup.linter, work, None, *record_fields(args))
    context = CheckContext(setup.linter, None, work)
    if engine is None:
        contributed = ordered_map(contribute_item, items, context, jobs)
    else:
        shards = engine.shards(docs.shards, setup)
        contributed = engine.check(shards, context, contribute=True, corpus=corpus)
    for item, result in contributed:
        corpus.add(item, result.contribution)
    return corpus.by_item()


def _tell_corpus(
    args: argparse.Namespace,
    tally: Tally,
    found: dict[str, list[CorpusDiagnostic]],
    drop: bool,
) -> None:
    """Which documents were left out of the fixed corpus, and why; or how many copies
    were kept because nothing is ever dropped in place."""
    if args.format == "json":
        return
    for name, why in tally.dropped:
        d = why.diagnostic
        note(f"left {name} out of the fixed corpus: {d.code} [{d.name}] {d.message}")
    kept = sum(c.drops_document for items in found.values() for c in items)
    if args.unsafe_fixes and kept and not drop:
        note(
            f"{kept} later cop{'y' if kept == 1 else 'ies'} kept: a document is left out "
            "only of fixed copies written to an output folder, never deleted in place"
        )


def drop_entry(name: str, result: Fixed) -> dict[str, Any]:
    """The ``--format json`` change record's entry of a document left out: its whole
    text removed."""
    d = result.dropped[0].diagnostic
    return {
        "filename": name,
        "code": d.code,
        "name": d.name,
        "applicability": "unsafe",
        "row": 1,
        "column": 1,
        "before": result.original,
        "after": "",
    }


def exit_code(args: argparse.Namespace, tally: Tally) -> int:
    if tally.errors:
        return EXIT_ERROR
    if args.exit_non_zero_on_fix and tally.changed:
        return EXIT_FOUND
    if args.exit_zero:
        return EXIT_CLEAN
    if args.diff:
        return EXIT_FOUND if tally.changed else EXIT_CLEAN
    return EXIT_FOUND if tally.remaining else EXIT_CLEAN


def _finish(
    args: argparse.Namespace, tally: Tally, unit: str, output: Path | None, stdin: bool
) -> None:
    if args.format == "json":
        write_bytes(sys.stdout, encode_pretty(tally.records))
    elif not args.quiet and not args.diff:
        where = "in place" if output is None else f"into {escape(display_path(output))}"
        if stdin:
            where = "on standard output"
        print(
            f"Fixed {plural(tally.changed, unit)} {where}; "
            f"{plural(tally.remaining, 'problem')} "
            f"remain{'s' * (tally.remaining == 1)}.",
            file=sys.stderr,
        )


def _report(
    item: Item, result: Fixed, setup: Setup, args: argparse.Namespace, stream: TextIO
) -> None:
    lines = []
    if args.show_fixes:
        for a in result.applied:
            lines.append(
                f"{escape(item.name)}:{a.row}:{a.column}: fixed {a.code} [{a.name}] "
                f"{escape(repr(a.before))} -> {escape(repr(a.after))}"
            )
    for d in result.remaining:
        if not args.quiet or setup.linter.fails(d):
            lines.append(
                f"{escape(d.path)}:{d.row}:{d.column}: {d.code} {d.severity.value} "
                f"[{d.name}] {escape(d.message)}"
            )
    if lines:
        stream.write("\n".join(lines) + "\n")


def change_entry(name: str, applied: AppliedEdit) -> dict[str, Any]:
    """One entry of the ``--format json`` change record."""
    return {
        "filename": name,
        "code": applied.code,
        "name": applied.name,
        "applicability": applied.applicability.value,
        "row": applied.row,
        "column": applied.column,
        "before": applied.before,
        "after": applied.after,
    }


def _check_overlap(docs: Documents, output: Path) -> None:
    """UsageError, before anything is written, when the output folder overlaps an input
    (the same folder, inside it, or holding it; through links too) or two inputs would be
    written to one output."""
    out = os.path.realpath(output)
    if docs.unit == "record":
        sources = [(shard, shard, Path(shard.name)) for shard in docs.shards]
    else:
        sources = [
            (item.base, item.path, relative_output(item, "file"))
            for item in docs.known or []
            if item.base is not None and item.path is not None
        ]
    targets: dict[Path, Path] = {}
    for base, path, target in sources:
        for named in {os.path.realpath(base), os.path.realpath(path)}:
            if _overlaps(named, out):
                raise UsageError(
                    f"the output folder {escape(str(output))} overlaps the input "
                    f"{escape(str(base))}: fixed copies would replace or mix with originals "
                    "(choose another --output-dir, or --in-place)"
                )
        first = targets.setdefault(target, path)
        if first != path:
            raise UsageError(
                f"{escape(str(first))} and {escape(str(path))} would both be written to "
                f"{escape(str(output / target))}; fix them in separate runs"
            )


def _overlaps(a: str, b: str) -> bool:
    return (
        a == b or a.startswith(b.rstrip(os.sep) + os.sep) or b.startswith(a.rstrip(os.sep) + os.sep)
    )
