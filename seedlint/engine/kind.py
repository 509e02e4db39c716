"""The kind contract: what a rule kind declares, and where kinds are found.

A kind is the Python behind rules: ``substitution`` finds words from a table, ``pairs``
checks quotation marks. It declares its checks (most kinds have one), each with its
options, the fields its message template may use, and whether it can fix; it builds a
rule's settings once (``build``) and then finds problems in documents (``find``), reading
the Document and nothing else. A kind is a subclass of ``Kind`` exposed as ``KIND`` in a
module of ``seedlint.kinds``, or by another package through the ``seedlint.kinds`` entry
point group (see the README's "Writing a kind").
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar, Generic, TypeVar

from seedlint.engine.diagnostics import Finding
from seedlint.engine.document import Document
from seedlint.engine.options import Option

BUILTIN_KINDS = (
    "apostrophe",
    "consistency",
    "encoding",
    "ending",
    "header",
    "language",
    "pairs",
    "pattern",
    "quotation",
    "substitution",
    "whitespace",
)
ENTRY_POINT_GROUP = "seedlint.kinds"

State = TypeVar("State")


@dataclass(frozen=True)
class Check:
    """One thing a kind can look for; a rule picks it with ``check:``."""

    name: str
    summary: str
    fields: tuple[str, ...] = ()
    fixable: bool = False
    options: Mapping[str, Option] = field(default_factory=dict)
    # whether its fixes turn every line break into LF (a CRLF file keeps its style otherwise)
    normalises_line_breaks: bool = False


class Kind(Generic[State]):
    """Base class of rule kinds. A subclass sets ``name``, ``checks`` (and ``options``
    shared by all its checks) and implements ``build`` and ``find``."""

    name: ClassVar[str]
    checks: ClassVar[Mapping[str, Check]]
    options: ClassVar[Mapping[str, Option]] = {}
    # a kind that can tell a document's language offers it to the engine (identify)
    identifies_language: ClassVar[bool] = False

    @property
    def default_check(self) -> str | None:
        """The check a rule gets without ``check:``: the only one, if there is one."""
        return next(iter(self.checks)) if len(self.checks) == 1 else None

    def options_of(self, check: str) -> dict[str, Option]:
        return {**self.options, **self.checks[check].options}

    def build(self, check: str, options: dict[str, Any]) -> State:
        """A rule's settings, checked and prepared once; raises ValueError when bad."""
        raise NotImplementedError

    def find(self, doc: Document, state: State) -> Iterable[Finding]:
        """The findings of one rule in one document; pure."""
        raise NotImplementedError

    def message_fields(self, check: str, state: State) -> tuple[str, ...]:
        """The fields a message template may use (a pattern adds its named groups)."""
        return self.checks[check].fields

    def data_files(self, state: State) -> Sequence[Path]:
        """Files a rule's results depend on (a word list), for cache keys."""
        return ()

    def identify(self, doc: Document, state: State) -> tuple[str, float]:
        """The body's language and its probability (kinds with identifies_language)."""
        raise NotImplementedError


def declare(*checks: Check) -> Mapping[str, Check]:
    """A kind's ``checks``, by name (read-only: kinds are shared by every rule)."""
    return MappingProxyType({check.name: check for check in checks})


def single_check(name: str, summary: str, **details: Any) -> Mapping[str, Check]:
    """The ``checks`` of a kind that does one thing, named after the kind."""
    return declare(Check(name, summary, **details))


def kind_names() -> list[str]:
    """Every kind a rule file may name: the built-in ones and installed plug-ins."""
    return sorted({*BUILTIN_KINDS, *_plugins()})


def is_kind(name: str) -> bool:
    """Whether a rule file may name ``name``; the installed plug-ins are looked up only
    for a name that is no built-in kind (reading them costs more than a start-up should)."""
    return name in BUILTIN_KINDS or name in _plugins()


@cache
def _plugins() -> dict[str, Any]:
    """The ``seedlint.kinds`` entry points of installed packages, by name, read once."""
    from importlib.metadata import entry_points

    return {e.name: e for e in entry_points(group=ENTRY_POINT_GROUP)}


@cache
def load_kind(name: str) -> Kind[Any]:
    """The kind called ``name``; KeyError when there is none."""
    if name in BUILTIN_KINDS:
        kind = importlib.import_module(f"seedlint.kinds.{name}").KIND
    else:
        if name not in _plugins():
            raise KeyError(name)
        loaded = _plugins()[name].load()
        kind = loaded() if isinstance(loaded, type) else loaded
    if not isinstance(kind, Kind):
        raise KeyError(name)
    return kind
