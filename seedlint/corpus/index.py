"""The corpus index: the fingerprints of every document of a corpus, by key.

Documents are added, replaced (added again under the same key) and removed one by one;
the changes are kept aside and folded into the columnar table (see ``table.py``) the next
time the table is read, so that loading a large index, adding a few new documents and
checking them costs a few copies of the columns, not a rebuild. Two indexes built
separately (on other machines, over other parts of a corpus) are merged into one; the
entries of the merged-in index replace those of the same keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import msgspec
import numpy as np

from seedlint.corpus import storage
from seedlint.corpus.fingerprint import BODY_HASH_BYTES, Fingerprint
from seedlint.corpus.order import path_order
from seedlint.corpus.settings import CorpusSettings, band_shape
from seedlint.corpus.table import Table, pack_paragraphs

SIGNATURE_VALUE_BYTES = 4


class CorpusIndex:
    """Fingerprints by key, with the settings they were computed with."""

    def __init__(self, settings: CorpusSettings | None = None) -> None:
        self.settings = (settings or CorpusSettings()).checked()
        self.bands, self.rows = band_shape(self.settings.threshold, self.settings.num_perm)
        self._table = Table.empty(self.settings.num_perm)
        self._dropped: set[int] = set()  # rows of the table removed or replaced since
        # added since the table was built: each without its paragraphs, which are packed
        # (a corpus run stages thousands of documents between folds), nor its shingles
        self._staged: dict[str, tuple[Fingerprint, bytes]] = {}

    def add(self, fingerprint: Fingerprint) -> None:
        """Add a document, replacing any earlier entry of the same key."""
        if len(fingerprint.body_hash) != BODY_HASH_BYTES:
            raise ValueError(
                f"{fingerprint.key}: a body hash of {len(fingerprint.body_hash)} bytes"
            )
        size = len(fingerprint.signature)
        if size not in (0, self.settings.num_perm * SIGNATURE_VALUE_BYTES):
            raise ValueError(
                f"{fingerprint.key}: a signature of {size} bytes; this index keeps "
                f"{self.settings.num_perm} permutations"
            )
        row = self._table.rows.get(fingerprint.key)
        if row is not None:
            self._dropped.add(row)
        packed = pack_paragraphs(fingerprint.paragraphs)
        bare = msgspec.structs.replace(fingerprint, paragraphs=(), shingles=b"")
        self._staged[fingerprint.key] = (bare, packed)

    def remove(self, key: str) -> bool:
        """Forget a document; False when the index did not hold it."""
        found = self._staged.pop(key, None) is not None
        row = self._table.rows.get(key)
        if row is not None and row not in self._dropped:
            self._dropped.add(row)
            found = True
        return found

    def __contains__(self, key: str) -> bool:
        row = self._table.rows.get(key)
        return key in self._staged or (row is not None and row not in self._dropped)

    def __len__(self) -> int:
        return len(self._table) - len(self._dropped) + len(self._staged)

    def __iter__(self) -> Iterator[str]:
        """Every key, in path order: what a caller walks to remove keys that are gone."""
        return iter(sorted(self.table().keys, key=path_order))

    def body_hash(self, key: str) -> bytes | None:
        """The body hash stored for a key (see ``fingerprint.body_hash``), None if absent:
        a caller compares it with the current file's to tell a stale entry."""
        table = self.table()
        row = table.rows.get(key)
        return None if row is None else table.bodies[row].astype("<u8").tobytes()

    def table(self) -> Table:
        """Every entry as one table, with the changes since the last call folded in."""
        if self._dropped or self._staged:
            kept = self._table
            if self._dropped:
                keep = np.ones(len(kept), dtype=bool)
                keep[list(self._dropped)] = False
                kept = kept.select(np.flatnonzero(keep).astype(np.int64))
            staged = Table.from_fingerprints(
                [fingerprint for fingerprint, _ in self._staged.values()],
                self.settings.num_perm,
                [packed for _, packed in self._staged.values()],
            )
            self._table = Table.concat([kept, staged], self.settings.num_perm)
            self._dropped.clear()
            self._staged.clear()
        return self._table

    def merge(self, other: CorpusIndex) -> None:
        """Take in every entry of ``other`` (fingerprinted with the same settings); its
        entries replace this index's entries of the same keys."""
        if other.settings.fingerprinting() != self.settings.fingerprinting():
            raise ValueError(f"cannot merge an index built with {other.settings}")
        incoming = other.table()
        mine = self.table()
        keep = np.array([key not in incoming.rows for key in mine.keys], dtype=bool)
        kept = mine.select(np.flatnonzero(keep).astype(np.int64))
        self._table = Table.concat([kept, incoming], self.settings.num_perm)

    def copy(self) -> CorpusIndex:
        """An index of the same entries that changes independently of this one (tables
        are never changed in place, so they are shared)."""
        twin = CorpusIndex(self.settings)
        twin._table = self.table()
        return twin

    def with_settings(self, settings: CorpusSettings) -> CorpusIndex:
        """The same entries judged with other thresholds (the fingerprinting settings must
        be the same: ValueError otherwise)."""
        if settings.fingerprinting() != self.settings.fingerprinting():
            raise ValueError(f"these entries were fingerprinted with {self.settings}")
        twin = CorpusIndex(settings)
        twin._table = self.table()
        return twin

    def save(self, path: str | Path) -> None:
        """Write the index to ``path`` atomically (see ``storage.py``)."""
        storage.write(Path(path), self.to_bytes())

    def to_bytes(self) -> bytes:
        """The index file's bytes (see ``storage.py``), for a caller that stores them
        inside a file of its own."""
        return storage.encode(self.settings, self.table())

    @classmethod
    def from_bytes(
        cls, data: bytes | memoryview, settings: CorpusSettings | None = None
    ) -> CorpusIndex | str:
        """The index ``to_bytes`` gave, or why these bytes are not one (see ``load``)."""
        decoded = storage.decode(data, settings)
        if isinstance(decoded, str):
            return decoded
        index = cls(decoded[0])
        index._table = decoded[1]
        return index

    @classmethod
    def load(cls, path: str | Path, settings: CorpusSettings | None = None) -> CorpusIndex | str:
        """The index saved at ``path``, or a one-line reason why it cannot be used (missing,
        damaged, another format version, fingerprints made with other shingle size,
        permutations or seed than ``settings``). Never raises for anything the file holds.
        With ``settings``, the loaded index checks with them: thresholds can change without
        a rebuild."""
        data = storage.read(Path(path))
        if isinstance(data, str):
            return f"{path}: {data}"
        index = cls.from_bytes(data, settings)
        return f"{path}: {index}" if isinstance(index, str) else index
