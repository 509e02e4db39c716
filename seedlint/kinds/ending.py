"""ending: how the document stops.

``check`` picks one property per rule:

- ``final-newline``: the text must end with exactly one line break. A missing one is
  appended; extra blank lines at the end are removed.
- ``truncated``: the last paragraph must end a sentence: terminal punctuation, possibly
  followed by closing quotes or brackets. A last paragraph that stops mid-sentence, or on a
  dangling speech introduction ("Sharon Barber commented," / "said:"), is reported. The
  fix deletes the unfinished fragment: back to the last complete sentence of that
  paragraph, or the whole paragraph when it holds none. Deleting words is a guess, so
  rule files mark this fix unsafe.
- ``empty``: the document has a header but no body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedlint.diagnostic import Edit, Finding
from seedlint.document import BREAK, Document
from seedlint.options import Option

OPTIONS = {
    "check": Option("choice", choices=("final-newline", "truncated", "empty")),
    "terminal": Option("str", ".!?…", help="characters that end a sentence"),
    "closers": Option("str", "\"'”’)]»", help="characters that may follow the terminal one"),
    "speech-verbs": Option(
        "str-list",
        [
            "said",
            "says",
            "commented",
            "added",
            "stated",
            "told",
            "explained",
            "noted",
            "wrote",
            "announced",
            "continued",
            "remarked",
            "replied",
            "declared",
            "asked",
        ],
        help="verbs that introduce a quotation",
    ),
}
FIELDS = ("reason", "fragment")
FIXABLE = True

TAIL = re.compile(f"{BREAK}(?:[ \\t]*{BREAK})*\\Z")
SPACING = re.compile("[ \t]*")


def compile(options: dict) -> dict:
    state = dict(options)
    terminal = re.escape(options["terminal"])
    closers = re.escape(options["closers"])
    state["sentence_end"] = re.compile(f"[{terminal}][{closers}]*(?=\\s)")
    # thin and no-break spaces sometimes sit between the full stop and a closing quote
    state["complete"] = re.compile(
        f"[{terminal}](?:[{closers}]|[\u2009\u200a\u202f\u00a0])*+\\s*\\Z"  # *+: linear
    )
    verbs = "|".join(re.escape(v) for v in options["speech-verbs"])
    state["speech"] = re.compile(rf"\b(?:{verbs})\b[^.!?]{{0,40}}[,:]\s*\Z", re.IGNORECASE)
    return state


def check(doc: Document, state: dict) -> Iterator[Finding]:
    yield from CHECKS[state["check"]](doc, state)


def _final_newline(doc: Document, state: dict) -> Iterator[Finding]:
    text = doc.text
    if text.endswith("\n") and text[-2:-1] not in ("\n", "\r", " ", "\t", ""):
        return  # the common case: one line break after text
    if not text.strip():
        return
    # the tail can only start at the first line break after the last visible character:
    # matching there, not searching, keeps a text of many line breaks linear
    tail = TAIL.match(text, SPACING.match(text, len(text.rstrip(" \t\r\n"))).end())
    if tail is None:
        end = len(text)
        yield Finding(
            end - 1,
            end,
            {"reason": "without a final newline"},
            (Edit(end, end, "\n"),),
            "Add a final newline",
        )
    elif tail.group() not in ("\n", "\r\n", "\r"):
        yield Finding(
            tail.start(),
            tail.end(),
            {"reason": "with extra blank lines"},
            (Edit(tail.start(), tail.end(), "\n"),),
            "Remove the extra blank lines",
        )


def _truncated(doc: Document, state: dict) -> Iterator[Finding]:
    if not doc.paragraphs:
        return
    last = doc.paragraphs[-1]
    text = doc.text[last.start : last.end].rstrip()
    if state["complete"].search(text):
        return
    ends = list(state["sentence_end"].finditer(text))
    fragment_start = last.start
    if ends:
        fragment_start += len(text) - len(text[ends[-1].end() :].lstrip())
    fragment = doc.text[fragment_start : last.start + len(text)]
    speech = state["speech"].search(fragment)
    reason = "on a dangling speech introduction" if speech else "mid-sentence"
    edits = None
    if ends:  # keep the complete sentences of the last paragraph
        cut = last.start + ends[-1].end()
        edits = (Edit(cut, len(doc.text), "\n"),)
    elif len(doc.paragraphs) > 1:  # drop the whole unfinished paragraph
        cut = doc.paragraphs[-2].end
        edits = (Edit(cut, len(doc.text), "\n"),)
    values = {"reason": reason, "fragment": fragment[-60:]}
    yield Finding(fragment_start, last.start + len(text), values, edits, "Delete the fragment")


def _empty(doc: Document, state: dict) -> Iterator[Finding]:
    if doc.header is not None and not doc.paragraphs:
        yield Finding(doc.header.start, doc.header.end, {"reason": "after the header"})


CHECKS = {"final-newline": _final_newline, "truncated": _truncated, "empty": _empty}
