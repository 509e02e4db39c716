"""A substitution rule's words and phrases, looked up bucket by bucket from its lists
(``Corrections``), are those of one table of every entry built as the rule reads it: the
lists in order, the swaps over them, the excludes taken out."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from seedlint.engine.options import resolve
from seedlint.kinds import _wordlists
from seedlint.kinds.substitution import KIND, WORD_BY_WORD_DOCUMENTS, Corrections

words = st.text("abteé ", min_size=0, max_size=4)
entries = st.dictionaries(words, st.sampled_from(["x", "y|", "a|b", ""]), max_size=12)


def one_table(lists: list[dict[str, str]], swaps: dict[str, str], exclude: list[str]) -> dict:
    """The rule's table as one dictionary: every list, then the swaps, less the excludes."""
    table: dict[str, str] = {}
    for listed in lists:
        table.update(listed)
    table.update({key.lower(): value for key, value in swaps.items()})
    for word in exclude:
        table.pop(word.lower(), None)
    return table


@settings(max_examples=400, deadline=None)
@given(st.lists(entries, max_size=3), entries, st.lists(words, max_size=4), st.sets(words))
def test_corrections_are_one_table_of_every_entry(
    lists: list[dict[str, str]], swaps: dict[str, str], exclude: list[str], asked: set[str]
) -> None:
    expected = {k: v for k, v in one_table(lists, swaps, exclude).items() if " " not in k}
    tables = [_wordlists.Table.of(listed) for listed in lists]
    lowered = {key.lower(): value for key, value in swaps.items()}
    corrections = Corrections(
        tables, {k: v for k, v in lowered.items() if " " not in k}, {w.lower() for w in exclude}
    )
    assert bool(corrections) == bool(expected)
    for word in {*expected, *asked, *exclude}:
        assert corrections.get(word) == expected.get(word)
    document = frozenset(w for w in asked if " " not in w)
    listed = document & set(expected)
    # word by word for the first documents, by the set of every listed word afterwards
    asked_times = WORD_BY_WORD_DOCUMENTS + 2
    assert [corrections.present(document) for _ in range(asked_times)] == [listed] * asked_times


def build(options: dict[str, Any]) -> Any:
    return KIND.build("substitution", resolve(KIND.options_of("substitution"), options))


def test_phrases_keep_the_order_of_one_table() -> None:
    swaps = {"Alot Of": "a lot of", "teh": "the", "a lot": "lots"}
    exclude = ["abandonned", "a lot"]
    state = build({"lists": ["codespell"], "swap": swaps, "exclude": exclude})
    parsed = _wordlists.parse(_wordlists.source_of("codespell").read_text(encoding="utf-8"))
    table = one_table([parsed], swaps, exclude)
    expected = {" ".join(k.split()): v for k, v in table.items() if " " in k}
    assert list(state.phrases.items()) == list(expected.items())
    assert state.words.get("teh") == "the" and state.words.get("abandonned") is None
    assert state.words.get("abandonned") is None and "a lot" not in state.phrases
    assert state.words.get("accomodate") == parsed["accomodate"]
