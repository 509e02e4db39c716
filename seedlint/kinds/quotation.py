"""quotation: quotations damaged across paragraphs.

A rule picks one check:

- ``merged-paragraphs``: a paragraph in which a quotation is reopened after a sentence end
  while it is still open (``… we are still in it. "The players are down …``): the news
  convention of reopening each paragraph of a long quotation, with the paragraph breaks
  lost, as scrapers do. One finding per paragraph, however many reopenings it holds; the
  fix (unsafe: the breaks are inferred) starts a new paragraph at each reopening.
- ``unquoted-speech``: a paragraph that ends by introducing speech ("Jane Doe said," /
  "commented:", "told us:", "said in a statement:"; not a passive "we were told:")
  followed by a paragraph that is the quotation without its marks: it holds
  no quotation mark and speaks in the first person. The fix (unsafe) puts the document's
  own quotation marks around that paragraph.

Quotation marks are read as the ``pairs`` kind reads them (``pairs``, ``mixed``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import Document, Span
from seedlint.engine.kind import Check, Kind, declare
from seedlint.engine.options import Option
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds import pairs

FIRST_PERSON = lazy_compile(r"\b(?:I|I['’]m|I['’]ve|I['’]d|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")
# what may stand between the verb and the colon of a speech introduction: "told us:",
# "said in a statement:"; anything longer ("told us two things:") introduces no speech
HEARERS = r"(?:us|me|him|her|them|reporters|journalists)"
OCCASION = r"(?:in|at|on|during)\s+(?:a|an|the|his|her|their|its|our)\s+[\w-]+"
NOT_PASSIVE = "".join(f"(?<!\\b{w} )" for w in ("was", "were", "been", "be", "is", "are"))
QUOTES = {"curly": ("“", "”"), "straight": ('"', '"')}
INTRODUCTION_ENDS = (",", ":")  # the characters a speech introduction ends with
WORDS_AFTER_VERB = 4  # one of HEARERS, and OCCASION's three words


class State(msgspec.Struct, frozen=True):
    check: str
    marks: pairs.State
    speech: re.Pattern[str]
    # the most words (runs between whitespace) a speech introduction holds before its
    # comma or colon: a verb's, then those of HEARERS and OCCASION
    speech_words: int = 0


MARK_OPTIONS = {
    "pairs": Option("str-list", ["“”", '""'], help="the quotation marks, opening+closing"),
    "mixed": Option("bool", True, help="whether the pairs may close each other"),
}


class Quotation(Kind[State]):
    name = "quotation"
    options = MARK_OPTIONS
    checks = declare(
        Check(
            "merged-paragraphs",
            "paragraphs of one quotation merged into one",
            fields=("count",),
            fixable=True,
        ),
        Check(
            "unquoted-speech",
            "a quotation introduced as speech but written without its marks",
            fields=("introduction",),
            fixable=True,
            options={
                "speech-verbs": Option(
                    "str-list", [], help="verbs that introduce a quotation (said, commented)"
                )
            },
        ),
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        marks = pairs.KIND.build(
            "pairs",
            {
                "pairs": options["pairs"],
                "mixed": options["mixed"],
                "apostrophe": False,
                "enumerators": False,
                "emoticons": False,
                "reopening": True,
                "elisions": [],
            },
        )
        listed = options.get("speech-verbs", [])
        verbs = "|".join(re.escape(v) for v in listed) or "(?!)"
        speech = re.compile(
            rf"{NOT_PASSIVE}\b(?:{verbs})\b(?:\s+{HEARERS})?(?:\s+{OCCASION})?\s*[,:]\s*\Z",
            re.IGNORECASE,
        )
        longest = max((len(v.split()) for v in listed), default=0)
        return State(check, marks, speech, longest + WORDS_AFTER_VERB)

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        if state.check == "merged-paragraphs":
            return _merged(doc, state)
        return _unquoted(doc, state)


KIND = Quotation()


def _merged(doc: Document, state: State) -> Iterator[Finding]:
    # cut out only a paragraph that may hold a reopening: copies of all would double a text
    for span in pairs.reopening_paragraphs(doc, state.marks):
        text = doc.paragraph_text(span)
        reopenings = pairs.scan_reopenings(text, state.marks)[3]
        if not reopenings:
            continue
        edits = []
        for position in reopenings:
            gap = len(text[:position]) - len(text[:position].rstrip())
            edits.append(Edit(span.start + position - gap, span.start + position, "\n\n"))
        yield Finding(
            span.start,
            span.start + reopenings[-1] + 1,
            {"count": len(reopenings) + 1},
            tuple(edits),
            "Start a new paragraph at each reopening quotation mark",
        )


def _unquoted(doc: Document, state: State) -> Iterator[Finding]:
    whole, paragraphs = doc.text, doc.paragraphs
    marks = state.marks.marks
    for index in range(len(paragraphs) - 1):
        # the introduction ends its paragraph with a comma or colon (then only \s, which
        # is what rstrip() strips): a paragraph ending otherwise is not searched at all
        if _last_character(whole, paragraphs[index]) not in INTRODUCTION_ENDS:
            continue
        text = doc.paragraph_text(paragraphs[index])
        introduction = state.speech.search(text, _introduction_start(text, state.speech_words))
        if introduction is None:
            continue
        quoted = doc.paragraph_text(paragraphs[index + 1])
        if marks.search(quoted) or not FIRST_PERSON.search(quoted):
            continue
        span = doc.paragraphs[index + 1]
        opening, closing = QUOTES["curly" if _curly(doc) else "straight"]
        end = span.start + len(quoted.rstrip())
        yield Finding(
            span.start,
            end,
            {"introduction": introduction.group().strip()},
            (Edit(span.start, span.start, opening), Edit(end, end, closing)),
            f"Put {opening}{closing} around the paragraph",
        )


def _introduction_start(text: str, words: int) -> int:
    """Where a speech introduction ending the paragraph ``text`` (its last character that
    is not whitespace a comma or colon) can start at the earliest: at the last ``words``
    runs between whitespace before that mark. The pattern's words stand between runs of
    \\s (str.isspace, what str.split splits on) and its first may start inside a run
    ("(said"), so no match starts earlier, and searching from there (the look-behinds
    still see what stands before) finds what searching the whole paragraph finds, without
    trying the pattern at every offset of a long paragraph."""
    head = text.rstrip()[:-1]
    runs = head.rsplit(None, words)
    return len(runs[0]) if len(runs) > words else 0


def _last_character(text: str, span: Span) -> str:
    """The last character of a paragraph that is not whitespace ("" if none): what
    ``paragraph.rstrip()[-1:]`` gives, without a copy of the paragraph."""
    end = span.end
    while end > span.start and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > span.start else ""


def _curly(doc: Document) -> bool:
    text = doc.text
    return text.count("“") + text.count("”") > text.count('"')
