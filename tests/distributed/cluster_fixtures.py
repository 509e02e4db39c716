"""A real Dask cluster for the tests of this folder: ``dask scheduler`` and two ``dask
worker`` processes (one thread each), started on 127.0.0.1 with this interpreter, each in
a process group of its own so that a test can kill one worker for good."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

START_TIMEOUT = 120  # seconds for the scheduler and its workers to come up on a busy machine


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def kill_worker(self, number: int) -> None:
        """SIGKILL to the worker's whole process group (its nanny too: it stays dead)."""
        os.killpg(self.workers[number].pid, signal.SIGKILL)
        self.workers[number].wait()


def _dask(*args: str, cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,
    )


def _workers_up(address: str, count: int) -> bool:
    from distributed import Client

    with Client(address, timeout="10s", set_as_default=False) as client:
        return len(client.scheduler_info()["workers"]) >= count


def start_cluster(folder: Path, workers: int = 2) -> Cluster:
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / "scheduler.json"
    scheduler = _dask(
        "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
        "--scheduler-file", str(file), cwd=folder, log=folder / "scheduler.log",
    )  # fmt: skip
    cluster = Cluster("", scheduler)
    deadline = time.monotonic() + START_TIMEOUT
    while not file.exists():
        assert time.monotonic() < deadline, (folder / "scheduler.log").read_text()
        time.sleep(0.2)
    time.sleep(0.2)  # the file is written whole, but let the writer finish
    cluster.address = json.loads(file.read_text())["address"]
    for number in range(workers):
        worker = _dask(
            "worker", cluster.address, "--nworkers", "1", "--nthreads", "1",
            "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{number}",
            cwd=folder, log=folder / f"worker{number}.log",
        )  # fmt: skip
        cluster.workers.append(worker)
    while not _workers_up(cluster.address, workers):
        assert time.monotonic() < deadline, "the workers did not join"
        time.sleep(0.5)
    return cluster


def stop_cluster(cluster: Cluster) -> None:
    for process in [*cluster.workers, cluster.scheduler]:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in [*cluster.workers, cluster.scheduler]:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    pytest.importorskip("distributed", reason="the dask extra (seedlint[dask]) is not installed")
    cluster = start_cluster(tmp_path_factory.mktemp("dask-cluster"))
    try:
        yield cluster
    finally:
        stop_cluster(cluster)
