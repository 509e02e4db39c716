"""The benchmark's word-level defect classes damage only where the article offers a place.

bench/accuracy/inject_lexical.py: acronym and name possessives, contractions, real-word slips.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "accuracy"
sys.path.insert(0, str(BENCH))

import inject  # noqa: E402
import inject_lexical as lexical  # noqa: E402
from slips import SLIPS, Slip  # noqa: E402

HEADER = "date 2024-01-18 A title\n\n"
REAL_WORDS = ("cant", "wont", "were", "well", "shell", "hell", "its", "ill", "id", "shed", "lets")


def damaged(injector: lexical.Injector, body: str) -> str | None:
    defect = injector(HEADER + body, random.Random(0))
    return None if defect is None else defect.damaged[len(HEADER) :]


def test_acronym_possessive_loses_its_apostrophe() -> None:
    assert damaged(lexical.acronym_possessive, "Voters left the BNP's leader.\n") == (
        "Voters left the BNPs leader.\n"
    )
    assert damaged(lexical.acronym_possessive, "Read the API’s docs.\n") == "Read the APIs docs.\n"


def test_acronym_possessive_needs_a_place() -> None:
    assert damaged(lexical.acronym_possessive, "Three APIs and the API's docs.\n") is None
    assert damaged(lexical.acronym_possessive, "The U.S.'s view and COVID-19's toll.\n") is None
    # a plural written with an apostrophe: without it the text is correct, not damaged
    plurals = "He offered DVD's of his films, user ID's, and API's for apps.\n"
    assert damaged(lexical.acronym_possessive, plurals) is None
    owned = "The NHC's \"Hurricane\" alert and NASA's 2014 pick.\n"
    assert damaged(lexical.acronym_possessive, owned) in (
        'The NHCs "Hurricane" alert and NASA\'s 2014 pick.\n',
        'The NHC\'s "Hurricane" alert and NASAs 2014 pick.\n',
    )


def test_name_possessive_only_mid_sentence_names() -> None:
    assert damaged(lexical.name_possessive, "Sales rose at Lenovo's plants.\n") == (
        "Sales rose at Lenovos plants.\n"
    )
    assert damaged(lexical.name_possessive, "Lenovo's plants grew.\n") is None
    assert damaged(lexical.name_possessive, "It grew. Lenovo's plants grew.\n") is None
    # a common word in capitals: its plural may be meant ("the Banks report")
    assert damaged(lexical.name_possessive, "We read the Bank's report.\n") is None
    assert damaged(lexical.name_possessive, "The Lenovos and Lenovo's plants.\n") is None


def test_contractions_never_become_words() -> None:
    dropped = {w.replace("'", "").lower() for w in lexical.CONTRACTIONS_ANY}
    assert not dropped & set(REAL_WORDS)
    assert damaged(lexical.contraction_any, '"I’m sure," she said.\n') == '"Im sure," she said.\n'
    assert damaged(lexical.contraction_any, "We can't and won't; it's late.\n") is None


def test_contractions_that_become_words_are_a_class_of_their_own() -> None:
    dropped = {w.replace("'", "").lower() for w in lexical.CONTRACTIONS_WORD}
    assert dropped == {"its", "cant", "wont", "lets", "id", "ill"}
    assert damaged(lexical.contraction_word, "It’s late.\n") == "Its late.\n"
    # "we're" -> "were" stands where "were" does: not a class seedlint is measured on
    assert damaged(lexical.contraction_word, "We're late and we'll go.\n") is None
    assert "apostrophe-contraction-word" in inject.CLASSES


def test_slips_need_their_context() -> None:
    assert len(SLIPS) >= 30
    assert damaged(lexical.real_word_slip, "Jobs in the public sector grew.\n") == (
        "Jobs in the pubic sector grew.\n"
    )
    shouted = damaged(lexical.real_word_slip, "The UNITED Nations met.\n")
    assert shouted == "The UNTIED Nations met.\n"
    assert damaged(lexical.real_word_slip, "It was open to the public.\n") is None


@pytest.mark.parametrize("slip", SLIPS, ids=lambda s: f"{s.intended}-{s.slip}")
def test_every_slip_context_compiles_and_keeps_its_word(slip: Slip) -> None:
    pattern = lexical.slip_pattern(slip)
    assert pattern.groupindex, slip
    assert slip.slip.lower() != slip.intended.lower()


def test_cases_are_deterministic_and_one_defect_each() -> None:
    articles = inject.load_articles("18f_blog")
    first = inject.build_cases(5, seed=7, articles=articles, clean_share=0)
    again = inject.build_cases(5, seed=7, articles=articles, clean_share=0)
    assert first == again
    for case in first:
        assert case.damaged != case.original
        assert case.damaged[: case.start] == case.original[: case.start]


def test_a_slip_takes_the_case_of_the_word_it_replaces() -> None:
    from defect import same_case

    assert same_case("minister", "Minster") == "minster"
    assert same_case("Minister", "Minster") == "Minster"
    assert same_case("MINISTER", "Minster") == "MINSTER"
    assert same_case("government", "goverment") == "goverment"
