"""Character offsets into a document's text, as LSP positions and back.

The engine counts characters (code points); an LSP position is a line and a column in the
code units the client and server agreed on at start-up (UTF-16 unless the client offers
UTF-8 or UTF-32). Lines are split where the engine and LSP both split them: at LF, CRLF
and CR only, never at the other characters ``str.splitlines`` breaks on (U+2028, U+0085,
form feed), which damaged text is full of.
"""

from __future__ import annotations

import bisect

from lsprotocol import types

from seedlint.engine.document import Document

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
# bytes per code unit in Python's codec names
_CODEC = {UTF8: ("utf-8", 1), UTF16: ("utf-16-le", 2), UTF32: ("utf-32-le", 4)}


def _units(text: str, encoding: str) -> int:
    """The length of ``text`` in the encoding's code units."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    codec, width = _CODEC[encoding]
    return len(text.encode(codec, "surrogatepass")) // width


class LineIndex:
    """Where each line of a text starts, for conversions in one encoding."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding if encoding in _CODEC else UTF16
        self.starts = Document(text).line_starts

    def _line_end(self, line: int) -> int:
        """The offset where a line's text ends (before its line break)."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        following = self.starts[line + 1]
        crlf = following - 2 >= self.starts[line] and self.text.startswith("\r\n", following - 2)
        return following - 2 if crlf else following - 1

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line, _units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of a position; past a line's end is its end, past the last line the
        end of the text (as LSP asks)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self._line_end(position.line)
        line = self.text[start:end]
        if self.encoding == UTF32 or line.isascii():
            return start + min(position.character, len(line))
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return start + index
            units += _units(char, self.encoding)
        return end
