"""The content digests of the documents a corpus store keeps, read where they lie in the
bytes of its file (``corpus_store``, ``kept_contributions``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping

DIGEST_BYTES = 16  # a document's content digest (``corpus_store.digest``)


class Digests(Mapping[str, bytes]):
    """The content digest of every kept document: the base's, read where they lie in its
    bytes, with the changes since."""

    def __init__(
        self, rows: Mapping[str, int] | None = None, blob: memoryview | None = None
    ) -> None:
        self.rows: Mapping[str, int] = rows or {}
        self.blob = blob
        self.changed: dict[str, bytes] = {}
        self.removed: set[str] = set()

    def __getitem__(self, key: str) -> bytes:
        if key in self.changed:
            return self.changed[key]
        if key in self.removed or self.blob is None:
            raise KeyError(key)
        row = self.rows[key]
        return bytes(self.blob[row * DIGEST_BYTES : (row + 1) * DIGEST_BYTES])

    def __iter__(self) -> Iterator[str]:
        changed, removed = self.changed, self.removed
        if not changed and not removed:
            return iter(self.rows)  # a base as read: a million keys at C speed
        kept = (k for k in self.rows if k not in changed and k not in removed)
        return itertools.chain(changed, kept)

    def __len__(self) -> int:
        # a removed key is always the base's, and a changed one is never removed
        added = sum(1 for key in self.changed if key not in self.rows)
        return len(self.rows) - len(self.removed) + added

    def joined(self, keys: Iterable[str]) -> bytes:
        """The digests of ``keys`` (kept keys), one after another, as a new base holds
        them."""
        changed, rows, width = self.changed, self.rows, DIGEST_BYTES
        if self.blob is None:
            return b"".join([changed[key] for key in keys])
        # slices of bytes, not of the memoryview: a million views would keep the cyclic
        # collector busy (bytes are no concern of it)
        blob = bytes(self.blob)
        return b"".join(
            [
                changed[key]
                if key in changed
                else blob[rows[key] * width : (rows[key] + 1) * width]
                for key in keys
            ]
        )

    def set(self, key: str, value: bytes) -> None:
        self.changed[key] = value
        self.removed.discard(key)

    def discard(self, key: str) -> None:
        self.changed.pop(key, None)
        if key in self.rows:
            self.removed.add(key)
