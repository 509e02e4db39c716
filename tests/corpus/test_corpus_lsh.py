"""The LSH scan against the definition: each document's earliest earlier document that
shares a band key with it and is similar enough, found by measuring only the candidates
earlier than the answer, each once."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedlint.corpus import lsh


@st.composite
def scans(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, set[tuple[int, int]], int]:
    rows = draw(st.integers(0, 40))
    bands = draw(st.integers(1, 4))
    keys = draw(st.lists(st.integers(0, 3), min_size=rows * bands, max_size=rows * bands))
    band_keys = np.array(keys, dtype=np.uint64).reshape(rows, bands)
    ranks = np.array(draw(st.permutations(range(rows))), dtype=np.int64)
    pairs = [(a, b) for a in range(rows) for b in range(rows) if a != b]
    similar = set(draw(st.lists(st.sampled_from(pairs), max_size=60))) if pairs else set()
    return band_keys, ranks, similar, draw(st.sampled_from([1, 2, 5, 1024]))


def _expected(band_keys: np.ndarray, ranks: np.ndarray, similar: set[tuple[int, int]]):
    """Per row: its candidates in rank order, and the answer."""
    rows = len(ranks)
    answers, candidates = [], []
    for row in range(rows):
        shares = [
            other
            for other in range(rows)
            if ranks[other] < ranks[row] and (band_keys[other] == band_keys[row]).any()
        ]
        shares.sort(key=lambda other: ranks[other])
        candidates.append(shares)
        answers.append(next((o for o in shares if (o, row) in similar), lsh.NONE))
    return answers, candidates


@settings(max_examples=300, deadline=None)
@given(scans())
def test_the_scan_finds_the_earliest_similar_candidate_measuring_each_pair_once(
    scan: tuple[np.ndarray, np.ndarray, set[tuple[int, int]], int],
) -> None:
    band_keys, ranks, similar, per_round = scan
    measured: list[tuple[int, int]] = []

    def passes(earlier: np.ndarray, later: np.ndarray) -> np.ndarray:
        pairs = list(zip(earlier.tolist(), later.tolist()))
        measured.extend(pairs)
        return np.array([pair in similar for pair in pairs], dtype=bool)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lsh, "DOCUMENTS_PER_ROUND", per_round)
        best = lsh.earliest_similar(band_keys, ranks, passes)
    answers, candidates = _expected(band_keys, ranks, similar)
    assert best.tolist() == answers
    assert len(measured) == len(set(measured))
    for row, shares in enumerate(candidates):
        upto = shares if answers[row] == lsh.NONE else shares[: shares.index(answers[row]) + 1]
        assert sorted(pair for pair in measured if pair[1] == row) == sorted(
            (other, row) for other in upto
        )


def test_copies_of_one_story_are_measured_against_its_first_copy_only() -> None:
    """A hundred copies in one bucket in every band: 99 pairs, not one per band."""
    band_keys = np.full((100, 8), 7, dtype=np.uint64)
    ranks = np.arange(100, dtype=np.int64)[::-1].copy()
    measured: list[tuple[int, int]] = []

    def passes(earlier: np.ndarray, later: np.ndarray) -> np.ndarray:
        measured.extend(zip(earlier.tolist(), later.tolist()))
        return np.ones(len(earlier), dtype=bool)

    best = lsh.earliest_similar(band_keys, ranks, passes)
    assert best.tolist() == [99] * 99 + [lsh.NONE]
    assert sorted(measured) == [(99, row) for row in range(99)]


def test_the_copies_of_a_story_are_measured_together() -> None:
    """Thirty stories of twenty copies each, interleaved in rank order, where only copies
    of the same parity are similar: taken story by story, the rows a round's pairs need
    fit in a few stories' room, so each row is made once (one miss per row)."""
    stories, copies = 30, 20
    rows = stories * copies
    story = np.arange(rows) % stories
    band_keys = np.repeat(story[:, None], 4, axis=1).astype(np.uint64)
    ranks = np.arange(rows, dtype=np.int64)
    kept: OrderedDict[int, None] = OrderedDict()
    made = 0

    def passes(earlier: np.ndarray, later: np.ndarray) -> np.ndarray:
        nonlocal made
        for row in (*earlier.tolist(), *later.tolist()):
            if row in kept:
                kept.move_to_end(row)
                continue
            made += 1
            kept[row] = None
            if len(kept) > 2 * copies:
                kept.popitem(last=False)
        return (earlier // stories) % 2 == (later // stories) % 2

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lsh, "DOCUMENTS_PER_ROUND", copies)
        best = lsh.earliest_similar(band_keys, ranks, passes)
    # a copy's answer is its story's first copy of the same parity
    first = story + stories * ((np.arange(rows) // stories) % 2)
    assert best.tolist() == [lsh.NONE] * 2 * stories + first[2 * stories :].tolist()
    assert made == rows
