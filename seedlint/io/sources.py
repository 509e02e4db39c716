"""Where documents come from: files on disk, JSON Lines records, standard input.

Each source yields ``Item``s in a stable order. An item names its document for output,
says where it sits for per-file settings (``relative``), and either points at a file that
a worker reads (``path``) or carries the text the source has read (``text``). Records and
files go through the same pool, cache, fixer and outputs, so every option works the same
for every source.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from seedlint.io.atomic import FileState
from seedlint.io.discovery import Patterns, discover
from seedlint.io.reading import Unreadable, check_text, decode
from seedlint.io.records import Record, read_records


@dataclass(frozen=True)
class Problem:
    """Why a document was not checked: an error fails the run, a note does not."""

    message: str
    error: bool = True


@dataclass(frozen=True)
class Item:
    name: str  # what output calls it: a path, FILE#ID, or the name given for stdin
    relative: str | None  # posix, relative to the configuration's folder
    path: Path | None = None  # a file to read (files)
    text: str | None = None  # the document, when the source has read it (records, stdin)
    problem: Problem | None = None  # not usable: reported, never checked
    base: Path | None = None  # files: the named folder an output copy is relative to
    record: Record | None = None  # records: the line it came from, for the writer
    shard: Path | None = None  # records: the JSON Lines file
    shard_state: FileState | None = None  # records: that file when it was opened

    @property
    def checkable(self) -> bool:
        return self.problem is None and (self.path is not None or self.text is not None)


def display_path(path: Path | str) -> str:
    """A path as people read it: relative to the working directory when below it."""
    absolute = os.path.abspath(path)
    try:
        return Path(absolute).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return Path(absolute).as_posix()


def file_items(
    paths: Iterable[str], patterns: Patterns, skip: Iterable[Path] = (), force_exclude: bool = False
) -> Iterator[Item]:
    for found in discover(paths, patterns, skip, force_exclude):
        yield Item(display_path(found.path), found.relative, path=found.path, base=found.base)


def record_items(
    files: Iterable[Path], patterns: Patterns, text_field: str, id_field: str
) -> Iterator[Item]:
    """Every line of each JSON Lines file; unusable ones carry their problem, blank ones
    neither text nor problem (a fixed copy keeps them as they are)."""
    for file in files:
        shown = display_path(file)
        relative = patterns.relative(file, file.parent)
        try:
            stream = _open_records(file)
        except Unreadable as unreadable:
            yield Item(shown, relative, problem=Problem(str(unreadable)), shard=file)
            continue
        state = FileState.of(os.fstat(stream.fileno()))
        with stream:
            for record in read_records(stream, text_field, id_field):
                name = f"{shown}#{record.identifier}"
                problem = None
                if record.error is not None:
                    name = f"{shown}:{record.number}"
                    problem = Problem(f"{name}: {record.error}")
                yield Item(
                    name,
                    relative,
                    text=record.text,
                    problem=problem,
                    record=record,
                    shard=file,
                    shard_state=state,
                )


def _open_records(file: Path) -> BinaryIO:
    """The file opened for reading records; Unreadable when it is not a regular file
    (a FIFO would block, a folder cannot be read)."""
    try:
        mode = os.stat(file).st_mode
        if stat.S_ISDIR(mode):
            raise Unreadable(file, "is a folder, not a JSON Lines file")
        if not stat.S_ISREG(mode):
            raise Unreadable(file, "not a regular file")
        return open(file, "rb")
    except OSError as error:
        raise Unreadable(file, f"cannot read: {error.strerror or error}") from None


def stdin_item(filename: str | None, patterns: Patterns, data: bytes | None = None) -> Item:
    """Standard input (or ``data``, when the caller has read it) as one document, named
    ``filename`` (for output and settings)."""
    if data is None:
        data = sys.stdin.buffer.read()
    name = filename or "-"
    relative = patterns.relative(Path(filename), Path.cwd()) if filename else None
    try:
        check_text(Path(name), data)
    except Unreadable as unreadable:
        return Item(name, relative, problem=Problem(str(unreadable), not unreadable.is_note))
    return Item(display_path(filename) if filename else "-", relative, text=decode(data))
