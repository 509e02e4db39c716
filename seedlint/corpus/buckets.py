"""The corpus checks over fingerprints that stay where they were made: the partition side.

Each partition receives every shard's entries whose hash falls in it (``shuffle.py``)
and finds, for those hashes, what ``grouped.py`` finds over the whole corpus: the same
findings, since every check compares only documents that share a hash, and the first
of a group (in path order) is the first of the same documents wherever they are grouped.

Near-duplicates are decided as the local engine decides them: within each bucket (the
documents that share a band key), in path order, a document is measured against the
earlier members one by one until one is similar enough, by the exact Jaccard similarity
of the two bodies, read again (``Bodies``). A document's answer is its earliest similar
document over all its buckets, which the caller takes across partitions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import msgspec
import numpy as np

from seedlint.corpus.finding import (
    BOILERPLATE,
    DUPLICATE,
    NEAR_DUPLICATE,
    REPEATED_TITLE,
    CorpusFinding,
)
from seedlint.corpus.fingerprint import jaccard, shingle_set
from seedlint.corpus.minhash import U64, signature
from seedlint.corpus.order import path_order
from seedlint.corpus.settings import CorpusSettings
from seedlint.corpus.shuffle import BodyEntry, Doc, Entries, Place
from seedlint.corpus.similarity import DIGITS

# the current bodies of documents, by place; None for one that cannot be read or no
# longer has the body hash it was fingerprinted with (a shard changed during the run)
Bodies = Callable[[Sequence[Doc]], dict[Place, str | None]]


class Copies(msgspec.Struct):
    """Round one's answer: the duplicates, how many distinct bodies, and the copies (for
    round two) as (shard, position in the shard's places)."""

    findings: list[CorpusFinding] = msgspec.field(default_factory=list)
    bodies: int = 0
    copies: list[tuple[int, int]] = msgspec.field(default_factory=list)


def duplicates(parts: Iterable[list[BodyEntry]]) -> Copies:
    """Round one in one partition: documents grouped by body hash."""
    groups: dict[bytes, list[Doc]] = {}
    for part in parts:
        for value, doc in part:
            groups.setdefault(value, []).append(doc)
    result = Copies(bodies=len(groups))
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda doc: path_order(doc[0]))
        first = members[0][0]
        for key, place, _ in members[1:]:
            result.findings.append(
                CorpusFinding(DUPLICATE, key, first, None, None, len(members), 0, 0)
            )
            result.copies.append((place.shard, place.position))
    return result


class Near(msgspec.Struct):
    """A near-duplicate found in one partition: the earliest similar document there."""

    key: str
    other: str
    estimate: float
    exact: float


def repeated_titles(parts: Sequence[Entries]) -> list[CorpusFinding]:
    groups: dict[int, list[tuple[str, bool]]] = {}
    for part in parts:
        for value, key, first in part.titles:
            groups.setdefault(value, []).append((key, first))
    result = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda member: path_order(member[0]))
        head = members[0][0]
        result += [
            CorpusFinding(REPEATED_TITLE, key, head, None, None, len(members), 0, 0)
            for key, first in members[1:]
            if first
        ]
    return result


def boilerplate(parts: Sequence[Entries], least: int) -> list[CorpusFinding]:
    """Paragraphs held by at least ``least`` documents (each a distinct body)."""
    groups: dict[int, list[tuple[str, int, int]]] = {}
    for part in parts:
        for value, key, start, end in part.paragraphs:
            groups.setdefault(value, []).append((key, start, end))
    return [
        CorpusFinding(BOILERPLATE, key, "", None, None, len(members), start, end)
        for members in groups.values()
        if len(members) >= least
        for key, start, end in members
    ]


def near_duplicates(
    parts: Sequence[Entries], settings: CorpusSettings, bodies: Bodies
) -> list[Near]:
    buckets = _buckets(parts)
    if not buckets:
        return []
    unique = {doc[1]: doc for bucket in buckets for doc in bucket}
    wanted = [unique[place] for place in sorted(unique, key=_place_order)]
    measure = _Measure(bodies(wanted), settings)
    best: dict[str, tuple[Doc, Doc]] = {}  # key -> (its document, the earliest similar)
    for bucket in buckets:
        bucket.sort(key=lambda doc: path_order(doc[0]))
        for position, doc in enumerate(bucket[1:], 1):
            for candidate in bucket[:position]:
                found = best.get(doc[0])
                if found is not None and path_order(candidate[0]) >= path_order(found[1][0]):
                    break  # another bucket gave an earlier one already
                if measure.passes(candidate, doc):
                    best[doc[0]] = (doc, candidate)
                    break
    return [measure.reported(*best[key]) for key in sorted(best, key=path_order)]


def _place_order(place: Place) -> tuple[int, int]:
    return place.shard, place.offset


def _buckets(parts: Sequence[Entries]) -> list[list[Doc]]:
    """The documents of every band key that more than one document has."""
    if not parts:
        return []
    keys = np.concatenate([part.band_keys for part in parts])
    docs = [doc for part in parts for doc in part.docs]
    bases = np.cumsum([0, *(len(part.docs) for part in parts)])[:-1]
    owners = np.concatenate(
        [part.band_docs + base for part, base in zip(parts, bases.tolist(), strict=True)]
    )
    if not len(keys):
        return []
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    ends = np.append(starts[1:], len(ordered))
    return [
        [docs[int(owner)] for owner in owners[order[start:end]].tolist()]
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True)
        if end - start > 1
    ]


class _Measure:
    """Exact similarities from the bodies read again, and estimates from the signatures
    made again from them (the same values the fingerprints hold)."""

    def __init__(self, texts: dict[Place, str | None], settings: CorpusSettings) -> None:
        self.texts = texts
        self.settings = settings
        self.shingles: dict[Place, U64 | None] = {}
        self.exact: dict[tuple[Place, Place], float | None] = {}

    def _shingles(self, place: Place) -> U64 | None:
        if place not in self.shingles:
            body = self.texts.get(place)
            self.shingles[place] = (
                None if body is None else shingle_set(body, self.settings.shingle_words)
            )
        return self.shingles[place]

    def similarity(self, first: Place, second: Place) -> float | None:
        pair = (first, second) if _place_order(first) <= _place_order(second) else (second, first)
        if pair not in self.exact:
            left, right = self._shingles(first), self._shingles(second)
            value = None
            if left is not None and right is not None:
                value = jaccard(left, right)
            self.exact[pair] = value
        return self.exact[pair]

    def passes(self, earlier: Doc, later: Doc) -> bool:
        value = self.similarity(earlier[1], later[1])
        return value is not None and value >= self.settings.threshold

    def reported(self, later: Doc, earlier: Doc) -> Near:
        """The pair's similarities, rounded as the local engine reports them."""
        exact = self.similarity(earlier[1], later[1])
        assert exact is not None
        left, right = self._shingles(earlier[1]), self._shingles(later[1])
        assert left is not None and right is not None
        num_perm, seed = self.settings.num_perm, self.settings.seed
        equal = signature(left, num_perm, seed) == signature(right, num_perm, seed)
        estimate = float(equal.sum() / num_perm)
        return Near(later[0], earlier[0], round(estimate, DIGITS), round(exact, DIGITS))


def assembled(findings: list[CorpusFinding], near: list[Near]) -> tuple[CorpusFinding, ...]:
    """The findings of every partition, with each document's earliest near-duplicate over
    all of them, in the local engine's order; a repeated title is not reported on a
    near-duplicate of the document it repeats."""
    earliest: dict[str, Near] = {}
    for item in near:
        known = earliest.get(item.key)
        if known is None or path_order(item.other) < path_order(known.other):
            earliest[item.key] = item
    pairs = {(item.key, item.other) for item in earliest.values()}
    result = [
        item
        for item in findings
        if item.check != REPEATED_TITLE or (item.key, item.other) not in pairs
    ]
    result += [
        CorpusFinding(NEAR_DUPLICATE, n.key, n.other, n.estimate, n.exact, None, 0, 0)
        for n in earliest.values()
    ]
    return tuple(sorted(result, key=CorpusFinding.sort_key))
