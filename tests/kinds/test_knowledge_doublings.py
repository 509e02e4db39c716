"""Doublings that English grammar makes, which the repeated-word rule (SL204) leaves alone,
and the slips of the same words, which it reports.

Three kinds are told by the words before them: the verb ending a fused relative clause
then the main verb ("What it was was a failure"), a phrasal verb's particle then the same
word as a preposition ("log in in the corner"), a noun then the same word as a modal
("their will will be done"). The phrasal verbs are checked in every form that the AGID
inflection data (as pyinflect ships it) gives them.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import seedlint
from conftest import seed
from seedlint.kinds._wordclass import source

EXAMPLES = 200
PLAIN_WORD = st.from_regex(r"[a-z]{3,12}", fullmatch=True)

# the common verbs that take each particle, as the rule knows them
PARTICLE_VERBS = {
    "in": "sign check fill turn hand call cash join weigh pitch kick lock rein zoom factor clock "
    "punch roll pour stay usher crowd flood opt tuck box rope phase cave move tune settle vote "
    "fence log plug drop step chip pop fit hem give build break come go get bring swear set "
    "sink sleep let take dig put sit",
    "on": "sign turn switch pass play press soldier push walk try move live log drag carry hold "
    "go come catch put take keep hang get",
    "up": "turn show end pick sign back open warm follow heat light clean stay gear fire mix "
    "team call fill crop beef sum line use free tie pop step wrap shut set give grow make take "
    "build pay hang hold wake catch speak meet wind break",
    "out": "work sort point turn pass reach check hand print spell sign opt freak miss burn pull "
    "max help cash black branch lash roll lock carry figure zone wipe rule phase time log drop "
    "find hold stand sell lay set spread break speak stick",
    "off": "kick turn call sign head fend ward round cool doze kill finish back switch pull show "
    "lift seal peel drop log tip nod rip top tee cut shut set take pay break lay sell lead wear "
    "hold fight write go",
    "over": "hand stay start pull turn look spill boil roll switch pass change move flip tip "
    "carry hold win take come sleep fall think blow",
    "down": "turn slow calm back track hand knock burn cool narrow water crack touch hunker mark "
    "play hold settle close scale vote step pin shut cut put let write bring tear sit lie lay "
    "die wind stand break wear strike",
    "by": "go stand come get swing walk pass drop stop drive fly",
}
# forms of a homograph that is another verb ("wind" a horn, "tear" up in tears, "lie" to
# someone) or an old form nobody writes before a particle
OTHER_VERBS = {"winded", "teared", "lied", "waked"}
# what makes "will" a noun before "will" the modal
WILL_NOUN_BEFORE = (
    "the a an his her its our your my their whose own "
    "free good ill last political popular divine strong sheer iron collective general"
)


def repeated(body: str) -> list[str]:
    text = seed(body)
    return [text[d.start : d.end] for d in seedlint.lint_text(text, select=["SL204"])]


def verb_forms() -> dict[str, set[str]]:
    """Each verb's lemma and the first (usual) form of each of its inflections in AGID's
    ``infl.csv``: ``give,V,gave,given,giving,gives``."""
    path = source()
    assert path is not None, "pyinflect, a dependency, ships the inflection data"
    forms: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        lemma, word_class, *inflections = line.split(",")
        if word_class == "V":
            forms[lemma] = {lemma} | {i.split("/")[0] for i in inflections if i != "<>"}
    return forms


@pytest.mark.parametrize(
    "body",
    [
        "What it was was a failure.",
        "What it does does not matter.",
        "Everything it has has been moved.",
        "What they are are questions.",
        "All it did did was annoy the neighbours.",
        "What they were were rumours, nothing more.",
        "What we have have been good years.",
        "Whatever he did did not help.",
        "The only thing it has has been a delay.",
        "What the council did did not work.",
        "What it really was was a mistake.",
        "All it ever did did harm.",
        "Those who did did so at their own risk.",
        "Those who have have a duty to share.",
        "Anyone who has has to register.",
        "I think what they are are symptoms.",
        # a free relative that is its own clause's subject
        "We can influence the reaction if whatever happens happens after we return.",
        "Whoever wins wins the cup.",
        "What happened happened, she said.",
        "Whatever really matters matters most.",
    ],
)
def test_a_verb_ending_a_fused_relative_clause_before_the_main_verb_is_accepted(
    body: str,
) -> None:
    assert repeated(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Log in in the top right corner.",
        "You can sign in in person.",
        "Guests check in in the lobby.",
        "They gave in in the end.",
        "Later on on the same day the road reopened.",
        "We go by by the station every day.",
        "A bus turned up up the road.",
        "She was sworn in in January.",
        "The rules were phased in in 2020.",
        "Fill it in in ink and hand it in in person.",
        "He logged back in in the evening.",
        "The roof caved in in the storm.",
        "The dishwasher is built in in most flats.",
        "Members can opt in in the app.",
        "He carried on on his own.",
        "The show will go on on Monday.",
        "We moved on on the next day.",
        "From then on on every Friday the team met.",
        "She ended up up north.",
        "It turned out out of nowhere that the plan had failed.",
        "The attack was carried out out of revenge.",
        "The ship set off off the coast.",
        "They took over over the weekend.",
        "Friends came over over the holidays.",
        "The factory shut down down the road.",
        "She stepped down down south.",
        "He dropped by by car.",
        "The years went by by the dozen.",
        "Donations poured in in the first week.",
        "The minister weighed in in a statement.",
        "Winter set in in November.",
    ],
)
def test_a_particle_then_the_same_preposition_after_a_phrasal_verb_is_accepted(
    body: str,
) -> None:
    assert repeated(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Their will will be done.",
        "He believes free will will prevail.",
        "A can can hold 12 ounces.",
        "The can can be recycled.",
        "God's will will be done.",
        "Her own will will decide it.",
        "His last will will be read today.",
        "A trash can can attract bears.",
        "Military might might not be enough.",
        "Their might might fade.",
    ],
)
def test_a_noun_then_the_same_word_as_a_modal_is_accepted(body: str) -> None:
    assert repeated(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "When we look back on it it will be significant.",
        "I think about it it seems fine.",
        "There is nothing like it it was a great day.",
    ],
)
def test_a_clause_ending_on_it_before_one_starting_on_it_is_accepted(body: str) -> None:
    assert repeated(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Create one with python3 -m venv venv first.",
        "Run pip install --no-binary=fonttools fonttools to build it.",
    ],
)
def test_a_word_after_a_command_lines_option_is_its_value(body: str) -> None:
    assert repeated(body) == []


@pytest.mark.parametrize(
    ("body", "slip"),
    [
        ("We are here to to help.", "to to"),
        ("Congratulations to the the Department.", "the the"),
        ("It took a a long time.", "a a"),
        ("It was was held on Monday.", "was was"),
        ("The meeting was was held on Monday.", "was was"),
        ("We need to to plan.", "to to"),
        ("We will focus on on the work.", "on on"),
        ("In in the morning we left.", "In in"),
        ("They logged in. In in the morning we left.", "In in"),
        ("The firm is based in in London.", "in in"),
        ("She was born in in 1990.", "in in"),
        ("The plan relies on on the grant.", "on on"),
        ("The bill was passed by by the Senate.", "by by"),
        ("The talk was followed by by questions.", "by by"),
        ("The charges were dropped by by the prosecutors.", "by by"),
        ("The office is located in in the centre.", "in in"),
        ("The results are are clear.", "are are"),
        ("They were were told to leave.", "were were"),
        ("It has has been moved.", "has has"),
        ("The company did did not reply.", "did did"),
        ("The plan will will work.", "will will"),
        ("That will will help.", "will will"),
        ("You can can apply online.", "can can"),
        ("It might might rain.", "might might"),
        ("The road goes up up to the castle.", "up up"),
        ("Look out out there.", "out out"),
        ("He said whatever the the outcome, they would stay.", "the the"),
        ("Whatever this this is, it works.", "this this"),
        ("We went home and it it will be open.", "it it"),
        ("It it will be open.", "It it"),
        ("They talked about it it.", "it it"),
        ("He left -- the the man was gone.", "the the"),  # a dash, no option
    ],
)
def test_the_slips_among_those_words_are_still_reported(body: str, slip: str) -> None:
    assert repeated(body) == [slip]


def test_every_form_of_a_phrasal_verb_before_its_particle_twice_is_accepted() -> None:
    forms = verb_forms()
    sentences = [
        f"They said that we {form} {particle} {particle} the hall."
        for particle, verbs in PARTICLE_VERBS.items()
        for verb in verbs.split()
        for form in sorted(forms[verb] - OTHER_VERBS)
    ]
    assert len(sentences) > 1000
    assert repeated("\n\n".join(sentences)) == []


def test_without_the_phrasal_verb_the_particle_twice_is_reported() -> None:
    sentences = [
        f"They said that we {particle} {particle} the hall." for particle in PARTICLE_VERBS
    ]
    found = repeated("\n\n".join(sentences))
    assert found == [f"{particle} {particle}" for particle in PARTICLE_VERBS]


@settings(max_examples=EXAMPLES, deadline=None)
@given(PLAIN_WORD)
def test_the_clause_before_the_verb_decides_not_the_noun(noun: str) -> None:
    assert repeated(f"The {noun} was was held.") == ["was was"]
    assert repeated(f"What the {noun} was was a failure.") == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(PLAIN_WORD)
def test_will_twice_is_a_noun_and_a_modal_only_after_what_a_noun_takes(word: str) -> None:
    assume(word not in WILL_NOUN_BEFORE.split())
    assert repeated(f"The {word} will will go.") == ["will will"]
    assert repeated(f"The {word}'s will will be done.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        # three times or more: deliberate, wherever the two that look doubled stand
        "The crowd chanted go go go at the end.",
        "Wait wait wait wait, she said.",
        "Test test test.",
        # emphatic adjectives and quantifiers
        "It was a long long time ago, many many years before the law.",
        "We are really really pleased.",
        # interjections
        "Hello hello, is anyone there? Yes yes, come in. Oh oh.",
        # words of sound and nursery talk
        "The choo choo train came, yum yum, and the pom pom girls cheered.",
    ],
)
def test_deliberate_reduplication_is_not_reported(sentence: str) -> None:
    assert repeated(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "repeat"),
    [
        ("We want to to go go to the page.", "to to"),
        ("She said the the cat and and the dog.", "the the"),
        ("A go go plan.", "go go"),  # twice, not thrice
        ("It is is in the the box box.", "the the"),
    ],
)
def test_slips_beside_reduplication_are_still_reported(sentence: str, repeat: str) -> None:
    assert repeat in repeated(sentence)
