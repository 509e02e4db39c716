"""A large plain JSON Lines shard checked as several tasks: byte ranges that start at
lines' starts and cover the file, line counts that number each part's records as the
whole file would, and a report the same, byte for byte, as the local engine's."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import run_seedlint
from corpus_shards import jsonl_bytes
from wikinews import seeds

pytest.importorskip("distributed", reason="the dask extra (seedlint[dask]) is not installed")

from seedlint.distributed.split import PART_BYTES_VARIABLE, count_lines, spans


def _big(path: Path) -> bytes:
    """Records with ids, bad lines, records without ids (named by their line number), a
    blank line, a record longer than a part, and a last line without a line break."""
    data = jsonl_bytes(120, bad_every=13)
    data += "".join(json.dumps({"text": t}) + "\n" for _, t in seeds("en")[:20]).encode()
    data += b"\n" + json.dumps({"text": "date 2024-01-01 T\n\n" + "Word  " * 9000}).encode()
    data += b"\n" + b'{"text": "date 2024-01-01 T\\n\\nNo  line break at the end"}'
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("part", [1, 4096, 40_000, 10**9])
def test_parts_start_at_lines_and_cover_the_file(tmp_path: Path, part: int) -> None:
    data = _big(tmp_path / "big.jsonl")
    ranges = spans(tmp_path / "big.jsonl", len(data), part)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
    for (_, end), (start, _) in pairwise(ranges):
        assert end == start and data[start - 1 : start] == b"\n"
    counts = [count_lines(tmp_path / "big.jsonl", span) for span in ranges]
    assert sum(counts) == data.count(b"\n")
    if part == 40_000:
        assert 5 < len(ranges) < len(data) // 40_000 + 2


@pytest.mark.e2e
def test_a_shard_in_parts_is_reported_as_the_local_engine_does(tmp_path: Path) -> None:
    _big(tmp_path / "big.jsonl")
    args = ["check", "--isolated", "--jsonl", "big.jsonl", "--format", "json"]
    local = run_seedlint(*args, cwd=tmp_path)
    parts = run_seedlint(*args, "--engine", "dask", "--jobs", "2", cwd=tmp_path,
                         env={PART_BYTES_VARIABLE: "40000"})  # fmt: skip
    assert (parts.returncode, parts.stdout, parts.stderr) == (
        local.returncode, local.stdout, local.stderr,
    )  # fmt: skip
    names = {entry["filename"] for entry in json.loads(local.stdout)}
    assert "big.jsonl#136" in names  # a record without an id, named by its line
    assert "big.jsonl:126: not valid JSON" in local.stderr
