"""The corpus index on disk: a data-only file, written atomically, checked on load.

Layout: 16 bytes of magic, the header's length (8 bytes) and CRC-32 (4 bytes, then 4 of
padding), the header as JSON, then the columns of the table as raw little-endian arrays,
each padded to 8 bytes, in a fixed order. The header names the format and its version,
the settings the index was built with, the counts every column's size follows from, and
the CRC-32 of the columns. Nothing in the file is ever executed or unpickled: the header
is decoded by msgspec against a fixed schema, the columns are copied out with
``numpy.frombuffer`` at dtypes and shapes computed here, and then every structural rule
(offsets that rise and stay in bounds, keys that decode and are unique, known flags) is
checked, so a file that loads can be used without any later step failing. A CRC-32 (not
a cryptographic hash) because it only has to catch damage; a forged file that passes it
is still only data, and what it claims is checked like anything else.

Writing goes to a temporary file in the same folder, which is flushed, synced and then
renamed over the old index, and the folder is synced: a reader sees the old index or the
new one, never a mixture, even across a crash.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import stat
import tempfile
import zlib
from pathlib import Path
from typing import Annotated, Any

import msgspec
import numpy as np
from msgspec.structs import asdict

from seedlint.corpus.order import ranks
from seedlint.corpus.settings import CorpusSettings
from seedlint.corpus.table import KNOWN_FLAGS, Table

MAGIC = b"seedlint-corpus\n"
FORMAT = "seedlint corpus index"
VERSION = 2  # 2: words hashed from their bytes with numpy (see minhash), not CRC-32
PREFIX = len(MAGIC) + 16  # magic, header length, header CRC-32, padding
MAX_HEADER = 1 << 16
ALIGNMENT = 8
Count = Annotated[int, msgspec.Meta(ge=0, le=2**48)]


class StoredSettings(msgspec.Struct, forbid_unknown_fields=True):
    shingle_words: int
    num_perm: int
    threshold: float
    boilerplate_min_documents: int
    boilerplate_share: float
    seed: int


class Header(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    version: int
    settings: StoredSettings
    documents: Count
    paragraphs: Count
    key_chars: Count
    key_bytes: Count
    columns_crc32: Annotated[int, msgspec.Meta(ge=0, lt=2**32)]


def _columns(header: Header) -> list[tuple[str, str, tuple[int, ...]]]:
    """(name, dtype, shape) of every column, in file order."""
    rows, entries = header.documents, header.paragraphs
    return [
        ("key_offsets", "<i8", (rows + 1,)),
        ("bodies", "<u8", (rows, 2)),
        ("titles", "<u8", (rows,)),
        ("signatures", "<u4", (rows, header.settings.num_perm)),
        ("paragraph_offsets", "<i8", (rows + 1,)),
        ("paragraph_hashes", "<u8", (entries,)),
        ("paragraph_spans", "<i8", (entries, 2)),
        ("flags", "u1", (rows,)),
        ("key_text", "u1", (header.key_bytes,)),
    ]


def _padded(size: int) -> int:
    return -(-size // ALIGNMENT) * ALIGNMENT


def _column_bytes(dtype: str, shape: tuple[int, ...]) -> int:
    return int(np.dtype(dtype).itemsize) * int(np.prod(shape, dtype=object))


class Rejected(Exception):
    """A reason why a file is not a usable index; never leaves this module."""


def encode(settings: CorpusSettings, table: Table) -> bytes:
    """The file's bytes: the same documents give the same bytes in any arrival order."""
    table = table.select(np.argsort(ranks(table.keys)).astype(np.int64))
    key_offsets = np.cumsum([0, *(len(key) for key in table.keys)], dtype=np.int64)
    key_text = "".join(table.keys).encode("utf-8", "surrogatepass")
    columns = {
        "key_offsets": key_offsets,
        "bodies": table.bodies,
        "titles": table.titles,
        "signatures": table.signatures,
        "paragraph_offsets": table.paragraph_offsets,
        "paragraph_hashes": table.paragraph_hashes,
        "paragraph_spans": table.paragraph_spans,
        "flags": table.flags,
        "key_text": np.frombuffer(key_text, np.uint8),
    }
    chunks = []
    for name, dtype, _ in _columns(_header(settings, table, len(key_text), 0)):
        raw = np.ascontiguousarray(columns[name], dtype=dtype).tobytes()
        chunks.append(raw + bytes(_padded(len(raw)) - len(raw)))
    payload = b"".join(chunks)
    header = msgspec.json.encode(_header(settings, table, len(key_text), zlib.crc32(payload)))
    head = len(header).to_bytes(8, "little") + zlib.crc32(header).to_bytes(4, "little")
    padding = bytes(_padded(len(header)) - len(header))
    return MAGIC + head + bytes(4) + header + padding + payload


def _header(settings: CorpusSettings, table: Table, key_bytes: int, crc: int) -> Header:
    return Header(
        FORMAT,
        VERSION,
        StoredSettings(**asdict(settings)),
        len(table),
        len(table.paragraph_hashes),
        sum(len(key) for key in table.keys),
        key_bytes,
        crc,
    )


def write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see the module docstring)."""
    folder = path.parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def read(path: Path) -> bytes | str:
    """The bytes of a regular file, or why they cannot be read. A FIFO or a device where
    the index should be is refused before anything is read from it."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return f"cannot open: {error.strerror or error}"
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return "not a regular file"
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read()
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    finally:
        os.close(handle)


def decode(
    data: bytes | memoryview, expected: CorpusSettings | None
) -> tuple[CorpusSettings, Table] | str:
    """The settings and table in ``data``, or the reason it is not a usable index (the
    columns are read where they lie in ``data``, without copying them)."""
    try:
        return _decode(memoryview(data), expected)
    except Rejected as reason:
        return str(reason)


def _decode(data: memoryview, expected: CorpusSettings | None) -> tuple[CorpusSettings, Table]:
    if len(data) < PREFIX or bytes(data[: len(MAGIC)]) != MAGIC:
        raise Rejected("not a seedlint corpus index")
    length = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 8], "little")
    crc = int.from_bytes(data[len(MAGIC) + 8 : len(MAGIC) + 12], "little")
    if length > MAX_HEADER or PREFIX + _padded(length) > len(data):
        raise Rejected("truncated or damaged header")
    raw_header = data[PREFIX : PREFIX + length]
    if zlib.crc32(raw_header) != crc:
        raise Rejected("damaged header (checksum mismatch)")
    # the padding is zeros too: no byte of the file goes unchecked
    padding = bytes(data[len(MAGIC) + 12 : PREFIX]) + bytes(
        data[PREFIX + length : PREFIX + _padded(length)]
    )
    if any(padding):
        raise Rejected("damaged header (padding)")
    header = _header_from(raw_header)
    settings = _settings_from(header, expected)
    columns = _split(data[PREFIX + _padded(length) :], header)
    return settings, _table(columns, header)


def _header_from(raw: memoryview) -> Header:
    try:
        header = msgspec.json.decode(raw, type=Header)
    except (msgspec.DecodeError, msgspec.ValidationError) as error:
        raise Rejected(f"unreadable header ({error})") from None
    if header.format != FORMAT:
        raise Rejected(f"not a seedlint corpus index (format {header.format!r})")
    if header.version != VERSION:
        raise Rejected(f"index format version {header.version}, this seedlint reads {VERSION}")
    return header


def _settings_from(header: Header, expected: CorpusSettings | None) -> CorpusSettings:
    settings = CorpusSettings(**msgspec.structs.asdict(header.settings))
    problem = settings.problem()
    if problem is not None:
        raise Rejected(f"invalid settings in the index: {problem}")
    if expected is None:
        return settings
    if settings.fingerprinting() != expected.fingerprinting():
        built = ", ".join(f"{name}={value}" for name, value in settings.fingerprinting().items())
        wanted = ", ".join(f"{name}={value}" for name, value in expected.fingerprinting().items())
        raise Rejected(f"built with other settings ({built}; now {wanted})")
    # thresholds apply when checking, not when fingerprinting: the caller's hold
    return expected


def _split(payload: memoryview, header: Header) -> dict[str, Any]:
    layout = _columns(header)
    total = sum(_padded(_column_bytes(dtype, shape)) for _, dtype, shape in layout)
    if len(payload) != total:
        raise Rejected(f"truncated or damaged: {len(payload)} bytes of columns, {total} expected")
    if zlib.crc32(payload) != header.columns_crc32:
        raise Rejected("damaged (checksum mismatch)")
    columns: dict[str, Any] = {}
    offset = 0
    for name, dtype, shape in layout:
        size = _column_bytes(dtype, shape)
        column = np.frombuffer(
            payload, dtype=dtype, count=size // np.dtype(dtype).itemsize, offset=offset
        ).reshape(shape)
        # native byte order, so that later arithmetic needs no conversion
        columns[name] = column.astype(np.dtype(dtype).newbyteorder("="), copy=False)
        offset += _padded(size)
    return columns


def _table(columns: dict[str, Any], header: Header) -> Table:
    keys = _keys(columns, header)
    offsets = columns["paragraph_offsets"]
    if offsets[0] != 0 or offsets[-1] != header.paragraphs or np.any(np.diff(offsets) < 0):
        raise Rejected("damaged paragraph offsets")
    spans = columns["paragraph_spans"]
    if len(spans) and (np.any(spans[:, 0] < 0) or np.any(spans[:, 1] < spans[:, 0])):
        raise Rejected("damaged paragraph spans")
    if np.any(columns["flags"] & ~np.uint8(KNOWN_FLAGS)):
        raise Rejected("unknown flags")
    return Table(
        keys,
        columns["bodies"],
        columns["titles"],
        columns["flags"],
        columns["signatures"],
        offsets,
        columns["paragraph_hashes"],
        spans,
    )


def _keys(columns: dict[str, Any], header: Header) -> tuple[str, ...]:
    try:
        text = columns["key_text"].tobytes().decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise Rejected("damaged keys (not UTF-8)") from None
    offsets = columns["key_offsets"]
    if (
        len(text) != header.key_chars
        or offsets[0] != 0
        or offsets[-1] != len(text)
        or np.any(np.diff(offsets) < 0)
    ):
        raise Rejected("damaged key offsets")
    bounds = offsets.tolist()
    keys = tuple(text[start:end] for start, end in itertools.pairwise(bounds))
    if len(set(keys)) != len(keys):
        raise Rejected("damaged keys (a key is listed twice)")
    return keys
