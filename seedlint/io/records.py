"""JSON Lines records, read and written back byte for byte.

Each line is one record: a JSON object whose text field seedlint checks and fixes. A line
is decoded strictly as UTF-8 and ``json.loads`` decides whether it is valid and what its
text is (so of duplicate keys the last one counts, as there); a line that is not a usable
record gets a one-line ``error`` and its bytes are copied as they are. NaN and Infinity are
refused, as they are not JSON, and so is nesting deeper than MAX_NESTING (checked before
parsing, so no input can exhaust the stack).

To write a fixed text back, ``splice`` replaces only the bytes of the text value's string
literal: every other byte of the line (numbers too long or too precise for a float,
duplicate keys, key order, spacing, escapes, the line break or its absence) is kept. The
literal's place is found by a scanner of the top-level object that does not recurse: a
regular expression that steps over whole string literals and stops at brackets, colons
and commas, linear in the line's length whatever the line holds.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import BinaryIO, NoReturn

import msgspec

MAX_NESTING = 500  # arrays and objects inside each other; json.loads recurses per level
JSON_WHITESPACE = b" \t\r\n"
# A whole string literal (or, unterminated, the rest of the line: so the scan stays
# linear on any input), or one structural character.
TOKEN = re.compile(rb'"[^"\\]*(?:\\.?[^"\\]*)*"?|[\[\]{},:]', re.DOTALL)
QUOTE, COLON, COMMA = ord('"'), ord(":"), ord(",")
OPENING, CLOSING = b"[{", b"]}"
# What json_string escapes: the quote, the backslash, C0 controls and DEL, the line and
# paragraph separators (which some readers take as line breaks) and every surrogate.
ESCAPED = re.compile(r'["\\\x00-\x1f\x7f\u2028\u2029\ud800-\udfff]')
SHORT_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}


class Record(msgspec.Struct, frozen=True):
    """One line of a JSON Lines file."""

    number: int  # 1-based line number in its file
    raw: bytes  # the line as read, with its line break (b"\n" or b"\r\n"), or none at EOF
    text: str | None  # the text field; None when the line is blank or not a usable record
    # the id field (a JSON string as is, any other value as its raw JSON text), or
    # str(number) when absent
    identifier: str
    # byte offsets in raw of the text field's JSON string literal, quotes included
    value_span: tuple[int, int] | None
    error: str | None  # one line why it is not usable; None for a blank line or a good record


class _NotJson(ValueError):
    """A literal that json.loads accepts but JSON does not have (NaN, Infinity)."""


def _refuse_constant(name: str) -> NoReturn:
    raise _NotJson(f"{name} is not a JSON number")


def _integer(literal: str) -> int | Decimal:
    """Any JSON integer: int() refuses more digits than sys.get_int_max_str_digits()."""
    limit = sys.get_int_max_str_digits()
    return int(literal) if not limit or len(literal) <= limit else Decimal(literal)


def read_records(stream: BinaryIO, text_field: str, id_field: str) -> Iterator[Record]:
    """The records of a binary stream, one line at a time: memory is bounded by the
    longest line."""
    for number, raw in enumerate(stream, 1):
        yield parse_record(number, raw, text_field, id_field)


def parse_record(number: int, raw: bytes, text_field: str, id_field: str) -> Record:
    """The record on one line (``raw`` as read, line break included)."""
    body = raw[: len(raw) - len(_line_break(raw))]
    if not body.strip(JSON_WHITESPACE):
        return Record(number, raw, None, str(number), None, None)

    def unusable(reason: str, identifier: str = str(number)) -> Record:
        return Record(number, raw, None, identifier, None, reason)

    try:
        line = body.decode("utf-8")
    except UnicodeDecodeError as error:
        column = len(body[: error.start].decode("utf-8")) + 1
        return unusable(f"not UTF-8 (byte 0x{body[error.start]:02X} at column {column})")
    members = _top_level_members(body)
    if members is None:
        return unusable(f"not valid JSON (nested more than {MAX_NESTING} levels deep)")
    try:
        data = json.loads(line, parse_constant=_refuse_constant, parse_int=_integer)
    except json.JSONDecodeError as error:
        return unusable(f"not valid JSON ({error.msg} at column {error.colno})")
    except _NotJson as error:
        return unusable(f"not valid JSON ({error})")
    except RecursionError:  # only when called with most of the stack already in use
        return unusable("not valid JSON (nested too deeply)")
    if not isinstance(data, dict):
        return unusable("not a JSON object")
    spans = _spans_by_name(body, members, (text_field, id_field))
    identifier = _identifier(data, body, spans, id_field, number)
    text = data.get(text_field)
    if not isinstance(text, str):
        return unusable(f"no string field '{text_field}'", identifier)
    span = spans.get(text_field)
    if span is None or json.loads(body[span[0] : span[1]]) != text:
        # the scanner and json.loads disagree: never splice what was not understood
        return unusable(f"the field '{text_field}' could not be located", identifier)
    return Record(number, raw, text, identifier, span, None)


def splice(record: Record, new_text: str) -> bytes:
    """``record.raw`` with only the text value replaced by ``new_text``; every other byte
    is kept, and an unchanged text keeps the literal as it was spelled."""
    if record.value_span is None:
        raise ValueError(f"line {record.number}: no text value to replace")
    if new_text == record.text:
        return record.raw
    start, end = record.value_span
    return record.raw[:start] + json_string(new_text).encode("utf-8") + record.raw[end:]


def json_string(text: str) -> str:
    """A JSON string literal for ``text``: ordinary characters as they are (so text in
    any script stays readable in the file), escapes for the quote, the backslash, control
    characters, DEL, U+2028 and U+2029, and each surrogate as ``\\udXXX``, so the result
    always encodes to UTF-8. JSON reads an escaped high surrogate followed by an escaped
    low one as the single character they encode; any other text reads back as it was."""
    return f'"{ESCAPED.sub(_escape, text)}"'


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    return SHORT_ESCAPES.get(character) or f"\\u{ord(character):04x}"


def _line_break(raw: bytes) -> bytes:
    if raw.endswith(b"\r\n"):
        return b"\r\n"
    return b"\n" if raw.endswith(b"\n") else b""


def _top_level_members(body: bytes) -> list[tuple[tuple[int, int], tuple[int, int]]] | None:
    """(key literal span, value span) of each member of the top-level object, in order;
    None when arrays and objects nest more than MAX_NESTING deep. Meaningful only for a
    line json.loads accepts as an object."""
    members: list[tuple[tuple[int, int], tuple[int, int]]] = []
    depth = 0
    key: tuple[int, int] | None = None
    value_start = -1  # where the current member's value starts, once its colon is seen
    for token in TOKEN.finditer(body):
        start = token.start()
        first = body[start]
        if depth != 1 and first not in OPENING and first not in CLOSING:
            continue
        if first == QUOTE:
            if value_start < 0:
                key = (start, token.end())
        elif first == COLON:
            value_start = token.end()
        elif first in OPENING:
            depth += 1
            if depth > MAX_NESTING:
                return None
        else:  # a comma or a closing bracket: at depth 1, the end of a member
            if depth == 1 and key is not None and value_start >= 0:
                members.append((key, _strip(body, value_start, start)))
                key, value_start = None, -1
            if first in CLOSING:
                depth -= 1
    return members


def _strip(body: bytes, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start] in JSON_WHITESPACE:
        start += 1
    while end > start and body[end - 1] in JSON_WHITESPACE:
        end -= 1
    return start, end


def _spans_by_name(
    body: bytes, members: list[tuple[tuple[int, int], tuple[int, int]]], wanted: tuple[str, ...]
) -> dict[str, tuple[int, int]]:
    """The value span of each wanted key; of duplicate keys the last, as json.loads."""
    spans: dict[str, tuple[int, int]] = {}
    for (key_start, key_end), value in members:
        literal = body[key_start:key_end]
        # with escapes, let JSON say what the key is
        name = json.loads(literal) if b"\\" in literal else literal[1:-1].decode("utf-8")
        if name in wanted:
            spans[name] = value
    return spans


def _identifier(
    data: dict[str, object],
    body: bytes,
    spans: dict[str, tuple[int, int]],
    id_field: str,
    number: int,
) -> str:
    if id_field not in data:
        return str(number)
    value = data[id_field]
    if isinstance(value, str):
        return value
    span = spans.get(id_field)
    if span is None:  # not expected: the scanner finds every member json.loads finds
        return json.dumps(value)
    return body[span[0] : span[1]].decode("utf-8")
