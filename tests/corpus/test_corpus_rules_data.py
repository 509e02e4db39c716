"""The corpus rules through the real command line on the project's own corpora: the
Wikinews articles with planted copies, near-copies, a reused title and a boilerplate
paragraph; and the digital.gov and 18F posts, whose real cross-posts are recorded in
government_findings.tsv. Every planted and recorded finding is found, and nothing else;
files and JSON Lines records give the same findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_rules_data import (
    Found,
    expected_plants,
    found,
    government_expected,
    government_seeds,
    planted,
    write_files,
    write_jsonl,
)

from conftest import run_seedlint

pytestmark = pytest.mark.e2e

CORPUS_RULES = "SL501,SL502,SL503,SL504"


def check(*args: str, cwd: Path) -> tuple[int, list[dict], str]:
    result = run_seedlint(
        "check", *args, "--select", CORPUS_RULES, "--format", "json", "--no-cache", cwd=cwd
    )
    return result.returncode, json.loads(result.stdout or "null"), result.stderr


@pytest.fixture(scope="module")
def plants_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("plants")
    write_files(root / "corpus", planted().documents)
    return root


def test_the_planted_copies_near_copies_titles_and_boilerplate_are_found(
    plants_folder: Path,
) -> None:
    code, diagnostics, stderr = check("corpus", cwd=plants_folder)
    assert (code, stderr) == (1, "")
    assert found(diagnostics) == expected_plants(planted(), "corpus/")


def test_the_articles_alone_give_no_corpus_finding(tmp_path: Path) -> None:
    documents = {k: v for k, v in planted().documents.items() if not k.startswith("planted/")}
    from corpus_plants import BOILERPLATE

    documents = {k: v.replace("\n\n" + BOILERPLATE, "") for k, v in documents.items()}
    write_files(tmp_path / "corpus", documents)
    assert check("corpus", cwd=tmp_path) == (0, [], "")


def test_near_duplicates_give_their_measured_similarity(plants_folder: Path) -> None:
    _, diagnostics, _ = check("corpus", cwd=plants_folder)
    near = [d for d in diagnostics if d["code"] == "SL502"]
    assert len(near) == 5
    for d in near:
        similarity = float(d["message"].rsplit("similarity ", 1)[1].rstrip(")"))
        assert 0.8 <= similarity < 1.0
        assert d["location"] == {"row": 1, "column": 1} and d["fix"] is None  # fix: off


def test_json_lines_records_get_the_same_findings(tmp_path: Path) -> None:
    plants = planted()
    names = write_jsonl(tmp_path / "corpus.jsonl", plants.documents)
    code, diagnostics, stderr = check("--jsonl", "corpus.jsonl", cwd=tmp_path)
    assert (code, stderr) == (1, "")
    expected = {
        Found(f.code, names[f.file], f.row, names[f.other] if f.other else "")
        for f in expected_plants(plants, "")
    }
    assert found(diagnostics) == expected


@pytest.fixture(scope="module")
def government(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("government")
    write_files(root / "seeds", government_seeds())
    return root


def test_the_government_blogs_cross_posts_are_found_and_nothing_else(government: Path) -> None:
    code, diagnostics, stderr = check("seeds", cwd=government)
    assert (code, stderr) == (1, "")
    assert found(diagnostics) == government_expected("seeds/")


def test_every_exact_copy_is_found_naming_the_first(government: Path, tmp_path: Path) -> None:
    """Copies made of posts, under other names and dates, next to the real duplicates."""
    documents = government_seeds()
    copies = {
        "zz-copies/a.txt": documents["18f/0001_2014-03-19-hello-world-we-are-18f.txt"],
        "zz-copies/b.txt": documents["18f/0001_2014-03-19-hello-world-we-are-18f.txt"].replace(
            "date 2014-03-19", "date 2020-01-01"
        ),
        "0-first/c.txt": documents[
            "digitalgov/0500_2014-07-14-open-data-takes-center-stage-at-user-conference.txt"
        ],
    }
    write_files(tmp_path / "seeds", {**documents, **copies})
    _, diagnostics, _ = check("seeds", cwd=tmp_path)
    duplicates = {(f.file, f.other) for f in found(diagnostics) if f.code == "SL501"}
    recorded = {(f.file, f.other) for f in government_expected("seeds/") if f.code == "SL501"}
    hello = "seeds/18f/0001_2014-03-19-hello-world-we-are-18f.txt"
    road = "seeds/digitalgov/0500_2014-07-14-open-data-takes-center-stage-at-user-conference.txt"
    assert duplicates == recorded | {
        ("seeds/zz-copies/a.txt", hello),
        ("seeds/zz-copies/b.txt", hello),
        (road, "seeds/0-first/c.txt"),  # the copy sorts first: the original is reported
    }
