"""Parsed copies in the user's cache folder: one per kind, written through no link, and the
codespell vocabulary kept beside the parsed list."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from seedlint.kinds import _wordlists
from seedlint.kinds._wordlists import keep_data


def test_copies_of_other_sources_are_removed_and_other_kinds_left(tmp_path: Path) -> None:
    others = [tmp_path / f"codespell-{n}-1.json" for n in range(3)]
    for old in others:
        old.write_bytes(b"{}")
    unrelated = tmp_path / "wordclass-1-1.json"
    unrelated.write_bytes(b"{}")
    copy = tmp_path / "codespell-9-9.json"
    keep_data(copy, b'{"teh": "the"}', ("codespell-*.json",))
    assert copy.read_bytes() == b'{"teh": "the"}'
    assert not any(old.exists() for old in others)
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
