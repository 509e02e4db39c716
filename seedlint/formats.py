"""Formats for CI systems: GitHub Actions workflow commands, SARIF 2.1.0 and JUnit XML.

Each has the reporter interface (``file`` per file, then ``finish``). Paths are shown
relative to the working directory when they lie below it, as CI systems expect paths
relative to the checkout. Columns count characters, and end columns are exclusive (the
column after the last flagged character), as SARIF defines them.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from seedlint import __version__
from seedlint.baseline import entries
from seedlint.diagnostic import Diagnostic
from seedlint.document import Document
from seedlint.rulefile import Rule

GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FIX_HELP = {
    "safe": "`seedlint fix` repairs it (a safe fix: it cannot change meaning).",
    "unsafe": "`seedlint fix --unsafe-fixes` repairs it; review the change.",
    "off": "No automatic fix: a person decides.",
}
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def display_path(path: str) -> str:
    """A posix path relative to the working directory when the file is below it."""
    try:
        return Path(path).absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return Path(path).as_posix()


class _Format:
    def __init__(
        self, stream: TextIO = sys.stdout, rules: list[Rule] | None = None, **_: Any
    ) -> None:
        self.stream = stream
        self.rules = rules or []

    def file(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        raise NotImplementedError

    def finish(self, files: int) -> None:
        """Formats that stream have nothing left to write."""


def _github_escape(text: str, property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


class GithubReporter(_Format):
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``."""

    def file(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            properties = {
                "file": display_path(d.path),
                "line": d.row,
                "col": d.column,
                "endLine": d.end_row,
                "endColumn": d.end_column,
                "title": f"{d.code} {d.name}",
            }
            joined = ",".join(f"{k}={_github_escape(str(v), True)}" for k, v in properties.items())
            level = GITHUB_LEVELS[d.severity]
            self.stream.write(f"::{level} {joined}::{_github_escape(d.message)}\n")


class JunitReporter(_Format):
    """One test suite per file, one failing test case per finding; a clean file passes."""

    def __init__(self, stream: TextIO = sys.stdout, **options: Any) -> None:
        super().__init__(stream, **options)
        self.root = ET.Element("testsuites", name="seedlint")

    def file(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        path = display_path(doc.path)
        suite = ET.SubElement(self.root, "testsuite", name=_xml(path))
        suite.set("tests", str(max(1, len(diagnostics))))
        suite.set("failures", str(len(diagnostics)))
        suite.set("errors", "0")
        if not diagnostics:
            ET.SubElement(suite, "testcase", name="no problems", classname=_xml(path))
        for d in diagnostics:
            case = ET.SubElement(suite, "testcase", classname=_xml(path), file=_xml(path))
            case.set("name", f"{d.code} [{d.name}] at {d.row}:{d.column}")
            case.set("line", str(d.row))
            failure = ET.SubElement(case, "failure", type=d.code, message=_xml(d.message))
            failure.text = _xml(
                f"{path}:{d.row}:{d.column}: {d.severity}: {d.code} [{d.name}] {d.message}"
            )

    def finish(self, files: int) -> None:
        suites = self.root.findall("testsuite")
        for name in ("tests", "failures", "errors"):
            self.root.set(name, str(sum(int(s.get(name, "0")) for s in suites)))
        ET.indent(self.root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(self.root, encoding="unicode") + "\n")


def _xml(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold."""
    return NOT_XML.sub("\ufffd", text)


class SarifReporter(_Format):
    """A SARIF 2.1.0 log for GitHub code scanning: the rules, then each result."""

    def __init__(self, stream: TextIO = sys.stdout, **options: Any) -> None:
        super().__init__(stream, **options)
        self.rules = sorted(self.rules, key=lambda rule: rule.code)
        self.index = {rule.code: i for i, rule in enumerate(self.rules)}
        self.results: list[dict[str, Any]] = []

    def file(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        location = _artifact(doc.path)
        keys = entries(display_path(doc.path), doc.text, diagnostics)
        for d, key in zip(diagnostics, keys):
            result: dict[str, Any] = {"ruleId": d.code}
            if d.code in self.index:
                result["ruleIndex"] = self.index[d.code]
            result["level"] = SARIF_LEVELS[d.severity]
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

    def finish(self, files: int) -> None:
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
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def _artifact(path: str) -> dict[str, str]:
    shown = display_path(path)
    if Path(shown).is_absolute():
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown), "uriBaseId": "%SRCROOT%"}


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
    markdown = [full, "", FIX_HELP[rule.fix]]
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
            "text": f"{full}\n\n{FIX_HELP[rule.fix]}\n\nSee `seedlint explain {rule.code}`.",
            "markdown": "\n".join(markdown),
        },
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
        "properties": {"tags": ["seed-document", rule.kind], "fix": rule.fix},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor
