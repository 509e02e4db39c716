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

Every problem is a ``YamlError``, one line: ``path:line: message``.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's parser when PyYAML was built with it: the same safe constructors, faster
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MIB = 1024 * 1024
MAX_BYTES = 8 * MIB  # far more than any configuration or rule pack needs
MAX_DEPTH = 64  # mappings and sequences inside each other
SHOWN_KEY_LENGTH = 40  # of a refused key, quoted in the message
MAP_TAG = "tag:yaml.org,2002:map"
INT_TAG = "tag:yaml.org,2002:int"
MERGE_TAG = "tag:yaml.org,2002:merge"
# What YAML allows in a stream (and PyYAML's reader checks): tab, line breaks and the
# printable characters, not the other controls nor surrogates.
NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
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
    data = _read(path, name)
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
    bad = NOT_PRINTABLE.search(text)
    if bad:
        line, column = _position(text, bad.start())
        character = f"U+{ord(bad.group()):04X}"
        raise YamlError(name, line, f"YAML error, column {column}: {character} is not allowed")
    try:
        _check_events(text)
        return yaml.load(text, Loader=_Loader)
    except _Refused as refused:
        raise YamlError(name, refused.line, _one_line(refused.message)) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, name) from None
    except yaml.YAMLError as error:
        raise YamlError(name, 0, f"YAML error: {_one_line(str(error))}") from None


def _read(path: Path, name: str) -> bytes:
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


def _check_events(text: str) -> None:
    """Refuse aliases and deep nesting from the event stream, before any value is built."""
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent):
            line, column = _start(event)
            raise _Refused(
                line, f"YAML aliases are not allowed (*{event.anchor} at column {column})"
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(_start(event)[0], f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Loader(_BaseLoader):
    """The safe loader, with mappings as ``Mapping`` and values that Python refuses (a
    date that does not exist, an integer too long) reported with their line."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        kind = node.tag.rsplit(":", 1)[-1]
        if node.tag == INT_TAG and len(str(node.value)) > sys.get_int_max_str_digits():
            # int() would refuse it with advice on raising Python's limit
            raise _Refused(_line(node), f"not a valid int: {_shown(node)} (too many digits)")
        try:
            return super().construct_object(node, deep=deep)
        except ValueError as error:  # a date that does not exist, a malformed number
            raise _Refused(_line(node), f"not a valid {kind}: {_shown(node)} ({error})") from None
        except (OverflowError, TypeError, AttributeError, LookupError):
            # the safe constructors trust that a scalar given a tag fits it
            raise _Refused(_line(node), f"not a valid {kind}: {_shown(node)}") from None


def _construct_mapping(loader: _Loader, node: yaml.Node) -> Iterator[Mapping]:
    """A Mapping, filled after it is handed out (as PyYAML builds nested values)."""
    if not isinstance(node, yaml.MappingNode):
        raise _Refused(_line(node), f"a mapping was expected, not {_kind(node)}")
    mapping = Mapping(_line(node))
    yield mapping
    for key_node, value_node in node.value:
        line = _line(key_node)
        if key_node.tag == MERGE_TAG:
            raise _Refused(line, "merge keys (<<) are not allowed")
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused(line, f"keys must be strings, not {_kind(key_node)}")
        key = loader.construct_object(key_node)
        if not isinstance(key, str):
            raise _Refused(line, f"keys must be strings, not {_shown(key_node)}")
        if key in mapping:
            first = mapping.key_lines[key]
            raise _Refused(line, f"duplicate key {key!r} (first at line {first})")
        mapping[key] = loader.construct_object(value_node)
        mapping.key_lines[key] = line


_Loader.add_constructor(MAP_TAG, _construct_mapping)


def _line(node: yaml.Node) -> int:
    return _start(node)[0]


def _start(item: yaml.Node | yaml.Event) -> tuple[int, int]:
    """1-based line and column where a node or event starts; (0, 0) when not known."""
    mark = item.start_mark
    return (int(mark.line) + 1, int(mark.column) + 1) if mark is not None else (0, 0)


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return "a list" if isinstance(node, yaml.SequenceNode) else "a scalar"


def _shown(node: yaml.Node) -> str:
    """A scalar as it was written, on one line and cut short."""
    if not isinstance(node, yaml.ScalarNode):
        return _kind(node)
    text = " ".join(str(node.value).split()) or "an empty value"
    return text if len(text) <= SHOWN_KEY_LENGTH else text[: SHOWN_KEY_LENGTH - 1] + "…"


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting line breaks as YAML does."""
    line, line_start = 1, 0
    for found in LINE_BREAK.finditer(text, 0, index):
        line, line_start = line + 1, found.end()
    return line, index - line_start + 1


def _syntax_error(error: yaml.MarkedYAMLError, name: str) -> YamlError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 0
    column = f", column {mark.column + 1}" if mark else ""
    problem = error.problem or error.context or "invalid YAML"
    if error.context and error.context_mark and error.problem:
        problem += f" ({error.context}, line {error.context_mark.line + 1})"
    return YamlError(name, line, f"YAML error{column}: {_one_line(problem)}")


def _one_line(message: str) -> str:
    return " ".join(message.split())
