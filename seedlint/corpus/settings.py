"""The settings of the corpus checks, and the LSH band shape they imply.

Candidate pairs for the near-duplicate check come from locality-sensitive hashing: a
signature of ``num_perm`` MinHash values is cut into ``bands`` bands of ``rows`` values,
and two documents become a candidate pair when any band is identical. The chance that a
pair of Jaccard similarity ``s`` shares a band is ``1 - (1 - s**rows) ** bands``; the band
shape is the most selective one (largest ``rows``) that still finds a pair at the
threshold with probability ``RECALL_AT_THRESHOLD``. Candidates are then measured, so a
loose band shape costs a few extra comparisons, while a tight one loses pairs for good.
"""

from __future__ import annotations

import math

import msgspec

RECALL_AT_THRESHOLD = 0.995
MAX_PERMUTATIONS = 1024  # a signature costs 4 bytes per permutation per document
MAX_SEED = 2**32 - 1  # numpy's RandomState takes 32-bit seeds


class CorpusSettings(msgspec.Struct, frozen=True):
    """What the corpus checks compare, and from when on they report."""

    shingle_words: int = 5  # words per shingle for the near-duplicate check
    num_perm: int = 128  # MinHash permutations: the estimate's error is ~1/sqrt(num_perm)
    threshold: float = 0.8  # Jaccard similarity from which two documents are near-duplicates
    boilerplate_min_documents: int = 3  # a boilerplate paragraph is in at least this many...
    boilerplate_share: float = 0.01  # ...and in at least this share of the documents
    seed: int = 1  # seeds the MinHash permutations; an index is only valid for its seed

    def problem(self) -> str | None:
        """Why these settings cannot be used, or None when they can."""
        if not 1 <= self.shingle_words <= 64:
            return f"shingle_words must be between 1 and 64, not {self.shingle_words}"
        if not 1 <= self.num_perm <= MAX_PERMUTATIONS:
            return f"num_perm must be between 1 and {MAX_PERMUTATIONS}, not {self.num_perm}"
        if not 0.0 < self.threshold <= 1.0:
            return f"threshold must be above 0 and at most 1, not {self.threshold}"
        if self.boilerplate_min_documents < 2:
            least = self.boilerplate_min_documents
            return f"boilerplate_min_documents must be at least 2, not {least}"
        if not 0.0 <= self.boilerplate_share <= 1.0:
            return f"boilerplate_share must be between 0 and 1, not {self.boilerplate_share}"
        if not 0 <= self.seed <= MAX_SEED:
            return f"seed must be between 0 and {MAX_SEED}, not {self.seed}"
        return None

    def fingerprinting(self) -> dict[str, int]:
        """The settings a fingerprint depends on: an index is valid for these alone."""
        return {
            "shingle_words": self.shingle_words,
            "num_perm": self.num_perm,
            "seed": self.seed,
        }

    def checked(self) -> CorpusSettings:
        """These settings, or ValueError naming what is wrong with them."""
        problem = self.problem()
        if problem is not None:
            raise ValueError(problem)
        return self

    def boilerplate_documents(self, documents: int) -> int:
        """From how many documents on a paragraph is boilerplate, in a corpus of ``documents``."""
        return max(self.boilerplate_min_documents, math.ceil(self.boilerplate_share * documents))


def candidate_probability(similarity: float, bands: int, rows: int) -> float:
    """The chance that two documents of this Jaccard similarity share at least one band."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows): the most selective cut of a signature that still finds pairs at the
    threshold with probability RECALL_AT_THRESHOLD; one value per band when none does."""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if candidate_probability(threshold, bands, rows) >= RECALL_AT_THRESHOLD:
            return bands, rows
    return num_perm, 1
