"""The consistency kind, through the bundled rules on it (SL310, SL311): a document that
mixes apostrophe or quotation styles."""

from __future__ import annotations

import seedlint
from conftest import seed
from helpers import fixed


def test_mixed_apostrophes_and_quotes_are_info() -> None:
    text = seed('Japan’s and the UK’s plan, but Italy\'s. He said “yes” and "no".')
    diagnostics = seedlint.lint_text(text, select=["SL31"])
    assert {(d.code, d.severity) for d in diagnostics} == {("SL310", "info"), ("SL311", "info")}
    assert fixed(text, "SL310", unsafe=True).count("’") == 3


def test_a_curly_mark_inside_mojibake_is_no_style() -> None:
    """ "–" read as Windows-1252 is "â€“", whose last character is “: a byte of mojibake
    (SL121's finding), not a curly quotation mark mixed among straight ones."""
    text = seed('It was 40\u00e2\u20ac\u201c17 percent, "a lot" they said.')
    assert seedlint.lint_text(text, select=["SL311"]) == []
    assert [
        d.code for d in seedlint.lint_text(text + "He \u201cwent\u201d.\n", select=["SL311"])
    ] == ["SL311"]
