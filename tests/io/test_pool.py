"""The worker pool changes speed, never output."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_seedlint
from seedlint.io.pool import ordered_map
from wikinews import seeds


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in seeds("en"):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_workers_give_the_same_output_as_one_process(corpus: Path) -> None:
    one = run_seedlint("check", str(corpus), "--no-cache", "-j", "1", "--format", "json")
    two = run_seedlint("check", str(corpus), "--no-cache", "-j", "2", "--format", "json")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and len(one.stdout) > 1000


def _square(item: int, context: int) -> int:
    return item * item + context


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_order_with_their_items_across_windows(jobs: int) -> None:
    items = range(5000)  # more than one window
    assert list(ordered_map(_square, iter(items), 7, jobs)) == [(i, i * i + 7) for i in items]
