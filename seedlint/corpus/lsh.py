"""Near-duplicate pairs by grouping on LSH band keys, in time linear in the corpus.

For every document, the earliest (lowest rank) earlier document similar enough is
wanted. Documents that share a band key land in one bucket; within a bucket, in rank
order, a document is compared with the bucket's first member, then the second, and so on,
stopping at the first similar one or at a member no earlier than the best found so far
in another band. Each round compares one candidate for every document still looking, as
one vectorised step. Unrelated documents rarely share a band, so buckets are small and
the work grows with the corpus, not with its square.

Each band is handled on its own and only needs that band's keys and the ranks: in a
distributed run, (band, key) entries are shuffled so that each bucket sits on one worker,
and the per-band answers are reduced by taking the lowest rank per document.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from seedlint.corpus.table import I64

Passes = Callable[[I64, I64], npt.NDArray[np.bool_]]  # (earlier, later) -> similar enough
NONE = -1
LATEST = np.iinfo(np.int64).max


def earliest_similar(band_keys: npt.NDArray[np.uint64], ranks: I64, passes: Passes) -> I64:
    """For each row, the row of the earliest earlier similar document, or NONE."""
    best = np.full(len(ranks), NONE, dtype=np.int64)
    best_rank = np.full(len(ranks), LATEST, dtype=np.int64)
    for band in range(band_keys.shape[1]):
        _scan_band(band_keys[:, band], ranks, passes, best, best_rank)
    return best


def _scan_band(
    keys: npt.NDArray[np.uint64], ranks: I64, passes: Passes, best: I64, best_rank: I64
) -> None:
    order = np.lexsort((ranks, keys)).astype(np.int64)
    ordered = keys[order]
    positions = np.arange(len(order), dtype=np.int64)
    starts_run = np.ones(len(order), dtype=bool)
    starts_run[1:] = ordered[1:] != ordered[:-1]
    run_start = np.maximum.accumulate(np.where(starts_run, positions, 0))
    depth = positions - run_start  # how many earlier members the bucket holds
    waiting = np.flatnonzero(depth >= 1)
    step = 0
    while len(waiting):
        candidates = order[run_start[waiting] + step]
        documents = order[waiting]
        useful = ranks[candidates] < best_rank[documents]
        similar = np.zeros(len(waiting), dtype=bool)
        tested = np.flatnonzero(useful)
        if len(tested):
            similar[tested] = passes(candidates[tested], documents[tested])
        best[documents[similar]] = candidates[similar]
        best_rank[documents[similar]] = ranks[candidates[similar]]
        step += 1
        waiting = waiting[useful & ~similar & (depth[waiting] > step)]
