"""Held-out news from a publisher no rule was developed on: the Lee corpus, as seeds.

The Lee corpus (M. D. Lee, B. Pincombe and M. Welsh, "An empirical evaluation of models of
text document similarity", 2005) is 350 news articles of the Australian Broadcasting
Corporation from 2001 and 2002, one article per line: 300 "background" articles and 50
more. gensim ships both files in its test data (``gensim/test/test_data/lee_background.cor``
and ``lee.cor``; gensim is LGPL-2.1). They are not copied into this project: ``fetch``
downloads gensim's pinned wheel from PyPI with pip (no other site) into a folder of its own
(``bench/accuracy/.data/lee``, or ``$SEEDLINT_LEE_DIR``), takes the two files out of it,
checks their SHA-256 and keeps them there for the next run.

Each line becomes a seed: ``date 2002-01-01 ABC news, <file> article <n>``, a blank line and
the line itself, bytes as they are (one article holds a Latin-1 pound sign, which is not
UTF-8). The corpus's copy of each article has its paragraphs merged into one line, so every
quotation reopened after a full stop is a merged paragraph (SL304): real damage of this copy.
Seven lines are exact copies of others (SL501).

Every finding of ``seedlint check`` on the folder was read in context and recorded in
``tests/data/lee/`` (``known_defects.tsv``, ``false_alarms.tsv``), as for the corpora under
``tests/data``.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from known_findings import Key, counted, flagged_text

REPO = Path(__file__).resolve().parents[2]
HOME = REPO / "tests" / "data" / "lee"  # README.md and the record of findings
DEFAULT_DATA = REPO / "bench" / "accuracy" / ".data" / "lee"
WHEEL = "gensim==4.4.0"
MEMBERS = {  # file in gensim's test data -> SHA-256 of its bytes
    "lee_background.cor": "5d78d6dafd953bbf65797bef09a9ffb9ec430583381be705f8fd460000f370fb",
    "lee.cor": "a878f9a58f6743c32985c56c2f2f75988386216b38a4023a01fd3bcf7884d93e",
}
TEST_DATA = "gensim/test/test_data/"
DATE = "2002-01-01"


class FetchError(RuntimeError):
    """The corpus could not be downloaded or is not the one recorded."""


def data_folder() -> Path:
    return Path(os.environ.get("SEEDLINT_LEE_DIR") or DEFAULT_DATA)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch(folder: Path | None = None) -> Path:
    """The folder holding the two corpus files, downloading them the first time."""
    folder = folder or data_folder()
    if all(
        (folder / name).is_file() and _sha256((folder / name).read_bytes()) == digest
        for name, digest in MEMBERS.items()
    ):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as download:
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        command += ["--only-binary=:all:", WHEEL, "--dest", download]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        wheels = sorted(Path(download).glob("gensim-*.whl"))
        if done.returncode or not wheels:
            raise FetchError(f"pip download {WHEEL} failed: {done.stderr.strip()[-500:]}")
        with zipfile.ZipFile(wheels[0]) as wheel:
            for name, digest in MEMBERS.items():
                data = wheel.read(TEST_DATA + name)
                if _sha256(data) != digest:
                    raise FetchError(f"{WHEEL}: {name} is not the recorded file")
                partial = folder / f".{name}.part"
                partial.write_bytes(data)
                partial.replace(folder / name)
    return folder


def seeds(data: Path) -> dict[str, bytes]:
    """Every article as a seed document: file name -> bytes."""
    result = {}
    for name in MEMBERS:
        stem = name.removesuffix(".cor")
        lines = [line for line in (data / name).read_bytes().split(b"\n") if line.strip()]
        for number, line in enumerate(lines, 1):
            header = f"date {DATE} ABC news, {stem} article {number}\n\n".encode()
            result[f"{stem}_{number:03d}.txt"] = header + line.strip() + b"\n"
    return result


def write_seeds(data: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in seeds(data).items():
        (folder / name).write_bytes(content)


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
