"""JSON Lines corpora as hypothesis strategies, written byte by byte.

JSON is spelled here rather than by ``json.dumps``, to reach what real files hold and a
serialiser never writes: numbers too large or too precise for a float (``1e400``,
``0.10000000000000000555``, integers longer than Python converts), every escape (short
ones, ``\\u`` in either case, ``\\/``, surrogate pairs, lone surrogates ``\\ud800`` and
``\\udce9``), raw U+2028 and other Unicode, odd spacing (tabs, carriage returns),
duplicate keys, keys spelled with escapes, nested arrays and objects.

A corpus mixes records whose text field holds a damaged document (see documents.py), or
holds something else, or is missing, with lines that are not usable records: blank, not
JSON, not an object, NaN and Infinity, a byte-order mark, trailing data, bytes that are
not UTF-8, nesting around the reader's limit. Lines end in LF or CRLF, and the last one
sometimes in nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from documents import BAD_BYTES, piece
from hypothesis import strategies as st

from seedlint.io.records import MAX_NESTING

MAX_LINES = 16
# pieces of a document in a record: fewer than a file's, so that a corpus of many lines
# stays within what hypothesis draws for one example
PIECES_PER_RECORD = 12
MIN_LINES = 4
EMPTY_ONE_IN = 20  # corpora with no line at all
MAX_MEMBERS = 5
MAX_CHILDREN = 4
ESCAPE_SHARE = 0.15  # of the characters that may stay raw, how many are written escaped
HUGE_DIGITS = 4301  # one more digit than Python converts to int by default
NUMBERS = [
    "0",
    "-0",
    "1",
    "-1",
    "7",
    "1e400",
    "-1e400",
    "1E-400",
    "1e-400",
    "0.10000000000000000555",
    "3.141592653589793238462643383279502884",
    "123456789012345678901234567890",
    "9007199254740993",
    "-9223372036854775809",
    "1.5e+10",
    "2E2",
    "0e0",
    "-0.0",
    "0.0000000000000000000000000001",
    "1" + "0" * 400,
    "9" * HUGE_DIGITS,
    "1." + "1" * 5000,
]
ODD_CHARACTERS = [
    "\ud800",
    "\udce9",
    "\udfff",
    "\ud83d\ude00",
    "\u2028",
    "\u2029",
    "\x00",
    "\x1f",
    "\x7f",
    "\x85",
    '"',
    "\\",
    "/",
    "\n",
    "\r\n",
    "\t",
    "\ufeff",
    "é",
    "日本",
    "😀",
    "",
]
SPACE = ["", "", "", " ", "  ", "\t", "\r", " \t "]
SHORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
NOT_JSON = [
    "not json at all",
    "{",
    "}",
    "{}}",
    '{"text": }',
    '{"text": "unterminated',
    "{'text': 'single quotes'}",
    '{"text": "a",}',
    '{"text": NaN}',
    '{"text": "a", "n": Infinity}',
    '{"text": "a", "n": -Infinity}',
    "NaN",
    "[]",
    "[1, 2]",
    '"a string"',
    "null",
    "true",
    "42",
    '{"text": "a"} {"text": "b"}',
    '{"text": "a"} trailing',
    '{"text": "\\x41"}',
    '{"text": "\\u12"}',
    '{"text": "tab\there"}',
    "\ufeff{}",
]
BLANK = ["", " ", "\t", " \t ", "\r"]


@dataclass(frozen=True)
class Corpus:
    """A JSON Lines file, and the field names to pass to seedlint."""

    data: bytes
    text_field: str
    id_field: str


def string_literal(text: str, chooser: random.Random) -> str:
    """A JSON string literal for ``text``, each character raw or escaped at random where
    JSON allows both (surrogates are always escaped: UTF-8 cannot hold them)."""
    out = ['"']
    for character in text:
        code = ord(character)
        must = character in '"\\' or code < 0x20 or 0xD800 <= code <= 0xDFFF
        if not must and chooser.random() >= ESCAPE_SHARE:
            out.append(character)
        elif character in SHORT and chooser.random() < 0.5:
            out.append(SHORT[character])
        elif character == "/" and chooser.random() < 0.5:
            out.append("\\/")
        elif code > 0xFFFF:  # a surrogate pair
            code -= 0x10000
            out.append(_hex(0xD800 + (code >> 10), chooser))
            out.append(_hex(0xDC00 + (code & 0x3FF), chooser))
        else:
            out.append(_hex(code, chooser))
    out.append('"')
    return "".join(out)


def _hex(code: int, chooser: random.Random) -> str:
    digits = f"{code:04x}"
    return "\\u" + (digits.upper() if chooser.random() < 0.5 else digits)


strings = st.lists(st.one_of(st.text(max_size=5), st.sampled_from(ODD_CHARACTERS)), max_size=6).map(
    "".join
)
spaces = st.sampled_from(SPACE)
texts = st.lists(piece, max_size=PIECES_PER_RECORD).map("".join)


@st.composite
def literal(draw: st.DrawFn, text: str) -> str:
    # a Random seeded once: one draw per character would exhaust what an example may draw
    return string_literal(text, draw(st.randoms(use_true_random=True)))


scalars = st.one_of(
    st.sampled_from(NUMBERS),
    st.integers().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["true", "false", "null"]),
    strings.flatmap(literal),
)


def _array(children: list[str], space: str) -> str:
    return "[" + space + ("," + space).join(children) + space + "]"


def _object(members: list[tuple[str, str]], space: str) -> str:
    inner = ("," + space).join(f"{k}{space}:{space}{v}" for k, v in members)
    return "{" + space + inner + space + "}"


values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.builds(_array, st.lists(inner, max_size=MAX_CHILDREN), spaces),
        st.builds(
            _object,
            st.lists(st.tuples(strings.flatmap(literal), inner), max_size=MAX_CHILDREN),
            spaces,
        ),
    ),
    max_leaves=12,
)


@st.composite
def key_literal(draw: st.DrawFn, name: str) -> str:
    """A key, sometimes spelled with escapes (``"\\u0074ext"`` is ``"text"``)."""
    return string_literal(name, draw(st.randoms(use_true_random=True)))


@st.composite
def record(draw: st.DrawFn, text_field: str, id_field: str) -> str:
    """One JSON object: other members of any value, an id, and the text field holding a
    damaged document (sometimes twice, sometimes not a string, sometimes missing)."""
    members = [
        (draw(strings.flatmap(literal)), draw(values))
        for _ in range(draw(st.integers(0, MAX_MEMBERS)))
    ]
    if draw(st.booleans()):
        identifier = draw(st.one_of(strings.flatmap(literal), scalars))
        at = draw(st.integers(0, len(members)))
        members.insert(at, (draw(key_literal(id_field)), identifier))
    how = draw(st.sampled_from(["text"] * 6 + ["twice", "other", "missing"]))
    if how != "missing":
        value = draw(values) if how == "other" else draw(texts.flatmap(literal))
        at = draw(st.integers(0, len(members)))
        members.insert(at, (draw(key_literal(text_field)), value))
        if how == "twice":  # a duplicate key: the last one counts
            earlier = draw(st.one_of(values, texts.flatmap(literal)))
            members.insert(draw(st.integers(0, at)), (draw(key_literal(text_field)), earlier))
    return _object(members, draw(spaces))


@st.composite
def deep(draw: st.DrawFn, text_field: str) -> str:
    """A record whose other field nests arrays around the reader's limit (or far past it)."""
    depth = draw(st.sampled_from([MAX_NESTING - 2, MAX_NESTING - 1, MAX_NESTING, 2000, 100000]))
    text = draw(texts.flatmap(literal))
    return f'{{"{text_field}": {text}, "deep": {"[" * depth}{"]" * depth}}}'


@st.composite
def line(draw: st.DrawFn, text_field: str, id_field: str) -> bytes:
    """One line's bytes, without its line break."""
    kind = draw(st.sampled_from(["record"] * 8 + ["blank", "not-json", "bad-bytes", "deep"]))
    if kind == "blank":
        return draw(st.sampled_from(BLANK)).encode()
    if kind == "not-json":
        text = draw(st.one_of(st.sampled_from(NOT_JSON), st.text(max_size=20)))
        if draw(st.booleans()):  # a record cut short
            whole = draw(record(text_field, id_field))
            text = whole[: draw(st.integers(0, max(0, len(whole) - 1)))]
        return text.replace("\n", " ").encode("utf-8", "surrogatepass")
    if kind == "deep":
        return draw(deep(text_field)).encode("utf-8")
    data = draw(record(text_field, id_field)).encode("utf-8")
    if kind == "bad-bytes":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(BAD_BYTES)) + data[at:]
    return data


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    text_field = draw(st.sampled_from(["text"] * 4 + ["body", "t\u00e9xt"]))
    id_field = draw(st.sampled_from(["id", "key"]))
    empty = draw(st.sampled_from([False] * (EMPTY_ONE_IN - 1) + [True]))
    count = 0 if empty else draw(st.integers(MIN_LINES, MAX_LINES))
    lines = [draw(line(text_field, id_field)) for _ in range(count)]
    breaks = [draw(st.sampled_from([b"\n", b"\n", b"\r\n"])) for _ in lines]
    unterminated = draw(st.booleans())
    if lines and unterminated:
        breaks[-1] = b""  # no final line break
    data = b"".join(text + end for text, end in zip(lines, breaks))
    return Corpus(data, text_field, id_field)
