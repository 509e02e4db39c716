"""``json`` (one array) and ``json-lines`` (one object per line, streamed): every
diagnostic with exactly the keys CI tools parse. With ``--statistics``, ``json`` prints
the count of each rule's findings instead.

Encoded with msgspec (several times faster than the standard encoder on large runs); a
text holding a lone surrogate (a byte that is not UTF-8) is written as a ``\\udcXX``
escape, so the output is always valid UTF-8 JSON.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from seedlint.engine.diagnostics import Diagnostic
from seedlint.engine.document import Document
from seedlint.output.base import Reporter, Summary

INDENT = 2


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
        fix = {"applicability": d.fix.applicability.value, "message": d.fix.message, "edits": edits}
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "filename": d.path,
        "location": {"row": d.row, "column": d.column},
        "end_location": {"row": d.end_row, "column": d.end_column},
        "fix": fix,
    }


def encode(value: Any) -> bytes:
    """Compact JSON as UTF-8; lone surrogates as escapes."""
    try:
        return msgspec.json.encode(value)
    except UnicodeEncodeError:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return text.encode("utf-8", "backslashreplace")


def encode_pretty(value: Any) -> bytes:
    """Indented JSON as UTF-8 with a final newline; lone surrogates as escapes."""
    try:
        return msgspec.json.format(msgspec.json.encode(value), indent=INDENT) + b"\n"
    except UnicodeEncodeError:
        text = json.dumps(value, ensure_ascii=False, indent=INDENT) + "\n"
        return text.encode("utf-8", "backslashreplace")


def write_bytes(stream: Any, data: bytes) -> None:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(data)
    else:
        stream.write(data.decode("utf-8"))


class JsonReporter(Reporter):
    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.items: list[dict[str, Any]] = []

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        if not self.statistics:
            self.items.extend(diagnostic_dict(d, doc) for d in diagnostics)

    def finish(self, summary: Summary) -> None:
        value = self.items
        if self.statistics:
            value = [
                {"code": code, "name": name, "count": count}
                for (code, name), count in sorted(summary.by_rule.items())
            ]
        write_bytes(self.stream, encode_pretty(value))


class JsonLinesReporter(Reporter):
    """One JSON object per line, per diagnostic, written as each document is done."""

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        if diagnostics:
            write_bytes(
                self.stream, b"".join(encode(diagnostic_dict(d, doc)) + b"\n" for d in diagnostics)
            )

    def finish(self, summary: Summary) -> None:
        self.stream.flush()
