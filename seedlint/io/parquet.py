"""Parquet shards: the documents of one text column, read a row group at a time, and the
fixed copy written with that column replaced and every other column as it was.

pyarrow (the extra ``seedlint[parquet]``) reads and writes the files. Each row is a
``Record`` with no bytes of its own (``raw`` is empty): its number is the row's, counted
from 1, and its identifier the id column's value (or the row number). A row whose text is
null is not a usable record. Memory is bounded by one row group of the text and id
columns when reading, and one whole row group when writing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from seedlint.io.atomic import FileState
from seedlint.io.reading import Unreadable
from seedlint.io.records import Record
from seedlint.io.sources import Item, Problem, open_shard, record_item

PARQUET_SUFFIXES = (".parquet",)
PYARROW_MISSING = "reading Parquet needs pyarrow: pip install 'seedlint[parquet]'"


def _pyarrow(path: Path) -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise Unreadable(path, PYARROW_MISSING) from None
    return pyarrow, pyarrow.parquet


def open_parquet(path: Path, stream: BinaryIO, text_field: str) -> Any:
    """The ``pyarrow.parquet.ParquetFile`` over ``stream``; Unreadable when it is not a
    Parquet file or has no string column ``text_field``. Its ``close_parquet`` closes it."""
    pa, pq = _pyarrow(path)
    try:
        parquet = pq.ParquetFile(_arrow_file(pa, stream))
    except (pa.ArrowException, OSError) as error:
        raise Unreadable(path, f"not a Parquet file ({_first_line(error)})") from None
    schema = parquet.schema_arrow
    kind = schema.field(text_field).type if text_field in schema.names else None
    problem = None
    if kind is None:
        problem = f"no column '{text_field}'"
    elif not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        problem = f"the column '{text_field}' holds {kind}, not strings"
    if problem is not None:
        close_parquet(parquet)
        raise Unreadable(path, problem)
    return parquet


def _arrow_file(pa: Any, stream: BinaryIO) -> Any:
    """An Arrow file over the file ``stream`` has open (its descriptor, never its name
    again, so what is read is what was opened). Buffers read through a Python file hold
    Python objects, and Arrow's worker threads may drop the last of them while the
    interpreter shuts down, which aborts the process (apache/arrow#34314); Arrow's own
    buffers need no interpreter. Without ``/dev/fd`` Arrow reads the Python file."""
    descriptor = f"/dev/fd/{stream.fileno()}"
    return pa.OSFile(descriptor) if os.path.exists(descriptor) else stream


def close_parquet(parquet: Any) -> None:
    """Closes the file ``open_parquet`` gave Arrow."""
    parquet.close(force=True)


def parquet_records(parquet: Any, text_field: str, id_field: str) -> Iterator[Record]:
    """The rows of a Parquet file as records, a row group at a time."""
    columns = [text_field]
    has_id = id_field in parquet.schema_arrow.names and id_field != text_field
    if has_id:
        columns.append(id_field)
    number = 0
    for group in range(parquet.num_row_groups):
        table = parquet.read_row_group(group, columns=columns)
        texts = table.column(text_field).to_pylist()
        ids = table.column(id_field).to_pylist() if has_id else [None] * len(texts)
        for text, identifier in zip(texts, ids, strict=True):
            number += 1
            name = _identifier(identifier, number)
            if text is None:
                error = f"no string field '{text_field}' (null)"
                yield Record(number, b"", None, name, None, error)
            else:
                yield Record(number, b"", text, name, None, None)


def _identifier(value: object, number: int) -> str:
    if value is None:
        return str(number)
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return str(value)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def row_text(path: Path, number: int, text_field: str) -> str | None:
    """The text of row ``number`` (from 1), read again; None when it cannot be."""
    try:
        with open(path, "rb") as stream:
            parquet = open_parquet(path, stream, text_field)
            try:
                for group in range(parquet.num_row_groups):
                    rows = parquet.metadata.row_group(group).num_rows
                    if number <= rows:
                        table = parquet.read_row_group(group, columns=[text_field])
                        value = table.column(text_field)[number - 1].as_py()
                        return value if isinstance(value, str) else None
                    number -= rows
            finally:
                close_parquet(parquet)
    except (Unreadable, OSError):
        return None
    return None


class ParquetShardWriter:
    """A fixed copy of a Parquet file: rows come in order with their text (fixed or as it
    was) or left out; each row group is written when its last row arrives, with only the
    text column replaced. ``stream`` is the atomic write's file."""

    def __init__(self, source: Path, stream: IO[bytes], text_field: str) -> None:
        pa, pq = _pyarrow(source)
        self.pa = pa
        self.input = open(source, "rb")  # noqa: SIM115 (open until close or discard)
        try:
            self.parquet = open_parquet(source, self.input, text_field)
        except BaseException:
            self.input.close()
            raise
        try:
            schema = self.parquet.schema_arrow
            self.column = schema.get_field_index(text_field)
            self.field = schema.field(text_field)
            metadata = self.parquet.metadata
            codec = metadata.row_group(0).column(0).compression if metadata.num_row_groups else None
            self.writer = pq.ParquetWriter(
                stream, schema, compression=_codec(codec), store_schema=True
            )
        except BaseException:
            self.discard()
            raise
        self.group = 0
        self.texts: list[str | None] = []
        self.kept: list[bool] = []

    def put(self, text: str | None, keep: bool = True) -> None:
        self.texts.append(text)
        self.kept.append(keep)
        while self.group < self.parquet.num_row_groups and len(self.texts) >= self._rows():
            self._flush()

    def _rows(self) -> int:
        rows: int = self.parquet.metadata.row_group(self.group).num_rows
        return rows

    def _flush(self) -> None:
        rows = self._rows()
        table = self.parquet.read_row_group(self.group)
        texts, self.texts = self.texts[:rows], self.texts[rows:]
        kept, self.kept = self.kept[:rows], self.kept[rows:]
        column = self.pa.array(texts, type=self.field.type)
        table = table.set_column(self.column, self.field, column)
        if not all(kept):
            table = table.filter(self.pa.array(kept, type=self.pa.bool_()))
        if table.num_rows or rows == 0:
            self.writer.write_table(table, row_group_size=max(1, table.num_rows))
        self.group += 1

    def close(self) -> None:
        """Writes what remains (row groups without rows) and the footer."""
        try:
            while self.group < self.parquet.num_row_groups:
                self._flush()
            self.writer.close()
        finally:
            self.discard()

    def discard(self) -> None:
        close_parquet(self.parquet)
        self.input.close()


def _codec(name: str | None) -> str:
    """pyarrow's name of the codec the original used (snappy when it cannot say)."""
    known = {"SNAPPY": "snappy", "GZIP": "gzip", "ZSTD": "zstd", "BROTLI": "brotli"}
    known.update({"LZ4": "lz4", "LZ4_RAW": "lz4", "UNCOMPRESSED": "none"})
    return known.get(str(name).upper(), "snappy")


def parquet_shard_items(
    file: Path, shown: str, relative: str | None, text_field: str, id_field: str
) -> Iterator[Item]:
    """The rows of one Parquet file, named after ``shown``; a file that cannot be read to
    its end ends with an item that carries the problem and no record."""
    try:
        raw = open_shard(file)
    except Unreadable as unreadable:
        yield Item(shown, relative, problem=Problem(str(unreadable)), shard=file)
        return
    state = FileState.of(os.fstat(raw.fileno()))
    number = 0
    with raw:
        try:
            parquet = open_parquet(file, raw, text_field)
            try:
                for record in parquet_records(parquet, text_field, id_field):
                    number = record.number
                    yield record_item(record, shown, relative, file, state)
            finally:
                close_parquet(parquet)
        except Unreadable as unreadable:
            yield Item(shown, relative, problem=Problem(str(unreadable)), shard=file)
        except Exception as error:  # pyarrow's errors have no common base but Exception
            where = f" after row {number}" if number else ""
            message = f"{shown}: cannot read{where}: {_first_line(error)}; the rest is not read"
            yield Item(shown, relative, problem=Problem(message), shard=file)
