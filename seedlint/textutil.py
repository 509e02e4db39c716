"""Small text helpers shared by several rule kinds."""

from __future__ import annotations

import re

WORD = re.compile(r"(?<![\w'’\]-])[A-Za-z]+(?:['’][A-Za-z]+)*(?![\w-])")
SIC = re.compile(r"\s*[\[(]sic[\])]", re.IGNORECASE)
SENTENCE_START = re.compile(r"(?:\A|[.!?:;\"“‘'(\[—–-]\s*|\n)\s*\Z")
PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[ \t\u00a0]+\Z")
NEXT_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z]+)")


def match_case(source: str, replacement: str) -> str:
    """Write ``replacement`` in the capitalisation of ``source``, word by word."""
    source_words = source.split()
    replacement_words = replacement.split(" ")
    if len(source_words) != len(replacement_words):
        source_words = [source] * len(replacement_words)
        source_words[1:] = [w.lower() for w in source_words[1:]]
    return " ".join(
        _match_word(model, word) for model, word in zip(source_words, replacement_words)
    )


def _match_word(model: str, word: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def marked_sic(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is marked as quoted verbatim: "Theres [sic]"."""
    return SIC.match(text, end) is not None


def at_sentence_start(text: str, start: int) -> bool:
    return SENTENCE_START.search(text, max(0, start - 8), start) is not None


def previous_word(text: str, offset: int) -> str | None:
    match = PREVIOUS_WORD.search(text, max(0, offset - 48), offset)
    return match.group(1) if match else None


def next_word(text: str, offset: int) -> str | None:
    match = NEXT_WORD.match(text, offset)
    return match.group(1) if match else None
