"""Applying fixes: non-overlapping edits, then lint again, until nothing more applies.

Each pass lints the current text, takes the fixes allowed (safe, plus unsafe when asked),
keeps those whose edits do not overlap an edit already taken (earliest first), applies
them from the end of the text backwards, and records each edit. Text outside the edited
ranges is never touched. A rule that keeps producing fixes after ``MAX_PASSES`` passes
does not converge and is reported as an error instead of being looped on.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from seedlint.diagnostic import Diagnostic, Edit
from seedlint.linter import Linter

MAX_PASSES = 10


class FixDidNotConverge(Exception):
    def __init__(self, path: str, codes: list[str]) -> None:
        super().__init__(
            f"{path}: fixes of {', '.join(codes)} did not converge after "
            f"{MAX_PASSES} passes; the file was not changed"
        )
        self.codes = codes


@dataclass(frozen=True)
class AppliedEdit:
    """One applied edit, located in the text as it was before its pass."""

    code: str
    name: str
    applicability: str
    row: int
    column: int
    before: str
    after: str


def overlaps(taken: list[Edit], edit: Edit) -> bool:
    """Edits may touch end to start, but an insertion may not sit at another edit's edge."""
    for other in taken:
        if edit.start < other.end and other.start < edit.end:
            return True
        touching = edit.start in (other.start, other.end) or edit.end in (other.start, other.end)
        zero_width = edit.start == edit.end or other.start == other.end
        if touching and zero_width:
            return True
    return False


class _Taken:
    """The edits chosen so far, sorted. They never overlap one another, so a new edit can
    only conflict with its two neighbours in that order: choosing stays n log n."""

    def __init__(self) -> None:
        self.keys: list[tuple[int, int]] = []
        self.edits: list[Edit] = []

    def conflicts(self, edit: Edit) -> bool:
        index = bisect.bisect_left(self.keys, (edit.start, edit.end))
        return overlaps(self.edits[max(0, index - 1) : index + 1], edit)

    def add(self, edit: Edit) -> None:
        index = bisect.bisect_left(self.keys, (edit.start, edit.end))
        self.keys.insert(index, (edit.start, edit.end))
        self.edits.insert(index, edit)


def choose(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The fixable diagnostics whose edits can be applied together, earliest first."""
    allowed = ("safe", "unsafe") if unsafe else ("safe",)
    taken = _Taken()
    chosen = []
    candidates = [d for d in diagnostics if d.fix and d.fix.applicability in allowed]
    for diagnostic in sorted(candidates, key=lambda d: (min(e.start for e in d.fix.edits), d.code)):
        edits = diagnostic.fix.edits
        if _self_overlapping(edits) or any(taken.conflicts(e) for e in edits):
            continue
        for edit in edits:
            taken.add(edit)
        chosen.append(diagnostic)
    return chosen


def _self_overlapping(edits: tuple[Edit, ...]) -> bool:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return any(a.end > b.start for a, b in itertools.pairwise(ordered))


def apply(text: str, edits: list[Edit]) -> str:
    pieces = []
    position = len(text)
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        pieces.append(text[edit.end : position])
        pieces.append(edit.content)
        position = edit.start
    pieces.append(text[:position])
    return "".join(reversed(pieces))


def fix_document(
    linter: Linter, text: str, path: str = "<text>", unsafe: bool = False
) -> tuple[str, list[AppliedEdit], list[Diagnostic]]:
    """The fixed text, the edits applied, and the diagnostics that remain."""
    applied: list[AppliedEdit] = []
    rules = linter.rules_for(path)
    for _ in range(MAX_PASSES):
        diagnostics = linter.lint(text, path, rules)
        chosen = choose(diagnostics, unsafe)
        if not chosen:
            return text, applied, diagnostics
        edits = []
        position = _Positions(text)
        for diagnostic in chosen:
            for edit in diagnostic.fix.edits:
                edits.append(edit)
                applied.append(
                    AppliedEdit(
                        diagnostic.code,
                        diagnostic.name,
                        diagnostic.fix.applicability,
                        *position(edit.start),
                        text[edit.start : edit.end],
                        edit.content,
                    )
                )
        new_text = apply(text, edits)
        if new_text == text:
            return text, applied, diagnostics
        text = new_text
    remaining = choose(linter.lint(text, path, rules), unsafe)
    if remaining:
        raise FixDidNotConverge(path, sorted({d.code for d in remaining}))
    return text, applied, linter.lint(text, path, rules)


class _Positions:
    """1-based (row, column) of offsets, rows counted by LF; one scan of the text."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in NEWLINE.finditer(text))]

    def __call__(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset)
        return row, offset - self.starts[row - 1] + 1


NEWLINE = re.compile("\n")
