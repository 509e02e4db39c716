"""display_path: paths shown relative to the working directory, worked out on strings as
pathlib's relative_to works them out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedlint.io.sources import display_path


def by_pathlib(path: Path | str) -> str:
    absolute = os.path.abspath(path)
    try:
        return Path(absolute).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return Path(absolute).as_posix()


PARTS = st.lists(st.sampled_from(["a", "b", "ab", ".", "..", "a b", "é", ""]), max_size=5)


@pytest.mark.parametrize("working", ["/", "deep"])
@given(parts=PARTS, absolute=st.booleans())
def test_shown_as_pathlib_shows_it(
    working: str, parts: list[str], absolute: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = "/" if working == "/" else str(tmp_path_factory.getbasetemp() / "a" / "b")
    os.makedirs(folder, exist_ok=True)
    before = os.getcwd()
    os.chdir(folder)
    try:
        path = "/".join(parts) or "."
        if absolute:
            path = "/" + path
        assert display_path(path) == by_pathlib(path)
        assert display_path(Path(path)) == by_pathlib(path)
    finally:
        os.chdir(before)


def test_a_sibling_folder_sharing_a_prefix_is_not_below(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds-old").mkdir()
    before = os.getcwd()
    os.chdir(tmp_path / "seeds")
    try:
        assert display_path(tmp_path / "seeds-old" / "x.txt") == f"{tmp_path}/seeds-old/x.txt"
        assert display_path(tmp_path / "seeds" / "x.txt") == "x.txt"
        assert display_path(tmp_path / "seeds") == "."
    finally:
        os.chdir(before)


@pytest.mark.parametrize("named", ["seeds", "./seeds", "seeds/", "../here/seeds", "ABSOLUTE", "."])
def test_a_walked_file_carries_its_absolute_path_and_name(tmp_path: Path, named: str) -> None:
    """A found file's absolute path is worked out once per folder; it is the one
    os.path.abspath gives, and the name shown is display_path's, wherever the walk starts
    (a symbolic link to a folder included: its files are below the link, as walked)."""
    from seedlint.io.discovery import Patterns
    from seedlint.io.sources import file_items

    here = tmp_path / "here"
    (here / "seeds" / "deep").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    for name in ("a.txt", "deep/b.txt"):
        (here / "seeds" / name).write_text("x\n", encoding="utf-8")
    (tmp_path / "elsewhere" / "c.txt").write_text("x\n", encoding="utf-8")
    (here / "seeds" / "linked").symlink_to(tmp_path / "elsewhere")
    before = os.getcwd()
    os.chdir(here)
    try:
        path = str(here / "seeds") if named == "ABSOLUTE" else named
        items = list(file_items([path], Patterns(here, ["*.txt"], [])))
        assert len(items) == 3
        for item in items:
            assert item.path is not None
            assert item.absolute == os.path.abspath(item.path)
            assert item.name == display_path(item.path)
        assert any(i.absolute == str(here / "seeds" / "linked" / "c.txt") for i in items)
    finally:
        os.chdir(before)
