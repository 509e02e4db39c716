"""The development / validation split recorded in each corpus index is the documented one.

Wikinews English and French: all development; digital.gov and 18F: by the parity of the SHA-256 of
the file name (`seed_corpora.hash_split`). A post must never change sides, so the
recorded column is checked against the rule, and the rule against fixed names.
"""

from __future__ import annotations

import pytest
from seed_corpora import CORPORA, SPLITS, articles, hash_split, index, render

WHOLE_CORPUS_SPLIT = {"wikinews_en": "development", "wikinews_fr": "development"}
MIN_HALF_SHARE = 0.4  # a hash split of hundreds of names is near half and half


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_recorded_split_follows_the_rule(corpus: str) -> None:
    for row in index(corpus):
        expected = WHOLE_CORPUS_SPLIT.get(corpus) or hash_split(row["file"])
        assert row["split"] == expected, f"{corpus}/{row['file']}"


def test_hash_split_is_fixed() -> None:
    # Pinned values: changing the hash would move posts between development and validation.
    assert hash_split("0001_2010-10-22-tell-compelling-stories-with-data-visualization.txt") == (
        "validation"
    )
    assert hash_split("0002_2011-06-21-making-mobile-gov-project.txt") == "validation"
    assert hash_split("0004_2012-02-19-social-data-unlocked-next-generation-services.txt") == (
        "development"
    )


@pytest.mark.parametrize(("corpus", "size"), [("digitalgov_news", 1792), ("18f_blog", 505)])
def test_hash_split_halves_are_near_even(corpus: str, size: int) -> None:
    sides = [a.split for a in articles(corpus)]
    assert len(sides) == size
    for split in SPLITS:
        assert sides.count(split) >= MIN_HALF_SHARE * len(sides)


def test_articles_filters_by_split() -> None:
    development = articles("digitalgov_news", ["development"])
    validation = articles("digitalgov_news", ["validation"])
    assert {a.split for a in development} == {"development"}
    assert {a.split for a in validation} == {"validation"}
    assert len(development) + len(validation) == len(articles("digitalgov_news"))
    assert articles("wikinews_en", ["validation"]) == []
    with pytest.raises(ValueError, match="unknown split"):
        articles("18f_blog", ["test"])


def test_undated_articles_take_their_corpus_date() -> None:
    french = articles("wikinews_fr")
    assert len(french) == 100
    assert all(a.seed.startswith("date 2012-01-01 ") for a in french)


def test_seed_rendering() -> None:
    assert render("2024-01-18", "A title", "Headline\n\nFirst.\n\nSecond.\n") == (
        "date 2024-01-18 A title\n\nFirst.\n\nSecond.\n"
    )
    quoted = [a for a in articles("digitalgov_news") if a.file.startswith("1522_")]
    first_line = quoted[0].seed.split("\n", 1)[0]
    assert first_line == (
        'date 2017-05-24 "Want to Expand Your Innovation Base? Dive In, Run a Challenge, and '
        'Listen to Your Customers"'
    )
    for corpus in CORPORA:
        for article in articles(corpus):
            header, blank, _ = article.seed.split("\n", 2)
            assert header.startswith("date ") and blank == "", f"{corpus}/{article.file}"
            assert article.seed.endswith("\n") and not article.seed.endswith("\n\n")
