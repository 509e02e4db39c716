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
