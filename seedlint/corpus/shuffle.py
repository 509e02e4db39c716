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
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from seedlint.corpus.fingerprint import NO_TITLE, Fingerprint, title_hash
from seedlint.corpus.minhash import band_keys

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
WORD = 8  # bytes of a hash that choose its partition


@dataclass(frozen=True)
class Place:
    """Where a record's text is read again: its shard (a number in the run's list of
    shards) and place in the shard's fingerprints, the byte offset and length of its line
    (decompressed), its line or row."""

    shard: int
    position: int
    offset: int
    length: int
    number: int


@dataclass
class ShardPrints:
    """The fingerprints of one shard's documents, per corpus group, with their places."""

    shard: int
    places: list[Place] = field(default_factory=list)
    prints: list[list[Fingerprint]] = field(default_factory=list)  # per group, per document

    def keyed(self, group: int, renames: Mapping[int, str]) -> list[Fingerprint]:
        """The group's fingerprints under the keys the run gave them (a record whose ID
        its file already used is known by its line: ``renames``, by line number)."""
        prints = self.prints[group]
        if not renames:
            return prints
        return [_renamed(fp, renames.get(place.number)) for fp, place in zip(prints, self.places)]


def _renamed(fp: Fingerprint, key: str | None) -> Fingerprint:
    if key is None:
        return fp
    return Fingerprint(key, fp.body_hash, fp.title_key, fp.signature, fp.paragraphs)


# A document as a partition sees it: (key, place, body hash). One tuple per document,
# shared by all its entries, so that it is pickled once per message.
Doc = tuple[str, Place, bytes]
BodyEntry = tuple[bytes, Doc]


def partition_of(value: int, partitions: int) -> int:
    return value % partitions


def body_entries(
    shard: ShardPrints, group: int, renames: Mapping[int, str], partitions: int
) -> list[list[BodyEntry]]:
    """Round one: (body hash, document) of every document with a body, per partition."""
    result: list[list[BodyEntry]] = [[] for _ in range(partitions)]
    for fp, place in zip(shard.keyed(group, renames), shard.places):
        if fp.has_body:
            number = int.from_bytes(fp.body_hash[:WORD], "little")
            result[partition_of(number, partitions)].append(
                (fp.body_hash, (fp.key, place, fp.body_hash))
            )
    return result


@dataclass
class Entries:
    """Round two, one shard's entries for one partition."""

    # (title hash, key, whether the document is the first of its body)
    titles: list[tuple[int, str, bool]] = field(default_factory=list)
    band_keys: U64 = field(default_factory=lambda: np.zeros(0, np.uint64))
    band_docs: I64 = field(default_factory=lambda: np.zeros(0, np.int64))  # into docs
    docs: list[Doc] = field(default_factory=list)
    # (paragraph hash, key, start, end): each distinct paragraph of a document once
    paragraphs: list[tuple[int, str, int, int]] = field(default_factory=list)


def entries(
    shard: ShardPrints,
    group: int,
    renames: Mapping[int, str],
    copies: Sequence[int],
    partitions: int,
    shape: tuple[int, int],
) -> list[Entries]:
    """Round two: the entries of this shard's documents, per partition; ``copies`` are
    the positions (in ``shard.places``) of documents that round one found copies."""
    prints = shard.keyed(group, renames)
    copied = set(copies)
    result = [Entries() for _ in range(partitions)]
    signed: list[int] = []
    for position, fp in enumerate(prints):
        if not fp.has_body:
            continue
        first = position not in copied
        title = title_hash(fp.title_key)
        if title != NO_TITLE:
            result[partition_of(title, partitions)].titles.append((title, fp.key, first))
        if not first:
            continue
        if fp.signature:
            signed.append(position)
        _paragraphs(fp, result, partitions)
    _bands(prints, shard.places, signed, result, shape)
    return result


def _paragraphs(fp: Fingerprint, result: list[Entries], partitions: int) -> None:
    seen: dict[int, tuple[int, int]] = {}
    for value, start, end in fp.paragraphs:  # each hash at its first place in the document
        if value not in seen or start < seen[value][0]:
            seen[value] = (start, end)
    for value, (start, end) in seen.items():
        result[partition_of(value, len(result))].paragraphs.append((value, fp.key, start, end))


def _bands(
    prints: list[Fingerprint],
    places: list[Place],
    signed: list[int],
    result: list[Entries],
    shape: tuple[int, int],
) -> None:
    """Every band key of the signed documents, sent with a reference to its document."""
    if not signed:
        return
    signatures = np.stack([np.frombuffer(prints[p].signature, dtype="<u4") for p in signed])
    keys = band_keys(signatures.astype(np.uint32), *shape)  # (documents, bands)
    chosen = keys % np.uint64(len(result))
    for number, part in enumerate(result):
        rows, _ = np.nonzero(chosen == np.uint64(number))
        if not len(rows):
            continue
        used, local = np.unique(rows, return_inverse=True)
        part.docs = [
            (prints[signed[row]].key, places[signed[row]], prints[signed[row]].body_hash)
            for row in used.tolist()
        ]
        part.band_keys = keys[chosen == np.uint64(number)]
        part.band_docs = local.astype(np.int64)
