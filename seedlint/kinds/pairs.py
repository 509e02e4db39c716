"""pairs: quotation marks and brackets that open and close within a paragraph.

Each rule names its ``pairs`` as two-character strings, opening then closing ("“”",
"()"). A pair written with the same character twice ('""', "''") is straight: whether a
straight mark opens or closes is read from its neighbours. With ``mixed: true`` any pair
of the rule may close another (a straight quote closing a curly one); brackets keep
``mixed: false``.

Reported: a closing mark with nothing open, and an opening mark still open at the end of
its paragraph. News writing lets a quotation run over several paragraphs by reopening
each new paragraph without closing the previous one; an unclosed mark followed by a
paragraph that starts by reopening is therefore correct. With ``apostrophe: true`` a
closing mark that closes nothing is an apostrophe ("the players’ union"), never a finding.

The fix (a guess, so rule files mark it unsafe) inserts the missing opening mark at the
start of the paragraph, or the missing closing mark at its end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seedlint.diagnostic import Edit, Finding
from seedlint.document import Document
from seedlint.options import Option

OPTIONS = {
    "pairs": Option("str-list", help='opening+closing characters, e.g. "“”" or "()"'),
    "mixed": Option("bool", False, help="whether pairs of this rule may close each other"),
    "apostrophe": Option("bool", False, help="an unmatched closing mark is an apostrophe"),
}
FIELDS = ("mark", "problem")
FIXABLE = True

OPENING_CONTEXT = set(" \t\r\n([{<—–-/“‘\"'«")


@dataclass(frozen=True)
class State:
    opening: dict[str, str]  # opening char -> the closing char it expects
    closing: dict[str, str]  # closing char -> its opening char
    straight: frozenset[str]
    mixed: bool
    apostrophe: bool


def compile(options: dict) -> State:
    opening: dict[str, str] = {}
    closing: dict[str, str] = {}
    straight: set[str] = set()
    for pair in options["pairs"]:
        if len(pair) != 2:
            raise ValueError(f"pair {pair!r} must be exactly two characters")
        if pair[0] == pair[1]:
            straight.add(pair[0])
        else:
            opening[pair[0]], closing[pair[1]] = pair[1], pair[0]
    return State(opening, closing, frozenset(straight), options["mixed"], options["apostrophe"])


def check(doc: Document, state: State) -> Iterator[Finding]:
    marks = set(state.opening) | set(state.closing) | state.straight
    paragraphs = doc.paragraphs
    texts = [doc.paragraph_text(p) for p in paragraphs]
    for index, (span, text) in enumerate(zip(paragraphs, texts)):
        if not marks.intersection(text):
            continue
        unmatched_closes, still_open = _scan(text, state)
        for position, mark in unmatched_closes:
            opener = _opener_for(mark, state)
            yield Finding(
                span.start + position,
                span.start + position + 1,
                {"mark": mark, "problem": "closes nothing that was opened in its paragraph"},
                (Edit(span.start, span.start, opener),),
                f"Insert {opener} at the start of the paragraph",
            )
        following = texts[index + 1].lstrip() if index + 1 < len(texts) else ""
        for position, mark in still_open:
            if following[:1] and _reopens(following[0], mark, state):
                continue  # news convention: the quotation continues in the next paragraph
            closer = state.opening.get(mark, mark)
            end = span.start + len(text.rstrip())
            yield Finding(
                span.start + position,
                span.start + position + 1,
                {"mark": mark, "problem": "is never closed in its paragraph"},
                (Edit(end, end, closer),),
                f"Insert {closer} at the end of the paragraph",
            )


def _scan(text: str, state: State) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Unmatched closing marks and still-open marks, as (position, mark)."""
    stack: list[tuple[int, str]] = []
    unmatched: list[tuple[int, str]] = []
    for position, char in enumerate(text):
        if char in state.opening:
            stack.append((position, char))
        elif char in state.closing or char in state.straight:
            if char in state.straight and _opens(text, position):
                stack.append((position, char))
            elif stack and _closes(stack[-1][1], char, state):
                stack.pop()
            elif char in state.straight and (state.apostrophe or _after_digit(text, position)):
                continue  # an apostrophe, or a unit mark as in 5'10"
            elif not state.apostrophe:
                unmatched.append((position, char))
    return unmatched, stack


def _opens(text: str, position: int) -> bool:
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return before in OPENING_CONTEXT and not after.isspace()


def _after_digit(text: str, position: int) -> bool:
    return position > 0 and text[position - 1].isdigit()


def _closes(opened: str, char: str, state: State) -> bool:
    expected = state.opening.get(opened, opened)
    return char == expected or state.mixed


def _opener_for(mark: str, state: State) -> str:
    return state.closing.get(mark, mark)


def _reopens(first: str, mark: str, state: State) -> bool:
    return first == mark or (state.mixed and (first in state.opening or first in state.straight))
