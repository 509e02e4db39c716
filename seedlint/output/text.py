"""The human formats: ``text`` (a finding with its source line, a caret and the fix) and
``concise`` (one line per finding), both streamed as documents come, with a summary.

    seeds/a.txt:7:28: SL201 error [minister-typo] 'Minster' is a typo for 'Minister'

With ``--statistics`` they print the count of each rule's findings instead.
"""

from __future__ import annotations

from seedlint.engine.diagnostics import Diagnostic
from seedlint.engine.document import Document
from seedlint.output.base import Reporter, Summary, escape, visible

CONTEXT = 60  # characters of the source line shown on each side of a finding
LONG_SPAN = 80  # longer spans are shown by their two ends
EDGE = 24  # characters of each end of a long span


class ConciseReporter(Reporter):
    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        if self.statistics:
            return
        self.stream.write("".join(self.headline(d) + "\n" for d in diagnostics))

    def headline(self, d: Diagnostic) -> str:
        where = self.paint(f"{escape(d.path)}:{d.row}:{d.column}:", "bold")
        code = self.paint(f"{d.code} {d.severity.value}", d.severity.value)
        return f"{where} {code} [{d.name}] {escape(d.message)}"

    def finish(self, summary: Summary) -> None:
        if self.statistics:
            for (code, name), count in sorted(summary.by_rule.items()):
                self.stream.write(f"{count:6d}  {code}  [{name}]\n")
        if not self.quiet:
            self.stream.write(summary.line() + "\n")


class FullReporter(ConciseReporter):
    """The headline, then the source line with a caret under the span, then the fix."""

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        if self.statistics:
            return
        self.stream.write("".join(self.one(doc, d) for d in diagnostics))

    def one(self, doc: Document, d: Diagnostic) -> str:
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
        out = [self.headline(d), f"{gutter}{text}", self.paint(caret, d.severity.value)]
        if d.fix is not None:
            out.append(f"     = fix ({d.fix.applicability.value}): {escape(d.fix.message)}")
        return "\n".join(out) + "\n\n"


def _window(source: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    """Source text around [start, end) and a line of carets under that span."""
    left, right = max(0, start - before), min(len(source), end + after)
    prefix = "…" if left and before else ""
    suffix = "…" if right < len(source) and after else ""
    text = prefix + visible(source[left:right]) + suffix
    marks = " " * (len(prefix) + start - left) + "^" * (end - start)
    return text, marks.ljust(len(text))
