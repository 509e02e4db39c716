"""The corpus index kept between runs: what lets a few new files be checked against every
document checked before (pre-commit), without reading the corpus again.

It lives in the results cache's folder (per user, per project; see ``cache.py``), one pair
of files per set of fingerprinting settings:

- ``corpus-NAME.index``: the base, MessagePack of plain fields (format, version, the
  settings it holds fingerprints of, a random token naming this base, the content digest of
  each document's bytes, and the index itself in ``seedlint.corpus.storage``'s format);
- ``corpus-NAME.journal``: every change since that base (fingerprints added or replaced,
  keys removed, their digests), naming the base's token.

Both are decoded by msgspec against fixed schemas, and the index by its own validating
decoder: nothing is ever unpickled or executed, and a file that fails any check is
discarded with one note (a journal naming another base, as a crash between writing a new
base and removing the old journal leaves it, is ignored). Each file is replaced whole and
atomically (``atomic.write_atomic``), so a reader sees an old state or a new one. A run
that changes a few documents rewrites only the journal; once the journal holds more than
``JOURNAL_SHARE`` of the base (or ``JOURNAL_MINIMUM`` entries), the base is rewritten with
every change folded in and the journal removed.

A key is a document's path relative to the project's folder (posix), or its absolute path
when outside it. The digests let a run reuse the kept fingerprint of a file whose bytes are
unchanged, instead of computing it again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import msgspec

from seedlint.corpus import CorpusIndex, CorpusSettings, Fingerprint
from seedlint.io.atomic import write_atomic

FORMAT = "seedlint corpus store"
VERSION = 1
DIGEST_BYTES = 16
JOURNAL_SHARE = 0.05  # a journal past this share of the base is folded into a new base
JOURNAL_MINIMUM = 1000  # ...but a journal of fewer entries never is
TOKEN_BYTES = 16

Digest = Annotated[bytes, msgspec.Meta(min_length=DIGEST_BYTES, max_length=DIGEST_BYTES)]
U64_LIMIT = 2**64  # paragraph hashes are 64-bit (msgspec bounds stop at 63 bits)
Offset = Annotated[int, msgspec.Meta(ge=0, le=2**48)]


class StoredFingerprint(msgspec.Struct, array_like=True, frozen=True, forbid_unknown_fields=True):
    key: str
    body_hash: bytes
    title_key: str
    signature: bytes
    paragraphs: list[tuple[int, Offset, Offset]]


class BaseFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    version: int
    settings: str
    token: str
    digests: dict[str, Digest]
    index: bytes


class JournalFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    version: int
    settings: str
    base: str
    digests: dict[str, Digest]
    added: list[StoredFingerprint]
    removed: list[str]


def digest(data: bytes) -> bytes:
    """The content digest of a document's bytes."""
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES).digest()


class CorpusStore:
    """The kept index of one set of fingerprinting settings: load, change, save."""

    def __init__(self, folder: Path, name: str, settings: CorpusSettings) -> None:
        self.base_path = folder / f"corpus-{name}.index"
        self.journal_path = folder / f"corpus-{name}.journal"
        self.settings = settings
        self.described = repr(sorted(settings.fingerprinting().items()))
        self.index = CorpusIndex(settings)
        self.digests: dict[str, bytes] = {}
        self.notes: list[str] = []  # why a file was discarded
        self.found = False  # whether a base was there to load
        self._token = ""
        self._base_size = 0
        self._added: dict[str, Fingerprint] = {}  # since the base
        self._removed: set[str] = set()
        self._changed = False  # since loading
        self._load()

    def _load(self) -> None:
        base = self._read(self.base_path, BaseFile)
        if base is None:
            return
        problem = self._foreign(base.format, base.version, base.settings)
        index = problem or CorpusIndex.from_bytes(base.index, self.settings)
        if isinstance(index, str):
            self._discard(self.base_path, index)
            return
        self.found = True
        rows = index.table().rows  # digests of keys the index does not hold are ignored
        digests = {key: value for key, value in base.digests.items() if key in rows}
        self.index, self.digests, self._token = index, digests, base.token
        self._base_size = len(index)
        journal = self._read(self.journal_path, JournalFile)
        if journal is None:
            return
        problem = self._foreign(journal.format, journal.version, journal.settings)
        if problem is None and journal.base != self._token:
            return  # written for an older base, whose changes the base now holds
        if problem is None:
            problem = self._replay(journal)
        if problem is not None:
            self._discard(self.journal_path, problem)

    def _read(self, path: Path, shape: type[Any]) -> Any:
        try:
            data = path.read_bytes()
        except OSError:
            return None  # none yet
        try:
            return msgspec.msgpack.decode(data, type=shape)
        except (msgspec.DecodeError, msgspec.ValidationError) as error:
            self._discard(path, str(error))
            return None

    def _foreign(self, format: str, version: int, settings: str) -> str | None:
        if format != FORMAT or version != VERSION:
            return f"not a {FORMAT} of version {VERSION}"
        if settings != self.described:
            return "made with other fingerprinting settings"
        return None

    def _replay(self, journal: JournalFile) -> str | None:
        """The journal's changes applied to the base; a reason, and the base left as it
        was, when they cannot be."""
        index, digests = self.index.copy(), dict(self.digests)
        added: dict[str, Fingerprint] = {}
        try:
            for key in journal.removed:
                index.remove(key)
                digests.pop(key, None)
            for stored in journal.added:
                if any(
                    not 0 <= hash_ < U64_LIMIT or start > end
                    for hash_, start, end in stored.paragraphs
                ):
                    raise ValueError(f"a bad paragraph entry of {stored.key!r}")
                fingerprint = Fingerprint(
                    stored.key,
                    stored.body_hash,
                    stored.title_key,
                    stored.signature,
                    tuple(stored.paragraphs),
                )
                index.add(fingerprint)
                added[stored.key] = fingerprint
                if stored.key not in journal.digests:
                    raise ValueError(f"no digest for {stored.key!r}")
                digests[stored.key] = journal.digests[stored.key]
            index.table()  # a bad entry fails here, not in the middle of a run
        except (ValueError, OverflowError) as error:
            return f"damaged journal ({error})"
        self.index, self.digests, self._added = index, digests, added
        self._removed = set(journal.removed) - set(added)
        return None

    def _discard(self, path: Path, reason: str) -> None:
        self.notes.append(f"{path}: not a usable corpus index ({reason}); discarded")
        self._changed = True

    # --- changes ------------------------------------------------------------------------

    def put(self, fingerprint: Fingerprint, content: bytes) -> None:
        """Keep a document's fingerprint, with the digest of its bytes."""
        self.index.add(fingerprint)
        self.digests[fingerprint.key] = content
        self._added[fingerprint.key] = fingerprint
        self._removed.discard(fingerprint.key)
        self._changed = True

    def remove(self, keys: Iterable[str]) -> None:
        """Forget documents (gone, changed since, or no longer read)."""
        for key in keys:
            if self.index.remove(key):
                self.digests.pop(key, None)
                self._added.pop(key, None)
                self._removed.add(key)
                self._changed = True

    def save(self) -> None:
        """Write the journal, or a new base when the journal has grown (see the module
        docstring). A store that cannot be written is skipped: it only saves time."""
        if not self._changed:
            return
        folder = self.base_path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            size = len(self._added) + len(self._removed)
            if not self.found or size > max(JOURNAL_MINIMUM, JOURNAL_SHARE * self._base_size):
                self._write_base()
            else:
                self._write_journal()
        except OSError:
            pass

    def _write_base(self) -> None:
        token = os.urandom(TOKEN_BYTES).hex()
        base = BaseFile(FORMAT, VERSION, self.described, token, self.digests, self.index.to_bytes())
        write_atomic(self.base_path, msgspec.msgpack.encode(base))
        with contextlib.suppress(FileNotFoundError):
            self.journal_path.unlink()
        self.found, self._token, self._base_size = True, token, len(self.index)
        self._added.clear()
        self._removed.clear()

    def _write_journal(self) -> None:
        added = [
            StoredFingerprint(f.key, f.body_hash, f.title_key, f.signature, list(f.paragraphs))
            for f in self._added.values()
        ]
        digests = {key: self.digests[key] for key in self._added}
        journal = JournalFile(
            FORMAT, VERSION, self.described, self._token, digests, added, sorted(self._removed)
        )
        write_atomic(self.journal_path, msgspec.msgpack.encode(journal))
