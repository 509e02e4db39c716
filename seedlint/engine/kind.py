"""The kind contract: what a rule kind declares, and where kinds are found.

A kind is the Python behind rules: ``substitution`` finds words from a table, ``pairs``
checks quotation marks. It declares its checks (most kinds have one), each with its
options, the fields its message template may use, and whether it can fix; it builds a
rule's settings once (``build``) and then finds problems in documents (``find``), reading
the Document and nothing else. A kind is a subclass of ``Kind`` exposed as ``KIND`` in a
module of ``seedlint.kinds``, or by another package through the ``seedlint.kinds`` entry
point group (see the README's "Writing a kind").

A corpus kind (``corpus = True``) finds problems across documents (the same body twice)
rather than in one. Its rules find nothing in ``find``; instead, every document gives the
kind a *contribution*, plain data computed with the document in whichever process reads
it (``contribute``), rules whose ``contribution_key`` is equal sharing one; after the last
document, the kind's ``corpus_pass`` reads every contribution, and those kept from earlier
runs, and yields findings on documents by key. ``seedlint.engine.corpus`` turns those into
ordinary diagnostics; the contract stays free of I/O: what is kept between runs, and how
documents are read again, is given by the caller.
"""

from __future__ import annotations

import importlib
from collections.abc import Hashable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar, Generic, Protocol, TypeVar

import msgspec

from seedlint.engine.diagnostics import Finding
from seedlint.engine.document import Document
from seedlint.engine.options import Option

BUILTIN_KINDS = (
    "apostrophe",
    "consistency",
    "corpus_possessive",
    "duplicates",
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


class Check(msgspec.Struct, frozen=True):
    """One thing a kind can look for; a rule picks it with ``check:``."""

    name: str
    summary: str
    fields: tuple[str, ...] = ()
    fixable: bool = False
    options: Mapping[str, Option] = msgspec.field(default_factory=dict)
    # whether its fixes turn every line break into LF (a CRLF file keeps its style otherwise)
    normalises_line_breaks: bool = False
    # whether its fix leaves the whole document out of a fixed corpus (a later copy): such a
    # fix is applied only with --unsafe-fixes, and only to copies written elsewhere
    drops_document: bool = False
    # whether it may be unsure of a finding (``Finding.guess``): that finding's fix is
    # offered as unsafe whatever the rule's ``fix`` says
    guesses: bool = False


class Kind(Generic[State]):
    """Base class of rule kinds. A subclass sets ``name``, ``checks`` (and ``options``
    shared by all its checks) and implements ``build`` and ``find``."""

    name: ClassVar[str]
    checks: ClassVar[Mapping[str, Check]]
    options: ClassVar[Mapping[str, Option]] = {}
    # a kind that can tell a document's language offers it to the engine (identify)
    identifies_language: ClassVar[bool] = False
    # a kind whose findings come from a pass over every document (see the module docstring)
    corpus: ClassVar[bool] = False

    @property
    def default_check(self) -> str | None:
        """The check a rule gets without ``check:``: the only one, if there is one."""
        return next(iter(self.checks)) if len(self.checks) == 1 else None

    def options_of(self, check: str) -> dict[str, Option]:
        return {**self.options, **self.checks[check].options}

    def build(self, check: str, options: dict[str, Any]) -> State:
        """A rule's settings, checked and prepared once; raises ValueError when bad."""
        raise NotImplementedError

    def build_trusted(self, check: str, options: dict[str, Any]) -> State:
        """A rule's settings from the bundled pack, whose rules the tests build with
        ``build`` and run: a kind may leave costly preparation (compiling a pattern) to
        the first document that needs it. ``build`` by default."""
        return self.build(check, options)

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

    def definition_of(self, state: State) -> tuple[Any, ...]:
        """What changes a rule's results besides its options (a date read from the clock),
        for cache keys."""
        return ()

    # --- corpus kinds ---------------------------------------------------------------------

    def contribution_key(self, state: State) -> Hashable:
        """Rules of this kind whose keys are equal share one contribution per document."""
        return ()

    def contribute(self, doc: Document, key: str, state: State) -> Any:
        """What the corpus pass needs of one document, known by ``key``: plain data that
        can travel between processes and be kept, a msgspec struct (or a frozen dataclass)
        whose ``key`` field holds that key (a record known by its line instead gets a copy
        with that key)."""
        raise NotImplementedError

    def corpus_min_documents(self, state: State) -> int:
        """The fewest documents among which the corpus pass can find anything (two for a
        check that compares documents): a run of fewer, with no contributions kept from
        earlier runs, skips the contributions and the pass, which would find nothing."""
        return 1

    def corpus_index(self, state: State) -> Any:
        """An empty store of contributions for these settings: ``add(contribution)``,
        ``remove(key)``, ``in`` and iteration over keys. One that also names its
        ``contribution_type`` and ``summary_type`` (plain data msgspec decodes), and
        answers ``get(key)``, ``summary()`` (what its pass reads of every document) and
        ``restore(summary, keys, read)`` (an empty index takes a kept summary; ``read(key)``
        gives a kept contribution when first needed) is kept between runs of ``check``
        with its cache (``io/kept_contributions.py``); any other is filled anew by every
        run, with that run's documents alone."""
        raise NotImplementedError

    def corpus_pass(self, rules: Sequence[CorpusRule], corpus: Corpus) -> CorpusOutcome:
        """Findings on documents of the corpus, by key, for the given rules (which share
        one contribution key): findings on the run's documents, and on other documents
        when they name one of the run's."""
        raise NotImplementedError


class CorpusRule(msgspec.Struct, frozen=True):
    """A rule as a corpus pass sees it: which check, with which settings, under a label
    that the pass hands back with each of its findings."""

    label: str
    check: str
    state: Any


class Corpus(Protocol):
    """What a corpus pass reads: every contribution (``index``, holding those of this run
    and those kept from earlier ones), which keys the run holds (all of them in the index),
    and, through the caller, the current text and display name of any key."""

    index: Any
    keys: frozenset[str]

    def text(self, key: str) -> str | None:
        """The document as it is now; None when it is gone or cannot be read."""

    def name(self, key: str) -> str:
        """How output names the document."""


class CorpusOutcome(msgspec.Struct, frozen=True):
    """What a corpus pass found: (rule label, key, finding) triples, read once, in order
    (a list, or made as they are read), and the keys whose kept contribution no longer
    matches the document (gone or changed), for the caller to forget."""

    findings: Iterable[tuple[str, str, Finding]]
    stale: tuple[str, ...] = ()


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
    """The ``seedlint.kinds`` entry points of installed packages, by name, read once per
    process: looking them up reads the metadata of every installed distribution (and
    importing importlib.metadata costs more than a start-up should)."""
    from importlib.metadata import entry_points

    return {e.name: e for e in entry_points(group=ENTRY_POINT_GROUP)}


class KindError(Exception):
    """An installed plug-in that does not give a usable kind; str() says which and why."""


@cache
def load_kind(name: str) -> Kind[Any]:
    """The kind called ``name``; KeyError when there is none, KindError when the plug-in
    of that name cannot be loaded or is not a Kind."""
    if name in BUILTIN_KINDS:
        kind = importlib.import_module(f"seedlint.kinds.{name}").KIND
        assert isinstance(kind, Kind)
        return kind
    entry = _plugins().get(name)
    if entry is None:
        raise KeyError(name)
    source = f"kind '{name}' (entry point {entry.value} in {ENTRY_POINT_GROUP})"
    try:
        loaded = entry.load()
        kind = loaded() if isinstance(loaded, type) else loaded
    except Exception as error:  # a plug-in's own code: any failure is the plug-in's
        raise KindError(f"{source} cannot be loaded: {type(error).__name__}: {error}") from None
    if not isinstance(kind, Kind):
        raise KindError(f"{source} is not a seedlint Kind but {type(kind).__name__}")
    return kind
