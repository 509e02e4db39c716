"""JSON Lines shards compressed with gzip or zstd: checked as the plain shard is, fixed into
a copy of the same name and compression whose records are the plain fix's, byte for byte;
a shard cut short or not compressed as its name says is one line and exit 2, and no copy
of part of it is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_seedlint
from corpus_shards import compress, decompress, jsonl_bytes

pytestmark = pytest.mark.e2e

pytest.importorskip("zstandard", reason="the zstd extra (seedlint[zstd]) is not installed")

SUFFIXES = [".jsonl.gz", ".jsonl.zst"]


def _shard(folder: Path, suffix: str, data: bytes) -> Path:
    path = folder / f"corpus{suffix}"
    path.write_bytes(compress(data, suffix))
    return path


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_compressed_shard_is_checked_as_the_plain_one(tmp_path: Path, suffix: str) -> None:
    data = jsonl_bytes(30, bad_every=10)
    (tmp_path / "corpus.jsonl").write_bytes(data)
    _shard(tmp_path, suffix, data)
    plain = run_seedlint("check", "--isolated", "--jsonl", "corpus.jsonl", cwd=tmp_path)
    packed = run_seedlint("check", "--isolated", "--jsonl", f"corpus{suffix}", cwd=tmp_path)
    assert plain.returncode == packed.returncode == 2  # the bad lines
    assert "corpus.jsonl:11: not valid JSON" in plain.stderr
    assert packed.stdout == plain.stdout.replace("corpus.jsonl", f"corpus{suffix}")
    assert packed.stderr == plain.stderr.replace("corpus.jsonl", f"corpus{suffix}")
    assert packed.stdout.count(f"corpus{suffix}#doc-") >= 3


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_fixed_copy_keeps_name_and_compression(tmp_path: Path, suffix: str) -> None:
    data = jsonl_bytes(30, bad_every=10)
    (tmp_path / "corpus.jsonl").write_bytes(data)
    _shard(tmp_path, suffix, data)
    for name in ("corpus.jsonl", f"corpus{suffix}"):
        run_seedlint("fix", "--isolated", "--jsonl", name, "--output-dir", "out", cwd=tmp_path)
    plain = (tmp_path / "out" / "corpus.jsonl").read_bytes()
    packed = (tmp_path / "out" / f"corpus{suffix}").read_bytes()
    assert plain != data  # some records were fixed
    assert decompress(packed, suffix) == plain
    again = tmp_path / "again"
    run_seedlint(
        "fix", "--isolated", "--jsonl", f"corpus{suffix}", "--output-dir", str(again), cwd=tmp_path
    )
    assert (again / f"corpus{suffix}").read_bytes() == packed  # deterministic bytes


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_shard_cut_short_is_one_line_and_no_copy(tmp_path: Path, suffix: str) -> None:
    data = jsonl_bytes(40)
    whole = compress(data, suffix)
    (tmp_path / f"cut{suffix}").write_bytes(whole[: len(whole) * 2 // 3])
    result = run_seedlint("check", "--isolated", "--jsonl", f"cut{suffix}", cwd=tmp_path)
    assert result.returncode == 2
    told = [line for line in result.stderr.splitlines() if "cannot decompress" in line]
    assert len(told) == 1 and told[0].startswith(f"seedlint: error: cut{suffix}: ")
    fixed = run_seedlint(
        "fix", "--isolated", "--jsonl", f"cut{suffix}", "--output-dir", "out", cwd=tmp_path
    )
    assert fixed.returncode == 2
    assert not (tmp_path / "out" / f"cut{suffix}").exists()
    out = tmp_path / "out"
    assert not out.exists() or not list(out.iterdir())  # no temporary file left either


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_shard_not_compressed_as_named_is_one_line(tmp_path: Path, suffix: str) -> None:
    (tmp_path / f"plain{suffix}").write_bytes(jsonl_bytes(3))
    result = run_seedlint("check", "--isolated", "--jsonl", f"plain{suffix}", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"seedlint: error: plain{suffix}: cannot decompress: ")


def test_a_good_shard_goes_on_beside_a_broken_one(tmp_path: Path) -> None:
    data = jsonl_bytes(12)
    (tmp_path / "a.jsonl.gz").write_bytes(compress(data, ".gz")[:-9])  # the trailer cut off
    (tmp_path / "b.jsonl.gz").write_bytes(compress(data, ".gz"))
    result = run_seedlint(
        "fix", "--isolated", "--jsonl", "a.jsonl.gz", "b.jsonl.gz", "--output-dir", "out",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.jsonl.gz"]
    assert len(decompress((tmp_path / "out" / "b.jsonl.gz").read_bytes(), ".gz").splitlines()) == 12
