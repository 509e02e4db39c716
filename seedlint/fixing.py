"""``seedlint fix`` on files: fixed copies, in-place rewrites or a diff, and a change record.

Copies go to the output folder, each at its path relative to the folder it was found under
(a file named directly goes to the output folder's top). The output folder is never read
as input. In-place rewrites are atomic: a temporary file in the same folder, flushed and
synced, given the original's permissions, then renamed over the original.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import tempfile
from pathlib import Path

from seedlint.config import Config
from seedlint.files import PathProblem, discover, encode, read_text
from seedlint.fixer import AppliedEdit, FixDidNotConverge, fix_document
from seedlint.linter import Linter


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old file or the new one."""
    mode = path.stat().st_mode if path.exists() else None
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _targets(paths: list[str], config: Config, output: Path | None) -> list[tuple[Path, Path]]:
    """(input file, its path relative to the folder it was found under)."""
    skip = [output] if output is not None else []
    targets = []
    for name in paths:
        base = Path(name)
        for path in discover([name], config, skip):
            relative = Path(path.name) if base.is_file() else path.relative_to(base)
            targets.append((path, relative))
    return targets


def fix_paths(args: argparse.Namespace, config: Config, linter: Linter, paths: list[str]) -> int:
    output = None
    if not args.in_place and not args.diff:
        output = (args.output_dir or config.root / config.output_dir).resolve()
    records: list[dict] = []
    remaining = changed = errors = 0
    for path, relative in _targets(paths, config, output):
        text = read_text(path)
        try:
            fixed, applied, left = fix_document(linter, text, str(path), args.unsafe_fixes)
        except FixDidNotConverge as error:
            print(f"seedlint: error: {error}", file=sys.stderr)
            errors += 1
            continue
        remaining += sum(linter.fails(d) for d in left)
        if fixed != text:
            changed += 1
        records.extend(_record(path, a) for a in applied)
        if args.diff:
            sys.stdout.write(unified_diff(text, fixed, path))
        elif args.in_place:
            if fixed != text:
                write_atomic(path, encode(fixed))
        else:
            destination = output / relative
            if destination.resolve() == path.resolve():
                raise PathProblem(f"{path}: the output would overwrite the input")
            destination.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(destination, encode(fixed))
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


def unified_diff(before: str, after: str, path: Path) -> str:
    """A diff that ``patch -p1`` applies, including changes to the final newline."""
    name = path.as_posix().lstrip("/")
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _record(path: Path, applied: AppliedEdit) -> dict:
    return {
        "filename": str(path),
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
