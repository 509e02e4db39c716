"""language: the body is written in a language the corpus allows.

The body (the paragraphs after the header) is checked against ``allowed`` (ISO 639-1
codes; the configuration's ``languages`` setting overrides it). A document shorter than
``min-words`` words is too short to judge and is skipped. When English is allowed, a
cheap stop-word test settles clear English first; only the rest reaches langdetect,
which reads a prefix of ``sample-chars`` characters with a fixed seed, so the same text
always gets the same answer. A finding needs langdetect's probability for the detected
language to reach ``threshold``. No fix: translation is not a repair.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seedlint.diagnostic import Finding
from seedlint.document import Document
from seedlint.options import Option

OPTIONS = {
    "allowed": Option("str-list", ["en"], help="ISO 639-1 codes of accepted languages"),
    "min-words": Option("int", 30, help="shorter bodies are not judged"),
    "threshold": Option("number", 0.9, help="langdetect probability needed for a finding"),
    "sample-chars": Option("int", 2000, help="how much of the body langdetect reads"),
    "english-stopword-share": Option(
        "number", 0.3, help="share of English function words that settles English"
    ),
}
FIELDS = ("language", "probability", "allowed")
FIXABLE = False

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


@dataclass(frozen=True)
class State:
    allowed: tuple[str, ...]
    min_words: int
    threshold: float
    sample_chars: int
    stopword_share: float


def compile(options: dict) -> State:
    return State(
        tuple(options["allowed"]),
        options["min-words"],
        options["threshold"],
        options["sample-chars"],
        options["english-stopword-share"],
    )


def check(doc: Document, state: State) -> Iterator[Finding]:
    if not doc.paragraphs:
        return
    start, end = doc.paragraphs[0].start, doc.paragraphs[-1].end
    sample = doc.text[start : min(end, start + state.sample_chars)]
    words = TOKEN.findall(sample.lower())
    if len(words) < state.min_words:
        return
    if "en" in state.allowed:
        share = sum(word in ENGLISH_STOPWORDS for word in words) / len(words)
        if share >= state.stopword_share:
            return
    language, probability = detect(sample)
    if language and language not in state.allowed and probability >= state.threshold:
        first = doc.paragraphs[0]
        values = {
            "language": language,
            "probability": f"{probability:.2f}",
            "allowed": ", ".join(state.allowed),
        }
        yield Finding(first.start, first.end, values)


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
