"""The default worker count follows the work: a small run stays in one process, a large
one gets every core; what is asked for is what runs."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import pytest

from seedlint.commands.common import (
    UsageError,
    busy_cores,
    choose_jobs,
    default_jobs,
    idle_cores,
    runnable_now,
)
from seedlint.commands.common import _own_running_threads as own_running_threads
from seedlint.io.discovery import Patterns
from seedlint.io.pool import available_cores
from seedlint.io.sources import Item, file_items

MB = 1_000_000


def items(folder: Path, sizes: list[int]) -> list[Item]:
    folder.mkdir()
    for number, size in enumerate(sizes):
        with open(folder / f"{number:03d}.txt", "wb") as stream:
            stream.truncate(size)  # sparse: the size is what counts, not the bytes
    return list(file_items([str(folder)], Patterns(folder, ["*.txt"], [])))


def test_a_small_run_stays_in_one_process(tmp_path: Path) -> None:
    assert default_jobs(items(tmp_path / "seeds", [3_000] * 10), 8) == 1
    assert choose_jobs(0, items(tmp_path / "more", [3_000] * 10)) == 1


def test_a_folder_of_some_dozens_of_seeds_gets_a_second_worker(tmp_path: Path) -> None:
    # 50 news articles: two workers take 0.82x the time of one (bench/speed/README.md)
    assert default_jobs(items(tmp_path / "seeds", [4_700] * 50), 8) == 2


def test_a_large_run_gets_every_idle_core(tmp_path: Path) -> None:
    large = items(tmp_path / "seeds", [8 * MB] * 8)
    assert default_jobs(large, 4) == 4
    assert default_jobs(large, 1) == 1
    assert choose_jobs(0, large) == idle_cores()


def test_a_run_of_under_a_second_gets_a_worker_per_tenth(tmp_path: Path) -> None:
    assert default_jobs(items(tmp_path / "seeds", [30_000] * 10), 8) == 2  # 0.26 s of work
    assert default_jobs(items(tmp_path / "more", [22_000] * 40), 8) == 7  # 0.76 s
    assert default_jobs(items(tmp_path / "most", [100_000] * 30), 8) == 8  # 2.6 s


def test_idle_cores_are_between_one_and_the_cores() -> None:
    assert 1 <= idle_cores() <= available_cores()


def test_a_core_is_busy_when_the_average_and_the_moment_both_say_so() -> None:
    assert busy_cores(1.9, 0) == 0  # the average still counts a run that has ended
    assert busy_cores(1.9, 3) == 1  # a burst of runnable threads is not a minute's load
    assert busy_cores(2.2, 2) == 2
    assert busy_cores(0.4, 5) == 0
    assert busy_cores(3.0, None) == 3  # no /proc: the average alone


def test_the_threads_ready_now_are_read_where_linux_shows_them() -> None:
    runnable = runnable_now()
    if Path("/proc/loadavg").exists():
        assert runnable is not None and runnable >= 0
    else:
        assert runnable is None


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="Linux's /proc only")
def test_this_process_s_own_busy_threads_are_not_other_work() -> None:
    """A thread of this process that computes outside the interpreter lock (hashing, or
    numpy's math library spinning after its start) runs as this process's own: it is
    counted as such, never as another process keeping a core busy."""
    done = threading.Event()

    def hash_until_done() -> None:
        data = b"x" * 50_000_000
        while not done.is_set():
            hashlib.sha256(data).digest()  # releases the interpreter lock while it hashes

    worker = threading.Thread(target=hash_until_done)
    worker.start()
    try:
        time.sleep(0.05)
        assert max(own_running_threads() for _ in range(20)) >= 2
    finally:
        done.set()
        worker.join()
    assert own_running_threads() >= 1


@pytest.mark.slow
def test_many_small_files_count_as_work(tmp_path: Path) -> None:
    assert default_jobs(items(tmp_path / "few", [100] * 10), 4) == 1
    assert default_jobs(items(tmp_path / "many", [100] * 40_000), 4) == 4


def test_what_is_asked_for_runs(tmp_path: Path) -> None:
    assert choose_jobs(3, items(tmp_path / "seeds", [100])) == 3
    with pytest.raises(UsageError):
        choose_jobs(-1, [])


def test_one_large_file_gets_no_pool(tmp_path: Path) -> None:
    assert default_jobs(items(tmp_path / "seeds", [100 * MB]), 8) == 1
