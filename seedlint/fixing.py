"""``seedlint fix`` on files: fixed copies, in-place rewrites or a diff, and a change record.

Copies go to the output folder, each at its path relative to the folder it was found under
(a file named directly goes to the output folder's top). The output folder is never read
as input, and a run that would write a copy over its own input stops before writing.

Every write is atomic: a temporary file ``.NAME.XXXXXXXX.tmp`` in the same folder, flushed
and synced, given the original's permissions, then renamed over the target, so a reader,
a crash or a SIGKILL sees the old file or the new one, never a mix. A killed run can leave
such a temporary file behind: discovery never reads one, and the next run that writes
into that folder removes those of the files it writes. In place, a symbolic link is
followed to the file it names; a file that changed since it was read is left alone.
A write that fails (no space, read-only, too large) stops the run: that file keeps its old
content and nothing after it is written. A file with CRLF (or CR) line breaks throughout
keeps them when no rule converting line endings (SL106) applies: it is fixed as LF text
and its line breaks are written back as they were.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from seedlint.config import Config
from seedlint.files import (
    TEMPORARY,
    PathProblem,
    Unreadable,
    decode,
    discover,
    encode,
    read_with_stat,
)
from seedlint.fixer import AppliedEdit, FixDidNotConverge, fix_document
from seedlint.linter import Linter


class ChangedMeanwhile(Exception):
    """The file changed after it was read; writing would lose that change."""


def write_atomic(path: Path, data: bytes, expected: os.stat_result | None = None) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old file or the new one."""
    with atomic_replace(path, expected) as stream:
        stream.write(data)


@contextlib.contextmanager
def atomic_replace(path: Path, expected: os.stat_result | None = None) -> Iterator[BinaryIO]:
    """A stream whose content replaces ``path`` when the block ends without an error:
    a temporary file in the same folder, flushed and synced, given the old file's mode and
    owner, then renamed over it; on any error the old file stays and the temporary goes.

    A symbolic link is followed: the file it names is replaced, the link stays. With
    ``expected`` (the status when the file was read), a file that has changed since is
    left alone and ``ChangedMeanwhile`` raised."""
    path = Path(os.path.realpath(path))
    old = path.stat() if path.exists() else None
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if old is not None:
            os.chmod(temporary, old.st_mode & 0o7777)
            _keep_owner(temporary, old)
        if expected is not None and _changed(path, expected):
            raise ChangedMeanwhile(f"{path}: changed while being fixed; left as it is")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _keep_owner(temporary: str, old: os.stat_result) -> None:
    if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(temporary, old.st_uid, old.st_gid)


def _changed(path: Path, expected: os.stat_result) -> bool:
    try:
        now = path.stat()
    except OSError:
        return True
    return (now.st_ino, now.st_size, now.st_mtime_ns) != (
        expected.st_ino,
        expected.st_size,
        expected.st_mtime_ns,
    )


def fix_file_text(
    linter: Linter, text: str, path: str, unsafe: bool
) -> tuple[str, list[AppliedEdit], list]:
    """``fix_document`` for a file's text, keeping its line-ending style: a file with CRLF
    (or CR) breaks throughout, when no rule converts line breaks here, is fixed as LF text
    and its breaks are then written back as they were (rows and columns are the same)."""
    style = line_ending_style(text)
    if style == "\n" or converts_line_endings(linter, path, unsafe):
        return fix_document(linter, text, path, unsafe)
    fixed, applied, left = fix_document(linter, text.replace(style, "\n"), path, unsafe)
    return fixed.replace("\n", style), applied, left


def line_ending_style(text: str) -> str:
    """``"\\r\\n"`` or ``"\\r"`` when every line break is one; else ``"\\n"``."""
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\r") == text.count("\n"):
        return "\r\n"
    if "\r" in text and "\n" not in text:
        return "\r"
    return "\n"


def converts_line_endings(linter: Linter, path: str, unsafe: bool) -> bool:
    """Whether a rule that turns line breaks into LF applies to ``path`` in this run."""
    allowed = ("safe", "unsafe") if unsafe else ("safe",)
    return any(
        r.kind == "whitespace" and r.options["check"] == "line-endings" and r.fix in allowed
        for r in linter.rules_for(path)
    )


class _Sweeper:
    """Removes the temporary files that a killed run left beside the files written now;
    each folder is listed once."""

    def __init__(self) -> None:
        self.stale: dict[Path, dict[str, list[Path]]] = {}

    def sweep(self, path: Path) -> None:
        path = Path(os.path.realpath(path))
        if path.parent not in self.stale:
            found: dict[str, list[Path]] = {}
            try:
                names = os.listdir(path.parent)
            except OSError:
                names = []
            for name in names:
                if TEMPORARY.match(name):
                    found.setdefault(name[1:-13], []).append(path.parent / name)
            self.stale[path.parent] = found
        for temporary in self.stale[path.parent].pop(path.name, []):
            temporary.unlink(missing_ok=True)


def _targets(paths: list[str], config: Config, output: Path | None) -> list[tuple[Path, Path]]:
    """(input file, its path relative to the folder it was found under)."""
    skip = [output] if output is not None else []
    targets = []
    for name in paths:
        base = Path(name)
        for path in discover([name], config, skip):
            relative = path.relative_to(base) if base.is_dir() else Path(path.name)
            if output is not None and (output / relative).resolve() == path.resolve():
                raise PathProblem(f"{path}: the output would overwrite the input")
            targets.append((path, relative))
    return targets


def fix_paths(args: argparse.Namespace, config: Config, linter: Linter, paths: list[str]) -> int:
    output = None
    if not args.in_place and not args.diff:
        output = (args.output_dir or config.root / config.output_dir).resolve()
    records: list[dict] = []
    remaining = changed = errors = 0
    sweeper = _Sweeper()
    for path, relative in _targets(paths, config, output):
        try:
            data, status = read_with_stat(path)
        except Unreadable as problem:
            print(f"seedlint: {'note' if problem.is_note else 'error'}: {problem}", file=sys.stderr)
            if not problem.is_note:
                errors += 1
            continue
        text = decode(data)
        try:
            fixed, applied, left = fix_file_text(linter, text, str(path), args.unsafe_fixes)
            payload = encode(fixed)
        except (FixDidNotConverge, TimeoutError, UnicodeEncodeError) as error:
            print(f"seedlint: error: {_unfixed(path, error)}", file=sys.stderr)
            errors += 1
            continue
        remaining += sum(linter.fails(d) for d in left)
        if fixed != text:
            changed += 1
        records.extend(change_entry(str(path), a) for a in applied)
        destination = path if args.in_place else output / relative if output else None
        try:
            if args.diff:
                sys.stdout.write(unified_diff(text, fixed, path))
            elif destination is not None and (fixed != text or not args.in_place):
                sweeper.sweep(destination)
                destination.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(destination, payload, status if args.in_place else None)
        except ChangedMeanwhile as error:
            print(f"seedlint: error: {error}", file=sys.stderr)
            errors += 1
            continue
        except OSError as error:
            print(
                f"seedlint: error: {destination}: cannot write: "
                f"{error.strerror or error}; stopped, {path} is unchanged",
                file=sys.stderr,
            )
            return 2
        if args.format == "text" and not args.diff:
            _report(path, applied, left, linter, args)
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif not args.quiet and not args.diff:
        where = "in place" if args.in_place else f"into {output}"
        print(
            f"Fixed {changed} file{'s' * (changed != 1)} {where}; "
            f"{remaining} problem{'s' * (remaining != 1)} remain.",
            file=sys.stderr,
        )
    if errors:
        return 2
    if args.exit_non_zero_on_fix and changed:
        return 1
    if args.exit_zero:
        return 0
    if args.diff:
        return 1 if changed else 0
    return 1 if remaining else 0


def _unfixed(path: Path, error: Exception) -> str:
    if isinstance(error, FixDidNotConverge):
        return str(error)
    if isinstance(error, UnicodeEncodeError):
        return f"{path}: a fix wrote a lone surrogate, which UTF-8 cannot hold; not changed"
    return f"{path}: {error}; the file was not changed"


def unified_diff(before: str, after: str, path: Path) -> str:
    """A diff that ``patch -p1`` applies, including changes to the final newline."""
    name = path.as_posix().lstrip("/")
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def change_entry(name: str, applied: AppliedEdit) -> dict:
    """One entry of the ``--format json`` change record."""
    return {
        "filename": name,
        "code": applied.code,
        "name": applied.name,
        "applicability": applied.applicability,
        "row": applied.row,
        "column": applied.column,
        "before": applied.before,
        "after": applied.after,
    }


def _report(
    path: Path, applied: list[AppliedEdit], left: list, linter: Linter, args: argparse.Namespace
) -> None:
    if args.show_fixes:
        for a in applied:
            print(
                f"{path}:{a.row}:{a.column}: fixed {a.code} [{a.name}] {a.before!r} -> {a.after!r}"
            )
    for d in left:
        if not args.quiet or linter.fails(d):
            print(f"{d.path}:{d.row}:{d.column}: {d.code} [{d.name}] {d.message}")
