"""Parsed copies in the user's cache folder: environments with other installed sources keep
their copies (up to a few), so that they do not remove each other's at every run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from seedlint.kinds import _wordlists
from seedlint.kinds._wordlists import COPIES_KEPT, keep_data


def test_the_newest_copies_of_other_sources_are_kept(tmp_path: Path) -> None:
    others = [tmp_path / f"codespell-{n}-1.json" for n in range(6)]
    for age, old in enumerate(others):  # others[0] is the newest
        old.write_bytes(b"{}")
        os.utime(old, ns=(10**18 - age * 10**9, 10**18 - age * 10**9))
    unrelated = tmp_path / "wordclass-1-1.json"
    unrelated.write_bytes(b"{}")
    copy = tmp_path / "codespell-9-9.json"
    keep_data(copy, b'{"teh": "the"}', ("codespell-*.json",))
    assert copy.read_bytes() == b'{"teh": "the"}'
    kept = sorted(p.name for p in tmp_path.glob("codespell-*.json") if p != copy)
    assert kept == sorted(p.name for p in others[: COPIES_KEPT - 1])
    assert unrelated.exists()


def test_a_copy_is_written_through_no_link(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_bytes(b"mine")
    copy = tmp_path / "cache" / "codespell-1-1.json"
    copy.parent.mkdir()
    copy.with_name(f".{copy.name}.{os.getpid()}.tmp").symlink_to(target)
    keep_data(copy, b"{}", ("codespell-*.json",))
    assert target.read_bytes() == b"mine"


def test_the_vocabulary_is_kept_and_a_damaged_copy_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEEDLINT_WORDLIST_CACHE", str(tmp_path))
    _wordlists.vocabulary.cache_clear()
    gathered = _wordlists._vocabulary(_wordlists.load_list("codespell"))
    assert "government" in gathered
    assert _wordlists.vocabulary("codespell") == gathered  # gathered, and kept
    (copy,) = tmp_path.glob("vocabulary-codespell-*.json")
    copy.write_bytes(b'["zzyzx"]')
    _wordlists.vocabulary.cache_clear()
    assert _wordlists.vocabulary("codespell") == {"zzyzx"}  # what is read is the copy
    copy.write_bytes(b'{"not": "a list"}')
    _wordlists.vocabulary.cache_clear()
    assert _wordlists.vocabulary("codespell") == gathered
    _wordlists.vocabulary.cache_clear()
