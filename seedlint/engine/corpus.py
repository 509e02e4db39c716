"""The corpus pass: rules whose findings depend on every document, as ordinary diagnostics.

A run hands each document to ``contributions`` (in the worker that reads it): one piece of
plain data per ``CorpusGroup``, the corpus rules of one kind that share a contribution key.
After the last document, ``corpus_diagnostics`` runs each group's ``corpus_pass`` over the
contributions (this run's and those kept from earlier runs, in the kind's index) and turns
its findings into diagnostics exactly as per-document findings become them: the rule's
message, severity and fix, row and column of the finding's span (a finding on the whole
document is at 1:1), per-file ignores and language scoping by the document the finding is
on. Results are in path order of the documents' keys, then by place.

Nothing here reads files: the caller's ``Corpus`` gives the current text and display name of
a key (see ``seedlint.engine.kind.Corpus``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, Protocol

import msgspec

from seedlint.engine.diagnostics import Diagnostic
from seedlint.engine.document import Document
from seedlint.engine.kind import Corpus, CorpusRule, Kind
from seedlint.engine.linter import Linter
from seedlint.engine.rule import Rule

DOCUMENTS_KEPT = 64


class CorpusGroup(msgspec.Struct, frozen=True):
    """Corpus rules of one kind that share one contribution per document."""

    kind: Kind[Any]
    key: Hashable
    rules: tuple[Rule, ...]

    @property
    def state(self) -> Any:
        """The settings that contributions are made with (the same for every rule here)."""
        return self.rules[0].state

    @property
    def name(self) -> str:
        """A stable name of the group's contributions, for the file that keeps them."""
        import hashlib  # only a run with a cache needs it

        digest = hashlib.blake2b(repr(self.key).encode(), digest_size=8).hexdigest()
        return f"{self.kind.name}-{digest}"

    def contribute(self, doc: Document, key: str) -> Any:
        return self.kind.contribute(doc, key, self.state)

    def new_index(self) -> Any:
        return self.kind.corpus_index(self.state)


def corpus_groups(rules: Iterable[Rule]) -> list[CorpusGroup]:
    """The selected corpus rules, grouped by kind and contribution key, in rule order."""
    groups: dict[tuple[str, Hashable], list[Rule]] = {}
    for rule in rules:
        kind = rule.implementation
        assert kind is not None
        if kind.corpus:
            groups.setdefault((kind.name, kind.contribution_key(rule.state)), []).append(rule)
    return [
        CorpusGroup(members[0].implementation, key, tuple(members))  # type: ignore[arg-type]
        for (_, key), members in groups.items()
    ]


def can_report(groups: Sequence[CorpusGroup], documents: int) -> bool:
    """Whether a corpus pass over ``documents`` documents alone (no contributions kept
    from earlier runs) can find anything in any of the groups."""
    return any(
        documents >= group.kind.corpus_min_documents(rule.state)
        for group in groups
        for rule in group.rules
    )


class CorpusSource(Corpus, Protocol):
    """A corpus as the caller gives it: ``Corpus`` and where each document sits, for
    per-file ignores."""

    def relative(self, key: str) -> str | None:
        """The document's path relative to the configuration's folder (posix), or None."""


class CorpusDiagnostic(msgspec.Struct, frozen=True):
    """A diagnostic of the corpus pass, with what the commands need besides: the key of
    the document it is on, and of the one it names ("" when none)."""

    key: str
    other: str
    check: str
    diagnostic: Diagnostic
    drops_document: bool  # its fix leaves the document out of a fixed corpus


class CorpusResult(msgspec.Struct, frozen=True):
    diagnostics: list[CorpusDiagnostic]
    stale: tuple[str, ...]  # kept contributions that no longer match their documents


def corpus_diagnostics(linter: Linter, group: CorpusGroup, corpus: CorpusSource) -> CorpusResult:
    """The group's findings as diagnostics, in path order of the documents (see the module
    docstring)."""
    from seedlint.corpus.order import path_order

    by_label = {rule.code: rule for rule in group.rules}
    outcome = group.kind.corpus_pass(
        [CorpusRule(rule.code, rule.check, rule.state) for rule in group.rules], corpus
    )
    # the parsed documents findings are on, a few at a time: a pass's findings come by
    # document, and a corpus full of copies has a finding on almost every one
    documents: OrderedDict[str, Document | None] = OrderedDict()
    found = []
    for label, key, finding in outcome.findings:
        rule = by_label[label]
        rules = linter.rules_for(corpus.relative(key))
        if not any(r.code == label for r in rules):
            continue  # per-file ignores of the document the finding is on
        if key not in documents:
            text = corpus.text(key)
            documents[key] = None if text is None else linter.document(text, corpus.name(key))
            if len(documents) > DOCUMENTS_KEPT:
                documents.popitem(last=False)
        doc = documents[key]
        if doc is None or not linter.applies(rule, doc):
            continue
        diagnostic = linter.diagnostic(rule, doc, finding)
        if rule.explained_by and linter.explained(doc, diagnostic, rules):
            continue  # a document rule reported the same damage
        check = group.kind.checks[rule.check]
        other = str(finding.values.get("other_key", ""))
        drops = check.drops_document and diagnostic.fix is not None
        found.append(CorpusDiagnostic(key, other, rule.check, diagnostic, drops))
    found.sort(key=lambda c: (path_order(c.key), c.diagnostic.sort_key))
    return CorpusResult(found, outcome.stale)


def by_key(results: Sequence[CorpusResult]) -> dict[str, list[CorpusDiagnostic]]:
    """Every group's diagnostics, by document key, in path order and then by place."""
    from seedlint.corpus.order import path_order

    merged: dict[str, list[CorpusDiagnostic]] = {}
    for result in results:
        for item in result.diagnostics:
            merged.setdefault(item.key, []).append(item)
    return {
        key: sorted(merged[key], key=lambda c: c.diagnostic.sort_key)
        for key in sorted(merged, key=path_order)
    }


class TextCorpus:
    """A corpus of texts in memory, keyed by name (rule examples, tests): every document
    is of the run, and a key is its own name and path."""

    def __init__(self, index: Any, texts: Mapping[str, str]) -> None:
        self.index = index
        self.texts = texts
        self.keys = frozenset(texts)

    def text(self, key: str) -> str | None:
        return self.texts.get(key)

    def name(self, key: str) -> str:
        return key

    def relative(self, key: str) -> str | None:
        return key


def lint_texts(linter: Linter, texts: Mapping[str, str]) -> dict[str, list[CorpusDiagnostic]]:
    """The corpus rules' diagnostics on a corpus of texts in memory, by key."""
    results = []
    for group in corpus_groups(linter.rules):
        index = group.new_index()
        for key, text in texts.items():
            index.add(group.contribute(linter.document(text, key), key))
        results.append(corpus_diagnostics(linter, group, TextCorpus(index, texts)))
    return by_key(results)
