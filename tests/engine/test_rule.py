"""A configured rule (seedlint.engine.rule): its label, whether it fixes, and the
definition that cache keys are made of."""

from __future__ import annotations

from msgspec.structs import replace

from helpers import pattern_rule
from seedlint.engine.diagnostics import FixMode, Severity


def test_label_and_fixable() -> None:
    rule = pattern_rule("HS001", "x", "y")
    assert rule.label == "HS001 [rule-hs001]"
    assert rule.fixable and rule.fix is FixMode.SAFE
    assert not pattern_rule("HS002", "x").fixable


def test_the_definition_changes_with_everything_that_changes_results() -> None:
    rule = pattern_rule("HS001", "x", "y")
    assert rule.definition == pattern_rule("HS001", "x", "y").definition
    changed = [
        replace(rule, code="HS002"),
        replace(rule, name="other"),
        replace(rule, severity=Severity.ERROR),
        replace(rule, message="other {match}"),
        replace(rule, fix=FixMode.UNSAFE),
        replace(rule, language="en"),
        replace(rule, fix_message="Do it"),
        pattern_rule("HS001", "x", "z"),  # an option
    ]
    for other in changed:
        assert other.definition != rule.definition, other
    # where the rule was written, and its examples, change no result
    assert replace(rule, source="elsewhere.yaml", line=9).definition == rule.definition
