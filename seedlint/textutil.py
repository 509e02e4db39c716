"""Small text helpers shared by several rule kinds."""

from __future__ import annotations

import re

WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?:['’][A-Za-z]+)*(?![\w-])")
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


def previous_word(text: str, offset: int) -> str | None:
    match = PREVIOUS_WORD.search(text, max(0, offset - 48), offset)
    return match.group(1) if match else None


def next_word(text: str, offset: int) -> str | None:
    match = NEXT_WORD.match(text, offset)
    return match.group(1) if match else None
