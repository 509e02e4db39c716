"""consistency: one document mixing straight and curly apostrophes or quotation marks.

``check: apostrophes`` counts apostrophes between letters (don't / don’t); ``check:
quotes`` counts double quotation marks (" against “ ”). When both styles occur, the first
mark of the less common style is reported with both counts. Only the body counts: a
title is typed apart from the text (often by another hand or tool), so one straight
apostrophe in the header of a curly document is no inconsistency of the text. For
apostrophes the fix rewrites every minority apostrophe in the majority style (a straight and a curly
apostrophe between letters mean the same); quotes are left to a person, since turning a
straight quote curly needs to know whether it opens or closes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import APOSTROPHE_CURLY, APOSTROPHE_STRAIGHT, Document
from seedlint.engine.kind import Check, Kind, declare

STYLES = {
    "apostrophes": (APOSTROPHE_STRAIGHT, APOSTROPHE_CURLY),
    # a curly mark after "â€" is a byte of mojibake ("â€“" for "–"): the encoding rule's
    # (the look-behind follows the mark, so that re searches for the mark: one before it
    # would be tried at every offset)
    "quotes": (re.compile('"'), re.compile("[\u201c\u201d](?<!\u00e2\u20ac.)")),
}


GATES = {"apostrophes": ("’",), "quotes": ("“", "”")}


FIELDS = ("straight", "curly", "minority")


class Consistency(Kind[str]):
    name = "consistency"
    checks = declare(
        Check("apostrophes", "straight and curly apostrophes in one document", FIELDS, True),
        Check("quotes", "straight and curly quotation marks in one document", FIELDS),
    )

    def build(self, check: str, options: dict[str, Any]) -> str:
        return check

    def find(self, doc: Document, state: str) -> Iterator[Finding]:
        return _find(doc, state)


KIND = Consistency()


def _find(doc: Document, marks: str) -> Iterator[Finding]:
    text = doc.text
    if text.isascii() or not any(mark in text for mark in GATES[marks]):
        return
    straight_pattern, curly_pattern = STYLES[marks]
    # counted, not listed: a match object for every mark of a large document took several
    # times the memory of its text; only the less common style's marks are kept
    straight = sum(1 for _ in straight_pattern.finditer(text, doc.body_start))
    curly = sum(1 for _ in curly_pattern.finditer(text, doc.body_start))
    if not straight or not curly:
        return
    fewer_straight = straight <= curly
    majority_char = "\u2019" if fewer_straight else "'"
    minority_pattern = straight_pattern if fewer_straight else curly_pattern
    minority = list(minority_pattern.finditer(text, doc.body_start))
    first = minority[0]
    values = {
        "straight": straight,
        "curly": curly,
        "minority": "straight" if fewer_straight else "curly",
    }
    edits = None
    if marks == "apostrophes":
        edits = tuple(Edit(m.start(), m.end(), majority_char) for m in minority)
    yield Finding(
        first.start(), first.end(), values, edits, f"Write every apostrophe as {majority_char}"
    )
