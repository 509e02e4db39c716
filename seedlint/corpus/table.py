"""The fingerprints of many documents as columns of numpy arrays.

One row per document: its key, body hash (two 64-bit words), title hash, flags and
signature; the paragraphs of all rows sit end to end in three more columns, row ``i``
owning entries ``paragraph_offsets[i]`` to ``paragraph_offsets[i + 1]``. Tables are
never changed in place: selecting rows and concatenating tables make new ones, which is
all that adding, replacing, removing and merging need.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from functools import cached_property
from itertools import chain

import msgspec
import numpy as np
import numpy.typing as npt

from seedlint.corpus.fingerprint import Fingerprint, title_hash
from seedlint.corpus.minhash import U32, U64, band_keys

I64 = npt.NDArray[np.int64]
U8 = npt.NDArray[np.uint8]

HAS_BODY = 1  # the body holds something besides whitespace
HAS_SIGNATURE = 2  # the body holds a word, so the signature is meaningful
KNOWN_FLAGS = HAS_BODY | HAS_SIGNATURE


PACKED_FIELDS = 3  # a paragraph's hash, start and end, as uint64 in native order
PACKED_ENTRY = PACKED_FIELDS * 8


def pack_paragraphs(paragraphs: Sequence[tuple[int, int, int]]) -> bytes:
    """A fingerprint's (hash, start, end) paragraphs as bytes: a tenth of the memory of
    the tuples, for fingerprints kept a while before they become a table."""
    return array("Q", chain.from_iterable(paragraphs)).tobytes() if paragraphs else b""


class Table(msgspec.Struct, frozen=True, eq=False, dict=True):
    """Columns of fingerprints; see the module docstring."""

    keys: tuple[str, ...]
    bodies: U64  # (rows, 2)
    titles: U64  # (rows,)
    flags: U8  # (rows,)
    signatures: U32  # (rows, num_perm)
    paragraph_offsets: I64  # (rows + 1,)
    paragraph_hashes: U64  # (entries,)
    paragraph_spans: I64  # (entries, 2)
    _bands: dict[tuple[int, int], U64] = msgspec.field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def num_perm(self) -> int:
        return int(self.signatures.shape[1])

    @cached_property
    def rows(self) -> dict[str, int]:
        return {key: row for row, key in enumerate(self.keys)}

    @cached_property
    def paragraph_rows(self) -> I64:
        """The row owning each paragraph entry."""
        counts = np.diff(self.paragraph_offsets)
        return np.repeat(np.arange(len(self.keys), dtype=np.int64), counts)

    def band_keys(self, bands: int, rows: int) -> U64:
        """(rows, bands) LSH band keys, computed once per table."""
        if (bands, rows) not in self._bands:
            self._bands[bands, rows] = band_keys(self.signatures, bands, rows)
        return self._bands[bands, rows]

    def paragraphs(self, row: int) -> tuple[U64, I64]:
        """(hashes, spans) of one row's paragraphs."""
        start, end = int(self.paragraph_offsets[row]), int(self.paragraph_offsets[row + 1])
        return self.paragraph_hashes[start:end], self.paragraph_spans[start:end]

    @staticmethod
    def empty(num_perm: int) -> Table:
        return Table(
            (),
            np.zeros((0, 2), np.uint64),
            np.zeros(0, np.uint64),
            np.zeros(0, np.uint8),
            np.zeros((0, num_perm), np.uint32),
            np.zeros(1, np.int64),
            np.zeros(0, np.uint64),
            np.zeros((0, 2), np.int64),
        )

    @staticmethod
    def from_fingerprints(
        fingerprints: Sequence[Fingerprint],
        num_perm: int,
        packed: Sequence[bytes] | None = None,
    ) -> Table:
        """The fingerprints as a table; with ``packed``, each fingerprint's paragraphs are
        those bytes instead (``pack_paragraphs``), not its own."""
        if not fingerprints:
            return Table.empty(num_perm)
        signatures = np.zeros((len(fingerprints), num_perm), np.uint32)
        flags = np.zeros(len(fingerprints), np.uint8)
        for row, document in enumerate(fingerprints):
            if document.has_body:
                flags[row] |= HAS_BODY
            if document.signature:
                signatures[row] = np.frombuffer(document.signature, "<u4")
                flags[row] |= HAS_SIGNATURE
        if packed is None:
            packed = [pack_paragraphs(document.paragraphs) for document in fingerprints]
        entries = np.frombuffer(b"".join(packed), np.uint64).reshape(-1, PACKED_FIELDS)
        counts = [len(paragraphs) // PACKED_ENTRY for paragraphs in packed]
        return Table(
            tuple(document.key for document in fingerprints),
            np.frombuffer(b"".join(p.body_hash for p in fingerprints), "<u8").reshape(-1, 2),
            np.array([title_hash(p.title_key) for p in fingerprints], np.uint64),
            flags,
            signatures,
            np.concatenate([[0], np.cumsum(counts, dtype=np.int64)]).astype(np.int64),
            entries[:, 0].astype(np.uint64),
            entries[:, 1:].astype(np.int64),
        )

    def select(self, rows: I64) -> Table:
        """The given rows, in the given order."""
        starts = self.paragraph_offsets[rows]
        counts = self.paragraph_offsets[rows + 1] - starts
        ends = np.cumsum(counts, dtype=np.int64)
        # each selected row's entries: its own start plus 0, 1, ... count - 1
        entries = np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64) + np.repeat(
            starts - (ends - counts), counts
        )
        return Table(
            tuple(self.keys[row] for row in rows.tolist()),
            self.bodies[rows],
            self.titles[rows],
            self.flags[rows],
            self.signatures[rows],
            np.concatenate([[0], ends]).astype(np.int64),
            self.paragraph_hashes[entries],
            self.paragraph_spans[entries],
        )

    @staticmethod
    def concat(tables: Iterable[Table], num_perm: int) -> Table:
        parts = [table for table in tables if len(table)]
        if not parts:
            return Table.empty(num_perm)
        if len(parts) == 1:
            return parts[0]
        offsets = [parts[0].paragraph_offsets]
        for table in parts[1:]:
            offsets.append(table.paragraph_offsets[1:] + offsets[-1][-1])
        result = Table(
            tuple(key for table in parts for key in table.keys),
            np.concatenate([table.bodies for table in parts]),
            np.concatenate([table.titles for table in parts]),
            np.concatenate([table.flags for table in parts]),
            np.concatenate([table.signatures for table in parts]),
            np.concatenate(offsets),
            np.concatenate([table.paragraph_hashes for table in parts]),
            np.concatenate([table.paragraph_spans for table in parts]),
        )
        result._carry_over(parts)
        return result

    def _carry_over(self, parts: list[Table]) -> None:
        """Extend what the first part has already worked out (its key positions and band
        keys) rather than work it out again: adding a few documents to a large loaded
        index then costs a few copies, not a pass of Python over every key."""
        first = parts[0]
        if "rows" in first.__dict__:
            rows = dict(first.rows)
            offset = len(first)
            for table in parts[1:]:
                rows.update((key, offset + row) for row, key in enumerate(table.keys))
                offset += len(table)
            self.__dict__["rows"] = rows
        for shape, keys in first._bands.items():
            self._bands[shape] = np.concatenate([keys, *(t.band_keys(*shape) for t in parts[1:])])
