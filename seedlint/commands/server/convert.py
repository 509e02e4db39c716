"""seedlint's diagnostics and fixes as LSP objects: diagnostics with code, severity and a
link to the rule's documentation; a code action per fix (safe ones as preferred quick
fixes, unsafe ones labelled unsafe); one action that applies every safe fix in the file.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from lsprotocol import types

from seedlint.commands.server.positions import LineIndex
from seedlint.engine.diagnostics import Applicability, Diagnostic, Edit, Severity
from seedlint.engine.rule import Rule

SOURCE = "seedlint"
FIX_ALL_KIND = "source.fixAll.seedlint"
FIX_ALL_TITLE = "Fix all safe problems in this file (seedlint)"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def documentation_link(rule: Rule) -> str | None:
    """The rule's ``link``; else its definition in its rule file, which documents it
    (description, options, examples) and which an editor can open."""
    if rule.link:
        return rule.link
    if not rule.source:
        return None
    uri = Path(rule.source).resolve().as_uri()
    return f"{uri}#L{rule.line}" if rule.line else uri


def lsp_diagnostic(
    diagnostic: Diagnostic, index: LineIndex, rule: Rule | None, links: bool
) -> types.Diagnostic:
    link = documentation_link(rule) if rule is not None and links else None
    return types.Diagnostic(
        range=index.range(diagnostic.start, diagnostic.end),
        severity=SEVERITIES[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        message=f"{diagnostic.message} [{diagnostic.name}]",
        data={"name": diagnostic.name},
    )


def workspace_edit(
    uri: str, version: int | None, edits: list[types.TextEdit], versioned: bool
) -> types.WorkspaceEdit:
    """Edits of one document; versioned (refused by the editor if the document changed
    meanwhile) when the client supports it."""
    if versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        change = types.TextDocumentEdit(text_document=document, edits=list(edits))
        return types.WorkspaceEdit(document_changes=[change])
    return types.WorkspaceEdit(changes={uri: list(edits)})


def text_edits(edits: tuple[Edit, ...] | list[Edit], index: LineIndex) -> list[types.TextEdit]:
    return [
        types.TextEdit(range=index.range(e.start, e.end), new_text=e.content)
        for e in sorted(edits, key=lambda e: (e.start, e.end))
    ]


def overlapping(edits: tuple[Edit, ...]) -> bool:
    """Edits LSP cannot apply together (they must not overlap)."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return any(a.end > b.start for a, b in itertools.pairwise(ordered))


def fix_action(
    diagnostic: Diagnostic,
    lsp: types.Diagnostic,
    index: LineIndex,
    uri: str,
    version: int | None,
    versioned: bool,
) -> types.CodeAction | None:
    fix = diagnostic.fix
    if fix is None or overlapping(fix.edits):
        return None
    safe = fix.applicability is Applicability.SAFE
    label = f"{diagnostic.code} {diagnostic.name}"
    title = f"{fix.message} ({label})" if safe else f"Unsafe fix: {fix.message} ({label})"
    edit = workspace_edit(uri, version, text_edits(fix.edits, index), versioned)
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp],
        is_preferred=safe,
        edit=edit,
    )


def whole_text_edit(before: str, after: str, index: LineIndex) -> list[types.TextEdit]:
    """One edit turning ``before`` into ``after``: the stretch between their common start
    and common end (the rest of the document, and the cursor in it, stay put)."""
    if before == after:
        return []
    start = common_prefix(before, after)
    limit = min(len(before), len(after)) - start
    end = min(common_prefix(before[::-1], after[::-1]), limit)
    # never start or end inside a CRLF: LSP has no position between its two characters
    if start > 0 and before.startswith("\r\n", start - 1):
        start -= 1
    tail = len(before) - end
    if end and tail > start and before.startswith("\r\n", tail - 1):
        end -= 1
    return [
        types.TextEdit(
            range=index.range(start, len(before) - end),
            new_text=after[start : len(after) - end],
        )
    ]


COMPARED = 4096  # characters compared at once: whole blocks first, then one by one


def common_prefix(a: str, b: str) -> int:
    """The length of the longest common start of two texts (blocks compared in C: a
    document of megabytes takes milliseconds)."""
    limit = min(len(a), len(b))
    start = 0
    while start < limit and a[start : start + COMPARED] == b[start : start + COMPARED]:
        start += COMPARED
    start = min(start, limit)
    while start < limit and a[start] == b[start]:
        start += 1
    return start
