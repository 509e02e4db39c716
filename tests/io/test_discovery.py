"""Finding the files to check (seedlint.io.discovery, seedlint.io.sources): symbolic
links are followed once and loops detected, missing, unreadable and unlistable paths and
FIFOs are one line each while the run goes on, a file that disappears mid-run is an
error line, the writer's temporary files are never input, and a folder of 100,000 files
is read whole.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pathspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import default_linter, run_seedlint
from helpers import CLEAN, FIXED_TYPO, TYPO, codes_by_file, diagnostics_by_file
from seedlint.commands.work import CheckContext, check_item
from seedlint.io.discovery import Patterns, discover
from seedlint.io.sources import file_items


@pytest.mark.e2e
def test_symbolic_links_are_followed_once_and_loops_detected(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TYPO, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(TYPO, encoding="utf-8")
    (folder / "sub" / "up").symlink_to("..")  # a folder loop
    (folder / "link.txt").symlink_to("a.txt")
    (folder / "loop.txt").symlink_to("loop.txt")  # a link to itself
    # the files are copies of one text: without the corpus rules, which would name them too
    result = run_seedlint(
        "check", "--no-cache", "--ignore", "SL5", "--format", "json", "seeds", cwd=tmp_path,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == "seedlint: error: seeds/loop.txt: cannot read: symbolic link loop\n"
    names = sorted(d["filename"] for d in json.loads(result.stdout))
    assert names == ["seeds/a.txt", "seeds/link.txt", "seeds/sub/b.txt"]


@pytest.mark.e2e
def test_missing_unreadable_and_unlistable_paths_do_not_stop_the_run(
    tmp_path: Path, permissions: Callable[[], None] | None
) -> None:
    folder = tmp_path / "seeds"
    (folder / "closed").mkdir(parents=True)
    (folder / "closed" / "hidden.txt").write_text(TYPO, encoding="utf-8")
    (folder / "locked.txt").write_text(TYPO, encoding="utf-8")
    (folder / "ok.txt").write_text(TYPO, encoding="utf-8")
    (folder / "locked.txt").chmod(0)
    (folder / "closed").chmod(0)
    try:
        result = run_seedlint(
            "check", "--no-cache", "--format", "json", "nowhere.txt", "seeds",
            cwd=tmp_path, preexec=permissions,
        )  # fmt: skip
    finally:
        (folder / "closed").chmod(0o755)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "seedlint: error: nowhere.txt: no such file or folder",
        "seedlint: error: seeds/locked.txt: cannot read: Permission denied",
        "seedlint: error: seeds/closed: cannot list folder: Permission denied",
    ]
    assert codes_by_file(result) == {"ok.txt": ["SL203"]}


@pytest.mark.e2e
def test_a_fifo_is_skipped_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(CLEAN, encoding="utf-8")
    result = run_seedlint("check", "--no-cache", ".", cwd=tmp_path, timeout=60)
    assert result.returncode == 0
    assert result.stderr == "seedlint: note: pipe.txt: skipped: not a regular file\n"


def test_a_file_that_disappears_during_the_run_is_an_error_line(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(TYPO, encoding="utf-8")
    context = CheckContext(default_linter())
    items = list(file_items([str(tmp_path)], Patterns(tmp_path, ["*.txt"], [])))
    first = check_item(items[0], context)
    (tmp_path / "b.txt").unlink()
    rest = [check_item(item, context) for item in items[1:]]
    assert [r.problem.message if r.problem else None for r in (first, *rest)] == [
        None,
        f"{tmp_path}/b.txt: no such file or folder",
        None,
    ]
    assert [len(r.diagnostics) for r in (first, *rest)] == [1, 0, 1]


@pytest.mark.e2e
def test_a_later_run_removes_the_temporary_files_a_killed_run_left(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    stale = tmp_path / ".a.txt.k3x9_q2z.tmp"
    stale.write_bytes(b"half a file \x00")
    (tmp_path / "seedlint.yaml").write_text("include: ['*']\n", encoding="utf-8")
    result = run_seedlint("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert set(diagnostics_by_file(result)) == {
        "a.txt",
        "seedlint.yaml",
    }  # the temporary file is not input
    assert run_seedlint("fix", "--in-place", "a.txt", cwd=tmp_path).returncode == 0
    assert not stale.exists()
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == FIXED_TYPO


@pytest.mark.slow
def test_a_folder_of_a_hundred_thousand_files(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    try:
        for branch in range(100):
            (folder / f"{branch:02d}").mkdir(parents=True)
            for leaf in range(1000):
                text = TYPO if leaf == 0 else CLEAN
                (folder / f"{branch:02d}" / f"{leaf:03d}.txt").write_text(text, encoding="utf-8")
        # (the files are copies: the corpus rules, which would name 99,900, are left out)
        result = run_seedlint(
            "check", "--no-cache", "--ignore", "SL5", "--format", "concise", "-q", "seeds",
            cwd=tmp_path,
        )  # fmt: skip
        assert len(result.stdout.splitlines()) == 100  # one typo per folder, every file read
    finally:
        # removed here, not by a later run's clean-up of old temporary folders
        shutil.rmtree(folder)


@pytest.mark.parametrize("inside_root", [True, False])
def test_a_found_file_s_relative_path_is_the_one_its_patterns_see(
    tmp_path: Path, inside_root: bool
) -> None:
    """Each file's relative path (what include and exclude match) is worked out from its
    folder's; it is the path the patterns give the file itself, below the configuration's
    folder or outside it, and through a named folder written with ".."."""
    root = tmp_path / "project"
    corpus = (root if inside_root else tmp_path / "elsewhere") / "corpus"
    for relative in ["a.txt", "b/c.txt", "b/d/e.txt", "f g/h.txt"]:
        (corpus / relative).parent.mkdir(parents=True, exist_ok=True)
        (corpus / relative).write_text("date 2024-01-01 T\n\nText.\n", encoding="utf-8")
    (corpus / "linked").symlink_to(corpus / "b", target_is_directory=True)
    patterns = Patterns(root, ["*.txt"], [])
    named = corpus.parent / "x" / ".." / "corpus"
    (corpus.parent / "x").mkdir()
    found = list(discover([str(named)], patterns))
    assert len(found) == 4  # b/ once: the link to it is a folder already walked
    for item in found:
        assert item.relative == patterns.relative(item.path, item.base)


SUFFIX_LINES = [["*.txt"], ["*.txt", "*.md"], ["*.TXT"], ["*.t1"]]
path_characters = st.sampled_from([*"atxTX./\\\n \t1-_é", "\u2028", "\x85"])
components = st.sampled_from(
    ["a.txt", ".txt", "x", "a.md", "b.TXT", "", ".", "..", "c.t1", "a.txt\n", "é.txt", "a.txt "]
)
relative_paths = st.text(path_characters, max_size=16) | st.lists(components, max_size=4).map(
    "/".join
)


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(SUFFIX_LINES), relative_paths)
def test_suffix_includes_match_as_pathspec_does(lines: list[str], relative: str) -> None:
    """Include lines of the form *.txt are matched without pathspec: the same answers."""
    patterns = Patterns(Path("/nowhere"), lines, [])
    assert patterns.include_suffixes is not None
    expected = pathspec.GitIgnoreSpec.from_lines(lines).match_file(relative)
    assert patterns.included(relative) == expected


@pytest.mark.parametrize(
    "relative",
    ["a.txt", "b/a.txt", "a.txt/b", ".txt", "a.TXT", "x/.txt/y", "./a.txt", "/a.txt", "a.txt/",
     "a.txt\n", "//a.txt", "a//b.txt", "b/../a.txt", "a.txtx", "a\\b.txt", ""],
)  # fmt: skip
def test_suffix_includes_on_awkward_paths(relative: str) -> None:
    patterns = Patterns(Path("/nowhere"), ["*.txt"], [])
    expected = pathspec.GitIgnoreSpec.from_lines(["*.txt"]).match_file(relative)
    assert patterns.included(relative) == expected


@pytest.mark.parametrize("lines", [["*.txt", "!a.txt"], ["docs/*.txt"], ["*.txt "], ["*"], []])
def test_other_includes_are_left_to_pathspec(lines: list[str]) -> None:
    patterns = Patterns(Path("/nowhere"), lines, [])
    assert patterns.include_suffixes is None
    for relative in ("a.txt", "docs/a.txt", "b/a.txt"):
        expected = pathspec.GitIgnoreSpec.from_lines(lines).match_file(relative)
        assert patterns.included(relative) == expected
