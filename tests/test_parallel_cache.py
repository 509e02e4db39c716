"""Parallel workers and the results cache change speed, never output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, run_seedlint, seed
from wikinews import seeds


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 288 English articles as seeds, plus the raw sample: enough files for workers."""
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in seeds("en"):
        (folder / name).write_text(text, encoding="utf-8")
    shutil.copy(SAMPLE, folder / "sample.txt")
    return folder


def test_workers_give_the_same_output_as_one_process(corpus: Path) -> None:
    one = run_seedlint("check", str(corpus), "--no-cache", "-j", "1", "--format", "json")
    two = run_seedlint("check", str(corpus), "--no-cache", "-j", "2", "--format", "json")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and len(one.stdout) > 1000


def test_cache_is_written_reused_and_invalidated_by_content(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run_seedlint("check", str(corpus), "--cache-dir", str(cache), "--format", "json")
    files = list(cache.glob("*.pickle"))
    assert len(files) == 1 and files[0].stat().st_size > 1000
    second = run_seedlint("check", str(corpus), "--cache-dir", str(cache), "--format", "json")
    assert second.stdout == first.stdout
    changed = corpus / "0001.txt"
    original = changed.read_text(encoding="utf-8")
    try:
        changed.write_text(original.replace(" the ", " teh ", 1), encoding="utf-8")
        third = run_seedlint("check", str(changed), "--cache-dir", str(cache), "--format", "json")
        assert "'teh' is a misspelling" in third.stdout
    finally:
        changed.write_text(original, encoding="utf-8")


def test_cache_depends_on_the_rules(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(seed("The goverment agreed."), encoding="utf-8")
    cache = tmp_path / "cache"
    assert run_seedlint("check", "a.txt", "--cache-dir", str(cache), cwd=tmp_path).returncode == 1
    ignored = run_seedlint(
        "check", "a.txt", "--cache-dir", str(cache), "--ignore", "SL203", cwd=tmp_path
    )
    assert ignored.returncode == 0


def test_no_cache_writes_nothing_and_default_folder_is_ignored_by_git(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(seed("Clean."), encoding="utf-8")
    run_seedlint("check", "a.txt", "--no-cache", cwd=tmp_path)
    assert not (tmp_path / ".seedlint_cache").exists()
    run_seedlint("check", "a.txt", cwd=tmp_path)
    assert (tmp_path / ".seedlint_cache" / ".gitignore").read_text() == "*\n"


def test_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(seed("The goverment agreed."), encoding="utf-8")
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    result = run_seedlint("check", "a.txt", "--cache-dir", str(blocker / "cache"), cwd=tmp_path)
    assert result.returncode == 1 and "goverment" in result.stdout


def test_parsed_word_list_is_kept_and_a_damaged_copy_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(seed("The goverment agreed."), encoding="utf-8")
    env = {"SEEDLINT_WORDLIST_CACHE": str(tmp_path / "lists")}
    first = run_seedlint("check", "a.txt", "--no-cache", cwd=tmp_path, env=env)
    copies = list((tmp_path / "lists").glob("codespell-*.marshal"))
    assert len(copies) == 1 and copies[0].stat().st_size > 100_000
    copies[0].write_bytes(b"damaged")
    second = run_seedlint("check", "a.txt", "--no-cache", cwd=tmp_path, env=env)
    assert first.stdout == second.stdout and "goverment" in second.stdout
    assert copies[0].stat().st_size > 100_000  # written again


def test_a_warm_run_with_workers_keeps_the_cache(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for _ in range(3):
        run_seedlint("check", str(corpus), "--cache-dir", str(cache), "-j", "2")
        [file] = cache.glob("*.pickle")
        assert file.stat().st_size > 1000  # hits found by workers are kept by the parent
