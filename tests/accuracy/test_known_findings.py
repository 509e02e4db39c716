"""seedlint on real text draws exactly its adjudicated findings, corpus by corpus.

Every warning or error the default rules raise on the digital.gov, 18F and Wikinews articles
(the French ones linted with English and French allowed)
was read in context and recorded as a real defect (known_defects.tsv) or a false alarm
(false_alarms.tsv). These tests pin that set: a new finding nobody has read, a real defect
the rules no longer find, or a recorded false alarm they no longer raise each fail, naming
the findings. When a rule change is meant, update the record deliberately:

    python bench/accuracy/adjudicate.py --corpus digitalgov_news             # see what changed
    python bench/accuracy/adjudicate.py --corpus digitalgov_news --write-new # new = false alarms
    python bench/accuracy/adjudicate.py --corpus digitalgov_news --real FILE:CODE:ROW --why ...
    python bench/accuracy/adjudicate.py --corpus digitalgov_news --prune     # drop what is gone
"""

from __future__ import annotations

import pytest
from known_findings import Key, compare, corpus_keys, read_verdicts
from seed_corpora import CORPORA, articles, lint_for

PINNED = ("digitalgov_news", "18f_blog", "wikinews_en", "wikinews_fr")
REGENERATE = "python bench/accuracy/adjudicate.py --corpus {corpus}"


def listing(keys: list[Key]) -> str:
    return "".join(f"\n  {k.file}:{k.row} {k.code} {k.flagged}" for k in keys)


@pytest.fixture(scope="module", params=PINNED)
def corpus_findings(request: pytest.FixtureRequest) -> tuple[str, list[Key]]:
    corpus: str = request.param
    return corpus, sorted(corpus_keys(articles(corpus), lint_for(corpus)))


def test_every_finding_was_adjudicated(corpus_findings: tuple[str, list[Key]]) -> None:
    corpus, found = corpus_findings
    new = compare(found, read_verdicts(corpus)).unexplained
    assert not new, (
        f"{len(new)} findings on {corpus} nobody has read; read each in context, then record "
        f"them with {REGENERATE.format(corpus=corpus)} --write-new or --real:{listing(new)}"
    )


def test_no_known_defect_is_lost(corpus_findings: tuple[str, list[Key]]) -> None:
    corpus, found = corpus_findings
    lost = compare(found, read_verdicts(corpus)).lost_real
    assert not lost, (
        f"{len(lost)} real defects of {corpus} are no longer found; if that is meant, "
        f"{REGENERATE.format(corpus=corpus)} --prune:{listing(lost)}"
    )


def test_recorded_false_alarms_are_still_raised(corpus_findings: tuple[str, list[Key]]) -> None:
    corpus, found = corpus_findings
    gone = compare(found, read_verdicts(corpus)).stale_false
    assert not gone, (
        f"{len(gone)} recorded false alarms on {corpus} are gone (good): drop them with "
        f"{REGENERATE.format(corpus=corpus)} --prune so the record stays exact:{listing(gone)}"
    )


def test_record_rows_name_existing_articles() -> None:
    for corpus in PINNED:
        files = {article.file for article in articles(corpus)}
        verdicts = read_verdicts(corpus)
        strays = sorted(k.file for k in [*verdicts.real, *verdicts.false] if k.file not in files)
        assert not strays, f"{CORPORA[corpus].home}: rows for unknown articles {strays[:5]}"
