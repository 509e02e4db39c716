"""Large plain JSON Lines shards, checked as several tasks: each part is a byte range that
starts at a line's start, about ``part_bytes()`` long. A first round of tasks counts the
lines of each part (reading is fast; linting is not), so that every part knows the number
of its first line and names its records as the whole file would. Compressed and Parquet
shards, and fixes (one copy per shard, written whole), stay one task per shard.
"""

from __future__ import annotations

import os
from itertools import accumulate
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from seedlint.distributed.tasks import Shard
from seedlint.io.compressed import compression_of

PART_BYTES = 256 << 20  # large enough that a part's task overhead does not count
PART_BYTES_VARIABLE = "SEEDLINT_PART_BYTES"  # to choose another size (and to test)
COUNT_CHUNK = 8 << 20


def part_bytes() -> int:
    value = os.environ.get(PART_BYTES_VARIABLE, "")
    return int(value) if value.isdigit() and int(value) > 0 else PART_BYTES


def spans(path: Path, size: int, part: int) -> list[tuple[int, int]]:
    """Byte ranges of about ``part`` bytes, each starting at a line's start."""
    starts = [0]
    with open(path, "rb") as stream:
        for guess in range(part, size, part):
            if guess <= starts[-1]:
                continue  # a line longer than a part: it stays whole in one
            stream.seek(guess - 1)
            stream.readline()  # to the end of the line the guess falls in
            start = stream.tell()
            if start >= size:
                break
            starts.append(start)
    return list(zip(starts, [*starts[1:], size], strict=True))


def count_lines(path: Path, span: tuple[int, int]) -> int:
    """Line breaks in a byte range of a file."""
    start, end = span
    count = 0
    with open(path, "rb") as stream:
        stream.seek(start)
        while start < end:
            chunk = stream.read(min(COUNT_CHUNK, end - start))
            if not chunk:
                break
            count += chunk.count(b"\n")
            start += len(chunk)
    return count


def _splittable(shard: Shard, part: int) -> int:
    """The shard's size when it is a plain JSON Lines file larger than a part, else 0."""
    if shard.parquet or compression_of(shard.path) is not None:
        return 0
    try:
        size = os.stat(shard.path).st_size
    except OSError:
        return 0  # reading it tells what is wrong
    return size if size > part else 0


def split(client: Any, shards: list[Shard]) -> list[Shard]:
    """The shards, large plain ones replaced by their parts, in order."""
    part = part_bytes()
    result: list[Shard] = []
    for shard in shards:
        size = _splittable(shard, part)
        ranges = spans(shard.path, size, part) if size else []
        if len(ranges) < 2:
            result.append(shard)
            continue
        futures = client.map(count_lines, [shard.path] * (len(ranges) - 1), ranges[:-1])
        counts = client.gather(futures)
        firsts = [1, *(1 + n for n in accumulate(counts))]
        result.extend(
            replace(shard, span=span, first_number=first)
            for span, first in zip(ranges, firsts, strict=True)
        )
    return result
