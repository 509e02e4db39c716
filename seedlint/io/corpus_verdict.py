"""The corpus pass's result kept whole, so that a re-run over an unchanged corpus reports
it without loading the corpus index (``corpus_store.py``) or running the pass.

A check with the cache whose documents are every document the corpus store keeps (the
configured corpus, walked or named whole) writes, after the pass, ``corpus-FINGERPRINT
.verdict`` beside the store: FINGERPRINT is the results cache's (version, rules, settings;
see ``cache.py``). It holds the content digest of every document the pass saw, a digest
of the run's context (where the documents were found, the names they were shown by, and
the per-file-ignores, which the file's name does not hold), and the pass's diagnostics.
A check outside the configured corpus keeps no index but its run's own (``RunIndex``); it
keeps its verdict as ``corpus-FINGERPRINT-run.verdict``, the last such run's.

The pass's result is a function of these alone: each document's contribution is a
function of its bytes and the settings, and every document it reads is one of the run's.
So a later run starts from the verdict's digests, as it would from the store's (a file
with the same digest contributes nothing), and when no document of the run changed, the
same documents are there and the context is the same, the kept diagnostics are the
pass's. Otherwise the store is loaded then and the pass runs (``CorpusRun``); a document the
store keeps with another digest than the verdict's (a run of a few files changed the store
since) is contributed again.

MessagePack under a fixed schema, decoded by msgspec: nothing is executed, and a file
that fails a check is discarded with one note, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Protocol

import msgspec

from seedlint.engine.corpus import CorpusDiagnostic, CorpusGroup
from seedlint.io.atomic import write_atomic
from seedlint.io.cache import CachedDiagnostic, from_cached, to_cached
from seedlint.io.digests import DIGEST_BYTES
from seedlint.io.reading import read_regular

FORMAT = "seedlint corpus verdict"
VERSION = 1
Digest = Annotated[bytes, msgspec.Meta(min_length=DIGEST_BYTES, max_length=DIGEST_BYTES)]


class KeptFinding(msgspec.Struct, array_like=True, frozen=True, forbid_unknown_fields=True):
    key: str
    other: str
    check: str
    path: str
    drops_document: bool
    diagnostic: CachedDiagnostic


class VerdictFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    version: int
    context: Digest
    documents: dict[str, Digest]
    findings: list[KeptFinding]


def verdict_path(folder: Path, fingerprint: str, configured: bool) -> Path:
    """The verdict of the configured corpus, or of the last run outside it."""
    return folder / f"corpus-{fingerprint}{'' if configured else '-run'}.verdict"


def context_digest(
    root: Path, ignores: str, places: Iterable[tuple[str, str, str | None]]
) -> bytes:
    """A digest of where a run found its documents: the configuration's folder, the
    per-file-ignores that paths select rules by (``ignores``, described; the rest of the
    settings are in the file's name), and each document's key, shown name and relative
    path (``places``, in the run's order)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (str(root), ignores):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\x00")
    for key, name, relative in places:
        for part in (key, name, relative or ""):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\x00")
    return digest.digest()


class Verdict:
    """A kept verdict: its documents' digests, its context and its diagnostics."""

    def __init__(self, kept: VerdictFile) -> None:
        self.documents: Mapping[str, bytes] = kept.documents
        self.context = kept.context
        self._findings = kept.findings

    @staticmethod
    def load(path: Path) -> tuple[Verdict | None, str | None]:
        """The verdict kept at ``path``, or None; and a note when a file was there that
        cannot be used (it is removed: the next run writes it anew)."""
        try:
            data = read_regular(path)
        except OSError:
            return None, None
        try:
            kept = msgspec.msgpack.decode(data, type=VerdictFile)
            if kept.format != FORMAT or kept.version != VERSION:
                raise ValueError(f"not a {FORMAT} of version {VERSION}")
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError) as error:
            _forget(path)
            return None, f"{path}: not a usable corpus verdict ({error}); discarded"
        return Verdict(kept), None

    def findings(self) -> list[CorpusDiagnostic]:
        return [
            CorpusDiagnostic(
                f.key, f.other, f.check, from_cached(f.diagnostic, f.path), f.drops_document
            )
            for f in self._findings
        ]


def save(
    path: Path,
    context: bytes,
    documents: Mapping[str, bytes],
    findings: Iterable[CorpusDiagnostic],
) -> None:
    """Keep a verdict; skipped when it cannot be written, as it only saves time."""
    kept = [
        KeptFinding(
            f.key, f.other, f.check, f.diagnostic.path, f.drops_document, to_cached(f.diagnostic)
        )
        for f in findings
    ]
    payload = VerdictFile(FORMAT, VERSION, context, dict(documents), kept)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)  # the cache's own is written after
        write_atomic(path, msgspec.msgpack.encode(payload))


def _forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


class KeptIndex(Protocol):
    """A group's index as a run with the cache keeps it: ``corpus_store.CorpusStore``, or
    ``RunIndex`` for a run outside the configured corpus."""

    @property
    def index(self) -> Any: ...

    @property
    def digests(self) -> Mapping[str, bytes]: ...

    @property
    def similarities(self) -> Any: ...

    def put(self, fingerprint: Any, content: bytes) -> None: ...

    def remove(self, keys: Iterable[str]) -> None: ...

    def save(self) -> None: ...


class RunIndex:
    """The index of a run outside the configured corpus: its documents alone, kept by no
    file (only the verdict is kept for such a run)."""

    def __init__(self, group: CorpusGroup) -> None:
        self.index = group.new_index()
        self.digests: dict[str, bytes] = {}
        self.similarities = None

    def put(self, fingerprint: Any, content: bytes) -> None:
        self.index.add(fingerprint)
        self.digests[fingerprint.key] = content

    def remove(self, keys: Iterable[str]) -> None:
        for key in keys:
            if self.index.remove(key):
                del self.digests[key]

    def save(self) -> None:
        pass


class Stores:
    """What a check with the cache keeps of its corpus: one index per group (the corpus
    store of the configured corpus, or the run's own index outside it) and the verdict
    (see the module docstring). With a verdict to start from, the indexes are opened
    when first needed."""

    def __init__(
        self,
        folder: Path,
        groups: list[CorpusGroup],
        fingerprint: str,
        told: Callable[[str], None],
        configured: bool,
    ) -> None:
        self.folder, self.groups, self.told = folder, groups, told
        self.fingerprint = fingerprint  # of the rules and code: what kept contributions need
        self.configured = configured  # the configured corpus, whose index is kept
        self.verdict_path = verdict_path(folder, fingerprint, configured)
        self.verdict: Verdict | None
        self.verdict, problem = Verdict.load(self.verdict_path)
        if problem is not None:
            told(problem)

    @cached_property
    def each(self) -> list[KeptIndex]:
        if not self.configured:
            return [RunIndex(group) for group in self.groups]
        from seedlint.io.corpus_store import CorpusStore
        from seedlint.io.kept_contributions import KeptContributions
        from seedlint.kinds.duplicates import Duplicates

        stores: list[KeptIndex] = []
        for group in self.groups:
            store: CorpusStore | KeptContributions
            index = group.new_index()
            if isinstance(group.kind, Duplicates):
                store = CorpusStore(self.folder, group.name, index.settings)
                for told in store.notes:
                    self.told(told)
            elif hasattr(index, "contribution_type") and hasattr(index, "summary_type"):
                store = KeptContributions(self.folder, group, self.fingerprint, self.told)
            else:  # a kind that says no more: kept by no file, contributed again each run
                stores.append(RunIndex(group))
                continue
            stores.append(store)
        return stores

    @property
    def opened(self) -> bool:
        return "each" in self.__dict__

    def kept(self) -> list[Mapping[str, bytes]]:
        """Per group, the digest of each document whose contribution is kept: the
        verdict's when there is one (the indexes stay closed), else the indexes'."""
        if self.verdict is not None:
            return [self.verdict.documents for _ in self.groups]
        return [store.digests for store in self.each]
