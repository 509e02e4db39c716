"""The apostrophe kind, through the bundled rules on it (SL210, SL211): lost possessive
and contraction apostrophes, fixed in the apostrophe style of the paragraph or document."""

from __future__ import annotations

from conftest import seed
from helpers import fixed, found


def test_acronym_possessive_is_found_and_plurals_are_not() -> None:
    text = seed("The UKs plan, the EUs view and the NHSs budget; the MPs, CDs and CEOs agreed.")
    assert [w for _, w in found(text, "SL210")] == ["UKs", "EUs", "NHSs"]


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
    text = seed("It wont, we cant; its cant was well known, shell and hell were ill.")
    assert found(text, "SL211") == []
    assert fixed(seed("Theyre sure we dont know."), "SL211") == seed("They're sure we don't know.")


def test_wed_is_a_contraction_only_before_words_that_leave_one_reading() -> None:
    text = seed("Wed like to thank you. We wish wed also called; wed love to hear more.")
    assert fixed(text, "SL211") == seed(
        "We'd like to thank you. We wish we'd also called; we'd love to hear more."
    )
    verb_and_day = seed("They wed in June. Open Wed, like Mon. Newly wed couples wed like royals.")
    assert found(verb_and_day, "SL211") == []
