"""The YAML side of safe loading (see ``yamlsafe``): PyYAML's parser and safe
constructors, with aliases and deep nesting refused from the event stream first, every
mapping built as a ``Mapping`` with its lines, and every problem a one-line ``YamlError``.
Imported only when a YAML file is read: PyYAML's import costs a start-up 10 ms.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import yaml

from seedlint.ruleset.yamlsafe import MAX_DEPTH, Mapping, YamlError, _one_line, _Refused

try:  # libyaml's parser when PyYAML was built with it: the same safe constructors, faster
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAP_TAG = "tag:yaml.org,2002:map"
INT_TAG = "tag:yaml.org,2002:int"
MERGE_TAG = "tag:yaml.org,2002:merge"
SHOWN_KEY_LENGTH = 40  # of a refused key, quoted in the message


def parse(text: str, name: str) -> Any:
    """The value of YAML ``text`` (already checked for size and characters)."""
    try:
        _check_events(text)
        return yaml.load(text, Loader=_Loader)
    except _Refused as refused:
        raise YamlError(name, refused.line, _one_line(refused.message)) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, name) from None
    except yaml.YAMLError as error:
        raise YamlError(name, 0, f"YAML error: {_one_line(str(error))}") from None


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


def _syntax_error(error: yaml.MarkedYAMLError, name: str) -> YamlError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 0
    column = f", column {mark.column + 1}" if mark else ""
    problem = error.problem or error.context or "invalid YAML"
    if error.context and error.context_mark and error.problem:
        problem += f" ({error.context}, line {error.context_mark.line + 1})"
    return YamlError(name, line, f"YAML error{column}: {_one_line(problem)}")
