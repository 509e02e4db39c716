"""The corpus checks: duplicate documents, near-duplicates, repeated titles and
boilerplate paragraphs, on every document of an index or on a few of them.

Findings on a few documents come from scanning the index (``query.py``), findings on
all of them from grouping it (``grouped.py``); both give the same findings for the same
document. They depend only on the set of (key, fingerprint) entries, never on the order
they were added in, and are returned sorted by key (path order), check and place. A
repeated title is not reported on a near-duplicate of the document it repeats.

An index can outlive the files it describes. With a ``source`` (the current title and
body of a key, None when the document is gone), every document a finding names, and every
candidate whose body is read for an exact similarity, is checked against its stored
hashes first; an entry that no longer matches is left out, the findings are made again
without it, and the report lists it as stale so that the caller can refresh or remove it.
Boilerplate counts are corpus statistics and are not checked entry by entry.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

import msgspec

from seedlint.corpus.finding import NEAR_DUPLICATE, REPEATED_TITLE, CorpusFinding
from seedlint.corpus.fingerprint import body_hash, title_hash, title_key
from seedlint.corpus.grouped import all_findings
from seedlint.corpus.index import CorpusIndex
from seedlint.corpus.query import findings_naming, findings_on
from seedlint.corpus.similarity import Memo, Sent
from seedlint.corpus.view import CorpusView

# past this share of the corpus, grouping everything beats scanning once per document
SCAN_SHARE = 50
# documents' texts kept, those read last: the near-duplicate check keeps what it needs of
# them (``Similarity``), so that memory stays flat in the corpus's size
TEXTS_KEPT = 256
SCAN_MINIMUM = 64


class CorpusText(msgspec.Struct, frozen=True):
    """A document as it is now: what ``fingerprint`` was given as title and body."""

    title: str
    body: str


Source = Callable[[str], CorpusText | None]


class CorpusReport(msgspec.Struct, frozen=True):
    findings: tuple[CorpusFinding, ...]
    stale: tuple[str, ...]  # entries left out: gone, or changed since they were indexed


def findings(
    index: CorpusIndex,
    keys: Iterable[str] | None = None,
    *,
    source: Source | None = None,
    include_named: bool = False,
) -> list[CorpusFinding]:
    """Findings on ``keys`` (every document when None), against the whole index. With
    ``include_named``, also the findings on other documents that name one of ``keys``: a
    new file that an older one copies, but that comes first in path order, makes the
    older one the duplicate."""
    return list(check(index, keys, source=source, include_named=include_named).findings)


def check(
    index: CorpusIndex,
    keys: Iterable[str] | None = None,
    *,
    source: Source | None = None,
    include_named: bool = False,
    scan: bool | None = None,
    memo: Memo | None = None,
    verified: frozenset[str] = frozenset(),
    sent: Sent | None = None,
) -> CorpusReport:
    """Findings and stale entries (see the module docstring and ``findings``). ``scan``
    forces one way of finding (True: scanning, False: grouping), for tests; by default the
    cheaper one. ``memo``: exact similarities of pairs of bodies measured before
    (``Similarity``), which this updates. ``verified``: keys whose entries the caller
    knows to match their documents (fingerprinted, or found unchanged, in this run): they
    are not read to be checked again; ``sent``: the shingle sets their fingerprints
    carried, measured instead of their bodies read and hashed again."""
    wanted = None if keys is None else _Wanted(set(keys), include_named)
    if source is None:
        return CorpusReport(_findings(index, wanted, None, scan, memo, None), ())
    work = index.copy()
    fresh = _Freshness(work, source, verified)
    stale: list[str] = []
    while True:
        result = _findings(work, wanted, fresh, scan, memo, sent)
        named = {key for finding in result for key in (finding.key, finding.other) if key}
        suspects = fresh.consulted_stale | {key for key in named if not fresh.holds(key)}
        if not suspects:
            return CorpusReport(result, tuple(sorted(stale)))
        for key in sorted(suspects):
            work.remove(key)
            stale.append(key)
        fresh.consulted_stale.clear()


class _Wanted(msgspec.Struct, frozen=True):
    keys: set[str]
    named: bool  # findings naming one of the keys are wanted too

    def __contains__(self, finding: CorpusFinding) -> bool:
        return finding.key in self.keys or (self.named and finding.other in self.keys)


def _findings(
    index: CorpusIndex,
    wanted: _Wanted | None,
    fresh: _Freshness | None,
    scan: bool | None,
    memo: Memo | None,
    sent: Sent | None,
) -> tuple[CorpusFinding, ...]:
    table = index.table()
    shape = (index.bands, index.rows)
    if fresh is None:
        view = CorpusView(table, index.settings, shape, None)
    else:
        view = CorpusView(table, index.settings, shape, fresh.body, memo, fresh.verified, sent)
    if wanted is None:
        result = all_findings(view)
    else:
        rows = sorted(table.rows[key] for key in wanted.keys if key in table.rows)
        if scan is None:
            scan = len(rows) <= max(SCAN_MINIMUM, len(table) // SCAN_SHARE)
        if scan:
            result = findings_on(view, rows)
            if wanted.named:
                result += findings_naming(view, rows)
        else:
            result = [item for item in all_findings(view) if item in wanted]
    # a near-duplicate keeps its original's title: saying so again adds nothing
    near = {(item.key, item.other) for item in result if item.check == NEAR_DUPLICATE}
    result = [
        item
        for item in result
        if item.check != REPEATED_TITLE or (item.key, item.other) not in near
    ]
    return tuple(sorted(result, key=CorpusFinding.sort_key))


class _Freshness:
    """Whether stored entries still match the documents they describe."""

    def __init__(self, index: CorpusIndex, source: Source, verified: frozenset[str]) -> None:
        self.index = index
        self.source = source
        self.texts: OrderedDict[str, CorpusText | None] = OrderedDict()  # the last read
        self.known: dict[str, bool] = dict.fromkeys(verified, True)
        self.given = verified  # known to match by the caller, never read to be checked
        self.consulted_stale: set[str] = set()

    def verified(self, key: str) -> bool:
        """Whether the entry is known to match its document without reading it again."""
        return self.known.get(key, False)

    def _text(self, key: str) -> CorpusText | None:
        if key in self.texts:
            self.texts.move_to_end(key)
            return self.texts[key]
        text = self.texts[key] = self.source(key)
        if len(self.texts) > TEXTS_KEPT:
            self.texts.popitem(last=False)
        return text

    def _matches(self, key: str, text: CorpusText | None) -> bool:
        table = self.index.table()
        row = table.rows.get(key)
        return (
            text is not None
            and row is not None
            and body_hash(text.body) == table.bodies[row].astype("<u8").tobytes()
            and title_hash(title_key(text.title)) == int(table.titles[row])
        )

    def holds(self, key: str) -> bool:
        if key not in self.known:
            self.known[key] = self._matches(key, self._text(key))
        return self.known[key]

    def body(self, key: str) -> str | None:
        """The current body when the entry still matches it; otherwise None, and the key
        is remembered as stale. A text read again, its first reading no longer kept, is
        checked again: the file may have changed in between."""
        if self.holds(key):
            read_again = key not in self.given and key not in self.texts
            text = self._text(key)
            if not read_again or self._matches(key, text):
                return None if text is None else text.body
            self.known[key] = False
        self.consulted_stale.add(key)
        return None
