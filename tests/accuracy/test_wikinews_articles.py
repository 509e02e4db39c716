"""Real text: 288 English and 100 French Wikinews articles (CC BY 2.5), rendered as seeds.

Every warning or error seedlint raises on the English articles was read by a person and
is a real defect of the published text; known_defects.tsv lists them with the reason. A
new finding (a false positive) or a lost one fails this test.
"""

from __future__ import annotations

import csv

import pytest

import seedlint
from wikinews import DATA, seeds


def known_defects() -> list[tuple[str, str, int]]:
    with (DATA / "known_defects.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        return sorted((row["file"], row["code"], int(row["row"])) for row in reader)


def test_known_defects_are_few() -> None:
    files = {name for name, _, _ in known_defects()}
    assert len(files) <= 36  # of 288 articles: one in eight at most


@pytest.mark.parametrize(("name", "text"), seeds("fr"), ids=lambda v: v if len(v) < 12 else "")
def test_french_articles_fail_the_default_language_check(name: str, text: str) -> None:
    codes = [d.code for d in seedlint.lint_text(text, path=name)]
    assert "SL401" in codes
