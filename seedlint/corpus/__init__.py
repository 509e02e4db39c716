"""Checks across a whole corpus: duplicate and near-duplicate documents, repeated titles
and boilerplate paragraphs.

Each document is reduced on its own to a ``Fingerprint`` (plain data: hashes, a MinHash
signature, paragraph hashes and spans); fingerprints go into a ``CorpusIndex``, which is
saved to and loaded from a data-only file and can be merged with other indexes; and
``findings`` reports on every document, or on a few new ones against the whole index.
"""

from seedlint.corpus.checks import CorpusReport, CorpusText, Source, check, findings
from seedlint.corpus.finding import (
    BOILERPLATE,
    CHECKS,
    DUPLICATE,
    NEAR_DUPLICATE,
    REPEATED_TITLE,
    CorpusFinding,
)
from seedlint.corpus.fingerprint import Fingerprint, exact_similarity, fingerprint
from seedlint.corpus.index import CorpusIndex
from seedlint.corpus.order import path_order
from seedlint.corpus.seeds import fingerprint_seed, seed_parts
from seedlint.corpus.settings import CorpusSettings

__all__ = [
    "BOILERPLATE",
    "CHECKS",
    "DUPLICATE",
    "NEAR_DUPLICATE",
    "REPEATED_TITLE",
    "CorpusFinding",
    "CorpusIndex",
    "CorpusReport",
    "CorpusSettings",
    "CorpusText",
    "Fingerprint",
    "Source",
    "check",
    "exact_similarity",
    "findings",
    "fingerprint",
    "fingerprint_seed",
    "path_order",
    "seed_parts",
]
