"""Output formats: one module per format, each reading diagnostics and writing a report.

Every format is a ``Reporter`` (``output.base``): it receives each document's diagnostics
in order, then the run's ``Summary``. ``FORMATS`` names them; a format's module is
imported only when it is used.
"""

from __future__ import annotations

import importlib
from typing import Any

from seedlint.output.base import Reporter

FORMATS = {
    "text": ("seedlint.output.text", "FullReporter"),
    "concise": ("seedlint.output.text", "ConciseReporter"),
    "json": ("seedlint.output.json", "JsonReporter"),
    "json-lines": ("seedlint.output.json", "JsonLinesReporter"),
    "github": ("seedlint.output.github", "GithubReporter"),
    "sarif": ("seedlint.output.sarif", "SarifReporter"),
    "junit": ("seedlint.output.junit", "JunitReporter"),
}
# formats that can print --statistics (counts per rule) instead of each finding
STATISTICS_FORMATS = ("text", "concise", "json")


def reporter(name: str, **options: Any) -> Reporter:
    module, cls = FORMATS[name]
    built: Reporter = getattr(importlib.import_module(module), cls)(**options)
    return built
