"""pattern: a regular expression, with an optional replacement.

Finds every match of ``regex`` (Python syntax; ``ignore-case`` and ``multiline`` flags
available). With ``replacement`` (a template that may use ``\\1`` or ``\\g<name>``), each
match carries a fix that substitutes it. The message may use ``{match}`` and the names
of the regex's groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seedlint.diagnostic import Edit, Finding
from seedlint.document import Document
from seedlint.options import Option

GROUP_REFERENCE = re.compile(r"\\(?:(\d+)|g<(\w+)>)")

OPTIONS = {
    "regex": Option("str", help="the pattern to find"),
    "replacement": Option("str", "", help="replacement template; empty: no fix"),
    "delete": Option("bool", False, help="fix by deleting the match"),
    "ignore-case": Option("bool", False),
    "multiline": Option("bool", True),
}
FIELDS = ("match", "replacement")
FIXABLE = True


@dataclass(frozen=True)
class State:
    pattern: re.Pattern[str]
    replacement: str | None


def compile(options: dict) -> State:
    flags = (re.IGNORECASE if options["ignore-case"] else 0) | (
        re.MULTILINE if options["multiline"] else 0
    )
    try:
        pattern = re.compile(options["regex"], flags)
    except re.error as error:
        raise ValueError(f"invalid regex {options['regex']!r}: {error}") from None
    replacement = options["replacement"] or ("" if options["delete"] else None)
    for number, name in GROUP_REFERENCE.findall(replacement or ""):
        known = int(number) <= pattern.groups if number else name in pattern.groupindex
        if not known:
            raise ValueError(f"replacement refers to group {number or name!r}, not in the regex")
    return State(pattern, replacement)


def message_fields(state: State) -> tuple[str, ...]:
    """The message may also use the regex's named groups."""
    return (*FIELDS, *state.pattern.groupindex)


def check(doc: Document, state: State) -> Iterator[Finding]:
    for match in state.pattern.finditer(doc.text):
        if match.start() == match.end():
            continue
        values = {"match": match.group(), **{k: v or "" for k, v in match.groupdict().items()}}
        edits = None
        if state.replacement is not None:
            content = match.expand(state.replacement)
            values["replacement"] = content
            edits = (Edit(match.start(), match.end(), content),)
        else:
            values["replacement"] = ""
        yield Finding(match.start(), match.end(), values, edits, "Replace the match")
