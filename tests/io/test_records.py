"""JSON Lines records: what counts as a usable record, and that writing a fixed text back
changes only the bytes of that text's string literal."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from seedlint.io.records import MAX_NESTING, Record, json_string, parse_record, read_records, splice


def record(raw: bytes, text_field: str = "text", id_field: str = "id") -> Record:
    return parse_record(7, raw, text_field, id_field)


def literal(r: Record) -> bytes:
    assert r.value_span is not None
    return r.raw[r.value_span[0] : r.value_span[1]]


# --- usable records ----------------------------------------------------------------------


def test_a_good_record() -> None:
    r = record(b'{"id": "a-1", "text": "Hello, world."}\n')
    assert (r.number, r.text, r.identifier, r.error) == (7, "Hello, world.", "a-1", None)
    assert literal(r) == b'"Hello, world."'


@pytest.mark.parametrize(
    ("value", "identifier"),
    [
        (b'"x y"', "x y"),
        (b'"\\u00e9"', "é"),
        (b"12", "12"),
        (b"12.50", "12.50"),
        (b"1e400", "1e400"),
        (b"-0", "-0"),
        (b"true", "true"),
        (b"null", "null"),
        (b"[1, 2]", "[1, 2]"),
        (b'{"a": {"b": 1}}', '{"a": {"b": 1}}'),
    ],
)
def test_the_identifier_is_a_string_as_is_or_other_json_as_written(
    value: bytes, identifier: str
) -> None:
    assert record(b'{"id" :  ' + value + b' , "text": "t"}').identifier == identifier


def test_without_an_id_the_identifier_is_the_line_number() -> None:
    assert record(b'{"text": "t"}').identifier == "7"
    assert record(b'{"text": "t"}', id_field="other").identifier == "7"


def test_the_fields_can_be_named_otherwise() -> None:
    r = record(b'{"id": 1, "body": "b", "key": "k"}', text_field="body", id_field="key")
    assert (r.text, r.identifier) == ("b", "k")


def test_of_duplicate_keys_the_last_counts_as_in_json_loads() -> None:
    raw = b'{"text": "first", "id": 1, "text": "last", "id": 2}\n'
    r = record(raw)
    assert (r.text, r.identifier) == ("last", "2")
    assert literal(r) == b'"last"'
    assert splice(r, "new") == b'{"text": "first", "id": 1, "text": "new", "id": 2}\n'


def test_a_key_spelled_with_escapes_is_the_same_key() -> None:
    r = record(b'{"te\\u0078t": "escaped", "text": "plain", "\\u0074ext": "last"}')
    assert r.text == "last"
    assert literal(r) == b'"last"'


def test_text_inside_nested_values_and_structure_inside_strings_are_not_members() -> None:
    raw = (
        b'{"meta": {"text": "inner", "list": [{"text": 1}]}, '
        b'"quote": "}{,:\\"\\\\\\"[", "text": "outer", "after": ["text", {"text": 2}]}'
    )
    r = record(raw)
    assert r.text == "outer"
    assert literal(r) == b'"outer"'


def test_blank_lines_are_neither_records_nor_errors() -> None:
    for raw in (b"", b"\n", b"\r\n", b"  \t \r\n", b" "):
        r = record(raw)
        assert (r.text, r.error, r.value_span, r.identifier) == (None, None, None, "7")


# --- unusable lines -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (b'{"text": "caf\xe9"}\n', "not UTF-8 (byte 0xE9 at column 14)"),
        ('{"é": "ü", "text": "'.encode() + b'\xff"}', "not UTF-8 (byte 0xFF at column 21)"),
        (b'{"id": 1 "text": "x"}', "not valid JSON (Expecting ',' delimiter at column 10)"),
        (b'{"text": "x"', "not valid JSON (Expecting ',' delimiter at column 13)"),
        (b'{"text": "a\tb"}', "not valid JSON (Invalid control character at at column 12)"),
        (b'{"text": "x"} {}', "not valid JSON (Extra data at column 15)"),
        (b"\x0c{}", "not valid JSON (Expecting value at column 1)"),
        (b'{"text": NaN}', "not valid JSON (NaN is not a JSON number)"),
        (b'{"a": [Infinity], "text": ""}', "not valid JSON (Infinity is not a JSON number)"),
        (b'{"a": -Infinity, "text": ""}', "not valid JSON (-Infinity is not a JSON number)"),
        (b'["text", "x"]', "not a JSON object"),
        (b'"text"', "not a JSON object"),
        (b"12", "not a JSON object"),
        (b'{"id": 3}', "no string field 'text'"),
        (b'{"text": null}', "no string field 'text'"),
        (b'{"text": ["a"]}', "no string field 'text'"),
    ],
)
def test_an_unusable_line_says_why_in_one_line(raw: bytes, error: str) -> None:
    r = record(raw)
    assert (r.text, r.value_span, r.error) == (None, None, error)
    assert r.raw == raw
    with pytest.raises(ValueError, match="line 7: no text value to replace"):
        splice(r, "x")


def test_an_unusable_object_keeps_its_identifier() -> None:
    assert record(b'{"id": "k", "text": 3}').identifier == "k"
    assert record(b'{"id": "k", "text": NaN}').identifier == "7"


def test_deep_nesting_is_an_unusable_line_not_a_recursion_error() -> None:
    for raw in (
        b"[" * 100_000,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"text": "x", "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"a": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001,
    ):
        r = record(raw)
        assert r.error == f"not valid JSON (nested more than {MAX_NESTING} levels deep)"


def test_nesting_up_to_the_limit_is_a_record() -> None:
    inner = MAX_NESTING - 1  # the record's own object is one level
    r = record(b'{"a": ' + b"[" * inner + b"]" * inner + b', "text": "x"}')
    assert (r.error, r.text) == (None, "x")
    r = record(b'{"a": ' + b"[" * (inner + 1) + b"]" * (inner + 1) + b', "text": "x"}')
    assert r.error is not None and "nested" in r.error


def test_unterminated_strings_full_of_escaped_quotes_are_scanned_once() -> None:
    # a scanner that restarted at every escaped quote would take hours on this line
    r = record(b'{"text": "' + b'\\"' * 200_000)
    assert r.error is not None and r.error.startswith("not valid JSON (Unterminated string")
    r = record(b'{"a": "' + b'\\"' * 200_000 + b'", "text": "x"}')
    assert r.text == "x"


# --- writing back ---------------------------------------------------------------------------


def test_splice_keeps_every_other_byte() -> None:
    raw = (
        '{ "n":1e400,"p" : 0.10000000000000000555,  "text":"old",\t"sep":"a\u2028b",'
        '"esc":"\\u00e9\\/\\ud83d\\ude00","text2" :"x" ,"big":123456789012345678901234567890}\r\n'
    ).encode()
    r = record(raw)
    assert r.text == "old"
    out = splice(r, "new é\n")
    assert out == raw.replace(b'"old"', b'"new \xc3\xa9\\n"')
    assert splice(r, r.text) == raw


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b""])
def test_splice_keeps_the_line_ending_or_its_absence(ending: bytes) -> None:
    r = record(b'{"text": "a"}' + ending)
    assert splice(r, "b") == b'{"text": "b"}' + ending


def test_splice_writes_a_lone_surrogate_as_an_escape() -> None:
    r = record(b'{"text": "caf\\udce9"}\n')
    assert r.text == "caf\udce9"
    assert splice(r, r.text) == b'{"text": "caf\\udce9"}\n'
    assert json.loads(splice(r, "x\udce9"))["text"] == "x\udce9"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("plain", '"plain"'),
        ("é ü 中文 😀", '"é ü 中文 😀"'),
        ('say "hi" \\ there', '"say \\"hi\\" \\\\ there"'),
        ("a\nb\rc\td\be\ff", '"a\\nb\\rc\\td\\be\\ff"'),
        ("\x00\x01\x1f", '"\\u0000\\u0001\\u001f"'),
        ("\x7f", '"\\u007f"'),
        ("\u2028\u2029", '"\\u2028\\u2029"'),
        ("\udce9", '"\\udce9"'),
        ("\ud800x\udfff", '"\\ud800x\\udfff"'),
        ("/ < > &", '"/ < > &"'),
    ],
)
def test_json_string(text: str, written: str) -> None:
    assert json_string(text) == written
    assert json.loads(written) == text


# --- reading a file -------------------------------------------------------------------------


def test_read_records_from_a_file(tmp_path: Path) -> None:
    content = (
        b'{"id": "a", "text": "one"}\n'
        b"\n"
        b'{"text": "two"}\r\n'
        b"not json\n"
        b'{"id": 5, "text": "caf\xe9"}\n'
        b'{"id": 6, "text": "last, no line break"}'
    )
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(content)
    with path.open("rb") as stream:
        records = list(read_records(stream, "text", "id"))
    assert b"".join(r.raw for r in records) == content
    assert [r.number for r in records] == [1, 2, 3, 4, 5, 6]
    assert [r.text for r in records] == ["one", None, "two", None, None, "last, no line break"]
    assert [r.identifier for r in records] == ["a", "2", "3", "4", "5", "6"]
    assert [r.error is None for r in records] == [True, True, True, False, False, True]
    assert records[4].error == "not UTF-8 (byte 0xE9 at column 23)"
    fixed = b"".join(splice(r, r.text.upper()) if r.text else r.raw for r in records)
    assert fixed == content.replace(b'"one"', b'"ONE"').replace(b'"two"', b'"TWO"').replace(
        b'"last, no line break"', b'"LAST, NO LINE BREAK"'
    )


# --- properties -------------------------------------------------------------------------------

PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def as_json_reads(text: str) -> str:
    """What JSON makes of ``text`` written with each surrogate escaped: a high surrogate
    followed by a low one is the character they encode."""
    return PAIR.sub(
        lambda m: chr(0x10000 + ((ord(m[0][0]) - 0xD800) << 10) + ord(m[0][1]) - 0xDC00), text
    )


ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()))


@given(ANY_TEXT)
def test_json_string_reads_back_and_is_always_utf8(text: str) -> None:
    written = json_string(text)
    written.encode("utf-8")  # no surrogate left to refuse
    assert json.loads(written) == as_json_reads(text)
    if not PAIR.search(text):
        assert json.loads(written) == text
    assert "\n" not in written and "\u2028" not in written


@given(st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)))
def test_json_string_round_trips_text_made_of_surrogates(text: str) -> None:
    assert json.loads(json_string(text)) == as_json_reads(text)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | ANY_TEXT,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(ANY_TEXT, children, max_size=3)
    ),
    max_leaves=8,
)
SPACE = st.sampled_from(["", " ", "  ", "\t", " \t "])


@st.composite
def lines(draw: st.DrawFn) -> tuple[bytes, dict[str, Any]]:
    """A JSON Lines line in one of many spellings, and the object json.loads makes of it."""
    others = draw(st.dictionaries(ANY_TEXT.filter(lambda k: k != "text"), JSON_VALUES))
    members: list[tuple[str, Any]] = list(others.items())
    at = draw(st.integers(0, len(members)))
    members.insert(at, ("text", draw(ANY_TEXT)))
    if draw(st.booleans()):  # an earlier duplicate of the text field, which json.loads drops
        members.insert(draw(st.integers(0, at)), ("text", draw(JSON_VALUES)))
    ascii_only = draw(st.booleans())
    space = [draw(SPACE) for _ in range(4)]

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=ascii_only, separators=(",", ": "))

    body = f",{space[0]}".join(f"{dump(k)}{space[1]}:{space[2]}{dump(v)}" for k, v in members)
    line = f"{space[3]}{{{space[0]}{body}{space[1]}}}{space[2]}"
    raw = line.encode("utf-8", "surrogatepass") + draw(st.sampled_from([b"\n", b"\r\n", b""]))
    try:  # escaped surrogates read as a pair ("\\ud800\\udc00" is one character), in keys too
        return raw, json.loads(raw)
    except UnicodeDecodeError:  # raw surrogates: no record (the tests expect an error)
        return raw, dict(members)


@settings(max_examples=300)
@given(lines(), ANY_TEXT)
@example((b'{"text":"","\\ud800\\udc00":null}\n', {"text": "", "\U00010000": None}), "")
def test_splice_changes_only_the_text(line: tuple[bytes, dict[str, Any]], new: str) -> None:
    raw, data = line
    r = record(raw)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in raw.decode("utf-8", "surrogatepass")):
        assert r.error is not None and r.error.startswith("not UTF-8")  # raw surrogates
        return
    assert r.error is None
    assert r.text == data["text"]
    assert splice(r, r.text) == raw
    out = splice(r, new)
    assert json.loads(out) == {**data, "text": as_json_reads(new)}
    assert r.value_span is not None
    start, end = r.value_span
    if new != r.text:
        assert out == raw[:start] + json_string(new).encode() + raw[end:]


JSON_PIECES = [
    b"{", b"}", b"[", b"]", b":", b",", b" ", b'"', b'"text"', b'"id"', b'"a"', b"\\",
    b'\\"', b"\\u00e9", b"\\ud800", b"1", b"-0.5e400", b"true", b"null", b"NaN",
    b"Infinity", b"\xc3\xa9", b"\xe9", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\r", b"\t",
    b"\x00", b"\xe2\x80\xa8",
]  # fmt: skip
JSONISH = st.lists(st.sampled_from(JSON_PIECES), max_size=60).map(b"".join)


@settings(max_examples=400)
@given(JSONISH | st.binary(), st.sampled_from([b"\n", b"\r\n", b""]))
def test_any_bytes_give_a_record_never_an_exception(body: bytes, ending: bytes) -> None:
    r = record(body + ending)
    assert r.raw == body + ending
    assert (r.text is None) == (r.value_span is None)
    if r.error is not None:
        assert r.text is None and "\n" not in r.error
    if r.text is not None:
        assert json.loads(literal(r)) == r.text
        assert json.loads(splice(r, "new"))["text"] == "new"
