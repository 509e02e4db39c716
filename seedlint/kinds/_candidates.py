"""Where a word-written-twice pattern can match, found by a fast scan instead of trying
the regex at every offset of the text.

A pattern kind's regex of the shape ``REPEAT_HEAD`` (nothing of a word before, or a
quotation's opening mark: ``_text.word_head``), then look-arounds only, then
``([A-Za-z]+)[ \\t]+(\\1)(?![\\w-]|['’]\\w...)`` (repeated-word, SL204) matches only at the start
of a run of ASCII letters that spaces or tabs and the same run, in any case, follow. Those
starts are few (in most documents none) and found by comparing neighbouring runs of the
lower-cased text; the regex is then tried at each, with its own look-arounds.
"""

from __future__ import annotations

import itertools
import operator
import re
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from seedlint.engine.document import LARGE_TEXT, Document, ascii_runs, lower_pieces
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._text import word_head

if TYPE_CHECKING:
    import regex

# nothing of a word before, or a quotation's opening mark (a repeat is two whole words
# with a space between: no piece of a mis-decoded word is one, as no mojibake holds a space)
REPEAT_HEAD = word_head(r"\w'’-")
REPEAT_CORE = r"([A-Za-z]+)[ \t]+(\1)"
# the tail's first alternatives: no word character after the repeat, nor an apostrophe
# that a letter follows ("it it's"); a quotation's closing mark may ("'the the'")
WORD_END = r"(?![\w-]|['’]\w"
LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
SCOPED_FLAGS = lazy_compile(r"\(\?[a-zA-Z]*(?:-[a-zA-Z]+)?:")
ASCII_LETTER_RUN = lazy_compile("[a-z]+")
# a word written twice after an apostrophe: a pattern per mark, each found by its literal
# first character (a class of the two is tried at every offset, eight times slower)
QUOTED_REPEATS = tuple(re.compile(rf"{mark}([a-z]+)[ \t]++\1(?![a-z]|['’][a-z])") for mark in "'’")
# a mark that closes a quotation after a word, and a word written twice that ends there
# ("the the'"): the marks found by their literal character, then the words before each
CLOSING_MARKS = tuple(re.compile(rf"{mark}(?![a-z])(?<=[a-z]{mark})") for mark in "'’")
REPEAT_BEFORE = lazy_compile(r"(?<![a-z])([a-z]+)[ \t]++\1\Z")


def repeated_word_shape(source: str) -> bool:
    r"""Whether every match of ``source`` is a word written twice, as the scan finds them:
    ``REPEAT_HEAD``, look-arounds only, ``REPEAT_CORE``, then one negative look-ahead whose
    first alternatives are ``WORD_END``'s (so that no letter follows the second word)."""
    core = source.rfind(REPEAT_CORE)
    if core < 0 or not source.startswith(REPEAT_HEAD):
        return False
    tail = source[core + len(REPEAT_CORE) :]
    if not tail.startswith(WORD_END) or tail[len(WORD_END) : len(WORD_END) + 1] not in "|)":
        return False
    if _group_end(tail, 0) != len(tail):
        return False
    return _zero_width(source[len(REPEAT_HEAD) : core])


def _zero_width(source: str) -> bool:
    """Whether ``source`` is a sequence of look-around groups, each alone or inside a
    group that only scopes flags (``(?-i:...)``) and holds look-arounds only."""
    at = 0
    while at < len(source):
        end = _group_end(source, at)
        if end is None:
            return False
        group = source[at:end]
        if not group.startswith(LOOKAROUNDS):
            flags = SCOPED_FLAGS.match(group)
            if flags is None or not _zero_width(group[flags.end() : -1]):
                return False
        at = end
    return True


def _group_end(source: str, at: int) -> int | None:
    """The end of the parenthesised group starting at ``at``; None if none starts there
    or it is not closed. Escapes and character classes hold no parentheses."""
    if source[at] != "(":
        return None
    depth, index, in_class = 0, at, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source.startswith("^", index + 1):
                index += 1
            if source.startswith("]", index + 1):  # a ']' first in a class is itself
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if not depth:
                return index + 1
        index += 1
    return None


def repeated_words(doc: Document) -> list[int] | None:
    """Where a run of ASCII letters is followed by spaces or tabs and the same run in any
    case; None (search everywhere) when the text holds a character that IGNORECASE equates
    with an ASCII letter. Without one, the ASCII letters of the lower-cased text stand
    where the text's do, lower-cased: equal runs there are runs equal in any case."""
    if doc.holds_ascii_lookalike:  # İ ı ſ K (see document.ASCII_LOOKALIKES)
        return None
    if len(doc.text) > LARGE_TEXT:
        return _large_repeated_words(doc.text)
    lower = doc.lower
    # the pieces equal to the next piece, whatever stands between: few, in most documents
    # none. A repeat's two words are each a piece (no letter or apostrophe beside them:
    # the pattern's look-arounds) and neighbours (only spaces or tabs between them).
    pieces = doc.word_pieces
    runs = list(ascii_runs(lower)) if pieces is None else pieces
    repeated = set(itertools.compress(runs, map(operator.eq, runs, runs[1:])))
    if pieces is not None:
        # a piece may open with a quotation's mark ("'the the"), which the pattern reads
        # apart: found by a search for the mark, not by a step per piece
        for quoted in QUOTED_REPEATS:
            repeated.update(quoted.findall(lower))
        for closing in CLOSING_MARKS:
            for mark in closing.finditer(lower):
                at = mark.start()
                if found := REPEAT_BEFORE.search(lower, max(0, at - 64), at):
                    repeated.add(found.group(1))
    return sorted(_repeats_in(lower, {word for word in repeated if word.isalpha()}))


def _repeats_in(lower: str, repeated: set[str]) -> Iterator[int]:
    """Where one of the runs ``repeated`` stands in ``lower`` (or in a piece of it cut just
    after a line break), then spaces or tabs and itself."""
    for word in repeated:  # [a-z]+: nothing to escape
        for match in re.finditer(f"{word}(?=[ \t]++{word}(?![a-z]))", lower):
            start = match.start()
            if not start or not "a" <= lower[start - 1] <= "z":
                yield start


def _large_repeated_words(text: str) -> list[int]:
    """``repeated_words`` of a large text, lower-cased a piece of whole lines at a time:
    its runs one at a time (a list of every run of a very large text is ten times its
    size), and no whole lower-cased copy. A repeat stands inside a line, so in a piece."""
    repeated, previous = set(), ""
    for _, piece in lower_pieces(text):
        for match in ASCII_LETTER_RUN.finditer(piece):
            run = match.group()
            if run == previous:
                repeated.add(run)
            previous = run
    starts: list[int] = []
    if repeated:
        for first, piece in lower_pieces(text):
            starts.extend(first + at for at in _repeats_in(piece, repeated))
    return sorted(starts)


def matches_at(
    pattern: regex.Pattern[str], text: str, starts: list[int], limit: float
) -> list[regex.Match[str]]:
    """What ``pattern.finditer(text)`` finds when every match starts at one of ``starts``
    (ascending): the pattern tried at each, past the end of the last match, within the
    same time limit for the whole document. Look-behinds see the text before each start."""
    deadline = time.monotonic() + limit
    matches = []
    done = 0
    for start in starts:
        if start < done:
            continue
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("regex timed out")
        match = pattern.match(text, start, timeout=remaining)
        if match is not None and match.end() > match.start():
            matches.append(match)
            done = match.end()
    return matches
