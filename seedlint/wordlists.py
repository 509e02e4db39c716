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
    text = (
        resources.files("codespell_lib")
        .joinpath("data", "dictionary.txt")
        .read_text(encoding="utf-8")
    )
    # This runs at every start-up: the one-correction entries (nine in ten) go into the
    # dict in one comprehension; only the others are looked at one by one.
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
