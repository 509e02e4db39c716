"""Finding the files to check: named files, and files below named folders, in order.

Folders are walked in sorted order; version-control and tool folders are skipped, as are
the temporary files of an interrupted write. A file found in a folder is taken when its
path matches ``include`` and not ``exclude``; a file named on the command line is taken
as it is, unless ``force_exclude`` (what pre-commit needs: it names every file) applies
``exclude`` to it too. Patterns follow .gitignore (``pathspec``): relative to the
configuration's folder, or to the named folder for files outside it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from seedlint.io.atomic import TEMPORARY

if TYPE_CHECKING:
    import pathspec

SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", "__pycache__", ".venv", "node_modules"})
SUFFIX_PATTERN = re.compile(r"\*(\.[A-Za-z0-9]+)")  # an include line of the form *.txt


def _plain(relative: str) -> bool:
    """A relative path that pathspec matches as it is written: components that are not
    empty, no leading ./, no backslash (a separator on Windows) and nothing unprintable
    (a regex's $ matches before a final line break)."""
    return (
        bool(relative)
        and relative.isprintable()
        and "\\" not in relative
        and "//" not in relative
        and not relative.startswith(("/", "./"))
        and not relative.endswith("/")
    )


class Found(msgspec.Struct, frozen=True):
    path: Path
    relative: str  # posix, relative to the configuration's folder (or the named folder)
    base: Path  # the named path it was found under (itself, for a named file)
    absolute: str = ""  # the path made absolute (os.path.abspath), "" where not worked out


class Patterns:
    """The include and exclude patterns of a configuration, each compiled when first used:
    a run of named files (pre-commit's) matches no pattern, and pathspec's import and the
    compiling cost it 10 ms."""

    def __init__(self, root: Path, include: Iterable[str], exclude: Iterable[str]) -> None:
        self.root = root
        self.include_lines = list(include)
        self.exclude_lines = list(exclude)
        self.excludes = bool(self.exclude_lines)
        suffixes = [SUFFIX_PATTERN.fullmatch(line) for line in self.include_lines]
        self.include_suffixes = (
            tuple(found.group(1) for found in suffixes if found)
            if suffixes and all(suffixes)
            else None
        )

    def included(self, relative: str) -> bool:
        """Whether ``include`` matches a path found in a folder. Patterns that are all of
        the form ``*.txt`` (the default) match a plain path (see ``_plain``) exactly when one
        of its components ends with a suffix: what gitignore's ``*.txt``, which matches at
        any depth and a folder's contents with the folder, gives (tested against pathspec),
        without pathspec's import and compiling (10 ms)."""
        if self.include_suffixes is not None and _plain(relative):
            return any(part.endswith(self.include_suffixes) for part in relative.split("/"))
        return bool(self.include.match_file(relative))

    @cached_property
    def include(self) -> pathspec.GitIgnoreSpec:
        import pathspec

        return pathspec.GitIgnoreSpec.from_lines(self.include_lines)

    @cached_property
    def exclude(self) -> pathspec.GitIgnoreSpec:
        import pathspec

        return pathspec.GitIgnoreSpec.from_lines(self.exclude_lines)

    def relative(self, path: Path, base: Path) -> str:
        """The path as patterns see it: relative to the root when below it."""
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            try:
                return absolute.relative_to(os.path.abspath(base)).as_posix()
            except ValueError:
                return absolute.name

    def excluded(self, relative: str, folder: bool = False) -> bool:
        return self.excludes and self.exclude.match_file(relative + ("/" if folder else ""))


def discover(
    paths: Iterable[str],
    patterns: Patterns,
    skip: Iterable[Path] = (),
    force_exclude: bool = False,
) -> Iterator[Found]:
    """Files named directly, and matching files below named folders, in sorted order.

    A named path that is not a folder is yielded as it is, even when it does not exist:
    reading it says what is wrong, and the other paths are still checked. A folder below
    a named one that cannot be listed is yielded too, for the same reason.
    """
    skipped = {os.path.realpath(p) for p in skip}
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from _walk(path, patterns, skipped)
        else:
            relative = patterns.relative(path, path.parent)
            if not (force_exclude and patterns.excluded(relative)):
                yield Found(path, relative, path)


def _walk(folder: Path, patterns: Patterns, skipped: set[str]) -> Iterator[Found]:
    seen: set[tuple[int, int]] = set()
    unlisted: list[Path] = []
    walk = os.walk(folder, followlinks=True, onerror=lambda e: unlisted.append(Path(e.filename)))
    for current, folders, files in walk:
        yield from (Found(p, patterns.relative(p, folder), folder) for p in _drain(unlisted))
        try:
            status = os.stat(current)
        except OSError:  # removed while being walked
            continue
        if (status.st_dev, status.st_ino) in seen:  # a symbolic link loop
            folders.clear()
            continue
        seen.add((status.st_dev, status.st_ino))
        kept = []
        for name in sorted(folders):
            sub = os.path.join(current, name)
            if name in SKIPPED_FOLDERS or os.path.realpath(sub) in skipped:
                continue
            if not patterns.excluded(patterns.relative(Path(sub), folder), folder=True):
                kept.append(name)
        folders[:] = kept
        # every file of a folder is the folder's relative path and its name: the folder's
        # is worked out once (os.walk joins names onto the named folder as written, so the
        # files lie below it as it does)
        here = patterns.relative(Path(current), folder)
        prefix = "" if here == "." else here + "/"
        absolute = os.path.abspath(current)  # and each file's, as for the relative path
        for name in sorted(files):
            if TEMPORARY.match(name):
                continue
            relative = prefix + name
            if patterns.included(relative) and not patterns.excluded(relative):
                yield Found(Path(current, name), relative, folder, os.path.join(absolute, name))
    yield from (Found(p, patterns.relative(p, folder), folder) for p in _drain(unlisted))


def _drain(items: list[Path]) -> Iterator[Path]:
    while items:
        yield items.pop(0)
