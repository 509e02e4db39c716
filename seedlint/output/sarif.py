"""``sarif``: a SARIF 2.1.0 log for GitHub code scanning: every rule with its names,
descriptions, help and default level, then each result with its file, region (columns
count characters: ``columnKind`` is ``unicodeCodePoints``; end columns are exclusive), a
fingerprint that survives edits elsewhere in the file, and its fix.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import quote

from seedlint import __version__
from seedlint.engine.diagnostics import Diagnostic
from seedlint.engine.document import Document
from seedlint.engine.fingerprints import entries
from seedlint.engine.rule import Rule
from seedlint.output.base import Reporter, Summary
from seedlint.output.json import encode_pretty, write_bytes

SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FIX_HELP = {
    "safe": "`seedlint fix` repairs it (a safe fix: it cannot change meaning).",
    "unsafe": "`seedlint fix --unsafe-fixes` repairs it; review the change.",
    "off": "No automatic fix: a person decides.",
}


class SarifReporter(Reporter):
    """A SARIF 2.1.0 log for GitHub code scanning: the rules, then each result."""

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.rules = sorted(self.rules, key=lambda rule: rule.code)
        self.index = {rule.code: i for i, rule in enumerate(self.rules)}
        self.results: list[dict[str, Any]] = []

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        location = _artifact(doc.path)
        keys = entries(doc.path, doc.text, diagnostics)
        for d, key in zip(diagnostics, keys):
            result: dict[str, Any] = {"ruleId": d.code}
            if d.code in self.index:
                result["ruleIndex"] = self.index[d.code]
            result["level"] = SARIF_LEVELS[d.severity.value]
            result["message"] = {"text": d.message}
            region = _region(d.row, d.column, d.end_row, d.end_column)
            result["locations"] = [
                {"physicalLocation": {"artifactLocation": location, "region": region}}
            ]
            digest = hashlib.sha256(repr(key).encode("utf-8", "replace")).hexdigest()
            result["partialFingerprints"] = {"seedlintKey/v1": digest[:32]}
            if d.fix is not None:
                result["fixes"] = [_fix(doc, d, location)]
            self.results.append(result)

    def finish(self, summary: Summary) -> None:
        run = {
            "tool": {
                "driver": {
                    "name": "seedlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [_descriptor(rule) for rule in self.rules],
                }
            },
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "invocations": [{"executionSuccessful": True}],
            "columnKind": "unicodeCodePoints",
            "results": self.results,
        }
        log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
        write_bytes(self.stream, encode_pretty(log))


def _artifact(path: str) -> dict[str, str]:
    shown = path
    if Path(shown).is_absolute():
        return {"uri": Path(shown).as_uri()}
    # a name with bytes that are not UTF-8 is percent-encoded byte by byte
    encoded = quote(shown.encode("utf-8", "surrogateescape"))
    return {"uri": encoded, "uriBaseId": "%SRCROOT%"}


def _region(row: int, column: int, end_row: int, end_column: int) -> dict[str, int]:
    return {"startLine": row, "startColumn": column, "endLine": end_row, "endColumn": end_column}


def _fix(doc: Document, d: Diagnostic, location: dict[str, str]) -> dict[str, Any]:
    assert d.fix is not None
    replacements = []
    for edit in d.fix.edits:
        start, end = doc.position(edit.start), doc.position(edit.end)
        replacements.append(
            {"deletedRegion": _region(*start, *end), "insertedContent": {"text": edit.content}}
        )
    return {
        "description": {"text": f"{d.fix.message} ({d.fix.applicability} fix)"},
        "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
    }


def _descriptor(rule: Rule) -> dict[str, Any]:
    """A rule's SARIF metadata: names, descriptions, help and default level."""
    short = rule.name.replace("-", " ").capitalize()
    full = " ".join(rule.description.split()) or short
    examples = [e for e in rule.examples if e.flagged][:3]
    markdown = [full, "", FIX_HELP[rule.fix.value]]
    if examples:
        markdown += ["", "Flagged:", ""]
        markdown += [f"- `{' '.join(e.text.split())}`" for e in examples]
    markdown += ["", f"`seedlint explain {rule.code}` tells more."]
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {
            "text": f"{full}\n\n{FIX_HELP[rule.fix.value]}\n\nSee `seedlint explain {rule.code}`.",
            "markdown": "\n".join(markdown),
        },
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity.value]},
        "properties": {
            "tags": ["seed-document", rule.kind],
            "check": rule.check,
            "fix": rule.fix.value,
        },
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor
