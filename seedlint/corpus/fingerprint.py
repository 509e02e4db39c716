"""What the corpus checks keep of one document: its fingerprint.

A fingerprint is computed from one document alone (a pure function of the text and the
settings), holds only plain data (strings, bytes, integers) and is small (a few kB with
its shingle set, which the index does not keep), so fingerprints can be computed in any
process, in any order, and sent to where the index is built.

- ``body_hash``: 16 bytes of BLAKE2b over the body with every run of whitespace made one
  space and the ends trimmed: the exact-duplicate check compares these.
- ``title_key``: the title lower-cased with its whitespace normalised.
- ``signature``: the MinHash signature of the body's word shingles, ``num_perm``
  little-endian 32-bit values; empty when the body has no word.
- ``paragraphs``: (hash, start, end) of every non-blank paragraph, the hash a 64-bit BLAKE2b
  of the whitespace-normalised paragraph, start and end character offsets in the whole
  document, so that a finding can point at the paragraph and a fix can remove it.
- ``shingles``: the distinct 64-bit hashes of the body's shingles, sorted, in native byte
  order: what the near-duplicate check measures pairs by, sent along to the process that
  runs it so that it need not read and hash the document again. Never stored; empty past
  ``SHINGLES_SENT`` shingles (the check then reads the body).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import msgspec
import numpy as np

from seedlint.corpus.minhash import U64, shingle_hashes, signature
from seedlint.corpus.settings import CorpusSettings
from seedlint.engine.document import LARGE_TEXT, line_pieces

BODY_HASH_BYTES = 16
PARAGRAPH_HASH_BYTES = 8
# shingles of a body at most whose set a fingerprint carries (512 kB): a news article has
# a few hundred; a very large text's set is made again by the check, if ever needed
SHINGLES_SENT = 1 << 16
HASHED_PIECE = 1 << 16  # characters of a body normalised and hashed at a time (at least)
NO_TITLE = 0  # the 64-bit title hash of a document without a title; real hashes avoid it


class Fingerprint(msgspec.Struct, frozen=True):
    """One document as the corpus checks see it (see the module docstring)."""

    key: str  # a file's path, or FILE#ID for a JSON Lines record
    body_hash: bytes
    title_key: str
    signature: bytes
    paragraphs: tuple[tuple[int, int, int], ...]
    shingles: bytes = b""

    @property
    def has_body(self) -> bool:
        return self.body_hash != EMPTY_BODY_HASH


def normalise(text: str) -> str:
    """The text with every run of whitespace one space, and none at the ends."""
    if text.isascii() and _plainly_spaced(text):
        return text  # most paragraphs are one line, their words one space apart
    return " ".join(text.split())


def _plainly_spaced(text: str) -> bool:
    """Whether an ASCII text is its own normal form: no whitespace but single spaces
    between words. The ASCII characters str.split() splits at, one test each (a loop over
    them costs what it saves)."""
    return not (
        "  " in text or text[:1] == " " or text[-1:] == " " or "\n" in text or "\t" in text
        or "\r" in text or "\x0b" in text or "\x0c" in text or "\x1c" in text
        or "\x1d" in text or "\x1e" in text or "\x1f" in text
    )  # fmt: skip


def _digest(text: str, size: int) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=size).digest()


def body_hash(body: str) -> bytes:
    """The digest of ``normalise(body)``, fed a piece at a time: a list of every word of a
    large body would take many times its size. Pieces are cut at a line break, so no
    word spans two of them, and joining their normal forms with one space gives the
    whole's."""
    digest = hashlib.blake2b(digest_size=BODY_HASH_BYTES)
    separator = ""
    for piece in line_pieces(body, HASHED_PIECE):
        normal = normalise(piece)
        if normal:
            digest.update((separator + normal).encode("utf-8", "surrogatepass"))
            separator = " "
    return digest.digest()


def title_key(title: str) -> str:
    return normalise(title.lower())


def title_hash(key: str) -> int:
    """The 64-bit hash of a normalised title; NO_TITLE for an empty one."""
    if not key:
        return NO_TITLE
    return int.from_bytes(_digest(key, 8), "little") or 1


def paragraph_hash(paragraph: str) -> int:
    return _normal_hash(normalise(paragraph))


def _normal_hash(normal: str) -> int:
    return int.from_bytes(_digest(normal, PARAGRAPH_HASH_BYTES), "little")


EMPTY_BODY_HASH = body_hash("")


def fingerprint(
    key: str,
    title: str,
    body: str,
    body_offset: int,
    paragraphs: Sequence[tuple[int, int]],
    settings: CorpusSettings,
) -> Fingerprint:
    """The fingerprint of a document whose body starts at ``body_offset`` of its text and
    whose paragraphs are the (start, end) spans given, in offsets of the whole text."""
    hashes = shingle_hashes(body, settings.shingle_words)
    shingles = b""
    if len(hashes) <= SHINGLES_SENT:  # a set's minima are its repeated hashes' minima
        hashes = _distinct(hashes)
        shingles = hashes.tobytes()
    values = (
        signature(hashes, settings.num_perm, settings.seed).astype("<u4").tobytes()
        if len(hashes)
        else b""
    )
    spans = []
    normals = []  # each paragraph's normal form, for the body's hash too (see below)
    covered = 0  # where the body's last paragraph ends, in offsets of the body
    gaps_blank = True
    for start, end in paragraphs:
        if not body_offset <= start <= end <= body_offset + len(body):
            raise ValueError(f"{key}: paragraph {start}-{end} lies outside the body")
        text = body[start - body_offset : end - body_offset]
        gaps_blank = gaps_blank and _blank(body, covered, start - body_offset)
        covered = max(covered, end - body_offset)
        normal = normalise(text)
        if normal:
            normals.append(normal)
            spans.append((_normal_hash(normal), start, end))
    # paragraphs in order with nothing but whitespace between them and around them hold
    # the whole body: its normal form is theirs joined by one space, which is hashed
    # without normalising the body again
    if gaps_blank and _blank(body, covered, len(body)) and len(body) <= LARGE_TEXT:
        whole = hashlib.blake2b(
            " ".join(normals).encode("utf-8", "surrogatepass"), digest_size=BODY_HASH_BYTES
        ).digest()
    else:
        whole = body_hash(body)
    return Fingerprint(key, whole, title_key(title), values, tuple(spans), shingles)


def _blank(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is whitespace only (or empty; or a span that goes back,
    which paragraphs out of order give: then the body is hashed as a whole)."""
    return start <= end and (start == end or body[start:end].isspace())


def exact_similarity(first: str, second: str, shingle_words: int) -> float:
    """Jaccard similarity of the two bodies' shingle sets (their 64-bit hashes), 0 when
    either has no word."""
    return jaccard(shingle_set(first, shingle_words), shingle_set(second, shingle_words))


def shingle_set(body: str, shingle_words: int) -> U64:
    """The distinct 64-bit hashes of the body's shingles, sorted."""
    return _distinct(shingle_hashes(body, shingle_words))


def _distinct(hashes: U64) -> U64:
    """The distinct values of ``hashes``, sorted (``hashes`` is sorted in place)."""
    hashes.sort()  # in place, then one mask: np.unique takes 3-4 times as long
    distinct = np.empty(len(hashes), dtype=bool)
    distinct[:1] = True
    np.not_equal(hashes[1:], hashes[:-1], out=distinct[1:])
    return hashes[distinct]


def jaccard(left: U64, right: U64) -> float:
    """Jaccard similarity of two sets of shingle hashes (``shingle_set``s), 0 when either
    is empty."""
    if not len(left) or not len(right):
        return 0.0
    # each set holds a hash once, so a hash met twice in both is one they share; the sort
    # merges two sorted runs (a third of intersect1d's time on news articles)
    both = np.concatenate((left, right))
    both.sort(kind="stable")
    common = int(np.count_nonzero(both[1:] == both[:-1]))
    return common / (len(left) + len(right) - common)
