"""Applying fixes: non-overlapping edits, then lint again, until nothing more applies.

Each pass lints the current text, takes the fixes allowed (safe, plus unsafe when asked),
keeps those whose edits do not overlap an edit already taken (earliest first), applies
them from the end of the text backwards, and records each edit. Text outside the edited
ranges is never touched. A rule that keeps producing fixes after ``MAX_PASSES`` passes
does not converge and is reported as an error instead of being looped on.
"""

from __future__ import annotations

import itertools
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


def choose(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The fixable diagnostics whose edits can be applied together, earliest first."""
    allowed = ("safe", "unsafe") if unsafe else ("safe",)
    taken: list[Edit] = []
    chosen = []
    candidates = [d for d in diagnostics if d.fix and d.fix.applicability in allowed]
    for diagnostic in sorted(candidates, key=lambda d: (min(e.start for e in d.fix.edits), d.code)):
        edits = diagnostic.fix.edits
        if any(overlaps(taken, e) for e in edits) or _self_overlapping(edits):
            continue
        taken.extend(edits)
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
        for diagnostic in chosen:
            for edit in diagnostic.fix.edits:
                edits.append(edit)
                applied.append(
                    AppliedEdit(
                        diagnostic.code,
                        diagnostic.name,
                        diagnostic.fix.applicability,
                        *_position(text, edit.start),
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


def _position(text: str, offset: int) -> tuple[int, int]:
    row = text.count("\n", 0, offset) + 1
    return row, offset - (text.rfind("\n", 0, offset) + 1) + 1
