"""Scoring shared by seedlint and the peer tools: recall per defect class, false positives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from inject import CLASSES, TRUNCATIONS, Case
from source_defects import known_spans

STRICT_RECALL = {
    "header-whitespace",
    "real-word-typo",
    "real-word-slip",
    "apostrophe-acronym-any",
    "apostrophe-name-any",
    "apostrophe-name-initial",
    "apostrophe-contraction-any",
    "missing-open-quote",
    "missing-close-quote",
    "apostrophe-acronym",
    "apostrophe-name",
    "apostrophe-contraction",
    *TRUNCATIONS,
}
RECALL_TARGET = {cls: 0.95 if cls in STRICT_RECALL else 0.90 for cls in CLASSES}
FP_TARGET = 1.0  # error/warning diagnostics per 100 clean documents, at most
RESTORE_TARGET = 0.95  # also the target of fix(damaged) == fix(clean twin)
CLEAN_UNCHANGED_TARGET = 0.99
COUNTED_SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Finding:
    """One reported problem, mapped to character offsets [start, end) of the document."""

    start: int
    end: int
    code: str
    severity: str = "warning"
    message: str = ""


@dataclass
class Scores:
    """Recall per class and false positives on the clean controls, for one tool."""

    total: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    found_line: Counter[str] = field(default_factory=Counter)
    clean_docs: int = 0
    false_positives: Counter[str] = field(default_factory=Counter)  # by code
    source_found: Counter[str] = field(default_factory=Counter)  # known source defects, by code
    info: Counter[str] = field(default_factory=Counter)  # by code, on clean docs
    examples: dict[str, list[str]] = field(default_factory=dict)  # code -> snippets
    missed: dict[str, list[Case]] = field(default_factory=dict)  # class -> cases

    def recall(self, cls: str, line: bool = False) -> float:
        hits = self.found_line if line else self.found
        return hits[cls] / self.total[cls] if self.total[cls] else float("nan")

    def fp_per_100(self) -> float:
        return 100 * sum(self.false_positives.values()) / max(self.clean_docs, 1)


def widen(start: int, end: int) -> tuple[int, int]:
    """A zero-width span covers one character either side."""
    return (start - 1, end + 1) if start == end else (start, end)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    (s1, e1), (s2, e2) = widen(*a), widen(*b)
    return s1 < e2 and s2 < e1


def line_of(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of the line(s) holding the span, newline excluded."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def found(case: Case, findings: Iterable[Finding], line: bool = False) -> bool:
    """Whether any finding marks the injected defect (or, with line, its line)."""
    if case.cls in TRUNCATIONS:  # anything on the last line of the cut document counts
        last = case.damaged.rfind("\n") + 1
        return any(f.end > last or f.start >= last for f in findings)
    span = line_of(case.damaged, case.start, case.end) if line else (case.start, case.end)
    return any(overlaps(span, (f.start, f.end)) for f in findings)


def snippet(text: str, start: int, end: int, width: int = 30) -> str:
    left = max(0, start - width)
    return repr(f"{text[left:start]}[{text[start:end]}]{text[end : end + width]}")


def score(cases: Iterable[Case], findings: dict[str, list[Finding]], keep: int = 3) -> Scores:
    scores = Scores()
    for case in cases:
        got = findings.get(case.doc_id, [])
        if case.cls == "clean":
            scores.clean_docs += 1
            known = known_spans(case.article, case.damaged)
            for f in got:
                if f.severity not in COUNTED_SEVERITIES:
                    scores.info[f.code] += 1
                    continue
                if any(overlaps(span, (f.start, f.end)) for span in known):
                    scores.source_found[f.code] += 1
                    continue
                scores.false_positives[f.code] += 1
                shown = scores.examples.setdefault(f.code, [])
                if len(shown) < keep:
                    shown.append(f"{case.article}: {snippet(case.damaged, f.start, f.end)}")
            continue
        scores.total[case.cls] += 1
        if found(case, got):
            scores.found[case.cls] += 1
        else:
            scores.missed.setdefault(case.cls, []).append(case)
        if found(case, got, line=True):
            scores.found_line[case.cls] += 1
    return scores


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts


def line_span(text: str, row: int) -> tuple[int, int]:
    """[start, end) of 1-based line row, newline excluded."""
    starts = line_starts(text)
    start = starts[min(row, len(starts)) - 1]
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def first_difference(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def unexplained_change(case: Case, fixed: str) -> tuple[int, int] | None:
    """Where fixed first differs from the case's original seed other than at a known defect
    of the published Wikinews text (source_defects.py)."""
    return unexplained(case.original, fixed, known_spans(case.article, case.original))


def unexplained(original: str, fixed: str, known: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where fixed first differs from original other than inside a known span.

    Returns offsets into (original, fixed), or None when fixed restores the original. Fixes
    may change known defects but not the number of lines.
    """
    if fixed == original:
        return None
    before, after = original.split("\n"), fixed.split("\n")
    if len(before) != len(after):
        i = first_difference(original, fixed)
        return i, i
    old_at = new_at = 0
    for old, new in zip(before, after, strict=True):
        for tag, i1, i2, j1, _ in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            start, end = old_at + i1, old_at + i2
            if tag != "equal" and not any(s <= start and end <= e for s, e in known):
                return start, new_at + j1
        old_at += len(old) + 1
        new_at += len(new) + 1
    return None
