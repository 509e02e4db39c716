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
