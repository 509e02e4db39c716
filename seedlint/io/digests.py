"""The content digests of the documents a corpus store keeps, read where they lie in the
bytes of its file (``corpus_store``, ``kept_contributions``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

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
        yield from self.changed
        yield from (k for k in self.rows if k not in self.changed and k not in self.removed)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def set(self, key: str, value: bytes) -> None:
        self.changed[key] = value
        self.removed.discard(key)

    def discard(self, key: str) -> None:
        self.changed.pop(key, None)
        if key in self.rows:
            self.removed.add(key)
