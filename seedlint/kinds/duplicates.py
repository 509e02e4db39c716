"""duplicates: documents that repeat other documents of the corpus (a corpus kind).

A rule picks one check:

- ``duplicate-document``: the same body as another document, after whitespace is
  normalised (the header's date and title may differ). Reported on every copy but the
  first in path order, naming the first; a copy gets no other finding of this kind. Its
  fix leaves the copy out of a fixed corpus (``seedlint fix --unsafe-fixes`` into an
  output folder).
- ``near-duplicate``: a body whose word shingles have a Jaccard similarity of at least
  ``threshold`` with an earlier document's, found with MinHash signatures and LSH bands so
  that the cost grows with the corpus, not its square; the similarity is then measured
  exactly on the two bodies. Reported on the later document with the similarity.
- ``repeated-title``: the same title (lower-cased, whitespace normalised) as an earlier
  document with another body (not reported on a near-duplicate of that document).
- ``boilerplate-paragraph``: a paragraph found verbatim (whitespace normalised) in at
  least ``min-documents`` documents and ``share`` of the corpus (copies of one body
  counting once), reported once per document with the count; paragraphs shorter than
  ``min-characters`` (headings such as "Conclusion") are not. The fix removes it.

Each document contributes its fingerprint (``seedlint.corpus.fingerprint``: body hash,
title, MinHash signature, paragraph hashes), computed in the worker that reads it; rules
with the same fingerprinting options (``shingle-words``, ``permutations``, ``seed``) share
one. The pass after the last document puts them in a ``CorpusIndex`` with those kept from
earlier runs and asks ``seedlint.corpus.check`` for the findings on this run's documents
and on other documents that name one of them; every document a finding names, and every
body measured, is read again and checked against its fingerprint first, so a kept entry
of a file since changed or deleted is never reported against (it is returned as stale).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import Document
from seedlint.engine.kind import Check, Corpus, CorpusOutcome, CorpusRule, Kind, declare
from seedlint.engine.options import Option

if TYPE_CHECKING:
    from seedlint.corpus import CorpusFinding, CorpusIndex, CorpusSettings, CorpusText

DUPLICATE = "duplicate-document"
NEAR = "near-duplicate"
TITLE = "repeated-title"
BOILERPLATE = "boilerplate-paragraph"
DEFAULT_THRESHOLD = 0.8
PAIR = 2  # the fewest documents any check here can report on
DEFAULT_MIN_DOCUMENTS = 3
DEFAULT_SHARE = 0.01
# shorter paragraphs are headings and sign-offs ("Conclusion", "What's next?") that many
# documents share without being boilerplate
DEFAULT_MIN_CHARACTERS = 40
# similarities are kept to four digits: 0.89 is 88.99999... hundredths in floating point
CUT_SLACK = 1e-6
# option name -> CorpusSettings field, for messages about bad values
SETTING_NAMES = {
    "shingle_words": "shingle-words",
    "num_perm": "permutations",
    "threshold": "threshold",
    "boilerplate_min_documents": "min-documents",
    "boilerplate_share": "share",
    "seed": "seed",
}


class State(msgspec.Struct, frozen=True):
    check: str
    settings: CorpusSettings  # fingerprinting, and this rule's threshold or boilerplate
    min_characters: int = 0


class Duplicates(Kind[State]):
    name = "duplicates"
    corpus = True
    options: ClassVar[Mapping[str, Option]] = {
        "shingle-words": Option("int", 5, help="words per shingle compared for near-duplicates"),
        "permutations": Option(
            "int", 128, help="MinHash values per document (estimate error about 1/sqrt of it)"
        ),
        "seed": Option("int", 1, help="seeds the MinHash permutations"),
    }
    checks = declare(
        Check(
            DUPLICATE,
            "the same body as another document",
            fields=("other", "count"),
            fixable=True,
            drops_document=True,
        ),
        Check(
            NEAR,
            "a body nearly the same as another document's",
            fields=("other", "similarity"),
            fixable=True,
            drops_document=True,
            options={
                "threshold": Option(
                    "number", DEFAULT_THRESHOLD, help="Jaccard similarity from which to report"
                )
            },
        ),
        Check(TITLE, "the same title as another document, another body", ("other", "count")),
        Check(
            BOILERPLATE,
            "a paragraph found in many documents",
            fields=("count", "least"),
            fixable=True,
            options={
                "min-documents": Option(
                    "int", DEFAULT_MIN_DOCUMENTS, help="documents a paragraph must be in, at least"
                ),
                "share": Option(
                    "number", DEFAULT_SHARE, help="share of the corpus it must be in, at least"
                ),
                "min-characters": Option(
                    "int", DEFAULT_MIN_CHARACTERS, help="shorter paragraphs are never reported"
                ),
            },
        ),
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        from seedlint.corpus.settings import CorpusSettings  # without numpy

        settings = CorpusSettings(
            shingle_words=options["shingle-words"],
            num_perm=options["permutations"],
            seed=options["seed"],
            threshold=float(options.get("threshold", DEFAULT_THRESHOLD)),
            boilerplate_min_documents=options.get("min-documents", DEFAULT_MIN_DOCUMENTS),
            boilerplate_share=float(options.get("share", DEFAULT_SHARE)),
        )
        problem = settings.problem()
        if problem is not None:
            field, _, rest = problem.partition(" ")
            raise ValueError(f"option '{SETTING_NAMES.get(field, field)}' {rest}")
        if options.get("min-characters", 0) < 0:
            raise ValueError("option 'min-characters' must be 0 or more")
        return State(check, settings, options.get("min-characters", 0))

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        return iter(())  # a corpus kind: see corpus_pass

    def contribution_key(self, state: State) -> Hashable:
        return tuple(sorted(state.settings.fingerprinting().items()))

    def contribute(self, doc: Document, key: str, state: State) -> Any:
        from seedlint.corpus.seeds import fingerprint_document

        return fingerprint_document(key, doc, state.settings)

    def corpus_min_documents(self, state: State) -> int:
        # every check compares two documents (a boilerplate paragraph is in two at least:
        # CorpusSettings refuses a lower min-documents)
        return PAIR

    def corpus_index(self, state: State) -> CorpusIndex:
        from seedlint.corpus import CorpusIndex

        return CorpusIndex(state.settings)

    def corpus_pass(self, rules: Sequence[CorpusRule], corpus: Corpus) -> CorpusOutcome:
        from seedlint.corpus import CorpusIndex, check

        states: list[tuple[str, State]] = [(rule.label, rule.state) for rule in rules]
        index = corpus.index.with_settings(_group_settings(states))
        if isinstance(index, CorpusIndex):
            everything = len(corpus.keys) == len(index)  # the run's keys are all in the index
            report = check(
                index,
                None if everything else corpus.keys,
                source=_source(corpus),
                include_named=not everything,
                # exact similarities measured in earlier runs, where the caller keeps them,
                # and the entries it knows to match their documents
                memo=getattr(corpus, "similarities", None),
                verified=getattr(corpus, "verified", frozenset()),
                # the shingle sets the run's fingerprints carried, where the caller kept them
                sent=getattr(corpus, "shingles", None),
            )
            judge = _Judge(index, corpus)
        else:  # an index spread over a cluster (seedlint.distributed.corpus_pass)
            report = index.check()
            judge = _Judge(index, corpus, index.distinct_bodies)
        # made as the caller reads them: a copy's fix reads the document's text to delete
        # all of it, just before the caller reads the same text to place the finding
        findings = (
            (label, item.key, finding)
            for item in report.findings
            for label, state in states
            if state.check == item.check
            for finding in judge.finding(item, state)
        )
        return CorpusOutcome(findings, report.stale)


KIND = Duplicates()


def _group_settings(states: list[tuple[str, State]]) -> CorpusSettings:
    """One index setting for all the rules of a group: the lowest threshold and the
    loosest boilerplate bounds of its rules (each rule then keeps what passes its own)."""
    from msgspec.structs import replace

    base = states[0][1].settings
    near = [s.settings.threshold for _, s in states if s.check == NEAR]
    boiler = [s.settings for _, s in states if s.check == BOILERPLATE]
    return replace(
        base,
        threshold=min(near, default=DEFAULT_THRESHOLD),
        boilerplate_min_documents=min(
            (s.boilerplate_min_documents for s in boiler), default=DEFAULT_MIN_DOCUMENTS
        ),
        boilerplate_share=min((s.boilerplate_share for s in boiler), default=DEFAULT_SHARE),
    )


def _source(corpus: Corpus) -> Callable[[str], CorpusText | None]:
    from seedlint.corpus import CorpusText
    from seedlint.corpus.seeds import title_and_body

    def current(key: str) -> CorpusText | None:
        text = corpus.text(key)
        if text is None:
            return None
        title, body = title_and_body(text)
        return CorpusText(title, body)

    return current


class _Judge:
    """Each rule's own bounds applied to the group's findings, and the findings made."""

    def __init__(self, index: Any, corpus: Corpus, distinct_bodies: int | None = None) -> None:
        self.index = index  # a CorpusIndex, or one that counted its distinct bodies
        self.corpus = corpus
        self._bodies = distinct_bodies

    @property
    def distinct_bodies(self) -> int:
        if self._bodies is None:
            from seedlint.corpus.view import CorpusView

            table = self.index.table()
            shape = (self.index.bands, self.index.rows)
            self._bodies = CorpusView(table, self.index.settings, shape, None).distinct_bodies
        return self._bodies

    def finding(self, item: CorpusFinding, state: State) -> Iterator[Finding]:
        if item.check == BOILERPLATE:
            yield from self._boilerplate(item, state)
            return
        other = {"other": self.corpus.name(item.other), "other_key": item.other}
        if item.check == DUPLICATE:
            text = self.corpus.text(item.key) or ""
            edits = (Edit(0, len(text), ""),)
            yield Finding(0, 0, {**other, "count": item.count}, edits, "Leave this copy out")
        elif item.check == NEAR:
            similarity = item.exact if item.exact is not None else item.similarity
            assert similarity is not None
            if similarity >= state.settings.threshold:
                # cut, not rounded: a body that is not the same never reads as 1.00
                shown = f"{math.floor(similarity * 100 + CUT_SLACK) / 100:.2f}"
                shown += ", estimated" if item.exact is None else ""
                edits = (Edit(0, len(self.corpus.text(item.key) or ""), ""),)
                values = {**other, "similarity": shown}
                yield Finding(0, 0, values, edits, "Leave this near-copy out")
        elif item.check == TITLE:
            yield Finding(0, 0, {**other, "count": item.count})

    def _boilerplate(self, item: CorpusFinding, state: State) -> Iterator[Finding]:
        assert item.count is not None
        least = max(
            state.settings.boilerplate_min_documents,
            math.ceil(state.settings.boilerplate_share * self.distinct_bodies),
        )
        if item.count < least or item.end - item.start < state.min_characters:
            return
        text = self.corpus.text(item.key)
        edits = None if text is None else _removal(Document(text), item.start, item.end)
        values = {"count": item.count, "least": least}
        yield Finding(item.start, item.end, values, edits, "Remove the paragraph")


def _removal(doc: Document, start: int, end: int) -> tuple[Edit, ...] | None:
    """Edits that remove the paragraph at [start, end) with the blank line that separates
    it from the next paragraph (or the previous one, for the last); None when it is the
    only paragraph, since the document would be left without a body."""
    spans = doc.paragraphs
    place = next((i for i, span in enumerate(spans) if span.start == start), None)
    if place is None or len(spans) == 1:
        return None
    if place + 1 < len(spans):
        return (Edit(start, spans[place + 1].start, ""),)
    return (Edit(spans[place - 1].end, end, ""),)
