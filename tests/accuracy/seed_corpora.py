"""The real-text corpora under tests/data, rendered as seed documents, per corpus and split.

Shared by the tests in tests/accuracy and the benchmark in bench/accuracy (which puts this
folder on its import path). Each article becomes `date {date} {title}`, a blank line and the
article's paragraphs, with the date and title from the corpus's index.tsv.

Splits: `development` text is what the rules are written and tuned on; `validation` text is
run before a rule change lands and its new findings are read, but rules are never tuned to it.
Wikinews English is all development; digital.gov and 18F posts are split by a stable hash of
the file name (`hash_split`). The split is recorded in each index.tsv.

Licences: Wikinews text is CC BY 2.5 (Wikinews contributors); digital.gov and 18F posts are
CC0 1.0. See the README.md next to each corpus.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
SPLITS = ("development", "validation")


@dataclass(frozen=True)
class Corpus:
    """Where a corpus lives: its articles and index, and the folder of its known_defects.tsv."""

    name: str
    articles: Path  # holds index.tsv and the article files
    home: Path  # holds README.md, known_defects.tsv, false_alarms.tsv

    @property
    def known_defects(self) -> Path:
        return self.home / "known_defects.tsv"

    @property
    def false_alarms(self) -> Path:
        return self.home / "false_alarms.tsv"


CORPORA: dict[str, Corpus] = {
    "wikinews_en": Corpus("wikinews_en", DATA / "wikinews" / "wikinews_en", DATA / "wikinews"),
    "digitalgov_news": Corpus(
        "digitalgov_news", DATA / "digitalgov_news" / "digitalgov_news", DATA / "digitalgov_news"
    ),
    "18f_blog": Corpus("18f_blog", DATA / "18f_blog" / "18f_blog", DATA / "18f_blog"),
}


@dataclass(frozen=True)
class Article:
    """One article of a corpus rendered as a seed document."""

    corpus: str
    file: str  # file name in the corpus folder, as in index.tsv
    split: str
    seed: str

    @property
    def article_id(self) -> str:
        return self.file.removesuffix(".txt")


def hash_split(file_name: str) -> str:
    """The digital.gov and 18F split: development when SHA-256 of the name, as a number, is
    even."""
    digest = hashlib.sha256(file_name.encode("utf-8")).hexdigest()
    return SPLITS[int(digest, 16) % 2]


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header; fields taken verbatim (no CSV quoting)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def render(date: str, title: str, article_text: str) -> str:
    """A seed from an article file (headline, blank line, paragraphs) and its index entry."""
    headline, _, body = article_text.partition("\n\n")
    return f"date {date} {title or headline}\n\n{body}"


def index(corpus: str) -> list[dict[str, str]]:
    return read_tsv(CORPORA[corpus].articles / "index.tsv")


def articles(corpus: str, splits: Iterable[str] = SPLITS) -> list[Article]:
    """Every article of the corpus in the given splits, in index order."""
    wanted = set(splits)
    unknown = wanted - set(SPLITS)
    if unknown:
        raise ValueError(f"unknown split {sorted(unknown)}: choose from {SPLITS}")
    folder = CORPORA[corpus].articles
    return [
        Article(
            corpus,
            row["file"],
            row["split"],
            render(row["date"], row["title"], (folder / row["file"]).read_text(encoding="utf-8")),
        )
        for row in index(corpus)
        if row["split"] in wanted
    ]
