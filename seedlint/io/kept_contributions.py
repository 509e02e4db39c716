"""The kept contributions of a corpus kind whose contributions are small plain data (the
names a document writes: ``kinds.corpus_possessive``), so that a few files named by
pre-commit are judged against every document checked before, as the duplicates kind's
fingerprints are by ``corpus_store``.

One file per corpus group in the results cache's folder, ``corpus-NAME.kept``: MessagePack
of the format, its version, the fingerprint of the rules and code that made it (the
results cache's: a contribution is what the kind's code reads in a document, so another
version of it reads another); the index's summary, what its pass reads of every document
(for SL505, how many documents write each name with 's and bare, and the contributions
that hold candidates); and the documents' keys, the digests of their bytes and their
contributions, in the keys' order. It is decoded against fixed schemas, the summary
against the index's own type and each contribution against its own (msgspec): nothing is
ever unpickled or executed.

A run reads the file whole but decodes only the summary, the keys and the digests; a
contribution is decoded and checked when the index first needs it, as its document
changed or went, so that a run that changes a few documents of a large corpus decodes a
few entries. An unchanged entry is written back as it was read. A file made by other
rules or code is replaced at the next save; one that fails a check is discarded with one
note, when it is read or when an entry is (the run then goes on with what it contributed
since, and keeps no verdict: the next run contributes its documents again). The file is
replaced whole and atomically (``atomic.write_atomic``). Counts that a crafted file
makes up can only make findings wrong, as a crafted file of findings could.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

import msgspec

from seedlint.engine.corpus import CorpusGroup
from seedlint.io.atomic import write_atomic
from seedlint.io.digests import DIGEST_BYTES, Digests
from seedlint.io.reading import read_regular

FORMAT = "seedlint kept contributions"
VERSION = 2  # 2: the index's summary kept whole, each contribution read when needed


class KeptHeader(msgspec.Struct, frozen=True):
    """What any version of the file starts with."""

    format: str
    version: int
    fingerprint: str


class KeptFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    version: int
    fingerprint: str
    summary: msgspec.Raw
    keys: list[str]
    digests: bytes  # DIGEST_BYTES per key, in the keys' order
    entries: list[msgspec.Raw]  # each key's contribution, in the keys' order


class Unusable(Exception):
    """A kept entry that fails a check when it is read."""


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held while a file is decoded or made: the millions of
    small objects of a large corpus's file (keys, entries) would start a collection again
    and again, each over every object made so far (half the time at 10^6 documents); they
    hold no cycles for it to find."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class SmallIndex(Protocol):
    """An index of small contributions: each has a ``key`` and is of the type the index
    names (a dataclass or msgspec struct of plain data). Its ``summary`` (of the type it
    names) is what its pass reads of every document; restored from one, it reads a
    kept contribution only when it needs it (a document changed or gone)."""

    contribution_type: type
    summary_type: type

    def add(self, contribution: Any) -> None: ...

    def remove(self, key: str) -> bool: ...

    def get(self, key: str) -> Any: ...

    def summary(self) -> Any: ...

    def restore(self, kept: Any, keys: Iterable[str], read: Callable[[str], Any]) -> None: ...

    def __len__(self) -> int: ...


class KeptContributions:
    """A group's contributions kept between runs: load, change, save (``KeptIndex``)."""

    def __init__(
        self,
        folder: Path,
        group: CorpusGroup,
        fingerprint: str,
        told: Callable[[str], None] | None = None,
    ) -> None:
        self.path = folder / f"corpus-{group.name}.kept"
        self.group = group
        self.fingerprint = fingerprint
        self.index: SmallIndex = group.new_index()
        self.digests = Digests()
        self.similarities = None  # the duplicates kind's alone
        self.notes: list[str] = []  # why a file was discarded
        self._told = told  # told of each note as it is made
        self._raw: dict[str, msgspec.Raw] = {}  # kept contributions as read, by key
        self._decoder = msgspec.msgpack.Decoder(self.index.contribution_type)
        self._changed = False
        self._load()

    def _load(self) -> None:
        try:
            data = read_regular(self.path)
        except OSError:
            return  # none yet
        with _collector_paused():
            self._decode(data)

    def _decode(self, data: bytes) -> None:
        try:
            header = msgspec.msgpack.decode(data, type=KeptHeader)
            if header.format != FORMAT:
                raise ValueError(f"not a {FORMAT}")
            if header.version != VERSION or header.fingerprint != self.fingerprint:
                self._changed = True  # made by other rules or code: replaced at the save
                return
            kept = msgspec.msgpack.decode(data, type=KeptFile)
            keys, digests = kept.keys, kept.digests
            if len(digests) != DIGEST_BYTES * len(keys) or len(kept.entries) != len(keys):
                raise ValueError("keys, digests and entries disagree")
            rows = dict(zip(keys, range(len(keys)), strict=True))
            if len(rows) != len(keys):
                raise ValueError("a document kept twice")
            self.digests = Digests(rows, memoryview(digests))  # read where they lie
            self._raw = dict(zip(keys, kept.entries, strict=True))
            summary: Any = msgspec.msgpack.decode(kept.summary, type=self.index.summary_type)
            self.index.restore(summary, keys, self._read)
            if len(self.index) != len(keys):
                raise ValueError("a summary of other documents")
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError) as error:
            self._discard(f"not usable kept contributions ({error})")

    def _read(self, key: str) -> Any:
        """A kept contribution, decoded and checked when the index first needs it."""
        try:
            contribution = self._decoder.decode(self._raw[key])
        except (msgspec.DecodeError, msgspec.ValidationError) as error:
            raise Unusable(f"the entry of {key!r}: {error}") from None
        if contribution.key != key:
            raise Unusable(f"an entry of {key!r} names {contribution.key!r}")
        return contribution

    def _discard(self, why: str) -> None:
        """Start again from nothing, with one note: the file is replaced at the save."""
        note = f"{self.path}: {why}; discarded"
        self.notes.append(note)
        if self._told is not None:
            self._told(note)
        self.index, self.digests, self._raw = self.group.new_index(), Digests(), {}
        self._changed = True

    def put(self, contribution: Any, content: bytes) -> None:
        """Keep a document's contribution, with the digest of its bytes."""
        try:
            self.index.add(contribution)
        except Unusable as error:  # the kept entry it replaces: the file is no good
            self._discard(str(error))
            self.index.add(contribution)
        self._raw.pop(contribution.key, None)
        self.digests.set(contribution.key, content)
        self._changed = True

    def remove(self, keys: Iterable[str]) -> None:
        """Forget documents (gone, changed since, or no longer read)."""
        for key in keys:
            try:
                removed = self.index.remove(key)
            except Unusable as error:
                self._discard(str(error))
                return  # nothing is kept now
            if removed:
                self.digests.discard(key)
                self._raw.pop(key, None)
                self._changed = True

    def save(self) -> None:
        """Write the file when something changed; one that cannot be written is skipped:
        it only saves time. An entry unchanged since the load is written as it was read."""
        if not self._changed:
            return
        raw, encode = self._raw, msgspec.msgpack.encode
        with _collector_paused():
            keys = sorted(self.digests)
            entries = [raw.get(key) or msgspec.Raw(encode(self.index.get(key))) for key in keys]
            digests = self.digests.joined(keys)
            summary = msgspec.Raw(encode(self.index.summary()))
            kept = KeptFile(FORMAT, VERSION, self.fingerprint, summary, keys, digests, entries)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, encode(kept))
        except OSError:
            return
        self._changed = False
