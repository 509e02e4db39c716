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

from seedlint.engine.document import Document, Span, found_words
from seedlint.kinds._english import (
    ARTICLES,
    AUXILIARIES,
    CONJUNCTIONS,
    PREPOSITIONS,
    PRONOUNS,
    words,
)

TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SENTENCE_BREAK = re.compile(r"(?:[.!?…:][\"'”’)\]]*|[\"“‘(\[—–•*#|])\s*\Z")
TITLE_SHARE = 0.75  # a paragraph whose long words are this capitalised is a heading
SENTENCE_ENDS = (".", "!", "?", "…")  # a paragraph ending so is no heading
QUOTATION = re.compile(r"“([^“”\n]{3,400})”|«([^«»\n]{3,400})»|\"([^\"\n]{3,400})\"")
ENGLISH = ARTICLES | PREPOSITIONS | CONJUNCTIONS | PRONOUNS | AUXILIARIES
# function words of the languages English news quotes most, none an English word
FOREIGN = words(
    "le la les des du une est et dont qui pas nous vous sont avec pour dans sur ce cette "
    "der die das und ist nicht ein eine mit auf sich dem den ich wir "
    "el los las y es del por para con una que muy pero como son "
    "il di che non per sono della gli lo nel"
)
MIN_FOREIGN = 2  # foreign function words a quotation needs to be read as foreign


class Names:
    """The document's names (lower-cased) and its foreign quotations (spans), each worked
    out when first asked: most documents need the quotations only, many neither."""

    def __init__(self, text: str, paragraphs: Sequence[Span], body_start: int) -> None:
        self._text = text  # the document's text and spans, not the document: no cycle
        self._paragraphs = paragraphs
        self._body_start = body_start

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
        return word.lower() in self.names

    def writes_lower(self, word: str) -> bool:
        return word.lower() in self.lower

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
    """Whether the word at ``start`` opens its paragraph, a sentence, a quotation, an item."""
    before = text[max(0, start - 12) : start]
    if "\n" in before or start == 0:
        return not before.rsplit("\n", 1)[-1].strip() or bool(SENTENCE_BREAK.search(before))
    return bool(SENTENCE_BREAK.search(before))


def _derive(doc: Document) -> Names:
    return Names(doc.text, doc.paragraphs, doc.body_start)


def _lower_words(text: str, paragraphs: Sequence[Span]) -> frozenset[str]:
    """The words written in lower case: each paragraph's distinct words, tested once each."""
    lower: set[str] = set()
    for span in paragraphs:
        words = set(found_words(TOKEN, text[span.start : span.end]))
        lower.update([word for word in words if word.islower()])
    return frozenset(lower)


def _names(text: str, paragraphs: Sequence[Span], lower: frozenset[str]) -> frozenset[str]:
    """The names: words capitalised inside a sentence (or opening a name of several
    words), outside headings, and never written in lower case. Only the capitalised words
    of a paragraph that are not known already are looked at in place."""
    names: set[str] = set()
    for span in paragraphs:
        paragraph = text[span.start : span.end]
        words = TOKEN.findall(paragraph)
        if not paragraph.rstrip().endswith(SENTENCE_ENDS) and _title_case(words):
            continue  # a heading: its capitals are title case
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
    """Whether a capitalised word follows ``token`` after nothing but a space."""
    word = following.group()
    gap = paragraph[token.end() : following.start()]
    return gap == " " and word[0].isupper() and not word.isupper()


def _title_case(words: list[str]) -> bool:
    long_words = [w for w in words if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) > 1 and capitalised >= TITLE_SHARE * len(long_words)


def _foreign_quotations(text: str, start: int) -> Iterator[tuple[int, int]]:
    for match in QUOTATION.finditer(text, start):
        words = [w.lower() for w in TOKEN.findall(match.group())]
        foreign = sum(w in FOREIGN for w in words)
        english = sum(w in ENGLISH for w in words)
        if foreign >= MIN_FOREIGN and foreign > english:
            yield match.start(), match.end()
