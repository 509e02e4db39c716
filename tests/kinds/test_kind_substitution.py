"""The substitution kind, through the bundled rules on it (SL201-SL203): words and
phrases from a table, fixed with their capitalisation kept, and what it must not flag."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import seedlint
from conftest import seed
from helpers import fixed, found
from seedlint.kinds._text import GLUE_CHARACTERS


@pytest.mark.parametrize("title", ["Prime", "Deputy Prime", "Foreign", "Health"])
def test_minster_after_a_title_is_a_typo(title: str) -> None:
    text = seed(f"The {title} Minster spoke.")
    assert found(text, "SL201") == [("SL201", "Minster")]
    assert fixed(text, "SL201") == seed(f"The {title} Minister spoke.")


@pytest.mark.parametrize("phrase", ["York Minster", "Beverley Minster", "the Minster's bells"])
def test_minster_as_a_church_is_not_flagged(phrase: str) -> None:
    assert found(seed(f"We visited {phrase} today."), "SL2") == []


def test_substitution_keeps_capitalisation() -> None:
    assert fixed(seed("THE PRIME MINSTER SAID SO."), "SL201") == seed("THE PRIME MINISTER SAID SO.")
    assert fixed(seed("The Untied States agreed."), "SL202") == seed("The United States agreed.")
    assert fixed(seed("The goverment agreed."), "SL203") == seed("The government agreed.")
    assert fixed(seed("Goverment sources agreed."), "SL203") == seed("Government sources agreed.")


@pytest.mark.parametrize(
    ("sentence", "corrected"),
    [
        ("Our Government has grown far form us.", "far from us"),
        ("Yet it is far form ready to do so.", "far from ready"),
        ("Not far form this scene, a crisis grew.", "far from this"),
        ("Far form ending there, the war goes on.", "Far from ending"),
        ("Far form it: the work goes on.", "Far from it"),
        ("We ask how far form follows function.", None),  # how far form follows function
        ("So far form submissions rose.", None),  # so far, form submissions
        ("They reached an agreement in principal.", "agreement in principle"),
        ("The loan was repaid in principal and interest.", None),  # the money lent
    ],
)
def test_form_for_from_and_principal_for_principle_where_one_reading_stands(
    sentence: str, corrected: str | None
) -> None:
    text = seed(sentence)
    assert (corrected in fixed(text, "SL202")) if corrected else found(text, "SL202") == []


def test_phrase_matches_across_a_line_break_and_respects_word_boundaries() -> None:
    assert found(seed("The Untied\nStates agreed."), "SL202") == [("SL202", "Untied\nStates")]
    assert found(seed("The Untied Statesmen agreed."), "SL202") == []


def test_ambiguous_misspelling_is_reported_without_a_fix() -> None:
    diagnostics = seedlint.lint_text(seed("He said teh end was ther."), select=["SL203"])
    by_word = {d.message.split("'")[1]: d for d in diagnostics}
    assert by_word["teh"].fix is not None
    assert by_word["ther"].fix is None
    assert "'there' or 'their'" in by_word["ther"].message


def test_names_and_acronyms_are_not_misspellings() -> None:
    text = seed("Governor Ned Lamont met Coco Chanel in Carmel Valley at 7 pm IST; CNA agreed.")
    assert found(text, "SL203") == []


def test_british_spellings_are_correct() -> None:
    text = seed("The colour of the organisation's centre was grey, and it was licenced.")
    assert found(text, "SL203") == []


def test_a_misspellings_suggestions_are_quoted_alike_whether_one_or_several() -> None:
    diagnostics = seedlint.lint_text(seed("Teh cat sat. We nead more."), select=["SL203"])
    assert [d.message for d in diagnostics] == [
        "'Teh' is a misspelling of 'The'",
        "'nead' is a misspelling of 'need' or 'knead' or 'head'",
    ]
    assert diagnostics[0].fix is not None and diagnostics[0].fix.edits[0].content == "The"


def test_a_word_introduced_as_a_name_is_a_name_however_spelt() -> None:
    """ "the firm Analysys": the word before says what follows is a name; the same word
    with no such introduction is still a misspelling."""
    named = seed("Sales rose, the firm Analysys said on Monday.")
    assert found(named, "SL203") == []
    assert found(named.replace("firm ", "new "), "SL203") == [("SL203", "Analysys")]


@pytest.mark.parametrize(
    ("sentence", "slip", "corrected"),
    [
        ("Authors need to mange current resources.", "to mange", "to manage"),
        ("We set out to asses user experience.", "to asses", "to assess"),
        ("It is time to asses 20 sites and to mange them.", "to asses", "to assess"),
        ("Teams role out updates weekly.", "role out", "roll out"),
        # no object, but the words around leave "to" no preposition
        ("Larger teams are harder to mange.", "to mange", "to manage"),
        ("It took endurance to mange to stay airborne.", "to mange", "to manage"),
        ("Ask agencies to mange and deliver content.", "to mange", "to manage"),
    ],
)
def test_a_slip_before_its_object_is_the_verb(sentence: str, slip: str, corrected: str) -> None:
    text = seed(sentence)
    assert found(text, "SL202")[0] == ("SL202", slip)
    assert corrected in fixed(text, "SL202")


@pytest.mark.parametrize(
    ("sentence", "slip"),
    [
        ("He opposed the Untied States-led war.", "Untied States"),
        ("Hire costumer service-minded people.", "costumer service"),
        ("It was a key roll-out for us.", None),  # a hyphen before another word: a new word
        ("Police want to breath-test drivers.", None),
    ],
)
def test_a_phrase_in_a_compound_adjective_is_the_phrase(sentence: str, slip: str | None) -> None:
    assert found(seed(sentence), "SL202") == ([("SL202", slip)] if slip else [])


@pytest.mark.parametrize(
    "sentence",
    [
        "The fox lost its fur to mange.",
        "Due to mange and fleas, the fox was weak.",
        "It was close to mange caused by mites.",
        "They compared the milk to asses' milk.",
        "Take the role out of the plan.",
        "Dogs are susceptible to mange and lose their fur.",
        "Foxes lost to mange and stress.",
        "From mites to mange to hair loss, the list is long.",
    ],
)
def test_the_same_words_without_an_object_are_the_nouns(sentence: str) -> None:
    assert found(seed(sentence), "SL202") == []


@pytest.mark.parametrize(
    ("sentence", "corrected"),
    [
        ("Storms wrecked havoc on the roads.", "Storms wreaked havoc on the roads."),
        ("It struck a cord with voters.", "It struck a chord with voters."),
        ("We are in unchartered waters.", "We are in uncharted waters."),
        ("They made due with less.", "They made do with less."),
        ("We will wave the fee for veterans.", "We will waive the fee for veterans."),
        ("I was lead to believe it.", "I was led to believe it."),
        ("We invest in land conversation.", "We invest in land conservation."),
        (
            "All went well, accept for the fact that it rained.",
            "All went well, except for the fact that it rained.",
        ),
        (
            "Are they one in the same? The two are one in the same.",
            "Are they one and the same? The two are one and the same.",
        ),
    ],
)
def test_idioms_copy_desks_list_are_fixed(sentence: str, corrected: str) -> None:
    assert fixed(seed(sentence), "SL202") == seed(corrected)


@pytest.mark.parametrize(
    "sentence",
    [
        "Give him a piece of my mind.",
        "The quarry story ran as Taken for Granite.",  # a pun is meant
        "All of the sudden, it rained.",  # a variant writers mean
        "Tickets are first-come, first-serve.",
        "The crowd waved the flags.",
        "A stopped server leaves streams served by a later one in the same process.",
    ],
)
def test_what_writers_mean_is_left_alone(sentence: str) -> None:
    assert found(seed(sentence), "SL202") == []


@pytest.mark.parametrize(
    ("body", "restored"),
    [
        # two hyphens are the dash of plain text: the words either side stand apart
        ("The goverment--late--failed.", "The government--late--failed."),
        ("It was late--teh end.", "It was late--the end."),
        ("It was late -- teh end.", "It was late -- the end."),
        ("It was late--pubic sector workers left.", "It was late--public sector workers left."),
    ],
)
def test_a_dash_written_as_two_hyphens_stands_between_words(body: str, restored: str) -> None:
    assert fixed(seed(body), "SL202", "SL203") == seed(restored)


def test_a_command_line_option_is_no_dash() -> None:
    # "--goverment" after a space names an option, which is written as it is
    text = seed("Run the tool --goverment or --teh to see.")
    assert found(text, "SL203") == []


def test_names_in_code_and_files_are_no_misspellings() -> None:
    # a call's name, a dotted name's part, a file's name: written as the code names them
    text = seed("Call Signal.asend() or aadd() on nd.ndarrays, then goverment.pdf if nd == 0.")
    assert found(text, "SL203") == []


def test_handles_addresses_and_words_with_a_capital_inside_are_no_misspellings() -> None:
    text = seed("Thanks @parth-paradkar (@ekawas-vrify), jdoe@teh.org and the 1D and nD grids.")
    assert found(text, "SL203") == []


def test_a_hyphen_that_breaks_no_line_joins_a_compound() -> None:
    assert found(seed("Easy activation of add\u2011ons and plug\u2010ins."), "SL203") == []
    text = seed("The goverment\u2011wide plan.")
    assert fixed(text, "SL203") == seed("The government\u2011wide plan.")


@pytest.mark.parametrize(
    ("body", "restored"),
    [
        ("The goverment(s) met.", "The government(s) met."),  # a plural's brackets are prose
        ("The goverment.The minister left.", "The government.The minister left."),
    ],
)
def test_a_word_of_prose_beside_a_bracket_or_a_dot_is_read(body: str, restored: str) -> None:
    assert fixed(seed(body), "SL203") == seed(restored)


@pytest.mark.parametrize(
    "body",
    [
        "Use delimiter rather than delimitor as the keyword.",
        "The misspelled keyword argument delimitor was renamed.",
        "It is written 'goverment' (not 'government') in the log.",
        "Pick government instead of goverment, and fix typos such as recieve.",
        'The methods "pointz", "linez" and "polyz" add Z values.',  # alone in quotation marks
    ],
)
def test_a_misspelling_mentioned_is_reported_and_its_fix_is_a_guess(body: str) -> None:
    # set against its correction or called a misspelling, the word is mentioned: a fix
    # would change what the text says
    text = seed(body)
    assert found(text, "SL203")
    assert fixed(text, "SL203") == text


def test_a_misspelling_beside_its_correction_in_plain_use_is_fixed() -> None:
    text = seed("The goverment and the government met; good typography helps the goverment.")
    assert fixed(text, "SL203") == seed(
        "The government and the government met; good typography helps the government."
    )


def test_a_piece_of_a_mis_decoded_word_is_no_word() -> None:
    # "François" read as Windows-1252: "ois" after "Ã§" was fixed to "is" beside the
    # mojibake's own fix, which made "Françis"
    text = seed("It grew under President FranÃ§ois Mitterrand.")
    assert seedlint.fix_text(text)[0] == seed("It grew under President François Mitterrand.")


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(GLUE_CHARACTERS)),
    st.sampled_from(["teh", "recieve", "ois", "goverment", "untied states"]),
    st.booleans(),
)
def test_letters_against_a_mojibake_character_are_no_word(
    glue: str, listed: str, before: bool
) -> None:
    # the same words alone are found (the last test of each pair shows it)
    glued = f"Fran{glue}{listed}" if before else f"{listed}{glue}ois"
    assert found(seed(f"We read {glued} today."), "SL2") == []
    assert found(seed(f"We read {listed} today."), "SL2") != []


@pytest.mark.parametrize(
    ("body", "fixed_body"),
    [
        ("Under Fran&ccedil;ois Mitterrand.", "Under François Mitterrand."),
        ("Under Fran&#231;ois Mitterrand.", "Under François Mitterrand."),
        ("The caf&eacute; had teh best food.", "The café had the best food."),
        ("We met teh&nbsp;team.", "We met the\u00a0team."),  # an entity for a space ends a word
    ],
)
def test_letters_against_an_entity_for_a_letter_are_a_piece_of_a_word(
    body: str, fixed_body: str
) -> None:
    assert seedlint.fix_text(seed(body))[0] == seed(fixed_body)


def test_letters_against_the_replacement_character_are_a_piece_of_a_word() -> None:
    assert found(seed("It grew under Fran\ufffdois."), "SL2") == []


@pytest.mark.parametrize(
    "body",
    [
        "The Supreme Defence Council met on Sunday.",  # a body that governs
        "The university ran a dairy study on milk yields.",
        "The team moral compass was clear.",
        "She sought legal council.",  # the slip it mostly is: still a guess
    ],
)
def test_an_unsure_entry_is_reported_with_its_fix_as_a_guess(body: str) -> None:
    text = seed(body)
    assert found(text, "SL202") != []
    assert fixed(text, "SL202") == text
    assert seedlint.fix_text(text, unsafe=True, select=["SL202"])[0] != text


@pytest.mark.parametrize(
    "body",
    [
        "They were in a casual relationship for two years.",
        "The new marital law protects wives.",
        "Under marital law, a spouse inherits.",
    ],
)
def test_phrases_meant_as_written_are_left_alone(body: str) -> None:
    assert found(seed(body), "SL202") == []


def test_martial_law_misspelt_where_the_armys_rule_is_meant() -> None:
    text = seed("The president declared marital law on Sunday.")
    assert fixed(text, "SL202") == seed("The president declared martial law on Sunday.")


@pytest.mark.parametrize(
    "body",
    [
        "He is a notorious penny pincher.",
        "The museum bought an objet d'art and two objets d'art.",
        "The base was a few klicks away.",
        "The left-hander pitched well.",
        "Finish the table with tung oil.",
        "An artic lorry overturned on the M6.",
    ],
)
def test_words_of_their_own_that_the_list_corrects_are_left_alone(body: str) -> None:
    assert found(seed(body), "SL203") == []


@pytest.mark.parametrize(
    "body",
    [
        "Things were better then.",
        "I was younger then, and prices were higher then than they are now.",
        "Life was worse then too.",
        "Things were better then — before the war.",
        "They saw each other then",  # a paragraph's last word
        "They saw each other then\n\nThe next year they married.",
    ],
)
def test_then_as_a_time_after_a_comparative_is_left_alone(body: str) -> None:
    assert found(seed(body), "SL202") == []


@pytest.mark.parametrize(
    ("body", "corrected"),
    [
        ("There were more then 100 people.", "There were more than 100 people."),
        ("It cost more then $5.", "It cost more than $5."),
        ("It was better then expected.", "It was better than expected."),
        ("Results were better then ever.", "Results were better than ever."),
        ("It is more then just the code.", "It is more than just the code."),
        ("Sales were 44% greater then last year.", "Sales were 44% greater than last year."),
        ("Tyumen is more then competitive.", "Tyumen is more than competitive."),
        (
            "Other then new hire paperwork, it was easy.",
            "Other than new hire paperwork, it was easy.",
        ),
        ("She is older then\nher brother.", "She is older than\nher brother."),
        ("It sold more then doubled.", "It sold more than doubled."),
        ("It earned more then \\$100.", "It earned more than \\$100."),
        ("Do much more then fulfill a rule.", "Do much more than fulfill a rule."),
        ("It was more then likely.", "It was more than likely."),
        ("We talk more then listening.", "We talk more than listening."),
        ("Rather then wait, we wrote.", "Rather than wait, we wrote."),
        ("Rather then in the private sector.", "Rather than in the private sector."),
    ],
)
def test_then_for_than_before_a_comparisons_second_term_is_fixed(body: str, corrected: str) -> None:
    assert fixed(seed(body), "SL202") == seed(corrected)


@pytest.mark.parametrize(
    "body",
    [
        "Sales rose more then in 2019.",  # "than in 2019" or "then, in 2019"
        "More then is needed.",
        "We had better then eat.",
        "It was better then politically.",
        "It was bigger then when we met.",  # "than when" or "then, when"
        "It is often better then if one person makes it.",
    ],
)
def test_then_after_a_comparative_before_a_preposition_or_verb_is_a_guess(body: str) -> None:
    text = seed(body)
    assert found(text, "SL202") != []
    assert fixed(text, "SL202") == text


@pytest.mark.parametrize(
    "body",
    [
        "The knot was not loose at all.",
        "Does anyone there own a car?",
        "People living there own their homes.",
        "The measure did little to quiet a few critics.",
        "She left a shoe in the car.",
        "Fans came by in large numbers.",
        "The punishment will be severe whether or not he confesses.",
        "The agency disposes of federal personal property.",
        "She hired a military personal trainer.",
        "You can file a HIPAA complaint with the office.",
        "You can file a Section 508 complaint with the agency.",
        "We need the energy conversation about prices.",
        "He moved from breath to breath.",
    ],
)
def test_words_beside_an_entry_that_make_it_meant_leave_it_alone(body: str) -> None:
    assert found(seed(body), "SL202") == []


@pytest.mark.parametrize(
    ("body", "corrected"),
    [
        ("We did not loose any time.", "We did not lose any time."),
        ("They did it on there own.", "They did it on their own."),
        ("They make there own decisions.", "They make their own decisions."),
        ("They have a style all there own.", "They have a style all their own."),
        ("There were quiet a few people.", "There were quite a few people."),
        ("He is a shoe in for the award.", "He is a shoo-in for the award."),
        ("By in large, the plan worked.", "By and large, the plan worked."),
        ("Expect severe whether conditions.", "Expect severe weather conditions."),
        ("Federal personal were sent home.", "Federal personnel were sent home."),
        ("The software is HIPAA complaint.", "The software is HIPAA compliant."),
        ("Our site is Section 508 complaint.", "Our site is Section 508 compliant."),
        ("We fund water conversation programs.", "We fund water conservation programs."),
        ("It is hard to breath.", "It is hard to breathe."),
    ],
)
def test_the_same_entries_elsewhere_are_still_fixed(body: str, corrected: str) -> None:
    assert fixed(seed(body), "SL202") == seed(corrected)


@pytest.mark.parametrize(
    "body",
    [
        "The arbitral tribunal ruled on the binominal names.",
        "Doctors measured transferrin in the blood.",
        "Funguses and arthroses were studied.",
        "He quitted the room; an ameba moved.",
        "The nodulated tissue and the tripel were unsinged.",
    ],
)
def test_forms_that_trades_use_are_no_misspellings(body: str) -> None:
    assert found(seed(body), "SL203") == []


@pytest.mark.parametrize(
    ("body", "guess"),
    [
        ("Rain soaks into pervious concrete.", "previous"),
        ("The axis of the top precessed slowly.", "processed"),
        ("A cheeper is a young bird.", "cheaper"),
        ("They reached the dorp at dusk.", "drop"),
        ("It costs 500 som in Bishkek.", "some"),
    ],
)
def test_a_listed_word_of_its_own_is_reported_with_its_fix_as_a_guess(
    body: str, guess: str
) -> None:
    text = seed(body)
    assert found(text, "SL203") != []
    assert fixed(text, "SL203") == text
    assert guess in seedlint.fix_text(text, unsafe=True, select=["SL203"])[0]
