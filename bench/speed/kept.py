"""Kept names at scale: what SL505's kept contributions cost a run as a corpus grows.

A run with the cache over a configured corpus opens ``corpus-NAME.kept`` when a document
changed (pre-commit, a few files): it loads the file, replaces the changed documents'
contributions and writes it again. This script makes the contributions of the news corpus
(2,585 articles, in-process with the bundled rules), gives them new keys until the kept
file holds N documents, and times that load and a change of one document followed by the
save, at each size. The time per document should fall or stay flat as N grows: the file is
read whole, but a contribution is decoded only when its document changes. It also
measures the memory of the index a run fills as the contributions arrive (tracemalloc,
bytes per document past the first corpus's, whose names are new).

    python bench/speed/kept.py                          # 10,000 and 100,000 documents
    python bench/speed/kept.py --documents 10000 1000000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import corpus  # bench/speed/corpus.py, beside this script
from msgspec.structs import replace

sys.path.insert(0, str(corpus.REPO))

from seedlint.engine.corpus import CorpusGroup, corpus_groups
from seedlint.engine.linter import Linter
from seedlint.io.kept_contributions import KeptContributions
from seedlint.ruleset.config import Config
from seedlint.ruleset.rulefile import load_rules

ROUNDS = 3  # the best of a few: a busy machine only adds time
FINGERPRINT = "bench"
DIGEST = bytes(16)


def contributions(group: CorpusGroup, linter: Linter) -> list[Any]:
    folder = corpus.build_news().path
    found = []
    for path in sorted(folder.rglob("*.txt")):
        doc = linter.document(path.read_text(encoding="utf-8"), str(path))
        found.append(group.contribute(doc, path.name))
    return found


def kept_file(folder: Path, group: CorpusGroup, made: list[Any], documents: int) -> None:
    """A kept file of ``documents`` contributions: the corpus's, again and again under new
    keys."""
    store = KeptContributions(folder, group, FINGERPRINT)
    for number in range(documents):
        contribution = made[number % len(made)]
        store.put(replace(contribution, key=f"{number:08d}/{contribution.key}"), DIGEST)
    store.save()


def index_bytes(group: CorpusGroup, made: list[Any], documents: int) -> float:
    """Bytes per document of the index the ``seedlint`` process fills as the documents'
    contributions arrive, each a copy of its own (as from a worker), past the first
    corpus's (whose names are new)."""
    import gc
    import pickle
    import tracemalloc

    copies = [pickle.dumps(contribution) for contribution in made]
    index = group.new_index()
    gc.collect()
    tracemalloc.start()
    for number in range(documents):
        if number == len(made):
            first = tracemalloc.get_traced_memory()[0]
        contribution = pickle.loads(copies[number % len(made)])
        index.add(replace(contribution, key=f"{number:08d}/{contribution.key}"))
    used = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return (used - first) / (documents - len(made))


def change_one(folder: Path, group: CorpusGroup) -> tuple[float, float]:
    """(load, change one document and save) in seconds, the best of ``ROUNDS``."""
    loads, saves = [], []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        store = KeptContributions(folder, group, FINGERPRINT)
        loaded = time.perf_counter()
        key = min(store.digests)
        store.put(store.index.get(key), bytes(range(16)))
        store.save()
        loads.append(loaded - start)
        saves.append(time.perf_counter() - loaded)
        assert not store.notes, store.notes
    return min(loads), min(saves)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    linter = Linter(load_rules(["default"], Path.cwd()), Config(root=Path.cwd()).lint_settings())
    [group] = [g for g in corpus_groups(linter.rules) if g.kind.name == "corpus_possessive"]
    made = contributions(group, linter)
    print(
        "| documents | file (MB) | load (s) | change one and save (s) | µs per document "
        "| index, bytes per document |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as temporary:
        for documents in args.documents:
            folder = Path(temporary) / str(documents)
            kept_file(folder, group, made, documents)
            size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            load, save = change_one(folder, group)
            per_document = (load + save) / documents * 1e6
            memory = index_bytes(group, made, documents)
            print(
                f"| {documents:,} | {size:.1f} | {load:.3f} | {save:.3f} | {per_document:.2f} "
                f"| {memory:.0f} |"
            )


if __name__ == "__main__":
    main()
