"""seedlint: a linter and normaliser for seed documents.

>>> import seedlint
>>> [d.code for d in seedlint.lint_text(" date 2024-01-18 Title\\n\\nText.\\n")]
['SL001']
>>> seedlint.fix_text(" date 2024-01-18 Title\\n\\nText.\\n")[0]
'date 2024-01-18 Title\\n\\nText.\\n'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from seedlint.config import Config, load_config
from seedlint.diagnostic import Diagnostic, Edit, Fix
from seedlint.fixer import AppliedEdit, fix_document
from seedlint.linter import Linter

__version__ = "0.1.0"
__all__ = [
    "AppliedEdit",
    "Config",
    "Diagnostic",
    "Edit",
    "Fix",
    "Linter",
    "fix_text",
    "lint_paths",
    "lint_text",
    "load_config",
]


@lru_cache(maxsize=8)
def _linter(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> Linter:
    return Linter(Config(), select=list(select) if select is not None else None, ignore=ignore)


def _get_linter(
    linter: Linter | None, select: Iterable[str] | None, ignore: Iterable[str]
) -> Linter:
    if linter is not None:
        return linter
    return _linter(tuple(select) if select is not None else None, tuple(ignore))


def lint_text(
    text: str,
    *,
    path: str = "<text>",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    linter: Linter | None = None,
) -> list[Diagnostic]:
    """Diagnostics for one document, with the default rule pack unless a linter is given."""
    return _get_linter(linter, select, ignore).lint(text, path)


def fix_text(
    text: str,
    unsafe: bool = False,
    *,
    path: str = "<text>",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    linter: Linter | None = None,
) -> tuple[str, list[AppliedEdit]]:
    """The text with fixes applied (safe ones, plus unsafe ones when asked) and the edits."""
    fixed, applied, _ = fix_document(_get_linter(linter, select, ignore), text, path, unsafe)
    return fixed, applied


def lint_paths(paths: Iterable[str | Path], *, linter: Linter | None = None) -> list[Diagnostic]:
    """Diagnostics for files and folders (recursing for the configured file globs)."""
    from seedlint.runner import check_files, find_files

    linter = linter or Linter(load_config())
    diagnostics: list[Diagnostic] = []
    for result in check_files(find_files([str(p) for p in paths], linter), linter):
        diagnostics.extend(result.diagnostics)
    return diagnostics
