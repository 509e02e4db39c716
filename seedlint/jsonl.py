"""Corpora kept as JSON Lines: one document per line, in a field of a JSON object.

``seedlint check --jsonl FILE`` lints the ``--text-field`` of every record and names each
diagnostic ``FILE#ID`` (the ``--id-field``, or the line number when a record has none),
with rows and columns inside that record's text. ``seedlint fix --jsonl FILE`` writes a
normalised JSON Lines file: a record whose text did not change is copied byte for byte,
one that changed is written again with only its text replaced. Records are read, checked
and written in batches, so memory stays flat whatever the file's size. A line that is
not a JSON object with a string text field is reported with its line number and the run
goes on (exit code 2 at the end).
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from seedlint.fixer import AppliedEdit, FixDidNotConverge, fix_document
from seedlint.linter import Linter
from seedlint.runner import FileResult, ignore_interrupts

BATCH = 512


@dataclass(frozen=True)
class Record:
    line: int
    name: str  # FILE#ID, what diagnostics call the record
    text: str | None  # None when the line is not a usable record
    raw: str
    data: dict[str, Any] | None
    error: str | None = None


def read_records(path: Path, text_field: str, id_field: str) -> Iterator[Record]:
    with path.open(encoding="utf-8", errors="surrogateescape", newline="\n") as stream:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():  # kept by fix, as it is; nothing to check
                yield Record(number, f"{path}:{number}", None, raw, None)
                continue
            yield _record(path, number, raw, text_field, id_field)


def _record(path: Path, number: int, raw: str, text_field: str, id_field: str) -> Record:
    def bad(reason: str) -> Record:
        return Record(number, f"{path}:{number}", None, raw, None, f"{path}:{number}: {reason}")

    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeError) as error:
        return bad(f"not valid JSON ({error.msg if hasattr(error, 'msg') else error})")
    if not isinstance(data, dict):
        return bad("not a JSON object")
    text = data.get(text_field)
    if not isinstance(text, str):
        return bad(f"no string field '{text_field}'")
    identifier = data.get(id_field, number)
    return Record(number, f"{path}#{identifier}", text, raw, data)


_WORKER: tuple[Linter, bool] | None = None


def _check(record: Record) -> FileResult:
    assert _WORKER is not None
    if record.text is None:
        return FileResult(record.name, None, error=record.error)
    try:
        return FileResult(record.name, record.text, _WORKER[0].lint(record.text, record.name))
    except TimeoutError as error:  # a rule's regular expression ran out of time
        return FileResult(record.name, None, error=f"{record.name}: {error}; not checked")


def _fix(record: Record) -> tuple[Record, str, list[AppliedEdit], int, str | None]:
    assert _WORKER is not None
    linter, unsafe = _WORKER
    if record.text is None:
        return record, "", [], 0, record.error
    try:
        fixed, applied, left = fix_document(linter, record.text, record.name, unsafe)
    except FixDidNotConverge as error:
        return record, record.text, [], 0, str(error)
    except TimeoutError as error:  # a rule's regular expression ran out of time
        return record, record.text, [], 0, f"{record.name}: {error}; not changed"
    return record, fixed, applied, sum(linter.fails(d) for d in left), None


def _batches(records: Iterator[Record], function: Any, jobs: int) -> Iterator[Any]:
    """``function`` over the records, a batch at a time, in order, in ``jobs`` processes."""
    pool = None
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=ignore_interrupts)
    try:
        while batch := list(islice(records, BATCH)):
            yield from pool.imap(function, batch, chunksize=32) if pool else map(function, batch)
    finally:
        if pool is not None:
            pool.terminate()


def check_jsonl(
    path: Path, linter: Linter, text_field: str, id_field: str, jobs: int
) -> Iterator[FileResult]:
    global _WORKER
    _WORKER = (linter, False)
    records = (r for r in read_records(path, text_field, id_field) if r.raw.strip())
    yield from _batches(records, _check, jobs)


def fix_jsonl(
    path: Path, linter: Linter, text_field: str, id_field: str, jobs: int, unsafe: bool
) -> Iterator[tuple[Record, str, list[AppliedEdit], int, str | None]]:
    """(record, fixed text, applied edits, failing diagnostics left, error) per record."""
    global _WORKER
    _WORKER = (linter, unsafe)
    yield from _batches(read_records(path, text_field, id_field), _fix, jobs)


def output_line(record: Record, fixed: str, text_field: str) -> str:
    """The record as it goes to the normalised file: untouched unless its text changed."""
    if record.data is None or fixed == record.text:
        return record.raw if record.raw.endswith("\n") else record.raw + "\n"
    data = dict(record.data)
    data[text_field] = fixed
    return json.dumps(data, ensure_ascii=False) + "\n"


def run_fix(args: Any, config: Any, linter: Linter, jobs: int) -> int:
    """``seedlint fix --jsonl``: stream the fixed records into a temporary file beside the
    destination, then rename it over the destination (the original with --in-place)."""
    import io
    import sys

    from seedlint.fixing import atomic_replace, change_entry

    source: Path = args.jsonl
    if args.in_place:
        destination = source
    else:
        folder = (args.output_dir or config.root / config.output_dir).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        destination = folder / source.name
        if destination.resolve() == source.resolve():
            print(
                f"seedlint: error: {source}: the output would overwrite the input", file=sys.stderr
            )
            return 2
    changed = remaining = errors = 0
    change_record: list[dict[str, Any]] = []
    with atomic_replace(destination) as raw_out:
        out = io.TextIOWrapper(raw_out, encoding="utf-8", errors="surrogateescape", newline="\n")
        for record, fixed, applied, left, error in fix_jsonl(
            source, linter, args.text_field, args.id_field, jobs, args.unsafe_fixes
        ):
            if error is not None:
                print(f"seedlint: error: {error}", file=sys.stderr)
                errors += 1
            changed += fixed != record.text and record.text is not None
            remaining += left
            out.write(output_line(record, fixed or record.text or "", args.text_field))
            change_record.extend(change_entry(record.name, a) for a in applied)
        out.flush()
        out.detach()  # the atomic writer closes the file itself
    if args.format == "json":
        json.dump(change_record, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif not args.quiet:
        print(
            f"Fixed {changed} record{'s' * (changed != 1)} into {destination}; "
            f"{remaining} problem{'s' * (remaining != 1)} remain.",
            file=sys.stderr,
        )
    if errors:
        return 2
    return 0 if args.exit_zero or not remaining else 1
