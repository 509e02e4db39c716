"""seedlint on news it was never developed on draws exactly its adjudicated findings.

The Lee corpus (350 ABC news articles, see lee_corpus.py) is fetched from PyPI, written as
seeds and checked with the real command, every default rule on; each finding must be one
recorded in tests/data/lee/ as a real defect or a false alarm, and each recorded one must
still be found. To see what changed: ``python bench/accuracy/unseen.py``. The first run
downloads gensim's wheel from PyPI (28 MB), the one download of the test suite.
"""

from __future__ import annotations

import lee_corpus
import pytest
from known_findings import FALSE_COLUMNS, KNOWN_COLUMNS, Key, Verdicts, compare, read_rows

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def listing(keys: list[Key]) -> str:
    return "".join(f"\n  {k.file}:{k.row} {k.code} {k.flagged}" for k in keys)


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, str]:
    folder = tmp_path_factory.mktemp("lee")
    lee_corpus.write_seeds(lee_corpus.fetch(), folder)
    return lee_corpus.check(folder)


def record() -> Verdicts:
    return Verdicts(
        read_rows(lee_corpus.HOME / "known_defects.tsv", KNOWN_COLUMNS[-1]),
        read_rows(lee_corpus.HOME / "false_alarms.tsv", FALSE_COLUMNS[-1]),
    )


def test_every_article_is_a_seed() -> None:
    written = lee_corpus.seeds(lee_corpus.fetch())
    assert len(written) == 350
    assert all(text.startswith(b"date 2002-01-01 ABC news, lee") for text in written.values())
    assert [name for name, text in written.items() if not text.isascii()] == ["lee_041.txt"]


def test_every_finding_was_read(found: dict[Key, str]) -> None:
    unread = compare(found, record()).unexplained
    assert not unread, f"findings nobody has read:{listing(unread)}"


def test_every_recorded_finding_is_still_found(found: dict[Key, str]) -> None:
    outcome = compare(found, record())
    assert not outcome.lost_real, f"real defects no longer found:{listing(outcome.lost_real)}"
    assert not outcome.stale_false, f"false alarms gone:{listing(outcome.stale_false)}"
