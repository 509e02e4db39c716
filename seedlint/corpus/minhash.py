"""MinHash signatures of word shingles, and the LSH band keys cut from them.

A document's words (lower-cased runs of word characters) are hashed once each (CRC-32,
deterministic across processes, unlike Python's ``hash``), and every run of
``shingle_words`` consecutive words gets a 64-bit hash combined from its words' hashes
with numpy, so no Python loop runs per shingle. The signature is datasketch's "affine32"
MinHash of those hashes folded to 32 bits: each input is mixed with the MurmurHash3
finaliser, then each permutation ``k`` maps it to ``a_k * h + b_k mod 2**32`` (``a_k``
odd, a bijection), and the signature keeps the minimum per permutation. The permutation
parameters come from numpy's ``RandomState(seed)`` exactly as datasketch draws them, so
signatures equal datasketch's ``MinHash(num_perm, seed, hashfunc=int)`` ones (a test checks
it); datasketch itself is not imported here because it loads scipy, which would cost a
pre-commit run most of a second.

A band key is a 64-bit hash of one band of a signature together with the band's number,
so that keys of different bands never meet when they are grouped.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from seedlint.engine.document import WORD_TABLE, lower_case, runs_of

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]

WORD = re.compile(r"\w+")
# odd multiplier that spreads a word's hash across 64 bits when shingles are combined
SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
BAND_MULTIPLIER = np.uint64(0xC2B2AE3D27D4EB4F)
# shingles are permuted in chunks so that a very long document never needs a
# num_perm x shingles matrix at once
SHINGLES_PER_CHUNK = 4096
MAX_CACHED_WORDS = 200_000  # words whose hash is kept (a few tens of MB at most)
SIGNATURES_PER_CHUNK = 8192


def words_of(lower: str) -> Iterable[str]:
    """The words the near-duplicate check compares, in a lower-cased text: what
    ``WORD.findall(lower)`` finds (see ``runs_of``)."""
    return runs_of(lower, WORD_TABLE, WORD)


class _WordHashes(dict[str, int]):
    """CRC-32 of each word met, computed once: a corpus repeats its vocabulary, and a
    lookup costs a fifth of hashing the word again."""

    def __missing__(self, word: str) -> int:
        if len(self) >= MAX_CACHED_WORDS:
            self.clear()
        value = self[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
        return value


WORD_HASHES = _WordHashes()


def shingle_hashes(body: str, shingle_words: int) -> U64:
    """64-bit hashes of every run of ``shingle_words`` consecutive words (one run of all the
    words when there are fewer); empty when the text has no word."""
    # a very large text's words one at a time (found_words): a list of every word of a
    # 100 MB text is ten times its size
    found = words_of(lower_case(body))
    # CRC-32s are 32-bit; the arithmetic below is done in place (a long text's arrays are
    # large), modulo 2**64 as numpy's unsigned operations are
    hashed = np.fromiter(map(WORD_HASHES.__getitem__, found), dtype=np.uint32)
    width = min(shingle_words, len(hashed))
    if width == 0:
        return np.empty(0, dtype=np.uint64)
    count = len(hashed) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        np.multiply(combined, SHINGLE_MULTIPLIER, out=combined)
        np.add(combined, hashed[offset : offset + count], out=combined)
    return _fmix64_in_place(combined)


def fmix64(values: U64) -> U64:
    """MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit."""
    return _fmix64_in_place(values.copy())


def _fmix64_in_place(values: U64) -> U64:
    values ^= values >> np.uint64(33)
    values *= np.uint64(0xFF51AFD7ED558CCD)
    values ^= values >> np.uint64(33)
    values *= np.uint64(0xC4CEB9FE1A85EC53)
    values ^= values >> np.uint64(33)
    return values


def fmix32(values: U32) -> U32:
    """MurmurHash3's 32-bit finaliser, as datasketch applies it before permuting."""
    return _fmix32_in_place(values.copy())


def _fmix32_in_place(values: U32) -> U32:
    values ^= values >> np.uint32(16)
    values *= np.uint32(0x85EBCA6B)
    values ^= values >> np.uint32(13)
    values *= np.uint32(0xC2B2AE35)
    values ^= values >> np.uint32(16)
    return values


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[U32, U32]:
    """The (a, b) parameters of datasketch's affine32 permutations for this seed."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def signature(hashes: U64, num_perm: int, seed: int) -> U32:
    """The MinHash signature of a set of 64-bit shingle hashes (which must not be empty)."""
    a, b = permutations(num_perm, seed)
    folded = _fmix32_in_place(hashes.astype(np.uint32))  # the low 32 bits of each
    result = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    for start in range(0, len(folded), SHINGLES_PER_CHUNK):
        chunk = folded[start : start + SHINGLES_PER_CHUNK]
        permuted = a[:, np.newaxis] * chunk[np.newaxis, :] + b[:, np.newaxis]
        np.minimum(result, permuted.min(axis=1), out=result)
    return result


def band_keys(signatures: U32, bands: int, rows: int) -> U64:
    """(documents, bands) keys: a hash of each band of each signature and its number."""
    result = np.empty((signatures.shape[0], bands), dtype=np.uint64)
    # in slices of documents, so that the 64-bit copy of the signatures stays small
    for start in range(0, signatures.shape[0], SIGNATURES_PER_CHUNK):
        chunk = signatures[start : start + SIGNATURES_PER_CHUNK, : bands * rows]
        cut = chunk.astype(np.uint64).reshape(len(chunk), bands, rows)
        keys = np.broadcast_to(np.arange(1, bands + 1, dtype=np.uint64), (len(chunk), bands))
        for row in range(rows):
            keys = keys * BAND_MULTIPLIER + cut[:, :, row]
        result[start : start + len(chunk)] = fmix64(keys)
    return result
