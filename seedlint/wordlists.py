"""Misspelling lists that ship with other packages, read once per process.

``codespell``: codespell's main dictionary (``codespell_lib/data/dictionary.txt``), a
maintained list of misspelling -> correction pairs chosen to be safe in unattended runs.
Its British-to-American list is deliberately not read: both spellings are correct in news.
An entry with several corrections becomes ``"a|b"``, and one that codespell marks as not
safe to apply (a trailing comma) becomes ``"a|"``: rules report both without a fix.

Parsing the 65,000 lines takes longer than start-up should, so the parsed table is kept
in the user's cache folder (``$XDG_CACHE_HOME/seedlint``, or ``SEEDLINT_WORDLIST_CACHE``),
named by the installed list's size and time, and read back with ``marshal``.
"""

from __future__ import annotations

import marshal
import os
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def load_list(name: str) -> dict[str, str]:
    if name != "codespell":
        raise ValueError(f"unknown word list '{name}' (known: codespell)")
    source = Path(str(resources.files("codespell_lib").joinpath("data", "dictionary.txt")))
    stat = source.stat()
    copy = _cache_folder() / f"codespell-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    try:
        return marshal.loads(copy.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no copy yet, or a damaged one: parse the list
    table = parse(source.read_text(encoding="utf-8"))
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        temporary = copy.with_name(f"{copy.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(table))
        os.replace(temporary, copy)
    except OSError:
        pass  # no writable cache folder: parse again next time
    return table


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(os.environ.get("SEEDLINT_WORDLIST_CACHE") or Path(base) / "seedlint")


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
