"""pairs: quotation marks and brackets that open and close within a paragraph.

Each rule names its ``pairs`` as two-character strings, opening then closing ("“”",
"()"). A pair written with the same character twice ('""', "''") is straight: whether a
straight mark opens or closes is read from its neighbours. With ``mixed: true`` any pair
of the rule may close another (a straight quote closing a curly one); brackets keep
``mixed: false``.

Reported: a closing mark with nothing open, and an opening mark still open at the end of
its paragraph. News writing lets a quotation run over several paragraphs by reopening
each new paragraph without closing the previous one; the last quotation left open by a
paragraph whose successor starts by reopening is therefore correct (only the last: the
others are still unclosed; and not when an attribution follows it in the paragraph, "“… in
government, said Administrator Roth when …", which shows the closing mark lost before
it, nor when the next paragraph gives its first quotation to another speaker than the one
this paragraph names: '“… now.' then '“It's a good sign,” said Ryan Cloutier', nor when it
is a partial quotation, which news style closes: 'a "quasi-state of war.'), and so is
one that a later paragraph closes without reopening
it, when the paragraphs between hold no quotation marks (a quoted list). With
``reopening: true`` a quotation mark that opens after a sentence end while the same
quotation is open continues it: a scraper merged the paragraphs of one quotation, which
the quotation kind reports once per paragraph. With ``apostrophe: true`` a closing mark
that closes nothing is an apostrophe ("the players’ union"), never a finding; an opening
straight mark before a clipped word (``elisions``: 'phone, 'til) is one too. A » at the
end of a paragraph in a text without « is a link arrow, not a quotation mark. With
``mixed``, a curly closing mark closes the curly quotation around a straight one still
open ('“He said "hello to me.”'): the straight quotation nested in it lost its closing
mark, and is reported as left open, never carried into the next paragraph.

The fix (a guess, so rule files mark it unsafe) inserts the missing opening mark at the
start of the paragraph, or the missing closing mark at its end (after the comma before an
attribution, when one follows the opening mark); it is offered only when
the paragraph has that one problem and the insertion balances it.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import NOT_SPACE, Document, Span
from seedlint.engine.kind import Kind, single_check
from seedlint.engine.options import Option
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._attributions import another_speaker, attributed_before, inner_attributions
from seedlint.kinds._english import ARTICLES, POSSESSIVE_DETERMINERS
from seedlint.kinds._marks import (
    AROUND_ONE_OPENERS,
    clipped,
    enumerator,
    in_face,
    interval_marks,
    may_close,
    named_character,
    named_mark,
    named_opener,
    not_a_quote,
    opens,
)
from seedlint.kinds._text import ENTITY_AT, previous_word

SENTENCE_ENDING = r"[.!?…][\"'”’)\]]*\s+"  # a sentence's end and the spaces after it
SENTENCE_END = lazy_compile(SENTENCE_ENDING + r"\Z")
SENTENCE_END_REACH = 12  # characters before a mark that may hold a sentence end and spaces
CARRY_LIMIT = 12  # paragraphs a quoted list may run over before its closing mark
# the first letter of a quotation, past spaces, an ellipsis or a dash
WORD_START = lazy_compile(r"[\s.…—–-]*([^\W\d_])")
WORD_START_REACH = 6


class State(msgspec.Struct, frozen=True):
    opening: dict[str, str]  # opening char -> the closing char it expects
    closing: dict[str, str]  # closing char -> its opening char
    straight: frozenset[str]
    mixed: bool
    apostrophe: bool
    enumerators: bool
    emoticons: bool
    marks: re.Pattern[str]  # any of the rule's characters
    reopening: bool = False
    elisions: frozenset[str] = frozenset()
    characters: str = ""  # the rule's characters
    openers: frozenset[str] = frozenset()  # its opening and straight marks
    # a sentence end, then one of the openers: where a quotation may be reopened
    reopening_place: re.Pattern[str] | None = None


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
            "emoticons": Option("bool", False, help='":)" and ";-(" are faces, not brackets'),
            "reopening": Option(
                "bool",
                False,
                help="a quotation mark opening after a sentence end inside an open quotation "
                "continues it (merged paragraphs, reported by the quotation kind)",
            ),
            "elisions": Option(
                "str-list",
                [],
                help="clipped words written with an apostrophe in front ('phone, 'til)",
            ),
        },
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        return _build(options)

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        view = _marks_decoded(doc, state)
        if view is None:
            return _find(doc, state)
        decoded, shifts = view
        return (_in_original(finding, shifts) for finding in _find(decoded, state))


KIND = Pairs()


class Shifts(NamedTuple):
    """Where each entity decoded into a mark stands in the decoded text, and how many
    characters the original had gained by the end of it."""

    starts: list[int]
    gained: list[int]

    def original(self, position: int) -> int:
        """The original text's offset of a decoded text's one: a position after a
        decoded mark is after its entity."""
        before = bisect.bisect_left(self.starts, position)
        return position + (self.gained[before - 1] if before else 0)


def _marks_decoded(doc: Document, state: State) -> tuple[Document, Shifts] | None:
    """The document with each HTML entity or piece of mojibake that stands for one of
    the rule's marks written as that mark ('&quot;Hello," he said.' and 'commented, â€œWe
    have…”' hold a quotation opened and closed; the damage is the encoding rules' finding,
    SL121 or SL122), and how to map its offsets back; None when the text holds no such
    thing, as almost every text does not."""
    text = doc.text
    if "&" not in text and "\u00e2\u20ac" not in text and "\u00c2" not in text:
        return None
    entities = [
        (match, char)
        for match, char in doc.knowledge(encoded_marks)
        # the mark, or mojibake with one of the rule's marks in it ("â€“" for "–")
        if char in state.characters or any(c in state.characters for c in match.group())
    ]
    if not entities:
        return None
    pieces, starts, gained = [], [], []
    last = total = 0
    for match, char in entities:
        pieces += [text[last : match.start()], char]
        starts.append(match.start() - total)
        total += len(match.group()) - 1
        gained.append(total)
        last = match.end()
    pieces.append(text[last:])
    return Document("".join(pieces), doc.path), Shifts(starts, gained)


def encoded_marks(doc: Document) -> list[tuple[re.Match[str], str]]:
    """The entities of the text that stand for a punctuation mark ("&quot;", "&#8220;",
    "&rsquo;", "&#40;") and the mojibake of a curly mark or a dash ("â€œ" for "“", "â€“"
    for "–"), each with its mark, in order: asked once per document by every pairs rule."""
    text = doc.text
    found = []
    if "&" in text:  # each search starts with its literal, which re looks for alone
        for match in ENTITY_AT.finditer(text):
            char = html.unescape(match.group())
            if len(char) == 1 and not char.isalnum() and not char.isspace():
                found.append((match, char))
    if "\u00e2\u20ac" in text or "\u00c2" in text:
        found += [(m, MOJIBAKE_MARKS[m.group()]) for m in MOJIBAKE_MARK.finditer(text)]
        found.sort(key=lambda item: item[0].start())
    return found


def _mojibake(mark: str) -> str:
    """A mark's UTF-8 bytes read as Windows-1252, the bytes it leaves undefined as
    Latin-1 ("”" is "â€\x9d"), as the encoding rule's repair reads them."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in mark.encode("utf-8")
    )


# the typographic quotation marks, and the dashes whose mojibake holds one ("–" is "â€“");
# brackets and straight marks are ASCII, never mojibake
MOJIBAKE_MARKS = {_mojibake(mark): mark for mark in "“”‘’«»„‚‹›‐‑‒–—―"}
MOJIBAKE_MARK = lazy_compile("|".join(map(re.escape, sorted(MOJIBAKE_MARKS, key=len)[::-1])))


def _in_original(finding: Finding, shifts: Shifts) -> Finding:
    """A finding on the decoded text, placed in the original one."""
    edits = finding.edits and tuple(
        Edit(shifts.original(e.start), shifts.original(e.end), e.content) for e in finding.edits
    )
    return msgspec.structs.replace(
        finding,
        start=shifts.original(finding.start),
        end=shifts.original(finding.end),
        edits=edits,
    )


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
        options["emoticons"],
        re.compile(f"[{re.escape(every)}]"),
        options["reopening"],
        frozenset(w.lower() for w in options["elisions"]),
        every,
        frozenset({*opening, *straight}),
        re.compile(f"{SENTENCE_ENDING}[{re.escape(''.join(sorted({*opening, *straight})))}]")
        if opening or straight
        else None,
    )


Marks = list[tuple[int, str]]  # (position in the paragraph, mark)


class Scan(NamedTuple):
    """What a paragraph leaves unmatched."""

    unmatched: Marks  # closing marks that close nothing
    still_open: Marks  # marks open at the paragraph's end
    # marks of one style opened inside a quotation of the other that closes without them
    # ('“… "change the world. But …”'): never carried into the next paragraph
    left_open: Marks


Scans = list[Scan]


def paragraph_scans(doc: Document, state: State) -> tuple[Scans, list[bool]] | None:
    """Each paragraph's ``_unmatched`` and whether it holds a mark of the rule; None when
    no paragraph has anything unmatched because the text holds no mark, or, for a rule
    whose unmatched closing marks are apostrophes, no mark that can open (then each scan
    finds nothing: only an opening or a straight mark is ever left open). Which marks a
    paragraph holds is asked of the few characters the text holds, one search each."""
    whole = doc.text
    present = [c for c in state.characters if c in whole]
    if not present:
        return None
    # with ``apostrophe``, a paragraph holding no mark that opens scans to nothing
    openers = [c for c in present if c in state.openers] if state.apostrophe else present
    if not openers:
        return None
    paragraphs = doc.paragraphs
    marked = [_holds(whole, p, present) for p in paragraphs]
    # a paragraph's text is cut out only where it holds a mark: a copy of every paragraph
    # would double a large document in memory
    scans = [
        _unmatched(doc.paragraph_text(p), state)
        if has and (openers is present or _holds(whole, p, openers))
        else NOTHING_UNMATCHED
        for p, has in zip(paragraphs, marked, strict=True)
    ]
    return scans, marked


def reopening_paragraphs(doc: Document, state: State) -> list[Span]:
    """The paragraphs, in order, in which ``scan_reopenings`` may find a reopening: those
    holding a sentence end, spaces and then a mark that opens (``_reopening`` asks for
    nothing less), found in one search of the text. Each match of the place ends at its
    mark and holds one sentence-ending character, its first, so no match hides another."""
    whole = doc.text
    if state.reopening_place is None or not any(c in whole for c in state.openers):
        return []
    paragraphs = doc.paragraphs
    starts = [p.start for p in paragraphs]
    found: list[int] = []
    for place in state.reopening_place.finditer(whole):
        index = bisect.bisect_right(starts, place.start()) - 1
        inside = index >= 0 and place.end() <= paragraphs[index].end
        if inside and (not found or found[-1] != index):
            found.append(index)
    return [paragraphs[i] for i in found]


def _holds(text: str, span: Span, characters: list[str]) -> bool:
    return any(text.find(c, span.start, span.end) != -1 for c in characters)


def _find(doc: Document, state: State) -> Iterator[Finding]:
    whole = doc.text
    found = paragraph_scans(doc, state)
    if found is None:
        return
    scans, marked = found
    paragraphs = doc.paragraphs
    carried_to = -1  # the paragraph that closes a quotation carried over from an earlier one
    for index, span in enumerate(paragraphs):
        unmatched_closes, still_open, left_open = scans[index]
        if not unmatched_closes and not still_open and not left_open:
            continue
        text = doc.paragraph_text(span)
        if index == carried_to and unmatched_closes:
            unmatched_closes = unmatched_closes[1:]  # closes the quotation carried here
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
        following = _opening(whole, paragraphs[index + 1]) if index + 1 < len(paragraphs) else ""
        attribution_after = inner_attributions(text)
        problems = len(still_open) + len(left_open)
        for position, mark in left_open:
            yield _unclosed(span.start, text, position, mark, problems, None, state)
        for number, (position, mark) in enumerate(still_open):
            last = number == len(still_open) - 1
            # an attribution after the mark shows the quotation closed before it
            attribution = attribution_after(position)
            carried = last and attribution is None
            if (
                carried
                and following[:1]
                and _reopens(following[0], mark, state)
                and not another_speaker(text, position, doc, paragraphs[index + 1])
                and not _partial_quotation(text, position)
            ):
                continue  # news convention: the quotation continues in the next paragraph
            closer_at = _closed_later(scans, marked, index) if carried else -1
            if closer_at >= 0:
                carried_to = closer_at  # a quoted list: closed in a later paragraph
                continue
            yield _unclosed(span.start, text, position, mark, problems, attribution, state)


def _partial_quotation(text: str, position: int) -> bool:
    """Whether the mark at ``position`` opens a partial quotation, which news style closes
    at the end of a paragraph even when the next one goes on quoting: only a quotation of
    whole sentences runs on open. It is partial when it opens inside a noun phrase, after
    an article or possessive ('a "quasi-state of war', 'their “tour of duty'), or with a
    word in lower case ('to "make the damn websites work'). A passage set off after an
    article may still run on as a quoted list ('states the “…:' then its items): that is
    asked apart."""
    before = (previous_word(text, position) or "").lower()
    if before in ARTICLES or before in POSSESSIVE_DETERMINERS:
        return True
    word = WORD_START.match(text, position + 1, position + 1 + WORD_START_REACH)
    return word is not None and word.group(1).islower()


def _unclosed(
    start: int,
    text: str,
    position: int,
    mark: str,
    still_open: int,
    attribution: re.Match[str] | None,
    state: State,
) -> Finding:
    """An opening mark never closed in the paragraph at ``start``. The closing mark goes
    after the comma of an attribution that follows it ("…in government,” said Roth"),
    else at the paragraph's end."""
    closer = state.opening.get(mark, mark)
    end = start + len(text.rstrip())
    at = attribution.start() + 1 if attribution else len(text.rstrip())
    # the mended paragraph is built only when it can be balanced: a copy of a long
    # paragraph for each of its many open marks would be quadratic
    repaired = still_open == 1 and _balanced(text[:at] + closer + text[at:], state)
    where = (
        "after the comma before the attribution" if attribution else "at the end of the paragraph"
    )
    # the span runs from the opening mark to the paragraph's end
    return Finding(
        start + position,
        end,
        {"mark": mark, "problem": "is never closed in its paragraph"},
        (Edit(start + at, start + at, closer),) if repaired else None,
        f"Insert {closer} {where}",
    )


def _opening(text: str, span: Span) -> str:
    """The first character of a paragraph that is not whitespace ("" if none)."""
    found = NOT_SPACE.search(text, span.start, span.end)
    return found.group() if found else ""


def _closed_later(
    scans: Scans,
    marked: list[bool],
    index: int,
) -> int:
    """The later paragraph whose first unmatched closing mark closes a quotation left open
    by paragraph ``index``, when every paragraph between holds no mark; -1 if none."""
    for later in range(index + 1, min(len(scans), index + 1 + CARRY_LIMIT)):
        if scans[later].unmatched:
            return later
        if marked[later]:
            return -1  # a paragraph with quotations of its own: no quoted list runs through
    return -1


def _balanced(text: str, state: State) -> bool:
    """Whether the paragraph balances: a fix is offered only when it makes it so, so that
    fixing converges and never piles marks onto a paragraph it cannot mend."""
    return not any(_scan(text, state))


# what a paragraph whose marks all match scans to, one Scan shared by all of them and never
# changed: lists of its own for each paragraph of a large document took more memory than
# the paragraphs' spans
NOTHING_UNMATCHED = Scan([], [], [])


def _unmatched(text: str, state: State) -> Scan:
    """``_scan``, or NOTHING_UNMATCHED when it finds nothing."""
    scan = _scan(text, state)
    return scan if any(scan) else NOTHING_UNMATCHED


def _scan(text: str, state: State) -> Scan:
    """Unmatched closing marks, marks still open, and marks left open inside a quotation
    that closed, as (position, mark)."""
    unmatched, stack, left_open, _ = scan_reopenings(text, state)
    return Scan(unmatched, stack, left_open)


def scan_reopenings(text: str, state: State) -> tuple[Marks, Marks, Marks, list[int]]:
    """Unmatched closing marks, still-open marks, marks left open inside a quotation that
    closed, and (with ``reopening``) the positions of marks that reopen a quotation still
    open after a sentence end."""
    stack: Marks = []
    unmatched: Marks = []
    left_open: Marks = []
    reopenings: list[int] = []
    arrow = len(text.rstrip()) - 1 if text.rstrip().endswith(" »") and "«" not in text else -1
    intervals = interval_marks(text) if "[" in text or "]" in text else ()
    for found in state.marks.finditer(text):
        position, char = found.start(), found.group()
        if position == arrow or position in intervals:
            continue  # "Join the community »": a link arrow; "[0, 1)": an interval
        # most marks have a letter beside them: the reads below are asked only where not
        spaced = text[position + 1 : position + 2].isspace()
        if text[position - 1 : position] in AROUND_ONE_OPENERS and named_character(text, position):
            continue  # "the ']' character": a character named, not a mark
        if spaced and char in state.straight and named_mark(text, position):
            continue  # 'escape " and \\ when'
        if (
            state.emoticons
            and in_face(text, position)
            and not _closes_after_face(text, position, stack, state)
        ):
            continue  # "hope you find these helpful :)"
        if state.reopening and stack and _reopening(text, position, char, stack[-1][1], state):
            reopenings.append(position)
            continue
        if char in state.opening:
            if spaced and named_opener(text, position, state.opening[char]):
                continue  # "characters like ( mean the end"
            stack.append((position, char))
        elif char not in state.closing and char not in state.straight:
            continue
        elif (
            stack
            and _closes(stack[-1][1], char, state)
            # a straight mark may open; a bracket or a curly mark closes wherever it stands
            # ("(co-)authored")
            and (char not in state.straight or may_close(text, position))
        ):
            if _closes_around(stack, char, state):
                left_open.append(stack.pop())  # '“… "change the world. …”'
            stack.pop()
        elif (
            char in state.straight
            and opens(text, position)
            and not clipped(text, position, state.elisions)
        ):
            stack.append((position, char))
        elif char in state.straight and not_a_quote(text, position):
            continue
        elif state.enumerators and enumerator(text, position):
            continue  # "a) first, b) second"
        elif not state.apostrophe:
            unmatched.append((position, char))
    return unmatched, stack, left_open, reopenings


def _closes_around(stack: Marks, char: str, state: State) -> bool:
    """Whether a curly closing mark closes the quotation of its own style around a straight
    mark still open ('“He said "hello to me.”'), rather than that straight mark: a style
    nested in the other ('“… "change the world." …”') lost its closing mark."""
    return (
        char in state.closing
        and len(stack) > 1
        and stack[-1][1] in state.straight
        and state.opening.get(stack[-2][1]) == char
    )


def _reopening(text: str, position: int, char: str, opened: str, state: State) -> bool:
    """An opening mark of the open quotation's kind, right after a sentence end that is
    not an attribution ("…, Koch said. “…" lost the mark closing before "Koch"; "« …,
    affirme un manifestant. « …" before "affirme")."""
    if char in state.opening:
        same = char == opened or (state.mixed and opened in state.opening)
    else:
        same = char in state.straight and char == opened and opens(text, position)
    return (
        same
        and SENTENCE_END.search(text, max(0, position - SENTENCE_END_REACH), position) is not None
        and not attributed_before(text, position)
    )


def _closes_after_face(
    text: str, position: int, stack: list[tuple[int, str]], state: State
) -> bool:
    """Whether a bracket after a face's mouth closes the bracket still open: "(we love
    it :))" is a face and the parenthesis closing, not a face of two brackets; "(so much
    :)." is a mouth that closes the aside too, a stop right after it."""
    if not stack or not _closes(stack[-1][1], text[position], state):
        return False
    after = text[position + 1 : position + 2]
    return text[position - 1] == text[position] or (
        bool(after) and not after.isspace() and after != text[position]
    )


def _closes(opened: str, char: str, state: State) -> bool:
    expected = state.opening.get(opened, opened)
    return char == expected or state.mixed


def _reopens(first: str, mark: str, state: State) -> bool:
    return first == mark or (state.mixed and (first in state.opening or first in state.straight))
