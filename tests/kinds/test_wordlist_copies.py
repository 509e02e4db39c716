"""Parsed copies in the user's cache folder: one per kind, written through no link, and the
codespell vocabulary kept beside the parsed list."""

from __future__ import annotations

import os
import zlib
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
    _wordlists.load_table.cache_clear()
    _wordlists.load_list.cache_clear()
    parsed = _wordlists.parse(_wordlists.source_of("codespell").read_text(encoding="utf-8"))
    phrases = [key for key in parsed if " " in key]
    try:
        first = _wordlists.load_table("codespell")  # parsed, and kept
        _wordlists.load_table.cache_clear()
        read = _wordlists.load_table("codespell")  # read from the copy
        for table in (first, read):
            assert list(table.phrases) == phrases  # in the list's order
            assert {**table.words(), **table.phrases} == parsed
            assert all(table.get(w) == parsed[w] for w in parsed if " " not in w)
            assert table.get("zzyzx") is None and table.get("") is None
        _wordlists.load_list.cache_clear()
        assert _wordlists.load_list("codespell") == parsed
    finally:
        _wordlists.load_table.cache_clear()
        _wordlists.load_list.cache_clear()


TABLE = {"teh": "the", "tehy": "they|", "a lot": "alot|", "ab": "a|b", "é": "e", "x y": "z"}


def test_a_table_reads_back_as_written() -> None:
    table = _wordlists.Table.of(TABLE)
    read = _wordlists._read_table(table.copy_data())
    assert read is not None
    assert read.phrases == {"a lot": "alot|", "x y": "z"}
    assert read.words() == {k: v for k, v in TABLE.items() if " " not in k}
    assert [read.get(w) for w in ("teh", "tehy", "ab", "é", "te", "a lot")] == [
        "the", "they|", "a|b", "e", None, None,
    ]  # fmt: skip


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[:-1],  # cut short
        lambda data: data + b"\nmore",
        lambda data: data.replace(b"teh", b"tex"),
        lambda data: data.replace(b"word table ", b"word table 9"),  # another format
    ],
)
def test_a_damaged_table_is_not_read(damage: Callable[[bytes], bytes]) -> None:
    data = _wordlists.Table.of(TABLE).copy_data()
    assert _wordlists._read_table(damage(data)) is None


def test_a_made_table_that_is_not_utf8_is_not_read() -> None:
    """A copy whose checksum fits but which is not UTF-8 is refused when read, so that no
    lookup fails later."""
    body = b"\nte\x1eteh\x1eth\xff"
    head = f"{_wordlists.TABLE_FORMAT} {len(body)} {zlib.crc32(body)}\n".encode()
    assert _wordlists._read_table(head + body) is None
    body = b"a\x1eb\x1ec\nte\x1eteh\x1ethe"  # phrases that are not pairs
    head = f"{_wordlists.TABLE_FORMAT} {len(body)} {zlib.crc32(body)}\n".encode()
    assert _wordlists._read_table(head + body) is None
