"""encoding: bytes that are not UTF-8, mojibake and HTML entities.

A rule picks one check:

- ``invalid-utf8``: bytes that are not UTF-8. Files are decoded with ``surrogateescape``,
  so each such byte is a lone surrogate U+DC80..U+DCFF (other lone surrogates can only
  come through the API). One finding per document, at the first bad byte, with its byte
  offset and the count. The fix transcodes every bad byte from ``legacy-encoding``
  (Windows-1252 by default, the legacy encoding of Western text, a superset of Latin-1's
  letters); when a byte is undefined there, it is not that encoding and no fix is
  offered. A high and a low surrogate in a row become the character they encode; any
  other lone surrogate becomes U+FFFD. Guessing an encoding can be wrong, so rule files
  mark this fix unsafe.

- ``mojibake``: text that was encoded in UTF-8 and decoded as something else
  ("UKâ€™s" for "UK’s", "cafÃ©" for "café", "Р±" for "б", "√©" for "é"): every mix-up
  ftfy repairs, in all of its single-byte encodings (Latin-1, Windows-1250 to -1254 and
  -1257, ISO-8859-2, MacRoman, code page 437), and the signs U+2080..U+20BF (currency
  signs, subscripts) read as Windows-1252 that ftfy cannot see ("â‚¿" for "₿"; see
  ``_mojibake.signs_repaired``). Found and repaired by ftfy with encoding
  repair only: its quote uncurling, ligature and width fixes, HTML unescaping and Unicode
  normalisation are all switched off, so curly quotes and other correct text survive.
  Undecodable bytes are boundaries it never sees, so a fix never touches them. ftfy is
  imported and run only on lines that pass ``mojibake_hint`` (see there: a cheap test that
  ftfy's repair provably needs) and then its own badness test; pure ASCII never gets there.
- ``html-entity``: ``&amp;``, ``&#8217;``, ``&eacute;`` and the like, left by a scraper;
  replaced by the character they name (one level per pass, so ``&amp;quot;`` converges).
  A text about markup names entities rather than uses them ("write an ampersand as
  &amp;"): an entity alone in quotation marks or backticks, joined to another by "and",
  "or" or a comma ("&lt; and &gt;"), or near a word about markup (``ENTITY_CUES``), and
  not inside a word, is still reported, but its fix is a guess, offered as unsafe.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import SURROGATES as LONE_SURROGATES
from seedlint.engine.document import Document
from seedlint.engine.kind import Check, Kind, declare
from seedlint.engine.options import Option
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._mojibake import mojibake_hint, repaired
from seedlint.kinds._text import ENTITY_AT as ENTITY
from seedlint.kinds._text import quoted_alone

SEGMENT = lazy_compile("[^\r\n\ud800-\udfff]+")  # a line, up to any undecodable byte
SURROGATES = lazy_compile("[\ud800-\udfff]+")
ENCODING_NAMES = {"cp1252": "Windows-1252", "latin-1": "Latin-1", "cp1250": "Windows-1250"}
LONGEST_DIFF = 4000  # longer changed stretches are one edit: difflib is quadratic
LOST_APOSTROPHE = ("&#191;", "&iquest;")  # ¿ inside a word stands for a lost ’
# words of a text about markup, which names entities rather than uses them; not "escape"
# or "encode", which news uses of other things ("Double &amp;amp; escaped")
ENTITY_CUES = lazy_compile(
    r"\b(?:entit(?:y|ies)|character references?|ampersands?|less-than|greater-than|"
    r"non-breaking|(?:hexa)?decimal|numeric)\b",
    re.IGNORECASE,
)
CUE_REACH = 80  # characters either side of an entity, on its line, where a cue counts
ENTITY_JOINED_AFTER = lazy_compile(r"(?:,? (?:and|or) |, ?)&#?\w+;")
ENTITY_JOINED_BEFORE = lazy_compile(r"&#?\w+;(?:,? (?:and|or) |, ?)\Z")


class State(msgspec.Struct, frozen=True):
    check: str
    legacy: str = "cp1252"


class Encoding(Kind[State]):
    name = "encoding"
    checks = declare(
        Check(
            "invalid-utf8",
            "bytes that are not UTF-8",
            fields=("found", "offset", "count"),
            fixable=True,
            options={
                "legacy-encoding": Option(
                    "str", "cp1252", help="the encoding the fix decodes invalid bytes from"
                )
            },
        ),
        Check("mojibake", "UTF-8 decoded as another encoding", ("found", "replacement"), True),
        Check(
            "html-entity",
            "HTML character references",
            ("found", "replacement"),
            True,
            guesses=True,
        ),
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        if check != "invalid-utf8":
            return State(check)
        name = options["legacy-encoding"]
        try:
            legacy = codecs.lookup(name).name
        except LookupError:
            raise ValueError(f"unknown encoding {name!r}") from None
        try:
            b"\x80".decode(legacy)
        except LookupError:  # base64, rot13, zlib: codecs, but not from bytes to text
            raise ValueError(f"{name!r} is not a text encoding") from None
        except UnicodeError:
            pass  # a text encoding that has no character for this byte
        return State(check, legacy)

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        text = doc.text
        if state.check == "html-entity":
            yield from _entities(doc)
        elif state.check == "invalid-utf8":
            if not text.isascii() and doc.holds(LONE_SURROGATES):
                yield from _invalid_utf8(text, state.legacy)
        elif not text.isascii() and mojibake_hint().search(text):
            yield from _mojibake(text)


KIND = Encoding()


def _entities(doc: Document) -> Iterator[Finding]:
    text = doc.text
    if "&" not in text:
        return
    import html  # with its table of entities, imported for a text that may hold one
    from html.entities import html5

    for match in ENTITY.finditer(text):
        entity = match.group()
        if entity[1] != "#" and entity[1:] not in html5:
            continue  # "&notanentity;" is not "¬anentity;"
        if entity in LOST_APOSTROPHE and text[match.start() - 1 : match.start()].isalpha():
            continue  # "UK&#191;s" is a lost apostrophe: one cause, reported by its own rule
        replacement = html.unescape(entity)
        if replacement != entity:
            values = {"found": match.group(), "replacement": replacement}
            yield Finding(
                match.start(),
                match.end(),
                values,
                (Edit(match.start(), match.end(), replacement),),
                f"Replace with {replacement!r}",
                guess=_named(doc, match.start(), match.end()),
            )


def _named(doc: Document, start: int, end: int) -> bool:
    """Whether the entity at ``text[start:end]`` may be named, not used: alone in
    quotation marks or backticks ('the entity "&nbsp;"'), joined to another ("&lt; and
    &gt;"), or near a word about markup on its line ("an ampersand as &amp;"). One inside
    a word is used ("UK&#8217;s", "caf&eacute;")."""
    text = doc.text
    if text[start - 1 : start].isalnum() or text[end : end + 1].isalnum():
        return False
    if quoted_alone(text, start, end, also="`"):
        return True
    line = doc.line_around(start)
    reach_start, reach_end = max(line.start, start - CUE_REACH), min(line.end, end + CUE_REACH)
    if ENTITY_JOINED_AFTER.match(text, end, reach_end):
        return True
    if ENTITY_JOINED_BEFORE.search(text, reach_start, start):
        return True
    return ENTITY_CUES.search(text, reach_start, reach_end) is not None


def _mojibake(text: str) -> Iterator[Finding]:
    for line in SEGMENT.finditer(text):
        fixed = repaired(line.group())
        if fixed == line.group():
            continue
        for i1, i2, j1, j2 in _joined(line.group(), _differences(line.group(), fixed)):
            if i2 < len(line.group()) and (i1 == i2 or j1 == j2):
                i2, j2 = i2 + 1, j2 + 1  # show a deletion or insertion with its neighbour
            start, end = line.start() + i1, line.start() + i2
            replacement = fixed[j1:j2]
            values = {"found": _short(text[start:end]), "replacement": _short(replacement)}
            yield Finding(
                start,
                end,
                values,
                (Edit(start, end, replacement),),
                f"Replace with {replacement!r}",
            )


def _differences(before: str, after: str) -> Iterator[tuple[int, int, int, int]]:
    """Changed stretches ``before[i1:i2] -> after[j1:j2]``; linear time for long lines."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    i2, j2 = len(before) - suffix, len(after) - suffix
    if max(i2, j2) - prefix > LONGEST_DIFF:
        yield prefix, i2, prefix, j2
        return
    import difflib  # imported for a repaired line only

    matcher = difflib.SequenceMatcher(None, before[prefix:i2], after[prefix:j2], autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            yield prefix + a1, prefix + a2, prefix + b1, prefix + b2


def _joined(
    before: str, stretches: Iterator[tuple[int, int, int, int]]
) -> Iterator[tuple[int, int, int, int]]:
    """The changed stretches of one repair, those with no whitespace between them made
    one: a repair of one word is one change ("â€™Ã’" -> "’Ò"), though the differ may find
    a character the two have in common inside it, and a part of it applied alone (its
    neighbour's fix withheld beside a byte that is not UTF-8) would be no repair at all."""
    joined: list[int] | None = None
    for i1, i2, j1, j2 in stretches:
        if joined is not None and not any(c.isspace() for c in before[joined[1] : i1]):
            joined[1], joined[3] = i2, j2
            continue
        if joined is not None:
            yield joined[0], joined[1], joined[2], joined[3]
        joined = [i1, i2, j1, j2]
    if joined is not None:
        yield joined[0], joined[1], joined[2], joined[3]


def _short(text: str) -> str:
    return text if len(text) <= 60 else f"{text[:28]}…{text[-28:]}"


def _invalid_utf8(text: str, legacy: str) -> Iterator[Finding]:
    runs = list(SURROGATES.finditer(text))
    if not runs:
        return
    first = runs[0].start()
    code = ord(text[first])
    found = f"byte 0x{code - 0xDC00:02X}" if code >= 0xDC80 else f"lone surrogate U+{code:04X}"
    values = {
        "found": found,
        "offset": len(text[:first].encode("utf-8")),  # nothing undecodable before it
        "count": sum(len(run.group()) for run in runs),
    }
    replacements = [_decoded(run.group(), legacy) for run in runs]
    decoded = [r for r in replacements if r is not None]
    edits = None
    if len(decoded) == len(runs):
        edits = tuple(Edit(run.start(), run.end(), r) for run, r in zip(runs, decoded, strict=True))
    shown = ", ".join(repr(r) for r in dict.fromkeys(decoded[:20]))
    message = f"Decode the invalid bytes as {ENCODING_NAMES.get(legacy, legacy)}: {shown}"
    yield Finding(first, first + 1, values, edits, message)


def _decoded(run: str, legacy: str) -> str | None:
    """A run of lone surrogates as text: escaped bytes decoded from the legacy encoding,
    surrogate pairs joined, U+FFFD for the rest; None when a byte is not in the encoding."""
    pieces: list[str | None] = []
    escaped = bytearray()
    index = 0
    while index < len(run):
        code = ord(run[index])
        following = ord(run[index + 1]) if index + 1 < len(run) else 0
        if 0xD800 <= code <= 0xDBFF and 0xDC00 <= following <= 0xDFFF:
            piece = chr(0x10000 + ((code - 0xD800) << 10) + (following - 0xDC00))
            index += 2
        elif 0xDC80 <= code <= 0xDCFF:
            escaped.append(code - 0xDC00)
            index += 1
            continue
        else:
            piece = "\ufffd"
            index += 1
        pieces.append(_legacy(escaped, legacy))
        escaped.clear()
        pieces.append(piece)
    pieces.append(_legacy(escaped, legacy))
    decoded = [p for p in pieces if p is not None]
    return "".join(decoded) if len(decoded) == len(pieces) else None


def _legacy(data: bytearray, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeError:  # not only UnicodeDecodeError: punycode raises its base class
        return None
