"""whitespace: spacing and invisible characters that pipelines leave behind.

A rule picks one check; every fix is a plain deletion or replacement. Each check is one
entry of ``SPACING``: its pattern, the cheap test that lets most documents skip it, and
what replaces a match.

- ``trailing``: spaces or tabs at the end of a line; deleted.
- ``leading``: indentation at the start of a body line; deleted.
- ``tab``: a tab between words; replaced by a space.
- ``double-space``: two or more spaces (of any width) between words; replaced by one.
  With ``sentence-spacing``, two spaces after the end of a sentence (the typewriter
  convention, and what ``.&nbsp; `` in HTML becomes) are accepted.
- ``blank-lines``: more than one blank line between paragraphs; reduced to one.
- ``line-endings``: CRLF or lone CR line breaks; one finding per document, fixed to LF.
- ``nbsp``: a run of whitespace at a line's start or end that holds a no-break or other
  Unicode space: residue of a conversion, deleted. ``trailing`` and ``leading`` leave such
  a run to this check, so one run draws one finding. A lone no-break space between two
  words is typography and stays.
- ``invisible``: zero-width characters, soft hyphens, byte-order marks and bidi controls
  inside the text; deleted. Zero-width joiners between non-Latin letters (Persian,
  Indic scripts, emoji) are part of the writing and stay.
- ``control``: C0 and C1 control characters other than tab and line breaks; deleted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import BREAK, CONTROLS, INVISIBLES, UNUSUAL_SPACES, Document
from seedlint.engine.kind import Check, Kind, declare
from seedlint.engine.options import Option
from seedlint.engine.patterns import lazy_compile

SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000"
EOL = r"(?=\r\n|\r|\n|\Z)"
UNUSUAL_SPACE = lazy_compile(f"[{SPACES}]")
INVISIBLE_HINT = lazy_compile("[\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069\u180e]")
# C0 controls, DEL, and the C1 controls that mean nothing in Windows-1252; the others
# (\x80-\x9f with a Windows-1252 meaning, such as \x93 for “) are text decoded with the
# wrong codec: the mojibake rule repairs them, where deleting them would lose a character.
CONTROL = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]")
SENTENCE_END = lazy_compile(r"[.!?][\"”’')\]]?\Z")
CRLF = lazy_compile(r"\r\n?")
SHOWN_CODEPOINTS = 4


def _unusual_space(doc: Document) -> bool:
    """Whether the text holds a no-break or other unusual space: four checks ask, so the
    answer is kept with the document."""
    return doc.knowledge(_holds_unusual_space)


def _holds_unusual_space(doc: Document) -> bool:
    return not doc.text.isascii() and doc.holds(UNUSUAL_SPACES)


class Spacing(msgspec.Struct, frozen=True):
    """A check that deletes or replaces every match of its pattern."""

    summary: str
    # each run is tried from its start only, so patterns stay linear on long runs
    source: str
    # a cheap test any finding passes: most documents fail it and the pattern never runs
    gate: Callable[[Document], bool]
    replacement: str = ""

    @property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when a document first passes the gate, once per process: most runs
        never need most of them, and compiling them all cost every start 3 ms."""
        return _compiled(self.source)


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


SPACING: Mapping[str, Spacing] = {
    "trailing": Spacing(
        "spaces or tabs at the end of a line",
        f"(?<![ \t{SPACES}])[ \t]+{EOL}",
        lambda d: " \n" in d.text or "\t\n" in d.text or d.has_cr or d.text.endswith((" ", "\t")),
    ),
    "leading": Spacing(
        "indentation at the start of a body line",
        "(?<=[\n\r])[ \t]+(?=[^\\s])",
        lambda d: d.indented or d.has_cr,
    ),
    "tab": Spacing("a tab between words", r"(?<=\S)\t+(?=\S)", lambda d: "\t" in d.text, " "),
    "double-space": Spacing(
        "two or more spaces between words",
        f"(?<=\\S)(?: [ {SPACES}]+|[{SPACES}] [ {SPACES}]*)(?=\\S)",
        lambda d: "  " in d.text or _unusual_space(d),
        " ",
    ),
    "blank-lines": Spacing(
        "more than one blank line between paragraphs",
        f"(?<=\\S)[ \\t]*{BREAK}(?:[ \\t]*{BREAK}){{2,}}(?=\\S)",
        lambda d: "\n\n\n" in d.text or d.has_cr or d.indented,
        "\n\n",
    ),
    "nbsp": Spacing(
        "a no-break or other unusual space beside a line break",
        # the whole run of whitespace at the line's edge, so that SL101 and SL102 (which
        # leave a run holding such a space to this check) never report the same run too
        f"(?<![ \t{SPACES}])[ \t]*[{SPACES}][ \t{SPACES}]*{EOL}"
        f"|(?<=[\\r\\n])[ \t]*[{SPACES}][ \t{SPACES}]*(?=[^\\s])",
        _unusual_space,
    ),
    "invisible": Spacing(
        "zero-width characters, soft hyphens, byte-order marks, bidi controls",
        (
            "[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"
            "\u180e]|(?<=[\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?=[\x00-\x7f])"
        ),
        lambda d: not d.text.isascii() and d.holds(INVISIBLES),
    ),
    "control": Spacing(
        "C0 and C1 control characters other than tab and line breaks",
        CONTROL.pattern,
        lambda d: d.holds(CONTROLS),
    ),
}
FIELDS = ("found", "count")
SENTENCE_SPACING = Option(
    "bool", False, help="accept two spaces after a sentence's end (typewriter style)"
)


class State(msgspec.Struct, frozen=True):
    check: str
    sentence_spacing: bool = False


def _checks() -> Mapping[str, Check]:
    spacing = [
        Check(
            name,
            spacing.summary,
            fields=FIELDS,
            fixable=True,
            options={"sentence-spacing": SENTENCE_SPACING} if name == "double-space" else {},
        )
        for name, spacing in SPACING.items()
    ]
    line_endings = Check(
        "line-endings",
        "CRLF or lone CR line breaks",
        fields=FIELDS,
        fixable=True,
        normalises_line_breaks=True,
    )
    return declare(*spacing, line_endings)


class Whitespace(Kind[State]):
    name = "whitespace"
    checks = _checks()

    def build(self, check: str, options: dict[str, Any]) -> State:
        return State(check, options.get("sentence-spacing", False))

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        if state.check == "line-endings":
            return _line_endings(doc.text)
        return _spacing(doc, state)


KIND = Whitespace()


def _spacing(doc: Document, state: State) -> Iterator[Finding]:
    text = doc.text
    spacing = SPACING[state.check]
    if not spacing.gate(doc):
        return
    message = "Replace with one space" if spacing.replacement == " " else "Delete it"
    for match in spacing.pattern.finditer(text):
        if state.check == "invisible" and match.start() == 0 and doc.header is not None:
            continue  # a byte-order mark before the header is the header rule's finding
        if state.sentence_spacing and SENTENCE_END.search(
            text, max(0, match.start() - 3), match.start()
        ):
            continue
        found = " ".join(f"U+{ord(c):04X}" for c in match.group()[:SHOWN_CODEPOINTS])
        yield Finding(
            match.start(),
            match.end(),
            {"found": found, "count": len(match.group())},
            (Edit(match.start(), match.end(), spacing.replacement),),
            message,
        )


def _line_endings(text: str) -> Iterator[Finding]:
    breaks = list(CRLF.finditer(text))
    if not breaks:
        return
    kinds = {m.group() for m in breaks}
    mixed = "\n" in CRLF.sub("", text) or len(kinds) > 1
    if mixed:
        found = "mixed line endings"
    else:
        found = "CRLF line endings" if "\r\n" in kinds else "CR line endings"
    first = breaks[0]
    edits = tuple(Edit(m.start(), m.end(), "\n") for m in breaks)
    yield Finding(
        first.start(),
        first.end(),
        {"found": found, "count": len(breaks)},
        edits,
        "Convert every line break to LF",
    )
