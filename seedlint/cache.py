"""The results cache: a file checked before with the same content and the same rules is
not linted again.

One cache file per resolved configuration, in ``.seedlint_cache/`` next to the
configuration (``--cache-dir`` or ``SEEDLINT_CACHE_DIR`` elsewhere, ``--no-cache`` to
skip it). Its name is a hash of the seedlint version, every rule's definition and the
settings that change results, so changing any of them starts a new cache. Inside, each
entry is keyed by a hash of the file's bytes and of the codes of the rules applied to it
(per-file ignores differ by path), and holds the diagnostics without their path. Entries
not used by a run are dropped when it saves, so the file does not grow without bound.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import replace
from pathlib import Path

from seedlint import __version__
from seedlint.diagnostic import Diagnostic
from seedlint.linter import Linter
from seedlint.rulefile import Rule

CACHE_FOLDER = ".seedlint_cache"


def default_cache_dir(root: Path) -> Path:
    return Path(os.environ.get("SEEDLINT_CACHE_DIR") or root / CACHE_FOLDER)


def _with_path(diagnostic: Diagnostic, path: str) -> Diagnostic:
    """A copy of a cached diagnostic for this path (faster than dataclasses.replace)."""
    copy = object.__new__(Diagnostic)
    copy.__dict__.update(diagnostic.__dict__, path=path)
    return copy


class Cache:
    def __init__(self, folder: Path, linter: Linter) -> None:
        fingerprint = hashlib.blake2b(digest_size=16)
        fingerprint.update(__version__.encode())
        for rule in linter.rules:
            fingerprint.update(
                repr(
                    (
                        rule.code,
                        rule.name,
                        rule.severity,
                        rule.message,
                        rule.fix,
                        rule.language,
                        sorted(rule.options.items()),
                    )
                ).encode()
            )
        fingerprint.update(repr(linter.default_language).encode())
        self.path = folder / f"{__version__}-{fingerprint.hexdigest()}.pickle"
        self.entries: dict[bytes, list[Diagnostic]] = {}
        self.used: dict[bytes, list[Diagnostic]] = {}
        self.changed = False
        self._codes: dict[int, bytes] = {}
        try:
            with self.path.open("rb") as handle:
                self.entries = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
            self.entries = {}  # no cache yet, or an unreadable one: start afresh

    def key(self, data: bytes, rules: list[Rule]) -> bytes:
        codes = self._codes.get(id(rules))
        if codes is None:  # rule lists are few and long-lived (see Linter.rules_for)
            codes = self._codes[id(rules)] = " ".join(rule.code for rule in rules).encode()
        digest = hashlib.blake2b(data, digest_size=16)
        digest.update(codes)
        return digest.digest()

    def get(self, key: bytes, path: str) -> list[Diagnostic] | None:
        found = self.entries.get(key)
        return None if found is None else [_with_path(d, path) for d in found]

    def keep(self, key: bytes) -> None:
        """Mark an entry as used by this run (workers look entries up; the parent keeps)."""
        self.used[key] = self.entries[key]

    def put(self, key: bytes, diagnostics: list[Diagnostic]) -> None:
        self.used[key] = [replace(d, path="") for d in diagnostics]
        self.changed = True

    def save(self) -> None:
        """Write the entries this run used, atomically; a cache that cannot be written is
        skipped silently, as it only saves time."""
        if not self.changed and len(self.used) == len(self.entries):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.path.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(self.used, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError:
            pass
