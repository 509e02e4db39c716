"""Findings on a few documents, against the whole index, by scanning its columns.

This is the pre-commit case: a handful of new files against a corpus of any size. Each
check on one document is a pass over one or two columns (body hashes, title hashes, band
keys, paragraph hashes), vectorised, so its cost is linear in the corpus with a small
constant, and nothing is grouped or sorted over the whole corpus. The findings are the
ones ``grouped.py`` finds for the same documents; a test holds the two to that.
"""

from __future__ import annotations

import numpy as np

from seedlint.corpus.finding import (
    BOILERPLATE,
    DUPLICATE,
    NEAR_DUPLICATE,
    REPEATED_TITLE,
    CorpusFinding,
)
from seedlint.corpus.fingerprint import NO_TITLE
from seedlint.corpus.view import CorpusView


def findings_on(view: CorpusView, rows: list[int]) -> list[CorpusFinding]:
    result: list[CorpusFinding] = []
    for row in rows:
        result.extend(_findings_on(view, row))
    return result


def findings_naming(view: CorpusView, rows: list[int]) -> list[CorpusFinding]:
    """Findings on other documents that name one of these rows: the copies, same-titled
    documents and near-duplicates for which a row is the earliest."""
    named = {view.table.keys[row] for row in rows}
    related: set[int] = set()
    for row in rows:
        related.update(_related(view, row))
    related.difference_update(rows)
    found = findings_on(view, sorted(related))
    return [finding for finding in found if finding.other in named]


def _related(view: CorpusView, row: int) -> list[int]:
    """Rows whose findings may name this row: its body group, its title group when it
    heads it, and the rows it shares a band with."""
    if not view.has_body[row]:
        return []
    result: list[int] = view.same_body(row).tolist()
    title = view.table.titles[row]
    if title != NO_TITLE:
        group = np.flatnonzero((view.table.titles == title) & view.has_body).tolist()
        if min(group, key=view.order) == row:
            result += group
    if view.has_signature[row]:
        result += np.flatnonzero(view.sharing_band(row)).tolist()
    return result


def _findings_on(view: CorpusView, row: int) -> list[CorpusFinding]:
    if not view.has_body[row]:
        return []
    group = view.same_body(row)
    first = min(group.tolist(), key=view.order)
    key = view.table.keys[row]
    if first != row:
        return [CorpusFinding(DUPLICATE, key, view.table.keys[first], None, None, len(group), 0, 0)]
    return [*_repeated_title(view, row), *_near_duplicate(view, row), *_boilerplate(view, row)]


def _repeated_title(view: CorpusView, row: int) -> list[CorpusFinding]:
    title = view.table.titles[row]
    if title == NO_TITLE:
        return []
    group = np.flatnonzero((view.table.titles == title) & view.has_body)
    first = min(group.tolist(), key=view.order)
    if first == row:
        return []
    keys = view.table.keys
    return [CorpusFinding(REPEATED_TITLE, keys[row], keys[first], None, None, len(group), 0, 0)]


def _near_duplicate(view: CorpusView, row: int) -> list[CorpusFinding]:
    if not view.has_signature[row]:
        return []
    shares_band = view.sharing_band(row)
    shares_band[view.same_body(row)] = False
    candidates = np.flatnonzero(shares_band)
    if not len(candidates):
        return []
    candidates = candidates[view.representatives(candidates)]
    mine = view.order(row)
    earlier = sorted((c for c in candidates.tolist() if view.order(c) < mine), key=view.order)
    for candidate in earlier:
        if view.similarity.passes(np.array([candidate]), np.array([row]))[0]:
            estimate, exact = view.similarity.reported(candidate, row)
            keys = view.table.keys
            return [
                CorpusFinding(
                    NEAR_DUPLICATE, keys[row], keys[candidate], estimate, exact, None, 0, 0
                )
            ]
    return []


def _boilerplate(view: CorpusView, row: int) -> list[CorpusFinding]:
    table = view.table
    hashes, spans = table.paragraphs(row)
    if not len(hashes):
        return []
    # each distinct paragraph once, at its first place in the document
    ordered = np.lexsort((spans[:, 0], hashes))
    first = ordered[np.concatenate([[True], hashes[ordered][1:] != hashes[ordered][:-1]])]
    entries = np.flatnonzero(np.isin(table.paragraph_hashes, hashes[first]))
    owners = table.paragraph_rows[entries]
    holding = view.has_body[owners]
    entries, owners = entries[holding], owners[holding]
    counted = view.representatives(owners) if len(owners) else np.zeros(0, dtype=bool)
    counts: dict[int, set[int]] = {}
    for entry, owner in zip(entries[counted].tolist(), owners[counted].tolist()):
        counts.setdefault(int(table.paragraph_hashes[entry]), set()).add(owner)
    result = []
    for index in first.tolist():
        count = len(counts.get(int(hashes[index]), ()))
        if count >= view.boilerplate_documents:
            start, end = (int(value) for value in spans[index])
            result.append(
                CorpusFinding(BOILERPLATE, table.keys[row], "", None, None, count, start, end)
            )
    return result
