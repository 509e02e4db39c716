"""Misspelling lists that ship with other packages, read once per process.

``codespell``: codespell's main dictionary (``codespell_lib/data/dictionary.txt``), a
maintained list of misspelling -> correction pairs chosen to be safe in unattended runs.
Its British-to-American list is deliberately not read: both spellings are correct in news.
An entry with several corrections becomes ``"a|b"``, and one that codespell marks as not
safe to apply (a trailing comma) becomes ``"a|"``: rules report both without a fix.

Parsing the 65,000 lines costs more than start-up should, so the parsed table is kept in
the user's cache folder (``$XDG_CACHE_HOME/seedlint``, or ``SEEDLINT_WORDLIST_CACHE``),
named by the installed list's size and time, and copies made for other installed lists
are removed. A copy is text, split in C, its first line giving its format, length and
CRC-32: the table's (``Table``) holds the phrases, then a line per bucket of single words
(those sharing their first two letters), decoded and made a dictionary only when a lookup
reaches it (a document asks for a few hundred words of 65,000); the vocabulary's holds its
words one a line. It is read back as data, and one that does not match its first line is
parsed again.
"""

from __future__ import annotations

import importlib.util
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from seedlint.io.reading import read_regular
from seedlint.io.usercache import cache_folder, framed, framed_body, keep_data

PREFIX = "codespell-"
OLD_COPIES = ("codespell-*.json", "codespell-*.marshal", "codespell-*.txt")
FORMAT = "seedlint strings 1"  # a copy's first line: this, the count, the length and CRC
TABLE_FORMAT = "seedlint word table 2"  # a table's copy: this, the length and CRC
KEY_LENGTH = 3  # the characters that name a word's bucket
FIELD = "\x1e"  # between a copy's fields (a line break to str.splitlines: in no entry)
FIELD_BYTES = FIELD.encode()


@cache
def source_of(name: str) -> Path:
    """The file a list is read from (also what the results cache keys on)."""
    if name != "codespell":
        raise ValueError(f"unknown word list '{name}' (known: codespell)")
    # found without importing codespell_lib, whose import loads codespell itself
    spec = importlib.util.find_spec("codespell_lib")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)), "data", "dictionary.txt")
    from importlib import resources  # a fallback only: its import costs a start-up 5 ms

    return Path(str(resources.files("codespell_lib").joinpath("data", "dictionary.txt")))


class Table:
    """A parsed list as rules read it: its phrases (entries whose misspelling holds a
    space) in the list's order, and its single words, looked up bucket by bucket (the
    entries whose misspelling has the same first KEY_LENGTH characters): a bucket is
    decoded and made a dictionary when a lookup first reaches it. ``raw`` holds each
    bucket's misspellings and corrections, alternately, joined by FIELD in UTF-8."""

    __slots__ = ("_built", "_raw", "phrases")

    def __init__(self, phrases: dict[str, str], raw: dict[str, bytes]) -> None:
        self.phrases = phrases
        self._raw = raw
        self._built: dict[str, dict[str, str]] = {}

    @classmethod
    def of(cls, table: dict[str, str]) -> Table:
        buckets: dict[str, list[str]] = {}
        for wrong, right in table.items():
            if " " not in wrong:
                buckets.setdefault(wrong[:KEY_LENGTH], []).extend((wrong, right))
        raw = {key: FIELD.join(fields).encode("utf-8") for key, fields in buckets.items()}
        return cls({k: v for k, v in table.items() if " " in k}, raw)

    def get(self, word: str) -> str | None:
        """The corrections of a single word; None when it is not listed."""
        return self.bucket(word[:KEY_LENGTH]).get(word)

    def bucket(self, key: str) -> dict[str, str]:
        found = self._built.get(key)
        if found is None:
            raw = self._raw.get(key)
            fields = raw.decode("utf-8").split(FIELD) if raw is not None else []
            found = self._built[key] = dict(zip(fields[::2], fields[1::2]))
        return found

    def bucket_keys(self) -> list[str]:
        """The bucket keys, in the copy's order."""
        return list(self._raw)

    def words(self) -> dict[str, str]:
        """Every single-word entry (each bucket made)."""
        return {wrong: right for key in self._raw for wrong, right in self.bucket(key).items()}

    def copy_data(self) -> bytes:
        """The kept copy: phrases on the first line, then a line per bucket (its key, then
        its fields), FIELD between them (no entry holds it, nor a line break: the list is
        read by lines, and both are line breaks to str.splitlines)."""
        lines = [FIELD.join(s for pair in self.phrases.items() for s in pair).encode("utf-8")]
        lines += [key.encode("utf-8") + FIELD_BYTES + raw for key, raw in self._raw.items()]
        return framed(TABLE_FORMAT, b"\n".join(lines))


@cache
def load_table(name: str) -> Table:
    """The list as rules read it (see Table), from the kept copy or parsed (and kept)."""
    source = source_of(name)
    stat = source.stat()
    copy = cache_folder() / f"{PREFIX}{stat.st_size}-{stat.st_mtime_ns}.txt"
    try:
        kept = _read_table(read_regular(copy))
    except OSError:
        kept = None
    if kept is not None:
        return kept
    table = Table.of(parse(source.read_text(encoding="utf-8")))
    keep_data(copy, table.copy_data(), OLD_COPIES)
    return table


def _read_table(data: bytes) -> Table | None:
    """The table a copy holds; None when it is damaged or of another format. The words are
    kept as bytes until looked up; a copy that is not ASCII is checked to be UTF-8 once."""
    if framed_body(TABLE_FORMAT, data) is None:
        return None
    lines = data.split(b"\n")[1:]
    phrases = lines[0].decode("utf-8").split(FIELD) if lines[0] else []
    if len(phrases) % 2:
        return None
    raw: dict[str, bytes] = {}
    for line in lines[1:]:
        at = line.find(FIELD_BYTES)
        if at < 0:
            return None
        raw[line[:at].decode("utf-8")] = line[at + 1 :]
    return Table(dict(zip(phrases[::2], phrases[1::2], strict=True)), raw)


@cache
def load_list(name: str) -> dict[str, str]:
    """Every entry of a list: misspelling -> corrections (its single words, then its
    phrases)."""
    table = load_table(name)
    return {**table.words(), **table.phrases}


def keep_strings(copy: Path, strings: Iterable[str], old_copies: tuple[str, ...]) -> None:
    """Keep a sequence of strings, none holding a line break (see the docstring)."""
    listed = list(strings)
    try:
        body = "\n".join(listed).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: parsed at every run instead
        return
    head = f"{FORMAT} {len(listed)} {len(body)} {zlib.crc32(body)}\n".encode()
    keep_data(copy, head + body, old_copies)


def read_strings(copy: Path) -> list[str] | None:
    """The strings a copy holds; None when there is no copy, or it is damaged."""
    try:
        data = read_regular(copy)
    except OSError:
        return None
    newline = data.find(b"\n")
    head, body = data[: max(newline, 0)], memoryview(data)[newline + 1 :]  # not copied
    fields = head.split(b" ")
    if newline < 0 or len(fields) < 3 or not fields[-3].isdigit():
        return None
    count = int(fields[-3])
    if head != f"{FORMAT} {count} {len(body)} {zlib.crc32(body)}".encode():
        return None
    try:
        strings = str(body, "utf-8").split("\n") if count else []
    except UnicodeDecodeError:
        return None
    return strings if len(strings) == count else None


def parse(text: str) -> dict[str, str]:
    # the one-correction entries (nine in ten) go into the dict in one comprehension;
    # only the others are looked at one by one
    lines = text.splitlines()
    table = dict(line.split("->", 1) for line in lines if "," not in line and "->" in line)
    for line in lines:
        if "," in line:
            wrong, _, right = line.partition("->")
            candidates = [c.strip() for c in right.split(",") if c.strip()]
            table[wrong] = "|".join(candidates) + ("|" if len(candidates) == 1 else "")
    for wrong in [w for w in table if not w.islower()]:
        table[wrong.lower()] = table.pop(wrong)
    return table


@cache
def vocabulary(name: str) -> frozenset[str]:
    """The correct words of a list: every correction it offers, lower-cased. codespell's
    main list corrects into some 30,000 common English words; a word in it is a word of
    the language, not a name. Kept beside the parsed list (a copy of strings, named like
    it), as gathering it costs half a second."""
    status = source_of(name).stat()
    copy = cache_folder() / f"vocabulary-{name}-{status.st_size}-{status.st_mtime_ns}.txt"
    kept = read_strings(copy)
    if kept is not None:
        return frozenset(kept)
    words = _vocabulary(load_list(name))
    keep_strings(copy, sorted(words), (f"vocabulary-{name}-*.json", f"vocabulary-{name}-*.txt"))
    return words


def _vocabulary(table: dict[str, str]) -> frozenset[str]:
    return frozenset(
        word
        for corrections in table.values()
        for candidate in corrections.split("|")
        for word in candidate.lower().split()
        if word.isalpha()
    )
