"""langdetect's language profiles, parsed once per machine and kept as data.

langdetect reads its 55 JSON profiles and builds a table of n-gram probabilities (some
88,000 n-grams by 55 languages) in a Python loop each time a process first detects a
language: a quarter of a second and more. The table is kept in the user's cache folder
(beside the parsed word list, see ``_wordlists``) as one file named by langdetect's
version and the profiles' sizes and times: a JSON header (the languages and the n-grams)
then the probabilities as float64, row by row. It is read back with a memory map and
checked (header, sizes); anything that does not fit is discarded and the table built again
by langdetect itself. The rows are served as views of the mapped file, so the floats
langdetect reads are the very values it would have computed, and worker processes share
the pages.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import struct
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec

from seedlint.io.reading import open_regular
from seedlint.io.usercache import cache_folder, keep_data

PREFIX = "langdetect-"
FORMAT = 1
MAGIC = b"SLLANGP1"
HEADER_SIZE = struct.Struct("<Q")  # length of the JSON header, after the magic
FLOAT = 8  # bytes of a float64


class Header(msgspec.Struct, frozen=True):
    languages: list[str]
    ngrams: list[str]


class Rows(Mapping[str, Any]):
    """n-gram -> its probabilities per language (a float64 view), as langdetect reads
    ``word_lang_prob_map``: ``word in rows`` and ``rows[word][index]``."""

    def __init__(self, ngrams: list[str], table: memoryview[float], width: int) -> None:
        self._index = {ngram: number for number, ngram in enumerate(ngrams)}
        self._table = table
        self._width = width

    def __getitem__(self, ngram: str) -> memoryview[float]:
        start = self._index[ngram] * self._width
        return self._table[start : start + self._width]

    def __contains__(self, ngram: object) -> bool:
        return ngram in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def load_factory() -> Any:
    """langdetect's DetectorFactory with every profile loaded, from the kept table when
    there is one that fits the installed profiles; installed as langdetect's own."""
    from langdetect import detector_factory

    factory: Any = detector_factory._factory
    if factory is not None:
        return factory
    copy = cache_folder() / f"{PREFIX}{_profiles_key(detector_factory.PROFILES_DIRECTORY)}.bin"
    factory = _read(copy)
    if factory is None:
        detector_factory.init_factory()
        factory = detector_factory._factory
        _keep(copy, factory.langlist, factory.word_lang_prob_map)
    detector_factory._factory = factory
    return factory


def _profiles_key(folder: str) -> str:
    """What the table depends on: each profile's name, size and time, the code that
    builds the table (langdetect's factory module) and this machine's byte order."""
    from langdetect import detector_factory

    digest = hashlib.blake2b(sys.byteorder.encode(), digest_size=10)
    code = os.stat(detector_factory.__file__)
    digest.update(f"{FORMAT}/{code.st_size}/{code.st_mtime_ns};".encode())
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        status = entry.stat()
        digest.update(f"{entry.name}/{status.st_size}/{status.st_mtime_ns};".encode())
    return digest.hexdigest()


def _read(copy: Path) -> Any:
    """The factory from a kept table, or None when there is none or it does not fit."""
    from langdetect.detector_factory import DetectorFactory

    try:  # opened without waiting, and mapped only when a regular file (no FIFO)
        descriptor = open_regular(copy)
        try:
            mapped = mmap.mmap(descriptor, 0, access=mmap.ACCESS_READ)
        finally:
            os.close(descriptor)
    except (OSError, ValueError):
        return None
    try:
        if mapped[: len(MAGIC)] != MAGIC:
            raise ValueError("not a profile table")
        (length,) = HEADER_SIZE.unpack_from(mapped, len(MAGIC))
        start = len(MAGIC) + HEADER_SIZE.size
        header = msgspec.json.decode(mapped[start : start + length], type=Header)
        offset = _aligned(start + length)
        width = len(header.languages)
        if width < 2 or len(mapped) != offset + len(header.ngrams) * width * FLOAT:
            raise ValueError("sizes do not match")
        table = memoryview(mapped)[offset:].cast("d")
    except (ValueError, struct.error, msgspec.DecodeError, msgspec.ValidationError):
        mapped.close()
        return None
    factory = DetectorFactory()
    factory.langlist = header.languages
    factory.word_lang_prob_map = Rows(header.ngrams, table, width)
    return factory


def _keep(copy: Path, languages: list[str], table: Mapping[str, list[float]]) -> None:
    """Write the table (through no link), keeping few tables of other profiles."""
    ngrams = list(table)
    header = msgspec.json.encode(Header(languages, ngrams))
    start = len(MAGIC) + HEADER_SIZE.size
    padding = b"\0" * (_aligned(start + len(header)) - start - len(header))
    rows = struct.Struct(f"={len(languages)}d")  # native order, as memoryview.cast reads
    data = b"".join(
        [MAGIC, HEADER_SIZE.pack(len(header)), header, padding]
        + [rows.pack(*table[ngram]) for ngram in ngrams]
    )
    keep_data(copy, data, (f"{PREFIX}*.bin",))


def _aligned(offset: int) -> int:
    return -(-offset // FLOAT) * FLOAT
