"""Without an extra installed, what needs it is one line and exit code 2: Dask for
--engine dask, zstandard for .zst shards, pyarrow for --parquet. Each package is hidden
by a module of the same name, first on the path, that cannot be imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_seedlint
from corpus_shards import jsonl_bytes

pytestmark = pytest.mark.e2e


def _without(tmp_path: Path, package: str) -> dict[str, str]:
    hidden = tmp_path / "hidden" / package
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text(f"raise ImportError('No module named {package}')\n")
    return {"PYTHONPATH": str(tmp_path / "hidden")}


@pytest.mark.parametrize(
    ("package", "shard", "args", "message"),
    [
        ("distributed", "a.jsonl", ["--jsonl", "--engine", "dask"],
         "--engine dask needs Dask: pip install 'seedlint[dask]'"),
        ("zstandard", "a.jsonl.zst", ["--jsonl"],
         "a.jsonl.zst: a .zst file needs the zstandard package: pip install 'seedlint[zstd]'"),
        ("pyarrow", "a.parquet", ["--parquet"],
         "a.parquet: reading Parquet needs pyarrow: pip install 'seedlint[parquet]'"),
    ],
)  # fmt: skip
def test_a_missing_extra_is_one_line(
    tmp_path: Path, package: str, shard: str, args: list[str], message: str
) -> None:
    (tmp_path / shard).write_bytes(jsonl_bytes(2))
    result = run_seedlint(
        "check", "--isolated", shard, *args, cwd=tmp_path, env=_without(tmp_path, package)
    )
    assert result.returncode == 2
    assert result.stderr == f"seedlint: error: {message}\n"
