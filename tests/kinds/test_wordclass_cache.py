"""The word-class lexicon kept parsed in the cache folder: the same sets as reading
pyinflect's file, and a damaged copy is never trusted."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from seedlint.kinds import _wordclass

pytestmark = pytest.mark.skipif(_wordclass.source() is None, reason="pyinflect not installed")


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SEEDLINT_WORDLIST_CACHE", str(tmp_path))
    _wordclass.lexicon.cache_clear()
    yield tmp_path
    _wordclass.lexicon.cache_clear()


def test_the_kept_lexicon_is_the_parsed_one(kept: Path) -> None:
    parsed = _wordclass._parse(_wordclass.source())
    assert _wordclass.lexicon() == parsed  # parsed, and kept
    assert "report" in parsed.verb_bases and "reported" in parsed.past_tenses
    (copy,) = kept.glob("wordclass-*.txt")
    _wordclass.lexicon.cache_clear()
    read = _wordclass.lexicon()
    assert read == parsed  # read back
    for name in _wordclass.SETS:  # every word of every set found by lookups too
        words = getattr(parsed, name).all()
        assert all(word in getattr(read, name) for word in words)
        assert "zzyzx" not in getattr(read, name) and "" not in getattr(read, name)
    # what is read is the copy, not the file parsed again
    changed = _wordclass.Lexicon(
        parsed.lemmas,
        parsed.nouns,
        _wordclass.Words.of([*parsed.adjectives.all(), "zzyzx"]),
        parsed.verb_bases,
        parsed.past_tenses,
    )
    copy.write_bytes(_wordclass._copy_of(changed))
    _wordclass.lexicon.cache_clear()
    assert _wordclass.adjective("zzyzx")


def test_words_are_the_set_they_were_made_of() -> None:
    words = {"a", "ab", "abc", "abd", "b", "", "xyz", "zebra", "éclair", "éa"}
    made = _wordclass.Words.of(words)
    assert made.all() == frozenset(words)
    assert all(word in made for word in words)
    assert not any(word in made for word in ("abe", "x", "zebras", "c", "ba"))
    assert made == _wordclass.Words.of(sorted(words, reverse=True))
    assert made != _wordclass.Words.of(words - {""})


def _one_byte_changed(data: bytes) -> bytes:
    at = data.index(b"\n") + 100
    return data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"{not the format",
        lambda data: data[: len(data) // 2],  # cut short
        _one_byte_changed,
        lambda data: data.replace(b"seedlint word classes 1", b"seedlint word classes 9"),
    ],
)
def test_a_damaged_copy_is_parsed_again(kept: Path, damage: Callable[[bytes], bytes]) -> None:
    parsed = _wordclass.lexicon()
    (copy,) = kept.glob("wordclass-*.txt")
    whole = copy.read_bytes()
    copy.write_bytes(damage(whole))
    _wordclass.lexicon.cache_clear()
    assert _wordclass.lexicon() == parsed
    assert copy.read_bytes() == whole  # and kept again, whole


def test_a_copy_of_the_old_format_is_replaced(kept: Path) -> None:
    status = _wordclass.source().stat()  # type: ignore[union-attr]
    old = kept / f"wordclass-{status.st_size}-{status.st_mtime_ns}.json"
    old.write_bytes(b'{"lemmas": []}')
    assert "report" in _wordclass.lexicon().verb_bases
    assert not old.exists()
    assert len(list(kept.glob("wordclass-*.txt"))) == 1


def test_a_copy_that_is_not_utf8_is_parsed_again(kept: Path) -> None:
    """A copy whose checksum fits but whose words are not UTF-8 (made, not damaged) is
    refused as a whole when read, not when a lookup reaches the bad bucket."""
    parsed = _wordclass.lexicon()
    (copy,) = kept.glob("wordclass-*.txt")
    body = b"nouns,ab,ab\xff"
    head = f"{_wordclass.FORMAT} {len(body)} {zlib.crc32(body)}\n".encode()
    assert _wordclass._read_copy(head + body) is None
    copy.write_bytes(head + body)
    _wordclass.lexicon.cache_clear()
    assert _wordclass.lexicon() == parsed
