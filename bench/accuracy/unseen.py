"""False alarms on news from a publisher no rule was developed on: the Lee corpus.

    python bench/accuracy/unseen.py [--strict] [--write-new]

Fetches the 350 ABC news articles of the Lee corpus from PyPI (gensim's test data; see
tests/accuracy/lee_corpus.py), writes them as seeds, runs ``seedlint check`` on the folder
with every default rule and compares each finding with the record in tests/data/lee/:
findings and false alarms per rule and per 100 articles, then every finding nobody has read
(to be read in context, then recorded in known_defects.tsv or false_alarms.tsv).
``--write-new`` records the unread findings as false alarms marked "not yet read", to be
judged one by one. ``--strict`` exits 1 when a finding is unread or a recorded one is gone.
``--recall`` also damages up to ``--per-class`` articles per defect class, as run.py does
for the project's corpora, and prints recall and how often ``fix`` restores the clean twin's
fix (``--show N``: up to N misses of each class).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

# the corpus and its record are shared with the tests, in tests/accuracy
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "accuracy"))

import lee_corpus
from known_findings import (
    FALSE_COLUMNS,
    KNOWN_COLUMNS,
    Verdicts,
    compare,
    read_rows,
    write_rows,
)

UNREAD = "not yet read"


def verdicts() -> Verdicts:
    return Verdicts(
        read_rows(lee_corpus.HOME / "known_defects.tsv", KNOWN_COLUMNS[-1]),
        read_rows(lee_corpus.HOME / "false_alarms.tsv", FALSE_COLUMNS[-1]),
    )


def recall(data: Path, per_class: int, seed: int, show: int) -> None:
    """Recall and restored share per defect class on damaged copies of the articles."""
    from inject import CLASSES, build_cases
    from published import Published
    from run import GroupResult, check_fixes, lint_all, load_seedlint, report_damaged
    from score import score

    seedlint = load_seedlint()
    seeds = {  # the article that is not UTF-8 is left out: its damage would be ill-defined
        name.removesuffix(".txt"): text.decode("utf-8")
        for name, text in lee_corpus.seeds(data).items()
        if text.isascii()
    }

    def fix(text: str, path: str | None = None) -> str:
        return str(seedlint.fix_text(text)[0])

    def lint(text: str, *, path: str) -> list[object]:
        return list(seedlint.lint_text(text, path=path))

    cases = build_cases(per_class, seed=seed, articles=seeds, clean_share=0, classes=CLASSES)
    findings, _ = lint_all(lint, cases)
    published = Published(articles=len(seeds), fixed={key: fix(t) for key, t in seeds.items()})
    result = GroupResult("lee", "unseen", published, score(cases, findings))
    check_fixes(fix, cases, result)
    print(f"\n== damaged copies: {len(cases)} documents, seed {seed} ==")
    report_damaged(result, show)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--write-new", action="store_true")
    parser.add_argument("--recall", action="store_true")
    parser.add_argument("--per-class", type=int, default=40, metavar="N")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--show", type=int, default=0, metavar="N", help="misses per class")
    args = parser.parse_args()
    data = lee_corpus.fetch()
    with tempfile.TemporaryDirectory() as folder:
        lee_corpus.write_seeds(data, Path(folder))
        documents = len(list(Path(folder).glob("*.txt")))
        found = lee_corpus.check(Path(folder))
    record = verdicts()
    outcome = compare(found, record)
    print(f"Lee corpus (ABC news, 2001-2002): {documents} articles, {len(found)} findings")
    rules = sorted({key.code for key in found})
    real = Counter(key.code for key in found if record.verdict(key) == "real")
    false = Counter(key.code for key in found if record.verdict(key) == "false")
    print("  rule     findings  real  false  unread")
    for code in rules:
        total = sum(1 for key in found if key.code == code)
        unread = total - real[code] - false[code]
        print(f"  {code}  {total:>10}  {real[code]:>4}  {false[code]:>5}  {unread:>6}")
    alarms = sum(false.values())
    print(f"false alarms: {alarms} = {100 * alarms / documents:.2f} per 100 articles")
    for key in outcome.unexplained:
        print(f"unread     {key.file}:{key.row} {key.code} {key.flagged}  {found[key]}")
    for key in outcome.lost_real:
        print(f"gone real  {key.file}:{key.row} {key.code} {key.flagged}")
    for key in outcome.stale_false:
        print(f"gone false {key.file}:{key.row} {key.code} {key.flagged}")
    if args.recall:
        recall(data, args.per_class, args.seed, args.show)
    if args.write_new and outcome.unexplained:
        false_rows = {**record.false, **dict.fromkeys(outcome.unexplained, UNREAD)}
        write_rows(lee_corpus.HOME / "false_alarms.tsv", FALSE_COLUMNS, false_rows)
    return 1 if args.strict and not outcome.exact else 0


if __name__ == "__main__":
    sys.exit(main())
