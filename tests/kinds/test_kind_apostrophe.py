"""The apostrophe kind, through the bundled rules on it (SL210, SL211): lost possessive
and contraction apostrophes, fixed in the apostrophe style of the paragraph or document."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, seed
from helpers import fixed, found
from seedlint.engine import document
from seedlint.engine.document import Document
from seedlint.kinds import apostrophe
from seedlint.ruleset.rulefile import load_rules


def test_acronym_possessive_is_found_and_plurals_are_not() -> None:
    text = seed("The UKs plan, the EUs view and the NHSs budget; the MPs, CDs and CEOs agreed.")
    assert [w for _, w in found(text, "SL210")] == ["UKs", "EUs", "NHSs"]


def test_a_condition_named_after_a_physician_alone_is_a_possessive() -> None:
    text = seed("Treatments from diabetes to Alzheimers; he has Crohns. Parkinsons spoke.")
    assert fixed(text, "SL210") == seed(
        "Treatments from diabetes to Alzheimer's; he has Crohn's. Parkinsons spoke."
    )


def test_apostrophe_fix_follows_the_documents_style() -> None:
    curly = seed("Japan’s view and the UKs plan.")
    straight = seed("Japan's view and the UKs plan.")
    assert fixed(curly, "SL210") == seed("Japan’s view and the UK’s plan.")
    assert fixed(straight, "SL210") == seed("Japan's view and the UK's plan.")


def test_apostrophe_fix_follows_the_paragraphs_own_marks() -> None:
    # most of the text writes ', the pasted paragraph ’: each fix follows its paragraph
    text = seed("It's Japan's view; it's agreed.\n\nThe agencies’ view: GSAs plan, dont wait.")
    assert fixed(text, "SL210", "SL211") == seed(
        "It's Japan's view; it's agreed.\n\nThe agencies’ view: GSA’s plan, don’t wait."
    )
    assert fixed(seed("It’s here.\n\nThe UKs plan."), "SL210") == seed(
        "It’s here.\n\nThe UK’s plan."
    )


def test_a_text_with_no_apostrophe_but_curly_quotes_gets_a_curly_one() -> None:
    text = seed("“Yes,” said the NHSs chief.")
    assert fixed(text, "SL210") == seed("“Yes,” said the NHS’s chief.")
    text = seed("The agencies’ view.\n\nThe NHSs chief spoke.")  # no apostrophe inside a word
    assert fixed(text, "SL210") == seed("The agencies’ view.\n\nThe NHS’s chief spoke.")
    assert fixed(seed('"Yes," said the NHSs chief.'), "SL210") == seed(
        '"Yes," said the NHS\'s chief.'
    )


def test_contractions_that_are_words_are_not_flagged() -> None:
    text = seed("Its cant was well known, shell and hell were ill, as was his wont.")
    assert found(text, "SL211") == []
    # after a subject pronoun "cant" and "wont" are neither the noun nor the adjective
    assert fixed(seed("It wont, we cant; its cant was known."), "SL211") == seed(
        "It won't, we can't; its cant was known."
    )
    assert fixed(seed("Theyre sure we dont know."), "SL211") == seed("They're sure we don't know.")


def test_wed_is_a_contraction_only_before_words_that_leave_one_reading() -> None:
    text = seed("Wed like to thank you. We wish wed also called; wed love to hear more.")
    assert fixed(text, "SL211") == seed(
        "We'd like to thank you. We wish we'd also called; we'd love to hear more."
    )
    verb_and_day = seed("They wed in June. Open Wed, like Mon. Newly wed couples wed like royals.")
    assert found(verb_and_day, "SL211") == []


RULES = {rule.code: rule for rule in load_rules(["default"], ROOT)}
# the bundled phrases and the characters at the edges of the gate's words: İ and K
# (Kelvin) lower-case to ASCII letters, ’ and ' join words, ö splits them
PHRASE_PIECES = [
    *RULES["SL210"].options["phrases"],
    "Years",
    "new",
    "Day",
    "cat",
    "K",
    "İ",
    "ö",
    "’",
    "'",
    "-",
    "_",
    "s",
    ".",
    " ",
    " ",
    "\n",
]


def phrase_findings(text: str, state: apostrophe.State) -> list[str]:
    return [repr(f) for f in apostrophe.KIND.find(Document(seed(text)), state)]


# listed names, some + s, and what may stand beside them: marks, digits, letters that
# lower-case to ASCII (Kelvin) or split a word (ö), a name no word can show ("MI5")
NAME_PIECES = [
    *RULES["SL210"].options["possessives"][::7],
    "UK",
    "Hong Kong",
    "Kong",
    "MI5",
    "s",
    "s",
    "s",
    "K",
    "ö",
    "’",
    "'",
    "-",
    "5",
    "“",
    "(",
    ".",
    " ",
    " ",
    "\n",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=14).map("".join), st.booleans())
@example("The MI5s chief met the UKs envoy.", False)  # a name no word can show, beside one
@example("South Koreas and North Koreas leaders; South Africas and Africas.", True)
def test_a_search_for_the_names_a_document_holds_loses_no_name(text: str, large: bool) -> None:
    """A document is searched only for the listed names whose + s its words hold: the
    findings are those of a search for every listed name, small and large."""
    state = RULES["SL210"].state
    every_name = tuple(RULES["SL210"].options["possessives"])
    everywhere = msgspec.structs.replace(state, possessive_names={}, possessive_unworded=every_name)
    with pytest.MonkeyPatch.context() as patch:
        if large:
            patch.setattr(document, "LARGE_TEXT", 0)
            patch.setattr(document, "LOWER_PIECE", 16)
        assert phrase_findings(text, state) == phrase_findings(text, everywhere)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=12).map("".join), st.booleans())
def test_the_phrase_gate_loses_no_phrase(text: str, large: bool) -> None:
    """The documents the gate on the phrases' words passes by hold no phrase: the findings
    are those of a search of every document, small and large (words gathered by pieces)."""
    state = RULES["SL210"].state
    assert state.phrase_words is not None  # the bundled phrases each have a word that tells
    everywhere = msgspec.structs.replace(state, phrase_words=None)
    with pytest.MonkeyPatch.context() as patch:
        if large:
            patch.setattr(document, "LARGE_TEXT", 0)
            patch.setattr(document, "LOWER_PIECE", 16)
        assert phrase_findings(text, state) == phrase_findings(text, everywhere)
