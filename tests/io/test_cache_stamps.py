"""A re-run serves unchanged files from the cache without reading them, and a file written
since, even to the same size and modification time, is checked again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import msgspec
import pytest

from conftest import run_seedlint, seed
from seedlint.io import cache as cache_module
from seedlint.io.corpus_store import digest

# a typo, and the same text with a word of the same length in its place
TYPO = seed("The minister said that the goverment agreed to the plan on Monday morning.")
SAME_SIZE = TYPO.replace("goverment", "authority")
A_FOUND = '"filename": "seeds/a.txt"'  # a finding on a.txt
PAST_RACY = cache_module.RACY_NS / 1e9 + 0.2  # seconds after which a status can be kept


def stamps(cache: Path) -> dict[str, cache_module.Stamp]:
    [file] = cache.glob("*.msgpack")
    return msgspec.msgpack.decode(file.read_bytes(), type=cache_module.CacheFile).files


def check(folder: Path, cache: Path) -> str:
    result = run_seedlint("check", "--format", "json", "--cache-dir", str(cache), "seeds",
                          cwd=folder)  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


@pytest.mark.e2e
def test_unchanged_files_are_served_and_a_rewritten_one_is_checked(tmp_path: Path) -> None:
    seeds, cache = tmp_path / "seeds", tmp_path / "cache"
    seeds.mkdir()
    (seeds / "a.txt").write_text(SAME_SIZE, encoding="utf-8")  # clean: never read when served
    (seeds / "b.txt").write_text(TYPO, encoding="utf-8")
    time.sleep(PAST_RACY)
    cold = check(tmp_path, cache)
    assert A_FOUND not in cold and "goverment" in cold
    assert sorted(Path(p).name for p in stamps(cache)) == ["a.txt", "b.txt"]
    assert check(tmp_path, cache) == cold  # served: the same report, byte for byte
    # the clean file rewritten with a typo, to the same size and modification time: only
    # its change time tells
    before = (seeds / "a.txt").stat()
    (seeds / "a.txt").write_text(TYPO, encoding="utf-8")
    os.utime(seeds / "a.txt", ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (seeds / "a.txt").stat().st_size == before.st_size
    after = check(tmp_path, cache)
    assert A_FOUND in after
    assert (
        after
        == run_seedlint("check", "--format", "json", "--no-cache", "seeds", cwd=tmp_path).stdout
    )


@pytest.mark.e2e
def test_a_file_changed_just_now_gets_no_stamp(tmp_path: Path) -> None:
    seeds, cache = tmp_path / "seeds", tmp_path / "cache"
    seeds.mkdir()
    (seeds / "a.txt").write_text(TYPO, encoding="utf-8")
    check(tmp_path, cache)
    assert stamps(cache) == {}  # a write in the same clock tick could go unseen


def test_the_content_digest_is_the_corpus_stores() -> None:
    for data in (b"", TYPO.encode(), bytes(range(256))):
        assert cache_module.content_digest(data) == digest(data)
