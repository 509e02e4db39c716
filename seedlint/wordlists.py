"""Misspelling lists that ship with other packages, read once per process.

``codespell``: codespell's main dictionary (``codespell_lib/data/dictionary.txt``), a
maintained list of misspelling -> correction pairs chosen to be safe in unattended runs.
Its British-to-American list is deliberately not read: both spellings are correct in news.
An entry with several corrections becomes ``"a|b"``, and one that codespell marks as not
safe to apply (a trailing comma) becomes ``"a|"``: rules report both without a fix.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_list(name: str) -> dict[str, str]:
    if name != "codespell":
        raise ValueError(f"unknown word list '{name}' (known: codespell)")
    source = resources.files("codespell_lib").joinpath("data", "dictionary.txt")
    table: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("->")
        if not right:
            continue
        candidates = [c.strip() for c in right.split(",") if c.strip()]
        if candidates:
            manual = len(candidates) == 1 and right.rstrip().endswith(",")
            table[wrong.strip().lower()] = "|".join(candidates) + ("|" if manual else "")
    return table
