"""The real-text corpora under tests/data, rendered as seed documents, per corpus and split.

Shared by the tests in tests/accuracy and the benchmark in bench/accuracy (which puts this
folder on its import path). Each article becomes `date {date} {title}`, a blank line and the
article's paragraphs, with the date and title from the corpus's index.tsv.

Splits: `development` text is what the rules are written and tuned on; `validation` text is
run before a rule change lands and its new findings are read, but rules are never tuned to it.
Wikinews English and French are all development; digital.gov and 18F posts are split by a
stable hash of the file name (`hash_split`). The split is recorded in each index.tsv.

Each corpus is linted with the languages its project would allow: English, and for the
French Wikinews articles English and French (a French seed is then checked by the rules of
no language, and never by the English ones). ``lint_for`` gives that lint.

Licences: Wikinews text is CC BY 2.5 (Wikinews contributors); digital.gov and 18F posts are
CC0 1.0. See the README.md next to each corpus.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"
SPLITS = ("development", "validation")


@dataclass(frozen=True)
class Corpus:
    """Where a corpus lives: its articles and index, and the folder of its known_defects.tsv."""

    name: str
    articles: Path  # holds index.tsv and the article files
    home: Path  # holds README.md, known_defects.tsv, false_alarms.tsv
    languages: tuple[str, ...] = ("en",)  # what the corpus's configuration allows
    undated: str = ""  # the date of an article whose index row has none

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
    # the French index has no dates; the articles are from 2012
    "wikinews_fr": Corpus(
        "wikinews_fr",
        DATA / "wikinews" / "wikinews_fr",
        DATA / "wikinews" / "french",
        languages=("en", "fr"),
        undated="2012-01-01",
    ),
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
    home = CORPORA[corpus]
    return [
        Article(
            corpus,
            row["file"],
            row["split"],
            render(
                row["date"] or home.undated,
                row["title"],
                (home.articles / row["file"]).read_text(encoding="utf-8"),
            ),
        )
        for row in index(corpus)
        if row["split"] in wanted
    ]


@cache
def lint_for(corpus: str) -> Callable[..., Sequence[Any]]:
    """``seedlint.lint_text`` with the corpus's languages allowed. A text given with the
    ``path`` of one of the corpus's articles (its file name) is that article, perhaps
    damaged: it is also judged among the corpus's other articles, as ``seedlint check``
    judges a folder of them, by the corpus rules that read the other documents' words."""
    lint = _with_linter(corpus, "lint_text")
    among = corpus_evidence(corpus)

    def lint_among(text: str, *, path: str | None = None) -> list[Any]:
        if path is None:
            return list(lint(text))
        found = [*lint(text, path=path), *among.diagnostics(text, path)]
        return sorted(found, key=lambda d: d.sort_key)

    return lint_among


@cache
def corpus_evidence(corpus: str) -> CorpusEvidence:
    return CorpusEvidence(corpus)


class CorpusEvidence:
    """The corpus rules of the possessive kind (SL505), every article contributing: a text
    is judged in place of the article of its file name."""

    def __init__(self, corpus: str) -> None:
        from seedlint.engine.corpus import corpus_groups
        from seedlint.engine.linter import Linter, LintSettings
        from seedlint.ruleset.rulefile import load_rules

        settings = LintSettings(select=("SL505",), languages=CORPORA[corpus].languages)
        self.linter = Linter(load_rules(["default"], Path.cwd()), settings)
        [self.group] = corpus_groups(self.linter.rules)
        self.index = self.group.new_index()
        for article in articles(corpus):
            self.index.add(self._contribution(article.seed, article.file))

    def _contribution(self, text: str, file: str) -> Any:
        return self.group.contribute(self.linter.document(text, file), file)

    def diagnostics(self, text: str, file: str) -> list[Any]:
        from seedlint.engine.corpus import TextCorpus, corpus_diagnostics

        if file not in self.index:
            return []
        kept = self.index.get(file)
        self.index.add(self._contribution(text, file))
        try:
            judged = TextCorpus(self.index, {file: text})
            result = corpus_diagnostics(self.linter, self.group, judged)
        finally:
            self.index.add(kept)
        return [found.diagnostic for found in result.diagnostics]


@cache
def fix_for(corpus: str) -> Callable[..., tuple[str, Any]]:
    """``seedlint.fix_text`` with the corpus's languages allowed. A text given with the
    ``path`` of one of the corpus's articles is fixed as ``seedlint fix`` fixes it in a
    folder of them: the safe fixes of the corpus rules that read the other documents'
    words (``lint_for``) first, then the document's own."""
    from seedlint.engine.diagnostics import Applicability
    from seedlint.engine.fixer import apply

    fix = _with_linter(corpus, "fix_text")
    among = corpus_evidence(corpus)

    def fix_among(text: str, *, path: str | None = None) -> tuple[str, Any]:
        if path is not None:
            safe = [
                d.fix
                for d in among.diagnostics(text, path)
                if d.fix is not None and d.fix.applicability is Applicability.SAFE
            ]
            text = apply(text, [edit for f in safe for edit in f.edits])
        fixed: tuple[str, Any] = fix(text)
        return fixed

    return fix_among


def _with_linter(corpus: str, function: str) -> Callable[..., Any]:
    import functools

    import seedlint
    from seedlint.engine.linter import Linter, LintSettings
    from seedlint.ruleset.rulefile import load_rules

    settings = LintSettings(select=("ALL",), languages=CORPORA[corpus].languages)
    linter = Linter(load_rules(["default"], Path.cwd()), settings)
    return functools.partial(getattr(seedlint, function), linter=linter)
