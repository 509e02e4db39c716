"""Where a finding is, by what is there (seedlint.engine.fingerprints): the key baselines
and SARIF fingerprints use survives edits elsewhere in the file, tells repeated findings
apart by occurrence, and holds only text that JSON can carry."""

from __future__ import annotations

from helpers import pattern_rule
from seedlint.engine.fingerprints import CONTEXT, LONG_TEXT, Entry, entries
from seedlint.engine.linter import Linter

LINTER = Linter([pattern_rule("HS001", "Minster"), pattern_rule("HS002", r"X+")])


def keys(text: str) -> list[Entry]:
    return entries("a.txt", text, LINTER.lint(text, "a.txt"))


def test_an_entry_is_the_code_the_text_and_its_neighbourhood() -> None:
    text = "date 2024-01-18 T\n\nThe Deputy Prime Minster spoke\n  on Tuesday.\n"
    [entry] = keys(text)
    assert entry == Entry(
        "a.txt", "HS001", " T The Deputy Prime ", "Minster", " spoke on Tuesday. ", 0
    )
    assert len(entry.before) <= CONTEXT and len(entry.after) <= CONTEXT


def test_entries_survive_edits_elsewhere_and_rows_moving() -> None:
    body = "A long first paragraph about other things.\n\nThe Prime Minster spoke."
    before = keys(f"date 2024-01-18 T\n\n{body}\n")
    after = keys(f"date 2024-01-18 Another title\n\nA new paragraph.\n\n{body}\n")
    assert before == after


def test_equal_keys_are_told_apart_by_occurrence() -> None:
    text = "date 2024-01-18 T\n\n" + " ".join(["Prime Minster."] * 6) + "\n"
    occurrences = [(e.before, e.after, e.occurrence) for e in keys(text)]
    # the second to fourth have the same text around them; the ends of the run do not
    assert [o for *_, o in occurrences] == [0, 0, 1, 2, 0, 0]
    assert len(set(occurrences)) == 6


def test_long_flagged_text_is_kept_as_its_two_ends() -> None:
    [entry] = keys("date 2024-01-18 T\n\n" + "X" * 500 + "\n")
    assert entry.text == "X" * (LONG_TEXT // 2) + "…" + "X" * (LONG_TEXT // 2)


def test_undecodable_characters_become_replacement_characters() -> None:
    [entry] = keys("date 2024-01-18 T\n\ncaf\udce9 Minster\n")
    assert entry.before == "e 2024-01-18 T caf\ufffd " and "\udce9" not in entry.before
