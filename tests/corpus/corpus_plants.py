"""The English Wikinews articles as seeds, with planted corpus defects whose expected
findings are known: exact copies (one under another date, one under another title),
near-duplicates (a paragraph dropped and a few words changed), a title reused over
another body, and a boilerplate paragraph appended to twenty articles.

Text: Wikinews contributors, CC BY 2.5 (see tests/data/wikinews/README.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seedlint.corpus import (
    CorpusIndex,
    CorpusSettings,
    CorpusText,
    Source,
    fingerprint_seed,
    seed_parts,
)
from wikinews import seeds

BOILERPLATE = (
    "This article was first published on Wikinews, the free news source you can write, "
    "and is available under the Creative Commons Attribution 2.5 licence."
)
HEADER = re.compile(r"date (\S+) (.*)")


@dataclass(frozen=True)
class Expected:
    check: str
    key: str
    other: str
    count: int | None
    start: int
    end: int


def articles() -> dict[str, str]:
    return dict(seeds("en"))


def retitle(text: str, title: str) -> str:
    header, _, body = text.partition("\n\n")
    match = HEADER.fullmatch(header)
    assert match is not None
    return f"date {match.group(1)} {title}\n\n{body}"


def redate(text: str, date: str) -> str:
    header, _, body = text.partition("\n\n")
    match = HEADER.fullmatch(header)
    assert match is not None
    return f"date {date} {match.group(2)}\n\n{body}"


def near_copy(text: str, every: int = 97) -> str:
    """The article without its second-shortest paragraph (never the first), with every
    ``every``-th word of the rest replaced, and its blank lines widened."""
    header, _, body = text.partition("\n\n")
    paragraphs = body.rstrip("\n").split("\n\n")
    dropped = sorted(range(1, len(paragraphs)), key=lambda i: (len(paragraphs[i]), i))[1]
    kept = [p for i, p in enumerate(paragraphs) if i != dropped]
    words = "\n\n".join(kept).split(" ")
    for position in range(every // 2, len(words), every):
        if "\n" not in words[position]:  # a paragraph break stays where it was
            words[position] = "changed"
    return f"{header}\n\n" + " ".join(words).replace("\n\n", "\n \n\n") + "\n"


def with_boilerplate(text: str) -> tuple[str, int, int]:
    """The article with BOILERPLATE as its last paragraph, and that paragraph's span."""
    base = text.rstrip("\n") + "\n\n"
    return base + BOILERPLATE + "\n", len(base), len(base) + len(BOILERPLATE)


@dataclass(frozen=True)
class Planted:
    documents: dict[str, str]  # key -> seed text, the real articles included
    expected: list[Expected]
    near_pairs: list[tuple[str, str]]  # (original, near copy)


# articles picked by name: the near-copies are of long articles, where one paragraph is a
# small part (their similarity to the original is 0.86 to 0.91)
NEAR_ORIGINALS = ("0041.txt", "0042.txt", "0053.txt", "0161.txt", "0286.txt")
COPIED = ("0005.txt", "0077.txt")
RETITLED = "0123.txt"
TITLE_OWNER = "0200.txt"
BOILERPLATE_HOSTS = tuple(f"{number:04d}.txt" for number in range(240, 260))


def planted(prefix: str = "planted/") -> Planted:
    """The articles plus the planted documents, under ``prefix`` (which sorts after the
    articles' names, so the articles are always the first in path order)."""
    documents = articles()
    expected: list[Expected] = []
    for number, key in enumerate(COPIED):
        copy = f"{prefix}copy-{number}.txt"
        documents[copy] = redate(documents[key], "2031-02-03")
        expected.append(Expected("duplicate-document", copy, key, 2, 0, 0))
    retitled = f"{prefix}retitled.txt"
    documents[retitled] = retitle(documents[RETITLED], "A headline nobody used before")
    expected.append(Expected("duplicate-document", retitled, RETITLED, 2, 0, 0))
    pairs = []
    for number, key in enumerate(NEAR_ORIGINALS):
        near = f"{prefix}near-{number}.txt"
        documents[near] = near_copy(documents[key])
        expected.append(Expected("near-duplicate", near, key, None, 0, 0))
        pairs.append((key, near))
    reused = f"{prefix}reused-title.txt"
    title = seed_parts(documents[TITLE_OWNER])[0]
    french = dict(seeds("fr"))
    documents[reused] = retitle(french[sorted(french)[0]], title)
    expected.append(Expected("repeated-title", reused, TITLE_OWNER, 2, 0, 0))
    for key in BOILERPLATE_HOSTS:
        documents[key], start, end = with_boilerplate(documents[key])
        expected.append(Expected("boilerplate-paragraph", key, "", 20, start, end))
    return Planted(documents, expected, pairs)


def indexed(texts: dict[str, str], settings: CorpusSettings) -> tuple[CorpusIndex, Source]:
    """An index of the seeds ``texts`` (key -> text), and a source of their titles and
    bodies as they are."""
    index = CorpusIndex(settings)
    for key, text in texts.items():
        index.add(fingerprint_seed(key, text, settings))

    def source(key: str) -> CorpusText:
        title, body, _, _ = seed_parts(texts[key])
        return CorpusText(title, body)

    return index, source
