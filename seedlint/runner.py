"""Checking many files: discovery, one read and one decode per file, linting, results in
a stable order. The command line and the Python API both go through ``check_files``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from seedlint.diagnostic import Diagnostic
from seedlint.files import discover, read_text
from seedlint.linter import Linter


@dataclass
class FileResult:
    path: str
    text: str | None  # None when the file could not be read
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None  # one line saying why the file was not linted


def check_file(path: Path, linter: Linter) -> FileResult:
    try:
        text = read_text(path)
    except OSError as error:
        return FileResult(str(path), None, error=f"{path}: cannot read: {error.strerror}")
    return FileResult(str(path), text, linter.lint(text, str(path)))


def check_files(paths: list[str], linter: Linter, skip: list[Path] = ()) -> Iterator[FileResult]:
    """Results for every file found below ``paths``, in sorted order."""
    for path in discover(paths, linter.config, skip):
        yield check_file(path, linter)
