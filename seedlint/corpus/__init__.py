"""Checks across a whole corpus: duplicate and near-duplicate documents, repeated titles
and boilerplate paragraphs.

Each document is reduced on its own to a ``Fingerprint`` (plain data: hashes, a MinHash
signature, paragraph hashes and spans); fingerprints go into a ``CorpusIndex``, which is
saved to and loaded from a data-only file and can be merged with other indexes; and
``findings`` reports on every document, or on a few new ones against the whole index.

The names below are imported when first asked for: most of them need numpy, whose import
would otherwise weigh on every run that builds a corpus rule's settings
(``seedlint.corpus.settings``), including runs that never fingerprint a document.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# public name -> the module of this package that defines it
_HOMES = {
    "CorpusReport": "checks",
    "CorpusText": "checks",
    "Source": "checks",
    "check": "checks",
    "findings": "checks",
    "BOILERPLATE": "finding",
    "CHECKS": "finding",
    "DUPLICATE": "finding",
    "NEAR_DUPLICATE": "finding",
    "REPEATED_TITLE": "finding",
    "CorpusFinding": "finding",
    "Fingerprint": "fingerprint",
    "exact_similarity": "fingerprint",
    "fingerprint": "fingerprint",
    "CorpusIndex": "index",
    "path_order": "order",
    "fingerprint_seed": "seeds",
    "seed_parts": "seeds",
    "CorpusSettings": "settings",
}

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


class _Package(types.ModuleType):
    """This package: its ``fingerprint`` is always the function of the module of that
    name, as when every name was imported here; importing the module, from wherever,
    would otherwise make the package's attribute the module."""

    @property
    def fingerprint(self) -> Any:
        from seedlint.corpus.fingerprint import fingerprint

        return fingerprint

    @fingerprint.setter
    def fingerprint(self, value: Any) -> None:
        pass  # the import system naming the submodule: the function stays


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # asked once per process
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
