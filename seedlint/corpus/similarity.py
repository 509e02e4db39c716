"""How similar two stored documents are, and whether that makes them near-duplicates.

The estimate is the share of equal values in the two MinHash signatures. When the
caller can supply the current bodies of both documents, the exact Jaccard similarity of
their shingle sets is computed too and decides instead of the estimate (so no pair the
estimate misjudges by a few hundredths is lost or invented); otherwise the estimate
decides. Exact similarities are cached per pair, since a pair can meet in several bands.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from seedlint.corpus.fingerprint import exact_similarity
from seedlint.corpus.settings import CorpusSettings
from seedlint.corpus.table import I64, Table

F64 = npt.NDArray[np.float64]
PAIRS_PER_CHUNK = 1 << 15  # pairs compared at once: 128 values each, a few MB
DIGITS = 4  # similarities are reported rounded, so that reports compare byte for byte

Bodies = Callable[[str], str | None]  # the current body of a key, None when unknown


class Similarity:
    """Estimates, exact values and decisions for pairs of rows of one table."""

    def __init__(self, table: Table, settings: CorpusSettings, bodies: Bodies | None) -> None:
        self.table = table
        self.settings = settings
        self.bodies = bodies
        self._exact: dict[tuple[int, int], float | None] = {}

    def estimates(self, firsts: I64, seconds: I64) -> F64:
        result = np.empty(len(firsts), dtype=np.float64)
        signatures = self.table.signatures
        for start in range(0, len(firsts), PAIRS_PER_CHUNK):
            chunk = slice(start, start + PAIRS_PER_CHUNK)
            equal = signatures[firsts[chunk]] == signatures[seconds[chunk]]
            result[chunk] = equal.sum(axis=1) / self.settings.num_perm
        return result

    def exact(self, first: int, second: int) -> float | None:
        """The exact Jaccard similarity, None when either body is not available."""
        pair = (min(first, second), max(first, second))
        if pair not in self._exact:
            value = None
            if self.bodies is not None:
                left = self.bodies(self.table.keys[first])
                right = self.bodies(self.table.keys[second]) if left is not None else None
                if left is not None and right is not None:
                    value = exact_similarity(left, right, self.settings.shingle_words)
            self._exact[pair] = value
        return self._exact[pair]

    def passes(self, firsts: I64, seconds: I64) -> npt.NDArray[np.bool_]:
        """Which pairs are near-duplicates."""
        estimates = self.estimates(firsts, seconds)
        if self.bodies is None:
            return estimates >= self.settings.threshold
        values = [
            estimate if exact is None else exact
            for estimate, exact in zip(
                estimates.tolist(),
                (self.exact(a, b) for a, b in zip(firsts.tolist(), seconds.tolist())),
            )
        ]
        return np.array(values, dtype=np.float64) >= self.settings.threshold

    def reported(self, first: int, second: int) -> tuple[float, float | None]:
        """(estimate, exact) of one pair, rounded for the report."""
        estimate = float(self.estimates(np.array([first]), np.array([second]))[0])
        exact = self.exact(first, second) if self.bodies is not None else None
        return round(estimate, DIGITS), None if exact is None else round(exact, DIGITS)
