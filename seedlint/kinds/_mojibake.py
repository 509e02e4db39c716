"""The cheap test a line passes before ftfy looks at it for mojibake, and why it loses nothing.

ftfy is slow to import and to run, and most documents hold no mojibake, so the encoding kind
runs it only on lines that pass ``mojibake_hint()``. The test is a necessary condition for
ftfy's encoding repair (ftfy 6) to change a line, so it never hides a line ftfy would repair.
That repair changes text in three ways only:

1. it encodes the whole line in one of its single-byte encodings E (``ENCODINGS``) and
   decodes the bytes as UTF-8 (or as CESU-8 and Java's C0 80, its "utf-8-variants"), after
   two transcoding steps: ``restore_byte_a0`` turns a space after some lead bytes back into
   byte A0 (never in MacRoman), and ``replace_lossy_sequences`` reads byte 1A (U+FFFD in
   ftfy's "sloppy" codecs) or "?" after a lead byte as a lost continuation byte;
2. ``decode_inconsistent_utf8`` applies step 1 to a part of the line;
3. it reads C1 controls (U+0080..U+009F) as Windows-1252 characters.

A UTF-8 decoding that succeeds and changes the text needs a multi-byte sequence among the
bytes: a lead byte (C2..F4, or the C0 of C0 80) right before a continuation byte (80..BF)
or before what a transcoding step turns into one. So a line ftfy changes holds a C1
control or, for some encoding E, a lead byte of E followed by a continuation byte of E, by
U+FFFD, by a space (after a lead byte that ``restore_byte_a0`` restores) or by "?" (after a
lead byte of a lossy sequence). ``mojibake_hint()`` is exactly that, written in characters:
each byte as E decodes it, undefined bytes filled the way ftfy's sloppy codecs fill them.
``tests/kinds/test_knowledge_mojibake.py`` checks the code pages against ftfy's own codecs
and the condition against ftfy on generated text.

The regex opens with one character class (every lead character and C1 control), so that
the regex engine skips ahead by that class alone; the encoding-specific pairs are checked
only where it matches.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

# ftfy.chardata.CHARMAP_ENCODINGS by their Python names; True for ftfy's "sloppy" codecs,
# which decode an undefined byte as its Latin-1 character and byte 1A as U+FFFD
ENCODINGS = {
    "latin-1": False,
    "cp1252": True,
    "cp1251": True,
    "cp1250": True,
    "cp1253": True,
    "cp1254": True,
    "cp1257": True,
    "iso8859-2": False,
    "mac-roman": False,
    "cp437": False,
}
LEAD_BYTES = bytes([0xC0, *range(0xC2, 0xF5)])  # C0 only as Java's C0 80
CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
# ftfy.chardata.ALTERED_UTF8_RE and fixes.A_GRAVE_WORD_RE: lead bytes whose following byte
# A0 (or the second after E0..E3, which a continuation byte precedes) may be a space
SPACE_LEAD_BYTES = bytes([0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9, 0xE2, 0xE3, 0xF0])
NO_SPACE_RESTORED = frozenset({"mac-roman"})
# ftfy.chardata.LOSSY_UTF8_RE: lead bytes a "?" may follow in a lossy sequence
QUESTION_LEAD_BYTES = bytes([0xC2, 0xC3, *range(0xE0, 0xF5)])
C1_CONTROLS = "\x80-\x9f"
REPLACEMENT = "\ufffd"
SUBSTITUTE = 0x1A  # the byte ftfy's sloppy codecs write for U+FFFD


def decoded(byte: int, encoding: str) -> str:
    """One byte as ftfy reads it in ``encoding``: its sloppy filling of undefined bytes."""
    if ENCODINGS[encoding] and byte == SUBSTITUTE:
        return REPLACEMENT
    try:
        return bytes([byte]).decode(encoding)
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")  # sloppy: the byte's Latin-1 character


def _characters(data: bytes, encoding: str) -> str:
    """A regex class body of the characters ``data`` decodes to (C1 controls left out:
    they are a hint of their own)."""
    characters = {decoded(byte, encoding) for byte in data}
    return "".join(re.escape(c) for c in sorted(characters) if not "\x80" <= c <= "\x9f")


def _pairs(encoding: str) -> list[str]:
    """Lookbehind-anchored alternatives: the lead character just matched, then what may
    follow it in a mix-up through ``encoding``."""
    leads = _characters(LEAD_BYTES, encoding)
    following = _characters(CONTINUATION_BYTES, encoding) + REPLACEMENT
    pairs = [f"(?<=[{leads}])[{following}]"]
    if encoding not in NO_SPACE_RESTORED:
        pairs.append(f"(?<=[{_characters(SPACE_LEAD_BYTES, encoding)}]) ")
    if ENCODINGS[encoding]:
        pairs.append(rf"(?<=[{_characters(QUESTION_LEAD_BYTES, encoding)}])\?")
    return pairs


@functools.cache
def mojibake_hint() -> re.Pattern[str]:
    """The hint (see the module docstring), compiled when a text first needs it (10 ms):
    a run whose documents all come from the cache never does."""
    every_lead = "".join(_characters(LEAD_BYTES, encoding) for encoding in ENCODINGS)
    alternatives = [f"(?<=[{C1_CONTROLS}])"]
    alternatives += [pair for encoding in ENCODINGS for pair in _pairs(encoding)]
    return re.compile(f"[{C1_CONTROLS}{every_lead}](?:{'|'.join(alternatives)})")


def repaired(line: str) -> str:
    """``line`` (no line break) after ftfy's encoding repair, and the signs it leaves
    (``signs_repaired``); the line itself when the hint shows that neither would change
    it (a sign's mix-up is a lead byte and a continuation byte of Windows-1252 too)."""
    if line.isascii() or not mojibake_hint().search(line):
        return line
    return signs_repaired(ftfy_repaired(line))


@functools.cache
def _sign_mixup() -> re.Pattern[str]:
    """ "â‚" and the character of a continuation byte, in Windows-1252 as ftfy's sloppy
    codec reads it (U+2080..U+20BF encoded in UTF-8 and decoded so), where ftfy's badness
    test does not flag the three characters: the rest are ftfy's to judge, in the context
    of the line."""
    from ftfy.badness import is_bad

    # the bytes Windows-1252 defines (an undefined one is read as a C1 control, which
    # ftfy flags anyway), so that each character encodes back to its byte
    continuation = [bytes([b]).decode("cp1252", "ignore") for b in CONTINUATION_BYTES]
    unseen = "".join(re.escape(c) for c in continuation if c and not is_bad(f"â‚{c}"))
    return re.compile(f"â‚([{unseen}])")


def signs_repaired(line: str) -> str:
    """``line`` with the UTF-8 signs U+2080..U+20BF read as Windows-1252 decoded again,
    where ftfy cannot see them: "â‚¿" is "₿", "â‚©" is "₩", "â‚‚" is "₂". ftfy repairs "â‚¬"
    (€), "â‚¹" (₹) and a few more; the others its badness test does not flag, and it
    leaves them. "â‚" is written by no language (a letter, then a low quotation mark,
    then a sign or letter of that block)."""
    if "â‚" not in line:
        return line
    return _sign_mixup().sub(_sign, line)


def _sign(match: re.Match[str]) -> str:
    return (b"\xe2\x82" + match.group(1).encode("cp1252")).decode("utf-8")


def ftfy_repaired(line: str) -> str:
    """``line`` after ftfy's encoding repair, run when its badness test flags the line."""
    import ftfy  # imported here: most documents never need it
    from ftfy.badness import is_bad

    if not is_bad(line):
        return line
    fixed: str = ftfy.fix_text(line, _config())
    return fixed


@functools.cache
def _config() -> TextFixerConfig:
    """Encoding repair only: quote uncurling, ligatures, character width, HTML entities,
    line breaks, control characters and Unicode normalisation stay as they are."""
    import ftfy

    return ftfy.TextFixerConfig(
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
