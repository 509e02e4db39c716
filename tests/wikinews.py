"""The Wikinews articles under tests/data/wikinews, rendered as seed documents.

Text: Wikinews contributors, CC BY 2.5 (see tests/data/wikinews/README.md).
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).parent / "data" / "wikinews"
FRENCH_DATE = "2012-01-01"  # the French index has no dates; the articles are from 2012


def seeds(language: str = "en") -> list[tuple[str, str]]:
    """(file name, seed text) for every article of the language ("en" or "fr")."""
    folder = DATA / f"wikinews_{language}"
    with (folder / "index.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    result = []
    for row in rows:
        text = (folder / row["file"]).read_text(encoding="utf-8")
        headline, _, body = text.partition("\n\n")
        date = row["date"] or FRENCH_DATE
        result.append((row["file"], f"date {date} {row['title'] or headline}\n\n{body}"))
    return result
