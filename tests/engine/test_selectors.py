"""Selectors (seedlint.engine.selectors): ``ALL``, a rule's name, an exact code, or a code
prefix, case-insensitive for codes; a selector that names nothing is refused with the
nearest code or name it may have meant."""

from __future__ import annotations

import pytest

from helpers import pattern_rule
from seedlint.engine.selectors import SelectorError, check_selector, codes_of, selected

RULES = [pattern_rule(code, "x") for code in ("SL201", "SL2010", "SL202", "SL301", "HS001")]


def named(selector: str) -> list[str]:
    return [rule.code for rule in selected(selector, RULES)]


@pytest.mark.parametrize(
    ("selector", "codes"),
    [
        ("SL201", ["SL201"]),  # a code names that rule only, though SL2010 starts with it
        ("SL2010", ["SL2010"]),
        ("SL20", ["SL201", "SL2010", "SL202"]),  # a prefix names every rule it starts
        ("SL2", ["SL201", "SL2010", "SL202"]),
        ("SL", ["SL201", "SL2010", "SL202", "SL301"]),
        ("sl201", ["SL201"]),  # codes and prefixes in any case
        ("sl20", ["SL201", "SL2010", "SL202"]),
        ("rule-sl2010", ["SL2010"]),  # a rule's name
        ("ALL", ["SL201", "SL2010", "SL202", "SL301", "HS001"]),
        ("SL3010", []),
        ("SL4", []),
        ("rule-sl999", []),
    ],
)
def test_what_a_selector_names(selector: str, codes: list[str]) -> None:
    assert named(selector) == codes


def test_codes_of_several_selectors_is_their_union() -> None:
    assert codes_of(["SL201", "HS", "rule-sl301"], RULES) == {"SL201", "SL301", "HS001"}
    assert codes_of(["SL20", "SL201"], RULES) == {"SL201", "SL2010", "SL202"}
    assert codes_of([], RULES) == set()


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        ("SL2011", "'SL2011' selects no rule (did you mean 'SL201'?) (see 'seedlint rules')"),
        ("rule-sl2o1", "'rule-sl2o1' selects no rule (did you mean 'rule-sl201'?) (see "),
        ("XYZ", "'XYZ' selects no rule (see 'seedlint rules')"),
    ],
)
def test_a_selector_that_names_nothing_is_refused_with_a_suggestion(
    selector: str, message: str
) -> None:
    with pytest.raises(SelectorError) as error:
        check_selector(selector, RULES)
    assert str(error.value).startswith(message)


def test_a_selector_that_names_a_rule_passes() -> None:
    for selector in ("ALL", "SL2", "sl2010", "rule-hs001"):
        check_selector(selector, RULES)  # no error
