"""The parent's side of ``--engine dask``: the cluster for the run (started at its first
use, closed with the run), the shards as tasks, and results in the shape the local engine
gives them: ``(item, result)`` in order for check and the corpus pass; for fix, the same
pairs from an object that is also the run's sink, answering for each document whether its
worker wrote it. With the built-in corpus rules, the fingerprints stay on the workers and
the run's corpus indexes become ``ShardedIndex`` objects, whose pass runs on the cluster
(``corpus_pass``); the results that come back carry none.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any, cast

from seedlint.commands.common import Setup, record_fields
from seedlint.commands.corpus import CorpusRun
from seedlint.commands.fix import Tally
from seedlint.commands.sinks import Sink, Written
from seedlint.commands.work import CheckContext, Checked, FixContext, Fixed
from seedlint.distributed import cluster
from seedlint.distributed.manifest import (
    EMPTY,
    Finished,
    Manifest,
    corpus_digests,
    settings_key,
)
from seedlint.distributed.ordered import TASKS_PER_THREAD, ordered_tasks
from seedlint.distributed.split import split
from seedlint.distributed.tasks import (
    Shard,
    ShardFixed,
    check_shard,
    contribute_shard,
    fix_shard,
    keep_shard,
    kept_on_cluster,
)
from seedlint.io.pool import available_cores
from seedlint.io.sources import Item, Problem, display_path
from seedlint.output.base import escape, plural


class DaskEngine:
    """One run's cluster: ``with DaskEngine(args) as engine``."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.scheduler: str | None = args.scheduler
        self.workers = args.jobs or available_cores()
        self.parquet = bool(args.parquet)
        self.fields = record_fields(args)
        self.client: Any = None
        self.cluster: Any = None
        self.shipped: list[str] = []

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is None:
            return
        from seedlint.distributed.shipping import unship

        try:
            for name in self.shipped:
                unship(self.client, name)
        finally:
            cluster.stop(self.client, self.cluster)

    def _connect(self) -> Any:
        if self.client is None:
            self.client, self.cluster = cluster.start(self.scheduler, self.workers)
        return self.client

    def _ship(self, context: Any) -> str:
        from seedlint.distributed.shipping import ship

        name = ship(self._connect(), context)
        self.shipped.append(name)
        return name

    def shards(self, files: list[Path], setup: Setup) -> list[Shard]:
        text_field, id_field = self.fields
        return [
            Shard(
                file.absolute(),
                display_path(file),
                setup.patterns.relative(file, file.parent),
                self.parquet,
                text_field,
                id_field,
            )
            for file in files
        ]

    def _window(self) -> int:
        return TASKS_PER_THREAD * cluster.threads(self._connect())

    def check(
        self,
        shards: list[Shard],
        context: CheckContext,
        contribute: bool = False,
        corpus: CorpusRun | None = None,
    ) -> Iterator[tuple[Item, Checked]]:
        """Every item of the shards with its result, in order (the corpus contribution
        alone with ``contribute``). With the run's ``corpus``, the corpus contributions
        stay on the workers, and the corpus's indexes become their ``ShardedIndex``."""
        name = self._ship(context)
        parts = split(self._connect(), shards)  # large plain shards: several tasks each
        if corpus is not None and on_cluster(context):
            yield from self._check_keeping(parts, name, contribute, corpus)
            return
        function = contribute_shard if contribute else check_shard
        results = ordered_tasks(
            self._connect(), function, parts, lambda _: (name,), self._window(), _failed_check
        )
        for _, pairs in results:
            yield from pairs

    def _check_keeping(
        self, parts: list[Shard], name: str, contribute: bool, corpus: CorpusRun
    ) -> Iterator[tuple[Item, Checked]]:
        from seedlint.distributed.corpus_pass import ShardedIndex, partitions

        prints: dict[int, Any] = {}
        numbers, kept = count(), count()  # each is asked once per shard, in order

        def keep(shard: Shard, future: Any) -> None:
            prints[next(kept)] = future

        def failed(shard: Shard, error: BaseException) -> list[tuple[Item, Checked]]:
            prints.pop(parts.index(shard), None)  # its documents are not in the corpus
            return _failed_check(shard, error)

        client = self._connect()
        arguments = lambda _: (name, next(numbers), contribute)  # noqa: E731
        results = ordered_tasks(
            client, keep_shard, parts, arguments, self._window(), failed, keep=keep
        )
        documents = 0
        for _, pairs in results:  # with keep, what comes here is the results alone
            for item, result in cast(list[tuple[Item, Checked]], pairs):
                documents += result.contribution is not None
                yield item, result
        assert corpus.work is not None
        into = partitions(cluster.threads(client), documents)
        on_workers = kept_on_cluster(corpus.work.groups)
        for number, group in enumerate(corpus.work.groups):
            if not on_workers[number]:
                continue  # its index is the parent's, filled as the results came
            settings = group.new_index().settings
            where = (client, parts, prints, corpus.renamed, number)
            corpus.indexes[number] = ShardedIndex(*where, settings, into)

    def fix(
        self,
        shards: list[Shard],
        context: FixContext,
        output: Path | None,
        root: Path | None,
        tally: Tally,
        settings: str,
    ) -> RemoteFix:
        name = self._ship(context)
        # workers of a cluster elsewhere do not share this working directory
        output = None if output is None else output.absolute()
        root = None if root is None else root.absolute()
        manifest = None if output is None else Manifest(output, root, settings)
        return RemoteFix(self, shards, name, output, root, tally, manifest, context)


def on_cluster(context: CheckContext) -> bool:
    """Whether part of the run's corpus pass runs on the cluster: that of the duplicates
    kind (``kept_on_cluster``; any other corpus kind's pass runs in the ``seedlint``
    process)."""
    work = context.corpus
    return work is not None and any(kept_on_cluster(work.groups))


def _failed_check(shard: Shard, error: BaseException) -> list[tuple[Item, Checked]]:
    problem = _shard_problem(shard, error)
    return [(Item(shard.shown, shard.relative, problem=problem), Checked(problem=problem))]


def _shard_problem(shard: Shard, error: BaseException) -> Problem:
    reason = str(error).splitlines()[0] if str(error) else ""
    return Problem(
        f"{shard.shown}: the cluster could not process this shard "
        f"({type(error).__name__}{': ' + reason if reason else ''}); it was skipped"
    )


class RemoteFix(Sink):
    """The fix pass on the cluster: iterated, the documents with their results; as the
    run's sink, whether each one's worker wrote it. The counts of each shard go into the
    manifest once the run has counted them."""

    def __init__(
        self,
        engine: DaskEngine,
        shards: list[Shard],
        context_name: str,
        output: Path | None,
        root: Path | None,
        tally: Tally,
        manifest: Manifest | None,
        context: FixContext,
    ) -> None:
        self.engine = engine
        self.shards = shards
        self.context_name = context_name
        self.output = output
        self.root = root
        self.tally = tally
        self.manifest = manifest
        self.errors = 0
        self.skipped = 0
        self.pending = Written.KEPT
        self.corpus = corpus_digests(context.corpus)

    def _corpus(self, shard: Shard) -> str:
        return self.corpus.get(str(shard.path), EMPTY)

    def _arguments(self, shard: Shard) -> tuple[Any, ...]:
        done = None
        if self.manifest is not None:
            done = self.manifest.done(shard.path.name, self._corpus(shard))
        return (self.context_name, self.output, self.root, done)

    def __iter__(self) -> Iterator[tuple[Item, Fixed]]:
        client = self.engine._connect()
        results = ordered_tasks(
            client, fix_shard, self.shards, self._arguments, self.engine._window(), _failed_fix
        )
        for shard, fixed in results:
            if fixed.skipped:
                self._skip(shard, fixed)
                continue
            before = (self.tally.changed, self.tally.remaining, self.tally.errors)
            for item, result, written in fixed.entries:
                self.pending = written
                yield item, result
            sys.stderr.write(fixed.notes)
            self.errors += fixed.errors
            if self.manifest is not None and fixed.output_digest and not fixed.errors:
                after = (self.tally.changed, self.tally.remaining, self.tally.errors)
                counts = (now - then for now, then in zip(after, before, strict=True))
                digests = (fixed.input_digest, fixed.output_digest, self._corpus(shard))
                entry = Finished(*digests, *counts)
                self.manifest.finish(shard.path.name, entry)

    def _skip(self, shard: Shard, fixed: ShardFixed) -> None:
        assert self.manifest is not None
        entry = self.manifest.shards[shard.path.name]
        self.tally.changed += entry.changed
        self.tally.remaining += entry.remaining
        self.tally.errors += entry.errors
        self.skipped += 1

    def put(self, item: Item, result: Fixed) -> Written:
        return self.pending

    def close(self) -> int:
        if self.manifest is not None:
            self.manifest.save()
        if self.skipped:
            told = plural(self.skipped, "shard")
            print(
                f"seedlint: note: {told} already fixed by an earlier run (see "
                f"{escape(str(self.manifest.path if self.manifest else ''))}): skipped, "
                "and not reported again",
                file=sys.stderr,
            )
        return self.errors

    def abort(self) -> None:
        """Interrupted: what is finished stays listed (each copy was written whole)."""
        if self.manifest is not None:
            self.manifest.save()


def _failed_fix(shard: Shard, error: BaseException) -> ShardFixed:
    problem = _shard_problem(shard, error)
    item = Item(shard.shown, shard.relative, problem=problem, shard=shard.path)
    return ShardFixed(entries=[(item, Fixed(problem=problem), Written.KEPT)])


def fix_settings(setup: Setup, args: argparse.Namespace, drop: bool) -> str:
    """What the manifest's entries hold for: the rules and settings (as the cache sees
    them), the fields, the fix options."""
    from seedlint.io.cache import fingerprint

    parts = [fingerprint(setup.linter), *record_fields(args)]
    parts += [f"unsafe={bool(args.unsafe_fixes)}", f"drop={drop}", f"parquet={bool(args.parquet)}"]
    return settings_key(*parts)
