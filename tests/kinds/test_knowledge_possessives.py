"""Lost possessive apostrophes (SL210) told from plurals by word classes and the document.

The word after "XXXs" (a noun, a verb, or either, from the AGID inflection data that the
pyinflect package ships) and what the document says about the stem (its possessive written
elsewhere, the stem used as a name, a countable use) decide; plurals stay unflagged.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import seedlint
from conftest import seed
from seedlint.engine.document import Document
from seedlint.kinds import _possessive
from seedlint.kinds._name_possessive import _present_verb
from seedlint.kinds._people import (
    common_surname,
    given_name,
    possessive_stem,
    surname,
    surname_ending_in_s,
)
from seedlint.kinds._possessive import (
    ACRONYM_S,
    CAPITALISED_S,
    NAME_HEAD,
    NAME_S,
    acronym_candidates,
    lost_possessives,
)
from seedlint.kinds._possessive_reading import _superlative
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
        ("The BNPs available funds grew.", ["BNPs"]),  # an adjective in -able, then a noun
        ("The USDAs soon-to-be-released guide.", ["USDAs"]),  # a compound modifier
        ("Mueller said so. Robert Muellers investigation ended.", ["Muellers"]),
        ("Avenatti intended to appeal. A member of Avenattis legal team spoke.", ["Avenattis"]),
        ("Senator Klobuchar said no. Senator Klobuchars aides left.", ["Klobuchars"]),
        # a sentence's first word: its capital tells nothing, the document's use does
        ("Makarov said the team was ready. Makarovs team then won.", ["Makarovs"]),
        ("DeWine spoke on Monday.\n\nDeWines order took effect at once.", ["DeWines"]),
        # ... a dictionary word too, where the document writes it as a name that says or
        # owns something inside a sentence
        ("The prize went to Laura, and Laura said so.\n\nLauras dedication won.", ["Lauras"]),
        ("We met Gloria. Gloria's mother spoke. Glorias eczema was bad.", ["Glorias"]),
        # a short name in brackets after the whole one, then its verb: a subject too
        (
            "Wonder Ring Stardom (Stardom) announced it.\n\nStardoms official statement came.",
            ["Stardoms"],
        ),
        # after a middle initial, no sentence starts
        ("Lyndon B. Johnson signed it. Later Lyndon B. Johnsons presidency ended.", ["Johnsons"]),
    ],
)
def test_a_lost_possessive_is_found(body: str, flagged: list[str]) -> None:
    assert found(seed(body)) == flagged


def test_a_bracketed_short_name_is_a_subject_only_before_a_verb() -> None:
    assert found(seed("Ring Stardom (Stardom) fans came.\n\nStardoms official statement.")) == []
    assert found(seed("Ring Stardom (Stardom) said so.\n\nStardoms official statement.")) == [
        "Stardoms"
    ]


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
        "We can hook this into our URLs easily enough. The NGOs happily agreed.",  # adverbs
        "It reports the number of CPUs available on the platform.",  # "available" owns none
        "Support for the URIs requires dnspython; it runs on Linux, BSDs etc.",  # a verb, a list
        "Older SDKs fire the exposures, and WebSocket URLs use the address.",  # verb, object
    ],
)
def test_plurals_names_and_words_of_their_own_are_left_alone(body: str) -> None:
    assert found(seed(body)) == []


def test_the_census_lists_know_given_names_and_surnames_that_end_in_s() -> None:
    assert given_name("Leonie") and given_name("robert") and not given_name("Mueller")
    assert surname_ending_in_s("Williams") and surname_ending_in_s("ADAMS")
    assert not surname_ending_in_s("Watsons")  # too rare to be anyone's own surname


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # a given name makes the next word a surname, written nowhere else
        ("Manafort agreed to help with Robert Muellers investigation.", ["Muellers"]),
        ("Check out Leonie Watsons tips on accessible SVG.", ["Watsons"]),
        ("Steve Grunwells WordPress plugin embeds petitions.", ["Grunwells"]),
        # a given name used alone, once, before a noun
        ("Why do you think Brendas programs keep getting cut?", ["Brendas"]),
        # a common word the document uses as a name, before a noun
        ("Officials at Ford said so. Police searched Fords internal records.", ["Fords"]),
        # fixed phrases named after one person or feast
        ("Need a last minute Valentines Day gift idea?", ["Valentines"]),
        ("He died of Parkinsons disease in 2019.", ["Parkinsons"]),
        # a body of the United States government has no plural
        ("To see it in action, check out GSAs Per Diem API.", ["GSAs"]),
        # a year before a comma counts nothing
        ("Established in late 2010, USDAs Customer Experience Office works.", ["USDAs"]),
    ],
)
def test_a_lost_possessive_is_found_with_new_knowledge(body: str, flagged: list[str]) -> None:
    assert found(seed(body)) == flagged


@pytest.mark.parametrize(
    "body",
    [
        "Serena Williams match ended, and Chris Evans film opened.",  # surnames with s
        "Bill Gates foundation and Art Galleries staff.",  # a surname in s, a plural noun
        "As the Foundation's Jessica Arriens says, post often.",  # a verb follows
        "Tedros Adhanom Ghebreyesus spoke; Angelos Tsiaras replied.",  # names of two words
        "Campbell was working on a Thanos helmet with Nunjucks templates.",  # names in s
        "The U.S. Department of Veterans Affairs and the Article and Events models.",
        "She studied at Rutgers University and Scripps Research.",
        "In the Department of Veterans Affairs, Presidents Day and Veterans Day are holidays.",
        "Two Johns and the Marys came; Will Rogers spoke and May Days passed.",
    ],
)
def test_surnames_names_in_s_and_plurals_stay_alone(body: str) -> None:
    assert found(seed(body)) == []


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # letters after a full name: the surname's own s
        ("Counsel assisting Lionel Robbards QC told the commission of a culture of fear.", []),
        ("The motion of Clive Pemberds MP, the chamber heard, was lost.", []),
        ("The speech by Martin Luther Kings Jr. was printed in full.", []),
        ("A letter from Anne Robbards OBE said so.", []),
        # a noun after the letters: the name owns them
        ("She read Mary Robbards PhD thesis on the port.", ["Robbards"]),
        # no letters: a surname before a noun, as before
        ("Yesterday Lionel Robbards team won the final.", ["Robbards"]),
    ],
)
def test_letters_after_a_full_name_are_no_owned_noun(body: str, flagged: list[str]) -> None:
    assert found(seed(body)) == flagged


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        ("I ask that we follow Vice President Gores suggestion.", ["Gores"]),
        (
            "The Governor General resigned. She says the Governor Generals version is odd.",
            ["Generals"],
        ),
        ("General Motors plant workers struck.", []),  # a title that opens a company's name
        ("President Gores are rare.", []),  # no noun after it
        # the surname written after a title elsewhere: alone, no word of a longer name
        ("Mr Arafat spoke. Palestinian leader Yasser Arafats call was heard.", ["Arafats"]),
        # an adverb that is an adjective too, before a noun
        ("We await President Yeltsins early response.", ["Yeltsins"]),
        ("The MPs early voted; the Smiths late arrival.", []),
    ],
)
def test_a_common_word_after_a_persons_title_is_a_surname(body: str, flagged: list[str]) -> None:
    assert found(seed(body)) == flagged


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        ("The reform proposed by Senators McCain and Feingold passed.", []),
        ("Presidents Bush and Clinton met; Governors Pemberds and Robbards spoke.", []),
    ],
)
def test_a_plural_title_before_peoples_names_is_no_possessive(
    body: str, flagged: list[str]
) -> None:
    assert found(seed(body)) == flagged


def test_a_fixed_phrase_takes_the_documents_own_apostrophe() -> None:
    text = seed("It’s here: a Valentines Day card.")
    assert seedlint.fix_text(text)[0] == seed("It’s here: a Valentine’s Day card.")


def test_a_fix_resting_on_the_name_lists_is_offered_not_applied() -> None:
    text = seed("Check out Leonie Watsons tips. Officials at Ford said so; Fords staff agreed.")
    fixes = {text[d.start : d.end]: d.fix for d in seedlint.lint_text(text, select=["SL210"])}
    assert fixes["Watsons"] is not None and fixes["Watsons"].applicability.value == "unsafe"
    assert fixes["Fords"] is not None and fixes["Fords"].applicability.value == "safe"
    fixed = seedlint.fix_text(text)[0]
    assert "Leonie Watsons tips" in fixed and "Ford's staff" in fixed


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        ("Mugabe led a movement against Ian Smiths government.", ["Smiths"]),  # Smith: common
        ("In 2003 Steve Jobs said, and the Steve Jobs biography sold.", []),
        ("A search of McCrindles van found a weapon.", []),  # no given name, no use: alone
        ("McCrindle was charged. A search of McCrindles van found a weapon.", ["McCrindles"]),
    ],
)
def test_surnames_that_are_plural_nouns_and_names_with_a_short_first_part(
    body: str, flagged: list[str]
) -> None:
    assert found(seed(body)) == flagged


def test_an_acronym_that_names_a_company_is_a_possessive_before_a_number() -> None:
    text = seed("HDT Limited was registered in May. A bond covers HDTs 38.8 million euro loan.")
    assert found(text) == ["HDTs"]
    assert found(seed("A bond covers HDTs 38 million euro loans.")) == []


def test_a_frequent_surname_stays_a_surname_when_its_plural_is_a_word() -> None:
    assert common_surname("Franklin") and common_surname("smith")
    assert surname("Job") and not common_surname("Job")
    assert found(seed("You can't find Ben Franklins jetpack online.")) == ["Franklins"]
    assert found(seed("Dan Sheldons The Government IT Playbook; Ben Rossets blog.")) == [
        "Sheldons",
        "Rossets",
    ]


def assert_one_safe_fix(body: str, written: str) -> None:
    """SL210 finds one lost possessive in the seed of ``body``, and its safe fix writes
    ``written``."""
    text = seed(body)
    diagnostics = seedlint.lint_text(text, select=["SL210"])
    assert len(diagnostics) == 1
    fix = diagnostics[0].fix
    assert fix is not None and fix.applicability.value == "safe"
    assert written in seedlint.fix_text(text)[0]


@pytest.mark.parametrize(
    ("body", "written"),
    [
        # the document writes the surname alone, after the same given name, or with 's
        ("Hillary Clinton won. She took Hillary Clintons Senate seat.", "Clinton's Senate seat"),
        ("A car killed Heather Heyer. Heather Heyers mother spoke.", "Heather Heyer's mother"),
        ("Biden's son was named. Joe Bidens running mate spoke.", "Joe Biden's running mate"),
        ("Officials said Biden knew. Hunter Bidens laptop was found.", "Hunter Biden's laptop"),
        # the full name's possessive, though the surname is also a given name
        (
            "Search for Ben Franklin's jet pack! You can't find Ben Franklins jetpack.",
            "Ben Franklin's jetpack",
        ),
    ],
)
def test_the_documents_own_use_of_a_surname_makes_the_fix_safe(body: str, written: str) -> None:
    assert_one_safe_fix(body, written)


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        ("Check out Leonie Watsons tips; Leonie wrote them for Watsonville.", "Watsons"),
        # a given name + s may be a surname: "David" alone is another person
        ("Officials said David knew. Edgar Davids team won.", "Davids"),
        ("Clinton resigned. She took Hillary Clintons Senate seat.", "Clintons"),
    ],
)
def test_a_surname_without_the_documents_own_use_stays_a_guess(body: str, flagged: str) -> None:
    text = seed(body)
    diagnostics = seedlint.lint_text(text, select=["SL210"])
    assert [text[d.start : d.end] for d in diagnostics] == [flagged]
    assert diagnostics[0].fix is not None and diagnostics[0].fix.applicability.value == "unsafe"


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # a surname of the census lists, written once, before a noun: a guess
        ("According to Gartners findings, people who shop use phones.", ["Gartners"]),
        ("This survey, modeled after Forresters Customer Experience Index, works.", ["Forresters"]),
        # a surname after a person's title, before a noun or adjective
        ("He played fictional President Bartletts wise secretary.", ["Bartletts"]),
        ("Workers at the General Motors plant met Senator Collins staff.", []),
        # names with an s of their own, a name of two words, a determiner, a verb after
        ("Reuters reporters met at the Barclays Bank branch near Lloyds Bank.", []),
        ("UCL astronomer Angelos Tsiaras spoke; Hawkes Bay is in New Zealand.", []),
        ("They drove from Jacksons Gap to Harpers Ferry.", []),  # places, named so by rule
        ("He bought a Starbucks coffee and his Johnsons stated their case.", []),
        ("Nunjucks templates and a Thanos helmet; Edwards Air Force Base.", []),
    ],
)
def test_a_surname_written_once_before_a_noun_is_a_guess(body: str, flagged: list[str]) -> None:
    assert_guesses(body, flagged)


def assert_guesses(body: str, flagged: list[str]) -> None:
    """SL210 flags exactly ``flagged`` in the seed of ``body``, each fix a guess."""
    text = seed(body)
    diagnostics = seedlint.lint_text(text, select=["SL210"])
    assert [text[d.start : d.end] for d in diagnostics] == flagged
    assert all(d.fix is not None and d.fix.applicability.value == "unsafe" for d in diagnostics)
    assert seedlint.fix_text(text)[0] == text  # offered, never applied by a plain fix


def test_english_at_large_knows_which_names_are_written_with_s() -> None:
    # stems whose possessive English writes far more often than their + s form
    assert all(possessive_stem(w) for w in ["Shakespeare", "Costco", "Panama", "shakespeare"])
    # plurals, names in s, and words whose 's is mostly "is" or "has"
    assert not any(
        possessive_stem(w) for w in ["Simpson", "Starbuck", "Reuter", "Team", "Hawke", "There"]
    )


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        ("Few have read every draft of Marlowes plays.", ["Marlowes"]),
        ("Shoppers said Costcos store in Canberra limited sales.", ["Costcos"]),
        ("The team scored late. Panamas attempt in the 54th minute failed.", ["Panamas"]),
        ("Goas government announced three days of mourning.", ["Goas"]),
        ("The Panama Canal opened in 1914. Panamas attempt failed.", ["Panamas"]),
        ("We sang a Beatles song; an Angies plan may work; the Costcos store shut.", []),
        # the last word of a longer name
        ("He works at the University of East Anglias medical school.", ["Anglias"]),
        ("Fans of the New York Giants coach cheered.", []),
        # a determiner, a number or a verb after it: a plural; names and plurals in s
        ("The Shakespeares came to dinner. Both Shakespeares plays were staged.", []),
        ("Two Costcos opened. Costcos opened in every town; many Panamas hats.", []),
        ("The Simpsons episode aired. Starbucks coffee is hot; Hawkes Bay is wet.", []),
        # a common noun whose plural is no + s: a misspelling of unknown intent
        ("Agencys budgets were cut. Citys residents left; the Boxs lid broke.", []),
    ],
)
def test_a_name_english_writes_with_s_is_a_guess_before_a_noun(
    body: str, flagged: list[str]
) -> None:
    assert_guesses(body, flagged)


@pytest.mark.parametrize(
    ("body", "fixed"),
    [
        # English hardly ever writes the stem + s but as a lost possessive: safe
        ("According to Nielsens findings, people who shop use phones.", "Nielsen's findings"),
        ("The stampede at Islams most holy site happened at noon.", "Islam's most holy site"),
        ("Pilgrims went to Mecca, Islams holiest site.", "Islam's holiest site"),
        ("The University of Washingtons Institute for Health says so.", "Washington's Institute"),
        ("Few have read every draft of Shakespeares plays.", "Shakespeare's plays"),
        ("It is an Angies List for government contractors.", "an Angie's List"),
        ("Kelly, Governor Chris Christies deputy chief, resigned.", "Chris Christie's deputy"),
        ("The boat was towed to Tasmanias east coast.", "Tasmania's east coast"),
        ("Tasmanias east coast is wet.", "Tasmania's east coast"),
        ("The crowd cheered President Robert Mugabes government.", "Robert Mugabe's government"),
    ],
)
def test_a_name_english_writes_only_with_s_is_safe_before_a_noun(body: str, fixed: str) -> None:
    text = seed(body)
    diagnostics = seedlint.lint_text(text, select=["SL210"])
    assert len(diagnostics) == 1 and diagnostics[0].fix is not None
    assert diagnostics[0].fix.applicability.value == "safe"
    assert fixed in seedlint.fix_text(text)[0]


def test_a_name_english_writes_only_with_s_keeps_its_plurals_and_guesses() -> None:
    # a determiner or a number before it, or a verb after it: a plural, as before
    for body in ["The Tasmanias of this world.", "Two Tasmanias met.", "Tasmanias said no."]:
        assert found(seed(body)) == []
    # a name whose plural takes -es may have lost it: still a guess
    assert_guesses("Cruzs campaign began in Texas.", ["Cruzs"])


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # the name as the subject of a verb in the present: a singular name, so its + s
        # before a word that may be a noun or a verb is a guessed possessive
        ("SaferRide provides rides. SaferRides use of Yelp shows the idea.", ["SaferRides"]),
        ("Quorbit allows it. Quorbits plan may work.", ["Quorbits"]),
        # a present that is also a plural noun shows nothing: "Quorbit reports" may be a
        # compound; nor does a subject after a determiner
        ("Quorbit reports grew. Quorbits plan may work.", []),
        ("The Quorbit allows it. Quorbits plan may work.", []),
    ],
)
def test_a_name_that_is_the_subject_of_a_present_verb(body: str, flagged: list[str]) -> None:
    assert_guesses(body, flagged)


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # a common word the document writes as a surname, after a given name
        ("Maurice Kent, the analyst, met us. Kents short takeaway: learn.", ["Kents"]),
        # no given name before it, a verb after it, a determiner, or the word in lower case
        ("We drove through Kent. Kents short summer ended.", []),
        ("Maurice Kent, the analyst, met us. Kents came to dinner.", []),
        ("Maurice Kent met us. The Kents short visit ended.", []),
        ("Maurice Bing met us. Bings short visit ended; bing went the bell.", []),
        # a company's name
        ("She joined Carnival Corporation. Carnivals global family grew.", ["Carnivals"]),
        ("She joined Carnival Corporation. Carnivals global reach and carnival rides.", []),
        # a name that may be a demonym, written as a surname: no demonym here
        ("A ship named after Alan Kurdi, a boy. Kurdis image moved many.", ["Kurdis"]),
        ("Kurdi villages wept. Kurdis image moved many.", []),
    ],
)
def test_a_word_the_document_writes_as_a_surname_or_a_company(
    body: str, flagged: list[str]
) -> None:
    assert_guesses(body, flagged)


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # another name's possessive before the same words: a list, parallel headings
        (
            "Bing Webmaster Tools help.\n\nGoogle's SpecialAnnouncement documentation\n\n"
            "Bings SpecialAnnouncement documentation",
            ["Bings"],
        ),
        ("We read Google's search guide and Quorbits search guide.", ["Quorbits"]),
        # one word alone, a name in s of its own, a determiner, a name whose last part is
        # a word in s
        ("We read Google's search tips. Quorbits search daily.", []),
        ("Eric's work at home ended. Gray Brooks work at 18F.", []),
        ("We read Google's search guide and the Quorbits search guide.", []),
        ("CDC's API is new; SaferBus API is old; GovPlus API too.", []),
        # another name's possessive before a person's full name: a party's people
        ("DAB's Horace Cheung won. Demosistos Nathan Law came second.", ["Demosistos"]),
        # no such possessive, no given name after it, a determiner, a name in s
        ("Horace Cheung won. Demosistos Nathan Law came second.", []),
        ("DAB's Horace Cheung won. Demosistos Quorbit Law came second.", []),
        ("The Heat's Dwyane Wade won; the Lakers LeBron James lost.", []),
        ("DAB's Horace Cheung won. Reuters Nathan Law wrote it up.", []),
    ],
)
def test_a_name_before_what_another_name_owns_elsewhere(body: str, flagged: list[str]) -> None:
    assert_guesses(body, flagged)


def test_present_verbs_are_those_that_are_no_plural_noun() -> None:
    assert all(_present_verb(w) for w in ["provides", "allows", "relies", "remains"])
    assert not any(_present_verb(w) for w in ["uses", "reports", "plans", "news", "is", "this"])


def test_superlatives_are_read_from_the_adjective() -> None:
    assert _superlative("holiest") and _superlative("largest") and _superlative("biggest")
    assert not _superlative("suggest") and not _superlative("best")


def test_a_common_word_written_as_a_name_before_the_same_word_elsewhere() -> None:
    text = seed("Gamers used the Amazon Kindle Fire. Tablets such as Amazons Kindle Fire sold.")
    assert found(text) == ["Amazons"]
    assert "such as Amazon's Kindle Fire" in seedlint.fix_text(text)[0]
    # the name written, but never before that word: a capitalised word may go on with it
    assert found(seed("Tablets such as Amazons Kindle sold; buyers chose Amazon.")) == []


def test_the_initials_of_a_plural_name_make_a_plural() -> None:
    """ "Presidential Innovation Fellows (PIF)" defines the initials of people: "PIFs work"
    is their plural, the bracketed definition no use of the acronym as a body's name. A
    singular name ("Associated Press (AP)") makes the possessive."""
    fellows = seed("The Presidential Innovation Fellows (PIF) program is open. PIFs work all over.")
    assert found(fellows) == []
    press = seed("Biden won, the Associated Press (AP) said. By APs reckoning it was over.")
    assert found(press) == ["APs"]


@pytest.mark.parametrize(
    ("body", "written"),
    [
        # a common noun's plural ends in -ies: capitalised + s, it is a body's possessive
        ("In 2014, I went to the Treasurys federal spending town hall.", "the Treasury's federal"),
        ("Design for Treasurys My Retirement Account program.", "Treasury's My Retirement"),
        ("The rule came from the Armys own review.", "the Army's own review"),
        # a name no dictionary lists that ends in x: its plural would end in -xes
        ("Testing exercises and Netflixs Chaos Monkey help.", "Netflix's Chaos Monkey"),
        # a person's title before the name elsewhere: no demonym ("Israelis")
        ("President Hosni Mubarak died. They criticized Hosnis creation of cities.", "Hosni's"),
    ],
)
def test_a_word_that_can_have_no_plural_in_s_is_a_safe_possessive(body: str, written: str) -> None:
    assert_one_safe_fix(body, written)


@pytest.mark.parametrize(
    ("body", "written"),
    [
        # a name in sh or z takes -es for its plural ("the Marrakeshes"): its + s form
        # before what it owns is the possessive, whatever the document says of the name
        ("Marrakeshs markets drew crowds.", "Marrakesh's markets"),
        ("Suezs canal traffic grew.", "Suez's canal"),
    ],
)
def test_a_name_whose_plural_takes_es_is_a_safe_possessive(body: str, written: str) -> None:
    assert_one_safe_fix(body, written)


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # a person's name: a family's possessive may have lost its -es ("the Wilcoxes'
        # farm"), so a guess
        ("The ruling cemented Bushs victory over Al Gore.", ["Bushs"]),
        ("Foxs coverage of the storm was wide.", ["Foxs"]),
        ("Cruzs campaign began in Texas.", ["Cruzs"]),
        # a common word: perhaps a misspelled plural ("Boxes")
        ("Boxs contents spilled on the floor.", ["Boxs"]),
    ],
)
def test_a_person_s_name_whose_plural_takes_es_is_a_guess(body: str, flagged: list[str]) -> None:
    assert_guesses(body, flagged)


@pytest.mark.parametrize(
    ("body", "written"),
    [
        # a given name, a middle initial or a person's title names one person: no
        # family's plural, so only the possessive is left
        ("The ruling cemented George W. Bushs victory.", "George W. Bush's victory"),
        ("The ruling cemented President Bushs victory.", "President Bush's victory"),
        ("Senator Cruzs campaign began in Texas.", "Senator Cruz's campaign"),
        ("It was Ted Cruzs campaign.", "Ted Cruz's campaign"),
    ],
)
def test_one_person_s_name_whose_plural_takes_es_is_a_safe_possessive(
    body: str, written: str
) -> None:
    assert_one_safe_fix(body, written)


def test_what_the_document_shows_of_a_name_in_sh_x_or_z_still_makes_it_sure() -> None:
    assert_one_safe_fix(
        "Maria Cruz said so. Later Maria Cruzs campaign began.", "Maria Cruz's campaign"
    )


@pytest.mark.parametrize(
    "body",
    [
        "The Bushs ranch is big.",  # a determiner: a misspelled family's plural
        "Two Foxs ran off.",  # a number
        "Bushs said no to it.",  # a verb after it
        "They met Fuchs research staff.",  # ch: German names in -chs are names of their own
    ],
)
def test_a_name_in_sh_x_or_z_is_left_alone_where_a_plural_may_stand(body: str) -> None:
    assert found(seed(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "The Kennedys and the Sallys came, and the two Treasurys met.",
        "Agencys budgets were cut. Citys residents left.",  # the capital of a sentence
        "They packed boxs. The Alexs band and the Wilcoxs farm; Fuchs research.",
        "The Israelis team won; Egyptian President Sisi spoke to the Pakistanis fans.",
        "The Treasurys are open and the Treasurys said so.",  # a verb: a misspelled plural
        # a sentence's first word: a dictionary word, a verb after it, no evidence
        "Teams play on. Bills pass. Kennedy spoke. Kennedys gathered. Smiths win matters.",
        # ... a name in the document, but one that neither says nor owns anything there,
        # nor one English writes with 's far more than with s, or a verb after it
        "We sailed to Jersey on Monday. Jerseys attempt failed.",
        "We met Cooper, and Cooper said so. Coopers make barrels of oak.",
    ],
)
def test_plurals_of_names_and_words_in_y_or_x_stay_alone(body: str) -> None:
    assert found(seed(body)) == []


@pytest.mark.parametrize(
    ("body", "written"),
    [
        # a stem that ends like a demonym, the subject of a verb under its full name
        ("Speaker Nancy Pelosi accused Trump. Biden rejected Pelosis idea.", "Pelosi's idea"),
        # a name of several words written with its 's: a capitalised word after it is
        # what it owns, not more of the name
        ("De La Fuente's mate left. De La Fuentes Rocky 101 LLC paid.", "De La Fuente's Rocky"),
        # a full name the subject of a verb, its last word no dictionary word
        ("Cat Posey shared her story. Led by Cat Poseys Tech Superwomen, we met.", "Posey's Tech"),
        # a given name the document writes before a surname: the person's, no plural
        ("Eric Brassil spoke. The tools Erics team chose were free.", "Eric's team"),
        # a possessive whose noun its sentence names with another possessive
        (
            "Chris Frangione kicked off. Bonnell's insight echoed Frangiones in terms of scope.",
            "echoed Frangione's in terms",
        ),
    ],
)
def test_the_documents_use_of_a_name_makes_more_fixes_safe(body: str, written: str) -> None:
    assert_one_safe_fix(body, written)


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # a participle before a singular noun, the stem a name the document writes with
        # 's or as a subject: an adjective, or a plural's verb ("Tescos sold milk")
        ("Analysts doubt Tesco's plan. It was Tescos preferred store size.", ["Tescos"]),
        ("Johnson said so. It is Johnsons stated intent to leave.", ["Johnsons"]),
        # no evidence, a plural object, an article: a plural's verb
        ("Critics said Tescos preferred store size was wrong.", []),
        ("Tesco said so. Shoppers in Tescos preferred store brands.", []),
        ("The Johnsons stated intent to sue. Johnson said so.", []),
    ],
)
def test_a_participle_after_a_name_is_a_guess(body: str, flagged: list[str]) -> None:
    text = seed(body)
    diagnostics = seedlint.lint_text(text, select=["SL210"])
    assert [text[d.start : d.end] for d in diagnostics] == flagged
    assert all(d.fix is not None and d.fix.applicability.value == "unsafe" for d in diagnostics)
    assert seedlint.fix_text(text)[0] == text


@pytest.mark.parametrize(
    "body",
    [
        "Yellowstone National Park reopened. The National Parks Service hired staff.",
        "Eric Brassil spoke; the Erics team and two Erics came.",
        "Chris Frangione kicked off. Fans cheered Frangiones in the hall.",  # no possessive
        "Bonnell's insight echoed Frangiones in terms of scope.",  # no use of the name
        "Edgar Davids scored. Officials said David Ginola knew. Davids team won.",
        "President Obama's plan angered Republicans in Congress. Republican leaders met.",
    ],
)
def test_names_of_several_words_plurals_and_lone_names_stay_alone(body: str) -> None:
    assert found(seed(body)) == []


# the word patterns as written before their early exit for words that do not end in s,
# with the same look-behind (nothing of a word before, or a quotation's opening mark)
PLAIN_ACRONYM_S = re.compile(
    rf"([A-Z0-9]{NAME_HEAD}(?:(?<=[A-Z])(?=[A-Z0-9]*[A-Z])|(?=[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z]))"
    r"[A-Z0-9]+)s(?![\w'’-])"
)
PLAIN_NAME_S = re.compile(
    rf"([A-Z]{NAME_HEAD}(?:[a-z]{{2,}}|[a-z](?=[A-Z]))(?:[A-Z][a-z]+)*)s(?![\w'’-])"
)


# pieces of words that the patterns read: capitals, lower-case runs, s, digits, marks
PIECES = ["Bo", "Gov", "NA", "ab", "s", "1", "’", "'", "-", ".", "é", " "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_the_early_exit_finds_what_the_plain_patterns_find(text: str) -> None:
    for fast, plain in ((ACRONYM_S, PLAIN_ACRONYM_S), (NAME_S, PLAIN_NAME_S)):
        assert [m.span(1) for m in fast.finditer(text)] == [m.span(1) for m in plain.finditer(text)]


def test_a_title_before_a_given_name_makes_a_surname_of_a_plural_noun_a_guess() -> None:
    text = seed("Kelly, Governor Bill Pattons deputy chief of staff, resigned.")
    diagnostics = seedlint.lint_text(text, select=["SL210"])
    assert [text[d.start : d.end] for d in diagnostics] == ["Pattons"]
    assert diagnostics[0].fix is not None and diagnostics[0].fix.applicability.value == "unsafe"
    # no title: "Christies" may be the surname; a surname in s of its own stays alone
    assert found(seed("Kelly, Chris Christies deputy, resigned.")) == []
    assert found(seed("Governor Serena Williams team and Senator Prince Williams staff.")) == []


@pytest.mark.parametrize(
    ("body", "written"),
    [
        ("18F has just passed Dunbars number, the limit.", "Dunbar's number"),
        ("As Conways law says, teams ship their org chart.", "Conway's law"),
        (
            "The plan that Buttigieg proposed was cited. Hammons's approach differs from "
            "Buttigiegs in that it waits.",
            "from Buttigieg's in that",
        ),
    ],
)
def test_eponyms_and_a_name_after_that_are_safe(body: str, written: str) -> None:
    assert_one_safe_fix(body, written)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, "S", "3", "A", "0", "\n", "&", "_"]), max_size=14).map(
        "".join
    ),
    st.integers(0, 14),
)
def test_acronyms_found_from_their_ends_are_what_the_pattern_finds(text: str, at: int) -> None:
    found_from_ends = [m.span(1) for m in acronym_candidates(text, at)]
    assert found_from_ends == [m.span(1) for m in ACRONYM_S.finditer(text, at)]
    assert found_from_ends == [m.span(1) for m in PLAIN_ACRONYM_S.finditer(text, at)]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, "S", "Mc", "Ds", "\n", "&", "_", "s’s"]), max_size=14).map(
        "".join
    ),
    st.integers(0, 14),
)
def test_names_tried_at_capitalised_words_are_what_the_pattern_finds(text: str, at: int) -> None:
    """NAME_S is tried only where CAPITALISED_S found a word + a bare s (``name_verdicts``):
    every match of NAME_S starts and ends as one of those words."""
    words = {m.span() for m in CAPITALISED_S.finditer(text, at) if m.group()[-2] not in "'’"}
    tried = [NAME_S.match(text, start) for start, _ in sorted(words)]
    found = [(m.span(), m.span(1)) for m in tried if m is not None]
    assert found == [(m.span(), m.span(1)) for m in NAME_S.finditer(text, at)]
    assert all(span in words for span, _ in found)


# names + s and what decides them: the stem written as a name, in lower case, a day,
# a word of its own, a sentence's start, a word that can have no plural, a given name
NAME_WORDS = [
    *["Makarov", "Makarovs", "Makarov's", "said", "team", "the", "Treasurys", "Treasury"],
    *["budget", "Netflixs", "Mondays", "Joneses", "States", "states", "Brendas", "Eric"],
    *["Erics", "Brassil", "Ford", "Fords", "internal", "Robert", "Muellers", "Mueller"],
    *["investigation", "Peace", "Corps", "Armys", "army", "two", "in", "programs", "Islams"],
    *["holiest", "site", "Laura", "Lauras", "dedication", "make"],
]
NAME_GLUE = [" ", " ", " ", ". ", ", ", "\n\n", " “", "” "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAME_WORDS), st.sampled_from(NAME_GLUE)), max_size=16))
@example([("Eric", " "), ("Ford", ". "), ("Fords", " "), ("Makarov", "\n\n")])  # a surname
def test_the_early_refusal_of_names_loses_no_possessive(pairs: list[tuple[str, str]]) -> None:
    """The names + s refused before their context is read are those the full reading
    refuses: the findings are the same with the early refusal and without it."""
    text = seed("".join(word + glue for word, glue in pairs) + ".")
    early = list(lost_possessives(Document(text), True, True, frozenset()))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_possessive, "_plainly_refused", lambda doc, match: False)
        assert list(lost_possessives(Document(text), True, True, frozenset())) == early


def test_the_list_of_possessive_stems_says_where_it_comes_from_and_is_clean() -> None:
    path = Path(_possessive.__file__).with_name("data") / "possessives.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = " ".join(line for line in lines if line.startswith("#"))
    assert "wordfreq" in header and "CC BY-SA 4.0" in header and "tools/possessives.py" in header
    stems = [line for line in lines if not line.startswith("#")]
    assert stems == sorted(set(stems)) and len(stems) > 5000
    assert all(stem.isascii() and stem.isalpha() and stem.islower() for stem in stems)
    assert not {"there", "who", "let", "it"} & set(stems)  # their 's is "is" or "has"


def test_the_stems_english_writes_only_with_s_are_a_part_of_the_list() -> None:
    folder = Path(_possessive.__file__).with_name("data")
    lines = (folder / "possessives_only.txt").read_text(encoding="utf-8").splitlines()
    header = " ".join(line for line in lines if line.startswith("#"))
    assert "wordfreq" in header and "CC BY-SA 4.0" in header and "tools/possessives.py" in header
    only = [line for line in lines if not line.startswith("#")]
    assert only == sorted(set(only)) and len(only) > 1000
    listed = (folder / "possessives.txt").read_text(encoding="utf-8").splitlines()
    assert set(only) < set(listed)
    assert {"tasmania", "fiji", "germany"} <= set(only)
    assert not {"patton", "costco", "biden", "simpson"} & set(only)


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # adjectives in a verb's form whose verbs are no longer used: what is owned
        ("Cash was used to meet Naurus unpaid bills. Nauru is small.", ["Naurus"]),
        ("We await Mr. Gorbachevs upcoming visit.", ["Gorbachevs"]),
        ("The Americans outgoing president spoke.", []),  # a demonym's plural
        # a noun or verb before a singular subject's verb is the noun: the name owns it
        ("Officials at Ford said so. Fords report was late.", ["Fords"]),
        ("Officials at Ford said so. Fords plan has failed.", ["Fords"]),
        ("Officials at Ford said so. Fords report to the board.", []),
        ("How the MPs vote is up to them.", []),  # an acronym's plural heads a clause
    ],
)
def test_what_follows_the_next_word_tells_a_noun_from_a_verb(body: str, flagged: list[str]) -> None:
    assert found(seed(body)) == flagged


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # two hyphens are the dash of plain text, one a compound's
        ("He lied about legal--Iraqs illegal weapons. Iraq denied it.", ["Iraqs"]),
        ("The plan--the UKs strategic approach--failed.", ["UKs"]),
        ("He lied about legal-Iraqs illegal weapons. Iraq denied it.", []),
        ("Run it with --Iraqs or ---UKs as flags.", []),
    ],
)
def test_a_dash_written_as_two_hyphens_stands_between_words(body: str, flagged: list[str]) -> None:
    assert found(seed(body)) == flagged


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # a regime's or an era's name of a place: its possessive is the place's
        ("It was struck by Communist Chinas arrogant invasion.", ["Chinas"]),
        ("Under Nazi Germanys rule they fled. Ancient Romes roads last.", ["Germanys", "Romes"]),
        ("The Red Sox won. Red Hats revenue grew.", []),  # no place after the word
    ],
)
def test_a_regime_or_era_before_a_place_opens_no_longer_name(body: str, flagged: list[str]) -> None:
    assert found(seed(body)) == flagged


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        # a plural already takes no plural's s: whatever follows, the possessive
        ("We improved the Longshoremens and Harbor Workers' Act.", ["Longshoremens"]),
        ("She won the Womens World Cup. The Childrens Hospital opened.", ["Womens", "Childrens"]),
        ("The Firemens union met.", ["Firemens"]),
        # words of their own in -men; a form the document writes twice is its spelling
        ("It was a Specimens jar. Omens abound. Abdomens ache.", []),
        ("The Womens Health group and Womens Health ads.", []),
    ],
)
def test_a_plural_already_with_s_is_a_possessive(body: str, flagged: list[str]) -> None:
    assert found(seed(body)) == flagged


@pytest.mark.parametrize(
    ("body", "guess"),
    [
        ("Every MP claims costs. The MPs expenses scandal broke.", "MP's expenses"),
        ("A CEO earns more. All the CEOs salaries rose.", "CEO's salaries"),
    ],
)
def test_a_countable_acronym_before_a_plural_is_a_guess(body: str, guess: str) -> None:
    """ "the MPs expenses" may be MPs' as well as MP's where the text counts MPs."""
    text = seed(body)
    assert [d.code for d in seedlint.lint_text(text)] == ["SL210"]
    assert seedlint.fix_text(text)[0] == text
    assert guess in seedlint.fix_text(text, unsafe=True)[0]


@pytest.mark.parametrize(
    ("body", "fixed"),
    [
        ("The VA said so. The VAs efforts grew.", "The VA said so. The VA's efforts grew."),
        ("A CEO earns more. The CEOs salary rose.", "A CEO earns more. The CEO's salary rose."),
        ("Every MP spoke. An MPs expenses rose.", "Every MP spoke. An MP's expenses rose."),
    ],
)
def test_one_owner_before_a_plural_is_fixed_safely(body: str, fixed: str) -> None:
    assert seedlint.fix_text(seed(body))[0] == seed(fixed)
