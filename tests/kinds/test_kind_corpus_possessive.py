"""corpus_possessive (SL505): a name + s the document cannot place, which the rest of the
corpus writes only as a possessive, has lost its apostrophe; judged on corpora of texts
with the engine's own corpus pass, as ``seedlint check`` runs it."""

from __future__ import annotations

import pytest

from conftest import default_linter, seed
from seedlint.engine.corpus import TextCorpus, corpus_groups, lint_texts
from seedlint.engine.fixer import apply
from seedlint.engine.kind import CorpusRule
from seedlint.kinds.corpus_possessive import KIND, NameUse, NameUses, State

WEBINAR = "Join us during DigitalGovs webinar on Monday."
WRITERS = [
    "DigitalGov's editors met on Friday.",
    "Read DigitalGov's guide to plain language.",
    "This is DigitalGov's new home page.",
    "The team shared DigitalGov's plans for the year.",
]


def corpus(target: str, others: list[str]) -> dict[str, str]:
    texts = {f"other-{n:02d}.txt": seed(body) for n, body in enumerate(others)}
    return {**texts, "target.txt": seed(target)}


def found(texts: dict[str, str], **settings: object) -> list[tuple[str, str, str]]:
    """(key, code, message) of every SL505 finding."""
    linter = default_linter(select=("SL505",), **settings)
    return [
        (key, item.diagnostic.code, item.diagnostic.message)
        for key, items in lint_texts(linter, texts).items()
        for item in items
    ]


def test_a_name_the_corpus_writes_as_a_possessive_is_reported_with_an_unsafe_fix() -> None:
    texts = corpus(WEBINAR, WRITERS[:3])
    linter = default_linter(select=("SL505",))
    [[item]] = lint_texts(linter, texts).values()
    diagnostic = item.diagnostic
    assert item.key == "target.txt"
    assert diagnostic.message == (
        "'DigitalGovs' has lost its apostrophe: 3 other documents write 'DigitalGov's'"
    )
    assert (diagnostic.row, diagnostic.column) == (3, 16)
    assert diagnostic.fix is not None and diagnostic.fix.applicability.value == "unsafe"
    fixed = apply(texts["target.txt"], list(diagnostic.fix.edits))
    assert fixed == seed("Join us during DigitalGov's webinar on Monday.")


def fix_trust(texts: dict[str, str], **settings: object) -> list[str]:
    """How safe each SL505 fix is."""
    linter = default_linter(select=("SL505",), **settings)
    return [
        item.diagnostic.fix.applicability.value
        for items in lint_texts(linter, texts).values()
        for item in items
        if item.diagnostic.fix is not None
    ]


TEN_WRITERS = [f"Story {n}: DigitalGov's page {n} is new." for n in range(10)]


def test_a_corpus_that_leaves_no_other_reading_makes_the_fix_safe() -> None:
    """Ten other documents write the possessive, none the + s form, and no word list holds
    the stem: the + s form has no reading but the possessive."""
    assert fix_trust(corpus(WEBINAR, TEN_WRITERS)) == ["safe"]
    assert fix_trust(corpus(WEBINAR, TEN_WRITERS[:9])) == ["unsafe"]  # nine
    # one document writing the + s form, within the share: still reported, unsafe
    bare = [*TEN_WRITERS, "The DigitalGovs of many agencies met."]
    assert fix_trust(corpus(WEBINAR, bare)) == ["unsafe"]
    # the rule may ask for fewer, or never make it safe
    fewer = {"corpus-possessive-apostrophe": {"safe-documents": 3}}
    assert fix_trust(corpus(WEBINAR, WRITERS[:3]), rule_options=fewer) == ["safe"]
    never = {"corpus-possessive-apostrophe": {"safe-documents": 0}}
    assert fix_trust(corpus(WEBINAR, TEN_WRITERS), rule_options=never) == ["unsafe"]


@pytest.mark.parametrize(
    ("target", "stem"),
    [
        # a word of the dictionary: its + s form is its plural ("jerseys")
        ("We sailed to Jersey on Monday. Jerseys goalkeeper saved it twice.", "Jersey"),
        # a surname of the census lists: its + s form names a family
        ("Join us during Kennedys webinar on Monday.", "Kennedy"),
    ],
)
def test_a_stem_a_word_list_holds_keeps_the_fix_unsafe(target: str, stem: str) -> None:
    writers = [f"Story {n}: {stem}'s page {n} is new." for n in range(12)]
    assert fix_trust(corpus(target, writers)) == ["unsafe"]


def test_a_sentence_s_first_word_is_judged_too() -> None:
    texts = corpus("DigitalGovs webinar series starts today. Join us.", WRITERS[:3])
    assert [key for key, _, _ in found(texts)] == ["target.txt"]
    # its capital may be the sentence's: a dictionary word is left alone
    teams = [f"The Team's page {n} is new." for n in range(3)]
    assert found(corpus("Teams webinar series starts today.", teams)) == []


def test_a_common_word_its_document_writes_only_as_a_name_is_judged_at_a_sentence_s_start() -> None:
    """ "jersey" is a word of the dictionary, whose capital at a sentence's start tells
    nothing, and English writes "jerseys" as often as "Jersey's"; the document writes
    "Jersey" as a name and never in lower case, but nowhere as one that says or owns
    something: the corpus decides. ("Panamas goalkeeper" is SL210's: English hardly
    ever writes "Panamas".)"""
    target = "We sailed to Jersey on Monday. Jerseys goalkeeper saved it twice."
    writers = [f"Jersey's team {word} the cup." for word in ("won", "lost", "kept")]
    assert [key for key, _, _ in found(corpus(target, writers))] == ["target.txt"]
    assert found(corpus(target, [w.replace("Jersey's", "The team") for w in writers])) == []
    # in lower case too: a common word, not a name
    assert found(corpus(target + " We bought a jersey.", writers)) == []


def test_the_fix_writes_the_apostrophe_its_paragraph_writes() -> None:
    texts = corpus("We’re at DigitalGovs webinar, and it’s full.", WRITERS[:3])
    linter = default_linter(select=("SL505",))
    [[item]] = lint_texts(linter, texts).values()
    assert item.diagnostic.fix is not None
    fixed = apply(texts["target.txt"], list(item.diagnostic.fix.edits))
    assert "DigitalGov’s webinar" in fixed


def test_too_few_documents_are_no_evidence_unless_the_rule_asks_for_fewer() -> None:
    texts = corpus(WEBINAR, WRITERS[:2])
    assert found(texts) == []
    options = {"corpus-possessive-apostrophe": {"min-documents": 2}}
    assert [key for key, _, _ in found(texts, rule_options=options)] == ["target.txt"]


@pytest.mark.parametrize(
    ("bare", "reported"),
    [
        (["The DigitalGovs of many agencies met."], False),  # 1 bare of 4 documents: 25%
        ([], True),
    ],
)
def test_documents_that_write_the_word_bare_weigh_against_it(
    bare: list[str], reported: bool
) -> None:
    texts = corpus(WEBINAR, WRITERS[:3] + bare)
    assert bool(found(texts)) is reported


def test_a_bare_word_among_many_possessives_is_within_the_share() -> None:
    writers = [f"Story {n}: DigitalGov's page {n} is new." for n in range(10)]
    texts = corpus(WEBINAR, [*writers, "The DigitalGovs of many agencies met."])
    assert [key for key, _, _ in found(texts)] == ["target.txt"]


@pytest.mark.parametrize(
    "target",
    [
        "The DigitalGovs webinar was on Monday.",  # a determiner: a plural may follow it
        "Two DigitalGovs webinar series ran.",  # a number
        "During the event DigitalGovs announced a webinar.",  # a verb after it
        "Join us at the Digital Govs webinar.",  # a word of a longer name
        "DigitalGov hosts it. Join us during DigitalGovs webinar.",  # the document's own
    ],
)
def test_places_where_no_possessive_stands_or_the_document_decides(target: str) -> None:
    assert found(corpus(target, WRITERS)) == []


def test_a_document_that_writes_the_name_is_left_to_its_own_rule() -> None:
    texts = corpus("DigitalGov said so. Join us during DigitalGovs webinar.", WRITERS)
    assert found(texts) == []
    linter = default_linter(select=("SL210",))
    assert [d.code for d in linter.lint(texts["target.txt"])] == ["SL210"]


def test_a_document_alone_gets_no_finding_of_either_rule() -> None:
    linter = default_linter(select=("SL210", "SL505"))
    assert linter.lint(seed(WEBINAR)) == []


def test_a_document_in_another_language_is_not_judged() -> None:
    french = (
        "Rejoignez-nous pendant le webinaire DigitalGovs lundi, avec les équipes du pays. "
        "Les agents de l'État et les citoyens y parleront des sites publics, de leur "
        "accessibilité et de la façon dont les services en ligne sont conçus pour tous."
    )
    texts = corpus(french, WRITERS)
    assert found(texts, languages=("en", "fr")) == []


def test_a_candidate_no_longer_in_its_document_is_stale_not_reported() -> None:
    linter = default_linter(select=("SL505",))
    [group] = corpus_groups(linter.rules)
    texts = corpus(WEBINAR, WRITERS[:3])
    index = group.new_index()
    for key, text in texts.items():
        index.add(group.contribute(linter.document(text, key), key))
    changed = {**texts, "target.txt": seed("Join us on Monday.")}
    rules = [CorpusRule("SL505", "corpus-possessive", group.state)]
    outcome = KIND.corpus_pass(rules, TextCorpus(index, changed))
    assert outcome.findings == []
    assert outcome.stale == ("target.txt",)


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"min-documents": 0, "bare-share": 0.1}, "option 'min-documents' must be 1 or more"),
        ({"min-documents": 3, "bare-share": 1}, "option 'bare-share' must be at least 0"),
        ({"min-documents": 3, "bare-share": -0.5}, "option 'bare-share' must be at least 0"),
        ({"min-documents": 3, "safe-documents": -1}, "option 'safe-documents' must be 0 or"),
    ],
)
def test_bad_options_are_refused(options: dict[str, float], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        KIND.build("corpus-possessive", {"bare-share": 0.1, "safe-documents": 10, **options})


def test_the_index_counts_each_document_once_and_forgets_it() -> None:
    linter = default_linter(select=("SL505",))
    [group] = corpus_groups(linter.rules)
    index = group.new_index()
    text = seed("DigitalGov's page and DigitalGov’s page. The Kennedys met.")
    index.add(group.contribute(linter.document(text, "a"), "a"))
    index.add(group.contribute(linter.document(text, "a"), "a"))  # again: replaces it
    assert index.possessive["DigitalGov"] == 1 and index.bare["Kennedy"] == 1
    assert index.remove("a") and not index.remove("a")
    assert index.possessive["DigitalGov"] == 0 and len(index) == 0
    assert KIND.corpus_min_documents(State(3, 0.1)) == 4


def test_the_index_keeps_one_string_per_name_and_gives_back_each_contribution() -> None:
    """Each document's names arrive as copies of their own (from a worker or a file); the
    index keeps one string of each, and still gives back every contribution whole."""
    index = NameUses()
    first, second = "".join(["Digital", "Gov"]), "".join(["Digi", "talGov"])
    assert first == second and first is not second
    uses = [
        NameUse("a", (first,), ("Kennedy",), ()),
        NameUse("b", (second,), (), ((5, 15, "Makarov"),)),
    ]
    for use in uses:
        index.add(use)
    assert index.get("a").possessive[0] is index.get("b").possessive[0]
    assert [index.get(key) for key in ("a", "b")] == uses
    with pytest.raises(KeyError):
        index.get("c")


def test_a_lost_apostrophe_the_documents_own_rules_found_is_reported_once() -> None:
    """ "Whats Next" as a heading: the contraction rule (SL211) reports it from the
    document itself, and SL505, which the corpus's "What's Next" led to the same word,
    names SL211 in its explained-by and is left out; without SL211 selected it reports."""
    from conftest import TESTS

    article = next((TESTS / "data" / "digitalgov_news" / "digitalgov_news").glob("0012_*"))
    title, body = article.read_text(encoding="utf-8").split("\n\n", 1)
    target = seed(body.replace("What’s Next", "Whats Next").strip(), title=title)
    texts = corpus(target, [f"What's Next for the team in week {n}." for n in range(3)])
    texts["target.txt"] = target

    def codes(*select: str) -> list[str]:
        diagnostics = lint_texts(default_linter(select=select), texts).values()
        return [item.diagnostic.code for items in diagnostics for item in items]

    assert codes("SL505") == ["SL505"]
    assert codes("SL505", "SL211") == []
    assert [d.code for d in default_linter().lint(target)] == ["SL211"]
