"""The distributed shape of the corpus checks, run with real worker processes: each
worker fingerprints its share of the documents on its own and saves a partial index;
the partial indexes, loaded from their files, merge into one whose findings equal those
of an index built in one process."""

from __future__ import annotations

import multiprocessing
import zlib
from pathlib import Path

import pytest
from corpus_plants import planted

from seedlint.corpus import CorpusIndex, CorpusSettings, Fingerprint, findings, fingerprint_seed

SETTINGS = CorpusSettings()
SHARDS = 3


def shard_of(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % SHARDS


def fingerprint_shard(job: tuple[int, str]) -> tuple[str, list[Fingerprint]]:
    """A worker: fingerprint one shard, save its partial index, send back its fingerprints."""
    shard, folder = job
    documents = planted().documents
    prints = [
        fingerprint_seed(key, text, SETTINGS)
        for key, text in sorted(documents.items())
        if shard_of(key) == shard
    ]
    index = CorpusIndex(SETTINGS)
    for item in prints:
        index.add(item)
    path = Path(folder) / f"shard-{shard}.index"
    index.save(path)
    return str(path), prints


def test_partial_indexes_from_worker_processes_merge_to_the_whole(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")  # nothing shared but what is sent
    with context.Pool(2) as pool:
        results = pool.map(fingerprint_shard, [(shard, str(tmp_path)) for shard in range(SHARDS)])
    merged = CorpusIndex(SETTINGS)
    gathered = CorpusIndex(SETTINGS)
    for path, prints in results:
        partial = CorpusIndex.load(path, SETTINGS)
        assert isinstance(partial, CorpusIndex)
        merged.merge(partial)
        for item in prints:  # fingerprints sent between processes are as good
            gathered.add(item)
    whole = CorpusIndex(SETTINGS)
    for key, text in planted().documents.items():
        whole.add(fingerprint_seed(key, text, SETTINGS))
    expected = findings(whole)
    assert len(expected) == len(planted().expected)
    assert findings(merged) == expected
    assert findings(gathered) == expected


def test_indexes_of_other_fingerprints_do_not_merge() -> None:
    with pytest.raises(ValueError, match="cannot merge"):
        CorpusIndex(SETTINGS).merge(CorpusIndex(CorpusSettings(shingle_words=3)))
    # another threshold fingerprints alike: merging is fine
    CorpusIndex(SETTINGS).merge(CorpusIndex(CorpusSettings(threshold=0.9)))
