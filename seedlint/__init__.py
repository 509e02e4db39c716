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
from typing import TYPE_CHECKING

__version__ = "0.2.0"
__all__ = [
    "Diagnostic",
    "Linter",
    "fix_text",
    "lint_paths",
    "lint_text",
]

if TYPE_CHECKING:
    from seedlint.engine.diagnostics import Diagnostic
    from seedlint.engine.fixer import AppliedEdit
    from seedlint.engine.linter import Linter


def __getattr__(name: str) -> object:
    """The engine's main types, imported on first use (start-up time of the CLI)."""
    if name == "Linter":
        from seedlint.engine.linter import Linter

        return Linter
    if name == "Diagnostic":
        from seedlint.engine.diagnostics import Diagnostic

        return Diagnostic
    raise AttributeError(name)


@lru_cache(maxsize=8)
def _linter(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> Linter:
    from seedlint.engine.linter import Linter, LintSettings
    from seedlint.ruleset.rulefile import load_rules

    settings = LintSettings(select=select if select is not None else ("ALL",), ignore=ignore)
    return Linter(load_rules(["default"], Path.cwd()), settings)


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
    """Diagnostics for one document, with the bundled rules unless a linter is given."""
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
    from seedlint.engine.fixer import fix_document

    result = fix_document(_get_linter(linter, select, ignore), text, path, unsafe)
    return result.text, result.applied


def lint_paths(paths: Iterable[str | Path]) -> list[Diagnostic]:
    """Diagnostics for files and folders, with the configuration found from the working
    directory (recursing for its file patterns)."""
    from seedlint.commands.work import CheckContext, check_item
    from seedlint.engine.linter import Linter
    from seedlint.io.discovery import Patterns
    from seedlint.io.sources import file_items
    from seedlint.ruleset.config import load_config
    from seedlint.ruleset.rulefile import load_rules

    config = load_config()
    linter = Linter(load_rules(config.rule_packs, config.root), config.lint_settings())
    patterns = Patterns(config.root, config.include, config.exclude)
    context = CheckContext(linter)
    diagnostics: list[Diagnostic] = []
    for item in file_items([str(p) for p in paths], patterns):
        diagnostics.extend(check_item(item, context).diagnostics)
    return diagnostics
