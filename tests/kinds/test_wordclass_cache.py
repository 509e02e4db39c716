"""The word-class lexicon kept parsed in the cache folder: the same sets as reading
pyinflect's file, and a damaged copy is never trusted."""

from __future__ import annotations

from collections.abc import Iterator
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
    (copy,) = kept.glob("wordclass-*.json")
    _wordclass.lexicon.cache_clear()
    assert _wordclass.lexicon() == parsed  # read back
    # what is read is the copy, not the file parsed again
    copy.write_bytes(copy.read_bytes().replace(b'"adjectives":[', b'"adjectives":["zzyzx",'))
    _wordclass.lexicon.cache_clear()
    assert _wordclass.adjective("zzyzx")


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"lemmas": [1, 2]}', b"[]"])
def test_a_damaged_copy_is_parsed_again(kept: Path, damage: bytes) -> None:
    parsed = _wordclass.lexicon()
    (copy,) = kept.glob("wordclass-*.json")
    whole = copy.read_bytes()
    copy.write_bytes(damage)
    _wordclass.lexicon.cache_clear()
    assert _wordclass.lexicon() == parsed
    assert copy.read_bytes() == whole  # and kept again, whole
