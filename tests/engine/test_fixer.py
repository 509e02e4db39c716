"""The fixer (seedlint.engine.fixer): fixes applied pass after pass until none is left,
golden results on the raw sample, and pathological lines that still converge."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import seedlint
from conftest import SAFE_FIXED, UNSAFE_FIXED, seed


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
    assert unsafe.endswith("including AI.\n")
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
