"""The corpus pass's result kept whole, so that a re-run over an unchanged corpus reports
it without loading the corpus index (``corpus_store.py``) or running the pass.

A check with the cache whose documents are every document the corpus store keeps (the
configured corpus, walked or named whole) writes, after the pass, ``corpus-FINGERPRINT
.verdict`` beside the store: FINGERPRINT is the results cache's (version, rules, settings;
see ``cache.py``). It holds the content digest of every document the pass saw, a digest
of the run's context (where the documents were found, the names they were shown by, and
the per-file-ignores, which the file's name does not hold), and the pass's diagnostics.

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
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated

import msgspec

from seedlint.engine.corpus import CorpusDiagnostic
from seedlint.io.atomic import write_atomic
from seedlint.io.cache import CachedDiagnostic, from_cached, to_cached

FORMAT = "seedlint corpus verdict"
VERSION = 1
DIGEST_BYTES = 16  # a content digest, as the store's (corpus_store.DIGEST_BYTES)

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


def verdict_path(folder: Path, fingerprint: str) -> Path:
    return folder / f"corpus-{fingerprint}.verdict"


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
            data = path.read_bytes()
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
        write_atomic(path, msgspec.msgpack.encode(payload))


def _forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
