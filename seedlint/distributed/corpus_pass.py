"""The corpus pass of ``--engine dask`` on the cluster: the fingerprints stay on the
workers that computed them (one ``ShardPrints`` future per shard), and the findings are
made by two rounds of shuffles (``seedlint.corpus.shuffle`` and ``buckets``): each shard
splits its entries into ``partitions`` by hash, one task per partition groups what it
receives, and what comes back to the ``seedlint`` process is findings, the copies of
round one and a count; never a signature. The parent then takes, for each document, the
earliest near-duplicate the partitions found, and sorts the findings as the local engine
does (``seedlint.corpus.checks``).

``ShardedIndex`` stands in for the ``CorpusIndex`` of the local engine in the corpus
rules' pass (``seedlint.kinds.duplicates``), which asks it for its report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import getitem
from typing import Any

import msgspec
from msgspec.structs import replace

from seedlint.commands.common import UsageError
from seedlint.corpus.buckets import (
    Copies,
    Near,
    assembled,
    boilerplate,
    duplicates,
    near_duplicates,
    repeated_titles,
)
from seedlint.corpus.checks import CorpusReport
from seedlint.corpus.finding import CorpusFinding
from seedlint.corpus.settings import CorpusSettings, band_shape
from seedlint.corpus.shuffle import BodyEntry, Entries, body_entries, entries
from seedlint.distributed.tasks import Shard

PARTITIONS_PER_THREAD = 2  # so that a slow partition does not hold the others' workers
# at most this many documents' entries per partition (a few hundred MB in round two)
PARTITION_DOCUMENTS = 200_000

Renames = Mapping[int, str]  # line number -> key, for the records of one shard


class Received(msgspec.Struct):
    """What came back to the ``seedlint`` process, as Dask serialises it: a measure of
    what crosses."""

    results: int = 0
    bytes: int = 0


class ShardedIndex(msgspec.Struct):
    """The run's fingerprints of one corpus group, as futures on the cluster."""

    client: Any
    shards: list[Shard]  # the run's shards (or parts), as ``Place.shard`` numbers them
    prints: dict[int, Any]  # shard number -> future of its ShardPrints
    renames: dict[str, dict[int, str]]  # shard path -> its renamed records
    group: int
    settings: CorpusSettings
    partitions: int
    received: Received = msgspec.field(default_factory=Received)
    distinct_bodies: int = 0

    def with_settings(self, settings: CorpusSettings) -> ShardedIndex:
        return replace(self, settings=settings)

    def _renames(self, number: int) -> Renames:
        return self.renames.get(str(self.shards[number].path), {})

    def _gather(self, futures: list[Any]) -> list[Any]:
        from distributed.protocol.serialize import serialize_bytes

        results: list[Any] = self.client.gather(futures)
        for result in results:  # measured as Dask sends it
            self.received.results += 1
            self.received.bytes += len(serialize_bytes(result))
        for future in futures:
            future.release()
        return results

    def _shuffle(self, maps: dict[int, Any], reduce: Any, *arguments: Any) -> list[Any]:
        """``reduce(parts, *arguments)`` per partition, ``parts`` its piece of each map."""
        submit = self.client.submit
        tasks = []
        for partition in range(self.partitions):
            parts = [submit(getitem, m, partition, pure=False) for m in maps.values()]
            tasks.append(submit(reduce, parts, *arguments, pure=False))
        for future in maps.values():
            future.release()
        return self._gather(tasks)

    def check(self) -> CorpusReport:
        """Every finding on the run's documents (see the module docstring); a pass that
        the cluster could not finish (a task that failed on every worker it was given
        to) is one line and exit code 2, after the per-document report."""
        try:
            return self._check()
        except Exception as error:  # the task's own error, or KilledWorker
            reason = str(error).splitlines()[0] if str(error) else ""
            told = f"{type(error).__name__}{': ' + reason if reason else ''}"
            raise UsageError(f"the cluster could not finish the corpus pass ({told})") from None

    def _check(self) -> CorpusReport:
        submit = self.client.submit
        rounds = {
            number: submit(body_entries, future, self.group, self._renames(number),
                           self.partitions, pure=False)
            for number, future in self.prints.items()
        }  # fmt: skip
        found: list[Copies] = self._shuffle(rounds, _duplicates)
        copies: dict[int, list[int]] = {}
        for part in found:
            for shard, position in part.copies:
                copies.setdefault(shard, []).append(position)
        self.distinct_bodies = sum(part.bodies for part in found)
        shape = band_shape(self.settings.threshold, self.settings.num_perm)
        rounds = {
            number: submit(entries, future, self.group, self._renames(number),
                           copies.get(number, []), self.partitions, shape, pure=False)
            for number, future in self.prints.items()
        }  # fmt: skip
        least = self.settings.boilerplate_documents(self.distinct_bodies)
        grouped = self._shuffle(rounds, _findings, self.shards, self.settings, least)
        findings = [item for part in found for item in part.findings]
        findings += [item for part, _ in grouped for item in part]
        return CorpusReport(assembled(findings, [near for _, n in grouped for near in n]), ())


def _duplicates(parts: list[list[BodyEntry]]) -> Copies:
    return duplicates(parts)


def _findings(
    parts: list[Entries], shards: Sequence[Shard], settings: CorpusSettings, least: int
) -> tuple[list[CorpusFinding], list[Near]]:
    from seedlint.distributed.bodies import read_bodies

    found = repeated_titles(parts) + boilerplate(parts, least)
    return found, near_duplicates(parts, settings, lambda docs: read_bodies(shards, docs))


def partitions(threads: int, documents: int) -> int:
    """Partitions of a pass: enough to keep every worker thread busy, and more for a
    large corpus, so that what one partition holds stays bounded."""
    return max(PARTITIONS_PER_THREAD * threads, -(-documents // PARTITION_DOCUMENTS))
