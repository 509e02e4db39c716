"""include, exclude and per-file-ignores: gitignore-style patterns, one semantics for all
three, and ``--force-exclude`` for files named on the command line (as pre-commit names
them), with real files and folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_seedlint, seed

TYPO = seed("The Deputy Prime Minster spoke.")
FILES = (
    "seeds/01_a.txt",
    "seeds/02_b.txt",
    "seeds/sub/02_c.txt",
    "seeds/sub/deep/d.txt",
    "seeds/notes.md",
    "drafts/e.txt",
    "top.txt",
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(TYPO, encoding="utf-8")
    return tmp_path


def checked(project: Path, config: str, *args: str) -> list[str]:
    """The files a check reports on (each has one typo), sorted."""
    (project / "seedlint.yaml").write_text(config, encoding="utf-8")
    result = run_seedlint("check", "--format", "json", "--select", "SL201", *args, cwd=project)
    assert result.returncode in (0, 1), result.stderr
    return sorted(finding["filename"] for finding in json.loads(result.stdout))


@pytest.mark.parametrize(
    ("pattern", "matched"),
    [
        # no slash: a name at any depth
        ("02_*", ["seeds/02_b.txt", "seeds/sub/02_c.txt"]),
        # a slash: anchored at the configuration's folder; * stays within one folder...
        ("seeds/*.txt", ["seeds/01_a.txt", "seeds/02_b.txt"]),
        # ...but what it matches may be a folder, and a folder's files go with it
        ("seeds/*", ["seeds/01_a.txt", "seeds/02_b.txt", "seeds/sub/02_c.txt",
                     "seeds/sub/deep/d.txt"]),
        ("seeds/*/02_*", ["seeds/sub/02_c.txt"]),
        # ** crosses folders
        ("seeds/**", ["seeds/01_a.txt", "seeds/02_b.txt", "seeds/sub/02_c.txt",
                      "seeds/sub/deep/d.txt"]),
        ("seeds/**/02_*", ["seeds/02_b.txt", "seeds/sub/02_c.txt"]),
        # a trailing slash: a folder and everything in it
        ("sub/", ["seeds/sub/02_c.txt", "seeds/sub/deep/d.txt"]),
        ("/top.txt", ["top.txt"]),
    ],
)  # fmt: skip
def test_one_pattern_semantics_for_exclude_and_per_file_ignores(
    project: Path, pattern: str, matched: list[str]
) -> None:
    every = sorted(n for n in FILES if n.endswith(".txt"))
    assert checked(project, "paths: [.]\n") == every
    excluded = checked(project, f"paths: [.]\nexclude: [{json.dumps(pattern)}]\n")
    assert excluded == [n for n in every if n not in matched]
    ignored = checked(
        project, f"paths: [.]\nper-file-ignores: {{{json.dumps(pattern)}: [SL201]}}\n"
    )
    assert ignored == excluded


def test_include_picks_files_in_folders_only(project: Path) -> None:
    assert checked(project, 'paths: [seeds]\ninclude: ["*.md"]\n') == ["seeds/notes.md"]
    config = 'paths: [seeds]\ninclude: ["seeds/*.txt", "**/deep/*"]\n'
    assert checked(project, config) == ["seeds/01_a.txt", "seeds/02_b.txt", "seeds/sub/deep/d.txt"]
    # a file named on the command line is read whatever include says
    assert checked(project, 'include: ["*.md"]\n', "top.txt") == ["top.txt"]


def test_force_exclude_applies_exclude_to_named_files(project: Path) -> None:
    config = 'exclude: ["drafts/", "02_*"]\n'
    named = ("drafts/e.txt", "seeds/02_b.txt", "seeds/01_a.txt")
    assert checked(project, config, *named) == sorted(named)  # named: read as named
    assert checked(project, config, "--force-exclude", *named) == ["seeds/01_a.txt"]
    # folders are walked the same way with or without it
    walked = ["seeds/01_a.txt", "seeds/sub/deep/d.txt", "top.txt"]
    assert checked(project, config, ".") == walked
    assert checked(project, config, "--force-exclude", ".") == walked


def test_force_exclude_with_fix_leaves_excluded_files_alone(project: Path) -> None:
    (project / "seedlint.yaml").write_text('exclude: ["drafts/"]\n', encoding="utf-8")
    result = run_seedlint(
        "fix", "--in-place", "--force-exclude", "drafts/e.txt", "seeds/01_a.txt", cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "Fixed 1 file in place; 0 problems remain.\n"
    assert (project / "drafts" / "e.txt").read_text(encoding="utf-8") == TYPO
    fixed = (project / "seeds" / "01_a.txt").read_text(encoding="utf-8")
    assert fixed == TYPO.replace("Minster", "Minister")


def test_jsonl_folders_are_walked_like_folders_of_files(project: Path) -> None:
    record = json.dumps({"id": "r1", "text": TYPO}) + "\n"
    for name in ("corpus/a.jsonl", "corpus/old/b.jsonl", "corpus/skip.txt", "more/c.jsonl"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(record, encoding="utf-8")
    (project / "seedlint.yaml").write_text('exclude: ["old/"]\n', encoding="utf-8")
    # the records are copies of one document: the corpus rules would name them too
    result = run_seedlint("check", "--jsonl", "--format", "json", "--ignore", "SL5", "corpus",
                          "more/c.jsonl", cwd=project)  # fmt: skip
    assert result.returncode == 1, result.stderr
    names = [finding["filename"] for finding in json.loads(result.stdout)]
    assert names == ["corpus/a.jsonl#r1", "more/c.jsonl#r1"]
    forced = run_seedlint("check", "--jsonl", "--force-exclude", "--format", "json", "--ignore",
                          "SL5", "corpus/old/b.jsonl", "more/c.jsonl", cwd=project)  # fmt: skip
    assert [f["filename"] for f in json.loads(forced.stdout)] == ["more/c.jsonl#r1"]
