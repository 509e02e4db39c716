"""Damaged seed documents, as hypothesis strategies: the inputs every fuzz mode shares.

A document is assembled from pieces: real Wikinews paragraphs (CC BY 2.5, see
tests/data/wikinews/README.md), the damage that pipelines do (broken headers, typos,
lost apostrophes, mojibake, entities, stray quotes and brackets, invisible and control
characters, every kind of line break, byte-order marks, lone surrogates) and arbitrary
Unicode. ``texts`` are such documents as text; ``files`` are raw file contents, which
add bytes that are not UTF-8, truncated sequences and UTF-16 or UTF-8 marks.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from wikinews import seeds as wikinews_seeds  # noqa: E402

SHORTEST_PARAGRAPH, LONGEST_PARAGRAPH = 20, 1500
ARTICLES = 120  # of the English Wikinews articles, enough variety for a fast start-up
PIECES_PER_DOCUMENT = 30
CHUNKS_PER_FILE = 12

PARAGRAPHS = [
    p
    for _, text in wikinews_seeds("en")[:ARTICLES]
    for p in text.partition("\n\n")[2].split("\n\n")
    if SHORTEST_PARAGRAPH < len(p) < LONGEST_PARAGRAPH
]
DAMAGE = [
    "date 2024-01-18 A title",
    " date 2024-01-18 T",
    "date  2024-02-30  T",
    "Date: 2024",
    "\n",
    "\n\n",
    "\n\n\n",
    "\r\n",
    "\r",
    " \n",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u2009",
    "\u200b",
    "\u200d",
    "\u00ad",
    "\ufeff",
    "\u202e",
    "\u2028",
    "\x00",
    "\x07",
    "\x1b",
    "\x85",
    "\udce9",
    "\udc92",
    "\udc81",
    "\ud800",
    "\ud83d\ude00",
    "â€™",
    "â€œ",
    "Ã©",
    "&amp;",
    "&#8217;",
    "&amp;quot;",
    "&notanentity;",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    ".",
    ",",
    "…",
    "said,",
    "Sharon Barber commented,",
    "goverment",
    "recieved",
    "Prime Minster",
    "Untied States",
    "UKs",
    "dont",
    "cant",
    "MPs",
    "café",
    "日本",
    "مرحبا",
]
BAD_BYTES = [b"\xe9", b"\x92", b"\x81", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xf4\x90"]
MARKS = [b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"]
UNDECODABLE = re.compile("[\ud800-\udfff]")


def escapable(text: str) -> bool:
    """Whether every surrogate in the text is an escaped byte (so it has a file form)."""
    try:
        text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return False
    return True


def as_file(text: str) -> bytes:
    """The bytes of a file holding the text; a surrogate that is no escaped byte becomes
    '?' (no file can hold it)."""
    return (
        text.encode("utf-8", "surrogateescape")
        if escapable(text)
        else text.encode("utf-8", "replace")
    )


piece = st.one_of(
    st.sampled_from(PARAGRAPHS),
    st.sampled_from(DAMAGE),
    st.text(max_size=6),
)
texts = st.lists(piece, max_size=PIECES_PER_DOCUMENT).map("".join)
raw = st.one_of(
    texts.map(lambda t: t.encode("utf-8", "surrogateescape") if escapable(t) else b""),
    st.sampled_from(BAD_BYTES),
    st.binary(max_size=6),
    st.sampled_from(MARKS),
)
files = st.lists(raw, max_size=CHUNKS_PER_FILE).map(b"".join)
