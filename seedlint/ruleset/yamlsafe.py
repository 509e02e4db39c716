"""Safe YAML for configuration and rule files.

A cloned repository's configuration and rule files are untrusted: loading one never builds
a Python object, never expands an alias, and never exhausts memory or the stack.

- A file is at most MAX_BYTES bytes of UTF-8, in the characters YAML allows.
- A first pass over PyYAML's event stream (libyaml's parser when PyYAML has it, which is
  fast) refuses aliases before anything is expanded, so a "billion laughs" file fails at
  its first alias, and nesting deeper than MAX_DEPTH before anything is constructed.
  Anchors without aliases are harmless and allowed.
- Then the safe constructors build the value (``!!binary`` included; tags that build
  Python objects are refused). Every mapping comes back as a ``Mapping`` recording its
  own line and each key's; keys must be strings and appear once in a mapping, and merge
  keys (``<<``, useless without aliases) are refused.

Every problem is a ``YamlError``, one line: ``path:line: message``. The parsing itself
lives in ``yamlparse``, imported only when a file is parsed.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

MIB = 1024 * 1024
MAX_BYTES = 8 * MIB  # far more than any configuration or rule pack needs
MAX_DEPTH = 64  # mappings and sequences inside each other
# What YAML allows in a stream (and PyYAML's reader checks): tab, line breaks and the
# printable characters, not the other controls nor surrogates. Compiled when first used
# (5 ms): a run with the bundled rules alone reads no YAML.
NOT_PRINTABLE = "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
# the line breaks YAML counts, as in PyYAML's marks
LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


class YamlError(Exception):
    """A YAML file that cannot be used; str() is ``path:line: message`` (``path: message``
    when the line is 0, unknown or the whole file)."""

    def __init__(self, path: str, line: int, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.message = message


class Mapping(dict[str, Any]):
    """A YAML mapping, with the 1-based line where it starts and the line of each key."""

    def __init__(self, line: int = 0) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class _Refused(Exception):
    """Found while loading; becomes a YamlError once the file's name is at hand."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_yaml(path: Path) -> Any:
    """The value of the YAML file at ``path``, or YamlError saying what is wrong."""
    name = str(path)
    data = read_limited(path, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8")) + 1
        byte = data[error.start]
        raise YamlError(name, line, f"not UTF-8 (byte 0x{byte:02X} at column {column})") from None
    return load_yaml_text(text, name)


def load_yaml_text(text: str, name: str) -> Any:
    """The value of YAML ``text``; ``name`` is what error messages call it."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlError(name, 0, _too_large())
    bad = re.search(NOT_PRINTABLE, text)
    if bad:
        line, column = _position(text, bad.start())
        character = f"U+{ord(bad.group()):04X}"
        raise YamlError(name, line, f"YAML error, column {column}: {character} is not allowed")
    # PyYAML is imported only here: a run whose configuration is pyproject.toml and whose
    # rules are the bundled pack (kept parsed, see ruleset/kept.py) never needs it
    from seedlint.ruleset.yamlparse import parse

    return parse(text, name)


def read_limited(path: Path, name: str) -> bytes:
    """At most MAX_BYTES bytes of a regular file (a FIFO is not waited for)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise YamlError(name, 0, f"cannot read: {error.strerror or error}") from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise YamlError(name, 0, "is a folder, not a YAML file")
        if not stat.S_ISREG(status.st_mode):
            raise YamlError(name, 0, "not a regular file")
        with open(descriptor, "rb", closefd=False) as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise YamlError(name, 0, f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise YamlError(name, 0, _too_large())
    return data


def _too_large() -> str:
    return f"larger than {MAX_BYTES // MIB} MiB, more than a configuration or rule file may be"


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting line breaks as YAML does."""
    line, line_start = 1, 0
    for found in LINE_BREAK.finditer(text, 0, index):
        line, line_start = line + 1, found.end()
    return line, index - line_start + 1


def _one_line(message: str) -> str:
    return " ".join(message.split())
