"""The ``api`` mode: one text and one file's bytes through the Python API.

The text: ``lint_text`` and ``fix_text`` never raise; a fix, safe or unsafe, is
idempotent; after a safe fix nothing safely fixable remains, and no undecodable byte
changed. The bytes: they survive decoding and encoding, and the file-level fix (what
``fix --in-place`` writes: ``fix_document``, which keeps a CRLF or CR file's line-break
style when SL106 is off) is idempotent, safe and unsafe, with and without SL106.
"""

from __future__ import annotations

from pathlib import Path

from documents import UNDECODABLE, files, texts
from harness import Keeper, NotIdempotent, Stats
from hypothesis import given
from linters import LINTER, NO_LINE_ENDINGS

import seedlint
from seedlint.engine.diagnostics import Applicability
from seedlint.engine.fixer import fix_document
from seedlint.engine.linter import Linter
from seedlint.io.reading import Unreadable, check_text, decode, encode

EXAMPLES_PER_ROUND = 500


def file_fix(linter: Linter, data: bytes, unsafe: bool) -> bytes:
    """What ``seedlint fix --in-place`` writes for a file's bytes."""
    return encode(fix_document(linter, decode(data), "seed.txt", unsafe).text)


def example(stats: Stats, keeper: Keeper, text: str, data: bytes) -> None:
    stats.examples += 1
    stats.documents += 2
    stats.characters += len(text) + len(data)
    keeper.note("text.txt", text.encode("utf-8", "surrogatepass"))
    keeper.note("file.txt", data)
    for unsafe in (False, True):
        fixed, _ = seedlint.fix_text(text, unsafe=unsafe, linter=LINTER)
        again, applied = seedlint.fix_text(fixed, unsafe=unsafe, linter=LINTER)
        if again != fixed or applied:
            raise NotIdempotent(f"fix_text(unsafe={unsafe}) changed its own output")
        if not unsafe:
            left = [
                d.code
                for d in seedlint.lint_text(fixed, linter=LINTER)
                if d.fix and d.fix.applicability is Applicability.SAFE
            ]
            assert not left, f"safely fixable after a safe fix: {left}"
            assert UNDECODABLE.findall(fixed) == UNDECODABLE.findall(text), "bad byte altered"
    try:
        check_text(Path("seed.txt"), data)
    except Unreadable:
        return
    assert encode(decode(data)) == data, "bytes did not survive decoding"
    for linter in (LINTER, NO_LINE_ENDINGS):
        for unsafe in (False, True):
            written = file_fix(linter, data, unsafe)
            if file_fix(linter, written, unsafe) != written:
                raise NotIdempotent(f"file fix (unsafe={unsafe}) changed its own output")


def test(stats: Stats, keeper: Keeper) -> object:
    @given(texts, files)
    def round_(text: str, data: bytes) -> None:
        with keeper.example():
            example(stats, keeper, text, data)

    return round_
