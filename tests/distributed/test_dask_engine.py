"""``--engine dask`` gives what ``--engine local`` gives, byte for byte: the report of
check in every format, and fix's report and fixed copies (JSON Lines plain and
compressed, and Parquet), on a LocalCluster that the command starts and on a running
cluster named by --scheduler. A bad record is reported with its shard and line while
the others go on; a scheduler that does not answer is one line and exit 2."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from cluster_fixtures import Cluster, dask_cluster, start_cluster, stop_cluster

from conftest import run_seedlint
from corpus_shards import write_parquet, write_shards
from seedlint.output import FORMATS

pytestmark = pytest.mark.e2e

pytest.importorskip("distributed", reason="the dask extra (seedlint[dask]) is not installed")
pytest.importorskip("zstandard", reason="the zstd extra (seedlint[zstd]) is not installed")

__all__ = ["dask_cluster"]  # a fixture, used by name
PER_SHARD = 25


def _corpus(folder: Path) -> list[str]:
    """Shards of each kind, with bad lines; some records are copies of others (the
    articles repeat), so that the corpus rules find duplicates across shards."""
    names = []
    for number, suffix in enumerate((".jsonl", ".jsonl.gz", ".jsonl.zst")):
        (path,) = write_shards(folder / f"s{number}", 1, PER_SHARD, suffix, 9, number)
        names.append(str(path.relative_to(folder)))
    copy = folder / "s3" / "part-00003.jsonl"  # the first shard's records again
    copy.parent.mkdir()
    copy.write_bytes((folder / names[0]).read_bytes())
    return [*names, "s3/part-00003.jsonl"]


def _run(folder: Path, *args: str) -> tuple[int, str, str]:
    result = run_seedlint(*args, "--isolated", cwd=folder)
    return result.returncode, result.stdout, result.stderr


def test_check_on_a_local_cluster_is_the_local_engines_byte_for_byte(tmp_path: Path) -> None:
    shards = _corpus(tmp_path)
    local = _run(tmp_path, "check", "--jsonl", *shards, "--format", "json")
    dask = _run(tmp_path, "check", "--jsonl", *shards, "--format", "json", "--engine", "dask",
                "--jobs", "2")  # fmt: skip
    assert dask == local
    assert local[0] == 2 and "s1/part-00001.jsonl.gz:10: not valid JSON" in local[2]
    codes = {entry["code"] for entry in json.loads(local[1])}
    assert "SL501" in codes  # a corpus rule: copies across shards


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_check_on_a_cluster_in_every_format(
    tmp_path: Path, dask_cluster: Cluster, fmt: str
) -> None:
    shards = _corpus(tmp_path)
    local = _run(tmp_path, "check", "--jsonl", *shards, "--format", fmt)
    dask = _run(tmp_path, "check", "--jsonl", *shards, "--format", fmt, "--engine", "dask",
                "--scheduler", dask_cluster.address)  # fmt: skip
    assert dask == local
    assert local[1].count("part-00003") >= 8


def test_fix_on_a_cluster_writes_the_same_copies(tmp_path: Path, dask_cluster: Cluster) -> None:
    shards = _corpus(tmp_path)
    write_parquet(tmp_path / "rows.parquet", 30, 10, nulls=(4,))
    for engine in ("local", "dask"):
        extra = ["--scheduler", dask_cluster.address] if engine == "dask" else []
        runs = [
            _run(tmp_path, "fix", "--jsonl", *shards, "--output-dir", f"out-{engine}",
                 "--format", "json", "--unsafe-fixes", "--engine", engine, *extra),
            _run(tmp_path, "fix", "--parquet", "rows.parquet", "--text-field", "body",
                 "--output-dir", f"pq-{engine}", "--engine", engine, *extra),
        ]  # fmt: skip
        runs = [(c, o.replace(f"-{engine}", ""), e.replace(f"-{engine}", "")) for c, o, e in runs]
        if engine == "local":
            expected = runs
        else:
            assert runs == expected
    assert expected[0][0] == expected[1][0] == 2  # the bad lines, the null text
    for folder in ("out", "pq"):
        local = sorted((tmp_path / f"{folder}-local").iterdir())
        dask = sorted(p for p in (tmp_path / f"{folder}-dask").iterdir() if p.name[0] != ".")
        assert [p.name for p in dask] == [p.name for p in local]
        for a, b in zip(local, dask, strict=True):
            assert a.read_bytes() == b.read_bytes(), a.name
    assert len(local) == 1 and (tmp_path / "out-dask" / ".seedlint-manifest.json").is_file()
    assert "Fixed 2 records into pq; 2 problems remain." in expected[1][2]


def test_a_bad_record_is_reported_with_shard_and_line(
    tmp_path: Path, dask_cluster: Cluster
) -> None:
    (path,) = write_shards(tmp_path, 1, 20, ".jsonl.gz", bad_every=7)
    code, out, err = _run(tmp_path, "check", "--jsonl", path.name, "--format", "json",
                          "--engine", "dask", "--scheduler", dask_cluster.address)  # fmt: skip
    assert code == 2
    assert err.splitlines() == [
        f"seedlint: error: {path.name}:{line}: not valid JSON (Expecting property name "
        "enclosed in double quotes at column 2)"
        for line in (8, 16)
    ]
    assert json.loads(out)  # the others were checked


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    write_shards(tmp_path, 1, 2)
    started = time.monotonic()
    code, out, err = _run(tmp_path, "check", "--jsonl", "part-00000.jsonl", "--engine", "dask",
                          "--scheduler", "tcp://127.0.0.1:9")  # fmt: skip
    assert code == 2 and out == ""
    assert err.startswith("seedlint: error: --scheduler tcp://127.0.0.1:9: cannot reach")
    assert err.count("\n") == 1
    assert time.monotonic() - started < 60  # not the default timeout of minutes


def test_a_cluster_without_workers_is_one_line(tmp_path: Path) -> None:
    write_shards(tmp_path, 1, 2)
    cluster = start_cluster(tmp_path / "cluster", workers=0)
    try:
        code, out, err = _run(tmp_path, "check", "--jsonl", "part-00000.jsonl", "--engine",
                              "dask", "--scheduler", cluster.address)  # fmt: skip
    finally:
        stop_cluster(cluster)
    assert code == 2 and out == ""
    assert err == f"seedlint: error: --scheduler {cluster.address}: no worker joined within 10 s\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "seeds", "--engine", "dask"], "--engine dask runs one task per shard"),
        (["fix", "--jsonl", "x.jsonl", "--scheduler", "tcp://127.0.0.1:9"],
         "--scheduler names a Dask cluster: add --engine dask"),
        (["check", "--jsonl", "--parquet", "x"], "--jsonl and --parquet name two kinds"),
    ],
)  # fmt: skip
def test_engine_options_that_do_not_go_together(
    tmp_path: Path, args: list[str], message: str
) -> None:
    code, out, err = _run(tmp_path, *args)
    assert code == 2 and out == ""
    assert err.startswith(f"seedlint: error: {message}") and err.count("\n") == 1


def test_fix_in_place_on_a_cluster(tmp_path: Path, dask_cluster: Cluster) -> None:
    for engine in ("local", "dask"):
        write_shards(tmp_path / engine, 2, PER_SHARD, ".jsonl.gz", 9)
    originals = {p.name: p.read_bytes() for p in (tmp_path / "local").iterdir()}
    local = _run(tmp_path, "fix", "--jsonl", "local", "--in-place")
    dask = _run(tmp_path, "fix", "--jsonl", "dask", "--in-place", "--engine", "dask",
                "--scheduler", dask_cluster.address)  # fmt: skip
    assert dask[0] == local[0] == 2
    assert dask[2] == local[2].replace("local/", "dask/")
    fixed = {p.name: p.read_bytes() for p in (tmp_path / "local").iterdir()}
    assert fixed == {p.name: p.read_bytes() for p in (tmp_path / "dask").iterdir()}
    assert fixed != originals and fixed.keys() == originals.keys()  # no file left beside
