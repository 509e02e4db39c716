"""pairs: quotation marks and brackets that open and close within a paragraph.

Each rule names its ``pairs`` as two-character strings, opening then closing ("“”",
"()"). A pair written with the same character twice ('""', "''") is straight: whether a
straight mark opens or closes is read from its neighbours. With ``mixed: true`` any pair
of the rule may close another (a straight quote closing a curly one); brackets keep
``mixed: false``.

Reported: a closing mark with nothing open, and an opening mark still open at the end of
its paragraph. News writing lets a quotation run over several paragraphs by reopening
each new paragraph without closing the previous one; an unclosed mark followed by a
paragraph that starts by reopening is therefore correct, and so is one whose quotation
the next paragraph closes without reopening it. With ``apostrophe: true`` a
closing mark that closes nothing is an apostrophe ("the players’ union"), never a finding.

The fix (a guess, so rule files mark it unsafe) inserts the missing opening mark at the
start of the paragraph, or the missing closing mark at its end; it is offered only when
the paragraph has that one problem and the insertion balances it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import Document
from seedlint.engine.kind import Kind, single_check
from seedlint.engine.options import Option

OPENING_CONTEXT = set(" \t\r\n([{<—–-/“‘„\"'«\u00a0")
NOT_AFTER_OPENING = set(",;:!?)]}")
POSSESSIVE = re.compile(r"'s\b")
ENUMERATOR = re.compile(r"(?:^|\s)[a-zA-Z0-9]{1,2}\Z")


@dataclass(frozen=True)
class State:
    opening: dict[str, str]  # opening char -> the closing char it expects
    closing: dict[str, str]  # closing char -> its opening char
    straight: frozenset[str]
    mixed: bool
    apostrophe: bool
    enumerators: bool
    marks: re.Pattern[str]  # any of the rule's characters


class Pairs(Kind[State]):
    name = "pairs"
    checks = single_check(
        "pairs",
        "marks that open and close within a paragraph",
        fields=("mark", "problem"),
        fixable=True,
        options={
            "pairs": Option("str-list", help='opening+closing characters, e.g. "“”" or "()"'),
            "mixed": Option("bool", False, help="whether pairs of this rule may close each other"),
            "apostrophe": Option("bool", False, help="an unmatched closing mark is an apostrophe"),
            "enumerators": Option("bool", False, help='"a)" and "2)" close nothing and are fine'),
        },
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        return _build(options)

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        return _find(doc, state)


KIND = Pairs()


def _build(options: dict[str, Any]) -> State:
    opening: dict[str, str] = {}
    closing: dict[str, str] = {}
    straight: set[str] = set()
    for pair in options["pairs"]:
        if len(pair) != 2:
            raise ValueError(f"pair {pair!r} must be exactly two characters")
        if pair[0] == pair[1]:
            straight.add(pair[0])
        else:
            opening.setdefault(pair[0], pair[1])
            closing.setdefault(pair[1], pair[0])
    every = "".join(sorted({*opening, *closing, *straight}))
    return State(
        opening,
        closing,
        frozenset(straight),
        options["mixed"],
        options["apostrophe"],
        options["enumerators"],
        re.compile(f"[{re.escape(every)}]"),
    )


def _find(doc: Document, state: State) -> Iterator[Finding]:
    if not state.marks.search(doc.text):
        return
    paragraphs = doc.paragraphs
    texts = [doc.paragraph_text(p) for p in paragraphs]
    carried = False  # a quotation left open by the previous paragraph, not reopened here
    for index, (span, text) in enumerate(zip(paragraphs, texts)):
        if not state.marks.search(text):
            carried = False
            continue
        unmatched_closes, still_open = _scan(text, state)
        if carried and unmatched_closes:
            unmatched_closes.pop(0)  # closes the quotation the previous paragraph opened
        for position, mark in unmatched_closes:
            opener = state.closing.get(mark, mark)
            repaired = len(unmatched_closes) == 1 and _balanced(opener + text, state)
            # the span runs from where the missing opening mark may be to the closing one
            yield Finding(
                span.start,
                span.start + position + 1,
                {"mark": mark, "problem": "closes nothing that was opened in its paragraph"},
                (Edit(span.start, span.start, opener),) if repaired else None,
                f"Insert {opener} at the start of the paragraph",
            )
        following = texts[index + 1].lstrip() if index + 1 < len(texts) else ""
        carried = False
        for position, mark in still_open:
            if following[:1] and _reopens(following[0], mark, state):
                continue  # news convention: the quotation continues in the next paragraph
            if following and _closes_later(following, state):
                carried = True  # continues without reopening; closed in the next paragraph
                continue
            closer = state.opening.get(mark, mark)
            end = span.start + len(text.rstrip())
            repaired = len(still_open) == 1 and _balanced(text.rstrip() + closer, state)
            # the span runs from the opening mark to where the closing one may be
            yield Finding(
                span.start + position,
                end,
                {"mark": mark, "problem": "is never closed in its paragraph"},
                (Edit(end, end, closer),) if repaired else None,
                f"Insert {closer} at the end of the paragraph",
            )


def _balanced(text: str, state: State) -> bool:
    """Whether the paragraph balances: a fix is offered only when it makes it so, so that
    fixing converges and never piles marks onto a paragraph it cannot mend."""
    unmatched, still_open = _scan(text, state)
    return not unmatched and not still_open


def _scan(text: str, state: State) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Unmatched closing marks and still-open marks, as (position, mark)."""
    stack: list[tuple[int, str]] = []
    unmatched: list[tuple[int, str]] = []
    for found in state.marks.finditer(text):
        position, char = found.start(), found.group()
        if char in state.opening:
            stack.append((position, char))
        elif char not in state.closing and char not in state.straight:
            continue
        elif stack and _closes(stack[-1][1], char, state) and _may_close(text, position):
            stack.pop()
        elif char in state.straight and _opens(text, position):
            stack.append((position, char))
        elif char in state.straight and _not_a_quote(text, position):
            continue
        elif state.enumerators and _enumerator(text, position):
            continue  # "a) first, b) second"
        elif not state.apostrophe:
            unmatched.append((position, char))
    return unmatched, stack


def _may_close(text: str, position: int) -> bool:
    """A straight mark followed by a letter opens rather than closes: 'a "b" "c'."""
    after = text[position + 1] if position + 1 < len(text) else " "
    before = text[position - 1] if position else " "
    return not (after.isalnum() and before in OPENING_CONTEXT)


def _opens(text: str, position: int) -> bool:
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if before not in OPENING_CONTEXT:
        return False
    if text[position] == "'":  # '70s and 's are apostrophes, not quotations
        return after.isalpha() and not POSSESSIVE.match(text, position)
    if after == ".":  # an ellipsis may open a quotation: "...not recognise"
        return text.startswith("...", position + 1)
    return not after.isspace() and after not in NOT_AFTER_OPENING


def _not_a_quote(text: str, position: int) -> bool:
    """An apostrophe (rock 'n' roll, the players' union) or a unit mark (5'10")."""
    before = text[position - 1] if position else " "
    return text[position] == "'" or before.isdigit()


def _enumerator(text: str, position: int) -> bool:
    return ENUMERATOR.search(text, max(0, position - 4), position) is not None


def _closes(opened: str, char: str, state: State) -> bool:
    expected = state.opening.get(opened, opened)
    return char == expected or state.mixed


def _reopens(first: str, mark: str, state: State) -> bool:
    return first == mark or (state.mixed and (first in state.opening or first in state.straight))


def _closes_later(following: str, state: State) -> bool:
    unmatched, _ = _scan(following, state)
    return bool(unmatched)
