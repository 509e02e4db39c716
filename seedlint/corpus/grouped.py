"""Findings on every document at once, by grouping rows on their hashes.

Rows are sorted once per check by (hash, path rank), so each group's first member is at
its head: body groups give duplicates and representatives, title groups repeated titles,
band buckets near-duplicate candidates (``lsh.py``), and (document, paragraph) pairs the
number of documents holding each paragraph. Sorting is the only step above linear.
"""

from __future__ import annotations

import numpy as np

from seedlint.corpus.finding import (
    BOILERPLATE,
    DUPLICATE,
    NEAR_DUPLICATE,
    REPEATED_TITLE,
    CorpusFinding,
)
from seedlint.corpus.fingerprint import NO_TITLE
from seedlint.corpus.lsh import NONE, earliest_similar
from seedlint.corpus.order import ranks
from seedlint.corpus.table import I64
from seedlint.corpus.view import CorpusView, Mask


def all_findings(view: CorpusView) -> list[CorpusFinding]:
    rank = ranks(view.table.keys)
    representative, result = _duplicates(view, rank)
    result += _repeated_titles(view, rank, representative)
    result += _near_duplicates(view, rank, representative)
    result += _boilerplate(view, representative)
    return result


def _groups(rows: I64, columns: list[np.ndarray], rank: I64) -> tuple[I64, I64, I64]:
    """(rows sorted by columns then rank, group number of each, first row of each group)."""
    ordered = rows[np.lexsort((rank[rows], *reversed([column[rows] for column in columns])))]
    new = np.zeros(len(ordered), dtype=bool)
    new[:1] = True
    for column in columns:
        new[1:] |= column[ordered][1:] != column[ordered][:-1]
    group = np.cumsum(new) - 1
    return ordered, group, ordered[new]


def _duplicates(view: CorpusView, rank: I64) -> tuple[Mask, list[CorpusFinding]]:
    bodies = view.table.bodies
    rows = np.flatnonzero(view.has_body)
    ordered, group, first = _groups(rows, [bodies[:, 0], bodies[:, 1]], rank)
    sizes = np.bincount(group)
    representative = np.zeros(len(view.table), dtype=bool)
    representative[first] = True
    keys = view.table.keys
    result = [
        CorpusFinding(
            DUPLICATE, keys[row], keys[first[number]], None, None, int(sizes[number]), 0, 0
        )
        for row, number in zip(ordered.tolist(), group.tolist())
        if not representative[row]
    ]
    return representative, result


def _repeated_titles(view: CorpusView, rank: I64, representative: Mask) -> list[CorpusFinding]:
    titles = view.table.titles
    rows = np.flatnonzero(view.has_body & (titles != NO_TITLE))
    ordered, group, first = _groups(rows, [titles], rank)
    sizes = np.bincount(group)
    keys = view.table.keys
    return [
        CorpusFinding(
            REPEATED_TITLE, keys[row], keys[first[number]], None, None, int(sizes[number]), 0, 0
        )
        for row, number in zip(ordered.tolist(), group.tolist())
        if representative[row] and row != first[number]
    ]


def _near_duplicates(view: CorpusView, rank: I64, representative: Mask) -> list[CorpusFinding]:
    rows = np.flatnonzero(representative & view.has_signature)

    def passes(earlier: I64, later: I64) -> np.ndarray:
        return view.similarity.passes(rows[earlier], rows[later])

    best = earliest_similar(view.band_keys[rows], rank[rows], passes)
    keys = view.table.keys
    result = []
    for local in np.flatnonzero(best != NONE).tolist():
        row, other = int(rows[local]), int(rows[best[local]])
        estimate, exact = view.similarity.reported(other, row)
        result.append(
            CorpusFinding(NEAR_DUPLICATE, keys[row], keys[other], estimate, exact, None, 0, 0)
        )
    return result


def _boilerplate(view: CorpusView, representative: Mask) -> list[CorpusFinding]:
    table = view.table
    entries = np.flatnonzero(representative[table.paragraph_rows])
    owners = table.paragraph_rows[entries]
    hashes = table.paragraph_hashes[entries]
    starts = table.paragraph_spans[entries, 0]
    # each (document, paragraph) once, at the paragraph's first place in the document
    ordered = np.lexsort((starts, hashes, owners))
    new = np.ones(len(ordered), dtype=bool)
    new[1:] = (owners[ordered][1:] != owners[ordered][:-1]) | (
        hashes[ordered][1:] != hashes[ordered][:-1]
    )
    firsts = entries[ordered[new]]
    _, inverse, counts = np.unique(
        table.paragraph_hashes[firsts], return_inverse=True, return_counts=True
    )
    per_entry = counts[inverse]
    result = []
    for entry, count in zip(firsts.tolist(), per_entry.tolist()):
        if count >= view.boilerplate_documents:
            start, end = (int(value) for value in table.paragraph_spans[entry])
            key = table.keys[int(table.paragraph_rows[entry])]
            result.append(CorpusFinding(BOILERPLATE, key, "", None, None, int(count), start, end))
    return result
