"""What a corpus check reports: one finding on one document."""

from __future__ import annotations

import msgspec

from seedlint.corpus.order import path_order

DUPLICATE = "duplicate-document"
NEAR_DUPLICATE = "near-duplicate"
REPEATED_TITLE = "repeated-title"
BOILERPLATE = "boilerplate-paragraph"
CHECKS = (DUPLICATE, NEAR_DUPLICATE, REPEATED_TITLE, BOILERPLATE)


class CorpusFinding(msgspec.Struct, frozen=True):
    """A finding on document ``key``.

    ``other`` is the earliest document (in path order) it repeats, "" for boilerplate.
    ``similarity`` is the MinHash estimate of a near-duplicate's Jaccard similarity and
    ``exact`` the exact one when both bodies were available (it decided; otherwise the
    estimate did). ``count`` is how many documents share the body (duplicate), the title
    (repeated title) or the paragraph (boilerplate, counting documents of distinct
    bodies). ``start`` and ``end`` are the paragraph's character offsets in the document
    for boilerplate, 0 and 0 for the checks on a whole document.
    """

    check: str
    key: str
    other: str
    similarity: float | None
    exact: float | None
    count: int | None
    start: int
    end: int

    def sort_key(self) -> tuple[tuple[str, int, str], int, int, int, tuple[str, int, str]]:
        return (
            path_order(self.key),
            CHECKS.index(self.check),
            self.start,
            self.end,
            path_order(self.other),
        )

    def message(self) -> str:
        if self.check == DUPLICATE:
            return f"same body as {self.other} ({self.count} documents have this body)"
        if self.check == NEAR_DUPLICATE:
            measured = (
                f"similarity {self.similarity:.2f}, estimated"
                if self.exact is None
                else f"similarity {self.exact:.2f}"
            )
            return f"near-duplicate of {self.other} ({measured})"
        if self.check == REPEATED_TITLE:
            return (
                f"same title as {self.other}, with another body "
                f"({self.count} documents have this title)"
            )
        return f"paragraph found in {self.count} documents"
