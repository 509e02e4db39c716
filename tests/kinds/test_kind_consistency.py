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
