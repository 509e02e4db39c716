"""What the server's worker threads do: lint a snapshot of a document, or fix it.

A lint runs one rule at a time and checks between rules whether its snapshot has gone
stale (the document changed again): a stale run stops there instead of finishing work
whose result nobody will see. The diagnostics are those ``seedlint check`` reports for
the same text, path and configuration: the same rules, per-file settings and order.
"""

from __future__ import annotations

import threading
from pathlib import Path

import msgspec

from seedlint.commands.server.folders import Folders, Resolved
from seedlint.engine.diagnostics import Diagnostic
from seedlint.engine.fixer import fix_document
from seedlint.engine.rule import Rule


class Cancelled(Exception):
    """The snapshot went stale while it was being linted."""


class Snapshot(msgspec.Struct, frozen=True):
    uri: str
    version: int | None
    text: str
    path: Path | None  # None for a document not saved yet


class Linted(msgspec.Struct):
    version: int | None
    text: str
    diagnostics: list[Diagnostic] = msgspec.field(default_factory=list)
    rules: dict[str, Rule] = msgspec.field(default_factory=dict)  # the rules of those diagnostics
    problem: str | None = None  # why the document was not checked


def lint(folders: Folders, snapshot: Snapshot, cancelled: threading.Event) -> Linted:
    """The snapshot's diagnostics; SetupError when its configuration cannot be used,
    Cancelled when ``cancelled`` is set before the last rule has run."""
    resolved = folders.resolve(snapshot.path)
    linted = Linted(snapshot.version, snapshot.text)
    if resolved.excluded:
        return linted
    linter = resolved.setup.linter
    doc = linter.document(snapshot.text, resolved.name)
    found: list[Diagnostic] = []
    try:
        for rule in linter.rules_for(resolved.relative):
            if cancelled.is_set():
                raise Cancelled
            found.extend(linter.lint_document(doc, [rule]))
    except TimeoutError as error:  # a rule's regular expression ran out of time
        linted.problem = f"{resolved.name}: {error}; the document was not checked"
        return linted
    found.sort(key=lambda d: d.sort_key)  # stable: the order check reports
    linted.diagnostics = found
    codes = {d.code for d in found}
    linted.rules = {r.code: r for r in linter.all_rules if r.code in codes}
    return linted


def fix_all(folders: Folders, snapshot: Snapshot, unsafe: bool = False) -> str:
    """The text with every safe fix applied (unsafe ones too, when asked), as ``seedlint
    fix`` writes it; FixDidNotConverge or TimeoutError when it cannot be fixed."""
    resolved: Resolved = folders.resolve(snapshot.path)
    if resolved.excluded:
        return snapshot.text
    linter = resolved.setup.linter
    rules = linter.rules_for(resolved.relative)
    return fix_document(linter, snapshot.text, resolved.name, unsafe, rules).text
