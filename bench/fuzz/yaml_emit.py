"""Writing YAML by hand, to reach what a serialiser never writes: duplicate keys, keys
that are not strings, tags (``!!python/object/apply``), anchors and aliases, merge keys,
and every scalar style (plain, single- and double-quoted), so that a plain ``off`` or
``2024-01-18`` reads as YAML 1.1 says (false, a date) and not as the string it was.

A value is a plain Python value (dict, list, str, int, float, bool, None, bytes) or one
of the nodes below. The top-level mapping, its ``rules`` list and each rule are written
in block style when asked, the rest in flow style.
"""

from __future__ import annotations

import base64
import json
import math
import random
import re
from dataclasses import dataclass
from typing import Any

RAW_SHARE = 0.05  # of the strings holding characters YAML refuses raw, those written raw
SURROGATE = re.compile("[\ud800-\udfff]")
PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.\-]*\Z")


@dataclass(frozen=True)
class Pairs:
    """A mapping written as these (key, value) pairs, repeats and all."""

    items: tuple[tuple[Any, Any], ...]


@dataclass(frozen=True)
class Tagged:
    tag: str  # as written: "!!python/object/apply:os.system", "!<tag:...>", "!local"
    value: Any


@dataclass(frozen=True)
class Anchored:
    name: str
    value: Any


@dataclass(frozen=True)
class Alias:
    name: str


@dataclass(frozen=True)
class Verbatim:
    """Text written exactly as it is where a value goes."""

    text: str


def scalar(value: Any, chooser: random.Random) -> str:
    if value is None:
        return chooser.choice(["null", "~", ""])
    if isinstance(value, bool):
        return chooser.choice(["true", "True"] if value else ["false", "False"])
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, bytes):
        return "!!binary " + json.dumps(base64.b64encode(value).decode("ascii"))
    text = str(value)
    if SURROGATE.search(text) and chooser.random() > RAW_SHARE:
        # YAML has no way to write a lone surrogate, raw or escaped: keep most strings
        # loadable, so that what lies behind the reader is reached
        text = SURROGATE.sub("\ufffd", text)
    style = chooser.random()
    if style < 0.3 and PLAIN.match(text):
        return text  # may read as another type: that is the point
    if style < 0.5 and text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    # characters YAML does not allow raw (C1 controls, surrogates) are escaped, but for a
    # share RAW_SHARE of strings: the reader must refuse them with a line of its own
    escaped = chooser.random() < 0.5 or (not text.isprintable() and chooser.random() > RAW_SHARE)
    return double_quoted(text, escaped)


def double_quoted(text: str, ascii_only: bool) -> str:
    """A double-quoted YAML scalar: quote, backslash and C0 controls escaped, and every
    other character that is not printable ASCII too when ``ascii_only`` (as ``\\u`` or,
    beyond the BMP, ``\\U``: YAML does not pair surrogate escapes as JSON does)."""
    out = ['"']
    for character in text:
        code = ord(character)
        if character in '"\\':
            out.append("\\" + character)
        elif code < 0x20 or (ascii_only and code > 0x7E):
            out.append(f"\\x{code:02x}" if code < 0x100 else
                       f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")  # fmt: skip
        else:
            out.append(character)
    out.append('"')
    return "".join(out)


def flow(value: Any, chooser: random.Random) -> str:
    if isinstance(value, Verbatim):
        return value.text
    if isinstance(value, Alias):
        return f"*{value.name}"
    if isinstance(value, Anchored):
        return f"&{value.name} {flow(value.value, chooser)}"
    if isinstance(value, Tagged):
        return f"{value.tag} {flow(value.value, chooser)}"
    if isinstance(value, (dict, Pairs)):
        items = value.items if isinstance(value, Pairs) else tuple(value.items())
        inner = ", ".join(f"{flow(k, chooser)}: {flow(v, chooser)}" for k, v in items)
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(item, chooser) for item in value) + "]"
    return scalar(value, chooser)


def document(value: Any, block: bool, chooser: random.Random) -> str:
    """A whole file: block style for the top mapping, its lists and their mappings."""
    if not block or not isinstance(value, (dict, Pairs)):
        return flow(value, chooser) + "\n"
    return "".join(line + "\n" for line in _block_mapping(value, "", chooser))


def _items(value: dict[Any, Any] | Pairs) -> tuple[tuple[Any, Any], ...]:
    return value.items if isinstance(value, Pairs) else tuple(value.items())


def _block_mapping(value: dict[Any, Any] | Pairs, pad: str, chooser: random.Random) -> list[str]:
    lines = []
    for key, item in _items(value):
        head = f"{pad}{flow(key, chooser)}:"
        if isinstance(item, list) and item:
            lines.append(head)
            lines.extend(_block_list(item, pad + "  ", chooser))
        else:
            lines.append(f"{head} {flow(item, chooser)}")
    return lines


def _block_list(value: list[Any], pad: str, chooser: random.Random) -> list[str]:
    lines = []
    for item in value:
        if isinstance(item, (dict, Pairs)) and _items(item):
            inner = _block_mapping(item, pad + "  ", chooser)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines.extend(inner[1:])
        else:
            lines.append(f"{pad}- {flow(item, chooser)}")
    return lines
