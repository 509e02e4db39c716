"""What a JSON Lines line is, worked out independently of seedlint's reader.

A line is a usable record when it is UTF-8, valid JSON (as the standard says: NaN and
Infinity are not JSON, an integer of any length is), an object nested at most
``MAX_NESTING`` deep, and its text field (the last one, when the key repeats) is a
string. Values are read with ``Decimal`` for every number and objects as ("object",
member pairs), so two readings compare faithfully: duplicate keys, member order, and
numbers no float can hold. The text value's place is found by walking the top-level
object with the standard library's own scanners (``scanstring``, ``raw_decode``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from json.decoder import scanstring  # type: ignore[attr-defined]  # public, not in typeshed
from typing import Any

from seedlint.io.records import MAX_NESTING

JSON_WHITESPACE = " \t\r\n"
Pairs = tuple[str, tuple[tuple[str, Any], ...]]


class _NotJson(ValueError):
    pass


def _refuse(name: str) -> Any:
    raise _NotJson(name)


def _object(pairs: list[tuple[str, Any]]) -> Pairs:
    return ("object", tuple(pairs))


DECODER = json.JSONDecoder(
    parse_float=Decimal, parse_int=Decimal, parse_constant=_refuse, object_pairs_hook=_object
)


@dataclass(frozen=True)
class Line:
    raw: bytes  # with its line break
    blank: bool
    value: Any  # the faithful reading of a usable record, else None
    text: str | None  # the text field of a usable record, else None
    span: tuple[int, int] | None  # byte offsets of the text value's literal in raw

    @property
    def usable(self) -> bool:
        return self.text is not None


def split_lines(data: bytes) -> list[bytes]:
    """The lines as a reader of a binary file sees them: split after each LF only."""
    pieces = data.split(b"\n")
    lines = [p + b"\n" for p in pieces[:-1]]
    return [*lines, pieces[-1]] if pieces[-1] else lines


def body_of(raw: bytes) -> bytes:
    if raw.endswith(b"\r\n"):
        return raw[:-2]
    return raw[:-1] if raw.endswith(b"\n") else raw


def read(raw: bytes, text_field: str) -> Line:
    body = body_of(raw)
    if not body.strip(JSON_WHITESPACE.encode()):
        return Line(raw, True, None, None, None)
    unusable = Line(raw, False, None, None, None)
    value = parse(body)
    if value is None or not _is_object(value) or depth(value) > MAX_NESTING:
        return unusable
    members = value[1]
    texts = [v for k, v in members if k == text_field]
    if not texts or not isinstance(texts[-1], str):
        return unusable
    start, end = text_span(body.decode("utf-8"), text_field)
    return Line(raw, False, value, texts[-1], (start, end))


def parse(body: bytes) -> Any:
    """The faithful reading of a line's JSON, or None when it is not JSON."""
    try:
        text = body.decode("utf-8")
        value, end = DECODER.raw_decode(text, _skip(text, 0))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if _skip(text, end) == len(text) else None


def _is_object(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and value[0] == "object"


def depth(value: Any) -> int:
    """Arrays and objects inside each other (the outermost object counts one)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item)
        elif _is_object(item):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for _, child in item[1])
    return deepest


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in JSON_WHITESPACE:
        index += 1
    return index


def text_span(line: str, text_field: str) -> tuple[int, int]:
    """Byte offsets of the last text member's value in a valid object's line."""
    found: tuple[int, int] | None = None
    index = _skip(line, 0) + 1  # past the opening brace
    index = _skip(line, index)
    while line[index] != "}":
        key, index = scanstring(line, index + 1)
        index = _skip(line, _skip(line, index) + 1)  # past the colon
        _, end = DECODER.raw_decode(line, index)
        if key == text_field:
            found = (index, end)
        index = _skip(line, end)
        if line[index] == ",":
            index = _skip(line, index + 1)
    assert found is not None
    start, end = found
    return len(line[:start].encode("utf-8")), len(line[:end].encode("utf-8"))


def replaced(value: Pairs, text_field: str, new_text: str) -> Pairs:
    """The reading with only the last text member's value replaced."""
    members = list(value[1])
    last = max(i for i, (k, _) in enumerate(members) if k == text_field)
    members[last] = (text_field, new_text)
    return ("object", tuple(members))
