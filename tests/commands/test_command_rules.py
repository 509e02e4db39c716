"""``seedlint rules`` and ``seedlint explain``: the table of rules and each rule's page."""

from __future__ import annotations

import pytest

from conftest import run_seedlint

pytestmark = pytest.mark.e2e


def test_rules_and_explain() -> None:
    table = run_seedlint("rules").stdout.splitlines()
    assert table[0].split() == ["code", "name", "kind", "severity", "fix", "selected"]
    assert "SL201  minister-typo" in "\n".join(table)
    for query in ("SL201", "minister-typo", "sl201"):
        page = run_seedlint("explain", query)
        assert page.returncode == 0
        assert page.stdout.startswith("SL201 [minister-typo]")
        assert "York Minster is a cathedral." in page.stdout
        assert "fix: safe" in page.stdout
    assert "fix: unsafe" in run_seedlint("explain", "truncated-ending").stdout
    missing = run_seedlint("explain", "SL999")
    assert missing.returncode == 2 and "no rule 'SL999'" in missing.stderr


def test_explain_says_when_a_safe_fix_is_offered_as_unsafe_for_a_guess() -> None:
    """SL210's fix is safe, but a possessive read from a list of names is a guess, whose
    fix is offered as unsafe: the page says so. A rule whose check never guesses, or
    whose fix is unsafe anyway, says nothing of it."""
    unsure = "a finding it is unsure of offers its fix as unsafe"
    assert (
        f"fix: safe: applied by `seedlint fix`; {unsure}" in run_seedlint("explain", "SL210").stdout
    )
    assert unsure in run_seedlint("explain", "SL505").stdout
    assert unsure not in run_seedlint("explain", "SL101").stdout
    assert unsure not in run_seedlint("explain", "SL011").stdout


def test_explain_and_rules_say_which_rule_explains_a_finding() -> None:
    """A rule whose findings another rule explains (a quotation left open by a cut-off
    ending) says so on its page and in the JSON table; a rule without says nothing."""
    import json

    assert "a finding of SL011 holds its start" in run_seedlint("explain", "SL301").stdout
    assert "a finding of SL005 or SL121 holds its start" in run_seedlint("explain", "SL104").stdout
    assert "explained-by" not in run_seedlint("explain", "SL011").stdout
    table = {r["code"]: r for r in json.loads(run_seedlint("rules", "--format", "json").stdout)}
    assert table["SL303"]["explained_by"] == ["SL011"] and table["SL011"]["explained_by"] == []
