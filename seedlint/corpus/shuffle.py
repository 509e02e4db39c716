"""The corpus checks over fingerprints that stay where they were made: the map side.

A shard's fingerprints (``ShardPrints``) stay in the process that computed them. Each
check needs, for a document, only the other documents that share one of its hashes, so
every shard sends each hash with the little that identifies its document to partition
``hash % partitions``, and each partition finds what its hashes group (``buckets.py``):

- round one, body hashes: duplicates, and which documents are copies (not the first of
  their body in path order, see ``view.py``);
- round two, knowing the copies: title hashes (repeated titles), LSH band keys of the
  other documents' signatures (near-duplicate candidates) and their paragraph hashes
  (boilerplate).

No partition receives a signature: a band entry is a 64-bit key and a reference to its
document (key, where its text is, body hash). What the partitions return are findings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import msgspec
import numpy as np
import numpy.typing as npt

from seedlint.corpus.fingerprint import NO_TITLE
from seedlint.corpus.minhash import band_keys
from seedlint.corpus.table import HAS_BODY, HAS_SIGNATURE, I64, Table

U64 = npt.NDArray[np.uint64]
Mask = npt.NDArray[np.bool_]


class Place(msgspec.Struct, frozen=True):
    """Where a record's text is read again: its shard (a number in the run's list of
    shards) and place in the shard's fingerprints, the byte offset and length of its line
    (decompressed), its line or row."""

    shard: int
    position: int
    offset: int
    length: int
    number: int


class ShardPrints(msgspec.Struct):
    """The fingerprints of one shard's documents as columns (a ``Table`` per corpus group:
    about a kilobyte a document), with where each document's record is: (offset, length,
    line or row)."""

    shard: int
    places: I64  # (documents, 3)
    tables: list[Table]

    @staticmethod
    def of(shard: int, places: list[tuple[int, int, int]], tables: list[Table]) -> ShardPrints:
        return ShardPrints(shard, np.array(places, np.int64).reshape(-1, 3), tables)

    def place(self, row: int) -> Place:
        offset, length, number = (int(value) for value in self.places[row])
        return Place(self.shard, row, offset, length, number)

    def keys(self, group: int, renames: Mapping[int, str]) -> list[str]:
        """The group's keys as the run gave them (a record whose ID its file already used
        is known by its line: ``renames``, by line number)."""
        keys = list(self.tables[group].keys)
        for row, number in enumerate(self.places[:, 2].tolist()):
            if number in renames:
                keys[row] = renames[number]
        return keys


# A document as a partition sees it: (key, place, body hash). One tuple per document,
# shared by all its entries, so that it is pickled once per message.
Doc = tuple[str, Place, bytes]
BodyEntry = tuple[bytes, Doc]


def _doc(shard: ShardPrints, table: Table, keys: list[str], row: int) -> Doc:
    return (keys[row], shard.place(row), table.bodies[row].astype("<u8").tobytes())


def body_entries(
    shard: ShardPrints, group: int, renames: Mapping[int, str], partitions: int
) -> list[list[BodyEntry]]:
    """Round one: (body hash, document) of every document with a body, per partition."""
    table, keys = shard.tables[group], shard.keys(group, renames)
    result: list[list[BodyEntry]] = [[] for _ in range(partitions)]
    rows = np.flatnonzero(table.flags & HAS_BODY)
    chosen = (table.bodies[rows, 0] % np.uint64(partitions)).tolist()
    for row, partition in zip(rows.tolist(), chosen, strict=True):
        doc = _doc(shard, table, keys, row)
        result[partition].append((doc[2], doc))
    return result


class Entries(msgspec.Struct):
    """Round two, one shard's entries for one partition."""

    # (title hash, key, whether the document is the first of its body)
    titles: list[tuple[int, str, bool]] = msgspec.field(default_factory=list)
    band_keys: U64 = msgspec.field(default_factory=lambda: np.zeros(0, np.uint64))
    band_docs: I64 = msgspec.field(default_factory=lambda: np.zeros(0, np.int64))  # into docs
    docs: list[Doc] = msgspec.field(default_factory=list)
    # (paragraph hash, key, start, end): each distinct paragraph of a document once
    paragraphs: list[tuple[int, str, int, int]] = msgspec.field(default_factory=list)


def entries(
    shard: ShardPrints,
    group: int,
    renames: Mapping[int, str],
    copies: Sequence[int],
    partitions: int,
    shape: tuple[int, int],
) -> list[Entries]:
    """Round two: the entries of this shard's documents, per partition; ``copies`` are
    the rows of documents that round one found copies."""
    table, keys = shard.tables[group], shard.keys(group, renames)
    result = [Entries() for _ in range(partitions)]
    has_body = (table.flags & HAS_BODY) != 0
    first = has_body.copy()
    first[np.array(copies, np.int64)] = False
    titled = np.flatnonzero(has_body & (table.titles != NO_TITLE))
    for row, title in zip(titled.tolist(), table.titles[titled].tolist(), strict=True):
        result[title % partitions].titles.append((title, keys[row], bool(first[row])))
    _paragraphs(table, keys, first, result)
    signed = np.flatnonzero(first & ((table.flags & HAS_SIGNATURE) != 0))
    _bands(shard, table, keys, signed, result, shape)
    return result


def _paragraphs(table: Table, keys: list[str], first: Mask, result: list[Entries]) -> None:
    """Each distinct paragraph of the documents that are the first of their body, at its
    first place in the document."""
    chosen = np.flatnonzero(first[table.paragraph_rows])
    owners = table.paragraph_rows[chosen]
    hashes = table.paragraph_hashes[chosen]
    spans = table.paragraph_spans[chosen]
    order = np.lexsort((spans[:, 0], hashes, owners))
    new = np.ones(len(order), dtype=bool)
    new[1:] = (owners[order][1:] != owners[order][:-1]) | (hashes[order][1:] != hashes[order][:-1])
    kept = order[new]
    for owner, value, (start, end) in zip(
        owners[kept].tolist(), hashes[kept].tolist(), spans[kept].tolist(), strict=True
    ):
        result[value % len(result)].paragraphs.append((value, keys[owner], start, end))


def _bands(
    shard: ShardPrints,
    table: Table,
    keys: list[str],
    signed: I64,
    result: list[Entries],
    shape: tuple[int, int],
) -> None:
    """Every band key of the signed documents, sent with a reference to its document."""
    if not len(signed):
        return
    bands = band_keys(table.signatures[signed], *shape)  # (documents, bands)
    chosen = bands % np.uint64(len(result))
    for number, part in enumerate(result):
        mask = chosen == np.uint64(number)
        rows, _ = np.nonzero(mask)
        if not len(rows):
            continue
        used, local = np.unique(rows, return_inverse=True)
        part.docs = [_doc(shard, table, keys, int(signed[row])) for row in used.tolist()]
        part.band_keys = bands[mask]
        part.band_docs = local.astype(np.int64)
