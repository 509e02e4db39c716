"""Compressed shards, chosen by the file's extension: ``.gz`` (gzip, in the standard
library) and ``.zst`` (zstd, through the ``zstandard`` package, the extra
``seedlint[zstd]``); any other name is read and written as it is.

Readers decompress as a stream (memory bounded by the longest line), across every frame or
member of the file, as ``cat a.gz b.gz`` and ``zstd`` multi-frame files hold. Writers use
the tools' default levels and put no name or time in the header, so that the same records
always compress to the same bytes.
"""

from __future__ import annotations

import gzip
import io
import zlib
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from seedlint.io.reading import Unreadable

GZIP_SUFFIX = ".gz"
ZSTD_SUFFIX = ".zst"
GZIP_LEVEL = 6  # gzip(1)'s default: its speed and size are what users expect
ZSTD_LEVEL = 3  # zstd(1)'s default
READ_BUFFER = 1 << 20  # bytes of decompressed data buffered for reading lines
ZSTD_MISSING = "a .zst file needs the zstandard package: pip install 'seedlint[zstd]'"


class CorruptShard(Exception):
    """A compressed file that cannot be decompressed to its end; str() says why."""


def compression_of(path: Path) -> str | None:
    """'gzip', 'zstd', or None for a file stored as it is."""
    if path.name.endswith(GZIP_SUFFIX):
        return "gzip"
    if path.name.endswith(ZSTD_SUFFIX):
        return "zstd"
    return None


def _zstandard(path: Path) -> Any:
    try:
        import zstandard
    except ImportError:
        raise Unreadable(path, ZSTD_MISSING) from None
    return zstandard


def decompressing(raw: BinaryIO, path: Path) -> BinaryIO:
    """``raw`` (a file opened for reading bytes) as its decompressed content; Unreadable
    when the compression needs a package that is not installed."""
    kind = compression_of(path)
    if kind == "gzip":
        return cast(BinaryIO, gzip.GzipFile(filename="", mode="rb", fileobj=raw))
    if kind == "zstd":
        reader = _ZstdFrames(raw, _zstandard(path))
        return cast(BinaryIO, io.BufferedReader(reader, READ_BUFFER))
    return raw


class _ZstdFrames(io.RawIOBase):
    """Every frame of a zstd stream, decompressed one after the other. zstandard's own
    stream reader ends quietly where a file was cut short; this one raises ZstdError."""

    def __init__(self, raw: BinaryIO, zstandard: Any) -> None:
        self.raw = raw
        self.zstandard = zstandard
        self.frame: Any = None  # the decompressor of the current frame
        self.pending = b""  # decompressed bytes not read yet

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending:
            chunk = self.frame.unused_data if self.frame is not None and self.frame.eof else b""
            if self.frame is None or self.frame.eof:
                chunk = chunk or self.raw.read(READ_BUFFER)
                if not chunk:
                    return 0  # the end of the file, after a whole frame
                self.frame = self.zstandard.ZstdDecompressor().decompressobj()
            else:
                chunk = self.raw.read(READ_BUFFER)
                if not chunk:
                    raise self.zstandard.ZstdError("the file ends inside a frame (cut short)")
            self.pending = self.frame.decompress(chunk)
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def decompression_errors() -> tuple[type[BaseException], ...]:
    """What a corrupt or truncated compressed stream raises while it is read."""
    errors: list[type[BaseException]] = [gzip.BadGzipFile, EOFError, zlib.error]
    try:
        import zstandard
    except ImportError:
        return tuple(errors)
    return (*errors, zstandard.ZstdError)


def compressing(raw: IO[bytes], path: Path, stack: ExitStack) -> IO[bytes]:
    """A stream that writes ``raw`` compressed as ``path``'s extension says; the stack
    finishes the compressed stream (its trailer) when it closes, before ``raw`` closes."""
    kind = compression_of(path)
    if kind == "gzip":
        stream = gzip.GzipFile(
            filename="", mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL, mtime=0
        )
        stack.callback(stream.close)
        return cast(IO[bytes], stream)
    if kind == "zstd":
        zstandard = _zstandard(path)
        writer = zstandard.ZstdCompressor(level=ZSTD_LEVEL).stream_writer(raw, closefd=False)
        stack.callback(writer.close)
        return cast(IO[bytes], writer)
    return raw
