"""Cost of the corpus checks: fingerprinting and finding all pairs per 1,000 documents at
10,000 and 100,000 documents, the index's size on disk, the time to check one new
document against a saved 100,000-document index (a fresh process: import, load,
fingerprint, query), and peak RSS. Prints figures; a benchmark, not a unit test.

    python bench/corpus/run.py                  # 10,000 and 100,000 documents, ~15 minutes
    python bench/corpus/run.py --sizes 10000    # one size
    python bench/corpus/run.py --no-rules       # without the command-line figures

Then, through the command line (bench/corpus/rules.py): the cost of the corpus rules per
1,000 documents in a whole `seedlint check`, and one new file checked against a kept index
of the largest size, as pre-commit runs it.

The corpora are made from the 288 English Wikinews articles (CC BY 2.5, see
tests/data/wikinews/README.md): each document takes 3 to 9 paragraphs of random articles
and replaces a fifth of their words with words of the articles, so documents are as
unrelated as real ones; 1% are then exact copies, 1% near-copies (a paragraph of seven or
more dropped, one word in 50 changed) and 2% carry a boilerplate paragraph. Each size runs
in a process of its own, so that its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from wikinews import seeds  # noqa: E402

SEED = 2024
REPLACED_SHARE = 0.2
COPY_SHARE = 0.01
NEAR_SHARE = 0.01
BOILERPLATE_SHARE = 0.02
NEAR_DROP_FROM = 7  # a near-copy loses a paragraph when it has this many or more
NEAR_WORD_STEP = 50  # and one word in this many changed
BOILERPLATE = "Reporting for this article was shared under the Creative Commons licence."


def corpus(size: int) -> list[tuple[str, str]]:
    """(key, seed text) of ``size`` synthetic documents (see the module docstring)."""
    rng = random.Random(SEED)
    articles = [text for _, text in seeds("en")]
    paragraphs = [p.split(" ") for text in articles for p in text.split("\n\n")[1:] if p.strip()]
    vocabulary = [word for paragraph in paragraphs for word in paragraph]
    titles = [text.partition("\n")[0].split(" ", 2)[2] for text in articles]
    documents: list[tuple[str, str]] = []
    for number in range(size):
        key = f"corpus/{number // 1000:03d}/{number % 1000:03d}.txt"
        draw = rng.random()
        if documents and draw < COPY_SHARE:
            documents.append((key, rng.choice(documents)[1]))
            continue
        if documents and draw < COPY_SHARE + NEAR_SHARE:
            documents.append((key, near(rng.choice(documents)[1], rng)))
            continue
        body = []
        for _ in range(rng.randint(3, 9)):
            words = list(rng.choice(paragraphs))
            for position in rng.sample(range(len(words)), int(len(words) * REPLACED_SHARE)):
                words[position] = rng.choice(vocabulary)
            body.append(" ".join(words))
        if rng.random() < BOILERPLATE_SHARE:
            body.append(BOILERPLATE)
        title = f"{rng.choice(titles)} ({number})"
        documents.append((key, f"date 2024-01-18 {title}\n\n" + "\n\n".join(body) + "\n"))
    return documents


def near(text: str, rng: random.Random) -> str:
    header, _, body = text.partition("\n\n")
    paragraphs = body.rstrip("\n").split("\n\n")
    if len(paragraphs) >= NEAR_DROP_FROM:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    words = "\n\n".join(paragraphs).split(" ")
    for position in range(0, len(words), NEAR_WORD_STEP):
        if "\n" not in words[position]:
            words[position] = "altered"
    return f"{header}\n\n" + " ".join(words) + "\n"


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure_size(size: int, index_path: Path) -> dict[str, float]:
    """Build, check and save one corpus; runs in a process of its own."""
    from seedlint.corpus import CorpusIndex, CorpusSettings, findings, fingerprint_seed

    settings = CorpusSettings()
    documents = corpus(size)
    started = time.perf_counter()
    prints = [fingerprint_seed(key, text, settings) for key, text in documents]
    fingerprinted = time.perf_counter() - started
    started = time.perf_counter()
    index = CorpusIndex(settings)
    for item in prints:
        index.add(item)
    index.table()
    built = time.perf_counter() - started
    started = time.perf_counter()
    found = findings(index)
    searched = time.perf_counter() - started
    started = time.perf_counter()
    index.save(index_path)
    saved = time.perf_counter() - started
    counts: dict[str, int] = {}
    for finding in found:
        counts[finding.check] = counts.get(finding.check, 0) + 1
    return {
        "documents": size,
        "fingerprint_per_1000": fingerprinted / size * 1000,
        "index_per_1000": built / size * 1000,
        "all_pairs_per_1000": searched / size * 1000,
        "save_seconds": saved,
        "index_bytes": index_path.stat().st_size,
        "peak_rss": peak_rss(),
        **{f"found {name}": count for name, count in sorted(counts.items())},
    }


QUERY = """
import json, resource, sys, time
started = time.perf_counter()
from seedlint.corpus import CorpusIndex, CorpusSettings, findings, fingerprint_seed
imported = time.perf_counter()
index = CorpusIndex.load(sys.argv[1], CorpusSettings())
loaded = time.perf_counter()
text = open(sys.argv[2], encoding="utf-8").read()
index.add(fingerprint_seed("new/document.txt", text, CorpusSettings()))
found = findings(index, ["new/document.txt"])
done = time.perf_counter()
print(json.dumps({
    "import": imported - started, "load": loaded - imported, "query": done - loaded,
    "total": done - started, "findings": [f.message() for f in found],
    "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
}))
"""


def measure_query(index_path: Path, size: int, folder: Path) -> dict[str, object]:
    """One new document (a near-copy of a stored one) against the saved index, in a fresh
    process, the best of three runs (the file is in the page cache after the first)."""
    text = near(corpus(min(size, 2000))[1500][1], random.Random(SEED))
    (folder / "new.txt").write_text(text, encoding="utf-8")
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", QUERY, str(index_path), str(folder / "new.txt")],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        figures = json.loads(result.stdout)
        figures["process"] = time.perf_counter() - started
        runs.append(figures)
    return min(runs, key=lambda figures: float(figures["total"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child's size
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-rules", action="store_true", help="skip the command-line figures")
    parser.add_argument(
        "--check-size", type=int, default=10_000, help="files of the whole-check figure"
    )
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_size(args.one, args.index)))
        return
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print(
            "| documents | fingerprint /1000 | index /1000 | all pairs /1000 | save | "
            "index size | peak RSS | findings |"
        )
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for size in args.sizes:
            path = work / f"corpus-{size}.index"
            child = subprocess.run(
                [sys.executable, __file__, "--one", str(size), "--index", str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            figures = json.loads(child.stdout)
            found = ", ".join(
                f"{name[6:]} {count}"
                for name, count in figures.items()
                if name.startswith("found ")
            )
            print(
                f"| {size:,} | {figures['fingerprint_per_1000']:.2f} s | "
                f"{figures['index_per_1000']:.3f} s | {figures['all_pairs_per_1000']:.3f} s | "
                f"{figures['save_seconds']:.2f} s | {figures['index_bytes'] / 1e6:.1f} MB | "
                f"{figures['peak_rss'] / 1e6:.0f} MB | {found} |"
            )
        largest = max(args.sizes)
        query = measure_query(work / f"corpus-{largest}.index", largest, work)
        print(
            f"\nOne new document against the saved {largest:,}-document index, in a fresh "
            f"process (best of 3):"
        )
        print(
            f"- import {query['import']:.3f} s, load {query['load']:.3f} s, fingerprint and "
            f"query {query['query']:.3f} s: {query['total']:.3f} s "
            f"({query['process']:.3f} s with interpreter start)"
        )
        print(f"- peak RSS {float(query['peak_rss']) / 1e6:.0f} MB; findings: {query['findings']}")
    if not args.no_rules:
        from rules import report

        report(args.check_size, max(args.sizes))


if __name__ == "__main__":
    main()
