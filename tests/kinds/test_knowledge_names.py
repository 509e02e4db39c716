"""Spelling and apostrophe rules read what the document says about its own words.

misspelling (SL203): names used as names, multi-word names, brands, variants, British
spellings, foreign quotations; missing-possessive-apostrophe (SL210) and
missing-contraction-apostrophe (SL211): document evidence for a lost apostrophe.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import seedlint
from conftest import seed
from seedlint.kinds import _names


def found(text: str, *select: str) -> list[str]:
    return [text[d.start : d.end] for d in seedlint.lint_text(text, select=select)]


def fixed(text: str, *select: str) -> str:
    return seedlint.fix_text(text, select=select)[0]


@pytest.mark.parametrize(
    "body",
    [
        "Teh Hong Piow founded the bank in 1966. Teh said it was his life.",
        "Ned Boulting, the presenter, spoke first.",
        "In 1955, Malcom P. McLean had the idea.",
        "The research firm Analysys said so. Analysys expects growth.",
        "He played a GameBoy and clicked Doubleclick ads.",
        "The parcel was despatched; the data were imbedded in a useable, homogenous file.",
        "The French call it « la loi dont il parle », she said.",
        "Chelsea: Cech; Teh, Terry; Lampard.",
        "What he saw crystalized the plan; the demagogs are wrong.",  # variants listed
    ],
)
def test_names_variants_and_foreign_words_are_not_misspellings(body: str) -> None:
    assert found(seed(body), "SL203") == []


def test_a_capitalised_word_that_may_be_a_name_is_never_fixed_safely() -> None:
    text = seed("The Comission met on Tuesday.")
    assert found(text, "SL203") == ["Comission"]
    assert fixed(text, "SL203") == text  # reported, its fix offered as a guess
    assert seedlint.fix_text(text, unsafe=True, select=["SL203"])[0] == seed(
        "The Commission met on Tuesday."
    )


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("The Commision President spoke.", "Commision"),
        ("Mexico's Comision Federal de Electricidad said so.", "Comision"),
    ],
)
def test_a_word_before_an_office_is_a_misspelling_offered_as_a_guess(body: str, word: str) -> None:
    text = seed(body)
    assert found(text, "SL203") == [word]
    assert fixed(text, "SL203") == text  # a capitalised word: its fix is a guess
    assert "Commission" in seedlint.fix_text(text, unsafe=True, select=["SL203"])[0]


@pytest.mark.parametrize(
    ("body", "corrected"),
    [
        ("In the months ahead the Goverment must act.", "the Government must"),
        ("The Parliment met on Tuesday.", "The Parliament met"),
        ("The Federal Goverment says so.", "Federal Government"),
        ("The Foriegn Minister Alexander Downer said so.", "Foreign Minister Alexander"),
        ("A call to the Department of Foriegn Affairs went unanswered.", "Foreign Affairs"),
    ],
)
def test_a_misspelt_word_of_a_public_bodys_name_is_fixed_safely(body: str, corrected: str) -> None:
    # no person is called "Goverment" or "Foriegn": alone or beside an office's word, the
    # capital is the body's name's
    assert corrected in fixed(seed(body), "SL203")


def test_a_misspelt_bodys_word_the_text_writes_again_stays_a_guess() -> None:
    text = seed("The Federal Goverment met. Goverment Jones of the Federal Goverment spoke.")
    assert fixed(text, "SL203") == text


def test_a_name_after_a_persons_title_cut_short_is_shown_a_name() -> None:
    # "Mr." ends no sentence: "Baker" is written as a name, so "Bakers" before a noun
    # lost its apostrophe
    text = seed("On Monday, Mr. Baker was filmed. His fans loved Bakers music.")
    assert fixed(text, "SL210") == text.replace("Bakers", "Baker's")
    assert found(seed("Mr. Baker was filmed. Bakers make bread in the town."), "SL210") == []


@pytest.mark.parametrize("pronoun", ["I'll", "I’m", "I've"])
def test_the_pronoun_i_contracted_goes_on_no_name(pronoun: str) -> None:
    text = seed(f"They make energy products. Tommorow {pronoun} visit Tampa.")
    assert fixed(text, "SL203") == text.replace("Tommorow", "Tomorrow")


def test_a_word_after_a_sentence_that_ends_on_a_name_is_no_word_of_that_name() -> None:
    text = seed("Ask the centre, Kevin O'Sullivan. Thier survey of 33 detainees was read.")
    assert fixed(text, "SL203") == seed(
        "Ask the centre, Kevin O'Sullivan. Their survey of 33 detainees was read."
    )


@pytest.mark.parametrize("body", ["In 1955 it began. Mr. Thier said so.", "He met Dr Thier."])
def test_a_word_after_a_persons_title_is_a_name(body: str) -> None:
    assert found(seed(body), "SL203") == []


def test_a_title_that_may_open_a_departments_name_leaves_its_words_checked() -> None:
    text = seed("The Justice Deparment said so.")
    assert found(text, "SL203") == ["Deparment"]
    assert fixed(text, "SL203") == text  # a word of a name: its fix is a guess


def test_the_documents_own_spelling_of_a_name_makes_the_fix_safe() -> None:
    text = seed("The Foreign Minister spoke. Later the Foriegn Minister left.")
    assert fixed(text, "SL203") == seed(
        "The Foreign Minister spoke. Later the Foreign Minister left."
    )


def test_a_misspelling_in_a_hyphenated_compound_is_found() -> None:
    assert fixed(seed("A goverment-wide plan."), "SL203") == seed("A government-wide plan.")
    assert found(seed("Install the add-ons."), "SL203") == []


@pytest.mark.parametrize(
    ("body", "word", "correction"),
    [
        ("It did its part. FORIEGN AFFAIRS Progress was slow.", "FORIEGN", "FOREIGN"),
        ("THE GOVERMENT: what it does", "GOVERMENT", "GOVERNMENT"),
        ("Read this: HOW TO RECIEVE BENEFITS", "RECIEVE", "RECEIVE"),
    ],
)
def test_a_misspelt_word_of_a_heading_in_capitals_is_found_as_a_guess(
    body: str, word: str, correction: str
) -> None:
    text = seed(body)
    assert found(text, "SL203") == [word]
    assert fixed(text, "SL203") == text  # a name may be written in capitals too
    unsafe = seedlint.fix_text(text, unsafe=True, select=["SL203"])[0]
    assert unsafe == text.replace(word, correction)


@pytest.mark.parametrize(
    "body",
    [
        "The Information System (PROMIS) data were read.",  # an acronym alone
        "The ACHIVE team met.",
        "ANALYSYS LTD grew. The firm Analysys said so.",  # the document's name
        "TEHR AND SONS: a shop",  # too short to be read as a heading's word
    ],
)
def test_a_word_in_capitals_alone_or_named_is_an_acronym_or_a_name(body: str) -> None:
    assert found(seed(body), "SL203") == []


def test_acronym_possessive_needs_the_documents_evidence() -> None:
    text = seed("The BNP's members met. Later the BNPs leader spoke, and the MPs voted.")
    assert found(text, "SL210") == ["BNPs"]
    spelt = seed("The British National Party (BNP) met. The BNPs leader spoke.")
    assert found(spelt, "SL210") == ["BNPs"]
    counted = seed("Key Performance Indicators (KPIs) matter. Track KPIs weekly.")
    assert found(counted, "SL210") == []


def test_name_possessive_needs_the_name_used_elsewhere() -> None:
    text = seed("The coach Ivan Makarov smiled. Later, Makarovs team won the cup.")
    assert found(text, "SL210") == ["Makarovs"]
    assert fixed(text, "SL210") == seed(
        "The coach Ivan Makarov smiled. Later, Makarov's team won the cup."
    )
    assert found(seed("The Kennedys met. Kennedy said the Kennedys agreed."), "SL210") == []


@pytest.mark.parametrize(
    "body",
    [
        "Two Britains emerged.",
        "The water firm Aguas Argentinas said so.",
        # a listed name + s that owns nothing: a verb, a preposition or a stop follows
        "Cubas said he would leave the country.",
        "He visited the Canadas in 1840.",
        "Upper and Lower Canada became the Canadas.",
        # a surname the document writes in a longer name elsewhere
        "President Raul Cubas resigned. Cubas government fell.",
        # what a company makes or a city's name is given to, counted
        "The airline bought Boeings and Airbuses.",
        "He drives Toyotas, and he smoked Havanas after dinner.",
        "Shoppers at Walmarts across the country queued.",
    ],
)
def test_plurals_and_longer_names_are_not_possessives(body: str) -> None:
    assert found(seed(body), "SL210") == []


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("Our rule differs from the FDAs.", "FDAs"),  # an acronym's body: elliptical
        ('It is the UKs "lost decade".', "UKs"),
        ("The UKs and Frances positions differ.", "UKs"),
    ],
)
def test_a_listed_name_before_what_it_owns_is_a_possessive(body: str, word: str) -> None:
    assert found(seed(body), "SL210") == [word]


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # an adverb before an adjective modifies what is owned
        ("It was a blow against Mr Arafats increasingly shaky authority.", ["Arafats"]),
        ("The MPs increasingly voted against it.", []),  # a verb after the adverb
        # a place English writes with 's, which codespell also corrects into
        ("A man from Beaumont in Adelaides eastern suburbs was hurt.", ["Adelaides"]),
    ],
)
def test_what_follows_and_english_at_large_tell_a_possessive(body: str, flagged: list[str]) -> None:
    assert found(seed(body), "SL210") == flagged


@pytest.mark.parametrize(
    ("body", "restored"),
    [
        (
            "Quakes shook Western Australias wheatbelt.",
            "Quakes shook Western Australia's wheatbelt.",
        ),
        (
            "Fires burnt in South Australias south-east.",
            "Fires burnt in South Australia's south-east.",
        ),
    ],
)
def test_a_place_and_its_region_take_the_possessive_english_writes(
    body: str, restored: str
) -> None:
    assert fixed(seed(body), "SL210") == seed(restored)


def test_a_number_ending_the_title_counts_nothing_in_the_body() -> None:
    text = "date 2024-01-18 Results of 2024\n\nMakarovs team won. Makarov said so.\n"
    assert found(text, "SL210") == ["Makarovs"]
    counted = seed("The count was 2,000\nNGOs in all.")  # one paragraph, wrapped
    assert found(counted, "SL210") == []


def test_contractions_im_and_ive_but_not_acronyms() -> None:
    assert fixed(seed("Im sure Ive seen it."), "SL211") == seed("I'm sure I've seen it.")
    assert found(seed("Send an IM to IVE."), "SL211") == []


# the marks SENTENCE_BREAK reads, the spaces \s takes (str.isspace: no-break, ideographic,
# line and paragraph separators) and the ones it does not (zero-width space)
BREAK_PIECES = [*".!?…:\"'”’)]“‘([—–•*#|", ",", ";", "-", "«", "»", "¿", "„"]
BREAK_PIECES += [" ", "\t", "\u00a0", "\u3000", "\u2028", "\u200b", "\x1c", "a", "Ab", "\n"]
BREAK_PIECES += ["W", "W. "]  # a middle initial: "George W. Bush"
BREAK_PIECES += ["Mr", "Dr. ", "St. "]  # a person's title cut short; a street's


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(BREAK_PIECES), max_size=16).map("".join), st.integers(0, 16))
def test_a_sentence_start_is_what_the_plain_search_finds(text: str, start: int) -> None:
    start = min(start, len(text))
    before = text[max(0, start - 12) : start]
    if "\n" in before or start == 0:
        plain = not before.rsplit("\n", 1)[-1].strip() or bool(_names.SENTENCE_BREAK.search(before))
    else:
        plain = bool(_names.SENTENCE_BREAK.search(before))
    # after a capitalised word and a capital with its full stop: a middle initial
    initial = re.search(r"[A-Z][a-z]+ [A-Z]\. \Z", before) is not None
    initial = initial or re.search(r"(?<![\w.])(?:Mr|Dr)\. \Z", before) is not None
    plain = plain and not (initial and before.rsplit("\n", 1)[-1].strip() != "")
    assert _names.sentence_start(text, start) == plain


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("He met George W. Bush today.", 17, False),  # a middle initial
        ("He left the U.S. Bush stayed.", 17, True),  # an abbreviation's full stop
        ("It was Vitamin C. Trials followed.", 18, False),  # read as an initial too
        ("He left. Bush stayed.", 9, True),
        ("He met Mr. Baker today.", 11, False),  # a person's title cut short
        ("Ask Sen. Kennedy.", 9, False),
        ("He lives on Main St. Baker stayed.", 21, True),  # a street's name may end one
        ("He met them at 9 a.m. Baker stayed.", 22, True),
    ],
)
def test_a_middle_initial_ends_no_sentence(text: str, start: int, expected: bool) -> None:
    assert _names.sentence_start(text, start) is expected


def test_a_heading_is_a_short_line() -> None:
    assert _names.heading("Our Plans For The Coming Year")
    assert not _names.heading("Our plans for the coming year.")
    # title case at any length would be a heading; past HEADING_CHARS it is prose, and it
    # is not split into words to tell (a large text's one paragraph would be huge)
    long_line = " ".join(["Plans For The Coming Year"] * 100)
    assert len(long_line) > _names.HEADING_CHARS
    assert not _names.heading(long_line)


@pytest.mark.parametrize(
    "body",
    [
        "Apple designer Jony Ive said the watch was ready. Ive has left Apple.",
        "Jony Ive designed the iPhone.",  # a word no dictionary lists before it
        "Sir Jonathan Ive spoke.",
        "The golfer Im Sung-jae won. Im said it was hard.",  # a verb only a name takes
        "The Ive family farm.",  # no contraction follows a determiner
        "The Whos down in Whoville sang.",
        "Dr. Hes said so.",  # nor a person's title
    ],
)
def test_im_and_ive_written_as_a_surname_are_left_alone(body: str) -> None:
    assert found(seed(body), "SL211") == []


@pytest.mark.parametrize(
    ("body", "safe"),
    [
        ("Ive seen it before. Now Im sure.", True),
        ("Good morning. Im Stuart Drown, the director.", True),  # the speaker's given name
        ("He thanked a congressman of Virginia. Im sure you agree.", True),  # a stop before
        ("Im Dong-hyun won the archery gold.", False),  # a surname, or the pronoun: a guess
        ("Dont Look Up is a film.", True),  # a title's words
        ("Reach us at help@gsa.gov. Wed like to help.", True),  # "gov." is no title here
        ("We spoke on our Youll Have Them webinar.", True),  # a title after a determiner
        ("Whats GitHub for?", True),  # a brand names no person
    ],
)
def test_im_and_ive_elsewhere_are_the_contraction(body: str, safe: bool) -> None:
    text = seed(body)
    assert found(text, "SL211") != []
    unsafe = seedlint.fix_text(text, unsafe=True, select=["SL211"])[0]
    assert not any(f"{bare} " in unsafe for bare in ("Ive", "Im", "Dont", "Wed", "Youll", "Whats"))
    assert (fixed(text, "SL211") == unsafe) is safe


def test_a_capitalised_contraction_before_a_name_is_a_guess() -> None:
    text = seed("Shant Hovnanian said the deal was done.")
    assert found(text, "SL211") == ["Shant"]
    assert fixed(text, "SL211") == text
