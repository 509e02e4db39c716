"""The manifest of a fix into an output folder, ``.seedlint-manifest.json`` beside the
fixed shards: for each shard finished, the sha256 of its input and of its fixed copy, and
what the run counted in it. A run that died leaves finished shards complete (each is
written atomically) and listed here; the next run with the same settings skips a shard
whose input and copy still have those digests.

The file is data only (JSON, checked field by field): one that cannot be read, or that
another version or other settings wrote, is set aside, and every shard is fixed again.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seedlint.io.atomic import write_atomic

NAME = ".seedlint-manifest.json"
VERSION = 1
COUNTS = ("changed", "remaining", "errors")
SHA256_HEX = 64  # characters of a digest
SAVE_EVERY = 1.0  # seconds between writes of the manifest while shards finish


@dataclass(frozen=True)
class Finished:
    input_digest: str
    output_digest: str
    changed: int
    remaining: int
    errors: int  # records that could not be checked or fixed: the exit code counts them


def settings_key(*parts: str) -> str:
    """A digest of everything that changes a fixed copy (see ``engine``)."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


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
                shards[name] = Finished(entry["input"], entry["output"], *counts)
        return shards

    def done(self, name: str) -> tuple[str, str] | None:
        entry = self.shards.get(name)
        return None if entry is None else (entry.input_digest, entry.output_digest)

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
    digests = all(
        isinstance(entry.get(k), str) and len(entry[k]) == SHA256_HEX for k in ("input", "output")
    )
    counts = all(
        isinstance(entry.get(k), int) and not isinstance(entry[k], bool) and entry[k] >= 0
        for k in COUNTS
    )
    return digests and counts
