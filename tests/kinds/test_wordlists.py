"""Bundled word lists: parsed once, kept as data in the user cache, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_seedlint, seed

pytestmark = pytest.mark.e2e


def test_parsed_word_list_is_kept_and_a_damaged_copy_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(seed("The goverment agreed."), encoding="utf-8")
    lists = tmp_path / "lists"
    env = {"SEEDLINT_WORDLIST_CACHE": str(lists)}
    first = run_seedlint("check", "a.txt", "--no-cache", cwd=tmp_path, env=env)
    [copy] = lists.glob("codespell-*.txt")
    assert copy.stat().st_size > 100_000
    copy.write_bytes(b'{"goverment": 5}')  # valid JSON, not a table of strings
    second = run_seedlint("check", "a.txt", "--no-cache", cwd=tmp_path, env=env)
    assert first.stdout == second.stdout and "goverment" in second.stdout
    assert copy.stat().st_size > 100_000  # written again


def test_copies_made_for_other_installed_lists_are_pruned(tmp_path: Path) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    old = [lists / "codespell-1-2.marshal", lists / "codespell-3-4.json"]
    for path in old:
        path.write_bytes(b"old")
    (tmp_path / "a.txt").write_text(seed("Clean."), encoding="utf-8")
    env = {"SEEDLINT_WORDLIST_CACHE": str(lists)}
    run_seedlint("check", "a.txt", "--no-cache", cwd=tmp_path, env=env)
    assert not any(p.exists() for p in old)
    assert len(list(lists.glob("codespell-*.txt"))) == 1
