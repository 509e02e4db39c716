"""Text primitives shared by the defect injectors: the recorded defect, spans, case, matches.

A `Defect` is the damaged document and the span [start, end) of the damage in it, with the
text the original held there. Matches are looked for in the body only, never in the header.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

APOSTROPHES = "'\u2019"


def words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


@dataclass(frozen=True)
class Defect:
    damaged: str
    start: int
    end: int
    original_text: str


def body_start(text: str) -> int:
    return text.index("\n\n") + 2


def replace(text: str, start: int, end: int, new: str) -> Defect:
    return Defect(text[:start] + new + text[end:], start, start + len(new), text[start:end])


def pick_match(
    text: str, pattern: str | re.Pattern[str], rng: random.Random
) -> re.Match[str] | None:
    """A random match of pattern in the body (after the header)."""
    skip = body_start(text)
    matches = [m for m in re.finditer(pattern, text) if m.start() >= skip]
    return rng.choice(matches) if matches else None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of every body paragraph, newline excluded."""
    spans, pos = [], body_start(text)
    for line in text[pos:].split("\n"):
        if line:
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def same_case(model: str, word: str) -> str:
    """``word`` written in the case of ``model``: all capitals, capitalised, or lower case
    at its start ("minister" gives "minster" of the slip "Minster")."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    first = word[0].upper() if model[0].isupper() else word[0].lower()
    return first + word[1:]
