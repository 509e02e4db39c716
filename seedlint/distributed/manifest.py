"""The manifest of a fix into an output folder, ``.seedlint-manifest.json`` beside the
fixed shards: for each shard finished, the sha256 of its input, of its fixed copy and of
the corpus pass's findings in it, and what the run counted in it. A run that died leaves
finished shards complete (each is written atomically) and listed here; the next run with
the same settings skips a shard whose input and copy still have those digests and whose
corpus findings are the same.

The file is data only (JSON, checked field by field): one that cannot be read, or that
another version or other settings wrote, is set aside, and every shard is fixed again.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from seedlint.io.atomic import write_atomic

NAME = ".seedlint-manifest.json"
VERSION = 1
DIGESTS = ("input", "output", "corpus")
COUNTS = ("changed", "remaining", "errors")
SHA256_HEX = 64  # characters of a digest
SAVE_EVERY = 1.0  # seconds between writes of the manifest while shards finish


class Finished(msgspec.Struct, frozen=True):
    input_digest: str
    output_digest: str
    corpus_digest: str  # of the corpus pass's findings in the shard: they change its copy
    changed: int
    remaining: int
    errors: int  # records that could not be checked or fixed: the exit code counts them


def settings_key(*parts: str) -> str:
    """A digest of everything that changes a fixed copy (see ``engine``)."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def corpus_digests(found: Mapping[str, list[Any]]) -> dict[str, str]:
    """The digest of the corpus pass's findings in each shard, from the findings by item
    (``SHARD:LINE``); a shard without any has none here (see ``EMPTY``)."""
    by_shard: dict[str, list[str]] = {}
    for key, findings in found.items():
        shard, _, line = key.rpartition(":")
        by_shard.setdefault(shard, []).append(f"{line}\x00{findings!r}")
    return {shard: settings_key(*sorted(entries)) for shard, entries in by_shard.items()}


EMPTY = settings_key()  # the digest of no findings


class Manifest:
    def __init__(self, folder: Path, root: Path | None, settings: str) -> None:
        self.path = folder / NAME
        self.root = root
        self.settings = settings
        self.shards: dict[str, Finished] = self._load()
        self.saved = time.monotonic()

    def _load(self) -> dict[str, Finished]:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return {}
        if data.get("settings") != self.settings or not isinstance(data.get("shards"), dict):
            return {}
        shards = {}
        for name, entry in data["shards"].items():
            if _valid(entry):
                counts = (entry[key] for key in COUNTS)
                digests = (entry[key] for key in DIGESTS)
                shards[name] = Finished(*digests, *counts)
        return shards

    def done(self, name: str, corpus_digest: str) -> tuple[str, str] | None:
        """The digests a finished shard's input and copy had, when the corpus pass found
        what it found then."""
        entry = self.shards.get(name)
        if entry is None or entry.corpus_digest != corpus_digest:
            return None
        return (entry.input_digest, entry.output_digest)

    def finish(self, name: str, entry: Finished) -> None:
        self.shards[name] = entry
        if time.monotonic() - self.saved >= SAVE_EVERY:
            self.save()

    def save(self) -> None:
        data = {
            "version": VERSION,
            "settings": self.settings,
            "shards": {
                name: {
                    "input": e.input_digest,
                    "output": e.output_digest,
                    "corpus": e.corpus_digest,
                    "changed": e.changed,
                    "remaining": e.remaining,
                    "errors": e.errors,
                }
                for name, e in sorted(self.shards.items())
            },
        }
        text = json.dumps(data, indent=1, sort_keys=True) + "\n"
        write_atomic(self.path, text.encode("utf-8"), root=self.root)
        self.saved = time.monotonic()


def _valid(entry: Any) -> bool:
    if not isinstance(entry, dict):
        return False
    digests = all(isinstance(entry.get(k), str) and len(entry[k]) == SHA256_HEX for k in DIGESTS)
    counts = all(
        isinstance(entry.get(k), int) and not isinstance(entry[k], bool) and entry[k] >= 0
        for k in COUNTS
    )
    return digests and counts
