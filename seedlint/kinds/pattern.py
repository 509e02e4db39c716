"""pattern: a regular expression, with an optional replacement.

Finds every match of ``regex`` (Python syntax; ``ignore-case`` and ``multiline`` flags
available). With ``replacement`` (a template that may use ``\\1`` or ``\\g<name>``), each
match carries a fix that substitutes it. The message may use ``{match}`` and the names
of the regex's groups.

With ``gate`` (strings), the regex runs only on documents holding one of them: a cheap
test that lets most documents skip the search. A regex of the shape of a word written
twice (``_candidates.REPEAT_HEAD``, look-arounds, then
``([A-Za-z]+)[ \\t]+(\\1)(?![\\w'’-]...)``) is tried only where a fast scan finds a word
followed by itself (see ``_candidates``). The
message may also use ``{codepoints}`` (the match's first characters as U+XXXX) and
``{length}``.

A user's regular expression can backtrack for longer than the age of the universe
(``(a|aa)+$``), so patterns run on the ``regex`` module, which supports time limits. When
a rule is loaded its pattern is tried on short probe texts and refused, with the reason,
if it already runs out of time there; on a document it gets ``time-limit`` seconds (2 by
default) plus half as much per megabyte, and a search that runs out is an error for that
file.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import Document
from seedlint.engine.kind import Kind, single_check
from seedlint.engine.options import Option
from seedlint.engine.patterns import lazy_compile
from seedlint.kinds._candidates import matches_at, repeated_word_shape, repeated_words

if TYPE_CHECKING:
    import regex

GROUP_REFERENCE = lazy_compile(r"\\(?:(\d+)|g<(\w+)>)")
TIME_PER_MB = 0.5  # seconds of search per megabyte of document, per second of time-limit
PROBE_LIMIT = 0.2  # seconds for a search over one short probe text at load time
PROBE_LENGTH = 48
SHOWN_CODEPOINTS = 4


class State(msgspec.Struct, frozen=True):
    source: str
    ignore_case: bool
    multiline: bool
    replacement: str | None
    gate: tuple[str, ...]
    time_limit: float
    repeats_only: bool = False  # every match is a word written twice: scan for those

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The compiled pattern: compiled (and the regex module imported, 10 ms) when a
        document first needs it, for a bundled rule (``build_trusted``); most documents
        pass neither a gate nor the repeated-word scan."""
        return _compiled(self.source, self.ignore_case, self.multiline)


class Pattern(Kind[State]):
    name = "pattern"
    checks = single_check(
        "pattern",
        "matches of a regular expression, with an optional replacement",
        fields=("match", "replacement", "codepoints", "length"),
        fixable=True,
        options={
            "regex": Option("str", help="the pattern to find (Python syntax, regex module)"),
            "replacement": Option("str", "", help="replacement template; empty: no fix"),
            "delete": Option("bool", False, help="fix by deleting the match"),
            "ignore-case": Option("bool", False),
            "multiline": Option("bool", True),
            "gate": Option(
                "str-list", [], help="search only documents holding one of these strings"
            ),
            "time-limit": Option(
                "number",
                2.0,
                help="seconds a search of one document may take (plus half as much per MB)",
            ),
        },
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        import regex

        state = self.build_trusted(check, options)
        try:
            pattern = state.pattern
        except regex.error as error:
            raise ValueError(f"invalid regex {options['regex']!r}: {error}") from None
        _probe(pattern)
        replacement = state.replacement
        for number, name in GROUP_REFERENCE.findall(replacement or ""):
            if name.isdigit():  # \g<0> is the whole match, \g<2> the second group
                number, name = name, ""
            known = int(number) <= pattern.groups if number else name in pattern.groupindex
            if not known:
                raise ValueError(
                    f"replacement refers to group {number or name!r}, not in the regex"
                )
        if replacement is not None:
            try:
                pattern.sub(replacement, "")  # a template error shows here, not mid-run
            except (regex.error, IndexError) as error:
                raise ValueError(f"invalid replacement {replacement!r}: {error}") from None
        if options["time-limit"] <= 0:
            raise ValueError("option 'time-limit' must be more than 0 seconds")
        return state

    def build_trusted(self, check: str, options: dict[str, Any]) -> State:
        """The settings, the pattern left to be compiled when first used."""
        return State(
            options["regex"],
            bool(options["ignore-case"]),
            bool(options["multiline"]),
            options["replacement"] or ("" if options["delete"] else None),
            tuple(options["gate"]),
            float(options["time-limit"]),
            repeated_word_shape(options["regex"]),
        )

    def message_fields(self, check: str, state: State) -> tuple[str, ...]:
        """The message may also use the regex's named groups."""
        return (*self.checks[check].fields, *state.pattern.groupindex)

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        text = doc.text
        if state.gate and not any(g in text for g in state.gate):
            return
        limit = state.time_limit * (1 + TIME_PER_MB * len(text) / 1e6)
        starts = repeated_words(doc) if state.repeats_only else None
        if starts == []:
            return  # no word written twice (most documents): the pattern is not needed
        try:
            if starts is None:
                matches = list(state.pattern.finditer(text, timeout=limit))
            else:
                matches = matches_at(state.pattern, text, starts, limit)
        except TimeoutError:
            raise TimeoutError(
                f"regex {state.pattern.pattern!r} ran out of time ({limit:.1f} s)"
            ) from None
        for match in matches:
            if match.start() == match.end():
                continue
            found = match.group()
            values = {
                "match": found,
                "codepoints": " ".join(f"U+{ord(c):04X}" for c in found[:SHOWN_CODEPOINTS]),
                "length": len(found),
                **{k: v or "" for k, v in match.groupdict().items()},
            }
            edits = None
            values["replacement"] = ""
            if state.replacement is not None:
                content = match.expand(state.replacement)
                values["replacement"] = content
                edits = (Edit(match.start(), match.end(), content),)
            message = "Delete it" if edits and not edits[0].content else "Replace the match"
            yield Finding(match.start(), match.end(), values, edits, message)


KIND = Pattern()


@cache
def _compiled(source: str, ignore_case: bool, multiline: bool) -> regex.Pattern[str]:
    """The pattern compiled once per process (a regex.error when it is not valid)."""
    import regex

    flags = (regex.IGNORECASE if ignore_case else 0) | (regex.MULTILINE if multiline else 0)
    return regex.compile(source, flags | regex.VERSION0)


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
