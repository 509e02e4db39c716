"""The user's cache folder for data parsed once and kept between runs (word lists, the
bundled rule pack): ``$XDG_CACHE_HOME/seedlint``, or ``SEEDLINT_WORDLIST_CACHE``. What is
kept there is data, read back validated; a copy that fails is parsed again.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from pathlib import Path


def framed(kind: str, body: bytes) -> bytes:
    """A copy's bytes: a first line naming its format (``kind``) with the body's length and
    CRC-32, then the body."""
    return f"{kind} {len(body)} {zlib.crc32(body)}\n".encode() + body


def framed_body(kind: str, data: bytes) -> memoryview | None:
    """The body of a ``framed`` copy of this format (a view, not copied); None when the
    first line does not name it, the body is damaged, or the copy is not UTF-8."""
    newline = data.find(b"\n")
    body = memoryview(data)[newline + 1 :]
    if newline < 0 or data[:newline] != f"{kind} {len(body)} {zlib.crc32(body)}".encode():
        return None
    if not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return body


def keep_data(copy: Path, data: bytes, old_copies: tuple[str, ...]) -> None:
    """Write a parsed copy (through no link) and remove the files of ``old_copies`` (glob
    patterns) beside it: copies made for other installed sources."""
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        for pattern in old_copies:
            for old in copy.parent.glob(pattern):
                if old != copy:
                    with contextlib.suppress(OSError):
                        old.unlink()
        temporary = copy.with_name(f".{copy.name}.{os.getpid()}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        descriptor = os.open(temporary, flags, 0o644)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, copy)
    except OSError:
        pass  # no writable cache folder: parse again next time


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(os.environ.get("SEEDLINT_WORDLIST_CACHE") or Path(base) / "seedlint")
