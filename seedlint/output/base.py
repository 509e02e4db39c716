"""What every output format shares: the reporter interface, the run's summary, and the
escaping that keeps untrusted text (file names, document text, messages) from driving
the terminal.

A file name or a document can hold ESC, a line break or a bidi control: printed raw,
they clear the screen, retitle the window, forge extra lines of output or reorder what
people read. Every human-readable format passes such text through ``escape`` (control
characters as ``\\x1b``, ``\\n``, ``\\u202e``) or ``visible`` (one ``·`` each, for source
lines whose columns must stay aligned).
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from typing import TextIO

import msgspec

from seedlint.engine.diagnostics import Diagnostic, Severity
from seedlint.engine.document import Document
from seedlint.engine.rule import Rule

# C0, DEL, C1, line and paragraph separators, bidi controls and other format characters
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
COLOURS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2"}


def escape(text: str) -> str:
    """Text with every control character written as an escape (``\\x1b``)."""
    if text.isprintable():
        return text
    return UNSAFE.sub(_escaped, text).encode("utf-8", "backslashreplace").decode("utf-8")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return {9: "\\t", 10: "\\n", 13: "\\r"}.get(code) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    )


def visible(text: str) -> str:
    """Control and invisible characters shown as ``·``, one character each."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else "\u00b7" for ch in text)


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


class Summary(msgspec.Struct):
    """What a run found, for the closing line and the exit code."""

    documents: int = 0  # checked
    unchecked: int = 0  # could not be checked (errors)
    hidden: int = 0  # findings a baseline hid
    recorded: int = 0  # findings written into a baseline
    by_severity: Counter[str] = msgspec.field(default_factory=Counter)
    fixable: Counter[str] = msgspec.field(default_factory=Counter)  # by applicability
    by_rule: Counter[tuple[str, str]] = msgspec.field(default_factory=Counter)
    failing: int = 0  # findings at or above fail-on
    fail_on: Severity = Severity.WARNING
    unit: str = "file"

    def add(self, diagnostics: list[Diagnostic], failing: int, document: bool = True) -> None:
        """A document's diagnostics (``document=False``: more of one already counted, or
        of a document outside the run, as the corpus rules report after the last one)."""
        self.documents += document
        self.failing += failing
        for d in diagnostics:
            self.by_severity[d.severity.value] += 1
            self.by_rule[(d.code, d.name)] += 1
            if d.fix is not None:
                self.fixable[d.fix.applicability.value] += 1

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    def line(self) -> str:
        """The closing line of the human formats."""
        documents = plural(self.documents, self.unit)
        if self.recorded:
            return f"Recorded {plural(self.recorded, 'finding')} in the baseline ({documents})."
        if not self.total:
            hidden = f"; {self.hidden} hidden by the baseline" if self.hidden else ""
            if self.unchecked:
                unchecked = f"{self.unchecked} could not be checked"
                return f"No problems in {documents} checked; {unchecked}{hidden}."
            return f"All checks passed ({documents}{hidden})."
        counts = ", ".join(
            plural(self.by_severity[s.value], s.value)
            if s is not Severity.INFO
            else f"{self.by_severity[s.value]} info"
            for s in reversed(Severity)
            if self.by_severity[s.value]
        )
        line = f"Found {plural(self.total, 'problem')} ({counts}) in {documents}"
        safe, unsafe = self.fixable["safe"], self.fixable["unsafe"]
        if safe or unsafe:
            line += f" ({safe} fixable with `seedlint fix`"
            line += f", {unsafe} more with --unsafe-fixes)" if unsafe else ")"
        if self.hidden:
            line += f"; {self.hidden} hidden by the baseline"
        if self.unchecked:
            line += f"; {self.unchecked} could not be checked"
        if not self.failing:
            line += f". None at or above '{self.fail_on.value}' (fail-on)"
        return line + "."


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


class Reporter:
    """Base of every format: ``document`` for each document in order, then ``finish``."""

    def __init__(
        self,
        stream: TextIO = sys.stdout,
        *,
        rules: list[Rule] | None = None,
        quiet: bool = False,
        statistics: bool = False,
    ) -> None:
        self.stream = stream
        self.rules = rules or []
        self.quiet = quiet
        self.statistics = statistics
        self.colour = use_colour(stream)

    def paint(self, text: str, style: str) -> str:
        return f"\x1b[{COLOURS[style]}m{text}\x1b[0m" if self.colour else text

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        """One document's diagnostics (``doc`` holds its text when there are any)."""

    def finish(self, summary: Summary) -> None:
        """After the last document."""
