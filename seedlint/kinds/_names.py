"""What a document tells about its own words: which it uses as names, and where it quotes
another language. Worked out once per document (``Document.knowledge``) for every rule.

Names: a word the document writes with a capital inside a sentence and never in lower
case (headings in title case aside) is a name there: "Makarov", "Analysys", "Teh". A
capitalised word beside another one, or before an initial, belongs to a name of several
words ("Teh Hong Piow", "Malcom P. McLean").

Foreign quotations: a quotation whose function words are another language's ("« la loi
dont il parle »", "“Je ne sais pas”") is not English text, whatever the document's
language: English spelling rules leave its words alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import cached_property

from seedlint.engine.document import Document, LowerText, Span, found_words
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._english import (
    ARTICLES,
    AUXILIARIES,
    CONJUNCTIONS,
    PREPOSITIONS,
    PRONOUNS,
    words,
)
from seedlint.kinds._text import QUOTE_OPENERS

TOKEN = lazy_compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# where TOKEN's scan starts a word: not after a letter, nor after a letter and an
# apostrophe (a word goes on through "'" and the letters after it: "O'Brien")
TOKEN_START = lazy_compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])")
SENTENCE_BREAK = lazy_compile(
    r"(?:[.!?…:][\"'”’)\]]*|[\"“‘(\[—–•*#|]"
    rf"|(?:\A|(?<=[\s{re.escape(QUOTE_OPENERS)}]))['’])\s*\Z"  # an apostrophe opening a quotation
)
# the characters SENTENCE_BREAK can end with before its spaces: one of these is the last
# character of a text it finds a break at the end of, spaces stripped (\s is what
# str.isspace() says), and a text that ends otherwise is answered without the search
BREAK_ENDS = frozenset(".!?…:\"'”’)]“‘([—–•*#|")
I_CONTRACTED = ("I'", "I’")  # how "I'll", "I’m" start
TITLE_SHARE = 0.75  # a paragraph whose long words are this capitalised is a heading
SENTENCE_ENDS = (".", "!", "?", "…")  # a paragraph ending so is no heading
# a heading is a line of a few words: a longer paragraph is none, and is not split into
# words to tell (a large text's one paragraph would take ten times its size as a list)
HEADING_CHARS = 2000
QUOTATION = lazy_compile(r"“([^“”\n]{3,400})”|«([^«»\n]{3,400})»|\"([^\"\n]{3,400})\"")
ENGLISH = ARTICLES | PREPOSITIONS | CONJUNCTIONS | PRONOUNS | AUXILIARIES
# function words of the languages English news quotes most, none an English word
FOREIGN = words(
    "le la les des du une est et dont qui pas nous vous sont avec pour dans sur ce cette "
    "der die das und ist nicht ein eine mit auf sich dem den ich wir "
    "el los las y es del por para con una que muy pero como son "
    "il di che non per sono della gli lo nel"
)
MIN_FOREIGN = 2  # foreign function words a quotation needs to be read as foreign
# words looked up where they stand (a scan of the text each) before all are listed at once
# (a scan of its words, worth some tens of lookups): a text that asks about thousands of
# distinct names would otherwise be scanned once per name
LOOKUPS_IN_PLACE = 32


class Names:
    """The document's names (lower-cased) and its foreign quotations (spans), each worked
    out when first asked: most documents need the quotations only, many neither."""

    def __init__(
        self, text: str, paragraphs: Sequence[Span], body_start: int, lower_text: LowerText
    ) -> None:
        self._text = text  # the document's text and spans, not the document: no cycle
        self._lower_text = lower_text  # the document's own copy: a large text's is large
        self._paragraphs = paragraphs
        self._body_start = body_start
        self._written_lower: dict[str, bool] = {}  # writes_lower's answers so far
        self._named: dict[str, bool] = {}  # is_name's answers so far
        self._headings: dict[int, bool] = {}  # by paragraph number
        # the text of the paragraph last asked about (_names_here): kept rather than cut
        # out anew for each word, as a large text's one paragraph would be
        self._held: tuple[int, str] = (-1, "")

    @cached_property
    def names(self) -> frozenset[str]:
        return _names(self._text, self._paragraphs, self.lower)

    @cached_property
    def lower(self) -> frozenset[str]:
        """Words it writes in lower case somewhere."""
        return _lower_words(self._text, self._paragraphs)

    @property
    def foreign_starts(self) -> tuple[int, ...]:
        return self._foreign[0]

    @property
    def foreign_ends(self) -> tuple[int, ...]:
        return self._foreign[1]

    def is_name(self, word: str) -> bool:
        name = word.lower()
        if "names" in self.__dict__ or not self._in_place:
            return name in self.names
        known = self._named.get(name)
        if known is None and len(self._named) >= LOOKUPS_IN_PLACE:
            return name in self.names
        if known is None:  # found where it stands, as writes_lower
            known = self._named[name] = bool(name) and self._named_in_place(name)
        return known

    @cached_property
    def _in_place(self) -> bool:
        """Whether a word's places in the lower-cased text are its places in the text: no
        character lower-cases to two (İ) or by its context (Σ)."""
        text = self._text
        return len(self._lower_text) == len(text) and "\u03a3" not in text

    def _named_in_place(self, name: str) -> bool:
        """Whether ``name`` is in ``names``, from the words that lower-case to it alone."""
        text, paragraphs = self._text, self._paragraphs
        if not paragraphs:
            return False
        starts = [span.start for span in paragraphs]
        end = paragraphs[-1].end
        at = self._lower_text.find(name, starts[0], end)
        while at != -1:
            if TOKEN_START.match(text, at) and _ends_word(text, at, len(name)):
                word = text[at : at + len(name)]
                number = bisect.bisect_right(starts, at) - 1
                if word[0].isupper() and not word.isupper() and self._names_here(number, at):
                    return not self.writes_lower(name)
            at = self._lower_text.find(name, at + 1, end)
        return False

    def _names_here(self, number: int, at: int) -> bool:
        """Whether the capitalised word at ``at`` of paragraph ``number`` counts as a name
        there (see ``_names``)."""
        span = self._paragraphs[number]
        if self._held[0] != number:
            self._held = (number, self._text[span.start : span.end])
        paragraph = self._held[1]
        if self._headings.get(number) is None:
            self._headings[number] = heading(paragraph)
        if self._headings[number]:
            return False
        token = TOKEN.match(paragraph, at - span.start)
        assert token is not None
        following = TOKEN.search(paragraph, token.end())  # the next word, as finditer goes
        in_run = following is not None and _joined(paragraph, token, following)
        return in_run or not sentence_start(paragraph, token.start())

    def writes_lower(self, word: str) -> bool:
        lower = word.lower()
        if "lower" in self.__dict__:  # every such word is known already
            return lower in self.lower
        known = self._written_lower.get(lower)
        if known is None and len(self._written_lower) >= LOOKUPS_IN_PLACE:
            return lower in self.lower
        if known is None:  # found where it stands: rules ask about a few words only
            known = self._written_lower[lower] = _written_in_lower(
                self._text, self._paragraphs, lower
            )
        return known

    def foreign(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quotation in another language."""
        starts, ends = self._foreign
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and offset < ends[index]

    @cached_property
    def _foreign(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        foreign = sorted(_foreign_quotations(self._text, self._body_start))
        return tuple(s for s, _ in foreign), tuple(e for _, e in foreign)


def names_of(doc: Document) -> Names:
    return doc.knowledge(_derive)


def sentence_start(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens its paragraph, a sentence, a quotation, an item;
    not after a middle initial ("George W. Bush") or a person's title cut short ("Mr.
    Baker", "Sen. Kennedy"), whose full stop ends no sentence."""
    before = text[max(0, start - 12) : start]
    if "\n" in before or start == 0:
        if not before.rsplit("\n", 1)[-1].strip():
            return True
        return bool(SENTENCE_BREAK.search(before)) and not _initial(before)
    if before.rstrip()[-1:] not in BREAK_ENDS:
        return False  # most words: the regex would try each of the characters before
    return bool(SENTENCE_BREAK.search(before)) and not _initial(before)


# a full stop that ends no sentence before a word of a name: a middle initial after a
# capitalised word, or a person's title cut short ("St." is left out: a street's name
# ends sentences)
STOP_IN_A_NAME = lazy_compile(
    r"(?:[A-Z][a-z]+ [A-Z]|(?<![\w.])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Gov|Rep|Gen|Col|Capt|Lt|Sgt"
    r"|Rev|Hon))\. \Z"
)


def _initial(before: str) -> bool:
    return before.endswith(". ") and STOP_IN_A_NAME.search(before) is not None


def _derive(doc: Document) -> Names:
    return Names(doc.text, doc.paragraphs, doc.body_start, doc.lowered)


def _lower_words(text: str, paragraphs: Sequence[Span]) -> frozenset[str]:
    """The words written in lower case: each paragraph's distinct words, tested once each."""
    lower: set[str] = set()
    for span in paragraphs:
        words = set(found_words(TOKEN, text[span.start : span.end]))
        lower.update([word for word in words if word.islower()])
    return frozenset(lower)


def _written_in_lower(text: str, paragraphs: Sequence[Span], word: str) -> bool:
    """Whether ``word`` (lower-cased) is one of the words of ``_lower_words``: where it
    occurs in the paragraphs (between them is whitespace only), a whole TOKEN starts."""
    if not paragraphs or not word.islower():
        return False
    end = paragraphs[-1].end
    at = text.find(word, paragraphs[0].start, end)
    while at != -1:
        if TOKEN_START.match(text, at) and _ends_word(text, at, len(word)):
            return True
        at = text.find(word, at + 1, end)
    return False


def _ends_word(text: str, at: int, size: int) -> bool:
    """Whether the TOKEN starting at ``at`` is ``size`` characters long."""
    token = TOKEN.match(text, at)
    return token is not None and token.end() == at + size


def heading(paragraph: str, words: list[str] | None = None) -> bool:
    """A paragraph of at most ``HEADING_CHARS`` characters in title case that ends with no
    sentence end: its capitals say nothing. ``words`` are its tokens when known already."""
    if len(paragraph) > HEADING_CHARS or paragraph.rstrip().endswith(SENTENCE_ENDS):
        return False
    return title_case(TOKEN.findall(paragraph) if words is None else words)


def _names(text: str, paragraphs: Sequence[Span], lower: frozenset[str]) -> frozenset[str]:
    """The names: words capitalised inside a sentence (or opening a name of several
    words), outside headings, and never written in lower case. Only the capitalised words
    of a paragraph that are not known already are looked at in place."""
    names: set[str] = set()
    for span in paragraphs:
        paragraph = text[span.start : span.end]
        words = TOKEN.findall(paragraph)
        if heading(paragraph, words):
            continue
        wanted = [
            number
            for number, word in enumerate(words)
            if word[0].isupper() and not word.isupper() and word.lower() not in lower
        ]
        if not wanted:
            continue
        tokens = list(TOKEN.finditer(paragraph))  # the same words, with their places
        for number in wanted:
            name = words[number].lower()
            if name in names:
                continue  # known already: no need to look again
            token = tokens[number]
            following = tokens[number + 1] if number + 1 < len(tokens) else None
            # a sentence's first word is a name when a name of several words starts
            # with it: "Teh Hong Piow founded"
            in_run = following is not None and _joined(paragraph, token, following)
            if in_run or not sentence_start(paragraph, token.start()):
                names.add(name)
    return frozenset(names)


def _joined(paragraph: str, token: re.Match[str], following: re.Match[str]) -> bool:
    """Whether a capitalised word follows ``token`` after nothing but a space; not the
    pronoun "I" contracted ("Tommorow I'll visit"), which goes on no name."""
    word = following.group()
    gap = paragraph[token.end() : following.start()]
    return gap == " " and word[0].isupper() and not word.isupper() and word[:2] not in I_CONTRACTED


def title_case(words: list[str], least: int = 2, share: float = TITLE_SHARE) -> bool:
    """Whether at least ``least`` of ``words`` have four letters or more and ``share`` of
    those are capitalised."""
    long_words = [w for w in words if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= least and capitalised >= share * len(long_words)


def _foreign_quotations(text: str, start: int) -> Iterator[tuple[int, int]]:
    for match in QUOTATION.finditer(text, start):
        words = [w.lower() for w in TOKEN.findall(match.group())]
        foreign = sum(w in FOREIGN for w in words)
        english = sum(w in ENGLISH for w in words)
        if foreign >= MIN_FOREIGN and foreign > english:
            yield match.start(), match.end()
