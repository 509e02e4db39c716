"""Checking many files: discovery, one read and one decode per file, linting, results in
a stable order. The command line and the Python API both go through ``check_files``.

Work is spread over ``jobs`` worker processes (forked, so each inherits the loaded rules)
and results come back in discovery order, so the output is the same as with one process.
With a ``Cache``, a file whose content and applicable rules were checked before is not
linted again.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from seedlint.cache import Cache
from seedlint.diagnostic import Diagnostic
from seedlint.files import Unreadable, decode, discover, read_bytes
from seedlint.linter import Linter

PARALLEL_FROM = 64  # fewer files than this are checked in this process: no pool to start
CHUNK = 32
SAMPLE = 64  # files looked at to tell a warm cache from a cold one


@dataclass
class FileResult:
    path: str
    text: str | None  # None when the file could not be read
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None  # one line saying why the file was not linted
    note: str | None = None  # one line saying why it was passed over (not a failure)
    # for the parent's cache: (key, new diagnostics), or (key, None) for a hit to keep
    cache_entry: tuple[bytes, list[Diagnostic] | None] | None = None


def check_file(path: Path, linter: Linter, cache: Cache | None = None) -> FileResult:
    try:
        data = read_bytes(path)
    except Unreadable as problem:
        return FileResult(str(path), None, error=problem.error, note=problem.note)
    rules = linter.rules_for(str(path))
    key = cache.key(data, rules) if cache is not None else None
    if cache is not None and key is not None:
        cached = cache.get(key, str(path))
        if cached is not None:  # reporters read the text only where there are findings
            text = decode(data) if cached else ""
            return FileResult(str(path), text, cached, cache_entry=(key, None))
    text = decode(data)
    try:
        diagnostics = linter.lint(text, str(path), rules)
    except TimeoutError as error:  # a rule's regular expression ran out of time
        return FileResult(str(path), None, error=f"{path}: {error}; the file was not checked")
    entry = (key, diagnostics) if key is not None else None
    # a clean file's text is not sent back from a worker: nothing will read it
    return FileResult(str(path), text if diagnostics else "", diagnostics, cache_entry=entry)


# The worker processes' linter and cache, inherited from the parent when it forks.
_WORKER: tuple[Linter, Cache | None] | None = None


def ignore_interrupts() -> None:
    """Pool initializer: Ctrl-C reaches every process of the group; only the parent acts on
    it (and ends the pool), so that workers print no tracebacks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_in_worker(path: Path) -> FileResult:
    assert _WORKER is not None
    return check_file(path, *_WORKER)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def find_files(paths: list[str], linter: Linter, skip: list[Path] = ()) -> list[Path]:
    """Every file to check below ``paths``, in sorted order."""
    return list(discover(paths, linter.config, skip))


def check_files(
    files: list[Path],
    linter: Linter,
    jobs: int = 1,
    cache: Cache | None = None,
) -> Iterator[FileResult]:
    """Results for ``files``, in their order."""
    global _WORKER
    if (
        jobs > 1
        and len(files) >= PARALLEL_FROM
        and "fork" in multiprocessing.get_all_start_methods()
        and not (cache is not None and _mostly_cached(files, linter, cache))
    ):
        _WORKER = (linter, cache)
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs, initializer=ignore_interrupts) as pool:
            results = pool.imap(_check_in_worker, files, chunksize=CHUNK)
            yield from _remembered(results, cache)
        _WORKER = None
    else:
        yield from _remembered((check_file(f, linter, cache) for f in files), cache)
    if cache is not None:
        cache.save()


def _mostly_cached(files: list[Path], linter: Linter, cache: Cache) -> bool:
    """Whether most files are in the cache, judged on up to SAMPLE files spread over the
    run. Answering from the cache costs less than sending results between processes, so
    a warm run stays in this one."""
    if not cache.entries:
        return False
    sample = files[:: max(1, len(files) // SAMPLE)][:SAMPLE]
    hits = 0
    for path in sample:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        hits += cache.key(data, linter.rules_for(str(path))) in cache.entries
    return hits >= 0.8 * len(sample)


def _remembered(results: Iterator[FileResult], cache: Cache | None) -> Iterator[FileResult]:
    for result in results:
        if cache is not None and result.cache_entry is not None:
            key, diagnostics = result.cache_entry
            if diagnostics is None:
                cache.keep(key)
            else:
                cache.put(key, diagnostics)
        yield result
