"""pattern: a regular expression, with an optional replacement.

Finds every match of ``regex`` (Python syntax; ``ignore-case`` and ``multiline`` flags
available). With ``replacement`` (a template that may use ``\\1`` or ``\\g<name>``), each
match carries a fix that substitutes it. The message may use ``{match}`` and the names
of the regex's groups.

A user's regular expression can backtrack for longer than the age of the universe
(``(a|aa)+$``), so patterns run on the ``regex`` module, which supports time limits. When
a rule is loaded its pattern is tried on short probe texts and refused, with the reason,
if it already runs out of time there; on a document it gets ``TIME_LIMIT`` seconds plus
``TIME_PER_MB`` per megabyte, and a search that runs out is an error for that file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from seedlint.diagnostic import Edit, Finding
from seedlint.document import Document
from seedlint.options import Option

GROUP_REFERENCE = re.compile(r"\\(?:(\d+)|g<(\w+)>)")
TIME_LIMIT = 2.0  # seconds for a search over a document, plus TIME_PER_MB per megabyte
TIME_PER_MB = 1.0
PROBE_LIMIT = 0.2  # seconds for a search over one short probe text at load time
PROBE_LENGTH = 48

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
    pattern: regex.Pattern[str]
    replacement: str | None


def compile(options: dict) -> State:
    flags = (regex.IGNORECASE if options["ignore-case"] else 0) | (
        regex.MULTILINE if options["multiline"] else 0
    )
    try:
        pattern = regex.compile(options["regex"], flags | regex.VERSION0)
    except regex.error as error:
        raise ValueError(f"invalid regex {options['regex']!r}: {error}") from None
    _probe(pattern)
    replacement = options["replacement"] or ("" if options["delete"] else None)
    for number, name in GROUP_REFERENCE.findall(replacement or ""):
        known = int(number) <= pattern.groups if number else name in pattern.groupindex
        if not known:
            raise ValueError(f"replacement refers to group {number or name!r}, not in the regex")
    return State(pattern, replacement)


def message_fields(state: State) -> tuple[str, ...]:
    """The message may also use the regex's named groups."""
    return (*FIELDS, *state.pattern.groupindex)


def _probe(pattern: regex.Pattern[str]) -> None:
    """Refuse a pattern that runs out of time on a short text made of its own characters."""
    letters = sorted({c for c in pattern.pattern if c.isalnum() or c.isspace()} | {"a", " "})
    probes = [c * PROBE_LENGTH for c in letters] + ["".join(letters) * 4]
    for probe in probes:
        for text in (probe, probe + "!", probe + "\n"):
            try:
                for _ in pattern.finditer(text, timeout=PROBE_LIMIT):
                    pass
            except TimeoutError:
                raise ValueError(
                    f"regex {pattern.pattern!r} backtracks catastrophically: a search of "
                    f"{text!r} took over {PROBE_LIMIT} s (nested or overlapping repetition, "
                    "such as (a|aa)+ or (a+)+, is the usual cause)"
                ) from None


def check(doc: Document, state: State) -> Iterator[Finding]:
    limit = TIME_LIMIT + TIME_PER_MB * len(doc.text) / 1e6
    try:
        matches = list(state.pattern.finditer(doc.text, timeout=limit))
    except TimeoutError:
        raise TimeoutError(
            f"regex {state.pattern.pattern!r} ran out of time ({limit:.1f} s)"
        ) from None
    for match in matches:
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
