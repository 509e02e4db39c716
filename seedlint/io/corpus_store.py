"""The corpus index kept between runs: what lets a few new files be checked against every
document of the corpus (pre-commit) without reading the corpus again.

It lives in the results cache's folder (per user, per project; see ``cache.py``), one pair
of files per set of fingerprinting settings:

- ``corpus-NAME.index``, the base: 16 bytes of magic, the length (8 bytes) and CRC-32
  (4 bytes) of the header and digests, the header's length (4 bytes); a MessagePack header
  (format, version, the fingerprinting settings, a random token naming this base, the
  number of documents); the content digest of each document's bytes, 16 bytes each, in the
  order of the index's keys; then the index itself in ``seedlint.corpus.storage``'s format,
  which checks itself. The index's columns are used where they lie in the bytes read, so
  loading copies nothing of them.
- ``corpus-NAME.journal``: every change since that base (fingerprints added or replaced,
  keys removed, their digests), naming the base's token; MessagePack.
- ``corpus-NAME.similar``: the exact similarities of the pairs of bodies the near-duplicate
  check has measured (``corpus.similarity.pair_key`` -> value), so that an unchanged pair
  is not read and measured again; MessagePack, at most ``SIMILARITIES_KEPT`` pairs (the
  latest measured).

Both are decoded against fixed schemas (msgspec) and the index by its own validating
decoder: nothing is ever unpickled or executed, and a file that fails any check is
discarded with one note (a journal naming another base, as a crash between writing a new
base and removing the old journal leaves it, is ignored). Each file is replaced whole and
atomically (``atomic.write_atomic``), so a reader sees an old state or a new one. A run
that changes a few documents rewrites only the journal; once the journal holds more than
``JOURNAL_SHARE`` of the base (and at least ``JOURNAL_MINIMUM`` entries), the base is
rewritten with every change folded in and the journal removed.

A key is a document's path relative to the project's folder (posix), or its absolute path
when outside it. The digests let a run reuse the kept fingerprint of a file whose bytes are
unchanged instead of computing it again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import msgspec
import numpy as np

from seedlint.corpus import CorpusIndex, CorpusSettings, Fingerprint
from seedlint.corpus.order import ranks
from seedlint.corpus.table import Table
from seedlint.io.atomic import write_atomic
from seedlint.io.digests import DIGEST_BYTES, Digests
from seedlint.io.reading import read_regular

MAGIC = b"seedlint-store\n\x00"
PREFIX = len(MAGIC) + 16  # magic, length and CRC-32 of header and digests, header length
FORMAT = "seedlint corpus store"
VERSION = 2  # 2: signatures of words hashed as minhash.word_hashes does
MAX_HEADER = 1 << 16
JOURNAL_SHARE = 0.05  # a journal past this share of the base is folded into a new base
JOURNAL_MINIMUM = 1000  # ...but a journal of fewer entries never is
SIMILARITIES_KEPT = 100_000  # pairs of bodies whose exact similarity is kept (~5 MB)
TOKEN_BYTES = 16
U64_LIMIT = 2**64  # paragraph hashes are 64-bit (msgspec's bounds stop at 63 bits)

Digest = Annotated[bytes, msgspec.Meta(min_length=DIGEST_BYTES, max_length=DIGEST_BYTES)]
Offset = Annotated[int, msgspec.Meta(ge=0, le=2**48)]
Count = Annotated[int, msgspec.Meta(ge=0, le=2**40)]


class BaseHeader(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    version: int
    settings: str
    token: str
    documents: Count


class StoredFingerprint(msgspec.Struct, array_like=True, frozen=True, forbid_unknown_fields=True):
    key: str
    body_hash: bytes
    title_key: str
    signature: bytes
    paragraphs: list[tuple[int, Offset, Offset]]


class JournalFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    version: int
    settings: str
    base: str
    digests: dict[str, Digest]
    added: list[StoredFingerprint]
    removed: list[str]


PairKey = Annotated[
    bytes, msgspec.Meta(min_length=1 + 2 * DIGEST_BYTES, max_length=1 + 2 * DIGEST_BYTES)
]
Share = Annotated[float, msgspec.Meta(ge=0.0, le=1.0)]


class SimilarityFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    version: int
    settings: str
    pairs: dict[PairKey, Share]


class Similarities(dict[bytes, float]):
    """Exact similarities by pair of bodies (``corpus.similarity.Memo``); knows whether
    one was added since it was loaded."""

    added = False

    def __setitem__(self, key: bytes, value: float) -> None:
        super().__setitem__(key, value)
        self.added = True


class Rejected(Exception):
    """Why a kept file cannot be used; never leaves this module."""


def digest(data: bytes) -> bytes:
    """The content digest of a document's bytes."""
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES).digest()


class CorpusStore:
    """The kept index of one set of fingerprinting settings: load, change, save."""

    def __init__(self, folder: Path, name: str, settings: CorpusSettings) -> None:
        self.base_path = folder / f"corpus-{name}.index"
        self.journal_path = folder / f"corpus-{name}.journal"
        self.similarities_path = folder / f"corpus-{name}.similar"
        self.settings = settings
        self.described = repr(sorted(settings.fingerprinting().items()))
        self.index = CorpusIndex(settings)
        self.digests = Digests()
        self.notes: list[str] = []  # why a file was discarded
        self.found = False  # whether a base was there to load
        self._token = ""
        self._base_size = 0
        self._added: dict[str, Fingerprint] = {}  # since the base (while a journal will do)
        self._removed: set[str] = set()
        self._rewrite = False  # the changes are too many for a journal
        self._changed = False  # since loading
        self._load()
        self.similarities = self._load_similarities()

    # --- loading --------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            data = read_regular(self.base_path)
        except OSError:
            return  # none yet
        try:
            self._load_base(memoryview(data))
        except Rejected as reason:
            self._discard(self.base_path, str(reason))
            return
        self.found = True
        try:
            journal = msgspec.msgpack.decode(read_regular(self.journal_path), type=JournalFile)
        except OSError:
            return
        except (msgspec.DecodeError, msgspec.ValidationError) as error:
            self._discard(self.journal_path, str(error))
            return
        problem = self._foreign(journal.format, journal.version, journal.settings)
        if problem is None and journal.base != self._token:
            return  # written for an older base, whose changes the base now holds
        if problem is None:
            problem = self._replay(journal)
        if problem is not None:
            self._discard(self.journal_path, problem)

    def _load_similarities(self) -> Similarities:
        """The kept similarities; none when there are none or they cannot be used (then
        the file is noted and replaced at the next save)."""
        try:
            data = read_regular(self.similarities_path)
        except OSError:
            return Similarities()
        try:
            kept = msgspec.msgpack.decode(data, type=SimilarityFile)
            problem = self._foreign(kept.format, kept.version, kept.settings)
        except (msgspec.DecodeError, msgspec.ValidationError) as error:
            problem = str(error)
        if problem is None:
            return Similarities(kept.pairs)
        self.notes.append(f"{self.similarities_path}: not usable ({problem}); discarded")
        unusable = Similarities()
        unusable.added = True  # written anew at the next save
        return unusable

    def _load_base(self, data: memoryview) -> None:
        if len(data) < PREFIX or bytes(data[: len(MAGIC)]) != MAGIC:
            raise Rejected("not a seedlint corpus store")
        lead = len(MAGIC)
        length = int.from_bytes(data[lead : lead + 8], "little")
        crc = int.from_bytes(data[lead + 8 : lead + 12], "little")
        header_length = int.from_bytes(data[lead + 12 : PREFIX], "little")
        if length > len(data) - PREFIX or header_length > min(length, MAX_HEADER):
            raise Rejected("truncated or damaged")
        end = PREFIX + length
        if zlib.crc32(data[PREFIX:end]) != crc:
            raise Rejected("damaged (checksum mismatch)")
        try:
            raw = data[PREFIX : PREFIX + header_length]
            header = msgspec.msgpack.decode(raw, type=BaseHeader)
        except (msgspec.DecodeError, msgspec.ValidationError) as error:
            raise Rejected(f"unreadable header ({error})") from None
        problem = self._foreign(header.format, header.version, header.settings)
        if problem is not None:
            raise Rejected(problem)
        if length - header_length != header.documents * DIGEST_BYTES:
            raise Rejected("damaged digests")
        index = CorpusIndex.from_bytes(data[end:], self.settings)
        if isinstance(index, str):
            raise Rejected(index)
        if len(index) != header.documents:
            raise Rejected("digests and index disagree")
        self.index, self._token, self._base_size = index, header.token, header.documents
        self.digests = Digests(index.table().rows, data[PREFIX + header_length : end])

    def _foreign(self, format: str, version: int, settings: str) -> str | None:
        if format != FORMAT or version != VERSION:
            return f"not a {FORMAT} of version {VERSION}"
        if settings != self.described:
            return "made with other fingerprinting settings"
        return None

    def _replay(self, journal: JournalFile) -> str | None:
        """The journal's changes applied to the base; a reason, and the base left as it
        was, when they cannot be."""
        try:
            added = {stored.key: self._fingerprint(stored, journal) for stored in journal.added}
            # checked on their own, so that the base's columns are not copied yet
            Table.from_fingerprints(list(added.values()), self.settings.num_perm)
            index = self.index.copy()
            for key in journal.removed:
                index.remove(key)
            for fingerprint in added.values():
                index.add(fingerprint)
        except (ValueError, OverflowError) as error:
            return f"damaged journal ({error})"
        self.index, self._added = index, added
        self._removed = set(journal.removed) - set(added)
        for key in self._removed:
            self.digests.discard(key)
        for key in added:
            self.digests.set(key, journal.digests[key])
        return None

    @staticmethod
    def _fingerprint(stored: StoredFingerprint, journal: JournalFile) -> Fingerprint:
        if stored.key not in journal.digests:
            raise ValueError(f"no digest for {stored.key!r}")
        if any(not 0 <= h < U64_LIMIT or start > end for h, start, end in stored.paragraphs):
            raise ValueError(f"a bad paragraph entry of {stored.key!r}")
        paragraphs = tuple(stored.paragraphs)
        return Fingerprint(
            stored.key, stored.body_hash, stored.title_key, stored.signature, paragraphs
        )

    def _discard(self, path: Path, reason: str) -> None:
        self.notes.append(f"{path}: not a usable corpus index ({reason}); discarded")
        self._changed = True

    # --- changes ------------------------------------------------------------------------

    def put(self, fingerprint: Fingerprint, content: bytes) -> None:
        """Keep a document's fingerprint, with the digest of its bytes."""
        self.index.add(fingerprint)
        self.digests.set(fingerprint.key, content)
        self._removed.discard(fingerprint.key)
        self._changed = True
        if not self._rewrite:
            self._added[fingerprint.key] = fingerprint
            self._check_size()

    def remove(self, keys: Iterable[str]) -> None:
        """Forget documents (gone, changed since, or no longer read)."""
        for key in keys:
            if self.index.remove(key):
                self.digests.discard(key)
                self._added.pop(key, None)
                self._removed.add(key)
                self._changed = True
        self._check_size()

    def _check_size(self) -> None:
        """Past the journal's limit the base is rewritten: the fingerprints added need not
        be held twice until then."""
        size = len(self._added) + len(self._removed)
        if not self.found or size > max(JOURNAL_MINIMUM, JOURNAL_SHARE * self._base_size):
            self._rewrite = True
            self._added.clear()

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        """Write the journal, or a new base when the journal has grown (see the module
        docstring), and the similarities when some were measured. A store that cannot be
        written is skipped: it only saves time."""
        folder = self.base_path.parent
        try:
            if self.similarities.added:
                folder.mkdir(parents=True, exist_ok=True)
                self._write_similarities()
            if not self._changed:
                return
            folder.mkdir(parents=True, exist_ok=True)
            self._check_size()
            if self._rewrite:
                self._write_base()
            else:
                self._write_journal()
        except OSError:
            pass

    def _write_base(self) -> None:
        token = os.urandom(TOKEN_BYTES).hex()
        table = self.index.table()
        missing = bytes(DIGEST_BYTES)  # no digest: never equal to a real one
        order = np.argsort(ranks(table.keys))  # the order storage writes the keys in
        blob = b"".join(self.digests.get(table.keys[row], missing) for row in order.tolist())
        header = msgspec.msgpack.encode(
            BaseHeader(FORMAT, VERSION, self.described, token, len(table))
        )
        described = header + blob
        lead = (
            len(described).to_bytes(8, "little")
            + zlib.crc32(described).to_bytes(4, "little")
            + len(header).to_bytes(4, "little")
        )
        data = b"".join([MAGIC, lead, described, self.index.to_bytes()])
        write_atomic(self.base_path, data)
        with contextlib.suppress(FileNotFoundError):
            self.journal_path.unlink()
        self.found, self._token, self._base_size = True, token, len(table)
        self._added.clear()
        self._removed.clear()
        self._rewrite = False
        self._changed = False

    def _write_similarities(self) -> None:
        pairs = list(self.similarities.items())[-SIMILARITIES_KEPT:]  # the latest measured
        kept = SimilarityFile(FORMAT, VERSION, self.described, dict(pairs))
        write_atomic(self.similarities_path, msgspec.msgpack.encode(kept))
        self.similarities.added = False

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
        self._changed = False
