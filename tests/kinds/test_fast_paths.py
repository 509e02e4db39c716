"""The kinds' fast paths find exactly what the plain searches they stand in for find.

Each fast path skips work a plain search would do (trying a phrase pattern at every offset,
a regex at every offset, a look-behind at every offset, a speech introduction in every
paragraph); these tests put the two side by side on texts built to hit the edges: case,
the four characters IGNORECASE equates with ASCII letters, apostrophes, hyphens, digits,
repeats of repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, seed
from seedlint.corpus import minhash
from seedlint.corpus.fingerprint import body_hash, fingerprint
from seedlint.corpus.seeds import seed_parts
from seedlint.corpus.settings import CorpusSettings
from seedlint.engine import document, linter
from seedlint.engine.document import APOSTROPHE_CURLY, APOSTROPHE_STRAIGHT, Document
from seedlint.engine.linter import Linter, LintSettings
from seedlint.kinds import (
    _attributions,
    _candidates,
    _marks,
    _name_possessive,
    _names,
    _possessive,
    _word_uses,
    apostrophe,
    pairs,
    quotation,
    substitution,
    whitespace,
)
from seedlint.kinds._text import word_head, word_occurrences
from seedlint.kinds._word_runs import WordRuns
from seedlint.ruleset.rulefile import load_rules

RULES = {rule.code: rule for rule in load_rules(["default"], ROOT)}
LINTER = Linter(list(RULES.values()))
EXAMPLES = 300

# pieces of text near the edges of the fast paths' reasoning
EDGES = ["İ", "ı", "ſ", "K", "'", "’", "-", "_", "\n", "\t", "  ", " ", ".", ",", "5", "é"]


@contextmanager
def counted_words(long: bool) -> Iterator[None]:
    """Every text read as a long one (``long``), whose words are looked up in its index
    of word runs, or each as its length says."""
    counted_from = _word_uses.COUNTED_FROM
    _word_uses.COUNTED_FROM = 0 if long else counted_from
    try:
        yield
    finally:
        _word_uses.COUNTED_FROM = counted_from


def joined(words: list[str], gaps: list[str]) -> str:
    """A text of ``words``, each followed by the gap at its place."""
    return "".join(word + gap for word, gap in zip(words, gaps, strict=False))


def disguised(word: str) -> st.SearchStrategy[str]:
    """The word as written, in capitals or title case, or with a letter swapped for a
    character that IGNORECASE takes for it."""
    return st.sampled_from(
        [
            word,
            word.upper(),
            word.title(),
            word.replace("i", "ı"),
            word.replace("i", "İ"),
            word.replace("s", "ſ"),
            word.replace("k", "K"),
        ]
    )


def texts(words: list[str]) -> st.SearchStrategy[str]:
    piece = st.sampled_from(words).flatmap(disguised)
    return st.lists(piece | st.sampled_from(EDGES), max_size=40).map("".join)


def phrase_words() -> list[str]:
    state = RULES["SL202"].state
    return sorted({w for phrase in state.phrases for w in phrase.split()} | {"508"})


def written_phrases() -> st.SearchStrategy[str]:
    """A phrase of the rule with each word disguised, between spaces, tabs or a line."""
    phrases = [*sorted(RULES["SL202"].state.phrases), "508 complaint"]
    return st.sampled_from(phrases).flatmap(
        lambda phrase: st.tuples(
            *(disguised(w) for w in phrase.split()), st.sampled_from([" ", "  ", "\t", "\n"])
        ).map(lambda parts: parts[-1].join(parts[:-1]))
    )


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(texts(phrase_words()) | written_phrases() | st.sampled_from(EDGES), max_size=12).map(
        " ".join
    )
)
def test_phrases_are_found_where_the_whole_pattern_finds_them(text: str) -> None:
    state = RULES["SL202"].state
    doc = Document(text)
    expected = [(m.start(), m.end(), m.group()) for m in state.phrase_pattern.finditer(text)]
    found = [(m.start(), m.end(), m.group()) for m in substitution._phrase_matches(doc, state)]
    assert found == expected


# whitespace of every sort that \s matches, alone and in runs: a phrase's words may stand
# apart by any of it (the phrases a text spells are read with its whitespace made spaces)
SPACES = [" ", "  ", "\t", "\n", "\r\n", "\n\n", "\xa0", "\u2028", "\x1c", "\u3000", " \x0b "]


def spaced_phrases() -> st.SearchStrategy[str]:
    """A phrase of the rule with each word disguised, any whitespace between words."""
    phrases = [*sorted(RULES["SL202"].state.phrases), "508 complaint"]
    return st.sampled_from(phrases).flatmap(
        lambda phrase: st.tuples(
            *(disguised(w) for w in phrase.split()),
            *(st.sampled_from(SPACES) for _ in phrase.split()),
        ).map(lambda parts: "".join(w + s for w, s in zip(*_halves(parts), strict=True)))
    )


def _halves(parts: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return parts[: len(parts) // 2], parts[len(parts) // 2 :]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(
        spaced_phrases() | texts(phrase_words()) | st.sampled_from([*EDGES, *SPACES]),
        max_size=10,
    ).map("".join)
)
def test_phrases_apart_by_any_whitespace_are_found_as_the_whole_pattern_finds_them(
    text: str,
) -> None:
    state = RULES["SL202"].state
    doc = Document(text)
    expected = [(m.start(), m.end(), m.group()) for m in state.phrase_pattern.finditer(text)]
    found = [(m.start(), m.end(), m.group()) for m in substitution._phrase_matches(doc, state)]
    assert found == expected


def test_a_phrase_whose_last_word_runs_on_past_an_apostrophe_is_found() -> None:
    # "reign'd" is one of the document's words and "reign" is not: the phrase is still
    # asked for, as the whole pattern finds it
    state = RULES["SL202"].state
    text = "It was more then, a free reign'd age; the Untied States’s own."
    expected = [m.span() for m in state.phrase_pattern.finditer(text)]
    found = [m.span() for m in substitution._phrase_matches(Document(text), state)]
    assert found == expected
    assert [text[s:e] for s, e in found] == ["more then", "free reign", "Untied States"]


def test_phrases_a_document_holds_are_found_in_it() -> None:
    state = RULES["SL202"].state
    text = "The Untied  States and the PUBIC\tsector; a 508 complaint, free reign's end."
    found = [m.group() for m in substitution._phrase_matches(Document(text), state)]
    assert found == ["Untied  States", "PUBIC\tsector", "508 complaint", "free reign"]


REPEAT_WORDS = ["the", "The", "THE", "had", "bora", "Bora", "a", "to", "is", "first", "FIRST"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(
        st.sampled_from(REPEAT_WORDS).flatmap(disguised)
        | st.sampled_from(EDGES)
        | st.sampled_from([" ", "\t", "\x01", "the’"]),
        max_size=30,
    ).map("".join)
)
@example("x 'the the' y ‘a a’, to to’s")  # a closing mark after the repeat, or an apostrophe
def test_repeated_word_candidates_find_what_a_full_search_finds(text: str) -> None:
    state = RULES["SL204"].state
    doc = Document(text)
    expected = [m.span() for m in state.pattern.finditer(text) if m.end() > m.start()]
    starts = _candidates.repeated_words(doc)
    if starts is None:
        assert regex.search("[\u0130\u0131\u017f\u212a]", text)
        return
    found = [m.span() for m in _candidates.matches_at(state.pattern, text, starts, 10.0)]
    assert found == expected


def test_repeated_word_finds_a_repeat_after_a_name_written_twice() -> None:
    text = seed(
        "The minister said that the visitors flew to Bora Bora bora last week, and that "
        "the the island was busy with people who had come for the summer."
    )
    diagnostics = [d for d in LINTER.lint(text) if d.code == "SL204"]
    assert [text[d.start : d.end] for d in diagnostics] == ["Bora bora", "the the"]


def test_unquoted_speech_is_found_after_an_introduction_ending_in_spaces() -> None:
    text = seed(
        "The minister spoke to the press on Monday morning and said:  \n\n"
        "We will win this election, and our plan will bring the country together."
    )
    diagnostics = [d for d in LINTER.lint(text) if d.code == "SL305"]
    assert [text[d.start : d.end] for d in diagnostics] == [
        "We will win this election, and our plan will bring the country together."
    ]


APOSTROPHE_DEFINITIONS = {  # what the patterns mean, spelt the way that is slow to search
    "curly": re.compile(r"(?<=[^\W\d_])\u2019(?=[^\W\d_])"),
    "straight": re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])"),
}


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet="ab'’ 1_é²\n-", max_size=16), st.integers(0, 4))
def test_apostrophe_patterns_find_the_marks_between_two_letters(text: str, start: int) -> None:
    for name, found in (("curly", APOSTROPHE_CURLY), ("straight", APOSTROPHE_STRAIGHT)):
        meant = APOSTROPHE_DEFINITIONS[name]
        assert [m.span() for m in found.finditer(text, start)] == [
            m.span() for m in meant.finditer(text, start)
        ]


def test_the_repeated_word_rule_is_searched_by_the_scan() -> None:
    assert RULES["SL204"].state.repeats_only


HEAD = _candidates.REPEAT_HEAD  # what the bundled rule starts with


@pytest.mark.parametrize(
    "source",
    [
        r"([A-Za-z]+)[ \t]+(\1)(?![\w'’-])",  # no look-behind: may start inside a word
        HEAD + r"x([A-Za-z]+)[ \t]+(\1)(?![\w'’-])",  # a character before the word
        HEAD + r"(?!a)|([A-Za-z]+)[ \t]+(\1)(?![\w'’-])",  # an alternative
        HEAD + r"(?:(?!a))?([A-Za-z]+)[ \t]+(\1)(?![\w'’-])",  # a group, no look-around
        HEAD + r"(?!a)([A-Za-z]+)[ \t]+(\1)",  # a word after the repeat may follow
        HEAD + r"(?!a[)])b)([A-Za-z]+)[ \t]+(\1)(?![\w'’-])",  # unbalanced
        HEAD + r"([A-Za-z]+)[ \t]+(\1)(?!\.\w|[\w'’-])",  # another first alternative
        HEAD + r"([A-Za-z]+)[ \t]+(\1)(?![\w'’-])x",  # more after the look-ahead
        HEAD + r"([A-Za-z]+)[ \t]+(\1)(?![\w'’-]x)",  # a longer first alternative
    ],
)
def test_patterns_of_another_shape_are_searched_everywhere(source: str) -> None:
    assert not _candidates.repeated_word_shape(source)


def test_a_repeated_word_pattern_given_in_rule_options_is_searched_everywhere() -> None:
    linter = Linter(
        list(RULES.values()),
        LintSettings(rule_options={"SL204": {"regex": r"\b(\w+) (\1)\b"}}),
    )
    (rule,) = [r for r in linter.rules if r.code == "SL204"]
    assert not rule.state.repeats_only
    text = seed("The minister said that 25 25 people came to the the meeting on Monday.")
    found = [text[d.start : d.end] for d in linter.lint(text) if d.code == "SL204"]
    assert found == ["25 25", "the the"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.text(alphabet="aB's’_1² é-\n", max_size=30),
    st.text(alphabet="aB's’ é-", min_size=1, max_size=4),
)
def test_possessive_counts_are_what_the_regex_counts(text: str, word: str) -> None:
    pattern = rf"(?<![\w'’]){re.escape(word)}(?![\w'’])"
    assert _word_uses.occurrences(text, word) == len(re.findall(pattern, text))


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.text(alphabet="aB's’_1² é-\n", max_size=40),
    st.text(alphabet="aB's’ é-", min_size=1, max_size=5),
)
def test_possessive_counts_of_a_long_text_are_what_the_regex_counts(text: str, word: str) -> None:
    # a long text's words are counted once and looked up: the same counts as a scan
    pattern = rf"(?<![\w'’]){re.escape(word)}(?![\w'’])"
    with counted_words(long=True):
        assert _word_uses.occurrences(text, word) == len(re.findall(pattern, text))


# where a name stands, as the possessive rules ask it: each finder and the regex it equals
NAME_PLACES = {
    "uses_of": r"(?<![\w'’.-]){}(?![\w'’-])",
    "_alone_uses": r"(?<![\w'’.-]){}(?=['’]s\b|[^\w'’-]|\Z)",
}


@pytest.mark.parametrize("finder", sorted(NAME_PLACES))
@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.text(alphabet="aB's’_1² é.-\n", max_size=40),
    st.text(alphabet="aB's’ é.-", min_size=1, max_size=5),
    st.booleans(),
)
@example("Ba's' x Ba's’a x Ba’s x .Ba's' x Ba x Ba-s", "Ba", True)  # runs that go on
def test_where_a_name_stands_is_what_the_regex_finds(
    finder: str, text: str, stem: str, long: bool
) -> None:
    # in a long text only the index's places of the stem's runs are tried: the same spans
    pattern = NAME_PLACES[finder].format(re.escape(stem))
    expected = [m.span() for m in re.finditer(pattern, text)]
    with counted_words(long=long):
        assert list(getattr(_word_uses, finder)(text, stem)) == expected


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Mr", "Dr.", "Mrs", "St", "Ba", "ba", "Ba's", "é", "-", "."]), max_size=12
    ),
    st.lists(st.sampled_from([" ", "\u00a0", "", "  ", "\n"]), min_size=12, max_size=12),
    st.sampled_from(["Ba", "Mr", "Ba's"]),
    st.booleans(),
)
@example(["Mr"] * 6 + ["St", "Mr", "Mr"], [" ", "", " ", " ", "", " "] + [" "] * 6, "Mr", False)
def test_a_name_after_a_title_is_what_the_regex_finds(
    words: list[str], gaps: list[str], stem: str, long: bool
) -> None:
    # asked of the stem's places, not by a scan of the text per stem: the same answer as
    # a scan that tries every place (a look-ahead: "St Mr Mr" holds "Mr Mr" too)
    text = joined(words, gaps)
    pattern = rf"\b(?=([A-Z][a-z]+)\.?[ \u00a0]+{re.escape(stem)}(?![\w'’-]))"
    titles = _word_uses.PERSON_TITLES
    expected = any(m.group(1).lower() in titles for m in re.finditer(pattern, text))
    with counted_words(long=long):
        assert _word_uses.after_title(text, stem) == expected


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(
        st.sampled_from(["HDT", "Inc", "Ltd.", "Corp", "é", "-", ".", "'s", "&"]), max_size=10
    ),
    st.lists(st.sampled_from([" ", "\n", "", "  "]), min_size=10, max_size=10),
    st.sampled_from(["HDT", "Inc", "Ltd", "DT", "HDT's"]),
)
@example(["HDT", "Inc", "Ltd"], [" "] * 10, "Inc")  # company suffixes one after another
def test_company_names_are_what_the_regex_finds(
    words: list[str], gaps: list[str], stem: str
) -> None:
    # gathered once per text, not searched per name: the same answers
    text = joined(words, gaps)
    pattern = rf"(?<![\w'’.-]){re.escape(stem)}\s+{_word_uses.COMPANY}"
    assert _word_uses.names_company(text, stem) == (re.search(pattern, text) is not None)


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(
        st.sampled_from(["BNP", "(BNP)", "British", "of", "&", "Party", "(", ")", "x"]), max_size=9
    ),
    st.lists(st.sampled_from([" ", "  ", "", "\n", " \t"]), min_size=9, max_size=9),
)
def test_an_acronym_spelt_out_is_what_the_first_pattern_finds(
    words: list[str], gaps: list[str]
) -> None:
    # one run of spaces before each word of the name: the same names as the pattern that
    # split a run between two quantifiers (and took a long run's square to fail)
    text = joined(words, gaps)
    name = r"[A-Z][\w&.-]*(?:\s+(?:of|and|for|the|on|&)?\s*[A-Z][\w&.-]*)+"
    first = re.search(rf"({name})\s+\(BNP\)|\bBNP\s+\(({name})\)", text)
    expected = None if first is None else first.group(1) or first.group(2)
    assert _possessive._spelt_out(text, "BNP") == expected


PHRASE_WORDS = ["Ba's", "ba", "Robert", "Ka", "eBa’s", "s", "'s", "-", "Ba"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(st.sampled_from(PHRASE_WORDS), max_size=10),
    st.lists(st.sampled_from([" ", "  ", "\u00a0", "\n", ""]), min_size=10, max_size=10),
    st.sampled_from(PHRASE_WORDS),
    st.sampled_from(PHRASE_WORDS),
)
@example(["Ba's", "Ba's", "Ka", "ba"], [" "] * 10, "Ka", "ba")  # possessives that overlap
def test_the_words_after_possessives_are_what_the_regex_finds(
    words: list[str], gaps: list[str], first: str, second: str
) -> None:
    # found once per document, not searched per name: the same answers
    text = joined(words, gaps)
    owned, _ = _name_possessive._possessives_before(Document(text))
    phrase = rf"{re.escape(first)}[ \t\u00a0]+{re.escape(second)}"
    found = re.search(rf"[A-Z][\w.-]*['’]s {phrase}(?![\w'’-])", text) is not None
    # a phrase is asked only as two words a name + s is followed by
    if _name_possessive.FOLLOWING_WORDS.fullmatch(f" {first} {second}"):
        assert ((first, second) in owned) == found


def test_a_long_text_keeps_the_places_of_capitalised_words_only() -> None:
    text = "Bora said 'Bora' and said BORA’s 1st bora Bora's said."
    runs = WordRuns(text)
    assert [runs.holds(word) for word in ("Bora", "BORA’s", "1st", "'Bora'", "said")] == [
        True, True, True, True, False,
    ]  # fmt: skip
    assert (runs.count("Bora"), runs.count("Bora's"), runs.count("said")) == (1, 1, 0)
    assert runs.count_pair("said", "BORA’s") == 1
    with counted_words(long=True):  # a word it does not keep is counted by a scan
        assert _word_uses.occurrences(text, "said") == 3
        assert _word_uses.occurrences(text, "Bora said") == 1


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet="AbcMZs.'’&-_ 1é\n", max_size=24), st.integers(0, 4))
def test_capitalised_plurals_are_found_as_the_plain_pattern_finds_them(text: str, at: int) -> None:
    plain = re.compile(
        word_head(r"\w.'’&-") + r"([A-Z](?:[a-z]{2,}|[a-z](?=[A-Z]))(?:[A-Z][a-z]+)*)s(?![\w'’-])"
    )
    assert [m.span(1) for m in _possessive.NAME_S.finditer(text, at)] == [
        m.span(1) for m in plain.finditer(text, at)
    ]


LARGE_TEXT_SAMPLES = [
    *(
        p.read_text(encoding="utf-8")
        for p in sorted(ROOT.glob("tests/data/wikinews/wikinews_en/0*.txt"))[:12]
    ),
    "the the THE The. a a\ta 5 5 x x-x ı ı bora bora",
    "Said İstanbul said the\nthe ΣΑΣ Bora\n\nBora said, Minister Bora's",
    "",
]
# words and names the rules look up where they stand in the lower-cased text
LOOKED_UP = ["the", "said", "minister", "bora", "government", "i̇stanbul"]


def large_text_answers(text: str) -> tuple[object, ...]:
    doc = Document(text)
    state = RULES["SL202"].state
    return (
        doc.lower_words,
        _candidates.repeated_words(doc),
        minhash.shingle_hashes(text, 5).tolist(),
        [m.span() for m in substitution._phrase_matches(doc, state)],
        [list(word_occurrences(text, doc.lowered, word)) for word in LOOKED_UP],
        [_names.names_of(doc).is_name(word) for word in LOOKED_UP],
    )


def test_large_texts_give_what_ordinary_ones_give(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past LARGE_TEXT characters words are gathered one at a time: the same words."""
    ordinary = [large_text_answers(text) for text in LARGE_TEXT_SAMPLES]
    monkeypatch.setattr(document, "LARGE_TEXT", 0)
    monkeypatch.setattr(_candidates, "LARGE_TEXT", 0)
    monkeypatch.setattr(minhash, "LARGE_TEXT", 0)
    monkeypatch.setattr(minhash, "LARGE_PIECE", 64)  # many pieces
    monkeypatch.setattr(document, "LOWER_PIECE", 64)
    assert [large_text_answers(text) for text in LARGE_TEXT_SAMPLES] == ordinary


def plain_names_and_lower(doc: Document) -> tuple[frozenset[str], frozenset[str]]:
    """The names and the words written in lower case, word by word along each paragraph."""
    names: set[str] = set()
    lower: set[str] = set()
    for span in doc.paragraphs:
        paragraph = doc.paragraph_text(span)
        tokens = list(_names.TOKEN.finditer(paragraph))
        heading = not paragraph.rstrip().endswith(_names.SENTENCE_ENDS) and _names.title_case(
            [t.group() for t in tokens]
        )
        for number, token in enumerate(tokens):
            word = token.group()
            if word.islower():
                lower.add(word)
            elif not heading and word[0].isupper() and not word.isupper():
                following = tokens[number + 1] if number + 1 < len(tokens) else None
                in_run = following is not None and _names._joined(paragraph, token, following)
                if in_run or not _names.sentence_start(paragraph, token.start()):
                    names.add(word.lower())
    return frozenset(names - lower), frozenset(lower)


# letters and marks at the edges: İ lower-cases to two characters, Σ by its context, ϒ
# not at all though it is a capital
NAME_PIECES = [
    "a",
    "ab",
    "Ab",
    "AB",
    "aB",
    "Ba",
    "Abcd",
    "Abcd Abcd",
    "Éa",
    "é",
    "İ",
    "Σ",
    "σ",
    "ϒa",
]
NAME_PIECES += [" ", " ", " ", ". ", "\n", "\n\n", "'", "’", "“", "1", "_", "²", "-"]
NAME_TEXT = st.lists(st.sampled_from(NAME_PIECES), max_size=30).map("".join)
ASKED = ["a", "ab", "abcd", "b", "é", "éa", "a'b", "a’b", "ba", "A", "Ab", "aB", "ϒa", "σ", "i̇", ""]


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(st.booleans(), NAME_TEXT, st.sampled_from(ASKED))
def test_names_and_lower_words_are_what_a_word_by_word_reading_finds(
    header: bool, body: str, word: str
) -> None:
    text = seed(body) if header else body
    names, lower = plain_names_and_lower(Document(text))
    # asked before the set is made (found where the word stands), and after it
    asked = _names.names_of(Document(text))
    assert asked.is_name(word) is (word.lower() in names)
    assert asked.writes_lower(word) is (word.lower() in lower)
    assert (asked.names, asked.lower) == (names, lower)
    assert asked.is_name(word) is (word.lower() in names)
    other = _names.names_of(Document(text))
    assert other.writes_lower(word) is (word.lower() in lower)
    assert other.is_name(word) is (word.lower() in names)
    # a large text's lower case is read in pieces of a line or two
    large, piece = document.LARGE_TEXT, document.LOWER_PIECE
    document.LARGE_TEXT, document.LOWER_PIECE = 0, 2
    try:
        assert _names.names_of(Document(text)).is_name(word) is (word.lower() in names)
    finally:
        document.LARGE_TEXT, document.LOWER_PIECE = large, piece


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(st.booleans(), NAME_TEXT, st.lists(st.sampled_from(ASKED), max_size=6))
def test_words_past_the_lookups_in_place_are_answered_alike(
    header: bool, body: str, words: list[str]
) -> None:
    """Past LOOKUPS_IN_PLACE distinct words a text is read for all its words at once: the
    answers are the same."""
    text = seed(body) if header else body
    names, lower = plain_names_and_lower(Document(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_names, "LOOKUPS_IN_PLACE", 1)
        asked = _names.names_of(Document(text))
        for word in words:
            assert asked.writes_lower(word) is (word.lower() in lower)
            assert asked.is_name(word) is (word.lower() in names)


RUN_TEXT = st.text(alphabet="abz09'’\u2018 \n-_é²İK\udcff\x01AZ", max_size=40)


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(RUN_TEXT)
def test_runs_and_words_split_from_bytes_are_what_the_patterns_find(text: str) -> None:
    lower = text.lower()
    assert list(document.ascii_runs(lower)) == re.findall("[a-z]+", lower)
    assert list(document.ascii_runs(lower, digits=True)) == re.findall("[a-z0-9]+", lower)
    words, marked = document.letter_words(lower)
    assert words == set(document.LETTER_RUN.findall(lower))
    assert {w for w in words if "'" in w or "’" in w} <= set(marked) <= words


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(st.text(alphabet="ABZ19sb.'’&-_ é\n", max_size=24), st.integers(0, 4))
def test_acronym_plurals_are_found_as_the_plain_pattern_finds_them(text: str, at: int) -> None:
    plain = re.compile(
        word_head(r"\w.'’&-") + r"((?=[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z])[A-Z0-9]{2,})s(?![\w'’-])"
    )
    assert [m.span(1) for m in _possessive.ACRONYM_S.finditer(text, at)] == [
        m.span(1) for m in plain.finditer(text, at)
    ]


def apostrophe_words() -> list[str]:
    options = RULES["SL210"].options
    return [*options["possessives"][:40], *options["phrases"], "Hong Kong", "x"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from(apostrophe_words()) | st.sampled_from([*EDGES, "s"]), max_size=30))
def test_bare_possessives_and_phrases_are_found_as_the_plain_patterns_find_them(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    options = RULES["SL210"].options
    names, phrases = options["possessives"], list(options["phrases"])
    plain_names = re.compile(
        f"{apostrophe.BOUNDARY_BEFORE}(?:{apostrophe._alternation(names)})(s)"
        f"{apostrophe.BOUNDARY_AFTER}"
    )
    plain_phrases = re.compile(
        f"{apostrophe.BOUNDARY_BEFORE}(?:{apostrophe._alternation(phrases)})"
        f"{apostrophe.BOUNDARY_AFTER}"
    )
    state = RULES["SL210"].state
    assert state.phrase is not None
    every_name = apostrophe.possessive_pattern(tuple(sorted(names)))  # a document's are fewer
    for fast, plain in ((every_name, plain_names), (state.phrase, plain_phrases)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(
    st.text(max_size=20)
    | st.text(
        alphabet="a \x00\x1f\x7f\x81\x82\x9d\xa0\xad\u200b\u200c\u2060\ud800\udfff\ufeff\u3000",
        max_size=20,
    )
)
def test_rare_characters_answer_as_the_patterns_do(text: str) -> None:
    doc = Document(text)
    assert doc.holds(document.CONTROLS) is (whitespace.CONTROL.search(text) is not None)
    assert doc.holds(document.UNUSUAL_SPACES) is (whitespace.UNUSUAL_SPACE.search(text) is not None)
    assert doc.holds(document.INVISIBLES) is (whitespace.INVISIBLE_HINT.search(text) is not None)
    assert doc.holds(document.SURROGATES) is (linter.UNDECODABLE.search(text) is not None)


@given(st.text(alphabet="aZ9_ é’“”—–‘…\u00a0↩-.\n\ud800", max_size=24))
def test_runs_split_from_bytes_are_what_the_pattern_finds(text: str) -> None:
    lower = text.lower()
    assert list(minhash.words_of(lower)) == minhash.WORD.findall(lower)
    letters = re.compile(r"[^\W\d_]+")
    assert list(document.runs_of(text, document.LETTER_TABLE, letters)) == letters.findall(text)


@given(st.text(alphabet="aZ9_ é’“”—–‘…\u00a0İK-.\n\ud800", max_size=40))
def test_words_hashed_from_bytes_are_the_words_hashed_one_by_one(text: str) -> None:
    words = minhash.WORD.findall(text.lower())
    spaced = minhash.spaced_words(text)
    assert spaced.endswith(b" ")
    assert spaced.split() == [w.encode("utf-8", "surrogatepass") for w in words]
    assert minhash.word_hashes(spaced).tolist() == [minhash.word_hash(w) for w in words]


def test_a_word_longer_than_the_power_table_is_hashed_as_plainly() -> None:
    word = "ab" * 3000 + "c"
    assert minhash.word_hashes(minhash.spaced_words(f"x {word} y")).tolist() == [
        minhash.word_hash("x"),
        minhash.word_hash(word),
        minhash.word_hash("y"),
    ]
    assert minhash.word_hash(word) != minhash.word_hash(word[1:])


@given(
    st.lists(st.text(alphabet="ab C’\u00a0\t.", max_size=8), max_size=5),
    st.sampled_from(["\n\n", "\n \n", "\n\n\n", "\n"]),
    st.text(alphabet=" \n\t", max_size=3),
)
def test_a_body_hashed_from_its_paragraphs_is_hashed_as_a_whole(
    paragraphs: list[str], separator: str, trailing: str
) -> None:
    """The fingerprint hashes the body from its paragraphs' normal forms where nothing but
    whitespace lies outside them: the same digest as the body's own normal form."""
    text = "date 2024-01-01 T\n\n" + separator.join(paragraphs) + trailing
    title, body, offset, spans = seed_parts(text)
    found = fingerprint("k", title, body, offset, spans, CorpusSettings())
    assert found.body_hash == body_hash(body)
    # paragraphs that leave text out, or run out of order, are no short cut
    if len(spans) >= 2:
        for chosen in (spans[1:], spans[::-1]):
            found = fingerprint("k", title, body, offset, chosen, CorpusSettings())
            assert found.body_hash == body_hash(body)


PAIR_PIECES = [
    *"“”\"«»„‘’'()[]:;",
    "rock 'n' roll",
    "'til",
    "players’ ",
    "5'10\"",
    "a) ",
    "He said. ",
]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["SL301", "SL302", "SL303"]),
    st.lists(st.sampled_from([*PAIR_PIECES, "word", " ", "\n\n", "\n \n"]), max_size=30).map(
        "".join
    ),
)
def test_paragraph_scans_are_what_scanning_every_marked_paragraph_finds(
    code: str, text: str
) -> None:
    state = RULES[code].state
    doc = Document(text)
    marked = [state.marks.search(text, p.start, p.end) is not None for p in doc.paragraphs]
    scans = [
        pairs._scan(doc.paragraph_text(p), state) if has else ([], [], [])
        for p, has in zip(doc.paragraphs, marked, strict=True)
    ]
    found = pairs.paragraph_scans(doc, state)
    if found is None:  # nothing unmatched anywhere
        assert all(scan == ([], [], []) for scan in scans)
    else:
        assert found == (scans, marked)


SPEECH_PIECES = [
    *["said", "Said", "told", "went on to say", "was ", "were", "us", "the", "a", "in", "at"],
    *["statement", "meeting", "news-conference", "(", "Roth", "I", " ", "  ", "\n", "\xa0"],
]
SPACE = st.sampled_from([" ", "  ", "\n", "\xa0", "\t "])


def introductions() -> st.SearchStrategy[str]:
    """A speech introduction, its optional parts each there or not, whitespace between."""
    verb = st.sampled_from(["said", "(told", "went on to say", "Went  on to say"])
    hearer = st.tuples(SPACE, st.sampled_from(["us", "reporters", ""])).map("".join)
    occasion = st.tuples(
        SPACE,
        st.sampled_from(["in", "at"]),
        SPACE,
        st.sampled_from(["a", "the"]),
        SPACE,
        st.sampled_from(["statement", "news-conference"]),
    ).map("".join)
    return st.tuples(verb, hearer | st.just(""), occasion | st.just(""), SPACE | st.just("")).map(
        "".join
    )


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.booleans(),
    st.lists(st.sampled_from(SPEECH_PIECES), max_size=12).map("".join),
    introductions() | st.just(""),
    st.sampled_from([",", ":", ", ", ":\n", " ,"]),
)
def test_a_speech_introduction_is_found_from_where_it_can_start(
    own_verbs: bool, text: str, introduction: str, end: str
) -> None:
    options = {"pairs": ["“”", '""'], "mixed": True, "speech-verbs": ["went on to say"]}
    state = quotation.KIND.build("unquoted-speech", options) if own_verbs else RULES["SL305"].state
    paragraph = text + introduction + end
    start = quotation._introduction_start(paragraph, state.speech_words)
    expected = state.speech.search(paragraph)
    found = state.speech.search(paragraph, start)
    assert (found and found.span()) == (expected and expected.span())


REOPENING_PIECES = [
    *"“”\"'.!?…)",
    *["He said. ", "It ended.” ", "word", " ", "\n\n", "\n", "\xa0"],
    *["“We rose. “", "“We rose.)  “", '“Yes!\t"', '"No… "', "“So.\n“"],
]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from(REOPENING_PIECES), max_size=30).map("".join))
def test_every_paragraph_with_a_reopening_is_among_those_that_may_hold_one(text: str) -> None:
    state = RULES["SL304"].state.marks
    doc = Document(text)
    reopened = [
        span for span in doc.paragraphs if pairs.scan_reopenings(doc.paragraph_text(span), state)[3]
    ]
    candidates = pairs.reopening_paragraphs(doc, state)
    assert candidates == sorted(set(candidates), key=lambda span: span.start)
    assert set(reopened) <= set(candidates)


FACE_PIECES = [*":;=-()o'^ \nx", ":-)", " ;-(", "=)", " :)", "x:-(", " :))", " :'(", "))))"]
FACE_PIECES += [" ):", " (-:", " ((:", "x):"]  # faces mouth first
FACE_PIECES += [" :]", " ;-[", "]", "[", " :]]"]  # mouths of square brackets


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from(FACE_PIECES), max_size=14).map("".join))
@example(" :))))")
def test_faces_are_found_as_the_face_pattern_finds_them(text: str) -> None:
    # plainly: a bracket is a face's when a face standing on its own covers it, eyes
    # first or mouth first
    in_faces = set()
    for eyes in range(len(text)):
        alone = eyes == 0 or text[eyes - 1].isspace()
        face = _marks.FACE.match(text, eyes)
        if face and alone:
            in_faces.update(i for i in range(eyes + 1, face.end()) if text[i] in "()")
        mirrored = _marks.MIRRORED_FACE.match(text, eyes)
        if mirrored and alone:
            in_faces.update(i for i in range(eyes, mirrored.end()) if text[i] in "()")
    for position in range(len(text)):
        if text[position] in "()":
            assert _marks.in_face(text, position) == (position in in_faces)


ATTRIBUTION_PIECES = [*"“, .x", ", said Jane ", ", Jane Doe said.", ", says Dr. Roe,", "Ann noted;"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(st.sampled_from(ATTRIBUTION_PIECES), max_size=16).map("".join),
    st.lists(st.integers(0, 120), max_size=8).map(sorted),
)
def test_attributions_after_positions_are_what_a_search_from_each_finds(
    text: str, positions: list[int]
) -> None:
    first_after = _attributions.inner_attributions(text)
    for position in positions:
        expected = _attributions.INNER_ATTRIBUTION.search(text, position)
        found = first_after(position)
        assert (found and found.span()) == (expected and expected.span())
