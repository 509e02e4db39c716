"""Safe fixes keep meaning: properties over generated documents.

A safe fix never changes a capitalised word that the document uses as a name, never
changes a word inside a quotation in another language, and English rules never run on a
document identified as another language. A lost possessive or contraction apostrophe
that the document's own words prove is restored and nothing else changes; plurals,
possessives and contractions written as they are ("two Treasurys", "wed in June") stay.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import seedlint
from conftest import seed
from seedlint.kinds._wordclass import noun

# capitalised, these misspellings from codespell's list are also real names
# and these bare contractions ("Cant", "Wont") are surnames too
NAMES = [
    "Teh",
    "Malcom",
    "Analysys",
    "Makarov",
    "Boulting",
    "Ned",
    "Pavillion",
    "Commision",
    "Cant",
    "Wont",
]
FILLER = [
    "The board met on Tuesday.",
    "Officials said the plan would cost more than expected.",
    "It was the first meeting of the year.",
    "Critics called the decision rushed.",
]
FOREIGN_QUOTES = ["« la loi dont il parle »", "“nous ne sommes pas dont il est question”"]
FRENCH = (
    "Le gouvernement français a annoncé mardi une série de mesures destinées à soutenir "
    "les entreprises touchées par la crise, selon un communiqué publié dont le ministère "
    "de l'Économie et des Finances à Paris ne dit pas plus, et qui sont attendues."
)


@st.composite
def name_documents(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(NAMES))
    uses = [
        f"{name} Hong Piow founded the firm.",
        f"The firm was founded by {name} Lee in 1966.",
        f"Later, {name} said the firm would grow. Critics asked {name} why.",
        f"{name} will speak at noon, and {name} wants more.",
    ]
    sentences = draw(st.lists(st.sampled_from(uses + FILLER), min_size=2, max_size=6))
    sentences.append(draw(st.sampled_from(uses)))
    return name, seed(" ".join(sentences))


@settings(max_examples=60, deadline=None)
@given(name_documents())
def test_a_safe_fix_never_changes_a_name_the_document_uses(case: tuple[str, str]) -> None:
    name, text = case
    fixed = seedlint.fix_text(text)[0]
    pattern = rf"\b{re.escape(name)}\b"
    assert len(re.findall(pattern, fixed)) == len(re.findall(pattern, text))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FILLER), min_size=1, max_size=4), st.sampled_from(FOREIGN_QUOTES))
def test_a_safe_fix_never_changes_a_foreign_quotation(filler: list[str], quote: str) -> None:
    text = seed(" ".join(filler) + f" The minister spoke of {quote}, reporters said.")
    fixed = seedlint.fix_text(text)[0]
    assert quote in fixed


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["dont", "teh", "goverment", "Untied States", "to to"]))
def test_english_rules_never_run_on_a_french_document(word: str) -> None:
    text = seed(f"{FRENCH} {word} {FRENCH}")
    english = {"SL201", "SL202", "SL203", "SL204", "SL210", "SL211"}
    assert not english & {d.code for d in seedlint.lint_text(text)}
    assert word in seedlint.fix_text(text)[0]


# capitalised words that may be plurals or names ending in s: a safe fix never touches them
PLURALS = [
    "two Britains",
    "the Joneses",
    "the water firm Aguas Argentinas",
    "the Kennedys",
    "Serena Williams",
    "Bill Gates",
    "Jessica Arriens",
    "Rutgers University",
    "Nunjucks",
]
AFTER = ["said", "match", "foundation", "templates", "team", "says"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(FILLER), min_size=0, max_size=3),
    st.sampled_from(PLURALS),
    st.sampled_from(AFTER),
)
def test_a_safe_fix_never_turns_a_possible_plural_into_a_possessive(
    filler: list[str], plural: str, after: str
) -> None:
    text = seed(" ".join([*filler, f"Reporters saw {plural} {after} on Tuesday."]))
    fixed = seedlint.fix_text(text)[0]
    assert f"{plural} {after}" in fixed


# correct text holding the words the possessive and contraction knowledge reads: plurals
# of names and of words in y or x, demonyms beside titled names, "wed" the verb and the day
AS_WRITTEN = [
    "The Kennedys and the Sallys came, and the two Treasurys met.",
    "The Treasury's budget grew; the treasuries of three states shrank.",
    "Agencys budgets were cut.",
    "They packed boxs for the Alexs band, and Wilcoxs farm sold Fuchs research.",
    "President Hosni Mubarak spoke; the Israelis team and the Pakistanis fans cheered.",
    "The Netflix series and Netflix's Chaos Monkey; Rolexes sold.",
    "They wed in June. Open Wed, like Mon. Newly wed couples wed like royals.",
    "We'd like to thank you; we'd also love to hear more.",
    "The Treasurys are open and the Treasurys said so.",
    "Yellowstone National Park reopened and the National Parks Service hired staff.",
    "Eric Brassil spoke; the Erics team and two Erics came.",
    "Tesco said so. Shoppers in Tescos preferred store brands.",
    "Pete Buttigieg spoke. Fans cheered Buttigiegs in the hall.",
    "The city is known for its truly unique architecture and its own port.",
    "As is his wont, he blamed ill health; the tool lets users choose.",
    "Its members voted, and the couple that wed in June did its best to help.",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(AS_WRITTEN + FILLER), min_size=1, max_size=6))
def test_a_safe_fix_never_rewrites_a_possessive_or_contraction_written_as_it_is(
    sentences: list[str],
) -> None:
    text = seed(" ".join(sentences))
    assert seedlint.fix_text(text)[0] == text


# each holds one apostrophe whose loss the document's own words let a safe fix restore
RESTORABLE = [
    "In 2014, I went to the Treasury's federal spending town hall.",
    "Design for Treasury's My Retirement Account program.",
    "Testing exercises and Netflix's Chaos Monkey help.",
    "President Hosni Mubarak died. They criticized Hosni's creation of new cities.",
    "We'd like to thank everyone. We wish we'd also sent the notes.",
    "It's not clear, but I know it's important to ask. Let's start; we can't wait.",
    "Search for Ben Franklin's jet pack; you can't find Ben Franklin's jetpack.",
    "Speaker Nancy Pelosi accused them. Biden rejected Pelosi's suggestion.",
    "Cat Posey shared her story, and Cat Posey's Tech Superwomen met.",
    "Eric Brassil spoke. The tools Eric's team chose were free.",
    "Chris Frangione spoke. Bonnell's insight echoed Frangione's in terms of scope.",
]


@settings(max_examples=60, deadline=None)
@given(
    # not the sentences that write "Treasurys" as it is: a form written twice is no evidence
    st.lists(st.sampled_from(AS_WRITTEN[1:2] + AS_WRITTEN[3:8] + FILLER), max_size=4),
    st.sampled_from(RESTORABLE),
    st.integers(min_value=0, max_value=4),
)
def test_a_lost_apostrophe_is_restored_and_nothing_else_changes(
    context: list[str], restorable: str, at: int
) -> None:
    sentences = [*context]
    sentences.insert(min(at, len(sentences)), restorable)
    clean = seed(" ".join(sentences))
    lost = restorable.rfind("'")
    damaged = clean.replace(restorable, restorable[:lost] + restorable[lost + 1 :], 1)
    assert damaged != clean
    assert seedlint.fix_text(damaged)[0] == clean


# common nouns whose plural ends in -ies, as the dictionary says
NOUNS_IN_Y = [
    w
    for w in ("treasury", "army", "agency", "university", "city", "party", "ministry")
    if noun(w) and noun(w[:-1] + "ies")
]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(NOUNS_IN_Y),
    st.sampled_from(["Netflix", "Rolex", "Xerox"]),
    st.lists(st.sampled_from(FILLER), max_size=3),
)
def test_plurals_and_written_possessives_of_words_in_y_and_x_stay_as_written(
    noun_in_y: str, name_in_x: str, filler: list[str]
) -> None:
    body = noun_in_y.capitalize()
    possessives = f"The {body}'s staff, the {noun_in_y[:-1]}ies and {name_in_x}'s shares grew."
    plurals = f"Two {body}s met, and three {name_in_x}s were sold."
    text = seed(" ".join([*filler, plurals, possessives]))
    assert seedlint.fix_text(text)[0] == text
    # the plurals written as they are make no evidence; alone, the possessive is restored
    clean = seed(" ".join([*filler, possessives]))
    damaged = clean.replace(f"{body}'s staff", f"{body}s staff")
    assert damaged != clean and seedlint.fix_text(damaged)[0] == clean


# lost possessives that only a guess restores: a participle after a name may be a plural's
# verb, and a surname written once may end in s of its own
GUESSES = [
    "Analysts doubt Tesco's plan. It was Tescos preferred store size.",
    "Johnson said so. It is Johnsons stated intent to leave.",
    "Kelly, Governor Bill Pattons deputy chief of staff, resigned.",
    "Check out Leonie Watsons tips on accessible SVG.",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FILLER), max_size=3), st.sampled_from(GUESSES))
def test_a_guess_is_reported_and_never_applied_by_a_plain_fix(
    filler: list[str], guess: str
) -> None:
    text = seed(" ".join([*filler, guess]))
    diagnostics = seedlint.lint_text(text, select=["SL210"])
    assert len(diagnostics) == 1
    fix = diagnostics[0].fix
    assert fix is not None and fix.applicability.value == "unsafe"
    assert seedlint.fix_text(text)[0] == text
