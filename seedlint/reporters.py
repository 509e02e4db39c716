"""Reporters: diagnostics out, in the format asked for. They only read what they are given.

A reporter receives each file's results as they come (``file``), then ``finish``. Text
formats stream; formats that are one document (JSON) write it whole at the end.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from typing import Any, TextIO

from seedlint.diagnostic import Diagnostic
from seedlint.document import Document

COLOURS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2"}
CONTEXT = 60  # characters of the source line shown on each side of a finding


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def diagnostic_dict(d: Diagnostic, doc: Document | None = None) -> dict[str, Any]:
    """The JSON shape of a diagnostic (keys fixed: CI tools parse them)."""
    fix = None
    if d.fix is not None:
        edits = []
        for edit in d.fix.edits:
            start = doc.position(edit.start) if doc else (d.row, d.column)
            end = doc.position(edit.end) if doc else (d.end_row, d.end_column)
            edits.append(
                {
                    "content": edit.content,
                    "location": {"row": start[0], "column": start[1]},
                    "end_location": {"row": end[0], "column": end[1]},
                }
            )
        fix = {"applicability": d.fix.applicability, "message": d.fix.message, "edits": edits}
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity,
        "message": d.message,
        "filename": d.path,
        "location": {"row": d.row, "column": d.column},
        "end_location": {"row": d.end_row, "column": d.end_column},
        "fix": fix,
    }


class Reporter:
    def __init__(
        self, stream: TextIO = sys.stdout, quiet: bool = False, statistics: bool = False
    ) -> None:
        self.stream = stream
        self.quiet = quiet
        self.statistics = statistics
        self.colour = use_colour(stream)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.fixable: Counter[str] = Counter()
        self.total = 0

    def paint(self, text: str, style: str) -> str:
        return f"\x1b[{COLOURS[style]}m{text}\x1b[0m" if self.colour else text

    def file(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            self.total += 1
            self.counts[(d.code, d.name)] += 1
            if d.fix is not None:
                self.fixable[d.fix.applicability] += 1
            if not self.statistics:
                self.write_one(doc, d)

    def write_one(self, doc: Document, d: Diagnostic) -> None:
        raise NotImplementedError

    def headline(self, d: Diagnostic) -> str:
        where = self.paint(f"{d.path}:{d.row}:{d.column}:", "bold")
        return f"{where} {self.paint(d.code, d.severity)} [{d.name}] {d.message}"

    def finish(self, files: int) -> None:
        if self.statistics:
            for (code, name), count in sorted(self.counts.items()):
                self.stream.write(f"{count:6d}  {code}  [{name}]\n")
        if self.quiet:
            return
        if not self.total:
            self.stream.write(f"All checks passed ({files} file{'s' * (files != 1)}).\n")
            return
        line = f"Found {self.total} problem{'s' * (self.total != 1)} in {files} files"
        safe, unsafe = self.fixable["safe"], self.fixable["unsafe"]
        if safe or unsafe:
            line += f" ({safe} fixable with `seedlint fix`"
            line += f", {unsafe} more with --unsafe-fixes)" if unsafe else ")"
        self.stream.write(line + ".\n")


class ConciseReporter(Reporter):
    def write_one(self, doc: Document, d: Diagnostic) -> None:
        self.stream.write(self.headline(d) + "\n")


class TextReporter(Reporter):
    """The headline, then the source line with a caret under the span, then the fix."""

    def write_one(self, doc: Document, d: Diagnostic) -> None:
        line = doc.line_span(d.row)
        source = doc.text[line.start : line.end]
        start = d.column - 1
        end = min(d.end_column - 1 if d.end_row == d.row else len(source), len(source))
        left = max(0, start - CONTEXT)
        right = min(len(source), max(end, start + 1) + CONTEXT)
        shown = _printable(source[left:right])
        prefix = "…" if left else ""
        suffix = "…" if right < len(source) else ""
        gutter = f"{d.row:>4} | "
        caret = " " * (len(gutter) + len(prefix) + start - left) + "^" * max(1, end - start)
        out = [self.headline(d), f"{gutter}{prefix}{shown}{suffix}", self.paint(caret, d.severity)]
        if d.fix is not None:
            out.append(f"     = fix ({d.fix.applicability}): {d.fix.message}")
        self.stream.write("\n".join(out) + "\n\n")


class JsonReporter(Reporter):
    def __init__(self, stream: TextIO = sys.stdout, **_: Any) -> None:
        super().__init__(stream, quiet=True)
        self.items: list[dict[str, Any]] = []

    def file(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        self.items.extend(diagnostic_dict(d, doc) for d in diagnostics)

    def finish(self, files: int) -> None:
        json.dump(self.items, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def _printable(text: str) -> str:
    """Control and invisible characters shown as visible marks, one character each."""
    return "".join(ch if ch.isprintable() or ch == " " else "\u00b7" for ch in text)


REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "concise": ConciseReporter,
    "json": JsonReporter,
}
