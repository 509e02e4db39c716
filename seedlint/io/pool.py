"""One ordered worker pool for every source: results come back in the items' order, so
the output is the same, byte for byte, whatever the number of workers.

Workers are forked, so each inherits what the parent built once (the linter, its rules,
the cache) as the pool's ``context``; items travel in windows of ``WINDOW``, so memory
stays bounded however long the stream (a JSON Lines file of millions of records).
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
WINDOW = 2048  # items in flight at once
CHUNK = 32  # items sent to a worker at a time

# what the workers inherit from the parent when it forks: (function, context)
_INHERITED: tuple[Callable[[Any, Any], Any], Any] | None = None


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the group; only the parent acts on it (and ends
    the pool), so that workers print no tracebacks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _call(item: Any) -> Any:
    assert _INHERITED is not None
    function, context = _INHERITED
    return function(item, context)


def ordered_map(
    function: Callable[[Item, Any], Result],
    items: Iterable[Item],
    context: Any,
    jobs: int,
) -> Iterator[tuple[Item, Result]]:
    """``(item, function(item, context))`` for every item, in order, in ``jobs``
    processes."""
    global _INHERITED
    if jobs <= 1 or not _can_fork():
        for item in items:
            yield item, function(item, context)
        return
    import multiprocessing  # only here: a run in one process never pays for its import

    _INHERITED = (function, context)
    iterator = iter(items)
    # what the parent built (rules, word lists, the cache) is moved out of the collector's
    # reach before the fork: a collection in a worker would otherwise write to every
    # inherited object's header and copy its memory page by page
    gc.freeze()
    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_interrupts)
    try:
        while window := list(islice(iterator, WINDOW)):
            chunk = max(1, min(CHUNK, len(window) // (jobs * 4)))
            yield from zip(window, pool.imap(_call, window, chunksize=chunk), strict=True)
        pool.close()
    finally:
        pool.terminate()
        gc.unfreeze()
        _INHERITED = None


def _can_fork() -> bool:
    return hasattr(os, "fork") and hasattr(os, "register_at_fork")
