"""A pattern compiled on its first use behaves as the compiled pattern does."""

from __future__ import annotations

import copy
import pickle
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedlint.engine.patterns import FORWARDED, _LazyPattern, lazy_compile

SOURCES = [r"(a)(?P<b>b)?", r"\bits\b", r"[ \t]+(?:and|or)[ \t]+", r"(?<![\w'’])x+"]


def _set(pattern: re.Pattern[str]) -> list[str]:
    """The forwarded names a lazy pattern holds already (none before its first use)."""
    held = []
    for name in FORWARDED:
        try:
            object.__getattribute__(pattern, name)
        except AttributeError:
            continue
        held.append(name)
    return held


def test_nothing_is_compiled_before_the_first_use() -> None:
    pattern = lazy_compile(r"\bits\b")
    assert isinstance(pattern, _LazyPattern) and _set(pattern) == []
    assert pattern.search("so its fine") is not None
    assert _set(pattern) == list(FORWARDED)  # the compiled pattern's own, stored on it


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_attributes_and_what_survives_a_copy(source: str, flags: int) -> None:
    lazy, compiled = lazy_compile(source, flags), re.compile(source, flags)
    assert repr(lazy) == repr(compiled)
    assert (lazy.pattern, lazy.flags, lazy.groups) == (source, compiled.flags, compiled.groups)
    assert lazy.groupindex == compiled.groupindex
    assert copy.copy(lazy) is lazy and copy.deepcopy(lazy) is lazy
    unpickled = pickle.loads(pickle.dumps(lazy))  # a worker of a Dask cluster gets one so
    assert unpickled.pattern == source and unpickled.flags == compiled.flags


def test_an_unknown_attribute_is_an_error() -> None:
    with pytest.raises(AttributeError):
        lazy_compile("x").nothing  # noqa: B018


@given(st.sampled_from(SOURCES), st.text(alphabet="abx its and\t'’AB", max_size=30))
def test_every_method_answers_as_the_compiled_pattern(source: str, text: str) -> None:
    lazy, compiled = lazy_compile(source), re.compile(source)
    spans = [m.span() for m in lazy.finditer(text)]
    assert spans == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("-", text) == compiled.sub("-", text)
    assert lazy.subn("-", text) == compiled.subn("-", text)
    assert lazy.split(text) == compiled.split(text)
    for method in ("search", "match", "fullmatch"):
        found, expected = getattr(lazy, method)(text, 1), getattr(compiled, method)(text, 1)
        assert (found and found.span()) == (expected and expected.span())
