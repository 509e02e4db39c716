"""The fixer (seedlint.engine.fixer): which fixes go together (no two edits overlap, the
earliest first), how they are applied, pass after pass until none is left; the growth
guard that stops a fix which re-creates what it fixes; line endings kept; golden results
on the raw sample, and pathological lines that still converge."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import seedlint
from conftest import SAFE_FIXED, UNSAFE_FIXED, default_linter, seed
from helpers import pattern_rule
from seedlint.engine.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from seedlint.engine.fixer import (
    MAX_PASSES,
    FixDidNotConverge,
    apply,
    choose,
    fix_document,
    line_break_style,
    overlaps,
)
from seedlint.engine.linter import Linter

# --- overlapping edits -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("taken", "edit", "expected"),
    [
        ((2, 5), (5, 8), False),  # touching end to start
        ((5, 8), (2, 5), False),
        ((2, 5), (4, 6), True),  # sharing a character
        ((2, 5), (0, 9), True),  # around it
        ((2, 5), (3, 3), True),  # an insertion inside
        ((2, 5), (5, 5), True),  # an insertion at an edge: which side would it go?
        ((2, 5), (2, 2), True),
        ((4, 4), (4, 4), True),  # two insertions at one place: in which order?
        ((4, 4), (4, 6), True),
        ((4, 4), (5, 5), False),
        ((2, 5), (6, 9), False),
    ],
)
def test_overlaps(taken: tuple[int, int], edit: tuple[int, int], expected: bool) -> None:
    assert overlaps([Edit(*taken, "x")], Edit(*edit, "y")) is expected


def diagnostic(code: str, *edits: tuple[int, int, str], safe: bool = True) -> Diagnostic:
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    start = min(e[0] for e in edits)
    return Diagnostic(
        code, code.lower(), Severity.WARNING, "m", "<text>", start, start, 1, 1, 1, 1,
        Fix(applicability, "fix", tuple(Edit(*e) for e in edits)),
    )  # fmt: skip


def test_choose_takes_the_earliest_fixes_that_do_not_overlap() -> None:
    first = diagnostic("HS003", (0, 4, "a"))
    clash = diagnostic("HS001", (2, 6, "b"))  # overlaps the first: left for the next pass
    later = diagnostic("HS002", (6, 8, "c"), (10, 12, "d"))  # both its edits, or none
    blocked = diagnostic("HS004", (8, 9, "e"), (11, 11, "f"))  # its second edit clashes
    unfixable = Diagnostic("HS005", "n", Severity.ERROR, "m", "<text>", 0, 1, 1, 1, 1, 2)
    chosen = choose([later, blocked, unfixable, clash, first], unsafe=False)
    assert [d.code for d in chosen] == ["HS003", "HS002"]


def test_choose_takes_unsafe_fixes_only_when_asked_and_never_self_overlapping_ones() -> None:
    unsafe = diagnostic("HS001", (0, 2, "a"), safe=False)
    knotted = diagnostic("HS002", (4, 8, "b"), (6, 9, "c"))
    assert choose([unsafe, knotted], unsafe=False) == []
    assert [d.code for d in choose([unsafe, knotted], unsafe=True)] == ["HS001"]


def test_apply_edits_in_any_order() -> None:
    text = "0123456789"
    edits = [Edit(8, 10, "E"), Edit(0, 0, "<"), Edit(2, 4, ""), Edit(5, 6, "FIVE")]
    assert apply(text, edits) == "<014FIVE67E"
    assert apply(text, list(reversed(edits))) == "<014FIVE67E"
    assert apply(text, []) == text


# --- passes ----------------------------------------------------------------------------


def test_fixes_repeat_until_nothing_is_left_and_record_what_they_did() -> None:
    # the second rule's match appears only once the first rule's fix is made
    linter = Linter([pattern_rule("HS001", "colour", "color"), pattern_rule("HS002", "lor", "LOR")])
    result = fix_document(linter, "date 2024-01-18 T\n\nA colour.\n")
    assert result.text == "date 2024-01-18 T\n\nA coLOR.\n"
    assert [(a.code, a.row, a.column, a.before, a.after) for a in result.applied] == [
        ("HS001", 3, 3, "colour", "color"),
        ("HS002", 3, 5, "lor", "LOR"),
    ]
    assert result.remaining == []


def test_a_fix_that_re_creates_what_it_fixes_stops_at_once() -> None:
    """'agreed' -> 'agreed agreed' would double the text on every pass: the second pass
    sees more fixes offered than the first applied, and the fixer stops there."""
    linter = Linter([pattern_rule("HS001", "agreed", "agreed agreed")])
    text = seed("The government agreed.")
    with pytest.raises(FixDidNotConverge) as error:
        fix_document(linter, text, "a.txt")
    assert error.value.codes == ["HS001"]
    assert str(error.value) == (
        "a.txt: fixes of HS001 did not converge (each fix re-creates what it fixes); "
        "the text was not changed"
    )


def test_a_fix_that_never_settles_stops_after_the_last_pass() -> None:
    """Each pass adds one character: the same number of fixes every time, never done."""
    linter = Linter([pattern_rule("HS001", r"(x+)\.", r"\1x.")])
    with pytest.raises(FixDidNotConverge, match=f"still fixing after {MAX_PASSES} passes"):
        fix_document(linter, seed("x."), "a.txt")


def test_a_fix_that_grows_the_text_without_end_is_stopped() -> None:
    """Each pass doubles the dots of one run: one fix a pass, but the text outgrows its
    bound long before the passes run out."""
    linter = Linter([pattern_rule("HS001", r"(\.+)!", r"\1\1!")])
    with pytest.raises(FixDidNotConverge, match="the text kept growing"):
        fix_document(linter, seed("." * 1000 + "!"), "a.txt")


# --- line endings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("a\nb\n", "\n"),
        ("a\r\nb\r\n", "\r\n"),
        ("a\rb\r", "\r"),
        ("a\r\nb\n", "\n"),  # mixed: fixed as LF
        ("a\r\nb\r", "\n"),
        ("no break", "\n"),
    ],
)
def test_line_break_style(text: str, style: str) -> None:
    assert line_break_style(text) == style


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_fixes_keep_a_texts_line_breaks_unless_a_rule_converts_them(newline: str) -> None:
    text = "date 2024-01-18 T\n\nThe goverment agreed.\n\n\n\nSecond.\n".replace("\n", newline)
    kept = fix_document(default_linter(select=("SL203", "SL105")), text)
    assert kept.text == (
        "date 2024-01-18 T\n\nThe government agreed.\n\nSecond.\n".replace("\n", newline)
    )
    assert kept.remaining == []
    converted = fix_document(default_linter(select=("SL203", "SL105", "SL106")), text)
    assert converted.text == "date 2024-01-18 T\n\nThe government agreed.\n\nSecond.\n"


def test_a_text_of_mixed_line_breaks_is_fixed_as_it_is() -> None:
    text = "date 2024-01-18 T\r\n\nThe goverment agreed.\r"
    fixed = fix_document(default_linter(select=("SL203",)), text).text
    assert fixed == "date 2024-01-18 T\r\n\nThe government agreed.\r"


# --- the bundled rules -----------------------------------------------------------------


def test_api_safe_and_unsafe_match_the_golden_files(sample_text: str) -> None:
    safe, applied = seedlint.fix_text(sample_text)
    assert safe == SAFE_FIXED.read_text(encoding="utf-8")
    assert [(a.code, a.before, a.after) for a in applied] == [
        ("SL001", " ", ""),
        ("SL210", "", "’"),
        ("SL201", "Minster", "Minister"),
        ("SL010", "", "\n"),
    ]
    unsafe, _ = seedlint.fix_text(sample_text, unsafe=True)
    assert unsafe == UNSAFE_FIXED.read_text(encoding="utf-8")
    assert unsafe.endswith("including AI.”\n")  # the dangling paragraph gone, the quote marked
    assert seedlint.lint_text(unsafe) == []


def test_adjacent_fixes_are_all_applied() -> None:
    text = seed("The goverment  recieved it.\u200b")
    fixed, applied = seedlint.fix_text(text)
    assert fixed == seed("The government received it.")
    assert len(applied) == 4


@pytest.mark.parametrize(
    "make",
    [
        lambda n: " " * n + "x",
        lambda n: "\n" * n + "x",
        lambda n: "“" * n,
        lambda n: "(" * n,
        lambda n: "\u200b" * n,
        lambda n: "&amp;" * (n // 5),
        lambda n: "a\udce9" * (n // 2),
        lambda n: "the goverment dont UKs " * (n // 23),
    ],
)
def test_worst_case_lines_are_linted_and_fixed(make: Callable[[int], str]) -> None:
    text = "date 2024-01-18 T\n\n" + make(20_000) + "\n"
    fixed, _ = seedlint.fix_text(text, unsafe=True)
    assert seedlint.fix_text(fixed, unsafe=True)[1] == []
