"""What rules produce: diagnostics, each with an optional fix made of text edits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SEVERITIES = ("info", "warning", "error")
APPLICABILITIES = ("safe", "unsafe")


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (an insertion when start == end)."""

    start: int
    end: int
    content: str


@dataclass(frozen=True)
class Fix:
    applicability: str  # "safe" or "unsafe"
    message: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Finding:
    """What a rule kind yields: a span, values for the message template, optional edits."""

    start: int
    end: int
    values: dict[str, Any]
    edits: tuple[Edit, ...] | None = None
    fix_message: str = ""


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    severity: str
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
