"""Tasks submitted a window at a time, their results taken in submission order: the
parent holds at most ``window`` shards' results, and the report comes out in the order
of the shards whatever order the workers finish in. A worker that dies takes its tasks
with it; the scheduler runs them again elsewhere (up to its ``allowed-failures``), and a
task that still fails gives its shard's ``failed(shard, error)`` instead of a result.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from operator import getitem
from typing import Any, TypeVar

Shard = TypeVar("Shard")
Result = TypeVar("Result")
TASKS_PER_THREAD = 2  # queued per worker thread, so that none waits for the parent


def ordered_tasks(
    client: Any,
    function: Callable[..., Result],
    shards: Iterable[Shard],
    arguments: Callable[[Shard], tuple[Any, ...]],
    window: int,
    failed: Callable[[Shard, BaseException], Result],
    keep: Callable[[Shard, Any], None] | None = None,
) -> Iterator[tuple[Shard, Result]]:
    """``(shard, function(shard, *arguments(shard)))`` for each shard, in order. With
    ``keep``, the function returns (result, part to keep): the result comes here, and
    ``keep`` is given the shard and the future of the part, which stays on the cluster."""
    pending: deque[tuple[Shard, Any]] = deque()
    remaining = iter(shards)
    number = 0

    def submit(shard: Shard) -> None:
        nonlocal number
        # earlier shards first: the parent waits for them in this order
        future = client.submit(function, shard, *arguments(shard), pure=False, priority=-number)
        if keep is not None:
            keep(shard, client.submit(getitem, future, 1, pure=False, priority=-number))
            future = client.submit(getitem, future, 0, pure=False, priority=-number)
        number += 1
        pending.append((shard, future))

    for shard in islice(remaining, max(1, window)):
        submit(shard)
    try:
        while pending:
            shard, future = pending.popleft()
            try:
                result = future.result()
            except Exception as error:  # the task's own error, or KilledWorker
                result = failed(shard, error)
            future.release()
            for following in islice(remaining, 1):
                submit(following)
            yield shard, result
    finally:
        for _, future in pending:
            future.cancel()
