"""The corpus checks by shuffles (``shuffle.py``, ``buckets.py``, as the Dask engine runs
them) find what the whole index finds (``seedlint.corpus.check``), finding for finding,
similarities included, whatever the number of shards and partitions: on the planted
Wikinews corpus and the two government blogs, in this process, without a cluster."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from corpus_plants import indexed, planted
from corpus_rules_data import government_seeds

from seedlint.corpus import CorpusSettings, check, seed_parts
from seedlint.corpus.buckets import (
    assembled,
    boilerplate,
    duplicates,
    near_duplicates,
    repeated_titles,
)
from seedlint.corpus.finding import CHECKS, CorpusFinding
from seedlint.corpus.seeds import fingerprint_seed
from seedlint.corpus.settings import band_shape
from seedlint.corpus.shuffle import Doc, Place, ShardPrints, body_entries, entries
from seedlint.corpus.table import Table

SETTINGS = CorpusSettings()


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    return planted().documents | government_seeds()


@pytest.fixture(scope="module")
def expected(documents: dict[str, str]) -> tuple[CorpusFinding, ...]:
    index, source = indexed(documents, SETTINGS)
    return check(index, source=source).findings


def fingerprints(keys: list[str], documents: dict[str, str]) -> Table:
    prints = [fingerprint_seed(key, documents[key], SETTINGS) for key in keys]
    return Table.from_fingerprints(prints, SETTINGS.num_perm)


def shuffled(documents: dict[str, str], shards: int, partitions: int) -> list[CorpusFinding]:
    keys = sorted(documents)
    prints = []
    bodies: dict[Place, str] = {}
    for number in range(shards):
        chosen = keys[number::shards]
        places = [(0, 0, position + 1) for position in range(len(chosen))]
        table = fingerprints(chosen, documents)
        prints.append(ShardPrints.of(number, places, [table]))
        for position, key in enumerate(chosen):
            bodies[prints[-1].place(position)] = seed_parts(documents[key])[1]

    def read(docs: Sequence[Doc]) -> dict[Place, str | None]:
        return {doc[1]: bodies[doc[1]] for doc in docs}

    first = [body_entries(shard, 0, {}, partitions) for shard in prints]
    found = [duplicates(part[number] for part in first) for number in range(partitions)]
    copies: dict[int, list[int]] = {}
    for part in found:
        for shard_number, position in part.copies:
            copies.setdefault(shard_number, []).append(position)
    shape = band_shape(SETTINGS.threshold, SETTINGS.num_perm)
    second = [
        entries(shard, 0, {}, copies.get(shard.shard, []), partitions, shape) for shard in prints
    ]
    least = SETTINGS.boilerplate_documents(sum(part.bodies for part in found))
    findings = [item for part in found for item in part.findings]
    near = []
    for number in range(partitions):
        parts = [part[number] for part in second]
        findings += repeated_titles(parts) + boilerplate(parts, least)
        near += near_duplicates(parts, SETTINGS, read)
    return list(assembled(findings, near))


# one case in the quick tier; the others, two seconds each, with the slow ones
@pytest.mark.parametrize(
    ("shards", "partitions"),
    [
        pytest.param(1, 1, marks=pytest.mark.slow),
        (3, 2),
        pytest.param(5, 7, marks=pytest.mark.slow),
    ],
)
def test_shuffles_find_what_the_index_finds(
    documents: dict[str, str], expected: tuple[CorpusFinding, ...], shards: int, partitions: int
) -> None:
    assert shuffled(documents, shards, partitions) == list(expected)
    assert {finding.check for finding in expected} == set(CHECKS)
    assert sum(finding.check == "near-duplicate" for finding in expected) >= 70


def test_a_body_that_changed_is_not_measured(documents: dict[str, str]) -> None:
    """A body read again that is not the one fingerprinted (its shard changed during the
    run) does not make a near-duplicate: the reader gives None for it."""
    shape = band_shape(SETTINGS.threshold, SETTINGS.num_perm)
    original, near = "0041.txt", "planted/near-0.txt"
    table = fingerprints([original, near], documents)
    shard = ShardPrints.of(0, [(0, 0, 1), (0, 0, 2)], [table])
    (part,) = entries(shard, 0, {}, [], 1, shape)
    bodies = {
        shard.place(row): seed_parts(documents[key])[1] for row, key in enumerate((original, near))
    }
    found = near_duplicates([part], SETTINGS, lambda docs: {d[1]: bodies[d[1]] for d in docs})
    assert [(item.key, item.other) for item in found] == [(near, original)]
    gone = near_duplicates([part], SETTINGS, lambda docs: {d[1]: None for d in docs})
    assert gone == []
