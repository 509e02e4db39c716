"""Build the benchmark corpora from the English Wikinews articles in tests/data.

Two corpora are materialised under a cache directory (default ``bench/speed/.data``):

* ``real-<key>/``: the 288 articles rendered as seed documents, one file each;
* ``news-<key>/``: every article of the three real-text corpora in tests/data (Wikinews
  English, digital.gov news, the 18F blog: 2,585 articles, 11 MB) rendered as seeds the way
  the accuracy benchmark renders them, one sub-folder per corpus;
* ``replicated-<key>/``: at least ``min_files`` files and ``min_mb`` megabytes of seed documents
  derived from the real ones (new dates, paragraphs dropped, shuffled and borrowed from other
  articles, a sprinkle of typos), spread over nested sub-folders.

Both are deterministic for given parameters. A corpus is written to a temporary folder and
renamed into place once complete, with a ``<name>.json`` manifest beside it (never inside it,
so every file in a corpus folder is a seed); a complete corpus is re-used on the next call.

Usage: ``python bench/speed/corpus.py [--min-mb 50] [--min-files 20000] [--seed 1]``
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "tests" / "data" / "wikinews" / "wikinews_en"
NEWS_SOURCES = {  # corpus name -> folder of its articles and index.tsv
    "wikinews_en": SOURCE,
    "digitalgov_news": REPO / "tests" / "data" / "digitalgov_news" / "digitalgov_news",
    "18f_blog": REPO / "tests" / "data" / "18f_blog" / "18f_blog",
}
DEFAULT_CACHE = Path(__file__).resolve().parent / ".data"

# Bump when the generator changes, so that stale corpora are not re-used.
GENERATOR_VERSION = 1

FILES_PER_LEAF = 50
LEAVES_PER_BRANCH = 20

# Misspellings that spell checkers know, keyed by the correct word.
MISSPELLINGS: dict[str, str] = {
    "received": "recieved",
    "government": "goverment",
    "which": "wich",
    "separate": "seperate",
    "until": "untill",
    "beginning": "begining",
    "believe": "beleive",
    "occurred": "occured",
    "because": "becuase",
    "their": "thier",
    "between": "betwen",
    "environment": "enviroment",
    "responsible": "responsable",
    "previously": "previosly",
    "successful": "succesful",
    "committee": "commitee",
    "the": "teh",
    "and": "adn",
}
_KNOWN_WORD = re.compile(r"\b(" + "|".join(MISSPELLINGS) + r")\b")
_LONG_WORD = re.compile(r"\b[a-z]{6,}\b")


@dataclass(frozen=True)
class Article:
    """One source article: its index row and its paragraphs."""

    file: str
    date: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    """A materialised corpus folder and what is in it."""

    path: Path
    files: int
    bytes: int

    @property
    def megabytes(self) -> float:
        return self.bytes / 1e6


def load_articles(source: Path = SOURCE) -> list[Article]:
    """Read ``index.tsv`` and the article files it lists."""
    articles: list[Article] = []
    with (source / "index.tsv").open(encoding="utf-8", newline="") as index:
        for row in csv.DictReader(index, delimiter="\t"):
            text = (source / row["file"]).read_text(encoding="utf-8")
            _headline, _, body = text.partition("\n\n")
            paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
            articles.append(Article(row["file"], row["date"], row["title"], paragraphs))
    return articles


def render_seed(date: str, title: str, paragraphs: tuple[str, ...] | list[str]) -> str:
    """Render a seed document: header line, blank line, paragraphs, one final newline."""
    return f"date {date} {title}\n\n" + "\n\n".join(paragraphs) + "\n"


def _source_fingerprint(source: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(source.glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _key(params: dict[str, object]) -> str:
    blob = json.dumps(params, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def _load_manifest(path: Path, params: dict[str, object]) -> Corpus | None:
    manifest = path.with_suffix(".json")
    if not (path.is_dir() and manifest.is_file()):
        return None
    data = json.loads(manifest.read_text(encoding="utf-8"))
    if data.get("params") != params:
        return None
    return Corpus(path, int(data["files"]), int(data["bytes"]))


def _materialise(
    path: Path, params: dict[str, object], documents: Iterator[tuple[str, str]]
) -> Corpus:
    """Write ``(relative path, text)`` pairs into ``path`` atomically; write the manifest."""
    tmp = path.with_name(path.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(path, ignore_errors=True)
    files = size = 0
    for relative, text in documents:
        target = tmp / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        files += 1
        size += len(data)
    tmp.rename(path)
    manifest = {"params": params, "files": files, "bytes": size}
    path.with_suffix(".json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return Corpus(path, files, size)


def build_real(cache: Path = DEFAULT_CACHE, source: Path = SOURCE) -> Corpus:
    """The real articles as seed files, named like their source (``0001.txt``...)."""
    params: dict[str, object] = {
        "kind": "real",
        "version": GENERATOR_VERSION,
        "source": _source_fingerprint(source),
    }
    path = cache / f"real-{_key(params)}"
    found = _load_manifest(path, params)
    if found is not None:
        return found
    articles = load_articles(source)
    docs = ((a.file, render_seed(a.date, a.title, a.paragraphs)) for a in articles)
    return _materialise(path, params, docs)


def build_news(cache: Path = DEFAULT_CACHE) -> Corpus:
    """Every article of the real-text corpora as a seed: ``<corpus>/<file>``, rendered by
    ``tests/accuracy/seed_corpora.py`` (the accuracy benchmark's rendering)."""
    params: dict[str, object] = {
        "kind": "news",
        "version": GENERATOR_VERSION,
        "sources": {name: _source_fingerprint(path) for name, path in NEWS_SOURCES.items()},
    }
    path = cache / f"news-{_key(params)}"
    found = _load_manifest(path, params)
    if found is not None:
        return found
    sys.path.insert(0, str(REPO / "tests" / "accuracy"))
    import seed_corpora

    docs = (
        (f"{name}/{article.file}", article.seed)
        for name in NEWS_SOURCES
        for article in seed_corpora.articles(name)
    )
    return _materialise(path, params, docs)


def _misspell(text: str, rng: random.Random) -> str:
    """Introduce one typo: a known misspelling if a candidate word is there, else a swap."""
    known = list(_KNOWN_WORD.finditer(text))
    if known and rng.random() < 0.7:
        match = rng.choice(known)
        replacement = MISSPELLINGS[match.group(1)]
    else:
        words = list(_LONG_WORD.finditer(text))
        if not words:
            return text
        match = rng.choice(words)
        word = match.group(0)
        i = rng.randrange(1, len(word) - 2)
        replacement = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return text[: match.start()] + replacement + text[match.end() :]


def _random_date(rng: random.Random) -> str:
    start = dt.date(2000, 1, 1)
    return (start + dt.timedelta(days=rng.randrange(25 * 365))).isoformat()


def _variant(articles: list[Article], rng: random.Random) -> tuple[str, str, list[str]]:
    """A new (date, title, paragraphs) derived from a random base article."""
    base = rng.choice(articles)
    paragraphs = list(base.paragraphs)
    if len(paragraphs) > 2 and rng.random() < 0.5:
        keep = rng.randint(max(1, len(paragraphs) // 2), len(paragraphs))
        paragraphs = paragraphs[:1] + rng.sample(paragraphs[1:], keep - 1)
    if rng.random() < 0.35:
        donor = rng.choice(articles)
        count = min(len(donor.paragraphs), rng.randint(1, 3))
        paragraphs += rng.sample(donor.paragraphs, count)
    if rng.random() < 0.5:
        lead, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        paragraphs = lead + rest
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(paragraphs))
            paragraphs[i] = _misspell(paragraphs[i], rng)
    return _random_date(rng), base.title, paragraphs


def _relative_path(i: int) -> str:
    leaf, branch = i // FILES_PER_LEAF, i // (FILES_PER_LEAF * LEAVES_PER_BRANCH)
    return f"{branch:03d}/{leaf % LEAVES_PER_BRANCH:02d}/{i:06d}.txt"


def build_replicated(
    min_mb: float = 50.0,
    min_files: int = 20_000,
    seed: int = 1,
    cache: Path = DEFAULT_CACHE,
    source: Path = SOURCE,
) -> Corpus:
    """Derived seed documents until both ``min_files`` and ``min_mb`` (10^6 bytes) are reached."""
    params: dict[str, object] = {
        "kind": "replicated",
        "version": GENERATOR_VERSION,
        "source": _source_fingerprint(source),
        "min_mb": min_mb,
        "min_files": min_files,
        "seed": seed,
    }
    path = cache / f"replicated-{_key(params)}"
    found = _load_manifest(path, params)
    if found is not None:
        return found
    articles = load_articles(source)
    min_bytes = int(min_mb * 1e6)

    def documents() -> Iterator[tuple[str, str]]:
        rng = random.Random(seed)
        i = size = 0
        while i < min_files or size < min_bytes:
            text = render_seed(*_variant(articles, rng))
            yield _relative_path(i), text
            i += 1
            size += len(text.encode("utf-8"))

    return _materialise(path, params, documents())


def build_big(min_mb: float = 100.0, cache: Path = DEFAULT_CACHE, source: Path = SOURCE) -> Corpus:
    """One seed document of at least ``min_mb`` MB: the Wikinews articles' paragraphs, in
    order, again and again under one header (``big-<key>/big.txt``)."""
    params: dict[str, object] = {
        "kind": "big",
        "version": GENERATOR_VERSION,
        "source": _source_fingerprint(source),
        "min_mb": min_mb,
    }
    path = cache / f"big-{_key(params)}"
    found = _load_manifest(path, params)
    if found is None:
        paragraphs = [p for article in load_articles(source) for p in article.paragraphs]
        body: list[str] = []
        size, target = 0, int(min_mb * 1e6)
        while size < target:
            for paragraph in paragraphs:
                body.append(paragraph)
                size += len(paragraph.encode("utf-8")) + 2
                if size >= target:
                    break
        text = render_seed("2020-01-01", "One very long document", body)
        found = _materialise(path, params, iter([("big.txt", text)]))
    return Corpus(path / "big.txt", found.files, found.bytes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-mb", type=float, default=50.0)
    parser.add_argument("--min-files", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    for corpus in (
        build_real(args.cache_dir),
        build_news(args.cache_dir),
        build_replicated(args.min_mb, args.min_files, args.seed, args.cache_dir),
    ):
        print(f"{corpus.path}: {corpus.files} files, {corpus.megabytes:.1f} MB")


if __name__ == "__main__":
    main()
