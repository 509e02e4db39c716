"""Reporters: diagnostics out, in the format asked for. They only read what they are given.

A reporter receives each file's results as they come (``file``), then ``finish``. Text
formats stream; formats that are one document (JSON) write it whole at the end. The
formats for CI systems (GitHub Actions, SARIF, JUnit) are in ``seedlint.formats``.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any, Protocol, TextIO

from seedlint.diagnostic import Diagnostic
from seedlint.document import Document
from seedlint.rulefile import Rule

COLOURS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2"}
CONTEXT = 60  # characters of the source line shown on each side of a finding
LONG_SPAN = 80  # longer spans are shown by their two ends
EDGE = 24  # characters of each end of a long span


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


class Output(Protocol):
    def file(self, doc: Document, diagnostics: list[Diagnostic]) -> None: ...

    def finish(self, files: int) -> None: ...


class Reporter:
    def __init__(
        self,
        stream: TextIO = sys.stdout,
        quiet: bool = False,
        statistics: bool = False,
        rules: list[Rule] | None = None,  # all rules, for formats that describe them
    ) -> None:
        self.stream = stream
        self.quiet = quiet
        self.statistics = statistics
        self.colour = use_colour(stream)
        self.errors = 0  # files that could not be checked, set by the caller
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
        if not self.total and self.errors:
            self.stream.write(f"No problems in {files} file{'s' * (files != 1)} checked; "
                              f"{self.errors} could not be checked.\n")
            return
        if not self.total:
            self.stream.write(f"All checks passed ({files} file{'s' * (files != 1)}).\n")
            return
        line = f"Found {self.total} problem{'s' * (self.total != 1)} in {files} file"
        line += "s" * (files != 1)
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
        line = doc.line_around(d.start)
        source = doc.text[line.start : line.end]
        start = d.column - 1
        end = max(
            start + 1, min(d.end_column - 1 if d.end_row == d.row else len(source), len(source))
        )
        if end - start > LONG_SPAN:  # show both ends of a long span, joined by "…"
            head = _window(source, start, start + EDGE, CONTEXT, 0)
            tail = _window(source, end - EDGE, end, 0, CONTEXT // 2)
            text, marks = head[0] + " … " + tail[0], head[1] + "   " + tail[1]
        else:
            text, marks = _window(source, start, end, CONTEXT, CONTEXT)
        gutter = f"{d.row:>4} | "
        caret = " " * len(gutter) + marks.rstrip()
        out = [self.headline(d), f"{gutter}{text}", self.paint(caret, d.severity)]
        if d.fix is not None:
            out.append(f"     = fix ({d.fix.applicability}): {d.fix.message}")
        self.stream.write("\n".join(out) + "\n\n")


def _window(source: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    """Source text around [start, end) and a line of carets under that span."""
    left, right = max(0, start - before), min(len(source), end + after)
    prefix = "…" if left and before else ""
    suffix = "…" if right < len(source) and after else ""
    text = prefix + _printable(source[left:right]) + suffix
    marks = " " * (len(prefix) + start - left) + "^" * (end - start)
    return text, marks.ljust(len(text))


class JsonReporter(Reporter):
    def __init__(self, stream: TextIO = sys.stdout, **_: Any) -> None:
        super().__init__(stream, quiet=True)
        self.items: list[dict[str, Any]] = []

    def file(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        self.items.extend(diagnostic_dict(d, doc) for d in diagnostics)

    def finish(self, files: int) -> None:
        json.dump(self.items, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


class JsonLinesReporter(JsonReporter):
    """One JSON object per line, per diagnostic, written as each file is done."""

    def file(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            self.stream.write(json.dumps(diagnostic_dict(d, doc), ensure_ascii=False) + "\n")

    def finish(self, files: int) -> None:
        self.stream.flush()


def _printable(text: str) -> str:
    """Control and invisible characters shown as visible marks, one character each."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else "\u00b7" for ch in text)


def _ci_format(name: str) -> Callable[..., Output]:
    """A reporter of seedlint.formats, imported only when asked for (start-up time)."""

    def build(*args: Any, **kwargs: Any) -> Output:
        from seedlint import formats

        return getattr(formats, name)(*args, **kwargs)

    return build


REPORTERS: dict[str, Callable[..., Output]] = {
    "text": TextReporter,
    "concise": ConciseReporter,
    "json": JsonReporter,
    "json-lines": JsonLinesReporter,
    "github": _ci_format("GithubReporter"),
    "sarif": _ci_format("SarifReporter"),
    "junit": _ci_format("JunitReporter"),
}
