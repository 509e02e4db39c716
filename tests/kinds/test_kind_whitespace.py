"""The whitespace kind, through the bundled rules on it (SL101-SL109): stray, invisible
and control characters and line endings, and the typography that is not damage."""

from __future__ import annotations

import pytest

import seedlint
from conftest import seed
from helpers import fixed, found


@pytest.mark.parametrize(
    ("body", "code", "clean"),
    [
        ("Text.  \n\nMore.", "SL101", "Text.\n\nMore."),
        ("Text.\n\n   More.", "SL102", "Text.\n\nMore."),
        ("One\ttwo.", "SL103", "One two."),
        ("One  two.", "SL104", "One two."),
        ("One.\n\n\n\nTwo.", "SL105", "One.\n\nTwo."),
        ("One.\n\n\u00a0Two.", "SL107", "One.\n\nTwo."),
        ("Hid\u200bden and soft\u00adhyphen.", "SL108", "Hidden and softhyphen."),
        ("A bell\u0007 rang\u001b.", "SL109", "A bell rang."),
    ],
)
def test_whitespace_checks(body: str, code: str, clean: str) -> None:
    assert code in {c for c, _ in found(seed(body), "SL1")}
    assert fixed(seed(body), code) == seed(clean)


@pytest.mark.parametrize(
    ("body", "run"),
    [
        ("Text.\u00a0\n\nMore.", "\u00a0"),
        ("Text. \u00a0 \n\nMore.", " \u00a0 "),
        ("Text.\n\n\u00a0More.", "\u00a0"),
        ("Text.\n\n \u00a0\tMore.", " \u00a0\t"),
        ("Text.\n\n\u2003\n\nMore.", "\u2003"),
        ("Text.\u202f", "\u202f"),
    ],
)
def test_a_run_at_a_line_edge_draws_one_finding(body: str, run: str) -> None:
    """A run of whitespace at a line's edge that holds a no-break or other Unicode space
    is one damage: SL107 reports the whole run, and the trailing and indentation rules
    (which find runs of spaces and tabs) leave it alone."""
    assert found(seed(body), "SL1") == [("SL107", run)]
    assert fixed(seed(body), "SL1") == seed(body.replace(run, "").replace("\n\n\n\n", "\n\n"))


def test_crlf_is_one_finding_fixed_everywhere() -> None:
    text = "date 2024-01-18 T\r\n\r\nOne.\r\n\r\nTwo.\r\n"
    diagnostics = seedlint.lint_text(text, select=["SL106"])
    assert len(diagnostics) == 1 and "CRLF" in diagnostics[0].message
    assert fixed(text, "SL106") == "date 2024-01-18 T\n\nOne.\n\nTwo.\n"
    assert "mixed" in seedlint.lint_text(text + "Three.\n", select=["SL106"])[0].message


def test_typography_is_not_damage() -> None:
    text = seed(
        "It is 10\u00a0km long.  Two spaces after a sentence are fine.\n\n"
        "Persian uses a joiner: می\u200cخواهم."
    )
    assert found(text, "SL1") == []
