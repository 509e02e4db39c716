"""What happens to one document in a run, the same for every source and in any worker:
read it (files), answer from the cache or lint it, or fix it; and, when corpus rules are
selected, compute its contribution to the corpus pass (``commands/corpus.py``).

Results say plainly what they hold: the diagnostics, the text only when there are any
(reporters read it; a clean document's text is not sent back from a worker), and the
problem when the document could not be checked.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import msgspec

from seedlint.commands.corpus import (
    Contribution,
    CorpusWork,
    contribute,
    corpus_fixes,
    item_id,
    kept_contribution,
    relocated,
)
from seedlint.engine.corpus import CorpusDiagnostic
from seedlint.engine.diagnostics import Diagnostic
from seedlint.engine.linter import Linter
from seedlint.io.atomic import FileState
from seedlint.io.reading import Unreadable, decode, encode, read_with_state
from seedlint.io.sources import Item, Problem

if TYPE_CHECKING:  # the cache (msgspec) and the fixer are imported by the runs that use them
    from seedlint.engine.fixer import AppliedEdit
    from seedlint.io.cache import Cache, Stamp


class Checked(msgspec.Struct):
    diagnostics: list[Diagnostic] = msgspec.field(default_factory=list)
    text: str | None = None  # present exactly when there are diagnostics
    problem: Problem | None = None  # why it was not checked
    # for the parent's cache: (key, new diagnostics), or (key, None) for a hit to keep
    cache_entry: tuple[bytes, list[Diagnostic] | None] | None = None
    contribution: Contribution | None = None  # to the corpus pass
    stamp: Stamp | None = None  # for the parent's cache: the file's status, its content


class Fixed(msgspec.Struct):
    original: str = ""
    fixed: str = ""
    payload: bytes = b""  # the fixed text as written (files: bytes that were not UTF-8 kept)
    applied: list[AppliedEdit] = msgspec.field(default_factory=list)
    remaining: list[Diagnostic] = msgspec.field(default_factory=list)
    state: FileState | None = None  # the file as read, to notice a change before writing
    problem: Problem | None = None
    dropped: list[CorpusDiagnostic] = msgspec.field(default_factory=list)  # why it was left out

    @property
    def changed(self) -> bool:
        return self.problem is None and self.fixed != self.original


Context = TypeVar("Context")
Result = TypeVar("Result")


class CheckContext(msgspec.Struct, frozen=True):
    linter: Linter
    cache: Cache | None = None
    corpus: CorpusWork | None = None


class FixContext(msgspec.Struct, frozen=True):
    linter: Linter
    unsafe: bool = False
    # the corpus pass's diagnostics by item (see item_id), and whether a copy may be left out
    corpus: dict[str, list[CorpusDiagnostic]] = msgspec.field(default_factory=dict)
    drop: bool = False


def _what(item: Item) -> str:
    return "the record" if item.record is not None else "the file"


def _guarded(function: Callable[[Item, Context], Result]) -> Callable[[Item, Context], Result]:
    """A bug must cost one document, not the run: an unexpected exception becomes that
    document's problem (one line, exit code 2), never a traceback."""

    @functools.wraps(function)
    def guarded(item: Item, context: Context) -> Result:
        try:
            return function(item, context)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as error:
            message = (
                f"{item.name}: internal error ({type(error).__name__}: {error}); "
                f"{_what(item)} was skipped, please report this"
            )
            failed: Any = Fixed if function.__name__ == "fix_item" else Checked
            return cast(Result, failed(problem=Problem(message)))

    return guarded


@_guarded
def check_item(item: Item, context: CheckContext) -> Checked:
    if item.problem is not None:
        return Checked(problem=item.problem)
    if not item.checkable:
        return Checked()
    linter, cache = context.linter, context.cache
    data = b""
    status = None
    if item.text is None:
        assert item.path is not None
        if cache is not None:  # taken before the read: a later write shows in it
            with contextlib.suppress(OSError):  # the read says what is wrong
                status = os.stat(item.path)
        try:
            data, _ = read_with_state(item.path)
        except Unreadable as error:
            return Checked(problem=Problem(str(error), error=not error.is_note))
    rules = linter.rules_for(item.relative)
    key = None
    work = context.corpus
    kept = None
    if cache is not None and item.text is None:
        from seedlint.io.cache import content_digest, stamp

        content = content_digest(data)
        key = cache.content_key(content, rules)
        kept = None if status is None else stamp(status, content)
        cached = cache.get(key, item.name)
        if cached is not None:  # reporters read the text only where there are findings
            text = (item.text or decode(data)) if cached else None
            found = None if work is None else contribute(item, data, None, linter, work)
            return Checked(cached, text, cache_entry=(key, None), contribution=found, stamp=kept)
    text = item.text if item.text is not None else decode(data)
    doc = linter.document(text, item.name)
    # the corpus contribution first: its arrays are gone before the rules fill the
    # document's caches, so that a large document's peak is the larger of the two, not both
    found = None if work is None else contribute(item, data, doc, linter, work)
    del data  # nothing reads the bytes past here: a large file's are freed before its rules run
    try:
        diagnostics = linter.lint_document(doc, rules)
    except TimeoutError as error:  # a rule's regular expression ran out of time
        return Checked(problem=Problem(f"{item.name}: {error}; {_what(item)} was not checked"))
    entry = (key, diagnostics) if key is not None else None
    return Checked(
        diagnostics, text if diagnostics else None, cache_entry=entry, contribution=found,
        stamp=kept,
    )  # fmt: skip


def serve_unchanged(item: Item, context: CheckContext) -> Checked | None:
    """A file's result from the cache without reading it, when the cache keeps a stamp
    that its status still matches (see io/cache.py) and an entry for its content under
    its rules; None when it must be checked (read, and linted or looked up). A file with
    findings is read for the report to quote, and checked anew if it is not what the stamp
    says."""
    cache = context.cache
    if cache is None or item.path is None or item.text is not None or not item.checkable:
        return None
    if item.problem is not None:
        return None
    kept = cache.unchanged(item.absolute_path())
    if kept is None:
        return None
    key = cache.content_key(kept.content, context.linter.rules_for(item.relative))
    cached = cache.get(key, item.name)
    if cached is None:
        return None
    found = None
    if context.corpus is not None:
        found = kept_contribution(item, kept.content, context.corpus)
        if found is None:
            return None  # the corpus pass needs this document's fingerprint
    text = None
    if cached:
        try:
            data, _ = read_with_state(item.path)
        except Unreadable:
            return None
        from seedlint.io.cache import content_digest

        if content_digest(data) != kept.content:
            return None
        text = decode(data)
    return Checked(cached, text, cache_entry=(key, None), contribution=found, stamp=kept)


@_guarded
def contribute_item(item: Item, context: CheckContext) -> Checked:
    """The document's contribution to the corpus pass alone (fix reads the corpus first)."""
    if item.problem is not None:
        return Checked(problem=item.problem)
    if not item.checkable or context.corpus is None:
        return Checked()
    data = b""
    if item.text is None:
        assert item.path is not None
        try:
            data, _ = read_with_state(item.path)
        except Unreadable as error:
            return Checked(problem=Problem(str(error), error=not error.is_note))
    return Checked(contribution=contribute(item, data, None, context.linter, context.corpus))


@_guarded
def fix_item(item: Item, context: FixContext) -> Fixed:
    from seedlint.engine.fixer import FixDidNotConverge, fix_document

    if item.problem is not None:
        return Fixed(problem=item.problem)
    if not item.checkable:
        return Fixed()
    linter = context.linter
    state = None
    if item.text is not None:
        original = item.text
    else:
        assert item.path is not None
        try:
            data, state = read_with_state(item.path)
        except Unreadable as error:
            return Fixed(problem=Problem(str(error), error=not error.is_note))
        original = decode(data)
    found = context.corpus.get(item_id(item), [])
    dropped = [c for c in found if c.drops_document] if context.drop and context.unsafe else []
    if dropped:  # a copy left out of the fixed corpus: nothing is written for it
        return Fixed(original, original, state=state, dropped=dropped[:1])
    text, applied, left = corpus_fixes(original, found, context.unsafe)
    try:
        result = fix_document(
            linter, text, item.name, context.unsafe, linter.rules_for(item.relative)
        )
        # records are written as JSON strings (splice); files and stdin as bytes
        payload = encode(result.text) if item.record is None else b""
    except FixDidNotConverge as error:
        return Fixed(original, original, problem=Problem(str(error)))
    except TimeoutError as error:
        problem = Problem(f"{item.name}: {error}; {_what(item)} was not changed")
        return Fixed(original, original, problem=problem)
    except UnicodeEncodeError:
        message = f"{item.name}: a fix wrote a lone surrogate, which UTF-8 cannot hold; not changed"
        return Fixed(original, original, problem=Problem(message))
    fixed = linter.document(result.text, item.name)
    remaining = result.remaining + relocated(left, original, fixed)
    remaining.sort(key=lambda d: d.sort_key)
    return Fixed(original, result.text, payload, applied + result.applied, remaining, state)
