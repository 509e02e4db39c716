"""The worker pool (seedlint.io.pool) changes speed, never output; and Ctrl-C at a
terminal stops the workers with the parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_seedlint
from helpers import many_seeds
from seedlint.io.pool import ordered_map


@pytest.mark.e2e
def test_workers_give_the_same_output_as_one_process(wikinews_folder: Path) -> None:
    one = run_seedlint("check", str(wikinews_folder), "--no-cache", "-j", "1", "--format", "json")
    two = run_seedlint("check", str(wikinews_folder), "--no-cache", "-j", "2", "--format", "json")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and len(one.stdout) > 1000


def _square(item: int, context: int) -> int:
    return item * item + context


@pytest.mark.e2e
@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_order_with_their_items_across_windows(jobs: int) -> None:
    items = range(5000)  # more than one window
    assert list(ordered_map(_square, iter(items), 7, jobs)) == [(i, i * i + 7) for i in items]


@pytest.mark.slow
def test_ctrl_c_at_a_terminal_stops_a_parallel_check_without_tracebacks(tmp_path: Path) -> None:
    """A terminal sends SIGINT to the whole process group: the workers too."""
    many_seeds(tmp_path / "seeds", 1500, 8)
    process = subprocess.Popen(
        [sys.executable, "-m", "seedlint", "check", "--no-cache", "--jobs", "2", "seeds"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None and process.stdout.readline()  # results are coming
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert stderr == "seedlint: interrupted\n"
