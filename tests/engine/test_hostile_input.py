"""Robustness properties, checked with hypothesis on hostile input: bytes that are not
UTF-8, lone surrogates, every kind of line break, control and invisible characters, byte
order marks, mojibake and entities, mixed with the words rules look for.

- check and fix never raise, on text from the API and on bytes from a file;
- fix is idempotent, safe and unsafe;
- after a safe fix nothing safely fixable is left;
- a file's bytes survive decoding, and a safe fix never alters a byte that is not UTF-8;
- an unsafe fix leaves no bad byte that has a legacy meaning.

Each property is tried on 100 examples in a quick run (-m "not slow") and on its full
count (400 to 1,500) in the full run; the long run with many more examples is bench/fuzz/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import seedlint
from conftest import default_linter
from helpers import documents, example_counts, property_settings
from seedlint.engine.fixer import fix_document
from seedlint.engine.linter import Linter
from seedlint.io.reading import Unreadable, check_text, decode, encode

LINTER = default_linter()
NO_LINE_ENDINGS = default_linter(ignore=("SL106",))
PIECES = [
    "date 2024-01-18 A title",
    " date 2024-01-18 T",
    "date ",
    "\n",
    "\n\n",
    "\n\n\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\x00",
    "\x07",
    "\x85",
    "\udce9",
    "\udc92",
    "\udc81",
    "\ud800",
    "\udfff",
    "\ud83d\ude00",
    "â€™",
    "Ã©",
    "&amp;",
    "&#8217;",
    "“",
    "”",
    '"',
    "'",
    "’",
    "(",
    ")",
    "[",
    ".",
    ",",
    "said,",
    "goverment",
    "Prime Minster",
    "UKs",
    "dont",
    "café",
    "The text ends here.",
]
BYTE_PIECES = [
    *(p.encode("utf-8", "surrogatepass") for p in PIECES if not re.search("[\ud800-\udfff]", p)),
    b"\xe9",
    b"\x92",
    b"\x81",
    b"\xc3",
    b"\xe2\x80",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    "Crème brûlée".encode("cp1252"),
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40).map("".join)
files = st.lists(st.sampled_from(BYTE_PIECES) | st.binary(max_size=4), max_size=40).map(b"".join)
UNDECODABLE = re.compile("[\ud800-\udfff]")
EXAMPLES = 1000


def safely_fixable(text: str) -> list[str]:
    return [d.code for d in LINTER.lint(text) if d.fix and d.fix.applicability == "safe"]


@pytest.mark.parametrize("examples", example_counts(EXAMPLES))
def test_check_and_fix_never_raise_and_fix_is_idempotent(examples: int) -> None:
    @property_settings(examples)
    @given(texts | documents, st.booleans())  # documents: seeds from realistic pieces
    def holds(text: str, unsafe: bool) -> None:
        seedlint.lint_text(text, linter=LINTER)
        fixed, _ = seedlint.fix_text(text, unsafe=unsafe, linter=LINTER)
        again, applied = seedlint.fix_text(fixed, unsafe=unsafe, linter=LINTER)
        assert again == fixed and applied == []

    holds()


@pytest.mark.parametrize("examples", example_counts(EXAMPLES))
def test_after_a_safe_fix_nothing_safely_fixable_remains(examples: int) -> None:
    @property_settings(examples)
    @given(texts | documents)
    def holds(text: str) -> None:
        fixed, _ = seedlint.fix_text(text, linter=LINTER)
        assert safely_fixable(fixed) == []

    holds()


@pytest.mark.parametrize("examples", example_counts(EXAMPLES))
def test_a_safe_fix_never_touches_an_undecodable_character(examples: int) -> None:
    @property_settings(examples)
    @given(texts)
    # one word's mojibake beside a bad byte: the differ split its repair in two ("â€™Ã’"
    # -> "’Ò" around the "’" they share), and the part left fixable alone grew the text
    # at every pass
    @example("\udce9â€™Ãâ€™")
    def holds(text: str) -> None:
        fixed, _ = seedlint.fix_text(text, linter=LINTER)
        assert UNDECODABLE.findall(fixed) == UNDECODABLE.findall(text)

    holds()


@pytest.mark.parametrize("examples", example_counts(EXAMPLES))
def test_an_unsafe_fix_leaves_no_bad_byte_with_a_legacy_meaning(examples: int) -> None:
    @property_settings(examples)
    @given(texts)
    def holds(text: str) -> None:
        fixed, _ = seedlint.fix_text(text, unsafe=True, linter=LINTER)
        for diagnostic in LINTER.lint(fixed):
            assert diagnostic.code != "SL120" or diagnostic.fix is None

    holds()


@pytest.mark.parametrize("examples", example_counts(1500))
def test_a_file_is_never_damaged(examples: int) -> None:
    """The file-level path of ``seedlint fix``: read, fix, keep the line-ending style,
    write. Bytes never fail to round-trip, and a second run changes nothing."""

    @property_settings(examples)
    @given(files, st.booleans(), st.sampled_from([LINTER, NO_LINE_ENDINGS]))
    def holds(data: bytes, unsafe: bool, linter: Linter) -> None:
        try:
            check_text(Path("seed.txt"), data)
        except Unreadable:
            return  # binary or UTF-16: passed over, never rewritten
        text = decode(data)
        assert encode(text) == data
        written = _fixed_file(text, unsafe, linter)
        if not unsafe:
            assert UNDECODABLE.findall(decode(written)) == UNDECODABLE.findall(text)
        assert _fixed_file(decode(written), unsafe, linter) == written

    holds()


def _fixed_file(text: str, unsafe: bool, linter: Linter) -> bytes:
    return encode(fix_document(linter, text, "seed.txt", unsafe).text)


@pytest.mark.parametrize("examples", example_counts(400))
def test_a_crlf_file_stays_crlf_when_line_endings_are_not_fixed(examples: int) -> None:
    @property_settings(examples)
    @given(texts.map(lambda t: re.sub("\r\n?|\n", "\r\n", t)))
    def holds(text: str) -> None:
        fixed = fix_document(NO_LINE_ENDINGS, text, "seed.txt", False).text
        if "\r\n" in text:
            assert re.search("(?<!\r)\n|\r(?!\n)", fixed) is None

    holds()
