"""Published articles as clean documents: false alarms and precision against the record.

Every article of a corpus split is linted as published. A warning or error is a false alarm
unless tests/data/<corpus>/known_defects.tsv records it as a real defect of the text (a
finding nobody has adjudicated yet counts as a false alarm too, and is counted apart so that
the record can be brought up to date with adjudicate.py). Precision of a rule is its real
findings over all its findings on this text. The fix check runs seedlint.fix_text on every
article: a published article should come back unchanged apart from the spans of its real
defects.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from known_findings import DiagnosticLike, Key, corpus_keys, read_verdicts
from score import unexplained
from seed_corpora import Article

KEEP_EXAMPLES = 3
SNIPPET_CHARS = 30


@dataclass
class Published:
    """What the rules say about the published articles of one corpus split."""

    articles: int = 0
    findings: Counter[str] = field(default_factory=Counter)  # by rule code
    real: Counter[str] = field(default_factory=Counter)
    unadjudicated: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)  # code -> false alarms
    unchanged_by_fix: int = 0
    fixed: dict[str, str | None] = field(default_factory=dict)  # article id -> fix_text output

    @property
    def false_alarms(self) -> Counter[str]:
        return self.findings - self.real

    def per_100(self, counts: Counter[str]) -> float:
        return 100 * sum(counts.values()) / max(self.articles, 1)

    def precision(self, code: str) -> float:
        return self.real[code] / self.findings[code] if self.findings[code] else float("nan")


def snippet(text: str, start: int, end: int) -> str:
    left, right = max(0, start - SNIPPET_CHARS), end + SNIPPET_CHARS
    return repr(f"{text[left:start]}[{text[start:end][:60]}]{text[end:right]}")


def evaluate(
    corpus: str,
    articles: Sequence[Article],
    lint: Callable[..., Sequence[DiagnosticLike]],
    fix: Callable[[str, str], str],
) -> Published:
    """Lint and fix every article; sort the findings by the corpus's adjudicated record."""
    verdicts = read_verdicts(corpus)
    result = Published(articles=len(articles))
    found: dict[Key, tuple[Article, DiagnosticLike]] = corpus_keys(articles, lint)
    real_spans: dict[str, list[tuple[int, int]]] = {}
    for key, (article, diagnostic) in sorted(found.items()):
        result.findings[key.code] += 1
        if key in verdicts.real:
            result.real[key.code] += 1
            spans = real_spans.setdefault(article.article_id, [])
            spans.append((diagnostic.start, diagnostic.end))
            continue
        if key not in verdicts.false:
            result.unadjudicated[key.code] += 1
        shown = result.examples.setdefault(key.code, [])
        if len(shown) < KEEP_EXAMPLES:
            where = snippet(article.seed, diagnostic.start, diagnostic.end)
            shown.append(f"{article.article_id}: {where}")
    for article in articles:
        try:
            out: str | None = fix(article.seed, article.file)
        except Exception:
            out = None
            print(f"fix_text crashed on {corpus}/{article.file}:\n{traceback.format_exc(limit=3)}")
        result.fixed[article.article_id] = out
        known = real_spans.get(article.article_id, [])
        unchanged = out is not None and unexplained(article.seed, out, known) is None
        result.unchanged_by_fix += unchanged
    return result
