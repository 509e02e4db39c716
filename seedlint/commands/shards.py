"""Where the fixed records of a corpus go: JSON Lines shards (``RecordSink``, plain or
compressed) or Parquet shards (``ParquetSink``), one fixed copy per input shard under
the same name. The local engine and each Dask task choose their sink here, so that both
write the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from seedlint.commands.sinks import RecordSink, ShardWriter
from seedlint.commands.work import Fixed
from seedlint.io.parquet import ParquetShardWriter
from seedlint.io.records import Record
from seedlint.io.sources import Item


def shard_sink(
    parquet: bool, output: Path | None, root: Path | None, shards: list[Path], text_field: str
) -> RecordSink:
    """The sink for a run's shards."""
    return (
        ParquetSink(output, root, shards, text_field)
        if parquet
        else RecordSink(output, root, shards)
    )


class _ParquetWriter(ShardWriter):
    """An atomic write of a Parquet copy: rows go in, row groups come out."""

    def __init__(self, path: Path, root: Path | None, source: Path, text_field: str) -> None:
        super().__init__(path, root)
        try:
            self.rows = ParquetShardWriter(source, self.stream, text_field)
        except BaseException:
            super().abort()
            raise

    def put(self, text: str | None, keep: bool) -> None:
        self.rows.put(text, keep)

    def commit(self) -> None:
        self.rows.close()
        super().commit()

    def abort(self) -> None:
        self.rows.discard()
        super().abort()


class ParquetSink(RecordSink):
    """Each Parquet file written whole: the text column replaced by the fixed texts (a
    row that could not be fixed keeps its value), every other column as it was, row
    groups as they were; rows left out of the fixed corpus are filtered out."""

    def __init__(
        self, output: Path | None, root: Path | None, shards: list[Path], text_field: str
    ) -> None:
        super().__init__(output, root, shards)
        self.text_field = text_field

    def _writer(self, item: Item, target: Path, root: Path | None) -> Any:
        assert item.shard is not None
        return _ParquetWriter(target, root, item.shard, self.text_field)

    def _write(self, record: Record, result: Fixed) -> None:
        self.writer.put(result.fixed if result.changed else record.text, True)

    def _skip(self, result: Fixed) -> None:
        if self.writer is not None and result.dropped:
            self.writer.put(None, False)

    def _write_empty(self, shard: Path, target: Path) -> None:
        writer = _ParquetWriter(target, self.root, shard, self.text_field)
        writer.commit()
