"""Misspelling lists that ship with other packages, read once per process.

``codespell``: codespell's main dictionary (``codespell_lib/data/dictionary.txt``), a
maintained list of misspelling -> correction pairs chosen to be safe in unattended runs.
Its British-to-American list is deliberately not read: both spellings are correct in news.
An entry with several corrections becomes ``"a|b"``, and one that codespell marks as not
safe to apply (a trailing comma) becomes ``"a|"``: rules report both without a fix.

Parsing the 65,000 lines costs more than start-up should, so the parsed table is kept in
the user's cache folder (``$XDG_CACHE_HOME/seedlint``, or ``SEEDLINT_WORDLIST_CACHE``),
named by the installed list's size and time, and copies made for other installed lists
are removed. A copy is text, split in C: a first line with its format, the number of
strings, the body's length and CRC-32, then the strings one a line (each misspelling
followed by its corrections; no string holds a line break, as the list is read by lines).
It is read back as data, and one that does not match its first line is parsed again.
"""

from __future__ import annotations

import importlib.util
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from seedlint.io.usercache import cache_folder, keep_data

PREFIX = "codespell-"
OLD_COPIES = ("codespell-*.json", "codespell-*.marshal", "codespell-*.txt")
FORMAT = "seedlint strings 1"  # a copy's first line: this, the count, the length and CRC


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


@cache
def load_list(name: str) -> dict[str, str]:
    source = source_of(name)
    stat = source.stat()
    copy = cache_folder() / f"{PREFIX}{stat.st_size}-{stat.st_mtime_ns}.txt"
    kept = read_strings(copy)
    if kept is not None and len(kept) % 2 == 0:
        return dict(zip(kept[::2], kept[1::2], strict=True))
    table = parse(source.read_text(encoding="utf-8"))
    _keep(copy, table)
    return table


def _keep(copy: Path, table: dict[str, str]) -> None:
    keep_strings(copy, (s for pair in table.items() for s in pair), OLD_COPIES)


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
        data = copy.read_bytes()
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
