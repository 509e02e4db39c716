"""The manifest of a fix on the Dask engine: what it keeps, what it refuses (it comes
from a folder that may be anyone's: data only, checked field by field), and a second run
that skips exactly the shards whose input, copy and corpus findings are unchanged."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import run_seedlint
from corpus_shards import jsonl_bytes, write_shards

pytest.importorskip("distributed", reason="the dask extra (seedlint[dask]) is not installed")

from seedlint.distributed.manifest import (
    EMPTY,
    NAME,
    Finished,
    Manifest,
    corpus_digests,
)

DIGEST = "a" * 64


def test_a_manifest_keeps_finished_shards_for_the_same_settings(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path, None, "settings-1")
    manifest.finish("part.jsonl", Finished(DIGEST, "b" * 64, EMPTY, 3, 4, 1))
    manifest.save()
    again = Manifest(tmp_path, None, "settings-1")
    assert again.done("part.jsonl", EMPTY) == (DIGEST, "b" * 64)
    assert again.shards["part.jsonl"].errors == 1
    assert again.done("part.jsonl", "c" * 64) is None  # other corpus findings
    assert Manifest(tmp_path, None, "settings-2").shards == {}  # other rules or options


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b"[]",
        json.dumps({"version": 2, "settings": "s", "shards": {}}).encode(),
        json.dumps({"version": 1, "settings": "s", "shards": []}).encode(),
        json.dumps({"version": 1, "settings": "s", "shards": {"x": {"input": 1}}}).encode(),
        json.dumps({"version": 1, "settings": "s", "shards": {"x": {
            "input": DIGEST, "output": DIGEST, "corpus": DIGEST,
            "changed": True, "remaining": -1, "errors": 0}}}).encode(),
    ],
)  # fmt: skip
def test_a_manifest_that_is_not_what_it_should_be_is_set_aside(
    tmp_path: Path, content: bytes
) -> None:
    (tmp_path / NAME).write_bytes(content)
    assert Manifest(tmp_path, None, "s").shards == {}


def test_corpus_findings_are_digested_by_shard() -> None:
    found = {"/c/a.jsonl:3": ["x"], "/c/a.jsonl:9": ["y"], "/c/b.jsonl.gz:1": ["x"]}
    digests = corpus_digests(found)
    assert set(digests) == {"/c/a.jsonl", "/c/b.jsonl.gz"}
    assert digests["/c/a.jsonl"] != digests["/c/b.jsonl.gz"] != EMPTY
    assert corpus_digests({"/c/a.jsonl:3": ["x"]})["/c/a.jsonl"] != digests["/c/a.jsonl"]


@pytest.mark.e2e
def test_a_second_run_skips_only_unchanged_shards(tmp_path: Path) -> None:
    shards = [p.name for p in write_shards(tmp_path, 3, 10, ".jsonl.gz", 4)]
    base = ["fix", "--isolated", "--jsonl", *shards, "--ignore", "SL5"]
    args = [*base, "--output-dir", "out", "--engine", "dask", "--jobs", "1"]
    first = run_seedlint(*args, cwd=tmp_path)
    assert first.returncode == 2 and "already fixed" not in first.stderr
    second = run_seedlint(*args, cwd=tmp_path)
    assert "3 shards already fixed by an earlier run" in second.stderr
    assert second.stderr.splitlines()[-1] == first.stderr.splitlines()[-1]
    assert second.returncode == 2  # the bad lines still count
    (tmp_path / shards[1]).write_bytes(gzip.compress(jsonl_bytes(5, 500)))
    (tmp_path / "out" / shards[2]).write_bytes(b"damaged")
    third = run_seedlint(*args, cwd=tmp_path)
    assert "1 shard already fixed by an earlier run" in third.stderr
    run_seedlint(*base, "--output-dir", "expected", cwd=tmp_path)
    for name in shards:
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "expected" / name).read_bytes()
    (tmp_path / "out" / NAME).write_text("{}")  # set aside: everything is fixed again
    fourth = run_seedlint(*args, cwd=tmp_path)
    assert "already fixed" not in fourth.stderr
    assert json.loads((tmp_path / "out" / NAME).read_text())["version"] == 1
