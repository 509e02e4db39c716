"""A rule as the engine uses it: a kind's check, configured, with its code and message."""

from __future__ import annotations

from typing import Any

import msgspec

from seedlint.engine.diagnostics import FixMode, Severity
from seedlint.engine.kind import Kind


class Example(msgspec.Struct, frozen=True):
    text: str
    flagged: bool
    fixed: str | None = None
    unsafe: bool = False  # apply unsafe fixes to reach ``fixed``
    document: bool = False  # the text is a whole document, not a paragraph
    corpus: tuple[str, ...] = ()  # corpus rules: the other documents it is judged among


class Rule(msgspec.Struct, frozen=True):
    code: str
    name: str
    kind: str
    check: str
    severity: Severity
    message: str
    options: dict[str, Any]
    fix: FixMode  # "off" for checks that cannot fix
    description: str = ""
    link: str = ""
    language: str = ""  # only for documents in this language
    examples: tuple[Example, ...] = ()
    source: str = ""
    line: int = 0
    fix_message: str = ""  # overrides the kind's description of its fix when set
    # codes of rules whose finding, where one of this rule's starts inside it, reports the
    # same damage: this rule's finding is then left out (one cause, one finding)
    explained_by: tuple[str, ...] = ()
    # built by the kind when the rule is loaded (a rule is never compared or hashed: its
    # ``definition`` is what keys a cache)
    implementation: Kind[Any] | None = None
    state: Any = None

    @property
    def label(self) -> str:
        return f"{self.code} [{self.name}]"

    @property
    def fixable(self) -> bool:
        return self.fix is not FixMode.OFF

    @property
    def definition(self) -> tuple[Any, ...]:
        """Everything about the rule that changes its results (for cache keys)."""
        return (
            self.code,
            self.name,
            self.kind,
            self.check,
            self.severity.value,
            self.message,
            self.fix.value,
            self.language,
            self.fix_message,
            self.explained_by,
            sorted(self.options.items()),
            self.implementation.definition_of(self.state) if self.implementation else (),
        )
