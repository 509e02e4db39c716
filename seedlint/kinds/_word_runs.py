"""Where each word stands in a long text, found in one pass: how many times a word, or two
words with one space between them, stand in the text, without a scan of the whole text per
question (which would grow with the square of a long document's length) and without a
table of every pair of neighbouring words (which takes many times the text's size).

A "word" here is a maximal run of ``[\\w'’]``: re's ``\\w`` is a character
``str.isalnum()`` accepts, or the underscore. Only the words that open with no lower-case
letter are indexed (``holds``): the names and acronyms that are asked about, a sixth of
news text's words; a question about another word is answered by a scan.
"""

from __future__ import annotations

import re
from array import array

from seedlint.engine.patterns import lazy_compile

WORD_RUN = lazy_compile(r"[\w'’]+")
_BEFORE_APOSTROPHE = re.compile(r"(?<=.)['’]")  # where a run goes on past an apostrophe
# offsets kept in arrays, no object each: 4 bytes an occurrence, 8 past 4 G characters
_OFFSET, _LONG_OFFSET, _OFFSET_LIMIT = "I", "Q", 1 << 32


class WordRuns:
    """The start offsets of every word of ``text`` that ``holds`` says is kept, by word."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts: dict[str, int | array[int]] = {}
        kind = _OFFSET if len(text) < _OFFSET_LIMIT else _LONG_OFFSET
        for match in WORD_RUN.finditer(text):
            word = match.group()
            if word[0].islower():
                continue  # most words: their places would take as much as the text
            found = starts.get(word)
            if found is None:
                starts[word] = match.start()  # most words stand once: no array for them
            elif isinstance(found, int):
                starts[word] = array(kind, (found, match.start()))
            else:
                found.append(match.start())
        self._starts = starts
        self._continued: dict[str, list[int]] | None = None  # see offsets_continued

    @staticmethod
    def holds(word: str) -> bool:
        """Whether the places of ``word`` (a whole run) are kept: it opens with no
        lower-case letter."""
        return not word[:1].islower()

    def offsets(self, word: str) -> array[int] | tuple[int, ...]:
        """Where the word (a whole run that ``holds`` keeps) starts, in order."""
        found = self._starts.get(word)
        if found is None:
            return ()
        return (found,) if isinstance(found, int) else found

    def offsets_continued(self, prefix: str) -> list[int]:
        """Where a kept run starts that is ``prefix`` and then an apostrophe (' or ’) and
        more: "Kab's'" for "Kab's". Rare runs, indexed by each such prefix when first
        asked for."""
        if self._continued is None:
            continued: dict[str, list[int]] = {}
            for word in self._starts:
                for cut in _BEFORE_APOSTROPHE.finditer(word):
                    continued.setdefault(word[: cut.start()], []).extend(self.offsets(word))
            self._continued = continued
        return self._continued.get(prefix, [])

    def count(self, word: str) -> int:
        """How many times the word (a whole run that ``holds`` keeps) stands in the text."""
        return len(self.offsets(word))

    def count_pair(self, first: str, second: str) -> int:
        """How many times the run ``first``, one space, then the run ``second`` (one that
        ``holds`` keeps) stand."""
        text, size = self.text, len(first)
        total = 0
        for at in self.offsets(second):
            start = at - 1 - size
            if (
                start >= 0
                and text[at - 1] == " "
                and text.startswith(first, start)
                and (start == 0 or not joins(text[start - 1]))
            ):
                total += 1
        return total


def joins(char: str) -> bool:
    r"""Whether ``char`` is one of ``[\w'’]``: re's \w is a character str.isalnum()
    accepts, or the underscore."""
    return char.isalnum() or char in "_'’"
