"""Where and how a text writes a word, as the lost-possessive rule asks: how many times it
stands alone (``occurrences``), its places as a whole word (``uses_of``), with 's
(``possessive_count``) or alone as a name (``written_alone``), the word before a place, and
whether it names a company or follows a person's title.

A long text is answered from its index of word runs (``_word_runs``), made once: a scan
of the whole text per name, and a pattern compiled per name, would make a long document's
check grow with the square of its length. A short text is scanned, which costs less.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import TITLES
from seedlint.kinds._word_runs import WORD_RUN, WordRuns, joins

PREVIOUS = lazy_compile(r"([A-Za-z][\w’'-]*)[ \t\u00a0]+\Z")
REACH = 40
# what follows the acronym of a company's name: "HDT Limited", "ACME Inc."
COMPANY = r"(?:Limited|Ltd|Inc|Incorporated|Corp|Corporation|plc|PLC|LLC|LLP|GmbH|AG|Kft)\b"
PERSON_TITLES = TITLES - frozenset(["st", "saint"])
TITLE_BEFORE = lazy_compile(r"(?<!\w)([A-Z][a-z]+)\.?[ \u00a0]+\Z")  # "Mr ", "Dr. "


def possessive_count(text: str, stem: str) -> int:
    return occurrences(text, stem + "'s") + occurrences(text, stem + "’s")


def word_before(text: str, start: int) -> str:
    previous = PREVIOUS.search(text, max(0, start - REACH), start)
    return previous.group(1) if previous else ""


def uses_of(text: str, stem: str) -> Iterator[tuple[int, int]]:
    r"""The spans of ``re.finditer(rf"(?<![\w'’.-]){re.escape(stem)}(?![\w'’-])", text)``.
    Such a match is a whole word run (``_word_runs``) that is the stem, so in a long text
    only the places where the index has that run are tried, with the pattern's
    look-arounds: a scan of the whole text per name (and a pattern compiled per name)
    would grow with the square of its length."""
    if len(text) < COUNTED_FROM or not WORD_RUN.fullmatch(stem) or not WordRuns.holds(stem):
        # found as a string and its look-arounds tried there: a pattern compiled per name
        # costs more than a short text's scan
        size = len(stem)
        at = text.find(stem) if stem else -1
        while at != -1:
            if STARTS_A_NAME.match(text, at) and ENDS_A_NAME.match(text, at + size):
                yield at, at + size
                at = text.find(stem, at + size)
            else:
                at = text.find(stem, at + 1)
        return
    for at in _word_runs(text).offsets(stem):
        end = at + len(stem)
        if STARTS_A_NAME.match(text, at) and ENDS_A_NAME.match(text, end):
            yield at, end


# the look-arounds of a name's uses, tried where the index has its run
STARTS_A_NAME = lazy_compile(r"(?<![\w'’.-])")
ENDS_A_NAME = lazy_compile(r"(?![\w'’-])")
ENDS_A_NAME_ALONE = lazy_compile(r"(?=['’]s\b|[^\w'’-]|\Z)")


def written_alone(text: str, stem: str) -> bool:
    """Whether the document writes ``stem`` (or its possessive) with no capitalised word
    before it, as a surname used alone ("Mueller said" beside "Robert Mueller")."""
    return any(not word_before(text, at)[:1].isupper() for at, _ in _alone_uses(text, stem))


def _alone_uses(text: str, stem: str) -> Iterator[tuple[int, int]]:
    r"""The spans of ``re.finditer(rf"(?<![\w'’.-]){re.escape(stem)}(?=['’]s\b|[^\w'’-]|\Z)",
    text)``. Such a match starts a whole word run: the stem, or the stem, ' or ’ and s,
    then nothing or more apostrophes (and perhaps more of a word), so in a long text only
    the index's places of those runs are tried (see ``uses_of``)."""
    if len(text) < COUNTED_FROM or not WORD_RUN.fullmatch(stem) or not WordRuns.holds(stem):
        pattern = rf"(?<![\w'’.-]){re.escape(stem)}(?=['’]s\b|[^\w'’-]|\Z)"
        yield from (m.span() for m in re.finditer(pattern, text))
        return
    runs = _word_runs(text)
    places = {*runs.offsets(stem)}
    for possessive in (stem + "'s", stem + "’s"):
        places.update(runs.offsets(possessive), runs.offsets_continued(possessive))
    for at in sorted(places):
        end = at + len(stem)
        if STARTS_A_NAME.match(text, at) and ENDS_A_NAME_ALONE.match(text, end):
            yield at, end


def names_company(text: str, stem: str) -> bool:
    """Whether the document names a company by ``stem``: "HDT Limited was registered",
    "ACME Inc.", "Carnival Corporation". A text's company names are gathered once
    (``company_names``), where a search per name would grow with the square of a long
    text's length."""
    if COMPANY_NAME.fullmatch(stem):
        return stem in company_names(text)
    return re.search(rf"(?<![\w'’.-]){re.escape(stem)}\s+{COMPANY}", text) is not None


def after_title(text: str, stem: str) -> bool:
    """Whether the document writes ``stem`` after a person's title ("President Hosni
    Mubarak", "Dr. Hosni"); a saint's ("St Lucian") names a place's people too. Asked of
    the stem's places (``uses_of``): a scan of the text per name would grow with the
    square of a long text's length."""
    for at, _ in uses_of(text, stem):
        title = TITLE_BEFORE.search(text, max(0, at - REACH), at)
        if title is not None and title.group(1).lower() in PERSON_TITLES:
            return True
    return False


# a name made of the characters a company's name may run over, and such a name before a
# company's suffix: "HDT Limited", "Carnival Corporation"
COMPANY_NAME = lazy_compile(r"[\w'’.-]+")
COMPANY_SUFFIX = lazy_compile(rf"(?<!\s)\s+{COMPANY}")  # from a run of spaces' start only


def occurrences(text: str, word: str) -> int:
    r"""How many times ``word`` stands in ``text`` with no word character or apostrophe on
    either side: what ``re.findall(r"(?<![\w'’])WORD(?![\w'’])")`` counts (matches do
    not overlap). In a long text a word, or two words and a space, is looked up in the
    text's index of where each word stands, made once: a scan of the whole text per
    candidate would make a long document's check grow with the square of its length. A
    short text is scanned, which costs less than counting all of it."""
    if len(text) >= COUNTED_FROM:
        runs = _word_runs(text)
        if WORD_RUN.fullmatch(word) and runs.holds(word):
            return runs.count(word)
        first, space, second = word.partition(" ")
        pair = space and WORD_RUN.fullmatch(first) and WORD_RUN.fullmatch(second)
        if pair and runs.holds(second):
            return runs.count_pair(first, second)
    return _scan_count(text, word)


# Texts at least this long have their words counted once instead of scanned per word
# (a news article is a few thousand characters; scanning one costs microseconds; a text
# of tens of thousands with hundreds of names costs a scan per name).
COUNTED_FROM = 16_384
# The last text's word runs: the rules of one document, run one after another, ask about
# the same text; more would keep earlier large texts alive past their documents.
_TEXTS_COUNTED = 1


@lru_cache(maxsize=_TEXTS_COUNTED)
def _word_runs(text: str) -> WordRuns:
    return WordRuns(text)


@lru_cache(maxsize=_TEXTS_COUNTED)
def company_names(text: str) -> frozenset[str]:
    """The words of ``text`` a company's suffix follows, each the whole run of word
    characters, apostrophes, full stops and hyphens before it: the only string of those
    characters that can stand there with none of them before it."""
    names = set()
    for suffix in COMPANY_SUFFIX.finditer(text):  # rare: found first, then what precedes
        start = end = suffix.start()
        while start and _name_character(text[start - 1]):
            start -= 1
        if start < end:
            names.add(text[start:end])
    return frozenset(names)


def _name_character(character: str) -> bool:
    r"""Whether ``character`` is one of ``[\w'’.-]``, which a company's name runs over."""
    return character.isalnum() or character in "_'’.-"


def _scan_count(text: str, word: str) -> int:
    """``occurrences`` for any other string, by scanning the text."""
    count = 0
    size = len(word)
    at = text.find(word)
    while at != -1:
        end = at + size
        if (at == 0 or not joins(text[at - 1])) and (end == len(text) or not joins(text[end])):
            count += 1
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return count
