"""The user's cache folder for data parsed once and kept between runs (word lists, the
bundled rule pack): ``$XDG_CACHE_HOME/seedlint``, or ``SEEDLINT_WORDLIST_CACHE``. What is
kept there is data, read back validated; a copy that fails is parsed again.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


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
