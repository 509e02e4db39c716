"""The parsed document (seedlint.engine.document): the header line even when damaged,
paragraphs across every line-ending style and whitespace-only lines, rows and columns of
offsets (counted for the first few lookups, indexed after), the word set rules test
before scanning, the apostrophe style, and the language through the linter's callback.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedlint.engine import document
from seedlint.engine.document import COUNTED_LOOKUPS, Document, Span

# --- the header ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("date 2024-01-18 A title\n\nBody.\n", "date 2024-01-18 A title"),
        ("  date 2024-01-18 T\n\nBody.\n", "  date 2024-01-18 T"),
        ("\ufeffdate 2024-01-18 T\n\nBody.\n", "\ufeffdate 2024-01-18 T"),
        ("\u200bdate 2024-01-18 T\n\nBody.\n", "\u200bdate 2024-01-18 T"),
        ("\n\n date 2024-01-18 T\n\nBody.\n", "\n\n date 2024-01-18 T"),  # blank lines first
        ("date\t2024-01-18  T\r\n\r\nBody.\r\n", "date\t2024-01-18  T"),
        ("date 18/01/2024\n\nBody.\n", "date 18/01/2024"),  # a bad date is still a header
        ("date 2024-01-18 T", "date 2024-01-18 T"),  # no line break at all
    ],
    ids=["plain", "indented", "bom", "zero-width", "blank-lines", "crlf", "bad-date", "alone"],
)
def test_a_damaged_header_is_still_recognised(text: str, header: str) -> None:
    doc = Document(text)
    assert doc.header is not None
    assert text[doc.header.start : doc.header.end] == header
    assert doc.header.start == 0
    assert text[doc.body_start :].lstrip("\r\n") == text.partition(header)[2].lstrip("\r\n")


@pytest.mark.parametrize(
    "text", ["Date: 2024-01-18 T\n\nBody.\n", "dated 2024\n\nBody.\n", "Body only.\n", ""]
)
def test_a_document_without_a_header_is_all_body(text: str) -> None:
    doc = Document(text)
    assert doc.header is None and doc.body_start == 0
    assert [doc.paragraph_text(p) for p in doc.paragraphs] == [
        part.strip("\n") for part in text.split("\n\n") if part.strip()
    ]


def test_a_header_alone_has_no_paragraphs() -> None:
    for text in ("date 2024-01-18 T", "date 2024-01-18 T\n", "date 2024-01-18 T\r\n\r\n"):
        doc = Document(text)
        assert doc.paragraphs == [] and doc.body_sample(100) == ""


# --- paragraphs ------------------------------------------------------------------------

BODY = ["One line.", "Two lines,\nthe second.", "Three.", "  Indented four."]


@pytest.mark.parametrize(
    "separator",
    ["\n\n", "\n\n\n\n", "\n \n", "\n\t\n", "\n  \n\n \t \n"],
    ids=["blank", "blanks", "space", "tab", "mixed"],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_paragraphs_split_on_blank_and_whitespace_only_lines(separator: str, newline: str) -> None:
    text = ("date 2024-01-18 T\n\n" + separator.join(BODY) + "\n").replace("\n", newline)
    doc = Document(text)
    paragraphs = [doc.paragraph_text(p) for p in doc.paragraphs]
    assert paragraphs == [p.replace("\n", newline) for p in BODY]
    for span in doc.paragraphs:  # spans point into the text itself
        assert text[span.start : span.end] == doc.paragraph_text(span)


def test_a_paragraph_of_whitespace_is_no_paragraph() -> None:
    doc = Document("date 2024-01-18 T\n\nOne.\n\n \u00a0 \n\nTwo.\n\n\n")
    assert [doc.paragraph_text(p) for p in doc.paragraphs] == ["One.", "Two."]
    # the quicker path (LF, no line starts with a space or tab) finds it in place
    plain = Document("date 2024-01-18 T\n\nOne.\n\n\u00a0\u2003\n\n\n\nTwo.\n")
    assert not plain.indented
    assert [plain.paragraph_text(p) for p in plain.paragraphs] == ["One.", "Two."]


lines = st.lists(st.sampled_from(["", " ", "\t", "Text.", "  Text", "date 2024-01-18 T"]))


@given(lines, st.sampled_from(["\r\n", "\r"]))
def test_every_line_ending_style_gives_the_same_paragraphs(rows: list[str], newline: str) -> None:
    """LF text without whitespace-only lines takes a quicker path than CR and CRLF text:
    both find the same paragraphs."""
    text = "\n".join(rows)
    other = text.replace("\n", newline)
    ours = [Document(text).paragraph_text(p) for p in Document(text).paragraphs]
    theirs = Document(other)
    assert [theirs.paragraph_text(p).replace(newline, "\n") for p in theirs.paragraphs] == ours


# --- rows and columns ------------------------------------------------------------------


def expected_position(text: str, offset: int) -> tuple[int, int]:
    """Row and column by walking the text: a CRLF is one line break."""
    row, column, index = 1, 1, 0
    while index < offset:
        step = 2 if text.startswith("\r\n", index) else 1
        if text[index] in "\r\n":
            row, column = row + 1, 1
        else:
            column += 1
        index += step
    return row, column


def offsets(text: str) -> list[int]:
    """Every offset of the text and its end, except between the two halves of a CRLF."""
    return [i for i in range(len(text) + 1) if not (text[i - 1 : i + 1] == "\r\n" and i > 0)]


TEXT = "date 2024-01-18 Tîtle\n\nCafé “one”.\n\nTwo\nlines.\n\n\nLast 😀 line"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_positions_in_every_line_ending_style(newline: str) -> None:
    text = TEXT.replace("\n", newline)
    doc = Document(text)
    wanted = offsets(text)
    assert len(wanted) > 3 * COUNTED_LOOKUPS  # past counting, into the line index
    shuffled = random.Random(7).sample(wanted, len(wanted))  # lookups in any order
    assert [doc.position(i) for i in shuffled] == [expected_position(text, i) for i in shuffled]


def test_positions_agree_before_and_after_the_line_index_is_built() -> None:
    text = TEXT
    counted = Document(text)
    early = [counted.position(i) for i in range(COUNTED_LOOKUPS)]
    indexed = Document(text)
    indexed.line_span(1)  # builds the line index at once
    assert [indexed.position(i) for i in range(COUNTED_LOOKUPS)] == early
    assert counted.position(len(text)) == indexed.position(len(text)) == (9, 12)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_lines_around_an_offset_exclude_their_line_break(newline: str) -> None:
    text = TEXT.replace("\n", newline)
    doc = Document(text)
    two = text.index("Two")
    assert doc.line_around(two + 1) == doc.line_span(5)
    assert text[doc.line_span(5).start : doc.line_span(5).end] == "Two"
    assert text[doc.line_span(2).start : doc.line_span(2).end] == ""
    last = doc.line_around(len(text))
    assert text[last.start : last.end] == "Last 😀 line"


# --- words, apostrophes, language ------------------------------------------------------


def test_lower_words_hold_each_word_and_its_possessive_stem() -> None:
    doc = Document("date 2024-01-18 T\n\nThe MINSTER's bells; the UK’s plan, DON'T covid19.\n")
    words = doc.lower_words
    assert {"minster's", "minster", "uk’s", "uk", "don't", "covid", "bells"} <= words
    assert "don" not in words and "MINSTER" not in words
    assert not any(re.search(r"[^a-z'’]", word) for word in words)


@pytest.mark.parametrize(
    ("body", "style"),
    [
        ("It's plain ASCII, isn't it.", "'"),
        ("Japan’s view and the UK’s plan, but Italy's.", "’"),
        ("Japan’s view, Italy's plan.", "'"),  # a tie keeps the straight one
        ("‘Quoted’ words and the ’90s, but Italy's.", "'"),  # only between letters counts
        ("No apostrophe at all: “curly quotes” only.", "'"),
    ],
)
def test_apostrophe_style_is_what_the_document_mostly_uses(body: str, style: str) -> None:
    assert Document(f"date 2024-01-18 T\n\n{body}\n").apostrophe == style


def test_language_comes_from_the_callback_once() -> None:
    calls: list[str] = []

    def identify(doc: Document) -> str:
        calls.append(doc.body_sample(10))
        return "fr"

    doc = Document("date 2024-01-18 T\n\nLe gouvernement a parlé.\n", "a.txt", identify)
    assert doc.language == "fr" and doc.language == "fr"
    assert calls == ["Le gouvern"]  # asked once, with the start of the body
    assert Document("date 2024-01-18 T\n\nText.\n").language == ""  # no callback: unknown


def test_body_sample_stops_at_the_last_paragraph() -> None:
    doc = Document("date 2024-01-18 T\n\nFirst.\n\nSecond.\n\n\n")
    assert doc.body_sample(5) == "First"
    assert doc.body_sample(1000) == "First.\n\nSecond."
    assert doc.paragraphs[0] == Span(19, 25)


@given(st.text(alphabet="aAΣσςİI\u0130ß ﬁ.\n\u0345é", max_size=60))
def test_a_large_text_lower_cased_in_pieces_is_lower_cased_whole(text: str) -> None:
    # pieces of whole lines, as a large text is lower-cased: the same result as all at once
    # (final sigma, dotted I, ligatures and ignorable marks across the pieces included)
    large, piece = document.LARGE_TEXT, document.LOWER_PIECE
    document.LARGE_TEXT, document.LOWER_PIECE = 0, 3
    try:
        assert document.lower_case(text) == text.lower()
    finally:
        document.LARGE_TEXT, document.LOWER_PIECE = large, piece


LOWER_ALPHABET = "aAbΣσςİI\u0130ß ﬁ.\n\u0345é"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LOWER_ALPHABET, max_size=40), st.data())
def test_a_large_text_read_in_pieces_reads_as_its_whole_lower_case(
    text: str, data: st.DataObject
) -> None:
    # the pieces are a few characters long, so that finds and slices cross them; the
    # string looked for is mostly a part of the text's lower case, so that it is found
    whole = text.lower()
    at = data.draw(st.integers(0, len(whole)))
    sub = data.draw(st.sampled_from([whole[at : at + 3], whole[at : at + 1], "aσ", ""]))
    start = data.draw(st.integers(-45, 45))
    end = data.draw(st.integers(-45, 45) | st.none())
    piece = document.LOWER_PIECE
    document.LOWER_PIECE = 3
    try:
        pieces = document.LowerPieces(text)
        assert len(pieces) == len(whole)
        assert pieces.find(sub, start, end) == whole.find(sub, start, end)
        assert pieces.find(sub, max(start, 0)) == whole.find(sub, max(start, 0))
        assert pieces[start:end] == whole[start:end]
        assert pieces[start::2] == whole[start::2]
        if -len(whole) <= start < len(whole):
            assert pieces[start] == whole[start]
        else:
            with pytest.raises(IndexError):
                pieces[start]
    finally:
        document.LOWER_PIECE = piece


def test_a_large_document_is_read_lower_cased_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "date 2024-01-18 T\n\nThe Minister SAID.\n\nShe Said so.\n"
    assert Document(text).lowered == text.lower()  # an ordinary text's is the string
    monkeypatch.setattr(document, "LARGE_TEXT", 0)
    monkeypatch.setattr(document, "LOWER_PIECE", 4)
    doc = Document(text)
    assert isinstance(doc.lowered, document.LowerPieces)
    assert "lower" not in doc.__dict__ and doc.lowered.find("said") == text.lower().find("said")
    assert doc.lower_words == {"date", "t", "the", "minister", "said", "she", "so"}
    assert "lower" not in doc.__dict__  # the words were gathered without a whole copy


# --- views some rules share: single-spaced lower case, stems, look-alikes ----------------

WHITESPACE_TEXT = st.lists(
    st.sampled_from(
        [*"ab'’\u0130\u0131\u017f\u212aK.\x01\x07\xa0\u1680\u2028\u3000", *"\t\n\r \x0b\x1c\x85"]
    )
    | st.sampled_from(["\n\n", "  ", "\n \n", "\n\n\n", "don't", "it’s"]),
    max_size=30,
).map("".join)


def test_whitespace_is_every_character_str_isspace_accepts() -> None:
    assert {chr(c) for c in range(0x110000) if chr(c).isspace()} == document.WHITESPACE


@settings(max_examples=500, deadline=None)
@given(WHITESPACE_TEXT)
def test_single_spaced_lower_case_is_the_split_lower_case_joined_by_spaces(text: str) -> None:
    doc = Document(text)
    spaced = doc.single_spaced_lower
    assert spaced.strip(" ") == " ".join(doc.lower.split())
    assert not re.search(r"[^\S ]|\s\s", spaced)  # every whitespace run one space


def test_single_spaced_lower_case_reads_plain_and_other_whitespace() -> None:
    assert Document("A  b\n\nC\nd").single_spaced_lower == "a b c d"
    assert Document("A b\n\nC\u2028d\xa0e").single_spaced_lower == "a b c d e"


@settings(max_examples=300, deadline=None)
@given(WHITESPACE_TEXT)
def test_ascii_lookalikes_are_found_as_a_class_search_finds_them(text: str) -> None:
    assert Document(text).holds_ascii_lookalike == bool(
        re.search("[\u0130\u0131\u017f\u212a]", text)
    )


@settings(max_examples=300, deadline=None)
@given(WHITESPACE_TEXT)
def test_apostrophe_stems_are_the_letters_before_each_words_apostrophe(text: str) -> None:
    doc = Document(text)
    expected = {
        re.split("['’]", w)[0]
        for w in document.LETTER_RUN.findall(doc.lower)
        if re.search("['’]", w)
    }
    if "\x01" in doc.lower:  # every word is read as marked: the stems are a superset
        assert expected <= doc.apostrophe_stems
    else:
        assert doc.apostrophe_stems == expected


# two runs of ASCII letters, no letter or apostrophe beside either, nothing but other
# characters between them: neighbouring word pieces
BOUNDED_NEIGHBOURS = re.compile("(?<![a-z'’])([a-z]+)[^a-z'’]+(?=([a-z]+)(?![a-z'’]))")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ab", "b", "A", "\u0130", "'", "’", "\x01", " ", "\t", "\n", ".", "é", "5"]
        ),
        max_size=30,
    ).map("".join)
)
def test_word_pieces_hold_bounded_runs_as_neighbours(text: str) -> None:
    doc = Document(text)
    pieces = doc.word_pieces
    assert pieces is not None
    neighbours = set(itertools.pairwise(pieces))
    for match in BOUNDED_NEIGHBOURS.finditer(doc.lower):
        assert match.groups() in neighbours
    assert set(document.LETTER_RUN.findall(doc.lower)) <= doc.lower_words


@pytest.mark.parametrize(
    ("text", "indented"),
    [
        ("a\n b", True),
        ("a\n\tb", True),
        ("a\n\n \n\nb", True),
        ("a \nb\n\nc", False),
        (" a", False),
    ],
)
def test_a_line_starting_with_a_space_or_tab_makes_the_text_indented(
    text: str, indented: bool
) -> None:
    assert Document(text).indented is indented


def test_a_document_is_reread_over_a_text_of_its_own_length() -> None:
    doc = Document("date 2024-01-01 T\n\nLate--its been long.\n", "a.txt")
    reread = doc.reread(doc.text.replace("--", "\u2014\u2014"))
    assert reread.path == "a.txt" and reread.text.index("its") == doc.text.index("its")
    with pytest.raises(ValueError, match="its own length"):
        doc.reread(doc.text.replace("--", "\u2014"))
