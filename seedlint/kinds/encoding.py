"""encoding: mojibake and HTML entities, repaired without touching anything else.

``check`` picks one property per rule:

- ``mojibake``: text that was encoded in UTF-8 and decoded as something else
  ("UKâ€™s" for "UK’s", "cafÃ©" for "café"). Found and repaired by ftfy with encoding
  repair only: its quote uncurling, ligature and width fixes, HTML unescaping and Unicode
  normalisation are all switched off, so curly quotes and other correct text survive.
  ftfy runs only on lines that its own cheap badness test flags, and never on pure ASCII.
- ``html-entity``: ``&amp;``, ``&#8217;``, ``&eacute;`` and the like, left by a scraper;
  replaced by the character they name (one level per pass, so ``&amp;quot;`` converges).
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterator
from html.entities import html5

from seedlint.diagnostic import Edit, Finding
from seedlint.document import Document
from seedlint.options import Option

OPTIONS = {"check": Option("choice", choices=("mojibake", "html-entity"))}
FIELDS = ("found", "replacement")
FIXABLE = True

ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# UTF-8 read as Windows-1252 or Latin-1 always shows a lead byte as Â..ô followed by a
# continuation byte as one of these: a cheap pre-check before ftfy is imported or run.
MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
LINE = re.compile(r"[^\r\n]+")


def compile(options: dict) -> str:
    return options["check"]


def check(doc: Document, check_name: str) -> Iterator[Finding]:
    if check_name == "html-entity":
        yield from _entities(doc.text)
    elif not doc.text.isascii() and MOJIBAKE_HINT.search(doc.text):
        yield from _mojibake(doc.text)


def _entities(text: str) -> Iterator[Finding]:
    if "&" not in text:
        return
    for match in ENTITY.finditer(text):
        entity = match.group()
        if entity[1] != "#" and entity[1:] not in html5:
            continue  # "&notanentity;" is not "¬anentity;"
        replacement = html.unescape(entity)
        if replacement != entity:
            values = {"found": match.group(), "replacement": replacement}
            yield Finding(
                match.start(),
                match.end(),
                values,
                (Edit(match.start(), match.end(), replacement),),
                f"Replace with {replacement!r}",
            )


def _mojibake(text: str) -> Iterator[Finding]:
    import ftfy  # imported here: most documents never need it
    from ftfy.badness import is_bad

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    for line in LINE.finditer(text):
        if line.group().isascii() or not is_bad(line.group()):
            continue
        fixed = ftfy.fix_text(line.group(), config)
        if fixed == line.group():
            continue
        matcher = difflib.SequenceMatcher(None, line.group(), fixed, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if i2 < len(line.group()) and (i1 == i2 or j1 == j2):
                i2, j2 = i2 + 1, j2 + 1  # show a deletion or insertion with its neighbour
            start, end = line.start() + i1, line.start() + i2
            replacement = fixed[j1:j2]
            values = {"found": text[start:end], "replacement": replacement}
            yield Finding(
                start,
                end,
                values,
                (Edit(start, end, replacement),),
                f"Replace with {replacement!r}",
            )
