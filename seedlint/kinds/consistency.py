"""consistency: one document mixing straight and curly apostrophes or quotation marks.

``marks: apostrophes`` counts apostrophes between letters (don't / don’t); ``marks:
quotes`` counts double quotation marks (" against “ ”). When both styles occur, the first
mark of the less common style is reported with both counts. For apostrophes the fix
rewrites every minority apostrophe in the majority style (a straight and a curly
apostrophe between letters mean the same); quotes are left to a person, since turning a
straight quote curly needs to know whether it opens or closes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedlint.diagnostic import Edit, Finding
from seedlint.document import APOSTROPHE_CURLY, APOSTROPHE_STRAIGHT, Document
from seedlint.options import Option

OPTIONS = {"marks": Option("choice", choices=("apostrophes", "quotes"))}
FIELDS = ("straight", "curly", "minority")
FIXABLE = True

STYLES = {
    "apostrophes": (APOSTROPHE_STRAIGHT, APOSTROPHE_CURLY),
    "quotes": (re.compile('"'), re.compile("[\u201c\u201d]")),
}


GATES = {"apostrophes": ("’",), "quotes": ("“", "”")}


def compile(options: dict) -> str:
    return options["marks"]


def check(doc: Document, marks: str) -> Iterator[Finding]:
    text = doc.text
    if text.isascii() or not any(mark in text for mark in GATES[marks]):
        return
    straight_pattern, curly_pattern = STYLES[marks]
    straight = list(straight_pattern.finditer(text))
    curly = list(curly_pattern.finditer(text))
    if not straight or not curly:
        return
    minority, majority_char = (straight, "\u2019") if len(straight) <= len(curly) else (curly, "'")
    first = minority[0]
    values = {
        "straight": len(straight),
        "curly": len(curly),
        "minority": "straight" if minority is straight else "curly",
    }
    edits = None
    if marks == "apostrophes":
        edits = tuple(Edit(m.start(), m.end(), majority_char) for m in minority)
    yield Finding(
        first.start(), first.end(), values, edits, f"Write every apostrophe as {majority_char}"
    )
