"""langdetect's language profiles, parsed once per machine and kept as data.

langdetect reads its 55 JSON profiles and builds a table of n-gram probabilities (some
88,000 n-grams by 55 languages) in a Python loop each time a process first detects a
language: a quarter of a second and more. The table is kept in the user's cache folder
(beside the parsed word list, see ``_wordlists``) as one file named by langdetect's
version and the profiles' sizes and times: a JSON header (the languages and the sizes),
the probabilities as float64, row by row, then a hash table of the n-grams (their UTF-8
hashed with CRC-32, open addressing) and the n-grams themselves. The header and the hash
table are read back and checked (sizes); anything that does not fit is discarded and the
table built again by langdetect itself. A row of probabilities is read from the file when
langdetect first asks for it, so the floats it reads are the very values it would have
computed.

Nothing is built per n-gram when the table is read, and only the rows a text asks for are
read: a dict of the 88,000 n-grams took some 25 MB in every process that detected a
language, and a memory map of the whole table came to count its 39 MB in the process's
resident memory as rows were read here and there. An n-gram is looked up in the hash
table when langdetect first asks for it, and remembered (a text asks for the same few
hundred n-grams thousands of times).
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec

from seedlint.io.reading import open_regular
from seedlint.io.usercache import cache_folder, keep_data

PREFIX = "langdetect-"
FORMAT = 2
MAGIC = b"SLLANGP2"
HEADER_SIZE = struct.Struct("<Q")  # length of the JSON header, after the magic
FLOAT = 8  # bytes of a float64
INDEX = 4  # bytes of a slot or an offset (uint32)
ABSENT = -1  # what ``Rows`` remembers of an n-gram the table does not hold
REMEMBERED = 1 << 16  # n-grams remembered at most: their rows, or that they are absent
ROWS_KEPT = 1 << 13  # rows of probabilities kept once read, 440 bytes each
HEADER_LIMIT = 1 << 16  # bytes of the JSON header at most (the languages and the sizes)


class Header(msgspec.Struct, frozen=True):
    languages: list[str]
    ngrams: int  # rows of the table
    slots: int  # of the hash table: a power of two, more than the rows
    text: int  # bytes of the n-grams' UTF-8, end to end


class Rows(Mapping[str, Any]):
    """n-gram -> its probabilities per language (float64), as langdetect reads
    ``word_lang_prob_map``: ``word in rows`` and ``rows[word][index]``. ``slots`` holds
    row + 1 (0: empty) at the CRC-32 of the n-gram's UTF-8 or the slots after it; row
    ``r``'s n-gram is ``text[offsets[r]:offsets[r + 1]]``, its probabilities ``width``
    float64 at ``table + r * width * 8`` of the open file ``descriptor``, read when first
    asked for."""

    def __init__(
        self,
        descriptor: int,
        table: int,
        width: int,
        slots: memoryview[int],
        offsets: memoryview[int],
        text: bytes,
    ) -> None:
        self._descriptor, self._table, self._width = descriptor, table, width
        self._slots, self._offsets, self._text = slots, offsets, text
        self._rows = len(offsets) - 1
        self._known: dict[str, int] = {}  # n-gram -> its row, or ABSENT
        self._values: dict[int, memoryview[float]] = {}  # row -> its probabilities

    def _row(self, ngram: str) -> int:
        known = self._known.get(ngram)
        if known is None:
            if len(self._known) >= REMEMBERED:
                self._known.clear()
            known = self._known[ngram] = self._find(ngram)
        return known

    def _find(self, ngram: str) -> int:
        slots, offsets, text = self._slots, self._offsets, self._text
        data = ngram.encode("utf-8", "surrogatepass")
        mask = len(slots) - 1
        slot = zlib.crc32(data) & mask
        for _ in range(len(slots)):  # a damaged table whose slots are all full ends too
            row = slots[slot] - 1
            if not 0 <= row < self._rows:
                return ABSENT  # an empty slot (or a damaged one)
            if text[offsets[row] : offsets[row + 1]] == data:
                return row
            slot = (slot + 1) & mask
        return ABSENT

    def __getitem__(self, ngram: str) -> memoryview[float]:
        row = self._row(ngram)
        if row == ABSENT:
            raise KeyError(ngram)
        values = self._values.get(row)
        if values is None:
            if len(self._values) >= ROWS_KEPT:
                self._values.clear()
            size = self._width * FLOAT
            data = os.pread(self._descriptor, size, self._table + row * size)
            if len(data) != size:  # the file was cut short since it was opened
                raise KeyError(ngram)
            values = self._values[row] = memoryview(data).cast("d")
        return values

    def __contains__(self, ngram: object) -> bool:
        return isinstance(ngram, str) and self._row(ngram) != ABSENT

    def __iter__(self) -> Iterator[str]:
        offsets, text = self._offsets, self._text
        for row in range(self._rows):
            yield text[offsets[row] : offsets[row + 1]].decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return self._rows


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
    """The factory from a kept table, or None when there is none or it does not fit. The
    file stays open: its rows are read as langdetect asks for them."""
    from langdetect.detector_factory import DetectorFactory

    try:  # opened without waiting, and only when a regular file (no FIFO)
        descriptor = open_regular(copy)
    except OSError:
        return None
    try:
        found, languages = _rows(descriptor)
    except (OSError, ValueError, struct.error, msgspec.DecodeError, msgspec.ValidationError):
        os.close(descriptor)
        return None
    factory = DetectorFactory()
    factory.langlist = languages
    factory.word_lang_prob_map = found
    return factory


def _rows(descriptor: int) -> tuple[Rows, list[str]]:
    """The rows of an open table and its languages: ValueError when it does not fit."""
    start = len(MAGIC) + HEADER_SIZE.size
    head = os.pread(descriptor, start, 0)
    if head[: len(MAGIC)] != MAGIC:
        raise ValueError("not a profile table")
    (length,) = HEADER_SIZE.unpack_from(head, len(MAGIC))
    if length > HEADER_LIMIT:
        raise ValueError("header too long")
    header = msgspec.json.decode(os.pread(descriptor, length, start), type=Header)
    width, rows, slots = len(header.languages), header.ngrams, header.slots
    table_start = _aligned(start + length)
    slots_start = table_start + rows * width * FLOAT
    offsets_start = slots_start + slots * INDEX
    text_start = offsets_start + (rows + 1) * INDEX
    if (
        width < 2
        or rows < 1
        or slots <= rows
        or slots & (slots - 1)
        or os.fstat(descriptor).st_size != text_start + header.text
    ):
        raise ValueError("sizes do not match")
    index = os.pread(descriptor, text_start - slots_start, slots_start)
    text = os.pread(descriptor, header.text, text_start)
    if len(index) != text_start - slots_start or len(text) != header.text:
        raise ValueError("cut short")
    cut = offsets_start - slots_start
    slots_view = memoryview(index)[:cut].cast("I")
    offsets_view = memoryview(index)[cut:].cast("I")
    return Rows(descriptor, table_start, width, slots_view, offsets_view, text), header.languages


def _keep(copy: Path, languages: list[str], table: Mapping[str, list[float]]) -> None:
    """Write the table (through no link), keeping few tables of other profiles."""
    ngrams = [ngram.encode("utf-8", "surrogatepass") for ngram in table]
    size = 2
    while size < 2 * len(ngrams):  # at most half full: a probe or two per n-gram
        size *= 2
    slots = [0] * size
    for row, data in enumerate(ngrams):
        slot = zlib.crc32(data) & (size - 1)
        while slots[slot]:
            slot = (slot + 1) & (size - 1)
        slots[slot] = row + 1
    offsets = [0]
    for data in ngrams:
        offsets.append(offsets[-1] + len(data))
    text = b"".join(ngrams)
    header = msgspec.json.encode(Header(languages, len(ngrams), size, len(text)))
    start = len(MAGIC) + HEADER_SIZE.size
    padding = b"\0" * (_aligned(start + len(header)) - start - len(header))
    rows = struct.Struct(f"={len(languages)}d")  # native order, as memoryview.cast reads
    data = b"".join(
        [MAGIC, HEADER_SIZE.pack(len(header)), header, padding]
        + [rows.pack(*probabilities) for probabilities in table.values()]
        + [struct.pack(f"={size}I", *slots), struct.pack(f"={len(offsets)}I", *offsets), text]
    )
    keep_data(copy, data, (f"{PREFIX}*.bin",))


def _aligned(offset: int) -> int:
    return -(-offset // FLOAT) * FLOAT
