"""False alarms and recall on text no rule was developed on: ABC news and State of the Union
addresses.

    python bench/accuracy/unseen.py [--corpus lee|sotu] [--strict] [--write-new]
                                    [--recall [--per-class N] [--seed N] [--show N]]

For each corpus (tests/accuracy/unseen_corpora.py: the Lee corpus's 350 ABC news articles,
fetched from PyPI, and the 78 State of the Union addresses of 1946-2021 in tests/data/sotu)
it writes the seeds into a folder, runs ``seedlint check`` on it with every default rule and
compares each finding with the corpus's record: findings and false alarms per rule, per 100
documents and per 100,000 words, then every finding nobody has read (to be read in context,
then recorded in known_defects.tsv or false_alarms.tsv). ``--write-new`` records the unread
findings as false alarms marked "not yet read", to be judged one by one. ``--strict`` exits
1 when a finding is unread or a recorded one is gone. ``--recall`` also damages up to
``--per-class`` documents per defect class, as run.py does for the project's corpora, and
prints recall and how often ``fix`` restores the clean twin's fix (``--show N``: up to N
misses of each class).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

# the corpora and their records are shared with the tests, in tests/accuracy
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "accuracy"))

from known_findings import FALSE_COLUMNS, compare, write_rows
from unseen_corpora import UNSEEN, UnseenCorpus, check, write_seeds

UNREAD = "not yet read"
WORDS_PER_FIGURE = 100_000


def recall(corpus: UnseenCorpus, per_class: int, seed: int, show: int) -> None:
    """Recall and restored share per defect class on damaged copies of the documents."""
    from published import Published
    from run import damaged_result, load_seedlint, report_damaged

    seedlint = load_seedlint()
    seeds = {  # a document that is not UTF-8 is left out: its damage would be ill-defined
        name.removesuffix(".txt"): text.decode("utf-8")
        for name, text in corpus.seeds().items()
        if text.isascii()
    }

    def fix(text: str, path: str | None = None) -> str:
        return str(seedlint.fix_text(text)[0])

    def lint(text: str, *, path: str) -> list[object]:
        return list(seedlint.lint_text(text, path=path))

    published = Published(articles=len(seeds), fixed={key: fix(t) for key, t in seeds.items()})
    result, cases, _ = damaged_result(
        corpus.name, "unseen", seeds, published, (lint, fix), per_class, seed
    )
    print(f"\n== {corpus.name}, damaged copies: {len(cases)} documents, seed {seed} ==")
    report_damaged(result, show)


def report(corpus: UnseenCorpus, write_new: bool) -> bool:
    """Print the corpus's findings against its record; whether they match it exactly."""
    with tempfile.TemporaryDirectory() as folder:
        documents = write_seeds(corpus, Path(folder))
        words = sum(len(p.read_bytes().split()) for p in Path(folder).glob("*.txt"))
        found = check(Path(folder))
    record = corpus.verdicts()
    outcome = compare(found, record)
    print(f"\n== {corpus.name} ({corpus.description}): {documents} documents, {words:,} words ==")
    print(f"{len(found)} findings")
    real = Counter(key.code for key in found if record.verdict(key) == "real")
    false = Counter(key.code for key in found if record.verdict(key) == "false")
    print("  rule     findings  real  false  unread")
    for code in sorted({key.code for key in found}):
        total = sum(1 for key in found if key.code == code)
        unread = total - real[code] - false[code]
        print(f"  {code}  {total:>10}  {real[code]:>4}  {false[code]:>5}  {unread:>6}")
    alarms = sum(false.values())
    print(
        f"false alarms: {alarms} = {100 * alarms / documents:.2f} per 100 documents, "
        f"{WORDS_PER_FIGURE * alarms / words:.2f} per {WORDS_PER_FIGURE:,} words"
    )
    for key in outcome.unexplained:
        print(f"unread     {key.file}:{key.row} {key.code} {key.flagged}  {found[key]}")
    for key in outcome.lost_real:
        print(f"gone real  {key.file}:{key.row} {key.code} {key.flagged}")
    for key in outcome.stale_false:
        print(f"gone false {key.file}:{key.row} {key.code} {key.flagged}")
    if write_new and outcome.unexplained:
        false_rows = {**record.false, **dict.fromkeys(outcome.unexplained, UNREAD)}
        write_rows(corpus.home / "false_alarms.tsv", FALSE_COLUMNS, false_rows)
    return outcome.exact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=sorted(UNSEEN), action="append")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--write-new", action="store_true")
    parser.add_argument("--recall", action="store_true")
    parser.add_argument("--per-class", type=int, default=40, metavar="N")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--show", type=int, default=0, metavar="N", help="misses per class")
    args = parser.parse_args()
    exact = True
    for name in args.corpus or UNSEEN:
        corpus = UNSEEN[name]
        exact = report(corpus, args.write_new) and exact
        if args.recall:
            recall(corpus, args.per_class, args.seed, args.show)
    return 1 if args.strict and not exact else 0


if __name__ == "__main__":
    sys.exit(main())
