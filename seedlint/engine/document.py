"""The parsed view of one seed document that every rule reads.

A seed is ``date YYYY-MM-DD Title``, a blank line, then paragraphs separated by blank
lines. Parsing never fails: a document without a header simply has ``header = None`` and
all of its text is body. Offsets are character offsets into ``text``; rows and columns are
1-based, columns counting characters, as reported to users. Everything is computed on
first use and kept, so rules share the work (word sets, paragraphs, line index).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import Protocol, TypeVar, overload

import msgspec

from seedlint.engine.patterns import lazy_compile

# A header is recognised even when damaged (leading whitespace, odd spacing), so that the
# header rules can report the damage instead of treating line 1 as a paragraph.
HEADER_START = lazy_compile(r"[\s\ufeff\u200b]*date\b")
BREAK = r"(?>\r\n|\r|\n)"  # atomic: a CRLF is one line break, never two
PARAGRAPH_BREAK = lazy_compile(f"{BREAK}(?:[ \t]*{BREAK})+")
LINE_BREAK = lazy_compile(BREAK)
# Up to this many positions are found by counting line breaks; past it, lines are indexed
# once (counting for every position of a document with many findings is quadratic).
COUNTED_LOOKUPS = 16
LETTER_RUN = lazy_compile(r"[a-z]+(?:['’][a-z]+)*")
NOT_SPACE = lazy_compile(r"\S")
APOSTROPHE_SPLIT = lazy_compile("['’]")
# a text past this many characters has its words gathered one by one: a list of every word
# of a 100 MB text (findall) takes ten times the text's size
LARGE_TEXT = 1 << 20
LOWER_PIECE = 1 << 16  # characters lower-cased at a time in a large text (see lower_case)
# an apostrophe between two letters (don't, don’t); also what the consistency rule counts.
# The mark comes first and the letter before it is looked at from behind the mark: a
# pattern that starts with a literal is searched for it, one that starts with a
# look-behind is tried at every offset of the text.
APOSTROPHE_CURLY = lazy_compile(r"\u2019(?<=[^\W\d_]\u2019)(?=[^\W\d_])")
APOSTROPHE_STRAIGHT = lazy_compile(r"'(?<=[^\W\d_]')(?=[^\W\d_])")
Known = TypeVar("Known")


def characters(*ranges: str) -> frozenset[str]:
    """The characters of ranges written as one character ("\xa0") or two ("\u2000\u200a")."""
    return frozenset(
        chr(code) for bounds in ranges for code in range(ord(bounds[0]), ord(bounds[-1]) + 1)
    )


# Controls, unusual spaces, invisible characters and lone surrogates: characters only a few
# checks look for, and most documents hold none. A document's are found in one scan
# (Document.rare), so that each check asks a set instead of scanning the text again.
CONTROLS = characters(
    "\x00\x08", "\x0b", "\x0c", "\x0e\x1f", "\x7f", "\x81", "\x8d", "\x8f", "\x90", "\x9d"
)
UNUSUAL_SPACES = characters("\u00a0", "\u2000\u200a", "\u202f", "\u205f", "\u3000")
INVISIBLES = characters(
    "\u200b\u200f", "\u2060", "\ufeff", "\u00ad", "\u202a\u202e", "\u2066\u2069", "\u180e"
)
SURROGATES = characters("\ud800\udfff")
# characters that may stand inside a word without being part of it ("furthe\x07r",
# "ser\u2060ve"): controls and invisible format characters
INTERRUPTERS = CONTROLS | INVISIBLES
RARE = lazy_compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00a0\u00ad\u180e\u2000-\u200f\u202a-\u202f"
    "\u205f-\u2069\u3000\ufeff\ud800-\udfff]"
)
# every character str.isspace() accepts (and re's \s matches, and str.split() splits on):
# most of them are rare, and a text holding one of the others needs no scan to tell
WHITESPACE = characters(
    "\t\r",
    "\x1c\x20",
    "\x85",
    "\xa0",
    "\u1680",
    "\u2000\u200a",
    "\u2028\u2029",
    "\u202f",
    "\u205f",
    "\u3000",
)
RARE_WHITESPACE = frozenset(c for c in WHITESPACE if RARE.match(c))
# the others beyond ASCII: few texts hold them (U+1680, the line and paragraph separators)
OTHER_WHITESPACE = "".join(sorted(WHITESPACE - RARE_WHITESPACE - set(" \t\n\r")))
# the characters beyond ASCII that IGNORECASE equates with an ASCII letter (in re and in
# regex): İ ı ſ K; İ is also the one character whose lower case is longer
ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"


class Span(msgspec.Struct, frozen=True):
    """A range ``[start, end)`` of the document's text."""

    start: int
    end: int


class Document:
    """Text plus the structure rules need: line offsets, header line, paragraphs, words.

    ``identify_language`` (given by the linter) names the body's language on demand."""

    def __init__(
        self,
        text: str,
        path: str = "<text>",
        identify_language: Callable[[Document], str] | None = None,
    ) -> None:
        self.text = text
        self.path = path
        self._identify_language = identify_language
        self._counted = 0  # positions found by counting (see position)
        self.has_cr = "\r" in text
        self._known: dict[Callable[[Document], object], object] = {}
        self._marked: Iterable[str] = ()  # the words of lower_words holding an apostrophe
        self._pieces: list[str] | None = None  # see word_pieces

    def knowledge(self, derive: Callable[[Document], Known]) -> Known:
        """What ``derive`` tells about this document, worked out once and shared by every
        rule that asks (the names a text uses, its own spelling of a word): rules keep
        their knowledge of language, the document keeps the results."""
        if derive not in self._known:
            self._known[derive] = derive(self)
        return self._known[derive]  # type: ignore[return-value]

    @cached_property
    def line_starts(self) -> list[int]:
        return [0, *(m.end() for m in LINE_BREAK.finditer(self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (row, column) of a character offset."""
        if (
            self._counted < COUNTED_LOOKUPS
            and "line_starts" not in self.__dict__
            and not self.has_cr
        ):
            self._counted += 1
            return self.text.count("\n", 0, offset) + 1, offset - self.text.rfind("\n", 0, offset)
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_around(self, offset: int) -> Span:
        """The span of the line holding ``offset``, without its line break."""
        if self.has_cr:
            return self.line_span(self.position(offset)[0])
        end = self.text.find("\n", offset)
        return Span(self.text.rfind("\n", 0, offset) + 1, len(self.text) if end < 0 else end)

    def line_span(self, row: int) -> Span:
        """The span of a 1-based row, without its line break."""
        start = self.line_starts[row - 1]
        match = LINE_BREAK.search(self.text, start)
        return Span(start, match.start() if match else len(self.text))

    @cached_property
    def indented(self) -> bool:
        """Whether a line starts with a space or tab (or a line of them stands between
        paragraphs): the paragraphs and two whitespace checks ask."""
        return "\n " in self.text or "\n\t" in self.text

    @cached_property
    def header(self) -> Span | None:
        """Line 1 when it looks like a header (``date`` after optional whitespace)."""
        match = HEADER_START.match(self.text)
        if not match:
            return None
        # leading blank lines belong to the header's span: the header rule reports them
        end = LINE_BREAK.search(self.text, match.end())
        return Span(0, end.start() if end else len(self.text))

    @cached_property
    def body_start(self) -> int:
        if self.header is None:
            return 0
        match = LINE_BREAK.match(self.text, self.header.end)
        return match.end() if match else len(self.text)

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Non-empty body paragraphs, each trimmed of surrounding line breaks."""
        text = self.text
        if not self.has_cr and not self.indented:
            return self._plain_paragraphs()
        spans: list[Span] = []
        start = self.body_start
        for match in PARAGRAPH_BREAK.finditer(text, start):
            spans.append(Span(start, match.start()))
            start = match.end()
        spans.append(Span(start, len(text)))
        trimmed = []
        for span in spans:
            chunk = text[span.start : span.end]
            stripped = chunk.strip("\r\n")
            if stripped.strip():
                lead = len(chunk) - len(chunk.lstrip("\r\n"))
                trimmed.append(Span(span.start + lead, span.start + lead + len(stripped)))
        return trimmed

    def _plain_paragraphs(self) -> list[Span]:
        """The common case, LF line breaks and no whitespace-only lines: a split on blank
        lines, with offsets counted along."""
        spans = []
        text = self.text
        offset = self.body_start
        while offset <= len(text):  # what split("\n\n") gives, a chunk at a time
            end = text.find("\n\n", offset)
            end = len(text) if end < 0 else end
            # the chunk less its line breaks at either end, found in place: a copy of
            # each chunk would double a large text of one paragraph
            start, stop = offset, end
            while start < stop and text[start] == "\n":
                start += 1
            while stop > start and text[stop - 1] == "\n":
                stop -= 1
            if NOT_SPACE.search(text, start, stop):
                spans.append(Span(start, stop))
            offset = end + 2
        return spans

    def paragraph_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @cached_property
    def rare(self) -> frozenset[str]:
        """The characters of ``RARE`` that the text holds."""
        return frozenset(found_words(RARE, self.text))

    def holds(self, wanted: frozenset[str]) -> bool:
        """Whether the text holds one of ``wanted`` (characters of ``RARE``)."""
        return not self.rare.isdisjoint(wanted)

    @cached_property
    def lower(self) -> str:
        return lower_case(self.text)

    @cached_property
    def holds_ascii_lookalike(self) -> bool:
        """Whether the text holds one of ``ASCII_LOOKALIKES``: four searches for one
        character each, which take far less than one scan for a class of them."""
        text = self.text
        return not text.isascii() and any(c in text for c in ASCII_LOOKALIKES)

    @cached_property
    def single_spaced_lower(self) -> str:
        """``lower`` with each run of whitespace made one space: ``" ".join(lower.split())``
        but for whitespace at either end. Most texts' whitespace is single spaces and line
        breaks alone or in pairs, which two replacements make single spaces; whether any
        other whitespace is left is told by the rare characters and a few searches."""
        lower = self.lower
        spaced = lower.replace("\n\n", " ").replace("\n", " ")
        if (
            "  " in spaced
            or "\t" in spaced
            or "\r" in spaced
            or self.holds(RARE_WHITESPACE)
            or (not spaced.isascii() and any(c in spaced for c in OTHER_WHITESPACE))
        ):
            return " ".join(lower.split())
        return spaced

    @cached_property
    def lowered(self) -> LowerText:
        """``lower`` as the rules that look things up in it read it: a large text's is
        lower-cased a piece at a time where they look (``LowerPieces``), never kept whole."""
        if len(self.text) <= LARGE_TEXT:
            return self.lower
        return LowerPieces(self.text)

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """Every distinct word of the text, lower-cased: rules test membership here before
        running a costly scan, since most documents hold none of their words."""
        if len(self.text) <= LARGE_TEXT:
            self._pieces, words, marked = letter_pieces(self.lower)
        else:  # piece by piece: no letter run crosses a line break
            words, marked = set(), set()
            for _, piece in lower_pieces(self.text):
                found, apostrophes = letter_words(piece)
                words.update(found)
                marked.update(apostrophes)
        # "minster's" is also "minster", so that rules find the word before its possessive
        words.update([w[:-2] for w in marked if w.endswith(("'s", "’s"))])
        self._marked = marked
        return frozenset(words)

    @property
    def word_pieces(self) -> list[str] | None:
        """The pieces that ``lower_words`` reads from the lower-cased text, in order (None
        for a text past ``LARGE_TEXT`` characters): runs of ASCII letters, in most texts
        joined by apostrophes into one piece, split at every other character. Two runs of
        ASCII letters with neither a letter nor an apostrophe beside them are each a piece,
        and neighbouring pieces when nothing but characters other than letters and
        apostrophes stands between them."""
        self.lower_words  # noqa: B018 - sets _pieces
        return self._pieces

    @cached_property
    def apostrophe_stems(self) -> frozenset[str]:
        """The letters before the first apostrophe of each word of ``lower_words`` that
        holds one ("reign" of "reign'd"): a run of letters that an apostrophe and more
        letters follow is no word of its own there. Read from the few such words, which
        ``lower_words`` keeps aside."""
        self.lower_words  # noqa: B018 - sets _marked
        return frozenset(APOSTROPHE_SPLIT.split(w, maxsplit=1)[0] for w in self._marked)

    def body_sample(self, size: int) -> str:
        """The first ``size`` characters of the body, for language identification."""
        if not self.paragraphs:
            return ""
        start = self.paragraphs[0].start
        return self.text[start : min(self.paragraphs[-1].end, start + size)]

    def reread(self, text: str) -> Document:
        """This document's path and language identification over ``text``, of the same
        length, so that every offset stays: the same words with some marks read as others
        (a plain-text dash, "--", as a dash)."""
        if len(text) != len(self.text):
            raise ValueError("a document is reread over a text of its own length")
        return Document(text, self.path, self._identify_language)

    @cached_property
    def language(self) -> str:
        """The body's language (ISO 639-1), or "" when it cannot be told."""
        return self._identify_language(self) if self._identify_language else ""

    @cached_property
    def apostrophe(self) -> str:
        """The document's apostrophe style: ’ when curly ones outnumber straight ones."""
        if self.text.isascii():
            return "'"
        curly = len(APOSTROPHE_CURLY.findall(self.text))
        straight = len(APOSTROPHE_STRAIGHT.findall(self.text))
        return "\u2019" if curly > straight else "'"


def lower_case(text: str) -> str:
    """``text.lower()``, a large text's in pieces of whole lines: for a text that is not all
    ASCII, str.lower() first takes 12 bytes per character (a case mapping may triple one),
    several times the text's own size. A line break is neither cased nor ignorable by case,
    so no case rule (the Greek final sigma's) looks across it: the pieces give exactly the
    whole's result."""
    if len(text) <= LARGE_TEXT or text.isascii():
        return text.lower()
    return "".join(piece.lower() for piece in line_pieces(text, LOWER_PIECE))


def line_pieces(text: str, size: int) -> Iterator[str]:
    """``text`` in consecutive pieces of at least ``size`` characters (the last may be
    shorter), each cut just after a line break: no word, and no case rule, spans two."""
    for start, end in piece_bounds(text, size):
        yield text[start:end]


def lower_pieces(text: str) -> Iterator[tuple[int, str]]:
    """Each of ``line_pieces(text, LOWER_PIECE)`` lower-cased, with its offset in ``text``:
    together, ``lower_case(text)``."""
    for start, end in piece_bounds(text, LOWER_PIECE):
        yield start, text[start:end].lower()


def piece_bounds(text: str, size: int) -> Iterator[tuple[int, int]]:
    """The ``[start, end)`` of each of ``line_pieces(text, size)``."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        yield start, end
        start = end


class LowerText(Protocol):
    """What rules read of a lower-cased text: a ``str``, or a large one's ``LowerPieces``."""

    def __len__(self) -> int: ...

    def find(self, sub: str, start: int = 0, end: int | None = None, /) -> int: ...

    @overload
    def __getitem__(self, key: int, /) -> str: ...
    @overload
    def __getitem__(self, key: slice, /) -> str: ...


# the one character whose lower case is longer (İ -> i + combining dot): where a text holds
# it, offsets in its lower case are no longer offsets in the text
SHIFTING = "\u0130"


class LowerPieces:
    """``lower_case(text)`` of a large text, read where asked: the piece of whole lines
    (``line_pieces``) holding a place is lower-cased when first read and kept until another
    piece is, so that the lower case of a 100 MB text never takes another 100 MB or more.
    A match of a string without a line break lies inside one piece, and a piece's lower
    case is that part of the whole's (see ``lower_case``): ``find`` gives what the whole's
    gives. A text holding ``SHIFTING`` is lower-cased whole, once, when first read."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._length = len(text) + text.count(SHIFTING)
        self._starts = [start for start, _ in piece_bounds(text, LOWER_PIECE)] + [len(text)]
        self._held = -1  # the number of the piece in _piece
        self._piece = ""
        self._whole: str | None = None

    def __len__(self) -> int:
        return self._length

    def _whole_text(self) -> str:
        if self._whole is None:
            self._whole = lower_case(self._text)
        return self._whole

    def _piece_at(self, number: int) -> str:
        if number != self._held:
            start, end = self._starts[number], self._starts[number + 1]
            self._piece, self._held = self._text[start:end].lower(), number
        return self._piece

    def _number(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1

    def find(self, sub: str, start: int = 0, end: int | None = None, /) -> int:
        if self._length != len(self._text) or not sub or "\n" in sub:
            return self._whole_text().find(sub, start, end)
        start, end, _ = slice(start, end).indices(self._length)
        number = self._number(start)
        while number < len(self._starts) - 1 and self._starts[number] < end:
            first = self._starts[number]
            at = self._piece_at(number).find(sub, max(start - first, 0), end - first)
            if at != -1:
                return first + at
            number += 1
        return -1

    @overload
    def __getitem__(self, key: int, /) -> str: ...
    @overload
    def __getitem__(self, key: slice, /) -> str: ...
    def __getitem__(self, key: int | slice, /) -> str:
        if self._length != len(self._text):
            return self._whole_text()[key]
        if isinstance(key, slice):
            start, stop, step = key.indices(self._length)
            if step != 1:
                return self._whole_text()[key]
            parts = []
            while start < stop:
                number = self._number(start)
                first, end = self._starts[number], self._starts[number + 1]
                parts.append(self._piece_at(number)[start - first : min(stop, end) - first])
                start = end
            return "".join(parts)
        index = key + self._length if key < 0 else key
        if not 0 <= index < self._length:
            raise IndexError("string index out of range")
        number = self._number(index)
        return self._piece_at(number)[index - self._starts[number]]


# byte -> itself for an ASCII letter (or digit), a space for any other byte
_LETTERS = bytes(b if 0x61 <= b <= 0x7A else 0x20 for b in range(256))
_LETTERS_DIGITS = bytes(b if 0x61 <= b <= 0x7A or 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_RUNS = {False: re.compile("[a-z]+"), True: re.compile("[a-z0-9]+")}


def ascii_runs(lower: str, digits: bool = False) -> Iterable[str]:
    """The maximal runs of ``[a-z]`` (with ``digits``, ``[a-z0-9]``) of a lower-cased
    text, in order: what ``re.findall("[a-z]+", lower)`` finds. UTF-8 writes each ASCII
    character as itself and any other character in bytes from 0x80 on, so the runs are
    the ASCII runs of its bytes, split out in one pass of C instead of a regex's scan.
    Past ``LARGE_TEXT`` characters one at a time, as ``found_words`` gives them."""
    if len(lower) > LARGE_TEXT:
        return found_words(_RUNS[digits], lower)
    data = lower.encode("utf-8", "surrogatepass")  # any str, lone surrogates too
    return data.translate(_LETTERS_DIGITS if digits else _LETTERS).decode("ascii").split()


# byte -> itself for an ASCII character of the kind, a space for any other ASCII byte, and
# every byte from 0x80 on kept (see runs_of)
def _ascii_table(kept: str) -> bytes:
    return bytes(b if chr(b) in kept else 0x20 for b in range(128)) + bytes(range(128, 256))


ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORD_TABLE = _ascii_table(ASCII_LETTERS + "0123456789_")  # re's \w on ASCII
LETTER_TABLE = _ascii_table(ASCII_LETTERS)  # [^\W\d_] on ASCII
# punctuation common in news that is no word character: its UTF-8 is made a space, so
# that a text holding only these beyond ASCII splits as ASCII does
_PUNCTUATION_UTF8 = tuple(c.encode() for c in "\u2019\u201c\u201d\u2014\u2013\u2018\u2026\u00a0")


def runs_of(text: str, table: bytes, pattern: re.Pattern[str]) -> Iterable[str]:
    """What ``pattern.findall(text)`` finds, for a pattern that matches the maximal runs of
    a class of characters whose ASCII members ``table`` keeps (``WORD_TABLE`` for
    ``\\w+``, ``LETTER_TABLE`` for ``[^\\W\\d_]+``). Most news is ASCII apart from
    quotation marks and dashes: those become spaces in the text's UTF-8, and when no other
    byte from 0x80 on is left, a C translate-and-split gives the runs (each ASCII
    character is itself in UTF-8); any other text is searched with the pattern, a very
    large one a match at a time (``found_words``)."""
    if len(text) > LARGE_TEXT:
        return found_words(pattern, text)
    data = without_punctuation(text.encode("utf-8", "surrogatepass"))
    if not data.isascii():
        return pattern.findall(text)
    return data.translate(table).decode("ascii").split()


def without_punctuation(data: bytes) -> bytes:
    """UTF-8 with the common news punctuation beyond ASCII made spaces (see runs_of)."""
    if not data.isascii():
        for mark in _PUNCTUATION_UTF8:
            data = data.replace(mark, b" ")
    return data


# byte -> itself for an ASCII letter, an apostrophe or MARK (the curly apostrophe, which
# letter_words writes as MARK), a space for any other byte
_LETTERS_MARKS = bytes(b if 0x61 <= b <= 0x7A or b in b"'\x01" else 0x20 for b in range(256))
MARK = "\x01"
CURLY_UTF8 = "\u2019".encode()
_MARKED_RUN = re.compile(f"[a-z]+(?:['{MARK}][a-z]+)*")


def letter_words(lower: str) -> tuple[set[str], Iterable[str]]:
    """The distinct words of ``LETTER_RUN`` in a lower-cased text, and those of them that
    hold an apostrophe (or more): ``letter_pieces`` without the pieces."""
    _, words, marked = letter_pieces(lower)
    return words, marked


def letter_pieces(lower: str) -> tuple[list[str] | None, set[str], Iterable[str]]:
    """The pieces of a lower-cased text (see ``Document.word_pieces``; None for a large
    text), the distinct words of ``LETTER_RUN`` in it, and those of them that hold an
    apostrophe (or more). Split out as ``ascii_runs`` splits runs: the text's bytes keep
    only ASCII letters and apostrophes (’ as MARK), and the pieces between the rest are
    the words; the few pieces holding an apostrophe are then split with the pattern."""
    if len(lower) > LARGE_TEXT:
        words = set(found_words(LETTER_RUN, lower))
        return None, words, words
    if MARK in lower:
        pieces = LETTER_RUN.findall(lower)
        words = set(pieces)
        return pieces, words, words
    data = lower.encode("utf-8", "surrogatepass")
    if b"'" not in data and CURLY_UTF8 not in data:
        pieces = data.translate(_LETTERS).decode("ascii").split()
        return pieces, set(pieces), ()
    spaced = data.replace(CURLY_UTF8, MARK.encode()).translate(_LETTERS_MARKS).decode("ascii")
    pieces = spaced.split()
    words = set(pieces)
    marked = _marked_pieces(spaced)
    words.difference_update(marked)
    found = {w.replace(MARK, "\u2019") for piece in marked for w in _MARKED_RUN.findall(piece)}
    words.update(found)
    return pieces, words, [w for w in found if "'" in w or "\u2019" in w]


def _marked_pieces(pieces: str) -> set[str]:
    """The pieces (runs between spaces) of ``pieces`` that hold an apostrophe or MARK,
    found from the marks, which are few, instead of by testing every piece."""
    found = set()
    for mark in ("'", MARK):
        at = pieces.find(mark)
        while at != -1:
            end = pieces.find(" ", at)
            end = len(pieces) if end == -1 else end
            found.add(pieces[pieces.rfind(" ", 0, at) + 1 : end])
            at = pieces.find(mark, end)
    return found


def found_words(pattern: re.Pattern[str], text: str) -> Iterable[str]:
    """What ``pattern.findall(text)`` finds (a pattern without groups): as a list for an
    ordinary text, which is fastest; one at a time past ``LARGE_TEXT`` characters, so that
    a very large text never has every word in memory at once."""
    if len(text) <= LARGE_TEXT:
        return pattern.findall(text)
    return (match.group() for match in pattern.finditer(text))
