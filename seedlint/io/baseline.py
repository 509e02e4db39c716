"""Baselines: today's findings recorded, so that a check reports only new ones.

An entry says where a finding is by what is there, not by its row: the rule's code, the
file (relative to the baseline file's folder, posix), the flagged text and about 20
characters either side of it, whitespace-normalised, and an occurrence index among equal
keys in the file. Editing, adding or removing text elsewhere in a file leaves the entry
matching. The file is JSON, stable and sorted:
``{"version": 1, "entries": [{"file", "code", "before", "text", "after", "occurrence"}]}``.

``--write-baseline`` replaces the entries of the files it checked and keeps those of
files it did not check that still exist. ``--baseline`` drops matching findings and counts
the entries that match nothing any more (stale), so the file can shrink.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from msgspec.structs import asdict, fields

from seedlint.engine.diagnostics import Diagnostic
from seedlint.engine.fingerprints import Entry, entries
from seedlint.io.atomic import write_named

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be used."""


def load(path: Path) -> set[Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: not a seedlint baseline: {error}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a seedlint baseline: nested too deeply") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise BaselineError(f"{path}: not a seedlint baseline (version {VERSION} expected)")
    items = data.get("entries")
    if not isinstance(items, list) or not all(_valid(item) for item in items):
        raise BaselineError(f"{path}: not a seedlint baseline: malformed entries")
    return {Entry(**item) for item in items}


def _valid(item: object) -> bool:
    names = [f.name for f in fields(Entry)]
    return (
        isinstance(item, dict)
        and sorted(item) == sorted(names)
        and all(isinstance(item[n], int if n == "occurrence" else str) for n in names)
    )


def dump(items: set[Entry]) -> str:
    data = {"version": VERSION, "entries": [asdict(e) for e in sorted(items)]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class Baseline:
    """Filters each file's diagnostics through a baseline, or records them into one."""

    def __init__(self, path: Path, write: bool = False) -> None:
        self.path = path
        self.write = write
        self.folder = path.absolute().parent
        # a baseline being written is read first only when it is a file: not a pipe or a
        # device it is about to be written into ("--write-baseline /dev/null")
        self.known = load(path) if path.is_file() or not write else set()
        self.checked: set[str] = set()
        self.seen: set[Entry] = set()

    def key(self, path: str) -> str:
        """A file as the baseline names it: relative to the baseline's folder, posix."""
        try:
            return Path(os.path.relpath(Path(path).absolute(), self.folder)).as_posix()
        except ValueError:  # another drive
            return Path(path).absolute().as_posix()

    def filter(self, path: str, text: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics the baseline does not hold (none, when writing one)."""
        file = self.key(path)
        self.checked.add(file)
        keyed = entries(file, text, diagnostics)
        self.seen.update(keyed)
        if self.write:
            return []
        return [d for d, entry in zip(diagnostics, keyed) if entry not in self.known]

    def _gone(self, entry: Entry) -> bool:
        return entry.file in self.checked or not (self.folder / entry.file).is_file()

    def finish(self) -> str | None:
        """Write the baseline; a note for people: what was written, or how many of its
        entries are stale."""
        if self.write:
            items = self.seen | {e for e in self.known if not self._gone(e)}
            try:
                write_named(self.path, dump(items).encode("utf-8", "backslashreplace"))
            except OSError as error:
                message = f"{self.path}: cannot write the baseline: {error.strerror}"
                raise BaselineError(message) from None
            noun = "entry" if len(items) == 1 else "entries"
            return f"wrote {len(items)} baseline {noun} to {self.path}"
        stale = sum(e not in self.seen and self._gone(e) for e in self.known)
        if not stale:
            return None
        return (
            f"{stale} baseline "
            + ("entry no longer matches" if stale == 1 else "entries no longer match")
            + f" in {self.path} (fixed, or the text around changed); run the check "
            f"again with --write-baseline {self.path} to drop them"
        )
