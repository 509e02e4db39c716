"""language: the body is written in a language the corpus allows.

The body (the paragraphs after the header) is identified and checked against
``allowed`` (ISO 639-1 codes; the configuration's ``languages`` setting overrides it). A
body shorter than ``min-words`` words is too short to judge. A cheap test settles clear
English first: a share of at least ``english-stopword-share`` of its words are English
function words (``english-stopwords``; English news scores 0.26 and above, French under
0.05). Only the rest reaches langdetect, which reads a prefix of ``sample-chars``
characters with a fixed seed, so the same text always gets the same answer; its answer
counts when its probability reaches ``threshold``. No fix: translation is not a repair.

The same identification tells the engine each document's language, so that rules written
for one language (``language: en``) never run on a document in another.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import msgspec

from seedlint.engine.diagnostics import Finding
from seedlint.engine.document import LETTER_TABLE, Document, runs_of
from seedlint.engine.kind import Kind, single_check
from seedlint.engine.options import Option
from seedlint.engine.patterns import lazy_compile

TOKEN = lazy_compile(r"[^\W\d_]+")
DETECTIONS_KEPT = 256


class State(msgspec.Struct, frozen=True):
    allowed: tuple[str, ...]
    min_words: int
    threshold: float
    sample_chars: int
    stopword_share: float
    stopwords: frozenset[str]
    identified: Callable[[Document], tuple[str, float]]


class Language(Kind[State]):
    name = "language"
    identifies_language = True
    checks = single_check(
        "language",
        "a body in a language the corpus does not allow",
        fields=("language", "probability", "allowed"),
        options={
            "allowed": Option("str-list", ["en"], help="ISO 639-1 codes of accepted languages"),
            "min-words": Option("int", 30, help="shorter bodies are not judged"),
            "threshold": Option("number", 0.9, help="langdetect probability needed"),
            "sample-chars": Option("int", 2000, help="how much of the body is read"),
            "english-stopword-share": Option(
                "number", 0.2, help="share of English function words that settles English"
            ),
            "english-stopwords": Option(
                "str-list", [], help="English function words for the cheap English test"
            ),
        },
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        stopwords = frozenset(w.lower() for w in options["english-stopwords"])
        settings = (
            options["min-words"],
            options["threshold"],
            options["sample-chars"],
            options["english-stopword-share"],
            stopwords,
        )
        # what a document keeps as this rule's answer (Document.knowledge)
        identified = functools.partial(_identify, settings=settings)
        return State(tuple(options["allowed"]), *settings, identified=identified)

    def identify(self, doc: Document, state: State) -> tuple[str, float]:
        """Worked out once per document and rule: the engine asks for the language of
        every document, and this rule again."""
        return doc.knowledge(state.identified)

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        language, probability = self.identify(doc, state)
        if language and language not in state.allowed:
            first = doc.paragraphs[0]
            values = {
                "language": language,
                "probability": f"{probability:.2f}",
                "allowed": ", ".join(state.allowed),
            }
            yield Finding(first.start, first.end, values)


KIND = Language()


def _identify(
    doc: Document, settings: tuple[int, float, int, float, frozenset[str]]
) -> tuple[str, float]:
    min_words, threshold, sample_chars, stopword_share, stopwords = settings
    sample = doc.body_sample(sample_chars)
    words = list(runs_of(sample.lower(), LETTER_TABLE, TOKEN))
    if len(words) < min_words:
        return "", 0.0
    if stopwords:
        share = sum(map(stopwords.__contains__, words)) / len(words)
        if share >= stopword_share:
            return "en", 1.0
    language, probability = detect(sample)
    return (language, probability) if probability >= threshold else ("", probability)


@lru_cache(maxsize=DETECTIONS_KEPT)
def detect(text: str) -> tuple[str, float]:
    """The most probable language and its probability; ("", 0.0) when undecidable."""
    from langdetect import DetectorFactory, detect_langs  # imported on first use: slow
    from langdetect.lang_detect_exception import LangDetectException

    from seedlint.kinds._langprofiles import load_factory

    load_factory()  # the profiles, parsed once per machine
    DetectorFactory.seed = 0  # langdetect samples at random; a fixed seed makes it repeatable
    try:
        best = detect_langs(text)[0]
    except (LangDetectException, IndexError, KeyError):  # KeyError: a kept table cut short
        return "", 0.0
    return best.lang, best.prob
