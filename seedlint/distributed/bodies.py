"""Bodies of records read again on a worker, for the near-duplicate check on the cluster:
a partition measures the documents that share a band key (``seedlint.corpus.buckets``).
Each shard is opened once per partition and its records read in the order of their
offsets: a compressed shard is decompressed once, up to its last wanted record."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from seedlint.corpus.fingerprint import body_hash
from seedlint.corpus.seeds import title_and_body
from seedlint.corpus.shuffle import Doc, Place
from seedlint.distributed.tasks import Shard
from seedlint.io.compressed import decompressing, decompression_errors
from seedlint.io.parquet import row_text
from seedlint.io.reading import Unreadable
from seedlint.io.records import parse_record
from seedlint.io.sources import SKIP_CHUNK, open_shard


def read_bodies(shards: Sequence[Shard], docs: Sequence[Doc]) -> dict[Place, str | None]:
    """The body of each document, None when it cannot be read or is not the body it was
    fingerprinted with."""
    by_shard: dict[int, list[Doc]] = {}
    for doc in docs:
        by_shard.setdefault(doc[1].shard, []).append(doc)
    result: dict[Place, str | None] = {}
    for number, wanted in by_shard.items():
        texts = _texts(shards[number], [doc[1] for doc in wanted])
        for _, place, digest in wanted:
            text = texts.get(place)
            body = None if text is None else title_and_body(text)[1]
            result[place] = body if body is not None and body_hash(body) == digest else None
    return result


def _texts(shard: Shard, places: list[Place]) -> dict[Place, str | None]:
    if shard.parquet:
        return {p: row_text(shard.path, p.number, shard.text_field) for p in places}
    result: dict[Place, str | None] = {}
    broken: tuple[type[BaseException], ...] = (Unreadable, OSError, *decompression_errors())
    with suppress(*broken), open_shard(shard.path) as raw:
        stream = decompressing(raw, shard.path)
        position = 0
        for place in sorted(places, key=lambda p: p.offset):
            if stream is raw:
                raw.seek(place.offset)
            else:  # forward only: the places are in order
                while position < place.offset:
                    skipped = len(stream.read(min(place.offset - position, SKIP_CHUNK)))
                    if not skipped:
                        return result
                    position += skipped
            line = stream.read(place.length)
            position = place.offset + len(line)
            record = parse_record(place.number, line, shard.text_field, shard.id_field)
            result[place] = record.text
    return result
