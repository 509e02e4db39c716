"""seedlint on text it was never developed on draws exactly its adjudicated findings.

Each corpus of ``unseen_corpora`` (ABC news fetched from PyPI, State of the Union addresses
in tests/data/sotu) is written as seeds and checked with the real command, every default
rule on; each finding must be one recorded beside the corpus as a real defect or a false
alarm, and each recorded one must still be found. To see what changed: ``python
bench/accuracy/unseen.py``. The first run downloads gensim's wheel from PyPI (28 MB) for
the Lee corpus, the one download of the test suite.
"""

from __future__ import annotations

import lee_corpus
import pytest
import sotu_corpus
from known_findings import Key, compare
from unseen_corpora import UNSEEN, check, write_seeds

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def listing(keys: list[Key]) -> str:
    return "".join(f"\n  {k.file}:{k.row} {k.code} {k.flagged}" for k in keys)


@pytest.fixture(scope="module", params=sorted(UNSEEN))
def corpus_found(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[Key, str]]:
    name: str = request.param
    folder = tmp_path_factory.mktemp(name)
    write_seeds(UNSEEN[name], folder)
    return name, check(folder)


def test_every_article_is_a_seed() -> None:
    lee = lee_corpus.seeds()
    assert len(lee) == 350
    assert all(text.startswith(b"date 2002-01-01 ABC news, lee") for text in lee.values())
    assert [name for name, text in lee.items() if not text.isascii()] == ["lee_041.txt"]
    addresses = sotu_corpus.seeds()
    assert len(addresses) == 78
    assert addresses["1946_harry_s_truman_d.txt"].startswith(
        b"date 1946-01-01 State of the Union address, Harry S Truman, 1946\n\n"
    )


def test_every_finding_was_read(corpus_found: tuple[str, dict[Key, str]]) -> None:
    name, found = corpus_found
    unread = compare(found, UNSEEN[name].verdicts()).unexplained
    assert not unread, f"findings on {name} nobody has read:{listing(unread)}"


def test_every_recorded_finding_is_still_found(corpus_found: tuple[str, dict[Key, str]]) -> None:
    name, found = corpus_found
    outcome = compare(found, UNSEEN[name].verdicts())
    assert not outcome.lost_real, (
        f"{name}: real defects no longer found:{listing(outcome.lost_real)}"
    )
    assert not outcome.stale_false, f"{name}: false alarms gone:{listing(outcome.stale_false)}"
