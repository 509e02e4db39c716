"""Sharded corpora for the tests of this folder: Wikinews seeds (CC BY 2.5, see
tests/data/wikinews/README.md) as JSON Lines records, plain, gzip- or zstd-compressed, or
as Parquet row groups, with a few records that are not usable among them; and the
planted corpus of tests/corpus with the two government blogs (CC0), for the corpus rules."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from wikinews import seeds

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))
from corpus_plants import planted
from corpus_rules_data import CORPUS_CODES, government_seeds

BAD_LINE = "{not json\n"  # a record that is not usable, among good ones
SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".jsonl")
__all__ = ["CORPUS_CODES"]


def records(count: int, start: int = 0) -> list[tuple[str, str]]:
    """(identifier, text) of ``count`` seeds from ``start``, repeating the articles with
    distinct identifiers when more are asked for than there are."""
    articles = seeds("en")
    return [(f"doc-{n}", articles[n % len(articles)][1]) for n in range(start, start + count)]


def jsonl_bytes(count: int, start: int = 0, bad_every: int = 0) -> bytes:
    """JSON Lines of ``count`` records (with a number field that a float would change),
    and a bad line after every ``bad_every`` records."""
    lines = []
    for n, (identifier, text) in enumerate(records(count, start), 1):
        lines.append(json.dumps({"id": identifier, "text": text, "score": 1.50}) + "\n")
        if bad_every and n % bad_every == 0:
            lines.append(BAD_LINE)
    return "".join(lines).encode("utf-8")


def compress(data: bytes, suffix: str) -> bytes:
    if suffix.endswith(".gz"):
        return gzip.compress(data, mtime=0)
    if suffix.endswith(".zst"):
        import zstandard

        return bytes(zstandard.ZstdCompressor().compress(data))
    return data


def decompress(data: bytes, suffix: str) -> bytes:
    if suffix.endswith(".gz"):
        return gzip.decompress(data)
    if suffix.endswith(".zst"):
        import zstandard

        return bytes(zstandard.ZstdDecompressor().decompressobj().decompress(data))
    return data


def write_shards(
    folder: Path,
    shards: int,
    per_shard: int,
    suffix: str = ".jsonl",
    bad_every: int = 0,
    first: int = 0,
) -> list[Path]:
    """``shards`` files of ``per_shard`` records each, named part-00000 on (or from
    part-``first``)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(first, first + shards):
        data = jsonl_bytes(per_shard, number * per_shard, bad_every)
        path = folder / f"part-{number:05d}{suffix}"
        path.write_bytes(compress(data, suffix))
        paths.append(path)
    return paths


def write_parquet(path: Path, count: int, row_group: int, nulls: tuple[int, ...] = ()) -> None:
    """A Parquet file of ``count`` rows in groups of ``row_group``: id, text (null at the
    rows numbered in ``nulls``, from 0), and two more columns to keep as they are."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = records(count)
    texts = [None if n in nulls else text for n, (_, text) in enumerate(rows)]
    table = pa.table(
        {
            "id": [identifier for identifier, _ in rows],
            "body": pa.array(texts, type=pa.large_string()),
            "score": [n / 7 for n in range(count)],
            "tags": [[f"t{n % 3}"] for n in range(count)],
        }
    )
    pq.write_table(table, path, row_group_size=row_group, compression="zstd")


def write_planted_shards(folder: Path, government: bool = True) -> list[str]:
    """The documents in four shards (key order dealt round), one of each suffix, the
    second holding its first record's ID twice; the shards' names."""
    documents = planted().documents | (government_seeds() if government else {})
    keys = sorted(documents)
    names = []
    for number, suffix in enumerate(SUFFIXES):
        chosen = keys[number :: len(SUFFIXES)]
        lines = [json.dumps({"id": key, "text": documents[key]}) + "\n" for key in chosen]
        if number == 1:  # a record whose ID its file already used is known by its line
            lines.append(json.dumps({"id": chosen[0], "text": documents[chosen[0]]}) + "\n")
        path = folder / "shards" / f"part-{number}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(compress("".join(lines).encode("utf-8"), suffix))
        names.append(str(path.relative_to(folder)))
    return names
