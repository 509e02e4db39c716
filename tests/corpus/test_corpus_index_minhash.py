"""Fingerprints: MinHash signatures equal datasketch's, estimates track the exact
similarity, the band shape finds pairs at the threshold, and a fingerprint is the same
in every process (nothing depends on Python's salted ``hash``)."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import datasketch
import numpy as np
import pytest
from corpus_plants import planted
from hypothesis import given
from hypothesis import strategies as st

from seedlint.corpus import (
    CorpusSettings,
    exact_similarity,
    fingerprint,
    fingerprint_seed,
    seed_parts,
)
from seedlint.corpus.fingerprint import jaccard, normalise, shingle_set
from seedlint.corpus.minhash import shingle_hashes, signature
from seedlint.corpus.settings import band_shape, candidate_probability
from wikinews import seeds

# the module, not the function of the same name that seedlint.corpus exports
fingerprint_module = importlib.import_module("seedlint.corpus.fingerprint")

ARTICLES = seeds("en")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 42), (256, 2**32 - 1)])
def test_signatures_equal_datasketch_minhash(num_perm: int, seed: int) -> None:
    for _, text in ARTICLES[:20]:
        hashes = shingle_hashes(seed_parts(text)[1], 5)
        reference = datasketch.MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
        reference.update_batch([int(value) & 0xFFFFFFFF for value in hashes])
        assert reference.scheme == "affine32"
        assert np.array_equal(signature(hashes, num_perm, seed), reference.digest())


def test_a_long_document_is_permuted_in_chunks_to_the_same_signature() -> None:
    text = " ".join(seed_parts(text)[1] for _, text in ARTICLES[:40])
    hashes = shingle_hashes(text, 5)
    assert len(hashes) > 10_000
    reference = datasketch.MinHash(num_perm=128, seed=1, hashfunc=int)
    reference.update_batch([int(value) & 0xFFFFFFFF for value in hashes])
    assert np.array_equal(signature(hashes, 128, 1), reference.digest())


def estimate(first: bytes, second: bytes) -> float:
    return float(np.mean(np.frombuffer(first, "<u4") == np.frombuffer(second, "<u4")))


def test_estimates_track_exact_similarity() -> None:
    settings = CorpusSettings()
    plants = planted()
    pairs = [
        *plants.near_pairs,
        *zip(sorted(plants.documents)[:30], sorted(plants.documents)[1:31]),
    ]
    for first, second in pairs:
        a, b = plants.documents[first], plants.documents[second]
        exact = exact_similarity(seed_parts(a)[1], seed_parts(b)[1], settings.shingle_words)
        guess = estimate(
            fingerprint_seed(first, a, settings).signature,
            fingerprint_seed(second, b, settings).signature,
        )
        # four standard errors of a 128-value estimate at worst
        assert abs(guess - exact) <= 4 * (0.25 / settings.num_perm) ** 0.5, (first, second)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7, 0.8, 0.9, 0.95])
@pytest.mark.parametrize("num_perm", [64, 128, 256])
def test_the_band_shape_finds_pairs_at_the_threshold(threshold: float, num_perm: int) -> None:
    bands, rows = band_shape(threshold, num_perm)
    assert bands * rows <= num_perm
    assert candidate_probability(threshold, bands, rows) >= 0.995
    # and it is the most selective shape that does: one more row per band would miss
    if rows < num_perm:
        assert candidate_probability(threshold, num_perm // (rows + 1), rows + 1) < 0.995


def test_the_default_band_shape_rarely_pairs_loosely_related_texts() -> None:
    bands, rows = band_shape(CorpusSettings().threshold, CorpusSettings().num_perm)
    assert (bands, rows) == (21, 6)
    assert candidate_probability(0.3, bands, rows) < 0.02


PRINT = """
import json, sys
sys.path.insert(0, "tests")
from wikinews import seeds
from seedlint.corpus import CorpusSettings, fingerprint_seed
out = []
for key, text in seeds("en")[:15]:
    f = fingerprint_seed(key, text, CorpusSettings())
    out.append([f.key, f.body_hash.hex(), f.title_key, f.signature.hex(), f.paragraphs])
print(json.dumps(out))
"""


@pytest.mark.e2e
def test_fingerprints_are_the_same_in_every_process() -> None:
    runs = []
    for salt in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", PRINT],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": salt},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        runs.append(json.loads(result.stdout))
    assert runs[0] == runs[1] and len(runs[0]) == 15


def test_whitespace_does_not_change_the_body_hash_but_words_do() -> None:
    settings = CorpusSettings()
    text = ARTICLES[3][1]
    spaced = text.replace(" ", "  \u00a0").replace("\n\n", "\n \n\t\n")
    first, second = fingerprint_seed("a", text, settings), fingerprint_seed("b", spaced, settings)
    assert first.body_hash == second.body_hash
    assert [p[0] for p in first.paragraphs] == [p[0] for p in second.paragraphs]
    changed = fingerprint_seed("c", text.replace(" the ", " a ", 1), settings)
    assert changed.body_hash != first.body_hash


def test_odd_text_fingerprints_without_error() -> None:
    settings = CorpusSettings()
    for text in ["", "date 2024-01-01", "date 2024-01-01 T\n\n", "\udce9\ud800 bad\n\n…", "!!!"]:
        result = fingerprint_seed("k", text, settings)
        assert len(result.signature) in (0, 4 * settings.num_perm)
    assert fingerprint_seed("k", "date 2024-01-01 T\n\n!!!\n", settings).signature == b""


def test_paragraphs_outside_the_body_are_refused() -> None:
    with pytest.raises(ValueError, match="outside the body"):
        fingerprint("k", "T", "body text", 10, [(5, 9)], CorpusSettings())


@pytest.mark.parametrize(
    "bad",
    [
        CorpusSettings(shingle_words=0),
        CorpusSettings(num_perm=0),
        CorpusSettings(threshold=0.0),
        CorpusSettings(threshold=1.5),
        CorpusSettings(boilerplate_min_documents=1),
        CorpusSettings(boilerplate_share=2.0),
        CorpusSettings(seed=-1),
    ],
)
def test_unusable_settings_are_named(bad: CorpusSettings) -> None:
    assert bad.problem() is not None
    with pytest.raises(ValueError):
        bad.checked()


def test_the_boilerplate_floor_and_share() -> None:
    settings = CorpusSettings()
    assert settings.boilerplate_documents(100) == 3
    assert settings.boilerplate_documents(100_000) == 1000


@given(st.text(alphabet="ab \n\t\u00a0\u2028é\udce9", max_size=60))
def test_a_body_hashed_in_pieces_is_hashed_whole(body: str) -> None:
    # a large body is normalised and hashed a piece at a time: the digest of the whole's
    # normal form all the same
    piece = fingerprint_module.HASHED_PIECE
    fingerprint_module.HASHED_PIECE = 2
    try:
        whole = hashlib.blake2b(
            normalise(body).encode("utf-8", "surrogatepass"),
            digest_size=fingerprint_module.BODY_HASH_BYTES,
        ).digest()
        assert fingerprint_module.body_hash(body) == whole
    finally:
        fingerprint_module.HASHED_PIECE = piece


# every character str.split() splits at, and some that it does not
SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())


@given(st.text(alphabet=st.sampled_from([*SPACES, "a", "b", "é", "\u200b", " "]), max_size=30))
def test_a_text_plainly_spaced_is_its_own_normal_form(text: str) -> None:
    # paragraphs whose words are one space apart skip the split and join
    assert normalise(text) == " ".join(text.split())


@pytest.mark.parametrize("space", [*SPACES, "  "])
def test_every_space_but_one_is_normalised(space: str) -> None:
    for text in (f"a{space}b", f"{space}a b", f"a b{space}"):
        assert normalise(text) == " ".join(text.split())


@given(
    st.sets(st.integers(0, 2**64 - 1), max_size=60),
    st.sets(st.integers(0, 2**64 - 1), max_size=60),
    st.sets(st.integers(0, 2**64 - 1), max_size=30),
)
def test_jaccard_is_the_share_of_shared_hashes(
    left: set[int], right: set[int], shared: set[int]
) -> None:
    """Two shingle sets (sorted, each hash once) with some hashes in common."""
    first, second = left | shared, right | shared
    expected = len(first & second) / len(first | second) if first and second else 0.0
    assert jaccard(_hashes(first), _hashes(second)) == expected


def _hashes(values: set[int]) -> np.ndarray:
    return np.array(sorted(values), dtype=np.uint64)


@given(st.text(alphabet="ab cd\n", max_size=300), st.integers(1, 4))
def test_a_shingle_set_is_the_distinct_shingle_hashes_sorted(body: str, words: int) -> None:
    """Bodies of few words, so that shingles repeat."""
    assert shingle_set(body, words).tolist() == np.unique(shingle_hashes(body, words)).tolist()
