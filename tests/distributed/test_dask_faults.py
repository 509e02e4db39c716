"""Faults on the Dask engine, with real processes and real signals: a fix killed with
SIGKILL (the command and its local cluster) leaves only whole shards, and running it
again skips the finished ones and ends with the copies and exit code of an uninterrupted
run; a worker killed in the middle of a run loses its task, which another worker runs
again, and every record is still reported and written exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cluster_fixtures import start_cluster, stop_cluster

from conftest import ROOT, run_seedlint
from corpus_shards import write_shards

pytest.importorskip("distributed", reason="the dask extra (seedlint[dask]) is not installed")

SHARDS, PER_SHARD = 12, 120  # each shard takes a worker about a second
MANIFEST = ".seedlint-manifest.json"
WAIT = 300  # seconds: on a busy machine a run can be slow, never this slow


def _seedlint(*args: str, cwd: Path, read: bool = True) -> subprocess.Popen[str]:
    """The real command line in a process group of its own (with its local cluster). A
    run whose output is not read writes it nowhere: a pipe nobody drains would stop it
    once full, long before the fault the test is waiting to cause."""
    output = subprocess.PIPE if read else subprocess.DEVNULL
    return subprocess.Popen(
        [sys.executable, "-m", "seedlint", *args],
        cwd=cwd,
        stdout=output,
        stderr=output,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
        start_new_session=True,
    )


def _until(condition: object, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():  # type: ignore[operator]
        assert process.poll() is None, "the run ended before the fault: make it longer"
        assert time.monotonic() < deadline
        time.sleep(0.05)


def _finished(folder: Path) -> int:
    try:
        return len(json.loads((folder / MANIFEST).read_text())["shards"])
    except (OSError, ValueError, KeyError):
        return 0


def _copies(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def _reference(tmp_path: Path, shards: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return run_seedlint("fix", "--isolated", "--jsonl", *shards, "--output-dir", "expected",
                        *args, cwd=tmp_path)  # fmt: skip


@pytest.mark.slow
def test_a_killed_fix_leaves_whole_shards_and_resumes(tmp_path: Path) -> None:
    shards = [p.name for p in write_shards(tmp_path, SHARDS, PER_SHARD, ".jsonl.gz", 50)]
    expected = _reference(tmp_path, shards)
    reference = _copies(tmp_path / "expected")
    args = ["fix", "--isolated", "--jsonl", *shards, "--output-dir", "out", "--engine", "dask",
            "--jobs", "2"]  # fmt: skip
    run = _seedlint(*args, cwd=tmp_path, read=False)
    _until(lambda: _finished(tmp_path / "out") >= 2, run)
    os.killpg(run.pid, signal.SIGKILL)  # the command, its cluster and workers
    run.wait()
    done = _finished(tmp_path / "out")
    assert 2 <= done < SHARDS
    for name, data in _copies(tmp_path / "out").items():
        assert data == reference[name], f"{name} is not whole"
    again = run_seedlint(*args, cwd=tmp_path)
    assert again.returncode == expected.returncode == 2  # the bad lines, counted again
    assert f"{done} shards already fixed by an earlier run" in again.stderr
    assert again.stderr.splitlines()[-1] == expected.stderr.splitlines()[-1].replace(
        "expected", "out"
    )  # the same summary: the skipped shards' counts were kept
    assert _copies(tmp_path / "out") == reference
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def _busy(address: str, name: str) -> bool:
    """Whether the worker named ``name`` is running a task."""
    from distributed import Client

    with Client(address, timeout="10s", set_as_default=False) as client:
        workers = client.scheduler_info()["workers"]
        processing = client.processing()
    return any(info["name"] == name and processing.get(a) for a, info in workers.items())


@pytest.mark.slow
@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_worker_killed_mid_run_loses_no_record(tmp_path: Path, command: str) -> None:
    shards = [p.name for p in write_shards(tmp_path, SHARDS, PER_SHARD, ".jsonl", 40)]
    if command == "fix":
        base = ["fix", "--isolated", "--jsonl", *shards, "--format", "json", "--output-dir"]
        expected = run_seedlint(*base, "expected", cwd=tmp_path)
        args = [*base, "out"]
    else:
        args = ["check", "--isolated", "--jsonl", *shards, "--format", "json-lines"]
        expected = run_seedlint(*args, cwd=tmp_path)
    cluster = start_cluster(tmp_path / "cluster")
    try:
        run = _seedlint(*args, "--engine", "dask", "--scheduler", cluster.address, cwd=tmp_path)
        # the first shards are done and worker w0 is in the middle of one
        first = tmp_path / "out" / shards[0]
        _until(lambda: (command == "check" or first.exists()) and _busy(cluster.address, "w0"), run)
        cluster.kill_worker(0)
        out, err = run.communicate(timeout=WAIT)
    finally:
        stop_cluster(cluster)
    assert "Traceback" not in err
    assert (run.returncode, out) == (expected.returncode, expected.stdout)
    assert err == expected.stderr.replace("expected", "out")
    if command == "fix":
        assert _copies(tmp_path / "out") == _copies(tmp_path / "expected")
        assert json.loads(out)  # changes were made, each listed once (as the local run)
    else:
        reported = out.splitlines()
        assert len(reported) == len(set(reported)) > SHARDS  # each finding once
