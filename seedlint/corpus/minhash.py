"""MinHash signatures of word shingles, and the LSH band keys cut from them.

A document's words (lower-cased runs of word characters) are hashed from the text's UTF-8
bytes with numpy, all at once: each word's bytes are the digits of a number in base
``WORD_BASE`` modulo 2**64, mixed and folded to 32 bits (deterministic across processes,
unlike Python's ``hash``). Every run of ``shingle_words`` consecutive words gets a 64-bit
hash combined from its words' hashes, again with numpy: no Python step runs per word or
per shingle. The signature is datasketch's "affine32"
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
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from seedlint.engine.document import (
    LARGE_TEXT,
    WORD_TABLE,
    line_pieces,
    lower_case,
    runs_of,
    without_punctuation,
)

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]

WORD = re.compile(r"\w+")
# odd multiplier that spreads a word's hash across 64 bits when shingles are combined
SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
BAND_MULTIPLIER = np.uint64(0xC2B2AE3D27D4EB4F)
# shingles are permuted in chunks so that a very long document never needs a
# num_perm x shingles matrix at once
SHINGLES_PER_CHUNK = 4096
LARGE_PIECE = 1 << 20  # characters of a very large text whose words are hashed at a time
SPACE = 0x20
SIGNATURES_PER_CHUNK = 8192


def words_of(lower: str) -> Iterable[str]:
    """The words the near-duplicate check compares, in a lower-cased text: what
    ``WORD.findall(lower)`` finds (see ``runs_of``)."""
    return runs_of(lower, WORD_TABLE, WORD)


def spaced_words(text: str) -> bytes:
    """The UTF-8 of the words of ``text`` lower-cased (``words_of(lower_case(text))``),
    each followed by one space or more. A text whose bytes from 0x80 on are all punctuation
    (``runs_of``) is lower-cased and split in one C translate of its bytes; any other is
    lower-cased and searched."""
    data = text.encode("utf-8", "surrogatepass")
    if not data.isascii():
        data = without_punctuation(data)
    if data.isascii():
        return data.translate(_LOWER_WORD_TABLE) + b" "
    words = words_of(lower_case(text))
    return (" ".join(words) + " ").encode("utf-8", "surrogatepass")


# byte -> its lower case for an ASCII letter, itself for a digit or '_', a space otherwise
_LOWER_WORD_TABLE = (
    bytes(
        (b | 0x20) if chr(b).isalpha() else b if chr(b) in "0123456789_" else 0x20
        for b in range(128)
    )
    + b" " * 128
)
# a word's hash: its bytes as the digits of a number in this base, modulo 2**64
WORD_BASE = 0x100000001B3
# the base's powers; a byte further than this from its word's end takes the power of its
# distance modulo the table's size (a word that long hashes worse, never differently
# from run to run)
_POWER_TABLE = 1 << 12


@lru_cache(maxsize=1)
def _powers() -> U64:
    powers = np.empty(_POWER_TABLE, dtype=np.uint64)
    value = 1
    for exponent in range(_POWER_TABLE):
        powers[exponent] = value
        value = value * WORD_BASE % (1 << 64)
    return powers


def word_hashes(spaced: bytes) -> U32:
    """The 32-bit hash of every word of ``spaced`` (words each followed by spaces, as
    ``spaced_words`` gives them), in order: ``word_hash`` of each, all computed at once."""
    codes = np.frombuffer(spaced, dtype=np.uint8)
    in_word = codes != SPACE
    letters = codes[in_word].astype(np.uint64)
    if not len(letters):
        return np.empty(0, dtype=np.uint32)
    # a word starts at a word byte after a space (or at the start) and ends at a space
    before = np.empty(len(codes), dtype=bool)
    before[0] = False
    before[1:] = in_word[:-1]
    starts = np.flatnonzero(in_word & ~before)
    lengths = np.flatnonzero(before & ~in_word) - starts  # every word is followed by a space
    ends = np.cumsum(lengths)  # where each word ends among the letters
    # each letter's distance from its word's last letter picks its power of the base
    distance = np.repeat(ends - 1, lengths) - np.arange(len(letters))
    np.bitwise_and(distance, _POWER_TABLE - 1, out=distance)
    np.multiply(letters, _powers()[distance], out=letters)
    hashed = np.add.reduceat(letters, ends - lengths)
    return _fmix64_in_place(hashed).astype(np.uint32)


def word_hash(word: str) -> int:
    """One word's 32-bit hash, plainly: what ``word_hashes`` gives for it."""
    data = word.encode("utf-8", "surrogatepass")
    value = 0
    for distance, byte in enumerate(reversed(data)):
        value += byte * pow(WORD_BASE, distance % _POWER_TABLE, 1 << 64)
    return int(fmix64(np.array([value % (1 << 64)], dtype=np.uint64))[0]) & 0xFFFFFFFF


def shingle_hashes(body: str, shingle_words: int) -> U64:
    """64-bit hashes of every run of ``shingle_words`` consecutive words (one run of all the
    words when there are fewer); empty when the text has no word."""
    if len(body) <= LARGE_TEXT:
        hashed = word_hashes(spaced_words(body))
    else:  # a piece at a time: the bytes of a 100 MB text's words are as large as it
        hashed = np.concatenate(
            [word_hashes(spaced_words(piece)) for piece in line_pieces(body, LARGE_PIECE)]
            or [np.empty(0, dtype=np.uint32)]
        )
    # the arithmetic below is done in place (a long text's arrays are large), modulo 2**64
    # as numpy's unsigned operations are
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
    # one (num_perm, shingles) array, written in place: a temporary per operation costs a
    # sixth of the signature's time
    buffer = np.empty((num_perm, min(len(folded), SHINGLES_PER_CHUNK)), dtype=np.uint32)
    for start in range(0, len(folded), SHINGLES_PER_CHUNK):
        chunk = folded[start : start + SHINGLES_PER_CHUNK]
        permuted = buffer[:, : len(chunk)]
        np.multiply(a[:, np.newaxis], chunk, out=permuted)
        np.add(permuted, b[:, np.newaxis], out=permuted)
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
