"""The corpus rules in a run of check, fix or report: what workers contribute, what the
parent collects, and the pass after the last document.

Each document of a corpus has a key: a file's path relative to the configuration's folder
(posix; its absolute path when outside it), or ``FILE#ID`` for a JSON Lines record (with
the file's key; a record whose ID its file already used is ``FILE:LINE``). Keys decide
path order, so findings do not depend on the working directory. A worker sends back, with
each document, its content digest and one contribution per corpus group, or None for a
group whose kept contribution (``CorpusStore``) has the same digest.

The parent puts the contributions in each group's index: the kept one for ``check`` with
its cache, so that a few named files are judged against every document checked before
(entries under a folder the run walked that the walk did not find are forgotten: gone or
excluded), or a new one (``--no-cache``, JSON Lines, ``fix``, ``report``), holding the
run's documents alone. After the pass, stale entries (files changed or deleted since they
were kept) are forgotten and the store is saved. With the cache (``Stores``), a run may
start from the verdict of an earlier one (``io/corpus_verdict.py``): its index (the store,
or the run's own outside the configured corpus) is then opened only when a document
changed, and when none did the verdict is the pass's result.

Documents are read again only where the pass needs their text (a finding's document, a
body to measure whose shingle set no fingerprint of this run carried: those sets are kept
aside on disk, ``io/shingle_spill.py``): files from disk, records by their place in their
file, noted as they stream past; a few hundred texts are kept at a time.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
from msgspec.structs import replace

from seedlint.engine.corpus import (
    CorpusDiagnostic,
    CorpusGroup,
    CorpusResult,
    by_key,
    corpus_diagnostics,
    corpus_groups,
)
from seedlint.engine.diagnostics import Applicability, Diagnostic
from seedlint.engine.document import Document, Span
from seedlint.engine.linter import Linter
from seedlint.io.reading import Unreadable, decode, read_with_state
from seedlint.io.sources import Item, display_path, path_below, read_span

if TYPE_CHECKING:
    from seedlint.engine.fixer import AppliedEdit
    from seedlint.io.corpus_verdict import KeptIndex, Stores
    from seedlint.io.shingle_spill import ShingleSpill

TEXTS_KEPT = 512  # texts of documents read again, kept for the pass's next question
FOLD_EVERY = 16_384  # contributions kept as objects before they are folded into columns


class CorpusWork(msgspec.Struct, frozen=True):
    """What a worker needs to contribute (inherited when workers fork)."""

    groups: list[CorpusGroup]
    root: Path
    kept: list[Mapping[str, bytes]]  # per group: key -> digest of the kept contribution


class Contribution(msgspec.Struct, frozen=True):
    key: str
    digest: bytes
    data: list[Any]  # per group: the contribution, or None to reuse the kept one


def corpus_work(linter: Linter, root: Path) -> CorpusWork | None:
    """The run's corpus groups, or None when no corpus rule is selected."""
    groups = corpus_groups(linter.rules)
    return CorpusWork(groups, root, [{} for _ in groups]) if groups else None


def _with_key(contribution: Any, key: str) -> Any:
    """A copy of a kind's contribution known by ``key``: a msgspec struct, as the bundled
    kinds' are, or a frozen dataclass, as a plug-in kind's may be."""
    if isinstance(contribution, msgspec.Struct):
        return replace(contribution, key=key)
    import dataclasses  # only for a plug-in's contribution: a run seldom needs it

    return dataclasses.replace(contribution, key=key)


def file_key(path: Path | str, root: Path) -> str:
    """A file's key (see the module docstring); string operations, as this runs for every
    document."""
    key = path_below(os.path.abspath(path), str(root))
    return key.replace(os.sep, "/") if os.sep != "/" else key


def corpus_key(item: Item, root: Path) -> str:
    if item.record is not None and item.shard is not None:
        return f"{file_key(item.shard, root)}#{item.record.identifier}"
    assert item.path is not None
    return file_key(item.absolute_path(), root)


def item_id(item: Item) -> str:
    """Names an item uniquely in a run, whatever its key in the corpus."""
    if item.record is not None:
        return f"{item.shard}:{item.record.number}"
    return str(item.path)


def contribute(
    item: Item, data: bytes, doc: Document | None, linter: Linter, work: CorpusWork
) -> Contribution:
    """One document's contribution (``data``: its bytes as read; ``doc``: the parsed
    document when the caller has it)."""
    from seedlint.io.corpus_store import digest

    key = corpus_key(item, work.root)
    # a record's text may hold a lone surrogate (a JSON escape), which only this writes
    content = digest(data if item.text is None else item.text.encode("utf-8", "surrogatepass"))
    contributions: list[Any] = []
    for group, kept in zip(work.groups, work.kept, strict=True):
        if kept.get(key) == content:
            contributions.append(None)
            continue
        if doc is None:
            text = item.text if item.text is not None else decode(data)
            doc = linter.document(text, item.name)
        contributions.append(group.contribute(doc, key))
    return Contribution(key, content, contributions)


def kept_contribution(item: Item, content: bytes, work: CorpusWork) -> Contribution | None:
    """The contribution of a file unchanged since every group kept its own (``content``:
    the digest of its bytes, as ``contribute`` takes it); None when a group must be given
    a new one, which needs the document."""
    key = corpus_key(item, work.root)
    if all(kept.get(key) == content for kept in work.kept):
        return Contribution(key, content, [None] * len(work.groups))
    return None


class _Texts(msgspec.Struct):
    """The current text of a key, read again (see the module docstring)."""

    root: Path
    text_field: str
    id_field: str
    files: dict[str, str] = msgspec.field(default_factory=dict)  # where it differs from the key
    records: dict[str, tuple[Path, int, int, int]] = msgspec.field(default_factory=dict)
    kept: OrderedDict[str, str | None] = msgspec.field(default_factory=OrderedDict)

    def text(self, key: str) -> str | None:
        if key in self.kept:
            self.kept.move_to_end(key)
            return self.kept[key]
        text = self._read(key)
        self.kept[key] = text
        if len(self.kept) > TEXTS_KEPT:
            self.kept.popitem(last=False)
        return text

    def _read(self, key: str) -> str | None:
        if key in self.records:
            from seedlint.io.parquet import PARQUET_SUFFIXES, row_text
            from seedlint.io.records import parse_record

            shard, offset, length, number = self.records[key]
            if shard.name.endswith(PARQUET_SUFFIXES):  # rows have no bytes of their own
                return row_text(shard, number, self.text_field)
            raw = read_span(shard, offset, length)
            if raw is None:
                return None
            return parse_record(number, raw, self.text_field, self.id_field).text
        try:
            return decode(read_with_state(self.path(key))[0])
        except Unreadable:
            return None

    def path(self, key: str) -> str:
        """The file of a file's key: the path the run named it by (as the working
        directory sees it), else the key's own, below the configuration's folder. Joined
        as strings: the pass reads a file per document it measures."""
        if key in self.files:
            return self.files[key]
        return key if os.path.isabs(key) else os.path.join(self.root, key)


class CorpusRun:
    """The parent's side: contributions collected, the pass, the store kept up to date."""

    def __init__(
        self,
        linter: Linter,
        work: CorpusWork,
        stores: Stores | None = None,
        text_field: str = "text",
        id_field: str = "id",
    ) -> None:
        self.linter = linter
        self.work = work
        self.stores = stores  # check with a cache; None: the run's documents alone
        self.indexes: list[Any] = (
            [] if stores is not None else [group.new_index() for group in work.groups]
        )
        if stores is not None and stores.opened:
            self.indexes = [store.index for store in stores.each]
        # the run's keys whose kept contribution is the verdict's, before the stores open
        self.assumed: list[str] = []
        self.texts = _Texts(work.root, text_field, id_field)
        # the run's documents: key -> name in output (each held once when they are equal,
        # as they are when the run starts in the configuration's folder)
        self.names: dict[str, str] = {}
        self.relatives: dict[str, str | None] = {}  # where it differs from the key
        self.folded = 0  # contributions added since the indexes last folded them in
        self.gone: set[str] = set()  # files of the run that could not be read
        self.walked: list[Path] = []  # folders the run walked (see forget_unseen)
        self._offsets: dict[Path, int] = {}  # records: where the next line starts
        # records known by their line (see add): shard -> line number -> key
        self.renamed: dict[str, dict[int, str]] = {}
        self.spill: ShingleSpill | None = None  # the shingle sets fingerprints carried

    # --- what the pass asks ---------------------------------------------------------------

    def text(self, key: str) -> str | None:
        return self.texts.text(key)

    def name(self, key: str) -> str:
        if key in self.names:
            return self.names[key]
        return display_path(self.work.root / key)

    def relative(self, key: str) -> str | None:
        if key in self.relatives:
            return self.relatives[key]
        return Path(key).name if os.path.isabs(key) else key

    # --- collecting -----------------------------------------------------------------------

    def add(self, item: Item, contribution: Contribution | None) -> None:
        """One item of the run, in order: a document's contribution, or (None) an item
        that is not a document of the corpus (unreadable, not a record, blank)."""
        record, shard = item.record, item.shard
        start = 0
        if record is not None and shard is not None:
            start = self._offsets.get(shard, 0)
            self._offsets[shard] = start + len(record.raw)
        if contribution is None:
            if item.path is not None and record is None:
                self.gone.add(file_key(item.path, self.work.root))
            return
        key, name, data = contribution.key, item.name, contribution.data
        if key in self.names and record is not None and shard is not None:
            # a record whose ID its file already used: known by its line instead
            key = f"{file_key(shard, self.work.root)}:{record.number}"
            name = f"{display_path(shard)}:{record.number}"
            data = [None if d is None else _with_key(d, key) for d in data]
            self.renamed.setdefault(str(shard), {})[record.number] = key
        self.names[key] = key if name == key else name
        if item.relative != key:
            self.relatives[key] = item.relative
        if record is not None and shard is not None:
            self.texts.records[key] = (shard, start, len(record.raw), record.number)
        elif item.path is not None and str(item.path) != key:
            self.texts.files[key] = str(item.path)
        stores = self.stores
        if stores is not None and stores.verdict is not None and all(d is None for d in data):
            # left to the verdict's digest: checked against the stores' once they are open
            if stores.opened:
                self._confirm(key)
            else:
                self.assumed.append(key)
            return
        for number, contributed in enumerate(data):
            if contributed is None:
                continue  # the kept contribution stands
            contributed = self._set_aside(key, contributed)
            if stores is not None:
                self._opened()[number].put(contributed, contribution.digest)
            else:
                self.indexes[number].add(contributed)
            self.folded += 1
        if self.folded >= FOLD_EVERY:  # columns hold fingerprints in a fraction of the memory
            self.folded = 0
            for index in self.indexes:
                fold = getattr(index, "table", None)  # an index of fingerprints folds them
                if fold is not None:
                    fold()

    def _opened(self) -> list[KeptIndex]:
        """The stores, opened now if they were not, and the run's documents left to the
        verdict's digests until now confirmed against theirs."""
        assert self.stores is not None
        if not self.stores.opened:
            self.indexes = [store.index for store in self.stores.each]
            for key in self.assumed:
                self._confirm(key)
            self.assumed.clear()
        return self.stores.each

    def _confirm(self, key: str) -> None:
        """A document whose contribution the verdict's digest said was kept: contributed
        again to each store that keeps another (it changed since the verdict)."""
        assert self.stores is not None and self.stores.verdict is not None
        expected = self.stores.verdict.documents[key]
        stores = self.stores.each
        wrong = [n for n, store in enumerate(stores) if store.digests.get(key) != expected]
        if not wrong:
            return
        from seedlint.io.corpus_store import digest

        try:
            data = read_with_state(self.texts.path(key))[0]
        except Unreadable:
            self.gone.add(key)
            return
        doc = self.linter.document(decode(data), self.name(key))
        for number in wrong:
            contributed = self._set_aside(key, self.work.groups[number].contribute(doc, key))
            stores[number].put(contributed, digest(data))

    def _set_aside(self, key: str, contribution: Any) -> Any:
        """The contribution without the shingle set a fingerprint carries, which is kept
        aside (``ShingleSpill``) for the near-duplicate check, not in the index."""
        shingles = getattr(contribution, "shingles", b"")
        if not shingles or not isinstance(contribution, msgspec.Struct):
            return contribution
        if self.spill is None:
            from seedlint.io.shingle_spill import ShingleSpill

            self.spill = ShingleSpill()
        self.spill.put(key, shingles)
        return replace(contribution, shingles=b"")

    def forget_unseen(self) -> None:
        """Forget kept entries below folders this run walked that the walk did not find."""
        if self.stores is None or not self.walked:
            return
        prefixes = [file_key(folder, self.work.root) for folder in self.walked]
        for store in self._opened():
            store.remove(
                [
                    key
                    for key in store.digests
                    if key not in self.names and any(_below(key, p) for p in prefixes)
                ]
            )

    def finish(self) -> list[CorpusResult]:
        """The pass of every group (or the verdict that is its result); stale entries
        forgotten, the stores saved and the verdict kept."""
        served = self._served()
        if served is not None:
            return [served]
        self.forget_unseen()
        keys = frozenset(self.names)
        stores = None if self.stores is None else self._opened()
        results = []
        for number, group in enumerate(self.work.groups):
            store = None if stores is None else stores[number]
            if store is not None:
                store.remove(self.gone)
            index = self.indexes[number] if store is None else store.index
            corpus = _GroupCorpus(self, index, keys, number)
            result = corpus_diagnostics(self.linter, group, corpus)
            if store is not None:
                store.remove(result.stale)
                store.save()
            results.append(result)
        if self.spill is not None:  # the pass has measured every pair it measures
            self.spill.close()
        self._keep_verdict(results)
        return results

    def _context(self) -> bytes:
        from seedlint.io.corpus_verdict import context_digest

        places = ((k, n, self.relatives.get(k, k)) for k, n in self.names.items())
        ignores = repr(sorted(self.linter.settings.per_file_ignores.items()))
        return context_digest(self.work.root, ignores, places)

    def _served(self) -> CorpusResult | None:
        """The verdict's result, when no document changed since it was kept (the stores
        were never opened), the run's documents are its documents and their context is
        the same."""
        stores = self.stores
        if stores is None or stores.opened or stores.verdict is None or self.gone:
            return None
        verdict = stores.verdict
        documents = verdict.documents
        if len(documents) != len(self.names) or any(k not in documents for k in self.names):
            return None
        if self._context() != verdict.context:
            return None
        return CorpusResult(verdict.findings(), ())

    def _keep_verdict(self, results: list[CorpusResult]) -> None:
        """Keep the pass's result as the verdict when the run's documents are all the
        stores keep (a run of a few of them leaves the verdict as it was: it still says
        what the pass finds in the documents it names)."""
        from seedlint.io.corpus_verdict import save

        if self.stores is None:
            return
        stores = self.stores.each
        missing = b""  # never a digest
        documents = {key: stores[0].digests.get(key, missing) for key in self.names}
        whole = (
            not self.gone
            and missing not in documents.values()
            and all(
                len(store.digests) == len(documents)
                and all(store.digests.get(key, missing) == d for key, d in documents.items())
                for store in stores
            )
        )
        if not whole:
            return
        found = [item for items in by_key(results).values() for item in items]
        save(self.stores.verdict_path, self._context(), documents, found)

    def diagnostics(self) -> dict[str, list[CorpusDiagnostic]]:
        """Every group's diagnostics by document key, in path order."""
        return by_key(self.finish())

    def by_item(self) -> dict[str, list[CorpusDiagnostic]]:
        """Every group's diagnostics on the run's documents, by item_id."""
        found = self.diagnostics()
        return {self._item_id(key): items for key, items in found.items() if key in self.names}

    def _item_id(self, key: str) -> str:
        """item_id of the item a key of the run came from."""
        if key in self.texts.records:
            shard, _, _, number = self.texts.records[key]
            return f"{shard}:{number}"
        return self.texts.files.get(key, key)


def _below(key: str, folder: str) -> bool:
    if folder == ".":  # the configuration's folder: every relative key
        return not os.path.isabs(key)
    return key.startswith(folder.rstrip("/") + "/")


class _GroupCorpus(msgspec.Struct):
    """One group's view of the run, as ``corpus_diagnostics`` reads it."""

    run: CorpusRun
    index: Any
    keys: frozenset[str]
    number: int  # the group's

    def text(self, key: str) -> str | None:
        return self.run.text(key)

    def name(self, key: str) -> str:
        return self.run.name(key)

    def relative(self, key: str) -> str | None:
        return self.run.relative(key)

    @property
    def verified(self) -> frozenset[str]:
        """The run's keys: each was fingerprinted in this run, or kept because its bytes
        have the digest they had when it was, so its entry matches its document."""
        return self.keys

    @property
    def similarities(self) -> Any:
        """The group's kept exact similarities (``CorpusStore.similarities``), or None."""
        stores = self.run.stores
        return None if stores is None else stores.each[self.number].similarities

    @property
    def shingles(self) -> Any:
        """The shingle sets the run's fingerprints carried, by key (``ShingleSpill.get``),
        or None when none did."""
        spill = self.run.spill
        return None if spill is None else spill.get


# --- fix: the corpus's fixes of one document ---------------------------------------------


def corpus_fixes(
    text: str, found: list[CorpusDiagnostic], unsafe: bool
) -> tuple[str, list[AppliedEdit], list[Diagnostic]]:
    """The text with the corpus pass's fixes that edit it applied (boilerplate removed; a
    fix that leaves a document out is never an edit), the edits applied, and the
    diagnostics left. They are applied to the text as read, before the per-document
    fixes, since their places are the places in that text."""
    from seedlint.engine.fixer import AppliedEdit, apply, choose

    chosen: list[Diagnostic] = []
    left: list[Diagnostic] = []
    for item in found:
        fix = item.diagnostic.fix
        usable = fix is not None and (unsafe or fix.applicability is Applicability.SAFE)
        (chosen if usable and not item.drops_document else left).append(item.diagnostic)
    if not chosen:
        return text, [], left
    doc = Document(text)
    applied, edits = [], []
    for diagnostic in choose(chosen, unsafe):
        assert diagnostic.fix is not None
        for edit in diagnostic.fix.edits:
            edits.append(edit)
            before, after = text[edit.start : edit.end], edit.content
            row, column = doc.position(edit.start)
            fixed = diagnostic.fix.applicability
            applied.append(
                AppliedEdit(diagnostic.code, diagnostic.name, fixed, row, column, before, after)
            )
    return apply(text, edits), applied, left


def relocated(left: list[Diagnostic], original: str, fixed: Document) -> list[Diagnostic]:
    """Diagnostics of the text as read (``original``), placed in the fixed text: a
    paragraph's finding at the fixed text's first paragraph that reads the same
    (whitespace normalised), without its fix; a finding on the whole document stays at
    1:1; one whose paragraph a fix changed is left out."""
    if not left:
        return []
    paragraphs: dict[str, Span] = {}
    for span in reversed(fixed.paragraphs):  # the first of equal paragraphs wins
        paragraphs[" ".join(fixed.paragraph_text(span).split())] = span
    result = []
    for d in left:
        if d.start == d.end == 0:
            result.append(d)
            continue
        found = paragraphs.get(" ".join(original[d.start : d.end].split()))
        if found is None:
            continue
        (row, column), (end_row, end_column) = (
            fixed.position(found.start),
            fixed.position(found.end),
        )
        result.append(
            replace(
                d,
                start=found.start,
                end=found.end,
                row=row,
                column=column,
                end_row=end_row,
                end_column=end_column,
                fix=None,
            )
        )
    return result
