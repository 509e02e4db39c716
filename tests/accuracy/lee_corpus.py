"""News from a publisher no rule was developed on before its first reading: the Lee corpus.

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
``tests/data/lee/`` (``known_defects.tsv``, ``false_alarms.tsv``); see ``unseen_corpora``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

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


def seeds() -> dict[str, bytes]:
    """Every article as a seed document (file name -> bytes), fetching the corpus first."""
    data = fetch()
    result = {}
    for name in MEMBERS:
        stem = name.removesuffix(".cor")
        lines = [line for line in (data / name).read_bytes().split(b"\n") if line.strip()]
        for number, line in enumerate(lines, 1):
            header = f"date {DATE} ABC news, {stem} article {number}\n\n".encode()
            result[f"{stem}_{number:03d}.txt"] = header + line.strip() + b"\n"
    return result
