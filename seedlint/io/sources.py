"""Where documents come from: files on disk, JSON Lines records (plain, gzip or zstd),
standard input.

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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import msgspec

from seedlint.io.atomic import FileState
from seedlint.io.discovery import Patterns, discover
from seedlint.io.reading import Unreadable, check_text, decode

if TYPE_CHECKING:  # records and compressed files are read only by runs that have them
    from seedlint.io.records import Record

SKIP_CHUNK = 1 << 20  # decompressed bytes read at a time to reach an offset


class Problem(msgspec.Struct, frozen=True):
    """Why a document was not checked: an error fails the run, a note does not."""

    message: str
    error: bool = True


class Item(msgspec.Struct, frozen=True):
    name: str  # what output calls it: a path, FILE#ID, or the name given for stdin
    relative: str | None  # posix, relative to the configuration's folder
    path: Path | None = None  # a file to read (files)
    text: str | None = None  # the document, when the source has read it (records, stdin)
    problem: Problem | None = None  # not usable: reported, never checked
    absolute: str = ""  # files: the path made absolute, "" where the source has not
    base: Path | None = None  # files: the named folder an output copy is relative to
    record: Record | None = None  # records: the line it came from, for the writer
    shard: Path | None = None  # records: the JSON Lines file
    shard_state: FileState | None = None  # records: that file when it was opened

    def absolute_path(self) -> str:
        """A file's path made absolute: the one the walk worked out, else worked out now."""
        assert self.path is not None
        return self.absolute or os.path.abspath(self.path)

    @property
    def checkable(self) -> bool:
        return self.problem is None and (self.path is not None or self.text is not None)


def display_path(path: Path | str, folder: str | None = None) -> str:
    """A path as people read it: relative to the working directory (``folder`` when the
    caller has it) when below it. Worked out on the strings, as ``Path.relative_to``
    would: a run names every file it finds."""
    absolute = os.path.abspath(path)
    folder = folder or os.getcwd()
    if absolute.startswith("//") or os.sep != "/":  # a POSIX '//' root; Windows drives
        try:
            return Path(absolute).relative_to(folder).as_posix()
        except ValueError:
            return Path(absolute).as_posix()
    return path_below(absolute, folder)


def path_below(absolute: str, folder: str) -> str:
    """An absolute path relative to ``folder`` when below it ("." for the folder itself),
    else the path as it is: string operations, for paths already made absolute."""
    if absolute == folder:
        return "."
    prefix = folder.rstrip(os.sep) + os.sep
    return absolute[len(prefix) :] if absolute.startswith(prefix) else absolute


def file_items(
    paths: Iterable[str], patterns: Patterns, skip: Iterable[Path] = (), force_exclude: bool = False
) -> Iterator[Item]:
    folder = os.getcwd()
    for found in discover(paths, patterns, skip, force_exclude):
        absolute = found.absolute or os.path.abspath(found.path)
        shown = display_path(absolute, folder)
        yield Item(shown, found.relative, path=found.path, base=found.base, absolute=absolute)


# the records of one shard file, named after the path shown: (file, shown, relative path,
# text field, id field)
ShardReader = Callable[[Path, str, str | None, str, str], Iterator[Item]]


def record_items(
    files: Iterable[Path],
    patterns: Patterns,
    text_field: str,
    id_field: str,
    shard: ShardReader | None = None,
) -> Iterator[Item]:
    """Every line of each JSON Lines file; unusable ones carry their problem, blank ones
    neither text nor problem (a fixed copy keeps them as they are). ``shard`` reads
    another format's files instead (``parquet.parquet_shard_items``: Parquet rows)."""
    read = shard or shard_items
    for file in files:
        shown = display_path(file)
        relative = patterns.relative(file, file.parent)
        yield from read(file, shown, relative, text_field, id_field)


def shard_items(
    file: Path, shown: str, relative: str | None, text_field: str, id_field: str
) -> Iterator[Item]:
    """The records of one JSON Lines file (gzip- or zstd-compressed by its extension),
    named after ``shown``. A file that cannot be read, or decompressed to its end, ends
    with an item that carries the problem and no record: a fixed copy of it is not
    written."""
    try:
        raw = open_shard(file)
    except Unreadable as unreadable:
        yield Item(shown, relative, problem=Problem(str(unreadable)), shard=file)
        return
    from seedlint.io.compressed import compression_of, decompressing, decompression_errors
    from seedlint.io.records import read_records

    state = FileState.of(os.fstat(raw.fileno()))
    number = 0
    broken: tuple[type[BaseException], ...] = (*decompression_errors(), OSError)
    with raw:
        try:
            for record in read_records(decompressing(raw, file), text_field, id_field):
                number = record.number
                yield record_item(record, shown, relative, file, state)
        except Unreadable as unreadable:
            yield Item(shown, relative, problem=Problem(str(unreadable)), shard=file)
        except broken as error:
            where = f" after line {number}" if number else ""
            verb = "decompress" if compression_of(file) else "read"
            message = f"{shown}: cannot {verb}{where}: {error}; the rest is not read"
            yield Item(shown, relative, problem=Problem(message), shard=file)


def range_items(
    file: Path,
    shown: str,
    relative: str | None,
    fields: tuple[str, str],
    span: tuple[int, int],
    first_number: int,
) -> Iterator[Item]:
    """The records of a plain JSON Lines file whose lines start in ``span`` (a byte range
    that starts at a line's start), numbered from ``first_number``: a part of a large
    file, read by one worker while others read the rest."""
    start, end = span
    try:
        raw = open_shard(file)
    except Unreadable as unreadable:
        yield Item(shown, relative, problem=Problem(str(unreadable)), shard=file)
        return
    from seedlint.io.records import parse_record

    state = FileState.of(os.fstat(raw.fileno()))
    number = first_number
    with raw:
        try:
            raw.seek(start)
            position = start
            while position < end and (line := raw.readline()):
                position += len(line)
                record = parse_record(number, line, *fields)
                yield record_item(record, shown, relative, file, state)
                number += 1
        except OSError as error:
            message = f"{shown}: cannot read after line {number - 1}: {error.strerror or error}"
            yield Item(shown, relative, problem=Problem(message), shard=file)


def record_item(
    record: Record, shown: str, relative: str | None, file: Path, state: FileState
) -> Item:
    name = f"{shown}#{record.identifier}"
    problem = None
    if record.error is not None:
        name = f"{shown}:{record.number}"
        problem = Problem(f"{name}: {record.error}")
    return Item(
        name,
        relative,
        text=record.text,
        problem=problem,
        record=record,
        shard=file,
        shard_state=state,
    )


def open_shard(file: Path) -> BinaryIO:
    """The file opened for reading records; Unreadable when it is not a regular file
    (a FIFO would block, a folder cannot be read)."""
    try:
        mode = os.stat(file).st_mode
        if stat.S_ISDIR(mode):
            raise Unreadable(file, "is a folder, not a file of records")
        if not stat.S_ISREG(mode):
            raise Unreadable(file, "not a regular file")
        return open(file, "rb")
    except OSError as error:
        raise Unreadable(file, f"cannot read: {error.strerror or error}") from None


def read_span(file: Path, offset: int, length: int) -> bytes | None:
    """``length`` bytes of a JSON Lines file's (decompressed) content from ``offset``;
    None when they cannot be read."""
    from seedlint.io.compressed import decompressing, decompression_errors

    broken: tuple[type[BaseException], ...] = (Unreadable, OSError, *decompression_errors())
    try:
        with open_shard(file) as raw:
            stream = decompressing(raw, file)
            if stream is raw:
                raw.seek(offset)
            else:  # a compressed stream is read up to the offset
                while offset > 0:
                    skipped = len(stream.read(min(offset, SKIP_CHUNK)))
                    if not skipped:
                        return None
                    offset -= skipped
            return stream.read(length)
    except broken:
        return None


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
