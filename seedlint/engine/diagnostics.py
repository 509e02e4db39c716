"""What rules produce: findings inside a kind, diagnostics for users, fixes made of edits."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import msgspec


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return SEVERITY_ORDER.index(self)


SEVERITY_ORDER = (Severity.INFO, Severity.WARNING, Severity.ERROR)


class Applicability(StrEnum):
    """How far a fix may be trusted: safe fixes keep meaning, unsafe ones are guesses."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class FixMode(StrEnum):
    """What a rule file says about a rule's fixes."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    OFF = "off"

    @property
    def applicability(self) -> Applicability | None:
        return None if self is FixMode.OFF else Applicability(self.value)


class Edit(msgspec.Struct, frozen=True):
    """Replace ``text[start:end]`` with ``content`` (an insertion when start == end)."""

    start: int
    end: int
    content: str


class Fix(msgspec.Struct, frozen=True):
    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]


class Finding(msgspec.Struct, frozen=True):
    """What a kind yields: a span, values for the message template, optional edits."""

    start: int
    end: int
    values: dict[str, Any] = msgspec.field(default_factory=dict)
    edits: tuple[Edit, ...] | None = None
    fix_message: str = ""
    # the edits are a guess here even when the rule's fixes are safe (a word that may be a
    # name): the fix is offered as unsafe, never applied by a plain ``fix``
    guess: bool = False


class Diagnostic(msgspec.Struct, frozen=True):
    code: str
    name: str
    severity: Severity
    message: str
    path: str
    start: int
    end: int
    row: int
    column: int
    end_row: int
    end_column: int
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.row, self.column, self.code)
