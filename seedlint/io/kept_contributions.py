"""The kept contributions of a corpus kind whose contributions are small plain data (the
names a document writes: ``kinds.corpus_possessive``), so that a few files named by
pre-commit are judged against every document checked before, as the duplicates kind's
fingerprints are by ``corpus_store``.

One file per corpus group in the results cache's folder, ``corpus-NAME.kept``: MessagePack
of the format, its version, the fingerprint of the rules and code that made it (the
results cache's: a contribution is what the kind's code reads in a document, so another
version of it reads another) and, per document, its key, the digest of its bytes and its
contribution. It is decoded against fixed schemas, each contribution against the index's
own type (msgspec): nothing is ever unpickled or executed. A file made by other rules or
code is replaced at the next save; one that fails a check is discarded with one note. The
file is replaced whole and atomically (``atomic.write_atomic``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Protocol

import msgspec

from seedlint.engine.corpus import CorpusGroup
from seedlint.io.atomic import write_atomic
from seedlint.io.reading import read_regular

FORMAT = "seedlint kept contributions"
VERSION = 1
DIGEST_BYTES = 16  # as ``corpus_store.digest`` makes them
Digest = Annotated[bytes, msgspec.Meta(min_length=DIGEST_BYTES, max_length=DIGEST_BYTES)]


class KeptFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    version: int
    fingerprint: str
    entries: list[tuple[str, Digest, msgspec.Raw]]


class SmallIndex(Protocol):
    """An index of contributions kept whole: each has a ``key``, and is of the type the
    index names (a dataclass or msgspec struct of plain data)."""

    contribution_type: type

    def add(self, contribution: Any) -> None: ...

    def remove(self, key: str) -> bool: ...

    def get(self, key: str) -> Any: ...


class KeptContributions:
    """A group's contributions kept between runs: load, change, save (``KeptIndex``)."""

    def __init__(self, folder: Path, group: CorpusGroup, fingerprint: str) -> None:
        self.path = folder / f"corpus-{group.name}.kept"
        self.group = group
        self.fingerprint = fingerprint
        self.index: SmallIndex = group.new_index()
        self.digests: dict[str, bytes] = {}
        self.similarities = None  # the duplicates kind's alone
        self.notes: list[str] = []  # why a file was discarded
        self._changed = False
        self._load()

    def _load(self) -> None:
        try:
            data = read_regular(self.path)
        except OSError:
            return  # none yet
        try:
            kept = msgspec.msgpack.decode(data, type=KeptFile)
            if kept.format != FORMAT or kept.version != VERSION:
                raise ValueError(f"not a {FORMAT} of version {VERSION}")
            if kept.fingerprint != self.fingerprint:
                self._changed = True  # made by other rules or code: replaced at the save
                return
            for key, content, raw in kept.entries:
                contribution: Any = msgspec.msgpack.decode(raw, type=self.index.contribution_type)
                if contribution.key != key:
                    raise ValueError(f"an entry of {key!r} names {contribution.key!r}")
                self.index.add(contribution)
                self.digests[key] = content
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError) as error:
            self.notes.append(f"{self.path}: not usable kept contributions ({error}); discarded")
            self.index, self.digests, self._changed = self.group.new_index(), {}, True

    def put(self, contribution: Any, content: bytes) -> None:
        """Keep a document's contribution, with the digest of its bytes."""
        self.index.add(contribution)
        self.digests[contribution.key] = content
        self._changed = True

    def remove(self, keys: Iterable[str]) -> None:
        """Forget documents (gone, changed since, or no longer read)."""
        for key in keys:
            if self.index.remove(key):
                del self.digests[key]
                self._changed = True

    def save(self) -> None:
        """Write the file when something changed; one that cannot be written is skipped:
        it only saves time."""
        if not self._changed:
            return
        entries = [
            (key, self.digests[key], msgspec.Raw(msgspec.msgpack.encode(self.index.get(key))))
            for key in sorted(self.digests)
        ]
        kept = KeptFile(FORMAT, VERSION, self.fingerprint, entries)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, msgspec.msgpack.encode(kept))
        except OSError:
            return
        self._changed = False
