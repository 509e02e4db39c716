"""Did-you-mean hints (seedlint.engine.suggest)."""

from __future__ import annotations

from seedlint.engine.suggest import did_you_mean


def test_the_closest_choice_is_suggested() -> None:
    assert did_you_mean("selct", ["select", "ignore", "exclude"]) == " (did you mean 'select'?)"
    assert did_you_mean("patern", iter(["pattern", "pairs"])) == " (did you mean 'pattern'?)"


def test_nothing_is_suggested_when_nothing_is_close() -> None:
    assert did_you_mean("xyz", ["select", "ignore"]) == ""
    assert did_you_mean("select", []) == ""
