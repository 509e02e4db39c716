"""The language kind, through the bundled rule on it (SL401): a body in a language that
is not allowed, judged only when there is enough text, and the same every time."""

from __future__ import annotations

import seedlint
from conftest import seed
from helpers import found

FRENCH = (
    "Le gouvernement français a annoncé mardi une série de mesures destinées à soutenir "
    "les entreprises touchées par la crise, selon un communiqué publié par le ministère "
    "de l'Économie et des Finances à Paris."
)


def test_french_body_is_flagged_english_and_short_ones_are_not() -> None:
    assert [c for c, _ in found(seed(FRENCH), "SL401")] == ["SL401"]
    assert found(seed("Le gouvernement a annoncé."), "SL401") == []  # too short to judge
    english = (
        "The government announced a series of measures on Tuesday to support the "
        "companies hit by the crisis, according to a statement published on Monday."
    )
    assert found(seed(english * 2), "SL401") == []


def test_language_is_deterministic() -> None:
    mixed = seed(FRENCH + " The government said it would help. " * 2)
    runs = {tuple(d.message for d in seedlint.lint_text(mixed, select=["SL401"])) for _ in range(5)}
    assert len(runs) == 1
