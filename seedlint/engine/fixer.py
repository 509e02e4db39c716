"""Applying fixes: non-overlapping edits, then lint again, until nothing more applies.

Each pass lints the current text, takes the fixes allowed (safe, plus unsafe when asked),
keeps those whose edits do not overlap an edit already taken (earliest first), applies
them from the end of the text backwards, and records each edit. Text outside the edited
ranges is never touched. Fixing stops with ``FixDidNotConverge`` (and nothing changed)
when the fixes keep coming after ``MAX_PASSES`` passes, or at once when a pass grew the
text and the same rules then offer more fixes than they applied (a fix that re-creates
what it fixes would otherwise double the text on every pass), or when the text has grown
past ``MAX_GROWTH`` times its size.

A text whose line breaks are all CRLF (or all CR) keeps them when no rule that converts
line breaks fixes in this run: it is fixed as LF text, and its breaks are written back.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterable

import msgspec

from seedlint.engine.diagnostics import Applicability, Diagnostic, Edit
from seedlint.engine.document import INTERRUPTERS
from seedlint.engine.linter import Linter
from seedlint.engine.rule import Rule

MAX_PASSES = 10
MAX_GROWTH = 2  # a fixed text longer than twice the original plus MAX_GROWTH_SLACK stops
MAX_GROWTH_SLACK = 4096


class FixDidNotConverge(Exception):
    def __init__(self, path: str, codes: Iterable[str], why: str) -> None:
        self.codes = sorted(set(codes))
        super().__init__(
            f"{path}: fixes of {', '.join(self.codes)} did not converge ({why}); "
            "the text was not changed"
        )


class AppliedEdit(msgspec.Struct, frozen=True):
    """One applied edit, located in the text as it was before its pass."""

    code: str
    name: str
    applicability: Applicability
    row: int
    column: int
    before: str
    after: str


class FixResult(msgspec.Struct, frozen=True):
    text: str
    applied: list[AppliedEdit]
    remaining: list[Diagnostic]  # what is left in the fixed text


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
    taken = _Taken()
    chosen = []
    candidates = [
        d for d in diagnostics if d.fix and (unsafe or d.fix.applicability is Applicability.SAFE)
    ]
    for diagnostic in sorted(candidates, key=_first_edit):
        assert diagnostic.fix is not None
        edits = diagnostic.fix.edits
        if _self_overlapping(edits) or any(taken.conflicts(e) for e in edits):
            continue
        for edit in edits:
            taken.add(edit)
        chosen.append(diagnostic)
    return chosen


def mending_first(text: str, chosen: list[Diagnostic]) -> list[Diagnostic]:
    """The fixes that delete a control or invisible character from inside a word, alone
    when there are any: what the other checks read of a word cut in two ("CEOs" beside
    "M\x07Ps") may change once it is whole, so they are asked again in the next pass."""
    mending = [d for d in chosen if d.fix and any(_mends(text, e) for e in d.fix.edits)]
    return mending or chosen


def _mends(text: str, edit: Edit) -> bool:
    return (
        not edit.content
        and 0 < edit.start < edit.end < len(text)
        and text[edit.start - 1].isalnum()
        and text[edit.end].isalnum()
        and all(c in INTERRUPTERS for c in text[edit.start : edit.end])
    )


def _first_edit(diagnostic: Diagnostic) -> tuple[int, str]:
    assert diagnostic.fix is not None
    return min(e.start for e in diagnostic.fix.edits), diagnostic.code


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


def _multiplies(before: Counter[str], now: Counter[str]) -> bool:
    """Whether the rules whose fixes grew the text now offer more fixes than they applied:
    a fix that creates its own match ("agreed" -> "agreed agreed") doubles every pass."""
    return all(now[code] for code in before) and sum(now[c] for c in before) > before.total()


def line_break_style(text: str) -> str:
    """``"\\r\\n"`` or ``"\\r"`` when every line break is one; else ``"\\n"``."""
    if "\r" not in text:
        return "\n"
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\r") == text.count("\n"):
        return "\r\n"
    if "\n" not in text:
        return "\r"
    return "\n"


def fix_document(
    linter: Linter,
    text: str,
    path: str = "<text>",
    unsafe: bool = False,
    rules: list[Rule] | None = None,
) -> FixResult:
    """The fixed text, the edits applied, and the diagnostics that remain."""
    rules = linter.rules if rules is None else rules
    style = line_break_style(text)
    if style == "\n" or linter.normalises_line_breaks(rules, unsafe):
        return _fix(linter, text, path, unsafe, rules)
    result = _fix(linter, text.replace(style, "\n"), path, unsafe, rules)
    return FixResult(result.text.replace("\n", style), result.applied, result.remaining)


def _fix(linter: Linter, text: str, path: str, unsafe: bool, rules: list[Rule]) -> FixResult:
    applied: list[AppliedEdit] = []
    limit = MAX_GROWTH * len(text) + MAX_GROWTH_SLACK
    grew_with: Counter[str] | None = None  # the fixes of a pass that grew the text
    for _ in range(MAX_PASSES):
        doc = linter.document(text, path)
        diagnostics = linter.lint_document(doc, rules)
        chosen = mending_first(text, choose(diagnostics, unsafe))
        if not chosen:
            return FixResult(text, applied, diagnostics)
        offered = Counter(d.code for d in chosen)
        if grew_with is not None and _multiplies(grew_with, offered):
            raise FixDidNotConverge(path, offered, "each fix re-creates what it fixes")
        edits = []
        for diagnostic in chosen:
            assert diagnostic.fix is not None
            for edit in diagnostic.fix.edits:
                edits.append(edit)
                applied.append(
                    AppliedEdit(
                        diagnostic.code,
                        diagnostic.name,
                        diagnostic.fix.applicability,
                        *doc.position(edit.start),
                        text[edit.start : edit.end],
                        edit.content,
                    )
                )
        new_text = apply(text, edits)
        if new_text == text:
            return FixResult(text, applied, diagnostics)
        if len(new_text) > limit:
            raise FixDidNotConverge(path, offered, "the text kept growing")
        grew_with = offered if len(new_text) > len(text) else None
        text = new_text
    remaining = choose(linter.lint(text, path, rules), unsafe)
    if remaining:
        why = f"still fixing after {MAX_PASSES} passes"
        raise FixDidNotConverge(path, (d.code for d in remaining), why)
    return FixResult(text, applied, linter.lint(text, path, rules))
