"""Real corpora written out as files and JSON Lines for the corpus rules' command-line
tests: the planted Wikinews corpus (``corpus_plants.py``), and the posts of digital.gov
and of the 18F blog as seeds (US government works, CC0; see tests/data/*/README.md), which
cross-post each other.

``GOVERNMENT_FINDINGS`` (government_findings.tsv) is the record of what the duplicate rules
find on the two blogs together, each line read against both posts: the 18F posts that
digital.gov republished (68 edited near-copies and one exact copy), one post digital.gov
filed twice, the titles used for two different posts, and the disclaimer digital.gov adds
to 32 posts.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from corpus_plants import Expected, Planted, planted

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "accuracy"))
from seed_corpora import articles

HERE = Path(__file__).resolve().parent
GOVERNMENT_FINDINGS = HERE / "government_findings.tsv"
GOVERNMENT = {"digitalgov_news": "digitalgov", "18f_blog": "18f"}
CORPUS_CODES = {
    "duplicate-document": "SL501",
    "near-duplicate": "SL502",
    "repeated-title": "SL503",
    "boilerplate-paragraph": "SL504",
}


def government_seeds() -> dict[str, str]:
    """{folder/file: seed text} of both blogs (folders 'digitalgov' and '18f')."""
    return {
        f"{folder}/{article.file}": article.seed
        for corpus, folder in GOVERNMENT.items()
        for article in articles(corpus)
    }


def write_files(root: Path, documents: dict[str, str]) -> None:
    for key, text in documents.items():
        path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def write_jsonl(path: Path, documents: dict[str, str]) -> dict[str, str]:
    """The documents as records of one file, in key order, each with its key as "id";
    {key: the record's name in output}."""
    path.parent.mkdir(parents=True, exist_ok=True)
    names = {}
    with path.open("w", encoding="utf-8") as stream:
        for key in sorted(documents):
            stream.write(json.dumps({"id": key, "text": documents[key]}) + "\n")
            names[key] = f"{path.name}#{key}"
    return names


@dataclass(frozen=True)
class Found:
    """A corpus finding as the command line reports it (JSON output)."""

    code: str
    file: str
    row: int
    other: str  # the path the message names, "" for boilerplate


def found(diagnostics: list[dict]) -> set[Found]:
    """The corpus findings of `seedlint check --format json` output."""
    result = set()
    for d in diagnostics:
        if d["code"] not in CORPUS_CODES.values():
            continue
        message = d["message"]
        other = ""
        for lead in ("Same body as ", "Near-duplicate of ", "Same title as "):
            if message.startswith(lead):
                other = message[len(lead) :].split(" (")[0].removesuffix(", with another body")
        result.add(Found(d["code"], d["filename"], d["location"]["row"], other))
    return result


def expected_plants(plants: Planted, prefix: str) -> set[Found]:
    """The planted findings as they are reported for documents written under ``prefix``."""
    rows = {}
    for item in plants.expected:
        if item.check == "boilerplate-paragraph":
            rows[item.key] = plants.documents[item.key][: item.start].count("\n") + 1
    return {
        Found(
            CORPUS_CODES[item.check],
            prefix + item.key,
            rows.get(item.key, 1) if item.check == "boilerplate-paragraph" else 1,
            prefix + item.other if item.other else "",
        )
        for item in plants.expected
    }


def government_expected(prefix: str) -> set[Found]:
    with GOVERNMENT_FINDINGS.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {
        Found(
            row["code"],
            prefix + row["file"],
            int(row["row"]),
            prefix + row["other"] if row["other"] else "",
        )
        for row in rows
    }


__all__ = [
    "Expected",
    "Found",
    "Planted",
    "expected_plants",
    "found",
    "government_expected",
    "government_seeds",
    "planted",
    "write_files",
    "write_jsonl",
]
