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

from collections.abc import Iterator
from dataclasses import dataclass

from seedlint.diagnostic import Finding
from seedlint.document import Document
from seedlint.langid import detect, english_share, words_of
from seedlint.options import Option

OPTIONS = {
    "allowed": Option("str-list", ["en"], help="ISO 639-1 codes of accepted languages"),
    "min-words": Option("int", 30, help="shorter bodies are not judged"),
    "threshold": Option("number", 0.9, help="langdetect probability needed for a finding"),
    "sample-chars": Option("int", 2000, help="how much of the body langdetect reads"),
    "english-stopword-share": Option(
        "number", 0.2, help="share of English function words that settles English"
    ),
}
FIELDS = ("language", "probability", "allowed")
FIXABLE = False


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
    sample = doc.body_sample(state.sample_chars)
    words = words_of(sample)
    if len(words) < state.min_words:
        return
    if "en" in state.allowed and english_share(words) >= state.stopword_share:
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
