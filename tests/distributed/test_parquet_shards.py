"""Parquet shards (--parquet): the text column checked row by row, row groups read one at
a time; the fixed copy has the same name, schema, row groups and every other column as
they were, with only the text column replaced by the texts the JSON Lines fix writes."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from conftest import run_seedlint
from corpus_shards import jsonl_bytes, write_parquet

pytestmark = pytest.mark.e2e

pa = pytest.importorskip("pyarrow", reason="the parquet extra (seedlint[parquet]) is missing")
pq = pytest.importorskip("pyarrow.parquet")

ROWS, GROUP = 40, 15


def test_rows_are_checked_with_their_ids_and_a_null_text_is_one_line(tmp_path: Path) -> None:
    write_parquet(tmp_path / "part.parquet", ROWS, GROUP, nulls=(5,))
    result = run_seedlint(
        "check", "--isolated", "--parquet", "part.parquet", "--text-field", "body",
        "--format", "json", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2  # the null row
    assert result.stderr == ("seedlint: error: part.parquet:6: no string field 'body' (null)\n")
    names = {entry["filename"] for entry in json.loads(result.stdout)}
    assert names and all(name.startswith("part.parquet#doc-") for name in names)
    assert "part.parquet#doc-5" not in names


def test_a_fixed_copy_replaces_only_the_text_column(tmp_path: Path) -> None:
    write_parquet(tmp_path / "part.parquet", ROWS, GROUP, nulls=(5,))
    result = run_seedlint(
        "fix", "--isolated", "--parquet", "part.parquet", "--text-field", "body",
        "--output-dir", "out", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    before = pq.ParquetFile(tmp_path / "part.parquet")
    after = pq.ParquetFile(tmp_path / "out" / "part.parquet")
    assert after.schema_arrow == before.schema_arrow
    assert [after.metadata.row_group(g).num_rows for g in range(after.num_row_groups)] == [
        15, 15, 10,
    ]  # fmt: skip
    old, new = before.read(), after.read()
    for column in ("id", "score", "tags"):
        assert new.column(column).equals(old.column(column))
    texts = new.column("body").to_pylist()
    assert texts[5] is None  # a row that could not be fixed keeps its value
    # the texts are those the JSON Lines fix writes for the same documents
    (tmp_path / "same.jsonl").write_bytes(jsonl_bytes(ROWS))
    run_seedlint("fix", "--isolated", "--jsonl", "same.jsonl", "--output-dir", "out", cwd=tmp_path)
    lines = (tmp_path / "out" / "same.jsonl").read_text(encoding="utf-8").splitlines()
    expected = [json.loads(line)["text"] for line in lines]
    assert texts[:5] + texts[6:] == expected[:5] + expected[6:]
    assert texts != old.column("body").to_pylist()  # something was fixed


def test_an_empty_parquet_file_has_an_empty_copy(tmp_path: Path) -> None:
    write_parquet(tmp_path / "empty.parquet", 0, GROUP)
    result = run_seedlint(
        "fix", "--isolated", "--parquet", "empty.parquet", "--text-field", "body",
        "--output-dir", "out", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    copy = pq.read_table(tmp_path / "out" / "empty.parquet")
    assert copy.num_rows == 0 and copy.schema == pq.read_schema(tmp_path / "empty.parquet")


@pytest.mark.parametrize(
    ("content", "field", "message"),
    [
        (b"PAR1 not really", "body", "not a Parquet file"),
        (None, "nothing", "no column 'nothing'"),
        (None, "score", "the column 'score' holds double, not strings"),
    ],
)
def test_an_unusable_parquet_file_is_one_line(
    tmp_path: Path, content: bytes | None, field: str, message: str
) -> None:
    path = tmp_path / "part.parquet"
    if content is None:
        write_parquet(path, 3, GROUP)
    else:
        path.write_bytes(content)
    for command, *options in (("check", "--quiet"), ("fix", "--output-dir", "out")):
        result = run_seedlint(
            command, "--isolated", "--parquet", "part.parquet", "--text-field", field, *options,
            cwd=tmp_path,
        )  # fmt: skip
        assert result.returncode == 2
        errors = [line for line in result.stderr.splitlines() if "error" in line]
        assert len(errors) == 1
        assert errors[0].startswith(f"seedlint: error: part.parquet: {message}")
    assert not (tmp_path / "out" / "part.parquet").exists()


class CountedReads(io.FileIO):
    """A real file that counts the reads made through Python."""

    reads = 0

    def read(self, size: int = -1, /) -> bytes:
        CountedReads.reads += 1
        return super().read(size)

    def readinto(self, buffer: Any, /) -> int:
        CountedReads.reads += 1
        return super().readinto(buffer)


@pytest.mark.skipif(not os.path.exists("/dev/fd/0"), reason="no /dev/fd here")
def test_arrow_reads_the_open_file_itself_and_closes_what_it_opened(tmp_path: Path) -> None:
    # buffers read through a Python file hold Python objects that Arrow's threads may drop
    # while the interpreter shuts down, aborting the process; Arrow must read the file
    # itself, through the descriptor already open, and close its own descriptor after
    from seedlint.io.parquet import close_parquet, open_parquet

    path = tmp_path / "part.parquet"
    write_parquet(path, ROWS, GROUP)
    with CountedReads(path) as stream:
        parquet = open_parquet(path, stream, "body")
        path.unlink()  # what was opened is read, not what the name now holds
        write_parquet(path, 3, GROUP)
        texts = [
            t
            for g in range(parquet.num_row_groups)
            for t in parquet.read_row_group(g)["body"].to_pylist()
        ]
        opened = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
        close_parquet(parquet)
        if opened is not None:
            assert len(os.listdir("/proc/self/fd")) == opened - 1
        assert not stream.closed
    assert len(texts) == ROWS
    assert CountedReads.reads == 0
