"""The corpus checks on real articles: every planted defect is found, with the right
other document, count and span, and nothing else is flagged; the same holds when the
documents are JSON Lines records, and when a few new documents are checked against a
saved index of the rest (the pre-commit case).

The 288 English Wikinews articles hold no duplicate, near-duplicate, repeated title or
boilerplate paragraph: the only paragraph found in two of them (a sentence on the
National Conference of State Legislatures) is below the floor of three documents.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_plants import BOILERPLATE, NEAR_ORIGINALS, Expected, articles, planted

from seedlint.corpus import (
    CorpusFinding,
    CorpusIndex,
    CorpusSettings,
    CorpusText,
    Source,
    check,
    exact_similarity,
    findings,
    fingerprint_seed,
    seed_parts,
)

SETTINGS = CorpusSettings()


def build(documents: dict[str, str]) -> CorpusIndex:
    index = CorpusIndex(SETTINGS)
    for key, text in documents.items():
        index.add(fingerprint_seed(key, text, SETTINGS))
    return index


def source_of(documents: dict[str, str]) -> Source:
    def source(key: str) -> CorpusText | None:
        if key not in documents:
            return None
        title, body, _, _ = seed_parts(documents[key])
        return CorpusText(title, body)

    return source


def summary(found: list[CorpusFinding]) -> list[Expected]:
    return [Expected(f.check, f.key, f.other, f.count, f.start, f.end) for f in found]


def test_the_real_articles_draw_no_finding() -> None:
    assert findings(build(articles())) == []
    assert findings(build(articles()), source=source_of(articles())) == []


def test_every_planted_defect_is_found_and_nothing_else() -> None:
    plants = planted()
    found = findings(build(plants.documents), source=source_of(plants.documents))
    assert sorted(summary(found), key=repr) == sorted(plants.expected, key=repr)
    for finding in found:
        if finding.check == "boilerplate-paragraph":
            text = plants.documents[finding.key]
            assert text[finding.start : finding.end] == BOILERPLATE
        if finding.check == "near-duplicate":
            assert finding.exact is not None and finding.exact >= SETTINGS.threshold
            assert finding.similarity is not None and abs(finding.similarity - finding.exact) < 0.1


def test_near_copies_are_near_but_not_identical() -> None:
    # the planted near-duplicates are a real test only if they are in (threshold, 1)
    plants = planted()
    for original, near in plants.near_pairs:
        first, second = seed_parts(plants.documents[original]), seed_parts(plants.documents[near])
        similarity = exact_similarity(first[1], second[1], SETTINGS.shingle_words)
        assert 0.85 < similarity < 0.95, (original, similarity)


def test_estimates_alone_find_the_planted_near_duplicates() -> None:
    plants = planted()
    found = findings(build(plants.documents))
    near = {(f.other, f.key) for f in found if f.check == "near-duplicate"}
    assert near == set(plants.near_pairs)
    assert all(f.exact is None for f in found)


def test_near_duplicates_are_not_also_reported_for_exact_copies() -> None:
    plants = planted()
    documents = dict(plants.documents)
    documents["planted/near-0z.txt"] = documents["planted/near-0.txt"]
    found = findings(build(documents), source=source_of(documents))
    on_copy = [f for f in found if f.key == "planted/near-0z.txt"]
    assert summary(on_copy) == [
        Expected("duplicate-document", "planted/near-0z.txt", "planted/near-0.txt", 2, 0, 0)
    ]
    # the original of the near copy is named, not its later twin
    assert [f.other for f in found if f.key == "planted/near-0.txt"] == [NEAR_ORIGINALS[0]]


def write_jsonl(path: Path, documents: dict[str, str]) -> dict[str, str]:
    """The documents as records of one JSON Lines file, the articles first and numbered
    from 9 on, so that record 10 follows record 9 although "#10" < "#9" as text."""
    names = {}
    with path.open("w", encoding="utf-8") as stream:
        for number, (key, text) in enumerate(sorted(documents.items()), start=9):
            stream.write(json.dumps({"id": number, "text": text}) + "\n")
            names[key] = f"{path.name}#{number}"
    return names


def test_json_lines_records_give_the_same_findings(tmp_path: Path) -> None:
    plants = planted()
    names = write_jsonl(tmp_path / "corpus.jsonl", plants.documents)
    records = {}
    with (tmp_path / "corpus.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            records[f"corpus.jsonl#{record['id']}"] = record["text"]
    found = findings(build(records), source=source_of(records))
    renamed = [
        Expected(e.check, names[e.key], names[e.other] if e.other else "", e.count, e.start, e.end)
        for e in plants.expected
    ]
    assert sorted(summary(found), key=repr) == sorted(renamed, key=repr)


def test_a_record_ten_is_later_than_a_record_nine() -> None:
    text = articles()["0001.txt"]
    index = build({"c.jsonl#10": text, "c.jsonl#9": text, "c.jsonl#100": text})
    assert [(f.key, f.other) for f in findings(index)] == [
        ("c.jsonl#10", "c.jsonl#9"),
        ("c.jsonl#100", "c.jsonl#9"),
    ]


@pytest.mark.parametrize("scan", [True, False])
def test_new_files_against_a_saved_index(tmp_path: Path, scan: bool) -> None:
    """Pre-commit: the index of the existing corpus is on disk; the new files are
    fingerprinted, added, and only they are reported, against everything."""
    plants = planted()
    new = {key for key in plants.documents if key.startswith("planted/")}
    build({k: t for k, t in plants.documents.items() if k not in new}).save(tmp_path / "index")
    index = CorpusIndex.load(tmp_path / "index", SETTINGS)
    assert isinstance(index, CorpusIndex)
    for key in sorted(new):
        index.add(fingerprint_seed(key, plants.documents[key], SETTINGS))
    report = check(index, new, source=source_of(plants.documents), scan=scan)
    assert report.stale == ()
    expected = [e for e in plants.expected if e.key in new]
    assert sorted(summary(list(report.findings)), key=repr) == sorted(expected, key=repr)


def test_a_new_file_that_comes_first_is_named_by_the_older_copy() -> None:
    """Pre-commit: "0000-new.txt" copies "0001.txt" but sorts before it, so the finding
    is on the older file; include_named brings it into the new file's report."""
    documents = articles()
    index = build(documents)
    index.add(fingerprint_seed("0000-new.txt", documents["0001.txt"], SETTINGS))
    assert findings(index, ["0000-new.txt"]) == []
    found = findings(index, ["0000-new.txt"], include_named=True)
    assert [(f.check, f.key, f.other) for f in found] == [
        ("duplicate-document", "0001.txt", "0000-new.txt")
    ]
