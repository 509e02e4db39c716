"""Where a finding is, by what is there rather than by its row: the key that baselines
and SARIF fingerprints use, so that editing elsewhere in a file leaves it matching.

An entry is the rule's code, the file, the flagged text and about 20 characters either
side of it, whitespace-normalised, and an occurrence index among equal keys in the file.
"""

from __future__ import annotations

import re
from collections import Counter

import msgspec

from seedlint.engine.diagnostics import Diagnostic

CONTEXT = 20  # characters of neighbourhood kept on each side of the flagged text
LONG_TEXT = 60  # longer flagged text is kept as its two ends
WHITESPACE = re.compile(r"\s+")
SURROGATE = re.compile("[\ud800-\udfff]")


class Entry(msgspec.Struct, frozen=True, order=True):
    file: str
    code: str
    before: str
    text: str
    after: str
    occurrence: int


def _normal(text: str) -> str:
    return SURROGATE.sub("\ufffd", WHITESPACE.sub(" ", text))


def entries(file: str, text: str, diagnostics: list[Diagnostic]) -> list[Entry]:
    """One entry per diagnostic, in the diagnostics' order."""
    seen: Counter[tuple[str, ...]] = Counter()
    result = []
    for d in diagnostics:
        flagged = _normal(text[d.start : d.end])
        if len(flagged) > LONG_TEXT:
            flagged = flagged[: LONG_TEXT // 2] + "…" + flagged[-LONG_TEXT // 2 :]
        before = _normal(text[max(0, d.start - 3 * CONTEXT) : d.start])[-CONTEXT:]
        after = _normal(text[d.end : d.end + 3 * CONTEXT])[:CONTEXT]
        key = (d.code, before, flagged, after)
        result.append(Entry(file, d.code, before, flagged, after, seen[key]))
        seen[key] += 1
    return result
