"""Where ``seedlint fix`` puts fixed documents: a sink per destination.

- ``StdoutSink``: standard input's document, fixed, or its diff, on standard output.
- ``FileSink``: copies into the output folder, or each file replaced in place; or diffs.
- ``RecordSink``: each JSON Lines file written whole, one ``ShardWriter`` (an atomic write
  kept open across records) per file.

A sink says of each document whether it was written (``Written``); nothing is written
through a symbolic link, and every write is atomic (see ``seedlint.io.atomic``).
"""

from __future__ import annotations

import difflib
import os
import sys
from contextlib import ExitStack, suppress
from enum import Enum
from pathlib import Path
from typing import Any

from seedlint.commands.check import note
from seedlint.commands.work import Fixed
from seedlint.io.atomic import (
    ChangedMeanwhile,
    FileState,
    StaleTemporaries,
    UnsafePath,
    atomic_replace,
    link_count,
    write_atomic,
)
from seedlint.io.compressed import compressing
from seedlint.io.records import Record, splice
from seedlint.io.sources import Item
from seedlint.output.json import write_bytes


def unified_diff(before: str, after: str, name: str) -> str:
    """A diff that ``patch -p1`` applies, including changes to the final newline."""
    shown = name.lstrip("/")
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        f"a/{shown}",
        f"b/{shown}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def relative_output(item: Item, unit: str) -> Path:
    """Where an item's fixed copy goes under the output folder: a file at its path below
    the folder it was found under (a file named directly at the top), a record's shard
    under the shard's name."""
    if unit == "record":
        assert item.shard is not None
        return Path(item.shard.name)
    assert item.path is not None and item.base is not None
    if item.base.is_dir():
        return item.path.relative_to(item.base)
    return Path(item.path.name)


class Written(Enum):
    YES = "yes"  # written (or printed)
    KEPT = "kept"  # deliberately not written (a link, in place); not an error
    FAILED = "failed"  # could not be written: an error


class Sink:
    """Where fixed documents go; ``put`` says whether a document was written, ``close``
    returns the number of errors."""

    def put(self, item: Item, result: Fixed) -> Written:
        raise NotImplementedError

    def close(self) -> int:
        return 0

    def abort(self) -> None:
        """The run stopped (Ctrl-C): leave nothing half-written."""


class StdoutSink(Sink):
    """Standard input's document, fixed, on standard output; or its diff. A document that
    cannot be fixed (binary, or fixes that do not converge) goes out as it came in."""

    def __init__(self, diff: bool, original: bytes) -> None:
        self.diff = diff
        self.original = original

    def put(self, item: Item, result: Fixed) -> Written:
        if self.diff:
            if result.changed:
                sys.stdout.write(unified_diff(result.original, result.fixed, item.name))
        elif result.problem is None:
            write_bytes(sys.stdout, result.payload)
        else:
            write_bytes(sys.stdout, self.original)
        return Written.YES


class FileSink(Sink):
    """Copies into the output folder, or in place (``output`` None); or a diff."""

    def __init__(self, output: Path | None, root: Path | None, diff: bool) -> None:
        self.output = output
        self.root = root
        self.diff = diff
        self.stale = StaleTemporaries()

    def put(self, item: Item, result: Fixed) -> Written:
        if result.problem is not None or item.path is None or result.dropped:
            return Written.KEPT
        if self.diff:
            if result.changed:
                sys.stdout.write(unified_diff(result.original, result.fixed, item.name))
            return Written.YES
        destination = item.path
        try:
            if self.output is None:
                return self._in_place(item, result)
            destination = self.output / relative_output(item, "file")
            self.stale.remove(destination, root=self.root)
            write_atomic(destination, result.payload, root=self.root)
        except (UnsafePath, ChangedMeanwhile) as error:
            note(str(error), "error")
            return Written.FAILED
        except OSError as error:
            reason = error.strerror or str(error)
            unchanged = "" if self.output is None else f"; {item.name} is unchanged"
            note(f"{destination}: cannot write: {reason}{unchanged}", "error")
            return Written.FAILED
        return Written.YES

    def _in_place(self, item: Item, result: Fixed) -> Written:
        assert item.path is not None
        if not result.changed:
            return Written.YES
        if item.path.is_symlink():
            note(f"{item.name}: a symbolic link; fixed in place only through its target")
            return Written.KEPT
        links = link_count(item.path)
        self.stale.remove(item.path)
        write_atomic(item.path, result.payload, expected=result.state)
        if links > 1:
            note(f"{item.name}: had {links} hard links; the fixed file replaced this name only")
        return Written.YES


class RecordSink(Sink):
    """Each JSON Lines file written whole: unchanged records byte for byte, changed ones
    with only their text replaced, compressed as the original was. In place, the fixed
    file is written beside the original and renamed over it only if the original did not
    change meanwhile."""

    def __init__(self, output: Path | None, root: Path | None, shards: list[Path]) -> None:
        self.output = output
        self.root = root
        self.shard: Path | None = None
        self.errors = 0
        self.writer: Any = None
        self.empty = set(shards)  # shards no record came from yet: an empty copy each

    def put(self, item: Item, result: Fixed) -> Written:
        self.empty.discard(item.shard)
        if item.shard != self.shard:
            self.errors += self._commit()
            self._open(item)
        if item.record is None and item.problem is not None and self.writer is not None:
            # the file could not be read to its end: no copy of part of it
            self.writer.abort()
            self.writer = None
            note(f"{self.target}: not written, as {item.shard} could not be read whole")
        if self.writer is None or item.record is None or result.dropped:
            self._skip(result)
            return Written.KEPT
        self._write(item.record, result)
        return Written.YES

    def _write(self, record: Record, result: Fixed) -> None:
        self.writer.write(splice(record, result.fixed) if result.changed else record.raw)

    def _skip(self, result: Fixed) -> None:
        """A record that is not written (left out of the fixed corpus)."""

    def _writer(self, item: Item, target: Path, root: Path | None) -> Any:
        return ShardWriter(target, root)

    def _write_empty(self, shard: Path, target: Path) -> None:
        ShardWriter(target, self.root).commit()

    def _open(self, item: Item) -> None:
        self.shard = item.shard
        self.state = item.shard_state
        self.writer = None
        if item.shard is None or item.record is None:
            return
        if self.output is None:  # beside the original, renamed over it at the end
            self.target = item.shard.with_name(f"{item.shard.name}.seedlint-fixed")
            root = None
        else:
            self.target = self.output / item.shard.name
            root = self.root
        try:
            self.writer = self._writer(item, self.target, root)
        except UnsafePath as error:
            note(str(error), "error")
            self.errors += 1
        except OSError as error:
            note(f"{self.target}: cannot write: {error.strerror or error}", "error")
            self.errors += 1

    def _commit(self) -> int:
        if self.writer is None:
            return 0
        writer, self.writer = self.writer, None
        try:
            writer.commit()
        except UnsafePath as error:
            note(str(error), "error")
            return 1
        except OSError as error:
            note(f"{self.target}: cannot write: {error.strerror or error}", "error")
            return 1
        if self.output is None:
            assert self.shard is not None
            if FileState.read(self.shard) != self.state:
                note(
                    f"{self.shard}: changed while being fixed; left as it is, and the "
                    f"fixed copy kept as {self.target}",
                    "error",
                )
                return 1
            os.replace(self.target, self.shard)
        return 0

    def close(self) -> int:
        errors = self.errors + self._commit()
        if self.output is not None:  # an empty input file has an empty normalised copy
            for shard in sorted(self.empty):
                if shard.is_file():
                    try:
                        self._write_empty(shard, self.output / shard.name)
                    except (UnsafePath, OSError) as error:
                        note(f"{self.output / shard.name}: cannot write: {error}", "error")
                        errors += 1
        return errors

    def abort(self) -> None:
        if self.writer is not None:
            self.writer.abort()
            self.writer = None


class ShardWriter:
    """An atomic write kept open across many ``write`` calls: ``commit`` renames it into
    place, ``abort`` removes it."""

    def __init__(self, path: Path, root: Path | None) -> None:
        self.stack = ExitStack()
        raw = self.stack.enter_context(atomic_replace(path, root=root))
        # a .gz or .zst copy is compressed as its original was
        self.stream = compressing(raw, path, self.stack)

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def commit(self) -> None:
        self.stack.close()

    def abort(self) -> None:
        with suppress(_Aborted):
            self.stack.__exit__(_Aborted, _Aborted(), None)


class _Aborted(Exception):
    """Thrown into an open write to make it remove its temporary file."""
