"""The ending kind, through the bundled rules on it (SL010, SL011): the final newline, and
texts cut off mid-sentence."""

from __future__ import annotations

import pytest

from conftest import seed
from helpers import fixed, found


def test_ending_without_newline_and_with_extra_blank_lines() -> None:
    assert fixed(seed("Text.").rstrip("\n"), "SL010") == seed("Text.")
    assert fixed(seed("Text.") + "\n\n", "SL010") == seed("Text.")


def test_truncated_ending_fix_keeps_complete_sentences() -> None:
    text = seed("First.\n\nOne sentence. And then the text stops in the")
    assert found(text, "SL011") == [("SL011", "And then the text stops in the")]
    assert fixed(text, "SL011", unsafe=True) == seed("First.\n\nOne sentence.")


@pytest.mark.parametrize(
    "end",
    [
        "Done.",
        "Done!",
        "Is it?",
        "He said: “It is done.”",
        "(It ended.)",
        "It ended…",
        "'Why?'\u2009\"",
    ],
)
def test_complete_endings(end: str) -> None:
    assert found(seed(end), "SL011") == []
