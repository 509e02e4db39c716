"""A table seen with the settings of its index: the masks, groups and counts that both
ways of finding (the whole corpus at once, or a few documents by scanning) share.

A document's body group is every document of the same body hash; its first member in
path order "represents" it. A document that is not the first of its body group is
reported as a duplicate and nothing else: every other finding on it is already on the
first copy, and the fix is to delete the copy. Only representatives are compared for
near-duplicates and counted for boilerplate, so N copies of one text count once.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import numpy.typing as npt

from seedlint.corpus.order import path_order
from seedlint.corpus.settings import CorpusSettings
from seedlint.corpus.similarity import Bodies, Memo, Sent, Similarity, Verified
from seedlint.corpus.table import HAS_BODY, HAS_SIGNATURE, I64, Table

Mask = npt.NDArray[np.bool_]


class CorpusView:
    def __init__(
        self,
        table: Table,
        settings: CorpusSettings,
        shape: tuple[int, int],
        bodies: Bodies | None,
        memo: Memo | None = None,
        verified: Verified | None = None,
        sent: Sent | None = None,
    ) -> None:
        self.table = table
        self.settings = settings
        self.shape = shape  # (bands, rows) of the LSH
        self.similarity = Similarity(table, settings, bodies, memo, verified, sent)
        self.has_body: Mask = (table.flags & HAS_BODY) != 0
        self.has_signature: Mask = (table.flags & HAS_SIGNATURE) != 0

    @cached_property
    def band_keys(self) -> npt.NDArray[np.uint64]:
        return self.table.band_keys(*self.shape)

    def sharing_band(self, row: int) -> Mask:
        """Rows with a signature that share at least one band with this row. Once the band
        keys of the whole table are known (grouping computes them), they are compared;
        until then, the bands themselves: the first value of each band over every row,
        then whole bands over the few rows that match one, which costs a pass over a
        twentieth of the signatures instead of hashing all of them (one new document
        against a large loaded index). Equal bands have equal keys, and unequal ones
        equal keys only by a 64-bit collision, so both ways find the same rows."""
        if "band_keys" in self.__dict__:
            keys = self.band_keys
            shared: Mask = (keys == keys[row]).any(axis=1)
            return shared & self.has_signature
        bands, rows = self.shape
        signatures = self.table.signatures[:, : bands * rows]
        mine = signatures[row]
        heads = np.flatnonzero((signatures[:, ::rows] == mine[::rows]).any(axis=1))
        whole = signatures[heads].reshape(len(heads), bands, rows) == mine.reshape(bands, rows)
        shared = np.zeros(len(self.table), dtype=bool)
        shared[heads[whole.all(axis=2).any(axis=1)]] = True
        return shared & self.has_signature

    @cached_property
    def distinct_bodies(self) -> int:
        bodies = self.table.bodies[self.has_body]
        if not len(bodies):
            return 0
        ordered = bodies[np.lexsort((bodies[:, 1], bodies[:, 0]))]
        return 1 + int(np.count_nonzero(np.any(ordered[1:] != ordered[:-1], axis=1)))

    @cached_property
    def boilerplate_documents(self) -> int:
        return self.settings.boilerplate_documents(self.distinct_bodies)

    def order(self, row: int) -> tuple[str, int, str]:
        return path_order(self.table.keys[row])

    def same_body(self, row: int) -> I64:
        bodies = self.table.bodies
        same = (bodies[:, 0] == bodies[row, 0]) & (bodies[:, 1] == bodies[row, 1])
        return np.flatnonzero(same & self.has_body)

    def representatives(self, rows: I64) -> Mask:
        """Which of these rows (with a body) are the first of their body group."""
        bodies = self.table.bodies
        members = np.flatnonzero(np.isin(bodies[:, 0], bodies[rows, 0]) & self.has_body)
        first: dict[tuple[int, int], int] = {}
        for member in members.tolist():
            body = (int(bodies[member, 0]), int(bodies[member, 1]))
            if body not in first or self.order(member) < self.order(first[body]):
                first[body] = member
        return np.array(
            [first[int(bodies[row, 0]), int(bodies[row, 1])] == row for row in rows.tolist()],
            dtype=bool,
        )
