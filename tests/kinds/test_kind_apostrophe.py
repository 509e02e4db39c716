"""The apostrophe kind, through the bundled rules on it (SL210, SL211): lost possessive
and contraction apostrophes, fixed in the document's own apostrophe style."""

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


def test_contractions_that_are_words_are_not_flagged() -> None:
    text = seed("It wont, we cant; its cant was well known, shell and hell were ill.")
    assert found(text, "SL211") == []
    assert fixed(seed("Theyre sure we dont know."), "SL211") == seed("They're sure we don't know.")
