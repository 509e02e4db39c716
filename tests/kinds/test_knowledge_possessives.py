"""Lost possessive apostrophes (SL210) told from plurals by word classes and the document.

The word after "XXXs" (a noun, a verb, or either, from the AGID inflection data that the
pyinflect package ships) and what the document says about the stem (its possessive written
elsewhere, the stem used as a name, a countable use) decide; plurals stay unflagged.
"""

from __future__ import annotations

import pytest

import seedlint
from conftest import seed
from seedlint.kinds._wordclass import adjective, lemma, noun_or_adjective, past_tense, verb_base


def found(text: str) -> list[str]:
    return [text[d.start : d.end] for d in seedlint.lint_text(text, select=["SL210"])]


def test_the_word_classes_come_from_the_inflection_data() -> None:
    assert noun_or_adjective("leader") and not verb_base("leader")
    assert verb_base("report") and noun_or_adjective("report")
    assert past_tense("voted") and not noun_or_adjective("voted")
    assert lemma("corps") and adjective("new")


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        ("Polls closed. Later the UKIPs leader spoke.", ["UKIPs"]),  # a noun settles it
        ("Police came when BTP arrived. By BTPs report, he fled.", ["BTPs"]),  # a name
        ("The BNPs new leader spoke.", ["BNPs"]),  # an adjective before a noun
        ("The USDAs soon-to-be-released guide.", ["USDAs"]),  # a compound modifier
        ("Mueller said so. Robert Muellers investigation ended.", ["Muellers"]),
        ("Avenatti intended to appeal. A member of Avenattis legal team spoke.", ["Avenattis"]),
        ("Senator Klobuchar said no. Senator Klobuchars aides left.", ["Klobuchars"]),
    ],
)
def test_a_lost_possessive_is_found(body: str, flagged: list[str]) -> None:
    assert found(seed(body)) == flagged


@pytest.mark.parametrize(
    "body",
    [
        "Three MPs voted, and the CEOs of ten firms left.",
        "They always keep the URLs simple and short.",  # an adjective complement
        "Quora is a giant hub for FAQs where users ask.",
        "Save it as a PDF. Reports were printed PDFs full of numbers.",  # countable
        "Our team at 18F, the Eligibility APIs Initiative, met.",  # inside a name
        "A Peace Corp worker met a Peace Corps volunteer.",  # corps: a word of its own
        "The average Hispanic spends more. Hispanics place more trust in video.",
        "Two Britains, the Joneses and the water firm Aguas Argentinas.",
        "Users swing between mobile and PCs use, said a PC owner.",
    ],
)
def test_plurals_names_and_words_of_their_own_are_left_alone(body: str) -> None:
    assert found(seed(body)) == []
