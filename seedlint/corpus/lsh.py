"""Near-duplicate pairs by grouping on LSH band keys, in time linear in the corpus.

For every document, the earliest (lowest rank) earlier document similar enough is
wanted. Documents that share a band key land in one bucket, and a document's candidates
are the earlier members of its buckets in all the bands. They are measured in rank order,
each once however many buckets it shares, and the first similar one is the answer: a
document measures the candidates earlier than its answer and nothing after it. Each round
measures one candidate for every document still looking, as one vectorised step.
Unrelated documents rarely share a band, so buckets are small and the work grows with the
corpus, not with its square.

The order in which documents are measured does not change the answers, so it is chosen
for the rows the pairs share: documents are taken ``DOCUMENTS_PER_ROUND`` at a time,
grouped by the earliest member of all their buckets. The copies of a story copied a
hundred times share that member (its first copy), and their candidates are the story's
other copies: measured together, each copy's shingle set is made once and kept while the
story's pairs are measured (``similarity.py``), not made again for each copy that meets it.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from seedlint.corpus.table import I64

Passes = Callable[[I64, I64], npt.NDArray[np.bool_]]  # (earlier, later) -> similar enough
Index = npt.NDArray[np.signedinteger[Any]]  # rows or positions: 32 bits where they fit
NONE = -1
DOCUMENTS_PER_ROUND = 1024


def earliest_similar(band_keys: npt.NDArray[np.uint64], ranks: I64, passes: Passes) -> I64:
    """For each row, the row of the earliest earlier similar document, or NONE."""
    best = np.full(len(ranks), NONE, dtype=np.int64)
    members, documents, starts, ends, heads = _candidates(band_keys, ranks)
    if not len(documents):
        return best
    # a document's entries (one per band in which it has earlier members) side by side,
    # documents grouped by the earliest member of their buckets, then in rank order
    grouped = np.lexsort((documents, ranks[documents], heads[documents]))
    documents, starts, ends = documents[grouped], starts[grouped], ends[grouped]
    firsts = np.flatnonzero(_starts(documents))
    bounds = np.append(firsts, len(documents))[::DOCUMENTS_PER_ROUND].tolist()
    if bounds[-1] != len(documents):
        bounds.append(len(documents))
    for start, end in pairwise(bounds):
        round_ = slice(start, end)
        _measure(members, ranks, passes, best, documents[round_], starts[round_], ends[round_])
    return best


def _candidates(
    band_keys: npt.NDArray[np.uint64], ranks: I64
) -> tuple[Index, Index, Index, Index, I64]:
    """Every band's rows grouped by key in rank order, side by side (``members``); an
    entry per (band, row) whose bucket holds earlier rows: the row, and where its earlier
    members start and end in ``members``; and per row, the lowest rank in its buckets."""
    rows, bands = band_keys.shape
    index: type[np.signedinteger[Any]] = np.int32 if rows * bands < 2**31 else np.int64
    members: Index = np.empty(rows * bands, dtype=index)
    heads = ranks.copy()
    documents: list[Index] = []
    starts: list[Index] = []
    ends: list[Index] = []
    positions = np.arange(rows, dtype=index)
    for band in range(bands):
        keys = band_keys[:, band]
        order: Index = np.lexsort((ranks, keys)).astype(index)
        members[band * rows : (band + 1) * rows] = order
        ordered = keys[order]
        run_start = np.maximum.accumulate(np.where(_starts(ordered), positions, 0))
        heads[order] = np.minimum(heads[order], ranks[order[run_start]])
        later = np.flatnonzero(positions > run_start)
        documents.append(order[later])
        starts.append(run_start[later] + band * rows)
        ends.append((later + band * rows).astype(index))
    empty: Index = np.empty(0, dtype=index)
    return (
        members,
        np.concatenate(documents) if documents else empty,
        np.concatenate(starts) if starts else empty,
        np.concatenate(ends) if ends else empty,
        heads,
    )


def _measure(
    members: Index,
    ranks: I64,
    passes: Passes,
    best: I64,
    documents: Index,
    at: Index,
    ends: Index,
) -> None:
    """Measure the entries' documents against their candidates, earliest first, until
    one is similar or none is left; ``at`` is each entry's next candidate."""
    at = at.copy()
    while len(documents):
        firsts = np.flatnonzero(_starts(documents))
        sizes = np.diff(np.append(firsts, len(documents)))
        candidates = members[at]
        candidate_ranks = ranks[candidates]
        earliest = np.repeat(np.minimum.reduceat(candidate_ranks, firsts), sizes)
        at_earliest = np.flatnonzero(candidate_ranks == earliest)
        group = np.repeat(np.arange(len(firsts)), sizes)[at_earliest]
        chosen = at_earliest[_starts(group)]
        similar = passes(candidates[chosen].astype(np.int64), documents[chosen].astype(np.int64))
        best[documents[chosen[similar]]] = candidates[chosen[similar]]
        # every entry whose next candidate was the one measured moves past it
        measured = candidates == np.repeat(candidates[chosen], sizes)
        at[measured] += 1
        keep = (at < ends) & ~np.repeat(similar, sizes)
        documents, at, ends = documents[keep], at[keep], ends[keep]


def _starts(values: npt.NDArray[Any]) -> npt.NDArray[np.bool_]:
    """Where each run of equal neighbouring values starts."""
    starts = np.ones(len(values), dtype=bool)
    starts[1:] = values[1:] != values[:-1]
    return starts
