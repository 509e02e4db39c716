"""What rules produce: findings inside a kind, diagnostics for users, fixes made of edits."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


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


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (an insertion when start == end)."""

    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a kind yields: a span, values for the message template, optional edits."""

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    edits: tuple[Edit, ...] | None = None
    fix_message: str = ""
    # the edits are a guess here even when the rule's fixes are safe (a word that may be a
    # name): the fix is offered as unsafe, never applied by a plain ``fix``
    guess: bool = False


@dataclass(frozen=True, slots=True)
class Diagnostic:
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
