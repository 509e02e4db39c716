"""How similar two stored documents are, and whether that makes them near-duplicates.

The estimate is the share of equal values in the two MinHash signatures. When the
caller can supply the current bodies of both documents (or the shingle sets their
fingerprints carried in this run, for entries known to match), the exact Jaccard
similarity of their shingle sets is computed too and decides instead of the estimate (so
no pair the estimate misjudges by a few hundredths is lost or invented); otherwise the
estimate decides. The exact similarities of the pairs that passed are kept for the
report; the shingle sets of the rows measured last are kept, since a row meets the others
of its buckets (a story syndicated a hundred times is a hundred rows that each meet the
rest); and, given a ``memo``, exact similarities are kept by the stored body hashes of the
pair: a caller that keeps the memo between runs (the corpus store) measures an unchanged
pair once. A body hash is that of the body with its whitespace normalised, which keeps
every word: it decides the shingles. A memo's value serves without reading the bodies
only when both entries are ``verified`` (known to match their documents); any other
pair's bodies are read first, which checks them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, MutableMapping

import numpy as np
import numpy.typing as npt

from seedlint.corpus.fingerprint import jaccard, shingle_set
from seedlint.corpus.minhash import U64
from seedlint.corpus.settings import CorpusSettings
from seedlint.corpus.table import I64, Table

F64 = npt.NDArray[np.float64]
PAIRS_PER_CHUNK = 1 << 15  # pairs compared at once: 128 values each, a few MB
# bytes of shingle sets kept, the rows measured last: 8 bytes a shingle, 1-4 kB a news
# article, so that a run's memory stays flat in the corpus's size. The scan measures a
# thousand documents and their candidates together (lsh.py): 8 MB keeps them; 16 MB
# made no run faster and its memory was never given back
SHINGLE_BYTES_KEPT = 8 << 20
DIGITS = 4  # similarities are reported rounded, so that reports compare byte for byte

Bodies = Callable[[str], str | None]  # the current body of a key, None when unknown
Verified = Callable[[str], bool]  # whether a key's entry is known to match its document
# the shingle set a key's fingerprint carried (``Fingerprint.shingles``) in the run that
# made it, None when it is not at hand
Sent = Callable[[str], U64 | None]
Memo = MutableMapping[bytes, float]  # pair_key of two entries -> their exact similarity


def pair_key(table: Table, first: int, second: int, shingle_words: int) -> bytes:
    """What names a pair of entries' bodies in a memo: the shingle size and the two body
    hashes, in byte order (the similarity is symmetric)."""
    hashes = sorted(table.bodies[row].astype("<u8").tobytes() for row in (first, second))
    return bytes([shingle_words]) + b"".join(hashes)


def _never(key: str) -> bool:
    return False


class Similarity:
    """Estimates, exact values and decisions for pairs of rows of one table."""

    def __init__(
        self,
        table: Table,
        settings: CorpusSettings,
        bodies: Bodies | None,
        memo: Memo | None = None,
        verified: Verified | None = None,
        sent: Sent | None = None,
    ) -> None:
        self.table = table
        self.settings = settings
        self.bodies = bodies
        self.memo = memo
        self.verified = verified or _never
        self.sent = sent
        # the exact values of the pairs that passed: only they are reported
        self._passed: dict[tuple[int, int], float | None] = {}
        self._shingles: OrderedDict[int, U64] = OrderedDict()  # row -> its shingle set
        self._shingle_bytes = 0

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
        if pair in self._passed:
            return self._passed[pair]
        return self._measured(*pair) if self.bodies is not None else None

    def _measured(self, first: int, second: int) -> float | None:
        assert self.bodies is not None
        keys, words, memo = self.table.keys, self.settings.shingle_words, self.memo
        named = b"" if memo is None else pair_key(self.table, first, second, words)
        both_verified = self.verified(keys[first]) and self.verified(keys[second])
        if memo is not None and named in memo and both_verified:
            return memo[named]
        value = None if memo is None else memo.get(named)
        if value is not None:  # the bodies are read all the same, which checks them
            return value if self._readable(first) and self._readable(second) else None
        left = self._shingle_set(first)
        right = self._shingle_set(second) if left is not None else None
        if left is None or right is None:
            return None
        value = jaccard(left, right)
        if memo is not None:
            memo[named] = value
        return value

    def _readable(self, row: int) -> bool:
        """Whether the row's body is available (read and checked by ``bodies``): known so
        while its shingle set is kept, since a row's body is the same for the whole pass."""
        assert self.bodies is not None
        return row in self._shingles or self.bodies(self.table.keys[row]) is not None

    def _shingle_set(self, row: int) -> U64 | None:
        """The row's shingle set: kept since it was last measured; the one its fingerprint
        carried, when its entry is known to match its document; or made from its body
        (read and checked by ``bodies``). None when the body is not available."""
        kept = self._shingles.get(row)
        if kept is not None:
            self._shingles.move_to_end(row)
            return kept
        assert self.bodies is not None
        key = self.table.keys[row]
        made = self.sent(key) if self.sent is not None and self.verified(key) else None
        if made is None:
            body = self.bodies(key)
            if body is None:
                return None
            made = shingle_set(body, self.settings.shingle_words)
        self._shingles[row] = made
        self._shingle_bytes += made.nbytes
        while self._shingle_bytes > SHINGLE_BYTES_KEPT and self._shingles:
            self._shingle_bytes -= self._shingles.popitem(last=False)[1].nbytes
        return made

    def passes(self, firsts: I64, seconds: I64) -> npt.NDArray[np.bool_]:
        """Which pairs are near-duplicates."""
        estimates = self.estimates(firsts, seconds)
        if self.bodies is None:
            return estimates >= self.settings.threshold
        result = np.zeros(len(firsts), dtype=np.bool_)
        pairs = zip(estimates.tolist(), firsts.tolist(), seconds.tolist())
        for number, (estimate, first, second) in enumerate(pairs):
            exact = self.exact(first, second)
            if (estimate if exact is None else exact) >= self.settings.threshold:
                result[number] = True
                self._passed[(min(first, second), max(first, second))] = exact
        return result

    def reported(self, first: int, second: int) -> tuple[float, float | None]:
        """(estimate, exact) of one pair, rounded for the report."""
        estimate = float(self.estimates(np.array([first]), np.array([second]))[0])
        exact = self.exact(first, second) if self.bodies is not None else None
        return round(estimate, DIGITS), None if exact is None else round(exact, DIGITS)
