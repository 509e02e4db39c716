"""Which rules a selector names: ``ALL``, a rule's name, a code, or a code prefix.

A selector equal to a rule's code names that rule only; a selector that is not itself a
code names every rule whose code starts with it (``SL2`` names SL201..SL211), as ruff
does. So with rules SL201 and SL2010, ``SL201`` names one rule and ``SL20`` both. Case is
ignored for codes and prefixes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from seedlint.engine.rule import Rule
from seedlint.engine.suggest import did_you_mean


class SelectorError(ValueError):
    """A selector that names no rule; str() says so, with a did-you-mean."""


def selected(selector: str, rules: Sequence[Rule]) -> list[Rule]:
    """The rules a selector names (possibly none)."""
    if selector == "ALL":
        return list(rules)
    named = [r for r in rules if r.name == selector]
    if named:
        return named
    code = selector.upper()
    exact = [r for r in rules if r.code == code]
    if exact:
        return exact
    return [r for r in rules if r.code.startswith(code)]


def codes_of(selectors: Iterable[str], rules: Sequence[Rule]) -> set[str]:
    """The codes of every rule that any of the selectors names."""
    return {rule.code for s in selectors for rule in selected(s, rules)}


def check_selector(selector: str, rules: Sequence[Rule]) -> None:
    """SelectorError when the selector names no rule."""
    if not selected(selector, rules):
        choices = [r.code for r in rules] + [r.name for r in rules]
        raise SelectorError(
            f"'{selector}' selects no rule{did_you_mean(selector, choices)} (see 'seedlint rules')"
        )
