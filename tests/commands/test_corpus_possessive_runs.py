"""SL505 through the real command line: a folder of seeds where three write "DigitalGov's"
and one "DigitalGovs webinar". The names each document writes are kept with the results
cache, so that one file named as pre-commit names it is judged against the whole corpus,
a changed document is read again, and a damaged kept file is discarded with one note;
``fix --unsafe-fixes`` writes the apostrophe into the fixed copy, a plain ``fix`` does not
(unless ten documents write the possessive and none the bare word),
and the original is never touched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_seedlint, seed

pytestmark = pytest.mark.e2e

WRITERS = {
    "a.txt": "DigitalGov's editors met on Friday to plan the year.",
    "b.txt": "Read DigitalGov's guide to plain language before you write.",
    "c.txt": "This is DigitalGov's new home page, built with the community.",
}
TARGET = "Join us during DigitalGovs webinar on Monday, with three agencies."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seedlint.yaml").write_text("paths: [seeds]\n", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, body in WRITERS.items():
        (seeds / name).write_text(seed(body), encoding="utf-8")
    (seeds / "d.txt").write_text(seed(TARGET), encoding="utf-8")
    return tmp_path


def sl505(project: Path, *paths: str) -> tuple[list[tuple[str, int, int]], str]:
    """(file, row, column) of each SL505 finding, and standard error."""
    result = run_seedlint("check", "--format", "json", "--cache-dir", "cache", *paths, cwd=project)
    assert result.returncode in (0, 1), result.stderr
    found = [
        (Path(d["filename"]).name, d["location"]["row"], d["location"]["column"])
        for d in json.loads(result.stdout)
        if d["code"] == "SL505"
    ]
    return found, result.stderr


def test_a_folder_then_one_file_named_as_pre_commit_names_it(project: Path) -> None:
    assert sl505(project, "seeds") == ([("d.txt", 3, 16)], "")
    assert list((project / "cache").glob("corpus-corpus_possessive-*.kept"))
    assert sl505(project, "seeds") == ([("d.txt", 3, 16)], "")  # the kept verdict
    assert sl505(project, "seeds/d.txt") == ([("d.txt", 3, 16)], "")


def test_a_changed_document_is_read_again(project: Path) -> None:
    assert sl505(project, "seeds")[0] == [("d.txt", 3, 16)]
    writer = project / "seeds" / "c.txt"
    writer.write_text(seed("This is the new home page, built with the community."), "utf-8")
    # pre-commit names the files that changed: two documents are too few now
    assert sl505(project, "seeds/c.txt", "seeds/d.txt")[0] == []
    assert sl505(project, "seeds")[0] == []
    writer.write_text(seed(WRITERS["c.txt"]), "utf-8")
    assert sl505(project, "seeds/c.txt", "seeds/d.txt")[0] == [("d.txt", 3, 16)]
    assert sl505(project, "seeds/d.txt")[0] == [("d.txt", 3, 16)]


def test_a_damaged_kept_file_is_discarded_with_one_note(project: Path) -> None:
    sl505(project, "seeds")
    [kept] = (project / "cache").glob("corpus-corpus_possessive-*.kept")
    kept.write_bytes(b"\x93not a kept file")
    (project / "seeds" / "e.txt").write_text(seed("Another story."), "utf-8")  # no verdict
    found, stderr = sl505(project, "seeds")
    assert found == [("d.txt", 3, 16)]
    assert stderr.count("not usable kept contributions") == 1, stderr
    assert sl505(project, "seeds") == ([("d.txt", 3, 16)], "")  # written anew


def test_fix_writes_the_apostrophe_only_with_unsafe_fixes(project: Path) -> None:
    original = (project / "seeds" / "d.txt").read_bytes()
    safe = run_seedlint("fix", "--output-dir", "safe", "seeds", cwd=project)
    assert safe.returncode in (0, 1), safe.stderr
    assert b"DigitalGovs webinar" in (project / "safe" / "d.txt").read_bytes()
    unsafe = run_seedlint("fix", "--unsafe-fixes", "--output-dir", "out", "seeds", cwd=project)
    assert unsafe.returncode in (0, 1), unsafe.stderr
    fixed = (project / "out" / "d.txt").read_text(encoding="utf-8")
    assert fixed == seed("Join us during DigitalGov's webinar on Monday, with three agencies.")
    assert (project / "seeds" / "d.txt").read_bytes() == original
    diff = run_seedlint("fix", "--unsafe-fixes", "--diff", "seeds", cwd=project)
    assert "+Join us during DigitalGov's webinar on Monday" in diff.stdout, diff.stdout
    assert (project / "seeds" / "d.txt").read_bytes() == original
    in_place = run_seedlint("fix", "--unsafe-fixes", "--in-place", "seeds", cwd=project)
    assert in_place.returncode in (0, 1), in_place.stderr
    assert (project / "seeds" / "d.txt").read_text(encoding="utf-8") == fixed


def test_a_plain_fix_writes_the_apostrophe_where_the_corpus_leaves_no_other_reading(
    project: Path,
) -> None:
    """Ten other documents write "DigitalGov's" and none "DigitalGovs": the fix is safe, and
    a plain ``fix`` writes it, in a copy and in place, with the document's own safe fixes
    after it (the trailing spaces)."""
    seeds = project / "seeds"
    for number in range(7):
        body = f"Story {number}: DigitalGov's page {number} is new this week."
        (seeds / f"w{number}.txt").write_text(seed(body), encoding="utf-8")
    target = seeds / "d.txt"
    target.write_text(seed(TARGET + "   "), encoding="utf-8")
    original = target.read_bytes()
    wanted = seed("Join us during DigitalGov's webinar on Monday, with three agencies.")
    copy = run_seedlint("fix", "--output-dir", "out", "seeds", cwd=project)
    assert copy.returncode in (0, 1), copy.stderr
    assert (project / "out" / "d.txt").read_text(encoding="utf-8") == wanted
    assert target.read_bytes() == original
    in_place = run_seedlint("fix", "--in-place", "seeds", cwd=project)
    assert in_place.returncode in (0, 1), in_place.stderr
    assert target.read_text(encoding="utf-8") == wanted
    assert sl505(project, "seeds")[0] == []
