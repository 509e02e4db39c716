"""Adopting seedlint on an existing corpus: a baseline of today's findings
(seedlint.io.baseline).

The baseline keys findings by code, file and the text around them, never by row, so
edits elsewhere in a file keep old findings hidden while new damage is reported.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, run_seedlint, seed

pytestmark = pytest.mark.e2e

TYPO = "The Deputy Prime Minster spoke."
STALE = "seedlint: note: 1 baseline entry no longer matches in base.json"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """seeds/ with the raw sample and a seed with one typo; a baseline of both."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLE, seeds / "raw.txt")
    (seeds / "typo.txt").write_text(seed(TYPO), encoding="utf-8")
    result = run_seedlint("check", "seeds", "--write-baseline", "base.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Recorded 8 findings in the baseline (2 files).\n"
    assert result.stderr == "seedlint: note: wrote 8 baseline entries to base.json\n"
    return tmp_path


def entries(corpus: Path) -> list[dict]:
    data = json.loads((corpus / "base.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    return data["entries"]


def check(corpus: Path, *args: str, cwd: Path | None = None):
    return run_seedlint("check", *(args or ("seeds",)), "--format", "json", cwd=cwd or corpus)


def test_the_baseline_is_sorted_stable_and_has_no_rows(corpus: Path) -> None:
    items = entries(corpus)
    assert len(items) == 8
    assert all(set(e) == {"file", "code", "before", "text", "after", "occurrence"} for e in items)
    keys = [(e["file"], e["code"], e["before"], e["text"], e["after"]) for e in items]
    assert keys == sorted(keys)
    minster = next(e for e in items if e["file"] == "seeds/typo.txt")
    assert minster == {
        "file": "seeds/typo.txt",
        "code": "SL201",
        "before": "le The Deputy Prime ",
        "text": "Minster",
        "after": " spoke. ",
        "occurrence": 0,
    }
    first = (corpus / "base.json").read_bytes()
    run_seedlint("check", "seeds", "--write-baseline", "base.json", cwd=corpus)
    assert (corpus / "base.json").read_bytes() == first


def test_baseline_hides_known_findings_across_edits_elsewhere(corpus: Path) -> None:
    result = check(corpus, "seeds", "--baseline", "base.json")
    assert (result.returncode, json.loads(result.stdout), result.stderr) == (0, [], "")
    raw = corpus / "seeds" / "raw.txt"
    header, body = raw.read_text(encoding="utf-8").split("\n\n", 1)
    raw.write_text(f"{header}\n\nA new first paragraph.\n\nAnd another.\n\n{body}", "utf-8")
    result = check(corpus, "seeds", "--baseline", "base.json")
    assert (result.returncode, json.loads(result.stdout), result.stderr) == (0, [], "")
    # without the baseline, the same findings are there, four rows further down
    found = json.loads(check(corpus, "seeds/raw.txt").stdout)
    assert {d["code"]: d["location"]["row"] for d in found}["SL201"] == 11


def test_only_new_findings_are_reported(corpus: Path) -> None:
    raw = corpus / "seeds" / "raw.txt"
    text = raw.read_text(encoding="utf-8")
    raw.write_text(text.replace("\n\n", "\n\nThe Prime Minster had visited Japan.\n\n", 1), "utf-8")
    result = check(corpus, "seeds", "--baseline", "base.json")
    assert result.returncode == 1
    found = [(d["code"], d["location"]["row"]) for d in json.loads(result.stdout)]
    assert found == [("SL201", 3)]


def test_duplicates_are_counted_by_occurrence(tmp_path: Path) -> None:
    """Six typos in a row: the middle ones have the same text around them."""
    path = tmp_path / "repeated.txt"
    path.write_text(seed(" ".join(["Prime Minster."] * 6)), encoding="utf-8")
    run_seedlint("check", "repeated.txt", "--write-baseline", "base.json", cwd=tmp_path)
    assert sorted(e["occurrence"] for e in entries(tmp_path)) == [0, 0, 0, 0, 1, 2]
    path.write_text(seed(" ".join(["Prime Minster."] * 7)), encoding="utf-8")
    result = check(tmp_path, "repeated.txt", "--baseline", "base.json")
    assert result.returncode == 1 and len(json.loads(result.stdout)) == 1


def test_stale_entries_are_counted_on_stderr_only(corpus: Path) -> None:
    typo = corpus / "seeds" / "typo.txt"
    typo.write_text(typo.read_text(encoding="utf-8").replace("Minster", "Minister"), "utf-8")
    result = check(corpus, "seeds", "--baseline", "base.json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []  # stdout is JSON and nothing else
    assert result.stderr.startswith(STALE)
    assert "--write-baseline base.json" in result.stderr
    # a deleted file's entries are stale too; files outside this run are not
    (corpus / "seeds" / "raw.txt").unlink()
    result = check(corpus, "seeds", "--baseline", "base.json")
    assert "seedlint: note: 8 baseline entries no longer match" in result.stderr
    typo.write_text(seed("Clean now."), encoding="utf-8")
    shutil.copy(SAMPLE, corpus / "seeds" / "raw.txt")
    result = check(corpus, "seeds/raw.txt", "--baseline", "base.json")
    assert (result.returncode, result.stderr) == (0, "")


def test_rewriting_shrinks_and_keeps_files_outside_the_run(corpus: Path) -> None:
    typo = corpus / "seeds" / "typo.txt"
    typo.write_text(typo.read_text(encoding="utf-8").replace("Minster", "Minister"), "utf-8")
    result = run_seedlint("check", "seeds/typo.txt", "--write-baseline", "base.json", cwd=corpus)
    assert result.stderr == "seedlint: note: wrote 7 baseline entries to base.json\n"
    assert {e["file"] for e in entries(corpus)} == {"seeds/raw.txt"}
    result = check(corpus, "seeds", "--baseline", "base.json")
    assert (result.returncode, result.stderr) == (0, "")


def test_files_are_named_relative_to_the_baseline(corpus: Path) -> None:
    result = check(corpus, ".", "--baseline", "../base.json", cwd=corpus / "seeds")
    assert (result.returncode, json.loads(result.stdout), result.stderr) == (0, [], "")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "base.json: cannot read the baseline"),
        ("{not json", "base.json: not a seedlint baseline"),
        ('{"version": 2, "entries": []}', "version 1 expected"),
        ('{"version": 1, "entries": [{"file": "a"}]}', "malformed entries"),
    ],
)
def test_a_bad_baseline_is_a_usage_error(tmp_path: Path, content: str | None, message: str):
    shutil.copy(SAMPLE, tmp_path / "raw.txt")
    if content is not None:
        (tmp_path / "base.json").write_text(content, encoding="utf-8")
    result = run_seedlint("check", "raw.txt", "--baseline", "base.json", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("seedlint: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_baseline_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "raw.txt")
    result = run_seedlint("check", "raw.txt", "--write-baseline", "no/base.json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: no/base.json: cannot write the baseline: No such file or directory\n"
    )


def test_baseline_options_exclude_each_other() -> None:
    result = run_seedlint("check", "--baseline", "a.json", "--write-baseline", "b.json")
    assert result.returncode == 2 and "not allowed with" in result.stderr
