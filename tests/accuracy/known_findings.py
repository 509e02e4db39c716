"""Adjudicated findings of seedlint on the real-text corpora: real defects and false alarms.

Every warning or error seedlint raises on a corpus article was read in context and recorded
once, in one of two files next to the corpus:

- known_defects.tsv: a real defect of the published text (file, code, row, flagged, why);
- false_alarms.tsv: anything else (file, code, row, flagged, note).

A finding is identified by its key: file, code, row and the flagged text (its repr; a span
over 50 characters keeps its first 30 and last 19 joined by "…", as two findings on one
paragraph often share their start; the same text flagged again on its row gets " #2"), so a
rule that moves or widens its span makes a new finding.
`compare` tells what changed between the findings of the current rules and the record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from seed_corpora import CORPORA, Article, read_tsv

FLAGGED_CHARS = 50  # a longer flagged text is shortened in the key to its head and tail
FLAGGED_HEAD = 30
FLAGGED_TAIL = 19
KNOWN_COLUMNS = ("file", "code", "row", "flagged", "why it is a real defect of the source")
FALSE_COLUMNS = ("file", "code", "row", "flagged", "note")
COUNTED_SEVERITIES = frozenset({"error", "warning"})


class Key(NamedTuple):
    """One finding: article file, rule code, 1-based row, repr of the flagged text."""

    file: str
    code: str
    row: int
    flagged: str


class DiagnosticLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def row(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def flagged_text(span: str) -> str:
    if len(span) > FLAGGED_CHARS:
        span = f"{span[:FLAGGED_HEAD]}…{span[-FLAGGED_TAIL:]}"
    return repr(span)


def key_of(file: str, text: str, diagnostic: DiagnosticLike, repeat: int = 1) -> Key:
    """The key of a diagnostic; repeat > 1 numbers the same flagged text again on its row."""
    flagged = flagged_text(text[diagnostic.start : diagnostic.end])
    if repeat > 1:
        flagged += f" #{repeat}"
    return Key(file, diagnostic.code, diagnostic.row, flagged)


def counted(diagnostics: Iterable[DiagnosticLike]) -> list[DiagnosticLike]:
    """The diagnostics that count as findings: warnings and errors (info is advice)."""
    return [d for d in diagnostics if d.severity in COUNTED_SEVERITIES]


@dataclass(frozen=True)
class Verdicts:
    """The record of one corpus: rows of known_defects.tsv and of false_alarms.tsv."""

    real: dict[Key, str]  # key -> why it is a real defect
    false: dict[Key, str]  # key -> note on the false alarm

    def verdict(self, key: Key) -> str | None:
        """ "real", "false", or None when the finding was never adjudicated."""
        if key in self.real:
            return "real"
        return "false" if key in self.false else None


def read_rows(path: Path, note_column: str) -> dict[Key, str]:
    if not path.exists():
        return {}
    rows: dict[Key, str] = {}
    for row in read_tsv(path):
        key = Key(row["file"], row["code"], int(row["row"]), row["flagged"])
        if key in rows:
            raise ValueError(f"{path}: {key} listed twice")
        rows[key] = row[note_column]
    return rows


def read_verdicts(corpus: str) -> Verdicts:
    home = CORPORA[corpus]
    real = read_rows(home.known_defects, KNOWN_COLUMNS[-1])
    false = read_rows(home.false_alarms, FALSE_COLUMNS[-1])
    both = sorted(set(real) & set(false))
    if both:
        raise ValueError(f"{corpus}: listed both as real and as false alarm: {both[:3]}")
    return Verdicts(real, false)


def write_rows(path: Path, columns: tuple[str, ...], rows: dict[Key, str]) -> None:
    """Write the rows sorted by file, row, code and flagged text; no file when empty."""
    if not rows:
        path.unlink(missing_ok=True)
        return
    lines = ["\t".join(columns)]
    for key in sorted(rows, key=lambda k: (k.file, k.row, k.code, k.flagged)):
        fields = (key.file, key.code, str(key.row), key.flagged, rows[key])
        if any("\t" in field or "\n" in field for field in fields):
            raise ValueError(f"{path}: a field holds a tab or newline: {fields}")
        lines.append("\t".join(fields))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")


def write_verdicts(corpus: str, verdicts: Verdicts) -> None:
    home = CORPORA[corpus]
    write_rows(home.known_defects, KNOWN_COLUMNS, verdicts.real)
    write_rows(home.false_alarms, FALSE_COLUMNS, verdicts.false)


@dataclass(frozen=True)
class Comparison:
    """How the current findings differ from the record."""

    unexplained: list[Key]  # found, never adjudicated
    lost_real: list[Key]  # a known real defect no longer found
    stale_false: list[Key]  # a recorded false alarm no longer raised

    @property
    def exact(self) -> bool:
        return not (self.unexplained or self.lost_real or self.stale_false)


def compare(found: Iterable[Key], verdicts: Verdicts) -> Comparison:
    found_keys = Counter(list(found))  # a dict of findings counts its keys once each
    repeated = [key for key, n in found_keys.items() if n > 1]
    if repeated:  # corpus_keys numbers repeats; two equal keys cannot be told apart
        raise ValueError(f"findings with the same key: {repeated[:3]}")
    return Comparison(
        unexplained=sorted(k for k in found_keys if verdicts.verdict(k) is None),
        lost_real=sorted(set(verdicts.real) - set(found_keys)),
        stale_false=sorted(set(verdicts.false) - set(found_keys)),
    )


def corpus_keys(
    corpus_articles: Iterable[Article], lint: LintText
) -> dict[Key, tuple[Article, DiagnosticLike]]:
    """Every counted finding of lint on the articles, by key."""
    found: dict[Key, tuple[Article, DiagnosticLike]] = {}
    for article in corpus_articles:
        diagnostics = counted(lint(article.seed, path=article.file))
        for diagnostic in sorted(diagnostics, key=lambda d: (d.start, d.end, d.code)):
            key = key_of(article.file, article.seed, diagnostic)
            repeat = 1
            while key in found:  # the same text flagged twice on a row: "'word' #2"
                repeat += 1
                key = key_of(article.file, article.seed, diagnostic, repeat)
            found[key] = (article, diagnostic)
    return found


class LintText(Protocol):
    def __call__(self, text: str, *, path: str) -> Sequence[DiagnosticLike]: ...
