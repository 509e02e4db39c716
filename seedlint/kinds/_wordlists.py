"""Misspelling lists that ship with other packages, read once per process.

``codespell``: codespell's main dictionary (``codespell_lib/data/dictionary.txt``), a
maintained list of misspelling -> correction pairs chosen to be safe in unattended runs.
Its British-to-American list is deliberately not read: both spellings are correct in news.
An entry with several corrections becomes ``"a|b"``, and one that codespell marks as not
safe to apply (a trailing comma) becomes ``"a|"``: rules report both without a fix.

Parsing the 65,000 lines costs more than start-up should, so the parsed table is kept in
the user's cache folder (``$XDG_CACHE_HOME/seedlint``, or ``SEEDLINT_WORDLIST_CACHE``) as
JSON, named by the installed list's size and time; it is read back as data (a mapping of
strings, validated), and copies made for other installed lists are removed.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import msgspec

from seedlint.io.usercache import cache_folder, keep_data

PREFIX = "codespell-"
OLD_COPIES = ("codespell-*.json", "codespell-*.marshal")


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
    copy = cache_folder() / f"{PREFIX}{stat.st_size}-{stat.st_mtime_ns}.json"
    try:
        return msgspec.json.decode(copy.read_bytes(), type=dict[str, str])
    except (OSError, msgspec.ValidationError, msgspec.DecodeError):
        pass  # no copy yet, or a damaged one: parse the list
    table = parse(source.read_text(encoding="utf-8"))
    _keep(copy, table)
    return table


def _keep(copy: Path, table: dict[str, str]) -> None:
    keep_data(copy, msgspec.json.encode(table), OLD_COPIES)


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
    the language, not a name. Kept beside the parsed list (a JSON list of strings, named
    like it), as gathering it costs half a second."""
    status = source_of(name).stat()
    copy = cache_folder() / f"vocabulary-{name}-{status.st_size}-{status.st_mtime_ns}.json"
    try:
        return frozenset(msgspec.json.decode(copy.read_bytes(), type=list[str]))
    except (OSError, msgspec.ValidationError, msgspec.DecodeError):
        pass  # no copy yet, or a damaged one: gather the words
    words = _vocabulary(load_list(name))
    keep_data(copy, msgspec.json.encode(sorted(words)), (f"vocabulary-{name}-*.json",))
    return words


def _vocabulary(table: dict[str, str]) -> frozenset[str]:
    return frozenset(
        word
        for corrections in table.values()
        for candidate in corrections.split("|")
        for word in candidate.lower().split()
        if word.isalpha()
    )
