"""ending: how the document stops.

A rule picks one check:

- ``final-newline``: the text must end with exactly one line break. A missing one is
  appended; extra blank lines at the end are removed.
- ``truncated``: the last paragraph must end a sentence: terminal punctuation, possibly
  followed by closing quotes or brackets. A last paragraph that stops mid-sentence, on a
  dangling speech introduction ("Sharon Barber commented," / "said:"), or on markup or
  caption residue, is reported. Endings that are finished without a full stop are not:
  a list item, line-up, result or label line, credit, sign-off or contact line, an
  address, a footnote arrow, a citation in brackets (see ``_endings``). The fix deletes
  the unfinished fragment: back to the last complete sentence of that paragraph, or the
  whole paragraph when it holds none. Deleting words is a guess, so rule files mark this
  fix unsafe.
- ``empty``: the document has a header but no body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import BREAK, Document
from seedlint.engine.kind import Check, Kind, declare
from seedlint.engine.options import Option
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import NOT_AN_END

TAIL = lazy_compile(f"{BREAK}(?:[ \\t]*{BREAK})*\\Z")


NEVER = lazy_compile("(?!)")


class State(msgspec.Struct, frozen=True):
    check: str
    # the truncated check's patterns
    sentence_end: re.Pattern[str] = NEVER
    complete: re.Pattern[str] = NEVER
    speech: re.Pattern[str] = NEVER


class Ending(Kind[State]):
    name = "ending"
    checks = declare(
        Check(
            "final-newline",
            "no final line break, or blank lines at the end",
            fields=("reason",),
            fixable=True,
        ),
        Check(
            "truncated",
            "a last paragraph that stops mid-sentence",
            fields=("reason", "fragment"),
            fixable=True,
            options={
                "terminal": Option("str", ".!?…", help="characters that end a sentence"),
                "closers": Option(
                    "str", "\"'”’)]»", help="characters that may follow the terminal one"
                ),
                "speech-verbs": Option(
                    "str-list",
                    [],
                    help="verbs that introduce a quotation: an ending on one of them and a "
                    "comma or colon is a dangling speech introduction",
                ),
            },
        ),
        Check("empty", "a header and no body", fields=("reason",)),
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        if check != "truncated":
            return State(check)
        if not options["terminal"]:
            raise ValueError("option 'terminal' needs at least one character")
        terminal = re.escape(options["terminal"])
        # a character set of the closers; none at all is a set that matches nothing
        closers = f"[{re.escape(options['closers'])}]" if options["closers"] else r"[^\s\S]"
        verbs = "|".join(re.escape(v) for v in options["speech-verbs"]) or "(?!)"
        return State(
            check,
            sentence_end=re.compile(f"{NOT_AN_END}[{terminal}]{closers}*(?=\\s)"),
            # thin and no-break spaces sometimes sit between the full stop and a closing quote,
            # and French typography sets any space before a closing guillemet ("possible ! »");
            # *+: linear
            complete=re.compile(
                f"[{terminal}](?:{closers}|[\u2009\u200a\u202f\u00a0]|\\s(?=»))*+\\s*\\Z"
            ),
            speech=re.compile(rf"\b(?:{verbs})\b[^.!?]{{0,40}}[,:]\s*\Z", re.IGNORECASE),
        )

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        if state.check == "final-newline":
            return _final_newline(doc)
        if state.check == "truncated":
            return _truncated(doc, state)
        return _empty(doc)


KIND = Ending()


def _final_newline(doc: Document) -> Iterator[Finding]:
    text = doc.text
    if text.endswith("\n") and text[-2:-1] not in ("\n", "\r", " ", "\t", ""):
        return  # the common case: one line break after text
    if not text.strip():
        return
    # the tail can only start at the first line break after the last visible character:
    # matching there, not searching, keeps a text of many line breaks linear
    visible_end = len(text.rstrip(" \t\r\n"))
    tail = TAIL.match(
        text, visible_end + len(text[visible_end:]) - len(text[visible_end:].lstrip(" \t"))
    )
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


def _truncated(doc: Document, state: State) -> Iterator[Finding]:
    if not doc.paragraphs:
        return
    last = doc.paragraphs[-1]
    text = doc.text[last.start : last.end].rstrip()
    if state.complete.search(text):
        return
    # imported here: its patterns (6 ms to compile) read only a last paragraph without a stop
    from seedlint.kinds._endings import (
        complete_without_stop,
        finished_fragment,
        furniture,
        navigation,
        residue,
        undecorated,
    )

    ends = list(state.sentence_end.finditer(text))
    fragment_start = last.start
    if ends:
        fragment_start += len(text) - len(text[ends[-1].end() :].lstrip())
    fragment = doc.text[fragment_start : last.start + len(text)]
    leftover = residue(text)
    bare = undecorated(text)  # the words before a closing emoji or face
    if not leftover and (
        (bare != text and state.complete.search(bare))
        or complete_without_stop(bare)
        or furniture([doc.paragraph_text(p) for p in doc.paragraphs[-2:-1]] + [bare])
        or finished_fragment(undecorated(fragment))
    ):
        return
    speech = state.speech.search(fragment)
    reason = "on a dangling speech introduction" if speech else "mid-sentence"
    if leftover and not speech:
        reason = "on markup or caption residue"
    elif navigation(text):
        reason = "on navigation left by a scraper"
    edits = None
    if ends:  # keep the complete sentences of the last paragraph
        cut = last.start + ends[-1].end()
        edits = (Edit(cut, len(doc.text), "\n"),)
    elif len(doc.paragraphs) > 1:  # drop the whole unfinished paragraph
        cut = doc.paragraphs[-2].end
        edits = (Edit(cut, len(doc.text), "\n"),)
    values = {"reason": reason, "fragment": fragment[-60:]}
    yield Finding(fragment_start, last.start + len(text), values, edits, "Delete the fragment")


def _empty(doc: Document) -> Iterator[Finding]:
    if doc.header is not None and not doc.paragraphs:
        yield Finding(doc.header.start, doc.header.end, {"reason": "after the header"})
