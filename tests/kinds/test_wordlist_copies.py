"""Parsed copies in the user's cache folder: one per kind, written through no link, and the
codespell vocabulary kept beside the parsed list."""

from __future__ import annotations

import os
from collections.abc import Callable
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
    (copy,) = tmp_path.glob("vocabulary-codespell-*.txt")
    _wordlists.keep_strings(copy, ["zzyzx"], ())
    _wordlists.vocabulary.cache_clear()
    assert _wordlists.vocabulary("codespell") == {"zzyzx"}  # what is read is the copy
    copy.write_bytes(b'{"not": "a list"}')
    _wordlists.vocabulary.cache_clear()
    assert _wordlists.vocabulary("codespell") == gathered
    _wordlists.vocabulary.cache_clear()


@pytest.mark.parametrize(
    "strings", [[], [""], ["teh", "the"], ["a", "", "b|c", "déjà", "x y"], ["", ""]]
)
def test_kept_strings_read_back_as_written(tmp_path: Path, strings: list[str]) -> None:
    copy = tmp_path / "strings.txt"
    _wordlists.keep_strings(copy, strings, ())
    assert _wordlists.read_strings(copy) == strings


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[:-1],  # cut short
        lambda data: data + b"\nmore",
        lambda data: data.replace(b"teh", b"tex"),
        lambda data: data.replace(b"seedlint strings 1 ", b"seedlint strings 1 3"),
        lambda data: data.replace(b" 2 ", b" 3 ", 1),  # another count
        lambda data: data.replace(b"seedlint strings 1", b"seedlint strings 2"),
        lambda data: data[: data.index(b"\n")] + b"\n\xff\xfe",
    ],
)
def test_a_damaged_copy_of_strings_is_not_read(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    copy = tmp_path / "strings.txt"
    _wordlists.keep_strings(copy, ["teh", "the"], ())
    copy.write_bytes(damage(copy.read_bytes()))
    assert _wordlists.read_strings(copy) is None
    assert _wordlists.read_strings(tmp_path / "missing.txt") is None


def test_the_kept_table_is_the_parsed_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEEDLINT_WORDLIST_CACHE", str(tmp_path))
    _wordlists.load_list.cache_clear()
    parsed = _wordlists.parse(_wordlists.source_of("codespell").read_text(encoding="utf-8"))
    try:
        assert _wordlists.load_list("codespell") == parsed  # parsed, and kept
        _wordlists.load_list.cache_clear()
        read = _wordlists.load_list("codespell")
        assert read == parsed and list(read) == list(parsed)  # the same order too
    finally:
        _wordlists.load_list.cache_clear()
