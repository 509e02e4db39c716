"""Reading files: one read and one decode per file, never blocking, never following a
FIFO or device.

Bytes that are not UTF-8 are decoded with ``surrogateescape``: each bad byte becomes a lone
surrogate that the invalid-utf8 rule reports at its row and column, and that is written
back as the same byte, so a file is never altered where no fix was applied.

A file that cannot be linted raises ``Unreadable`` with one line saying why: an error
(missing, no permission, a folder that cannot be listed, UTF-16 or UTF-32 text) fails the
run; a note (binary data, a FIFO or device) only says the file was passed over. Reading
never blocks: a FIFO is opened without waiting for a writer and then skipped.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

from seedlint.io.atomic import FileState

WIDE_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


class Unreadable(Exception):
    """A file that is not linted; str() is the one-line report, starting with its path."""

    def __init__(self, path: str | Path, reason: str, note: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.is_note = note

    @property
    def error(self) -> str | None:
        return None if self.is_note else str(self)

    @property
    def note(self) -> str | None:
        return str(self) if self.is_note else None


def read_bytes(path: Path) -> bytes:
    """The file's content, or ``Unreadable`` saying why it is not linted."""
    return read_with_state(path)[0]


NO_WAIT = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)  # a FIFO opens at once


def read_with_state(path: str | Path) -> tuple[bytes, FileState]:
    """The content and the file's status as it was read (to notice a later change)."""
    try:
        kind = os.stat(path).st_mode
        if stat.S_ISDIR(kind):
            raise Unreadable(path, _unlisted_reason(path))
        if not stat.S_ISREG(kind):
            raise Unreadable(path, "skipped: not a regular file", note=True)
        descriptor = os.open(path, NO_WAIT)
        try:
            status = os.fstat(descriptor)
            data = _read_all(descriptor, status.st_size)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise Unreadable(path, _reason(error)) from None
    check_text(path, data)
    return data, FileState.of(status)


def open_regular(path: Path) -> int:
    """A descriptor of a file seedlint keeps for itself (a cache, an index, a parsed copy),
    opened without waiting: OSError when it is missing or unreadable, or is no regular
    file (a FIFO planted under its name is never waited on)."""
    descriptor = os.open(path, NO_WAIT)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
    except OSError:
        os.close(descriptor)
        raise
    return descriptor


def read_regular(path: Path) -> bytes:
    """The bytes of a file seedlint keeps for itself (see ``open_regular``)."""
    descriptor = open_regular(path)
    try:
        return _read_all(descriptor, os.fstat(descriptor).st_size)
    finally:
        os.close(descriptor)


def _read_all(descriptor: int, size: int) -> bytes:
    """Everything left to read, in plain system calls (a buffered file object costs more
    than the read); ``size`` is what the file's status said, read at once."""
    chunks = [os.read(descriptor, size + 1)]
    while chunks[-1]:
        chunks.append(os.read(descriptor, 1 << 20))
    return b"".join(chunks)


def check_text(path: str | Path, data: bytes) -> None:
    """``Unreadable`` for content that is not 8-bit text: UTF-16 or UTF-32, or binary."""
    for bom, name in WIDE_BOMS:
        if data.startswith(bom):
            raise Unreadable(path, _wide(name, f"byte-order mark {bom.hex(' ').upper()}"))
    nul = data.find(b"\0")
    if nul < 0:
        return
    head = data[:4096]
    if len(head) >= 4 and head.count(b"\0") * 3 >= len(head) and _alternating(head):
        raise Unreadable(path, _wide("UTF-16", "no byte-order mark"))
    raise Unreadable(path, f"skipped: binary file (NUL byte at byte offset {nul})", note=True)


def _alternating(head: bytes) -> bool:
    """NUL bytes at every other position, as ASCII text in UTF-16 has them."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    return max(even, odd) >= 0.9 * half and min(even, odd) <= 0.05 * half


def _wide(name: str, how: str) -> str:
    return f"{name} text ({how}); seeds are UTF-8: iconv -f {name} -t UTF-8 converts it"


def _reason(error: OSError) -> str:
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return "no such file or folder"
    if error.errno == errno.ELOOP:
        return "cannot read: symbolic link loop"
    return f"cannot read: {error.strerror or error}"


def _unlisted_reason(path: str | Path) -> str:
    try:
        os.listdir(path)
    except OSError as error:
        return f"cannot list folder: {error.strerror or error}"
    return "is a folder"


def decode(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape")


def encode(text: str) -> bytes:
    """UTF-8, with each escaped byte written back as itself. A lone surrogate that is not an
    escaped byte (it can only come through the API) cannot be written: UnicodeEncodeError."""
    return text.encode("utf-8", errors="surrogateescape")
