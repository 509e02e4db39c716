"""Language identification, cheap first: a stop-word test settles clear English (English
news text has 26% or more of these function words, French under 5%), and only the rest
reaches langdetect (seeded, so the same text always gets the same answer).
langdetect and its profiles are imported on first use only."""

from __future__ import annotations

import re
from functools import lru_cache

TOKEN = re.compile(r"[^\W\d_]+")
ENGLISH_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "was",
        "for",
        "on",
        "that",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "he",
        "she",
        "his",
        "her",
        "they",
        "their",
        "be",
        "are",
        "were",
        "has",
        "have",
        "had",
        "not",
        "but",
        "or",
        "an",
        "this",
        "which",
        "who",
        "will",
        "would",
        "said",
        "also",
        "its",
        "been",
        "after",
        "more",
        "than",
        "one",
        "two",
        "about",
        "into",
        "over",
        "new",
        "up",
        "out",
        "we",
        "our",
        "you",
        "i",
        "there",
        "when",
    ]
)


def english_share(words: list[str]) -> float:
    return sum(map(ENGLISH_STOPWORDS.__contains__, words)) / len(words) if words else 0.0


def words_of(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


@lru_cache(maxsize=256)
def detect(text: str) -> tuple[str, float]:
    """The most probable language and its probability; ("", 0.0) when undecidable."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect samples at random; a fixed seed makes it repeatable
    try:
        best = detect_langs(text)[0]
    except (LangDetectException, IndexError):
        return "", 0.0
    return best.lang, best.prob


def body_language(sample: str, min_words: int = 30, english_threshold: float = 0.2) -> str:
    """The language of a body sample, or "" when it is too short or unclear to tell."""
    words = words_of(sample)
    if len(words) < min_words:
        return ""
    if english_share(words) >= english_threshold:
        return "en"
    language, probability = detect(sample)
    return language if probability >= 0.9 else ""
