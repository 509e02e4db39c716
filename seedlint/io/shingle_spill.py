"""The shingle sets a run's fingerprints carried, kept aside on disk for the corpus pass.

A worker's fingerprint of a document carries the document's shingle set
(``Fingerprint.shingles``, a few kB); the near-duplicate check measures pairs by those
sets. Kept in memory, a large run's sets would take more than its whole index; dropped,
the check would read each document it measures again and hash it again, which took most
of its time. So the parent appends each set to an unnamed temporary file as it arrives
(deleted by the system when closed, or when the process ends however it ends) and keeps
where it is by key. The sets a run keeps are bounded by ``SPILL_LIMIT``; past it, or when
no temporary file can be written (no writable temporary folder, a full disk), the check
reads the documents it measures, as it does for any document not fingerprinted in this
run.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from typing import IO

import numpy as np

from seedlint.corpus.minhash import U64

SPILL_LIMIT = 1 << 30  # bytes of shingle sets kept aside in one run (some 300,000 articles)
HASH_BYTES = 8
WRITE_BUFFER = 1 << 20
COUNT_BITS = 24  # a set's size in hashes, in the low bits of where it is kept


class ShingleSpill:
    """Shingle sets by key, in a temporary file opened when the first set arrives."""

    def __init__(self, limit: int = SPILL_LIMIT) -> None:
        self.limit = limit
        self._file: IO[bytes] | None = None
        self._size = 0  # bytes written
        self._flushed = True
        # key -> offset << COUNT_BITS | hashes: one int a document, not a tuple
        self._where: dict[str, int] = {}

    def put(self, key: str, shingles: bytes) -> None:
        """Keep a document's set (``Fingerprint.shingles``), replacing an earlier one."""
        count = len(shingles) // HASH_BYTES
        if not count or count >= 1 << COUNT_BITS or self._size + len(shingles) > self.limit:
            self._where.pop(key, None)
            return
        try:
            if self._file is None:
                # kept open for the run; written a megabyte at a time, where the default
                # buffer made a system call of each news article's set
                self._file = tempfile.TemporaryFile(buffering=WRITE_BUFFER)  # noqa: SIM115
            self._file.write(shingles)
        except OSError:  # no temporary folder to write to, or a full disk: none kept
            self._give_up()
            return
        self._flushed = False
        self._where[key] = self._size << COUNT_BITS | count
        self._size += len(shingles)

    def get(self, key: str) -> U64 | None:
        """The set kept for ``key``, None when none is."""
        where = self._where.get(key)
        if where is None or self._file is None:
            return None
        offset, count = where >> COUNT_BITS, where & ((1 << COUNT_BITS) - 1)
        try:
            if not self._flushed:
                self._file.flush()
                self._flushed = True
            data = os.pread(self._file.fileno(), count * HASH_BYTES, offset)
        except OSError:  # the buffer could not be written out: the bodies are read
            self._give_up()
            return None
        if len(data) != count * HASH_BYTES:
            return None
        return np.frombuffer(data, dtype=np.uint64)

    def _give_up(self) -> None:
        """Keep nothing from now on (the pass reads what it measures), and hold no file."""
        self.limit = 0
        self.close()

    def close(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):  # a buffer that cannot be written is dropped
                self._file.close()
            self._file = None
        self._where.clear()
