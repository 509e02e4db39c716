"""Finding the files to lint and reading them: one read and one decode per file.

Bytes that are not UTF-8 are decoded with ``surrogateescape``: each bad byte becomes a lone
surrogate that the invalid-utf8 rule reports at its row and column, and that is written
back as the same byte, so a file is never altered where no fix was applied.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path

from seedlint.config import Config

SKIPPED_FOLDERS = {".git", ".hg", ".svn", "__pycache__", ".venv", "node_modules"}


class PathProblem(Exception):
    """A path given on the command line that cannot be read."""


def discover(paths: list[str], config: Config, skip: list[Path] = ()) -> Iterator[Path]:
    """Files named directly, and matching files below named folders, in sorted order."""
    skipped = {p.resolve() for p in skip}
    for name in paths:
        path = Path(name)
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from _walk(path, config, skipped)
        else:
            raise PathProblem(f"{name}: no such file or folder")


def _walk(folder: Path, config: Config, skipped: set[Path]) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for current, folders, files in os.walk(folder, followlinks=True):
        current_path = Path(current)
        stat = current_path.stat()
        if (stat.st_dev, stat.st_ino) in seen:  # a symbolic link loop
            folders.clear()
            continue
        seen.add((stat.st_dev, stat.st_ino))
        folders[:] = sorted(
            f
            for f in folders
            if f not in SKIPPED_FOLDERS
            and (current_path / f).resolve() not in skipped
            and not _excluded(current_path / f, config)
        )
        for name in sorted(files):
            path = current_path / name
            if any(fnmatch.fnmatch(name, g) for g in config.include) and not _excluded(
                path, config
            ):
                yield path


def _excluded(path: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    try:
        relative = path.resolve().relative_to(config.root).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(
        fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(path.name, g) for g in config.exclude
    )


def read_text(path: Path) -> str:
    return decode(path.read_bytes())


def decode(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape")


def encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogateescape")
