"""whitespace: spacing and invisible characters that pipelines leave behind.

``check`` picks one property per rule; every fix is a plain deletion or replacement:

- ``trailing``: spaces, tabs or no-break spaces at the end of a line; deleted.
- ``leading``: indentation at the start of a body line; deleted.
- ``tab``: a tab between words; replaced by a space.
- ``double-space``: two or more spaces (of any width) between words; replaced by one.
  With ``sentence-spacing``, two spaces after the end of a sentence (the typewriter
  convention, and what ``.&nbsp; `` in HTML becomes) are accepted.
- ``blank-lines``: more than one blank line between paragraphs; reduced to one.
- ``line-endings``: CRLF or lone CR line breaks; one finding per document, fixed to LF.
- ``nbsp``: a no-break or other Unicode space beside ordinary whitespace, where it can
  only be residue; a lone no-break space between two words is typography and stays.
- ``invisible``: zero-width characters, soft hyphens, byte-order marks and bidi controls
  inside the text; deleted. Zero-width joiners between non-Latin letters (Persian,
  Indic scripts, emoji) are part of the writing and stay.
- ``control``: C0 and C1 control characters other than tab and line breaks; deleted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from seedlint.diagnostic import Edit, Finding
from seedlint.document import BREAK, Document
from seedlint.options import Option

OPTIONS = {
    "check": Option(
        "choice",
        choices=(
            "trailing",
            "leading",
            "tab",
            "double-space",
            "blank-lines",
            "line-endings",
            "nbsp",
            "invisible",
            "control",
        ),
    ),
    "sentence-spacing": Option(
        "bool", False, help="double-space: accept two spaces after a sentence's end"
    ),
}
FIELDS = ("found", "count")
FIXABLE = True

SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000"
EOL = r"(?=\r\n|\r|\n|\Z)"
PATTERNS = {
    # each run is tried from its start only: linear, however long a run of spaces
    "trailing": re.compile(f"(?<![ \t{SPACES}])[ \t{SPACES}]+{EOL}"),
    "leading": re.compile(f"(?<=[\n\r])[ \t{SPACES}]+(?=[^\\s])"),
    "tab": re.compile(r"(?<=\S)\t+(?=\S)"),
    "double-space": re.compile(f"(?<=\\S)(?: [ {SPACES}]+|[{SPACES}] [ {SPACES}]*)(?=\\S)"),
    "blank-lines": re.compile(f"(?<=\\S)[ \\t]*{BREAK}(?:[ \\t]*{BREAK}){{2,}}(?=\\S)"),
    "nbsp": re.compile(f"(?<![{SPACES}])[{SPACES}]+(?=[\\r\\n])|(?<=[\\r\\n])[{SPACES}]+"),
    "invisible": re.compile(
        "[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"
        "\u180e]|(?<=[\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?=[\x00-\x7f])"
    ),
    "control": re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"),
}
UNUSUAL_SPACE = re.compile(f"[{SPACES}]")
INVISIBLE_HINT = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069\u180e]")


def _unusual_space(text: str) -> bool:
    return not text.isascii() and UNUSUAL_SPACE.search(text) is not None


# Cheap tests that any finding of the check must pass: most documents fail them all and
# the precise pattern, with its look-arounds, never runs.
GATES: dict[str, Callable[[str], bool]] = {
    "trailing": lambda t: (
        " \n" in t or "\t\n" in t or "\r" in t or t.endswith((" ", "\t")) or _unusual_space(t)
    ),
    "leading": lambda t: "\n " in t or "\n\t" in t or "\r" in t or _unusual_space(t),
    "tab": lambda t: "\t" in t,
    "double-space": lambda t: "  " in t or _unusual_space(t),
    "blank-lines": lambda t: "\n\n\n" in t or "\r" in t or "\n " in t or "\n\t" in t,
    "nbsp": _unusual_space,
    "invisible": lambda t: not t.isascii() and INVISIBLE_HINT.search(t) is not None,
    "control": lambda t: PATTERNS["control"].search(t) is not None,
}
REPLACEMENTS = {"tab": " ", "double-space": " ", "blank-lines": "\n\n"}
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]?\Z")
CRLF = re.compile(r"\r\n?")


def compile(options: dict) -> dict:
    return options


def check(doc: Document, options: dict) -> Iterator[Finding]:
    text = doc.text
    check_name = options["check"]
    after_sentence = options["sentence-spacing"]
    if check_name == "line-endings":
        yield from _line_endings(text)
        return
    if not GATES[check_name](text):
        return
    replacement = REPLACEMENTS.get(check_name, "")
    for match in PATTERNS[check_name].finditer(text):
        if check_name == "invisible" and match.start() == 0 and doc.header is not None:
            continue  # a byte-order mark before the header is the header rule's finding
        if after_sentence and SENTENCE_END.search(text, max(0, match.start() - 3), match.start()):
            continue
        found = " ".join(f"U+{ord(c):04X}" for c in match.group()[:4])
        yield Finding(
            match.start(),
            match.end(),
            {"found": found, "count": len(match.group())},
            (Edit(match.start(), match.end(), replacement),),
            "Replace with one space" if replacement == " " else "Delete it",
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
