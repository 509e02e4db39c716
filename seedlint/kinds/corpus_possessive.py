"""corpus_possessive: a name + s that lost its apostrophe, shown by the rest of the corpus.

"during DigitalGovs webinar" may be a plural or a possessive, and a document that writes
"DigitalGov" nowhere else cannot tell (``_possessive`` gives no finding). The corpus can: a
name that other documents write as a possessive ("DigitalGov's") and never as a bare
word + s is a name, so the bare form before a noun has lost its apostrophe.

Each document contributes the capitalised stems it writes with 's (or ’s), those it writes
with a bare s ("Kennedys"), and its candidates: a capitalised word + s where a name's
possessive would stand (no determiner or name before it, a noun after it), whose stem the
document writes nowhere else, or which opens a sentence and is a common word the document
writes only as a name, never as one that says or owns something ("sailed to Jersey" ...
"Jerseys goalkeeper"; ``_possessive.unshown_possessives``). The pass after the last
document counts, for each candidate's stem, the other documents that write its possessive
and those that write it bare; it reports the candidate when at least ``min-documents``
write the possessive and no more than ``bare-share`` of the documents that write the stem
at all write it bare. The fix writes the apostrophe the paragraph writes near it (else
the document's style). A corpus's evidence is strong but not the document's own: the fix
is offered as unsafe, unless the evidence leaves no other reading: at least
``safe-documents`` other documents write the possessive, none writes the bare + s form,
and the stem is no word of the dictionary or of codespell's list and no given name or
surname of the census lists ("DigitalGov": not "Jersey", whose + s form is a word, nor
"Kennedy", whose family is "the Kennedys").
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any

import msgspec

from seedlint.engine.diagnostics import Edit, Finding
from seedlint.engine.document import Document
from seedlint.engine.kind import Corpus, CorpusOutcome, CorpusRule, Kind, single_check
from seedlint.engine.options import Option

DEFAULT_MIN_DOCUMENTS = 3
DEFAULT_BARE_SHARE = 0.1
DEFAULT_SAFE_DOCUMENTS = 10


class State(msgspec.Struct, frozen=True):
    min_documents: int
    bare_share: float
    safe_documents: int = DEFAULT_SAFE_DOCUMENTS  # 0: every fix unsafe


class NameUse(msgspec.Struct, frozen=True):
    """One document's contribution: the stems it writes with 's and with a bare s, and its
    candidates, (start, offset of the s, stem) each."""

    key: str
    possessive: tuple[str, ...]
    bare: tuple[str, ...]
    candidates: tuple[tuple[int, int, str], ...]


class NameCounts(msgspec.Struct, frozen=True):
    """What the pass reads of every document, kept whole with the cache: how many
    documents write each stem with 's and + a bare s, and the contributions that hold
    candidates. The rest of each document's contribution is read only when the document
    changes or goes."""

    possessive: dict[str, int]
    bare: dict[str, int]
    candidates: tuple[NameUse, ...]


class NameUses:
    """Every document's contribution, by key, and how many documents write each stem
    with 's (``possessive``) and + a bare s (``bare``). Restored from kept counts, it
    reads a kept contribution only when asked for it (``restore``)."""

    contribution_type = NameUse  # what a kept contribution is decoded as
    summary_type = NameCounts  # what is kept whole

    def __init__(self) -> None:
        # of each document read, its stems with 's and + s; of those with candidates, the
        # contribution whole (a document's is made again from these when asked for)
        self.stems: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.candidates: dict[str, NameUse] = {}
        self.unread: set[str] = set()  # kept keys whose contribution is read when needed
        self.possessive: Counter[str] = Counter()
        self.bare: Counter[str] = Counter()
        self._read: Callable[[str], NameUse] | None = None

    def add(self, use: NameUse) -> None:
        key, possessive, bare = use.key, use.possessive, use.bare
        self.remove(key)
        # a stem arrives as a copy of its own with each document (from a worker or a
        # file): one string for all of them keeps a large corpus's index under half the size
        if possessive:
            possessive = tuple(map(sys.intern, possessive))
        if bare:
            bare = tuple(map(sys.intern, bare))
        self.stems[key] = possessive, bare
        if use.candidates:
            self.candidates[key] = NameUse(key, possessive, bare, use.candidates)
        self.possessive.update(possessive)
        self.bare.update(bare)

    def remove(self, key: str) -> bool:
        stems = self.stems.pop(key, None)
        if stems is None:
            if key not in self.unread:
                return False
            use = self.get(key)
            self.unread.discard(key)
            stems = use.possessive, use.bare
        self.candidates.pop(key, None)
        self.possessive.subtract(stems[0])
        self.bare.subtract(stems[1])
        return True

    def get(self, key: str) -> NameUse:
        use = self.candidates.get(key)
        if use is not None:
            return use
        stems = self.stems.get(key)
        if stems is not None:
            return NameUse(key, *stems, ())
        if self._read is None or key not in self.unread:
            raise KeyError(key)
        return self._read(key)

    def summary(self) -> NameCounts:
        possessive, bare = +self.possessive, +self.bare  # without the stems counted out
        return NameCounts(
            dict(sorted(possessive.items())),
            dict(sorted(bare.items())),
            tuple(self.candidates[key] for key in sorted(self.candidates)),
        )

    def restore(
        self, kept: NameCounts, keys: Iterable[str], read: Callable[[str], NameUse]
    ) -> None:
        """Take the kept counts, and the keys of the kept contributions, each read by
        ``read`` when first needed; only an empty index is restored."""
        counts = (*kept.possessive.values(), *kept.bare.values())
        if counts and min(counts) < 1:
            raise ValueError("a count below one")
        self.possessive, self.bare = Counter(kept.possessive), Counter(kept.bare)
        self.candidates = {use.key: use for use in kept.candidates}
        self.stems = {key: (use.possessive, use.bare) for key, use in self.candidates.items()}
        self.unread = set(keys) - self.stems.keys()
        self._read = read

    def __len__(self) -> int:
        return len(self.stems) + len(self.unread)

    def __contains__(self, key: object) -> bool:
        return key in self.stems or key in self.unread


class CorpusPossessive(Kind[State]):
    name = "corpus_possessive"
    corpus = True
    checks = single_check(
        "corpus-possessive",
        "a name + s that the rest of the corpus writes only as a possessive",
        fields=("match", "replacement", "count"),
        fixable=True,
        guesses=True,
        options={
            "min-documents": Option(
                "int",
                DEFAULT_MIN_DOCUMENTS,
                help="other documents that must write the name's possessive, at least",
            ),
            "bare-share": Option(
                "number",
                DEFAULT_BARE_SHARE,
                help="largest share of the documents writing the name that may write it + s",
            ),
            "safe-documents": Option(
                "int",
                DEFAULT_SAFE_DOCUMENTS,
                help="other documents writing the possessive, none the + s form, that make the "
                "fix safe for a name no word list holds (0: never safe)",
            ),
        },
    )

    def build(self, check: str, options: dict[str, Any]) -> State:
        least, share = options["min-documents"], float(options["bare-share"])
        safe = options["safe-documents"]
        if least < 1:
            raise ValueError("option 'min-documents' must be 1 or more")
        if not 0 <= share < 1:
            raise ValueError("option 'bare-share' must be at least 0 and below 1")
        if safe < 0:
            raise ValueError("option 'safe-documents' must be 0 or more")
        return State(least, share, safe)

    def find(self, doc: Document, state: State) -> Iterator[Finding]:
        return iter(())  # a corpus kind: see corpus_pass

    def contribution_key(self, state: State) -> Hashable:
        return ()  # one contribution serves every setting

    def contribute(self, doc: Document, key: str, state: State) -> NameUse:
        from seedlint.kinds._possessive import capitalised_s, unshown_possessives

        possessive, bare = set(), set()
        for _, word in doc.knowledge(capitalised_s):
            if word[-2] in "'’":
                possessive.add(word[:-2])
            else:
                bare.add(word[:-1])
        return NameUse(
            key, tuple(sorted(possessive)), tuple(sorted(bare)), tuple(unshown_possessives(doc))
        )

    def corpus_min_documents(self, state: State) -> int:
        return state.min_documents + 1

    def corpus_index(self, state: State) -> NameUses:
        return NameUses()

    def corpus_pass(self, rules: Sequence[CorpusRule], corpus: Corpus) -> CorpusOutcome:
        index: NameUses = corpus.index
        uses, possessive, bare = index.candidates, index.possessive, index.bare
        findings: list[tuple[str, str, Finding]] = []
        stale = []
        for key in sorted(corpus.keys & uses.keys()):
            use = uses[key]
            text = corpus.text(key)
            if text is None or any(not _stands(text, c) for c in use.candidates):
                stale.append(key)
                continue
            doc = Document(text)  # parsed once for the apostrophe each fix writes
            for start, end, stem in use.candidates:
                written = possessive[stem] - (stem in use.possessive)
                plain = bare[stem] - (stem in use.bare)
                for rule in rules:
                    state: State = rule.state
                    if written >= state.min_documents and plain <= state.bare_share * (
                        written + plain
                    ):
                        sure = _sure(stem, written, plain, state)
                        finding = _finding(doc, start, end, written, sure)
                        findings.append((rule.label, key, finding))
        return CorpusOutcome(findings, tuple(stale))


KIND = CorpusPossessive()


def _stands(text: str, candidate: tuple[int, int, str]) -> bool:
    """Whether the document still holds the candidate where it was found."""
    start, end, stem = candidate
    return 0 <= start < end and text[start:end] == stem and text[end : end + 1] == "s"


def _sure(stem: str, written: int, plain: int, state: State) -> bool:
    """Whether the corpus leaves the + s form no reading but the possessive: enough other
    documents write the possessive, none writes the + s form, and no word list holds the
    stem as a word (whose + s form is its plural) or as a person's name (whose + s form
    names a family: "the Kennedys")."""
    if not state.safe_documents or written < state.safe_documents or plain:
        return False
    from seedlint.kinds._people import given_name, surname
    from seedlint.kinds._wordclass import lemma, noun
    from seedlint.kinds._wordlists import vocabulary

    lower = stem.lower()
    if lemma(lower) or noun(lower) or lower in vocabulary("codespell"):
        return False
    return not (given_name(stem) or surname(stem))


def _finding(doc: Document, start: int, end: int, count: int, sure: bool) -> Finding:
    from seedlint.kinds.apostrophe import apostrophe_near

    text = doc.text
    mark = apostrophe_near(doc, end)
    written = text[start : end + 1]
    replacement = f"{text[start:end]}{mark}s"
    values = {"match": written, "replacement": replacement, "count": count}
    edits = (Edit(end, end, mark),)
    return Finding(start, end + 1, values, edits, f"Write '{replacement}'", guess=not sure)
